import { Anchor, Breadcrumbs, Select, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCoop } from '../lib/coop';
import { useRubricDefinition, useRubricVersions, useStatements } from '../lib/assessment';
import { formatNumber, todayJakarta } from '../lib/format';
import { ErrorState, PageHeader } from '../components/common';
import { StatementEditor } from '../features/statements/StatementEditor';
import { allCodes } from '../features/statements/useStatementEditor';
import '../lib/desk';

export default function StatementPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const [sp, setSp] = useSearchParams();
  const coop = useCoop(id);
  const statements = useStatements(id);
  const versions = useRubricVersions();
  const latest = versions.data?.find((v) => v.rubric === 'ksp-2016' && v.latest);
  const rubric = useRubricDefinition(latest?.rubric, latest?.version);

  const thisYear = Number(todayJakarta().slice(0, 4));
  const existing = (statements.data ?? []).map((s) => s.fiscalYear);
  const yearParam = Number.parseInt(sp.get('tahun') ?? '', 10);
  const year =
    Number.isFinite(yearParam) && yearParam >= 1945 && yearParam <= thisYear
      ? yearParam
      : (existing[0] ?? thisYear - 1);
  const years = [...new Set([...existing, ...Array.from({ length: 12 }, (_, i) => thisYear - i), year])].sort(
    (a, b) => b - a,
  );

  const error = coop.error ?? statements.error ?? versions.error ?? rubric.error;
  if (error)
    return (
      <ErrorState
        error={error}
        onRetry={() => void Promise.all([coop.refetch(), statements.refetch(), versions.refetch(), rubric.refetch()])}
      />
    );
  if (!coop.data || !statements.data || !rubric.data || !id) {
    return (
      <Stack>
        <Skeleton h={40} w="50%" />
        <Skeleton h={400} />
      </Stack>
    );
  }
  if (rubric.data.method !== 'weighted') return null;

  const statement = statements.data.find((s) => s.fiscalYear === year);

  return (
    <>
      <Breadcrumbs mb="xs" separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        {coop.data.can.browse && (
          <Anchor component={Link} to="/koperasi" size="sm">
            {t('nav.cooperatives')}
          </Anchor>
        )}
        <Anchor
          component={Link}
          to={`/koperasi/${id}?tab=kesehatan`}
          size="sm"
          truncate="end"
          maw={{ base: 200, sm: 420 }}
        >
          {coop.data.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('statement.title')}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('statement.title')}
        docTitle={[t('statement.title'), coop.data.name]}
        subtitle={coop.data.name}
        actions={
          <Select
            label={t('statement.fiscalYear')}
            data={years.map((y) => ({
              value: String(y),
              label: existing.includes(y) ? `${y}` : `${y} · ${t('statement.yearEmpty')}`,
            }))}
            value={String(year)}
            onChange={(v) =>
              v &&
              setSp(
                (prev) => {
                  const n = new URLSearchParams(prev);
                  n.set('tahun', v);
                  return n;
                },
                { replace: true },
              )
            }
            allowDeselect={false}
            w={200}
            data-testid="statement-year"
          />
        }
      />
      <StatementEditor
        key={`${year}-${statement?.version ?? 0}`}
        coopId={id}
        year={year}
        statement={statement}
        sections={rubric.data.inputSections}
        canEdit={coop.data.can.editDetails && coop.data.status !== 'DIBUBARKAN'}
      />
      <Text size="xs" c="dimmed" mt="md">
        {t('figures.rupiahHint')} · {formatNumber(allCodes(rubric.data.inputSections).length)} pos
      </Text>
    </>
  );
}
