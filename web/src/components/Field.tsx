import type { ReactNode } from 'react';
import { Box, Text } from '@mantine/core';

/** A label/value pair in a detail view. */
export function Field({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === '' || children === '–';
  return (
    <Box style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="none">
        {label}
      </Text>
      <Text size="sm" c={empty ? 'dimmed' : undefined} className="break-anywhere" component="div">
        {empty ? '–' : children}
      </Text>
    </Box>
  );
}
