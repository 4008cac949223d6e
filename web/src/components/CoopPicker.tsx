import { useState } from 'react';
import { Loader, Select, type ComboboxItem } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { buildQuery, get } from '../lib/api';
import type { CoopListItem, Id, Page } from '../lib/types';
import { useDebounced } from './common';

/** Searchable cooperative select backed by GET /cooperatives. */
export function CoopPicker({
  value,
  onChange,
  label,
  error,
  required,
  initial,
}: {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label: string;
  error?: string;
  required?: boolean;
  initial?: { id: Id; name: string } | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(initial?.name ?? '');
  const [selected, setSelected] = useState<ComboboxItem | null>(
    initial ? { value: String(initial.id), label: initial.name } : null,
  );
  const debounced = useDebounced(search, 300);
  const term = selected && debounced === selected.label ? '' : debounced.trim();
  const query = useQuery({
    queryKey: ['coop-picker', term],
    queryFn: ({ signal }) =>
      get<Page<CoopListItem>>(`/cooperatives${buildQuery({ search: term, pageSize: 20, sort: 'name' })}`, signal),
    staleTime: 60_000,
  });
  const options: ComboboxItem[] = (query.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (selected && !options.some((o) => o.value === selected.value)) options.unshift(selected);

  return (
    <Select
      label={label}
      placeholder={t('users.cooperativeSearch')}
      required={required}
      searchable
      clearable
      data={options}
      value={value}
      onChange={(v, opt) => {
        setSelected(opt ?? null);
        onChange(v, opt?.label ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={query.isFetching ? t('app.loading') : t('common.noResults')}
      rightSection={query.isFetching ? <Loader size={14} /> : undefined}
      error={error}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={260}
    />
  );
}
