import { Box, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../lib/dashboard';
import DistrictTileMap, { layoutCovers } from './DistrictTileMap';
import { INDICATORS, type Indicator, type Row, rowHref, tilesFor } from './rows';

/**
 * The rows on a map: a schematic tile map of the kecamatan when the regency has a hand-made layout,
 * else (other regencies, the regencies of a province, the provinces) the rows ranked with bars. A
 * tile or bar drills down like the table's row.
 */
export function MapCard({
  d,
  rows,
  indicator,
  year,
  onIndicator,
}: {
  d: Dashboard;
  year: number | null;
  rows: Row[];
  indicator: Indicator;
  onIndicator: (i: Indicator) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The authority row is no place on a map: it stays in the table.
  const kecamatan = d.rowLevel === 'KECAMATAN';
  // On a phone the bar keeps a third of the width for the name: a "Kab. …" name fits where "Kabupaten …" is cut.
  const short = (name: string) => (kecamatan ? name : name.replace(/^Kabupaten\s+/i, 'Kab. '));
  const m = tilesFor(
    rows.filter((r) => r.kind === 'AREA').map((r) => ({ ...r, name: short(r.name) })),
    indicator,
    t,
  );
  const schematic = kecamatan && layoutCovers(d.region.code, m.tiles);
  const options = INDICATORS.map((i) => ({ value: i, label: t(`dashboard.indicators.${i}`) }));
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md" data-testid="map-card">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Title order={2} size="h4">
            {t(`dashboard.map.title.${d.rowLevel ?? 'KECAMATAN'}`)} · {t(`dashboard.indicators.${indicator}`)}
          </Title>
          {schematic && (
            <>
              <Text size="sm" fw={600} c="orange.9" data-testid="schematic-label">
                {t('dashboard.map.schematic')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.map.schematicNote')}
              </Text>
            </>
          )}
        </Stack>
        <Box hiddenFrom="md" w="100%">
          <Select
            label={t('dashboard.map.indicator')}
            data={options}
            value={indicator}
            onChange={(v) => v && onIndicator(v as Indicator)}
            allowDeselect={false}
          />
        </Box>
        <Box visibleFrom="md">
          <Text size="xs" fw={600} mb={4} id="indicator-label">
            {t('dashboard.map.indicator')}
          </Text>
          <SegmentedControl
            aria-labelledby="indicator-label"
            data={INDICATORS.map((i) => ({ value: i, label: t(`dashboard.indicators.${i}Short`) }))}
            value={indicator}
            onChange={(v) => onIndicator(v as Indicator)}
            size="xs"
          />
        </Box>
      </Group>
      <DistrictTileMap
        tiles={m.tiles}
        higherIsBetter={m.higherIsBetter}
        legendMin={m.min}
        legendMax={m.max}
        onSelect={(code) => {
          const to = rowHref(d, { code, kind: 'AREA' }, year);
          if (to) navigate(to);
        }}
        layoutCode={kecamatan ? d.region.code : null}
        prefix={kecamatan ? 'Kec. ' : ''}
      />
    </Paper>
  );
}
