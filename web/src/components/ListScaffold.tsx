import { useEffect, useState, type ReactNode } from 'react';
import {
  Button,
  Collapse,
  Group,
  Indicator,
  Loader,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useDistricts } from '../lib/meta';
import { useUrlParams } from '../lib/useUrlParams';
import { EmptyText, ErrorState, ListPagination, useDebounced } from './common';

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

/**
 * A free-text search box kept in the URL under `key`, written after the user pauses typing; it
 * follows the URL when that changes (back button, "reset filters").
 */
export function useUrlSearch(value: string, write: (v: string | null) => void) {
  const [search, setSearch] = useState(value);
  const debounced = useDebounced(search, 350);
  useEffect(() => {
    if (debounced.trim() !== value) write(debounced.trim() || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    setSearch((s) => (s.trim() === value ? s : value));
  }, [value]);
  return [search, setSearch] as const;
}

export function SearchBox({
  value,
  onChange,
  placeholder,
  busy,
  clearable,
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  busy?: boolean;
  clearable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      style={{ flex: 1 }}
      aria-label={t('common.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSection={
        clearable ? (
          value ? (
            <IconX
              size={16}
              style={{ cursor: 'pointer' }}
              aria-label={t('common.resetFilters')}
              onClick={() => onChange('')}
            />
          ) : busy ? (
            <Loader size={14} />
          ) : null
        ) : undefined
      }
      type="search"
      inputMode="search"
    />
  );
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
 * The results of a paged list query: an error with retry, skeletons while the first page loads, the
 * empty text, the items (dimmed while the next page loads) and the pagination below.
 */
export function ListResults<D extends PageData<unknown>>({
  query,
  page,
  pageSize,
  onPage,
  empty,
  skeleton = { rows: 6, height: 56 },
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
      {data.items.length === 0 ? (
        <Paper withBorder>
          <EmptyText>{empty}</EmptyText>
        </Paper>
      ) : (
        <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>{children(data.items, data)}</div>
      )}
      <ListPagination page={page} pageSize={data.pageSize || pageSize} total={data.total} onChange={onPage} />
    </>
  );
}

export interface Column {
  label: ReactNode;
  w?: number;
  ta?: 'right' | 'center';
}

/** The wide-screen table of a list: bordered, scrolling sideways below `minWidth`. */
export function ListTable({
  columns,
  minWidth,
  children,
  highlight = true,
  top,
  ...rest
}: {
  columns: Column[];
  minWidth: number;
  children: ReactNode;
  highlight?: boolean;
  top?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Paper withBorder style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table
          highlightOnHover={highlight}
          verticalSpacing="sm"
          style={top ? { verticalAlign: 'top' } : undefined}
          data-testid={rest['data-testid']}
        >
          <Table.Thead bg="gray.0">
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} w={c.w} ta={c.ta}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The district filter every list offers: searchable, clearable, loading its options itself. */
export function DistrictFilter({
  label,
  placeholder,
  value,
  onChange,
  enabled = true,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (code: string | null) => void;
  enabled?: boolean;
}) {
  const { t } = useTranslation();
  const districts = useDistricts(enabled);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      data={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
      value={value || null}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('common.noResults')}
      rightSection={districts.isLoading ? <Loader size={14} /> : undefined}
    />
  );
}
