import { useState } from 'react';
import { Anchor, Button, Card, Collapse, Group, Indicator, Loader, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronRight, IconX } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../lib/api';
import { CATEGORY_CODES, CATEGORY_COLORS, RUBRIC_CODES, rubricShortName, type AssessmentPage } from '../lib/assessment';
import { formatCount, formatDate, formatNumber, todayJakarta } from '../lib/format';
import { useDistricts } from '../lib/meta';
import { scoreText } from '../lib/rubric';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination, PageHeader } from '../components/common';
import { AssessmentStatusBadge, CategoryBadge } from '../components/assessment';
import { ExportMenu } from '../components/ExportMenu';

const PAGE_SIZE = 20;
const KEYS = ['category', 'district', 'year', 'rubric', 'status'] as const;

export default function AssessmentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { values, page, set, clear, activeCount } = useUrlParams(KEYS);
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const districts = useDistricts();
  const thisYear = Number(todayJakarta().slice(0, 4));

  const filters = {
    category: values.category,
    district: values.district,
    fiscalYear: values.year,
    rubric: values.rubric,
    status: values.status,
  };
  const query = useQuery({
    queryKey: ['assessments', 'list', filters, page],
    queryFn: ({ signal }) => get<AssessmentPage>(`/assessments${buildQuery({ ...filters, page, pageSize: PAGE_SIZE })}`, signal),
    placeholderData: keepPreviousData,
  });
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
      <Select
        label={t('assessment.district')}
        placeholder={t('coop.allDistricts')}
        data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
        value={values.district || null}
        onChange={(v) => set({ district: v })}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={districts.isLoading ? <Loader size={14} /> : undefined}
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
                <Text fz={{ base: 22, sm: 28 }} fw={750} lh={1.1} className="tabular-nums" c={`${CATEGORY_COLORS[c]}.8`}>
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

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
        {isMobile ? (
          <Stack gap="sm">
            <Group justify="space-between">
              <Indicator label={activeCount} size={16} disabled={activeCount === 0} offset={4}>
                <Button variant={filtersOpen ? 'light' : 'default'} onClick={() => setFiltersOpen((o) => !o)} leftSection={<IconAdjustmentsHorizontal size={16} />} aria-expanded={filtersOpen}>
                  {t('common.filters')}
                </Button>
              </Indicator>
              {activeCount > 0 && (
                <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={clear}>
                  {t('common.resetFilters')}
                </Button>
              )}
            </Group>
            <Collapse expanded={filtersOpen}>{filterFields}</Collapse>
          </Stack>
        ) : (
          <Stack gap="xs">
            {filterFields}
            {activeCount > 0 && (
              <Group justify="flex-end">
                <Button variant="subtle" size="xs" color="gray" leftSection={<IconX size={14} />} onClick={clear}>
                  {t('common.resetFilters')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>

      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <Stack gap="xs">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} h={56} />
          ))}
        </Stack>
      ) : data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{activeCount ? t('common.noResults') : t('assessment.none')}</EmptyText>
        </Paper>
      ) : isMobile ? (
        <Stack gap="xs" data-testid="assessment-list" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {data.items.map((a) => (
            <Card key={a.id} withBorder padding="sm" component={Link} to={`/penilaian/${a.id}`} data-testid="assessment-item">
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
                    {a.status === 'FINAL' ? <CategoryBadge code={a.category} size="xs" /> : <AssessmentStatusBadge status={a.status} size="xs" />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {rubricShortName(a.rubric)} · {t('assessment.versionN', { version: a.rubricVersion })}
                    {a.assessedOn ? ` · ${formatDate(a.assessedOn)}` : ''}
                  </Text>
                </Stack>
                <IconChevronRight size={18} color="var(--mantine-color-gray-5)" style={{ flexShrink: 0, marginTop: 2 }} />
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder style={{ overflow: 'hidden', opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover verticalSpacing="sm" data-testid="assessment-list">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('assessment.cooperative')}</Table.Th>
                  <Table.Th>{t('assessment.fiscalYear')}</Table.Th>
                  <Table.Th>{t('assessment.rubric')}</Table.Th>
                  <Table.Th ta="right">{t('assessment.total')}</Table.Th>
                  <Table.Th>{t('assessment.category')}</Table.Th>
                  <Table.Th>{t('assessment.assessedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((a) => (
                  <Table.Tr key={a.id} className="coop-row" onClick={() => navigate(`/penilaian/${a.id}`)} data-testid="assessment-item">
                    <Table.Td maw={320}>
                      <Anchor component={Link} to={`/penilaian/${a.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
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
                    <Table.Td>{a.status === 'FINAL' ? <CategoryBadge code={a.category} /> : <AssessmentStatusBadge status={a.status} />}</Table.Td>
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
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {data && (
        <ListPagination
          page={page}
          pageSize={data.pageSize || PAGE_SIZE}
          total={data.total}
          onChange={(p) => {
            set({ page: p });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </>
  );
}
