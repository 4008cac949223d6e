import { type ReactNode } from 'react';
import { Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import '../../i18n/sheets';

export function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon radius="xl" size={26} variant="light">
          <Text fw={700} size="sm">
            {n}
          </Text>
        </ThemeIcon>
        <Title order={2} size="h5">
          {title}
        </Title>
      </Group>
      <div>{children}</div>
    </Stack>
  );
}
