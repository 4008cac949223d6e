import { Loader, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDistricts } from '../../lib/meta';

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
