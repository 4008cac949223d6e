// Loaded lazily: only the parts of ECharts the score chart needs, drawn as SVG.
import { useEffect, useRef, useState } from 'react';
import { Chip, Group } from '@mantine/core';
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridSimpleComponent,
  MarkAreaComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkAreaComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';

echarts.use([LineChart, GridSimpleComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkAreaComponentOption>;

export interface ScoreSeries {
  years: number[];
  total: (number | null)[];
  totalCategory: (string | null)[];
  aspects: { label: string; weight: number; score: (number | null)[]; share: (number | null)[] }[];
  /** Category bands on the 0–100 axis, highest first: [{label, min, color}]. */
  bands: { label: string; min: number; max: number; color: string }[];
}

const ASPECT_COLORS = ['#1c7ed6', '#ae3ec9', '#f08c00', '#0ca678', '#e8590c', '#5c7cfa', '#c2255c', '#74b816'];

const fmt = (v: number, d = 2) => v.toLocaleString('id-ID', { minimumFractionDigits: d, maximumFractionDigits: d });

export default function ScoreChart({
  data,
  height = 320,
  compact = false,
}: {
  data: ScoreSeries;
  height?: number;
  compact?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<string[]>([]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg', locale: 'EN' });
    const years = data.years.map(String);
    const option: Option = {
      animation: false,
      textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
      grid: { left: 36, right: compact ? 12 : 118, top: 24, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const i = typeof list[0]?.dataIndex === 'number' ? list[0].dataIndex : 0;
          const rows = [`<b>Tahun buku ${years[i]}</b>`];
          const total = data.total[i];
          if (total !== null && total !== undefined)
            rows.push(`Skor total: <b>${fmt(total)}</b>${data.totalCategory[i] ? ` (${data.totalCategory[i]})` : ''}`);
          for (const a of data.aspects) {
            const s = a.score[i];
            const sh = a.share[i];
            if (s !== null && s !== undefined && sh !== null && sh !== undefined)
              rows.push(`${a.label}: ${fmt(s)} / ${fmt(a.weight, 0)} (${fmt(sh, 0)}%)`);
          }
          return rows.join('<br/>');
        },
      },
      xAxis: { type: 'category', data: years, boundaryGap: true, axisTick: { alignWithLabel: true } },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 20,
        splitLine: { lineStyle: { color: '#eee' } },
        axisLabel: { fontSize: 11 },
      },
      series: [
        {
          name: 'Skor total',
          type: 'line',
          data: data.total,
          lineStyle: { width: 3, color: '#0b7a55' },
          itemStyle: { color: '#0b7a55' },
          symbolSize: 9,
          z: 10,
          label: {
            show: true,
            position: 'top',
            fontWeight: 'bold',
            formatter: (p) => (typeof p.value === 'number' ? fmt(p.value) : ''),
          },
          markArea: {
            silent: true,
            data: data.bands.map((b) => [
              {
                yAxis: b.min,
                itemStyle: { color: b.color, opacity: 0.09 },
                name: b.label,
                label: {
                  show: !compact,
                  position: 'right',
                  color: '#495057',
                  fontSize: 11,
                  width: 104,
                  overflow: 'break',
                  lineHeight: 14,
                },
              },
              { yAxis: b.max },
            ]),
          },
        },
        ...data.aspects.flatMap<LineSeriesOption>((a, i) =>
          hidden.includes(a.label)
            ? []
            : [
                {
                  name: `${a.label} (% bobot)`,
                  type: 'line',
                  data: a.share,
                  lineStyle: { width: 1.5, type: 'dashed', color: ASPECT_COLORS[i % ASPECT_COLORS.length] },
                  itemStyle: { color: ASPECT_COLORS[i % ASPECT_COLORS.length] },
                  symbolSize: 5,
                },
              ],
        ),
      ],
    };
    chart.setOption(option, { notMerge: true });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [data, compact, hidden]);

  return (
    <div>
      <div
        ref={ref}
        style={{ width: '100%', height }}
        role="img"
        aria-label="Grafik perkembangan skor kesehatan per tahun buku"
        data-testid="score-chart"
      />
      <Group gap={6} mt={6} wrap="wrap">
        <Chip checked size="xs" color="sambang" variant="light" readOnly styles={{ label: { cursor: 'default' } }}>
          Skor total
        </Chip>
        {data.aspects.map((a, i) => (
          <Chip
            key={a.label}
            size="xs"
            variant="outline"
            color={ASPECT_COLORS[i % ASPECT_COLORS.length]}
            checked={!hidden.includes(a.label)}
            onChange={(on) => setHidden((h) => (on ? h.filter((x) => x !== a.label) : [...h, a.label]))}
          >
            {a.label}
          </Chip>
        ))}
      </Group>
    </div>
  );
}
