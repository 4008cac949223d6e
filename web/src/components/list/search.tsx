import { useEffect, useState } from 'react';
import { Loader, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../common';

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
