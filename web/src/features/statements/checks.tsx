import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { InputSection } from '@domain/rubrics/types';
import { formatRupiah } from '../../lib/format';
import type { LineValues } from './lines';

export function PhuChecks({ values }: { values: LineValues }) {
  const { t } = useTranslation();
  const has = (...codes: string[]) => codes.every((c) => values[c] !== undefined);
  const rows: { key: string; text: string; stated: number }[] = [];
  if (has('partisipasiBruto', 'bebanPokok', 'pendapatan', 'shuKotor')) {
    const v = (values.partisipasiBruto ?? 0) - (values.bebanPokok ?? 0) + (values.pendapatan ?? 0);
    rows.push({
      key: 'shuKotor',
      text: t('statement.shuKotorCheck', { value: formatRupiah(v) }),
      stated: (values.shuKotor ?? 0) - v,
    });
  }
  if (has('shuKotor', 'bebanUsaha', 'bebanPerkoperasian', 'shuSebelumPajak')) {
    const v = (values.shuKotor ?? 0) - (values.bebanUsaha ?? 0) - (values.bebanPerkoperasian ?? 0);
    rows.push({
      key: 'shuSebelumPajak',
      text: t('statement.shuSebelumPajakCheck', { value: formatRupiah(v) }),
      stated: (values.shuSebelumPajak ?? 0) - v,
    });
  }
  if (rows.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" pt="xs" style={{ borderTop: '1px dashed var(--mantine-color-gray-3)' }}>
      {rows.map((r) => (
        <Group key={r.key} gap={6} wrap="nowrap" align="flex-start" data-testid={`phu-check-${r.key}`}>
          {r.stated === 0 ? (
            <IconCircleCheck size={14} color="var(--mantine-color-green-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          ) : (
            <IconInfoCircle size={14} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          )}
          <Text size="xs" c={r.stated === 0 ? 'dimmed' : 'orange.9'}>
            {r.text} —{' '}
            {r.stated === 0
              ? t('statement.checkOk')
              : t('statement.checkDiff', { diff: formatRupiah(Math.abs(r.stated)) })}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function BalanceCheck({ sections, values }: { sections: InputSection[]; values: LineValues }) {
  const { t } = useTranslation();
  const neraca = sections.filter((s) => s.statement === 'neraca' && s.totalLine);
  const [assetSide, claimSide] = neraca;
  if (!assetSide || !claimSide) return null;
  const assets = values[assetSide.totalLine ?? ''];
  const liabilities = values[claimSide.totalLine ?? ''];
  if (assets === undefined || liabilities === undefined) {
    return (
      <Alert
        color="gray"
        variant="light"
        icon={<IconScale size={18} />}
        data-testid="balance-check"
        data-balanced="unknown"
      >
        {t('statement.balanceUnknown')}
      </Alert>
    );
  }
  // Same rule as the server (src/domain/desk/quorum.ts): rounding up to Rp1 is tolerated.
  if (Math.abs(assets - liabilities) <= 1) {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck size={18} />}
        data-testid="balance-check"
        data-balanced="true"
      >
        {t('statement.balanced')}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      data-testid="balance-check"
      data-balanced="false"
    >
      {t('statement.unbalanced', {
        assets: formatRupiah(assets),
        liabilities: formatRupiah(liabilities),
        diff: formatRupiah(Math.abs(assets - liabilities)),
      })}
    </Alert>
  );
}
