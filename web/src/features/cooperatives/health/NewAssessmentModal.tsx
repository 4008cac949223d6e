import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../../../lib/api';
import {
  rubricShortName,
  useRubricVersions,
  useStatements,
  type Assessment,
  type AssessmentListItem,
} from '../../../lib/assessment';
import { todayJakarta } from '../../../lib/format';
import type { Coop } from '../../../lib/types';

export function NewAssessmentModal({
  coop,
  items,
  onClose,
}: {
  coop: Coop;
  items: AssessmentListItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const thisYear = Number(todayJakarta().slice(0, 4));
  const versions = useRubricVersions();
  const statements = useStatements(coop.id);
  const [rubric, setRubric] = useState<string>(coop.type === 'SIMPAN_PINJAM' ? 'ksp-2016' : 'kk-2021');
  // The latest closed fiscal year not yet assessed with that rubric.
  const [year, setYear] = useState<number | string>(() => {
    for (let y = thisYear - 1; y > thisYear - 6; y--)
      if (!items.some((a) => a.fiscalYear === y && a.rubric === rubric)) return y;
    return thisYear - 1;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const latest = (versions.data ?? []).filter((v) => v.latest);
  const y = typeof year === 'number' ? year : Number.parseInt(year, 10);
  const validYear = Number.isFinite(y) && y >= 1945 && y <= thisYear;
  const hasStatement = (statements.data ?? []).some((s) => s.fiscalYear === y);
  const existing = items.filter((a) => a.fiscalYear === y && a.rubric === rubric);
  const draft = existing.find((a) => a.status === 'DRAFT');
  const final = existing.find((a) => a.status === 'FINAL');

  const create = useMutation({
    mutationFn: () => post<Assessment>(`/cooperatives/${coop.id}/assessments`, { fiscalYear: y, rubric }),
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: ['assessments'] });
      void qc.invalidateQueries({ queryKey: ['timeline', String(coop.id)] });
      onClose();
      navigate(`/penilaian/${a.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fields);
    },
  });

  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('assessment.newTitle')}</Text>} centered size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('assessment.newIntro')}
        </Text>
        <NumberInput
          label={t('assessment.fiscalYear')}
          value={year}
          onChange={setYear}
          min={1945}
          max={thisYear}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=""
          w={{ base: '100%', xs: 160 }}
          error={errors.fiscalYear ?? (!validYear && String(year) !== '' ? t('statement.yearInvalid') : undefined)}
          data-autofocus
        />
        <Radio.Group label={t('assessment.rubric')} value={rubric} onChange={setRubric} error={errors.rubric}>
          <Stack gap={8} mt={6}>
            {(latest.length
              ? latest
              : [
                  { rubric: 'ksp-2016', version: 1, title: rubricShortName('ksp-2016') },
                  { rubric: 'kk-2021', version: 1, title: rubricShortName('kk-2021') },
                ]
            )
              .slice()
              .sort((a, b) => a.rubric.localeCompare(b.rubric) * -1)
              .map((v) => (
                <Radio
                  key={v.rubric}
                  value={v.rubric}
                  label={v.title}
                  description={`${t('assessment.versionN', { version: v.version })} · ${t(`assessment.rubricFor.${v.rubric}`, { defaultValue: '' })}`}
                />
              ))}
          </Stack>
        </Radio.Group>
        {validYear && (
          <Alert
            variant="light"
            color={rubric === 'ksp-2016' ? (hasStatement ? 'green' : 'yellow') : 'blue'}
            icon={<IconInfoCircle size={16} />}
            p="xs"
          >
            <Text size="sm">
              {rubric === 'ksp-2016'
                ? hasStatement
                  ? t('assessment.statementAvailable', { year: y })
                  : t('assessment.statementMissing', { year: y })
                : t('assessment.statementNotNeeded')}
            </Text>
            {rubric === 'ksp-2016' && !hasStatement && (
              <Anchor
                component={Link}
                to={`/koperasi/${coop.id}/laporan-keuangan?tahun=${y}`}
                size="sm"
                onClick={onClose}
              >
                {t('assessment.openStatement')}
              </Anchor>
            )}
          </Alert>
        )}
        {(draft || final) && (
          <Alert variant="light" color="orange" p="xs">
            <Text size="sm">
              {draft
                ? t('assessment.existsDraft', { rubric: rubricShortName(rubric), year: y })
                : t('assessment.existsFinal', { rubric: rubricShortName(rubric), year: y })}{' '}
              <Anchor component={Link} to={`/penilaian/${(draft ?? final)?.id ?? ''}`} size="sm" onClick={onClose}>
                {t('assessment.openExisting')}
              </Anchor>
            </Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!validYear}>
            {t('assessment.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
