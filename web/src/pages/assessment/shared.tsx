import { Button, Group, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';

export type Answers = (boolean | null)[];

/** Inputs as edited in the browser: answers may still be unanswered (null) while a draft. */
export interface DraftInputs {
  financials?: Record<string, number>;
  management?: Record<string, Answers>;
  indicators?: Record<string, number | null>;
  checklists?: Record<string, Answers | null>;
  notApplicableReasons?: Record<string, string>;
}

export function answersOf(value: unknown, count: number): Answers {
  const arr = Array.isArray(value) ? value : [];
  return Array.from({ length: count }, (_, i) => (typeof arr[i] === 'boolean' ? (arr[i] as boolean) : null));
}

/** A Ya/Tidak (or Terpenuhi/Tidak) answer; null = not answered yet. */
export function YesNo({
  value,
  onChange,
  readOnly,
  yesLabel,
  noLabel,
  label,
}: {
  value: boolean | null;
  onChange: (v: boolean) => void;
  readOnly: boolean;
  yesLabel: string;
  noLabel: string;
  label: string;
}) {
  if (readOnly) {
    return (
      <Group gap={4} wrap="nowrap" aria-label={label}>
        {value === true ? (
          <IconCheck size={16} color="var(--mantine-color-green-7)" />
        ) : value === false ? (
          <IconX size={16} color="var(--mantine-color-red-7)" />
        ) : null}
        <Text size="sm" fw={600} c={value === true ? 'green.8' : value === false ? 'red.8' : 'dimmed'}>
          {value === true ? yesLabel : value === false ? noLabel : '–'}
        </Text>
      </Group>
    );
  }
  return (
    <div role="group" aria-label={label}>
      <Button.Group>
        <Button
          size="xs"
          variant={value === true ? 'filled' : 'default'}
          color="green"
          aria-pressed={value === true}
          onClick={() => onChange(true)}
          leftSection={value === true ? <IconCheck size={14} /> : undefined}
          miw={64}
        >
          {yesLabel}
        </Button>
        <Button
          size="xs"
          variant={value === false ? 'filled' : 'default'}
          color="red"
          aria-pressed={value === false}
          onClick={() => onChange(false)}
          leftSection={value === false ? <IconX size={14} /> : undefined}
          miw={64}
        >
          {noLabel}
        </Button>
      </Button.Group>
    </div>
  );
}
