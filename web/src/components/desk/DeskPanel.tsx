import type { ReactNode } from 'react';
import { Card, Group, Stack, Text } from '@mantine/core';
import { EmptyText } from '../common';

/**
 * A desk panel on the cooperative's page: a titled card with a hint and an action, then its items
 * (or the empty text). `before` sits between the header and the items (e.g. an inline form).
 */
export function DeskPanel<T>({
  title,
  hint,
  action,
  before,
  items,
  empty,
  children,
  'data-testid': testId,
}: {
  title: string;
  hint: string;
  action?: ReactNode;
  before?: ReactNode;
  items: readonly T[];
  empty: string;
  children: (item: T) => ReactNode;
  'data-testid': string;
}) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </div>
        {action}
      </Group>
      {before}
      {items.length === 0 ? <EmptyText>{empty}</EmptyText> : <Stack gap="xs">{items.map(children)}</Stack>}
    </Card>
  );
}
