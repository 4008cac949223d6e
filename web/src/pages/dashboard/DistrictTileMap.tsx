import { Box, Group, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import layouts from './tile-layouts.json';

/**
 * Schematic tile maps are data, one per regency that has one (tile-layouts.json, keyed by regency
 * code, tiles keyed by kecamatan name): one equal tile per kecamatan, placed roughly as they lie.
 * Not real boundaries. A regency without a layout (or whose kecamatan the layout does not cover)
 * gets a ranked list with bars instead of a broken map.
 */
interface TileLayout {
  cols: number;
  rows: number;
  north?: string;
  landmarks?: { row: number; col: number; label: string }[];
  tiles: Record<string, { row: number; col: number; abbr: string }>;
}
const LAYOUTS = layouts as Record<string, TileLayout>;

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

/** Whether the regency has a hand-made layout covering every one of these kecamatan. */
export function layoutCovers(code: string | null, tiles: Pick<TileDatum, 'name'>[]): boolean {
  const layout = code ? LAYOUTS[code] : undefined;
  return !!layout && tiles.every((d) => !!layout.tiles[keyOfName(d.name)]);
}

export default function DistrictTileMap({
  tiles,
  higherIsBetter,
  legendMin,
  legendMax,
  onSelect,
  layoutCode,
  prefix,
}: {
  tiles: TileDatum[];
  higherIsBetter: boolean;
  legendMin: string;
  legendMax: string;
  onSelect: (code: string) => void;
  /** The regency whose kecamatan the tiles are (its layout, if any); none for regencies or provinces. */
  layoutCode: string | null;
  /** Put before each name in labels: 'Kec. ' for kecamatan, '' for regencies and provinces. */
  prefix: string;
}) {
  const { t } = useTranslation();
  const layout = layoutCode && layoutCovers(layoutCode, tiles) ? LAYOUTS[layoutCode] : undefined;
  const scale = higherIsBetter ? GOOD : BAD;
  const legend = (
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
        <Box
          w={22}
          h={12}
          ml="xs"
          style={{
            background: 'var(--mantine-color-gray-1)',
            border: '1px solid var(--mantine-color-gray-3)',
            borderRadius: 2,
          }}
        />
        <Text size="xs" c="dimmed">
          {t('dashboard.map.noData')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {higherIsBetter ? t('dashboard.map.betterHigh') : t('dashboard.map.worseHigh')}
      </Text>
    </Group>
  );
  if (!layout) {
    return (
      <RankedBars tiles={tiles} higherIsBetter={higherIsBetter} onSelect={onSelect} legend={legend} prefix={prefix} />
    );
  }
  const placed = tiles.map((d) => ({ d, pos: layout.tiles[keyOfName(d.name)]! }));
  const COLS = layout.cols;
  const rows = Math.max(layout.rows, ...placed.map((p) => p.pos.row + 1));

  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed" ta="center" fw={600} tt="uppercase" style={{ letterSpacing: 0.5 }}>
        ↑ {t('dashboard.map.north')}
        {layout.north ? ` · ${layout.north}` : ''}
      </Text>
      <Box
        className="tile-map"
        style={{ gridTemplateColumns: `repeat(${COLS}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, auto)` }}
        data-testid="tile-map"
      >
        {(layout.landmarks ?? []).map((l) => (
          <Box
            key={l.label}
            className="tile-map-city"
            style={{ gridRow: l.row + 1, gridColumn: l.col + 1 }}
            aria-hidden
          >
            <Text fz={{ base: 8, sm: 10 }} c="dimmed" ta="center" lh={1.1}>
              {l.label}
            </Text>
          </Box>
        ))}
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
                    {prefix}
                    {d.name}
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
                aria-label={`${prefix}${d.name}: ${d.valueText}. ${d.detail}`}
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
      {legend}
    </Stack>
  );
}

/** Kecamatan ranked by the indicator (best first), each a bar and a button to its list. */
function RankedBars({
  tiles,
  higherIsBetter,
  onSelect,
  legend,
  prefix,
}: {
  tiles: TileDatum[];
  higherIsBetter: boolean;
  onSelect: (code: string) => void;
  legend: React.ReactNode;
  prefix: string;
}) {
  const { t } = useTranslation();
  const ranked = [...tiles].sort((a, b) => {
    if (a.level === null || b.level === null)
      return a.level === null ? (b.level === null ? a.name.localeCompare(b.name) : 1) : -1;
    return higherIsBetter ? b.level - a.level : a.level - b.level;
  });
  return (
    <Stack gap={4} data-testid="district-bars">
      <Text size="xs" c="dimmed">
        {prefix ? t('dashboard.map.ranked') : t('dashboard.map.rankedRegions')}
      </Text>
      {ranked.map((d, i) => {
        const c = colourFor(d.level, higherIsBetter);
        return (
          <UnstyledButton
            key={d.code}
            onClick={() => onSelect(d.code)}
            aria-label={`${prefix}${d.name}: ${d.valueText}. ${d.detail}`}
            data-testid="district-bar"
            data-code={d.code}
            className="district-bar"
          >
            <Group gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" w={22} ta="right" className="tabular-nums">
                {i + 1}
              </Text>
              <Text size="sm" fw={600} style={{ flex: '0 0 38%', minWidth: 0 }} truncate>
                {d.name}
              </Text>
              <Progress
                value={d.level === null ? 0 : d.level * 100}
                color={c.bg}
                style={{ flex: 1 }}
                size="lg"
                aria-hidden
              />
              <Text size="sm" fw={600} w={56} ta="right" className="tabular-nums">
                {d.valueText}
              </Text>
            </Group>
          </UnstyledButton>
        );
      })}
      {legend}
    </Stack>
  );
}
