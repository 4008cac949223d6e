import { useState, type ReactNode } from 'react';
import { Button, Collapse, Group, Indicator, Paper, Skeleton, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconX } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination } from './common';

/**
 * The one scaffold every list screen is built from: URL state (filters + page), a filter bar that
 * folds behind a "Filter" button on phones, and the results area with its loading, error, empty and
 * pagination states. Pages supply the filter fields and how one page of items is drawn.
 */

export const useIsMobile = () => useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });

/** Filters and page in the URL, plus the screen size and a page change that scrolls to the top. */
export function useListState<K extends string>(keys: readonly K[]) {
  const url = useUrlParams(keys);
  const isMobile = useIsMobile();
  const goToPage = (p: number) => {
    url.set({ page: p } as Partial<Record<K | 'page', number>>);
    window.scrollTo({ top: 0 });
  };
  return { ...url, isMobile, goToPage };
}

function ResetButton({ onClick, size }: { onClick: () => void; size?: 'xs' }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" size={size} color="gray" leftSection={<IconX size={14} />} onClick={onClick}>
      {t('common.resetFilters')}
    </Button>
  );
}

function FiltersToggle({ open, onToggle, count }: { open: boolean; onToggle: () => void; count: number }) {
  const { t } = useTranslation();
  return (
    <Indicator label={count} size={16} disabled={count === 0} offset={4}>
      <Button
        variant={open ? 'light' : 'default'}
        onClick={onToggle}
        leftSection={<IconAdjustmentsHorizontal size={16} />}
        aria-expanded={open}
      >
        {t('common.filters')}
      </Button>
    </Indicator>
  );
}

/**
 * The filter panel. With `search` the search box heads the panel and the "Filter" toggle sits beside
 * it on phones; without, the toggle heads the panel on phones. On wider screens the fields show.
 */
export function FilterBar({
  isMobile,
  fields,
  activeCount,
  badgeCount = activeCount,
  onReset,
  search,
  footer,
}: {
  isMobile: boolean;
  fields: ReactNode;
  activeCount: number;
  /** The number on the phone toggle, when it differs from what "reset" counts (e.g. search excluded). */
  badgeCount?: number;
  onReset: () => void;
  search?: ReactNode;
  footer?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const toggle = <FiltersToggle open={open} onToggle={() => setOpen((o) => !o)} count={badgeCount} />;
  const reset = activeCount > 0;
  let body: ReactNode;
  if (search) {
    body = (
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-end">
          {search}
          {!isMobile && reset && <ResetButton onClick={onReset} />}
          {isMobile && toggle}
        </Group>
        {isMobile ? <Collapse expanded={open}>{fields}</Collapse> : fields}
        {isMobile && open && reset && (
          <Group justify="flex-end">
            <ResetButton size="xs" onClick={onReset} />
          </Group>
        )}
      </Stack>
    );
  } else if (isMobile) {
    body = (
      <Stack gap="sm">
        <Group justify="space-between">
          {toggle}
          {reset && <ResetButton size="xs" onClick={onReset} />}
        </Group>
        <Collapse expanded={open}>{fields}</Collapse>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="xs">
        {fields}
        {reset && (
          <Group justify="flex-end">
            <ResetButton size="xs" onClick={onReset} />
          </Group>
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md">
      {body}
      {footer}
    </Paper>
  );
}

interface PageData<T> {
  items: readonly T[];
  total: number;
  pageSize: number;
}

/**
 * The states of a query's results: an error with retry, skeletons while the first answer loads, the
 * empty text, or the results (dimmed while `dimmed`); `head` and `foot` frame them once data is there.
 */
export function ResultsState<D>({
  query,
  isEmpty,
  empty,
  dimmed,
  skeleton = { rows: 6, height: 56 },
  head,
  foot,
  children,
}: {
  query: Pick<UseQueryResult<D>, 'data' | 'isError' | 'error' | 'refetch'>;
  isEmpty: (data: D) => boolean;
  empty: ReactNode;
  dimmed: boolean;
  skeleton?: { rows: number; height: number };
  head?: (data: D) => ReactNode;
  foot?: (data: D) => ReactNode;
  children: (data: D) => ReactNode;
}) {
  const data = query.data;
  if (query.isError && !data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) {
    return (
      <Stack gap="xs">
        {Array.from({ length: skeleton.rows }, (_, i) => (
          <Skeleton key={i} h={skeleton.height} />
        ))}
      </Stack>
    );
  }
  return (
    <>
      {head?.(data)}
      {isEmpty(data) ? (
        <Paper withBorder>
          <EmptyText>{empty}</EmptyText>
        </Paper>
      ) : (
        <div style={{ opacity: dimmed ? 0.6 : 1 }}>{children(data)}</div>
      )}
      {foot?.(data)}
    </>
  );
}

interface PageData<T> {
  items: readonly T[];
  total: number;
  pageSize: number;
}

/** The results of a paged list query (see `ResultsState`), with the pagination below the items. */
export function ListResults<D extends PageData<unknown>>({
  query,
  page,
  pageSize,
  onPage,
  empty,
  skeleton,
  head,
  children,
}: {
  query: Pick<UseQueryResult<D>, 'data' | 'isError' | 'error' | 'refetch' | 'isPlaceholderData'>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  empty: ReactNode;
  skeleton?: { rows: number; height: number };
  /** Drawn above the items once the first page has arrived (e.g. a count). */
  head?: (data: D) => ReactNode;
  children: (items: D['items'], data: D) => ReactNode;
}) {
  return (
    <ResultsState
      query={query}
      isEmpty={(d) => d.items.length === 0}
      empty={empty}
      dimmed={query.isPlaceholderData}
      skeleton={skeleton}
      head={head}
      foot={(d) => <ListPagination page={page} pageSize={d.pageSize || pageSize} total={d.total} onChange={onPage} />}
    >
      {(d) => children(d.items, d)}
    </ResultsState>
  );
}

export { useUrlSearch, SearchBox } from './list/search';
export { ListTable, type Column } from './list/ListTable';
export { DistrictFilter } from './list/DistrictFilter';
