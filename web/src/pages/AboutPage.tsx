import { Anchor, Card, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconDatabase } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../lib/meta';
import { PageHeader } from '../components/common';

const GOALS = ['pembinaan', 'pengawasan', 'penyehatan', 'dialog', 'unitUsaha'] as const;

export default function AboutPage() {
  const { t } = useTranslation();
  const meta = useMeta();
  const source = meta.data?.regionSource;
  return (
    <>
      <PageHeader title={t('about.title')} subtitle={t('app.subtitle')} />
      <Stack gap="md" maw={820}>
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Text>{t('about.p1')}</Text>
            <Text>{t('about.p2')}</Text>
            <Text>{t('about.p3')}</Text>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('about.goalsTitle')}
          </Title>
          <List
            spacing="xs"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light">
                <IconCheck size={12} />
              </ThemeIcon>
            }
          >
            {GOALS.map((g) => (
              <List.Item key={g}>{t(`about.goals.${g}`)}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder padding="lg" data-testid="credits">
          <Title order={2} size="h4" mb="sm">
            <ThemeIcon size={24} variant="light" mr={8} style={{ verticalAlign: 'middle' }}>
              <IconDatabase size={14} />
            </ThemeIcon>
            {t('about.creditsTitle')}
          </Title>
          <Stack gap="xs">
            <Text size="sm" data-testid="region-source">
              {source || t('about.regionCredit')}
            </Text>
            {meta.data?.regency && (
              <Text size="sm" c="dimmed">
                {t('about.regency', { name: meta.data.regency.name, code: meta.data.regency.code })}
              </Text>
            )}
            <Text size="sm">
              <Anchor href="https://www.npmjs.com/package/idn-area-data" target="_blank" rel="noopener noreferrer">
                idn-area-data
              </Anchor>{' '}
              ·{' '}
              <Anchor href="https://opendatacommons.org/licenses/odbl/" target="_blank" rel="noopener noreferrer">
                Open Database License (ODbL)
              </Anchor>
            </Text>
          </Stack>
        </Card>
        <Text size="xs" c="dimmed">
          {t('about.version')}: {__APP_VERSION__}
        </Text>
      </Stack>
    </>
  );
}
