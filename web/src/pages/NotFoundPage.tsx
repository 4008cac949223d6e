import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/pageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFound'));
  return (
    <Stack align="center" py={80} gap="sm">
      <Title order={1} size="h2">
        {t('common.notFound')}
      </Title>
      <Text c="dimmed">{t('common.notFoundText')}</Text>
      <Button component={Link} to="/">
        {t('common.toHome')}
      </Button>
    </Stack>
  );
}
