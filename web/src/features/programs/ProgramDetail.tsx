import { Anchor, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import '../../lib/dates';
import { formatDate, formatNumber } from '../../lib/format';
import { useDistricts } from '../../lib/meta';
import { type DistrictProgress, type Program } from '../../lib/visits';

import { Reach, ratio } from './parts';

export function ProgramDetail({
  program,
  canEdit,
  onEdit,
}: {
  program: Program;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const districts = useDistricts();
  // Every kecamatan, with or without a target.
  const byCode = new Map(program.targets.map((r) => [r.district.code, r]));
  const rows: DistrictProgress[] = (districts.data ?? []).map(
    (d) => byCode.get(d.code) ?? { district: { code: d.code, name: d.name }, target: 0, visited: 0, scheduled: 0 },
  );
  for (const r of program.targets) if (!rows.some((x) => x.district.code === r.district.code)) rows.push(r);

  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="program-detail">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Title order={2} size="h4" className="break-anywhere">
              {program.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('programs.period', { from: formatDate(program.periodStart), to: formatDate(program.periodEnd) })}
            </Text>
            {program.description && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {program.description}
              </Text>
            )}
          </Stack>
          <Group gap="xs">
            <Button variant="default" component={Link} to={`/kunjungan?program=${program.id}`} size="sm">
              {t('programs.visitsLink')}
            </Button>
            {canEdit && (
              <Button
                variant="light"
                leftSection={<IconPencil size={16} />}
                onClick={onEdit}
                size="sm"
                data-testid="program-edit"
              >
                {t('programs.edit')}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 3 }} spacing="xs" mt="md">
          {(
            [
              ['target', program.totals.target, 'dark'],
              ['visited', program.totals.visited, 'green.8'],
              ['scheduled', program.totals.scheduled, 'blue.8'],
            ] as const
          ).map(([k, n, c]) => (
            <Box key={k}>
              <Text fz={{ base: 22, sm: 28 }} fw={750} lh={1.1} c={c} className="tabular-nums">
                {formatNumber(n)}
              </Text>
              <Text size="xs" c="dimmed" fw={600}>
                {t(`programs.${k}`)}
              </Text>
            </Box>
          ))}
        </SimpleGrid>
        <Box mt="sm">
          <Reach row={program.totals} size="lg" />
          <Text size="xs" c="dimmed" mt={6}>
            {t('programs.summary', {
              visited: formatNumber(program.totals.visited),
              target: formatNumber(program.totals.target),
              scheduled: formatNumber(program.totals.scheduled),
            })}
            {' · '}
            {t('programs.visitsN', { n: formatNumber(program.totals.visits) })}
          </Text>
        </Box>
      </Paper>

      <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
        <Group
          justify="space-between"
          px={{ base: 'sm', sm: 'md' }}
          py="sm"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Text fw={700}>{t('programs.targets')}</Text>
          <Group gap="sm">
            <Group gap={4}>
              <Box w={10} h={10} bg="green.6" style={{ borderRadius: 2 }} />
              <Text size="xs" c="dimmed">
                {t('programs.legendVisited')}
              </Text>
            </Group>
            <Group gap={4}>
              <Box w={10} h={10} bg="blue.3" style={{ borderRadius: 2 }} />
              <Text size="xs" c="dimmed">
                {t('programs.legendScheduled')}
              </Text>
            </Group>
          </Group>
        </Group>
        {isMobile ? (
          <Stack gap={0} data-testid="program-targets">
            {rows.map((r) => (
              <Box
                key={r.district.code}
                px="sm"
                py={8}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-1)' }}
                data-testid="program-target-row"
              >
                <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
                  <Anchor
                    component={Link}
                    to={`/kunjungan?program=${program.id}&district=${r.district.code}`}
                    size="sm"
                    fw={600}
                    c="dark"
                  >
                    {r.district.name}
                  </Anchor>
                  <Text size="xs" className="tabular-nums" c={r.target === 0 ? 'dimmed' : undefined}>
                    <b>{formatNumber(r.visited)}</b>
                    {r.scheduled > 0 && <Text span c="blue.8" fz="xs">{` +${formatNumber(r.scheduled)}`}</Text>}
                    {' / '}
                    {r.target > 0 ? formatNumber(r.target) : t('programs.noTarget')}
                  </Text>
                </Group>
                <Reach row={r} size="sm" />
              </Box>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing={6} highlightOnHover data-testid="program-targets">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('programs.district')}</Table.Th>
                <Table.Th ta="right" w={90}>
                  {t('programs.target')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('programs.visited')}
                </Table.Th>
                <Table.Th ta="right" w={100}>
                  {t('programs.scheduled')}
                </Table.Th>
                <Table.Th w="36%">{t('programs.progress')}</Table.Th>
                <Table.Th ta="right" w={70}>
                  %
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.district.code} data-testid="program-target-row">
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/kunjungan?program=${program.id}&district=${r.district.code}`}
                      size="sm"
                      c="dark"
                    >
                      {r.district.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" c={r.target === 0 ? 'dimmed' : undefined}>
                    {formatNumber(r.target)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" fw={600}>
                    {formatNumber(r.visited)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums">
                    {formatNumber(r.scheduled)}
                  </Table.Td>
                  <Table.Td>
                    <Reach row={r} />
                  </Table.Td>
                  <Table.Td ta="right" className="tabular-nums" c="dimmed">
                    {ratio(r)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('programs.total')}</Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.target)}
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.visited)}
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {formatNumber(program.totals.scheduled)}
                </Table.Th>
                <Table.Th>
                  <Reach row={program.totals} />
                </Table.Th>
                <Table.Th ta="right" className="tabular-nums">
                  {ratio(program.totals)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
