import {
  Anchor,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES, CATEGORY_COLORS, RUBRIC_CODES, rubricShortName } from '../lib/assessment';
import { formatCount, formatDate, formatNumber, todayJakarta } from '../lib/format';
import { scoreText } from '../lib/rubric';
import { PageHeader } from '../components/common';
import { DistrictFilter, FilterBar, ListResults, ListTable, useListState } from '../components/ListScaffold';
import { useAssessmentList } from '../features/assessments/api';
import { AssessmentStatusBadge, CategoryBadge } from '../components/assessment';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 20;
const KEYS = ['category', 'district', 'year', 'rubric', 'status'] as const;

export default function AssessmentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, set, clear, activeCount, isMobile, goToPage } = useListState(KEYS);
  const thisYear = Number(todayJakarta().slice(0, 4));

  const filters = {
    category: values.category,
    district: values.district,
    fiscalYear: values.year,
    rubric: values.rubric,
    status: values.status,
  };
  const query = useAssessmentList(filters, page, PAGE_SIZE);
  const data = query.data;

  const filterFields = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" verticalSpacing="xs">
      <Select
        label={t('assessment.filterCategory')}
        placeholder={t('assessment.allCategories')}
        data={CATEGORY_CODES.map((c) => ({ value: c, label: t(`assessment.categories.${c}`) }))}
        value={values.category || null}
        onChange={(v) => set({ category: v })}
        clearable
        comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
      />
      <DistrictFilter
        label={t('assessment.district')}
        placeholder={t('coop.allDistricts')}
        value={values.district}
        onChange={(v) => set({ district: v })}
      />
      <Select
        label={t('assessment.fiscalYear')}
        placeholder={t('assessment.allYears')}
        data={Array.from({ length: 12 }, (_, i) => String(thisYear - i))}
        value={values.year || null}
        onChange={(v) => set({ year: v })}
        clearable
      />
      <Select
        label={t('assessment.rubric')}
        placeholder={t('assessment.allRubrics')}
        data={RUBRIC_CODES.map((r) => ({ value: r, label: rubricShortName(r) }))}
        value={values.rubric || null}
        onChange={(v) => set({ rubric: v })}
        clearable
      />
      <Select
        label={t('assessment.statusLabel')}
        placeholder={t('assessment.allStatuses')}
        data={(['DRAFT', 'FINAL'] as const).map((s) => ({ value: s, label: t(`assessment.status.${s}`) }))}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
      />
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title={t('assessment.listTitle')}
        subtitle={
          data ? (
            <Text span fw={600} c="dark.4" data-testid="assessment-total">
              {formatCount(data.total, 'penilaian')}
            </Text>
          ) : (
            <Skeleton h={16} w={100} />
          )
        }
        actions={<ExportMenu list="assessments" filters={filters} />}
      />

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" mb="xs" data-testid="category-counts">
        {CATEGORY_CODES.map((c) => {
          const active = values.category === c;
          const n = data?.countsByCategory[c] ?? 0;
          return (
            <UnstyledButton
              key={c}
              onClick={() => set({ category: active ? null : c })}
              aria-pressed={active}
              aria-label={`${t(`assessment.categories.${c}`)}: ${formatNumber(n)}`}
              data-testid="category-card"
              data-category={c}
            >
              <Paper
                withBorder
                p={{ base: 'xs', sm: 'sm' }}
                className="category-card"
                h="100%"
                style={{
                  borderLeft: `4px solid var(--mantine-color-${CATEGORY_COLORS[c]}-6)`,
                  background: active ? `var(--mantine-color-${CATEGORY_COLORS[c]}-0)` : undefined,
                  borderColor: active ? `var(--mantine-color-${CATEGORY_COLORS[c]}-5)` : undefined,
                }}
              >
                <Text
                  fz={{ base: 22, sm: 28 }}
                  fw={750}
                  lh={1.1}
                  className="tabular-nums"
                  c={`${CATEGORY_COLORS[c]}.8`}
                >
                  {data ? formatNumber(n) : '–'}
                </Text>
                <Text size="xs" fw={600} lh={1.25} mt={2}>
                  {t(`assessment.categories.${c}`)}
                </Text>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mb="md">
        {t('assessment.countsNote')}
      </Text>

      <FilterBar isMobile={isMobile} fields={filterFields} activeCount={activeCount} onReset={clear} />

      <ListResults
        query={query}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={goToPage}
        empty={activeCount ? t('common.noResults') : t('assessment.none')}
      >
        {(items) =>
          isMobile ? (
            <Stack gap="xs" data-testid="assessment-list">
              {items.map((a) => (
                <Card
                  key={a.id}
                  withBorder
                  padding="sm"
                  component={Link}
                  to={`/penilaian/${a.id}`}
                  data-testid="assessment-item"
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <Stack gap={3} style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm" lh={1.3} className="break-anywhere">
                        {a.cooperative.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        Kec. {a.cooperative.district.name} · {t('assessment.fiscalYear')} {a.fiscalYear}
                      </Text>
                      <Group gap={6} wrap="wrap" mt={2}>
                        <Text size="sm" fw={700} className="tabular-nums">
                          {scoreText(a.total)}
                        </Text>
                        {a.status === 'FINAL' ? (
                          <CategoryBadge code={a.category} size="xs" />
                        ) : (
                          <AssessmentStatusBadge status={a.status} size="xs" />
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {rubricShortName(a.rubric)} · {t('assessment.versionN', { version: a.rubricVersion })}
                        {a.assessedOn ? ` · ${formatDate(a.assessedOn)}` : ''}
                      </Text>
                    </Stack>
                    <IconChevronRight
                      size={18}
                      color="var(--mantine-color-gray-5)"
                      style={{ flexShrink: 0, marginTop: 2 }}
                    />
                  </Group>
                </Card>
              ))}
            </Stack>
          ) : (
            <ListTable
              minWidth={900}
              data-testid="assessment-list"
              columns={[
                { label: t('assessment.cooperative') },
                { label: t('assessment.fiscalYear') },
                { label: t('assessment.rubric') },
                { label: t('assessment.total'), ta: 'right' },
                { label: t('assessment.category') },
                { label: t('assessment.assessedOn') },
              ]}
            >
              {items.map((a) => (
                <Table.Tr
                  key={a.id}
                  className="coop-row"
                  onClick={() => navigate(`/penilaian/${a.id}`)}
                  data-testid="assessment-item"
                >
                  <Table.Td maw={320}>
                    <Anchor
                      component={Link}
                      to={`/penilaian/${a.id}`}
                      fw={600}
                      size="sm"
                      onClick={(e) => e.stopPropagation()}
                    >
                      {a.cooperative.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      Kec. {a.cooperative.district.name}
                    </Text>
                  </Table.Td>
                  <Table.Td fw={700}>{a.fiscalYear}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{rubricShortName(a.rubric)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('assessment.versionN', { version: a.rubricVersion })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" fw={600}>
                    {scoreText(a.total)}
                  </Table.Td>
                  <Table.Td>
                    {a.status === 'FINAL' ? (
                      <CategoryBadge code={a.category} />
                    ) : (
                      <AssessmentStatusBadge status={a.status} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(a.assessedOn)}
                    </Text>
                    {a.assessor && (
                      <Text size="xs" c="dimmed" truncate="end" maw={200}>
                        {a.assessor}
                      </Text>
                    )}
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
