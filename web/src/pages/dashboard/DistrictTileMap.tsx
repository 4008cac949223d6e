import { Box, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Schematic tile map of the 24 kecamatan of Kabupaten Probolinggo: one equal tile each, placed
 * roughly as they lie (north coast on top, west on the left). Not real boundaries.
 */
const LAYOUT: Record<string, { row: number; col: number; abbr: string }> = {
  tongas: { row: 0, col: 0, abbr: 'TGS' },
  sumberasih: { row: 0, col: 1, abbr: 'SBA' },
  dringu: { row: 0, col: 3, abbr: 'DRG' },
  gending: { row: 0, col: 4, abbr: 'GDG' },
  pajarakan: { row: 0, col: 5, abbr: 'PJR' },
  kraksaan: { row: 0, col: 6, abbr: 'KRK' },
  besuk: { row: 0, col: 7, abbr: 'BSK' },
  paiton: { row: 0, col: 8, abbr: 'PTN' },
  lumbang: { row: 1, col: 0, abbr: 'LMB' },
  wonomerto: { row: 1, col: 1, abbr: 'WNM' },
  leces: { row: 1, col: 2, abbr: 'LCS' },
  tegalsiwalan: { row: 1, col: 3, abbr: 'TGW' },
  banyuanyar: { row: 1, col: 4, abbr: 'BYA' },
  maron: { row: 1, col: 5, abbr: 'MRN' },
  krejengan: { row: 1, col: 6, abbr: 'KRJ' },
  kotaanyar: { row: 1, col: 7, abbr: 'KTA' },
  pakuniran: { row: 1, col: 8, abbr: 'PKN' },
  sukapura: { row: 2, col: 0, abbr: 'SKP' },
  sumber: { row: 2, col: 1, abbr: 'SMB' },
  kuripan: { row: 2, col: 2, abbr: 'KRP' },
  bantaran: { row: 2, col: 3, abbr: 'BTR' },
  tiris: { row: 2, col: 5, abbr: 'TRS' },
  gading: { row: 2, col: 6, abbr: 'GDN' },
  krucil: { row: 2, col: 7, abbr: 'KRC' },
};
const COLS = 9;
const ROWS = 3;

export interface TileDatum {
  code: string;
  name: string;
  /** 0–1 position on the colour scale; null when there is nothing to show. */
  level: number | null;
  valueText: string;
  detail: string;
}

// Sequential scales, light → dark (no colour carries meaning alone: the value is printed on the tile).
const GOOD = ['#e6f4ea', '#b7e1c1', '#7cc793', '#3fa564', '#1b7d43'];
const BAD = ['#fff4e6', '#ffd8a8', '#ffa94d', '#f76707', '#c92a2a'];

function colourFor(level: number | null, higherIsBetter: boolean): { bg: string; fg: string } {
  if (level === null) return { bg: 'var(--mantine-color-gray-1)', fg: '#495057' };
  const scale = higherIsBetter ? GOOD : BAD;
  const i = Math.min(scale.length - 1, Math.max(0, Math.floor(level * scale.length)));
  return { bg: scale[i] ?? '#f1f3f5', fg: i >= 4 ? '#fff' : '#212529' /* ≥ 4.5:1 on every step (issue #15) */ };
}

export function keyOfName(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

export default function DistrictTileMap({
  tiles,
  higherIsBetter,
  legendMin,
  legendMax,
  onSelect,
}: {
  tiles: TileDatum[];
  higherIsBetter: boolean;
  legendMin: string;
  legendMax: string;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const placed = tiles.map((d, i) => ({ d, pos: LAYOUT[keyOfName(d.name)] ?? { row: ROWS + Math.floor(i / COLS), col: i % COLS, abbr: d.name.slice(0, 3).toUpperCase() } }));
  const rows = Math.max(ROWS, ...placed.map((p) => p.pos.row + 1));
  const scale = higherIsBetter ? GOOD : BAD;

  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" ta="center" fw={600} tt="uppercase" style={{ letterSpacing: 0.5 }}>
        ↑ {t('dashboard.map.north')}
      </Text>
      <Box className="tile-map" style={{ gridTemplateColumns: `repeat(${COLS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }} data-testid="tile-map">
        <Box className="tile-map-city" style={{ gridRow: 1, gridColumn: 3 }} aria-hidden>
          <Text fz={{ base: 8, sm: 10 }} c="dimmed" ta="center" lh={1.1}>
            {t('dashboard.map.city')}
          </Text>
        </Box>
        {placed.map(({ d, pos }) => {
          const c = colourFor(d.level, higherIsBetter);
          return (
            <Tooltip
              key={d.code}
              withArrow
              multiline
              w={220}
              events={{ hover: true, focus: true, touch: false }}
              label={
                <Stack gap={2}>
                  <Text size="sm" fw={700}>
                    Kec. {d.name}
                  </Text>
                  <Text size="sm">{d.valueText}</Text>
                  <Text size="xs">{d.detail}</Text>
                  <Text size="xs" c="gray.4">
                    {t('dashboard.tooltip.click')}
                  </Text>
                </Stack>
              }
            >
              <UnstyledButton
                className="tile-map-tile"
                style={{ gridRow: pos.row + 1, gridColumn: pos.col + 1, background: c.bg, color: c.fg }}
                onClick={() => onSelect(d.code)}
                aria-label={`Kec. ${d.name}: ${d.valueText}. ${d.detail}`}
                data-testid="map-tile"
                data-code={d.code}
              >
                <span className="tile-map-abbr">{pos.abbr}</span>
                <span className="tile-map-name">{d.name}</span>
                <span className="tile-map-value tabular-nums">{d.valueText}</span>
              </UnstyledButton>
            </Tooltip>
          );
        })}
      </Box>
      <Group gap="xs" justify="space-between" wrap="wrap" mt={4}>
        <Group gap={6} wrap="nowrap" aria-label="Legenda">
          <Text size="xs" c="dimmed">
            {legendMin}
          </Text>
          {scale.map((col) => (
            <Box key={col} w={22} h={12} style={{ background: col, borderRadius: 2 }} />
          ))}
          <Text size="xs" c="dimmed">
            {legendMax}
          </Text>
          <Box w={22} h={12} ml="xs" style={{ background: 'var(--mantine-color-gray-1)', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 2 }} />
          <Text size="xs" c="dimmed">
            {t('dashboard.map.noData')}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {higherIsBetter ? t('dashboard.map.betterHigh') : t('dashboard.map.worseHigh')}
        </Text>
      </Group>
    </Stack>
  );
}
