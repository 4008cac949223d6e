import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function Logo({ size = 36 }: { size?: number }) {
  return (
    <ThemeIcon size={size} radius="md" variant="filled" aria-hidden>
      <svg viewBox="0 0 64 64" width={size * 0.7} height={size * 0.7}>
        <path
          d="M20 42c0 4 5 7 12 7s13-3 13-9c0-11-24-7-24-17 0-4 4-7 10-7 5 0 9 2 10 6"
          fill="none"
          stroke="currentColor"
          strokeWidth="7"
          strokeLinecap="round"
        />
      </svg>
    </ThemeIcon>
  );
}

export function Brand({ compact = false, to = '/' }: { compact?: boolean; to?: string }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={t('app.name')} style={{ minWidth: 0 }}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Logo />
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" lh={1.1}>
            {t('app.name')}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2} lineClamp={2} className="brand-subtitle">
            {compact ? t('app.shortSubtitle') : t('app.subtitle')}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
