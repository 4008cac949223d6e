import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import '../../i18n/sheets';
import { formatNumber } from '../../lib/format';
import { useDistricts } from '../../lib/meta';

import { Kind, Check, MAX_ERRORS_SHOWN } from './model';

export function CheckResult({ check, kind }: { check: Check; kind: Kind }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const districtName = (code: string) => districts.data?.find((d) => d.code === code)?.name ?? code;
  const badRows = check.total - check.valid;
  const ok = check.errors.length === 0;
  return (
    <Stack gap="sm" data-testid="import-check">
      <Group gap="xs">
        <Badge size="lg" variant="light" color="gray" style={{ textTransform: 'none' }} data-testid="import-total">
          {t('sheets.import.total', { n: formatNumber(check.total) })}
        </Badge>
        <Badge size="lg" variant="light" color="green" style={{ textTransform: 'none' }} data-testid="import-valid">
          {t('sheets.import.valid', { n: formatNumber(check.valid) })}
        </Badge>
        {badRows > 0 && (
          <Badge size="lg" variant="light" color="red" style={{ textTransform: 'none' }} data-testid="import-bad">
            {t('sheets.import.bad', { n: formatNumber(badRows) })}
          </Badge>
        )}
        {check.skipped > 0 && (
          <Badge size="lg" variant="light" color="blue" style={{ textTransform: 'none' }} data-testid="import-skipped">
            {t('sheets.import.skipped', { n: formatNumber(check.skipped) })}
          </Badge>
        )}
      </Group>
      {check.overwrites.length > 0 && (
        <>
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('sheets.import.overwritesTitle', { n: formatNumber(check.overwrites.length) })}
          >
            {t('sheets.import.overwritesText')}
          </Alert>
          <Table.ScrollContainer minWidth={0} type="native" mah={320}>
            <Table
              striped
              withTableBorder
              verticalSpacing={6}
              horizontalSpacing="xs"
              stickyHeader
              fz="sm"
              data-testid="import-overwrites"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>{t('sheets.import.colRow')}</Table.Th>
                  <Table.Th>{t('sheets.import.colName')}</Table.Th>
                  <Table.Th>{t('sheets.import.colField')}</Table.Th>
                  <Table.Th ta="right">
                    {t('sheets.import.colOld')} → {t('sheets.import.colNew')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.overwrites.slice(0, MAX_ERRORS_SHOWN).map((o, i) => (
                  <Table.Tr key={`${o.row}-${i}`} data-testid="import-overwrite-row">
                    <Table.Td className="tabular-nums">{o.row}</Table.Td>
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>{o.field}</Table.Td>
                    <Table.Td ta="right" className="tabular-nums">
                      <Text span size="sm" c="dimmed" td="line-through">
                        {formatNumber(o.before)}
                      </Text>{' '}
                      →{' '}
                      <Text span size="sm" fw={600}>
                        {formatNumber(o.after)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {check.warnings.length > 0 && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          title={t('sheets.import.warningsTitle', { n: formatNumber(check.warnings.length) })}
          data-testid="import-warnings"
        >
          <Text size="sm" mb={4}>
            {t('sheets.import.warningsText')}
          </Text>
          <Stack gap={2}>
            {check.warnings.slice(0, 50).map((w, i) => (
              <Text key={`${w.row}-${i}`} size="sm" data-testid="import-warning-row">
                {t('sheets.import.colRow')} {w.row} — {w.field}: {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {ok ? (
        check.valid > 0 && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} data-testid="import-ok">
            {t('sheets.import.allGood', { n: formatNumber(check.valid) })}
          </Alert>
        )
      ) : (
        <>
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('sheets.import.errorsTitle', { n: formatNumber(check.errors.length) })}
          >
            {t('sheets.import.errorsText')}
          </Alert>
          <Table.ScrollContainer minWidth={480} type="native" mah={420}>
            <Table striped withTableBorder verticalSpacing={6} stickyHeader data-testid="import-errors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('sheets.import.colRow')}</Table.Th>
                  <Table.Th w={180}>{t('sheets.import.colColumn')}</Table.Th>
                  <Table.Th>{t('sheets.import.colMessage')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
                  <Table.Tr key={`${e.row}-${i}`} data-testid="import-error-row">
                    <Table.Td className="tabular-nums">{e.row}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {check.errors.length > MAX_ERRORS_SHOWN && (
            <Text size="xs" c="dimmed">
              {t('sheets.import.moreErrors', {
                shown: formatNumber(MAX_ERRORS_SHOWN),
                n: formatNumber(check.errors.length),
              })}
            </Text>
          )}
        </>
      )}
      {check.preview.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="xs">
            {t('sheets.import.previewTitle', { n: formatNumber(check.preview.length) })}
          </Text>
          <Table.ScrollContainer minWidth={420} type="native">
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('sheets.import.colRow')}</Table.Th>
                  {kind === 'koperasi' ? (
                    <>
                      <Table.Th>{t('sheets.import.colName')}</Table.Th>
                      <Table.Th>{t('sheets.import.colDistrict')}</Table.Th>
                      <Table.Th>{t('sheets.import.colVillage')}</Table.Th>
                    </>
                  ) : (
                    <>
                      <Table.Th>{t('sheets.import.colKey')}</Table.Th>
                      <Table.Th>{t('sheets.import.colYear')}</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.preview.map((p) => (
                  <Table.Tr key={p.row}>
                    <Table.Td className="tabular-nums">{p.row}</Table.Td>
                    {kind === 'koperasi' ? (
                      <>
                        <Table.Td>{p.name}</Table.Td>
                        <Table.Td>{districtName(p.district)}</Table.Td>
                        <Table.Td className="tabular-nums">{p.village}</Table.Td>
                      </>
                    ) : (
                      <>
                        <Table.Td className="tabular-nums">{p.name}</Table.Td>
                        <Table.Td className="tabular-nums">{p.village}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
