import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../lib/dashboard';

/**
 * The region path of the dashboard, from the office's own area down to the region shown: each step
 * above the last opens that region's dashboard (same year). Nothing for an office at its own area.
 */
export function RegionPath({ d, year }: { d: Dashboard; year: number | null }) {
  const { t } = useTranslation();
  if (d.path.length < 2) return null;
  const href = (code: string, i: number) =>
    `/dasbor${i === 0 ? (year ? `?year=${year}` : '') : `?region=${encodeURIComponent(code)}${year ? `&year=${year}` : ''}`}`;
  return (
    <Breadcrumbs
      mb="sm"
      separatorMargin={6}
      aria-label={t('dashboard.path')}
      data-testid="region-path"
      styles={{ root: { flexWrap: 'wrap', rowGap: 4 } }}
    >
      {d.path.map((p, i) =>
        i < d.path.length - 1 ? (
          <Anchor key={p.code} component={Link} to={href(p.code, i)} size="sm" className="touch-link">
            {p.name}
          </Anchor>
        ) : (
          <Text key={p.code} size="sm" fw={700} aria-current="page">
            {p.name}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}
