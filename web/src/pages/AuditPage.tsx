import '../lib/dates';
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Collapse, Select, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../lib/api';
import { formatCount, formatDate, formatDateTime } from '../lib/format';
import type { AuditEvent, Page } from '../lib/types';
import { FilterBar, ListResults, ListTable, useListState } from '../components/ListScaffold';
import { ChangeList, useActionLabel, useEntityLabel } from '../components/ChangeList';
import { PageHeader } from '../components/common';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 25;
const KEYS = ['action', 'entityType', 'from', 'to'] as const;

const KNOWN_ACTIONS = [
  'cooperative.create',
  'cooperative.update',
  'cooperative.dissolve',
  'business_unit.create',
  'business_unit.update',
  'business_unit.delete',
  'figures.create',
  'figures.update',
  'figures.delete',
  'annual_meeting.create',
  'annual_meeting.update',
  'assessment.create',
  'assessment.update',
  'assessment.finalize',
  'assessment.delete',
  'user.create',
  'user.update',
  'user.reset_password',
  'user.change_password',
  'user.locked',
];
const KNOWN_ENTITIES = [
  'cooperative',
  'business_unit',
  'yearly_figures',
  'annual_meeting',
  'assessment',
  'financial_statement',
  'user',
];

function Changes({ e }: { e: AuditEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const n = Object.keys(e.changes ?? {}).length;
  if (n === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  if (n <= 2) return <ChangeList changes={e.changes} entityType={e.entityType} />;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => setOpen((o) => !o)}
        rightSection={open ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
        aria-expanded={open}
      >
        {open ? t('audit.hideChanges') : t('audit.showChanges', { count: n })}
      </Button>
      <Collapse expanded={open}>
        <ChangeList changes={e.changes} entityType={e.entityType} />
      </Collapse>
    </Stack>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { values, page, set, clear, activeCount, isMobile, goToPage } = useListState(KEYS);
  const actionLabel = useActionLabel();
  const entityLabel = useEntityLabel();

  const actionOptions = KNOWN_ACTIONS.map((a) => ({
    value: a,
    label: actionLabel(a),
  }));
  const entityOptions = KNOWN_ENTITIES.map((e) => ({
    value: e,
    label: entityLabel(e),
  }));

  const query = useQuery({
    queryKey: ['audit', values, page],
    queryFn: ({ signal }) =>
      get<Page<AuditEvent>>(
        `/audit${buildQuery({ action: values.action, entityType: values.entityType, from: values.from, to: values.to, page, pageSize: PAGE_SIZE })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  const actor = (e: AuditEvent) => (e.actor ? e.actor.fullName || e.actor.username : t('timeline.system'));
  const subject = (e: AuditEvent) => (
    <>
      <Badge size="xs" variant="light" color="gray">
        {entityLabel(e.entityType)}
      </Badge>
      {e.cooperativeId && e.cooperativeName && (
        <Anchor
          component={Link}
          to={`/koperasi/${e.cooperativeId}`}
          size="sm"
          display="block"
          className="break-anywhere"
        >
          {e.cooperativeName}
        </Anchor>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={data ? formatCount(data.total, 'kejadian') : <Skeleton h={16} w={80} />}
        actions={
          <ExportMenu
            list="audit"
            filters={{ action: values.action, entityType: values.entityType, from: values.from, to: values.to }}
          />
        }
      />
      <FilterBar
        isMobile={isMobile}
        activeCount={activeCount}
        onReset={clear}
        fields={
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Select
              label={t('audit.action')}
              placeholder={t('audit.allActions')}
              data={actionOptions}
              value={values.action || null}
              onChange={(v) => set({ action: v })}
              clearable
              searchable
            />
            <Select
              label={t('audit.entityType')}
              placeholder={t('audit.allEntities')}
              data={entityOptions}
              value={values.entityType || null}
              onChange={(v) => set({ entityType: v })}
              clearable
            />
            <DateInput
              label={t('audit.from')}
              placeholder={t('coop.form.pickDate')}
              valueFormat="D MMMM YYYY"
              locale="id"
              clearable
              value={values.from || null}
              maxDate={values.to || undefined}
              onChange={(v) => set({ from: v })}
            />
            <DateInput
              label={t('audit.to')}
              placeholder={t('coop.form.pickDate')}
              valueFormat="D MMMM YYYY"
              locale="id"
              clearable
              value={values.to || null}
              minDate={values.from || undefined}
              onChange={(v) => set({ to: v })}
            />
          </SimpleGrid>
        }
      />

      <ListResults
        query={query}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={goToPage}
        empty={activeCount ? t('common.noResults') : t('common.empty')}
      >
        {(items) =>
          isMobile ? (
            <Stack gap="xs">
              {items.map((e) => (
                <Card key={e.id} withBorder padding="sm" data-testid="audit-item">
                  <Text fw={600} size="sm">
                    {actionLabel(e.action)}
                  </Text>
                  <Text size="xs" c="dimmed" mb={4}>
                    {formatDateTime(e.at)} · {actor(e)}
                  </Text>
                  <div>{subject(e)}</div>
                  <Stack mt="xs">
                    <Changes e={e} />
                  </Stack>
                </Card>
              ))}
            </Stack>
          ) : (
            <ListTable
              minWidth={900}
              highlight={false}
              top
              columns={[
                { label: t('audit.at'), w: 170 },
                { label: t('audit.actor'), w: 160 },
                { label: t('audit.action'), w: 190 },
                { label: t('audit.entity'), w: 220 },
                { label: t('audit.changes') },
              ]}
            >
              {items.map((e) => (
                <Table.Tr key={e.id} data-testid="audit-item">
                  <Table.Td>
                    <Text size="sm">{formatDate(e.at)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.at).split(', ')[1]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actor(e)}</Text>
                    {e.actor?.username && e.actor.username !== 'system' && (
                      <Text size="xs" c="dimmed">
                        {e.actor.username}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {actionLabel(e.action)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{subject(e)}</Table.Td>
                  <Table.Td>
                    <Changes e={e} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        }
      </ListResults>
    </>
  );
}
