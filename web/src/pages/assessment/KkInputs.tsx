import { Fragment } from 'react';
import { Badge, Stack, Tabs, Text } from '@mantine/core';
import type { GradedIndicator, GradedRubric, Mark } from '@domain/rubrics/types';
import { type DraftInputs } from './shared';
import { IndicatorCard } from './IndicatorCard';

export function KkInputs({
  def,
  inputs,
  setInputs,
  readOnly,
  errors,
  marks,
  tab,
  onTab,
}: {
  def: GradedRubric;
  inputs: DraftInputs;
  setInputs: (fn: (prev: DraftInputs) => DraftInputs) => void;
  readOnly: boolean;
  errors: Record<string, string>;
  marks: Map<string, Mark[]>;
  tab: string;
  onTab: (tab: string) => void;
}) {
  const current = def.aspects.some((a) => a.code === tab) ? tab : def.aspects[0]?.code;
  const filled = (a: GradedRubric['aspects'][number]) =>
    a.indicators.filter((i) => {
      const v = i.kind === 'checklist' ? inputs.checklists?.[i.code] : inputs.indicators?.[i.code];
      return v === null || (Array.isArray(v) ? v.every((x) => x !== null) : v !== undefined);
    }).length;
  return (
    <Tabs value={current} onChange={(v) => v && onTab(v)} keepMounted={false}>
      <Tabs.List mb="md" className="scroll-tabs">
        {def.aspects.map((a) => (
          <Tabs.Tab
            key={a.code}
            value={a.code}
            rightSection={
              <Badge size="xs" variant="light" color={filled(a) === a.indicators.length ? 'green' : 'gray'}>
                {filled(a)}/{a.indicators.length}
              </Badge>
            }
          >
            {a.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {def.aspects.map((a) => {
        const groups: { name: string; items: GradedIndicator[] }[] = [];
        for (const i of a.indicators) {
          const last = groups[groups.length - 1];
          if (last && last.name === i.group) last.items.push(i);
          else groups.push({ name: i.group, items: [i] });
        }
        return (
          <Tabs.Panel key={a.code} value={a.code}>
            <Stack gap="sm">
              {groups.map((g, gi) => (
                <Fragment key={`${g.name}-${gi}`}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt={gi ? 'sm' : 0} style={{ letterSpacing: 0.4 }}>
                    {g.name}
                  </Text>
                  {g.items.map((i) => (
                    <IndicatorCard
                      key={i.code}
                      def={def}
                      indicator={i}
                      inputs={inputs}
                      setInputs={setInputs}
                      readOnly={readOnly}
                      error={
                        errors[`${i.kind === 'checklist' ? 'checklists' : 'indicators'}.${i.code}`] ??
                        errors[`${a.code}.${i.code}`]
                      }
                      marks={marks.get(`${a.code}.${i.code}`) ?? []}
                    />
                  ))}
                </Fragment>
              ))}
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
