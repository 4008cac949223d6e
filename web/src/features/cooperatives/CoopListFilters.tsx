import { Loader, Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUTHORITY_LEVELS } from '@domain/codes';
import type { CooperativeSort } from '@domain/cooperative';
import { DistrictFilter } from '../../components/ListScaffold';
import { toOptions, useCodeList, useVillages } from '../../lib/meta';

type Values = Record<'district' | 'village' | 'type' | 'group' | 'status' | 'authority' | 'sort', string>;

/** The orders offered, in this order: a choice among the server's (a sort it drops fails to compile). */
const SORTS = [
  'name',
  '-name',
  '-updatedAt',
  'updatedAt',
  'district',
  '-members',
] as const satisfies readonly CooperativeSort[];

/** The cooperative list's filters (the district, village and code lists, the supervising tier, the order). */
export function CoopListFilters({
  values,
  set,
}: {
  values: Values;
  set: (patch: Partial<Record<keyof Values, string | null>>) => void;
}) {
  const { t } = useTranslation();
  const types = useCodeList('types');
  const groups = useCodeList('groups');
  const statuses = useCodeList('statuses');
  const villages = useVillages(values.district || null);
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
      <DistrictFilter
        label={t('coop.district')}
        placeholder={t('common.all')}
        value={values.district}
        onChange={(v) => set({ district: v, village: null })}
      />
      <Select
        label={t('coop.village')}
        placeholder={values.district ? t('common.all') : t('coop.chooseDistrictFirst')}
        data={(villages.data ?? []).map((v) => ({ value: v.code, label: v.name }))}
        value={values.village || null}
        onChange={(v) => set({ village: v })}
        disabled={!values.district}
        searchable
        clearable
        nothingFoundMessage={t('common.noResults')}
        rightSection={villages.isLoading ? <Loader size={14} /> : undefined}
      />
      <Select
        label={t('coop.type')}
        placeholder={t('common.all')}
        data={toOptions(types)}
        value={values.type || null}
        onChange={(v) => set({ type: v })}
        clearable
      />
      <Select
        label={t('coop.group')}
        placeholder={t('common.all')}
        data={toOptions(groups)}
        value={values.group || null}
        onChange={(v) => set({ group: v })}
        clearable
        searchable
        comboboxProps={{ width: 'target', position: 'bottom-start' }}
      />
      <Select
        label={t('coop.status')}
        placeholder={t('common.all')}
        data={toOptions(statuses)}
        value={values.status || null}
        onChange={(v) => set({ status: v })}
        clearable
      />
      <Select
        label={t('coop.authority')}
        placeholder={t('common.all')}
        data={AUTHORITY_LEVELS.map((a) => ({ value: a, label: t(`coop.authorityLevel.${a}`) }))}
        value={values.authority || null}
        onChange={(v) => set({ authority: v })}
        clearable
      />
      <Select
        label={t('common.sortBy')}
        data={SORTS.map((s) => ({ value: s, label: t(`coop.sort.${s}`) }))}
        value={values.sort || 'name'}
        onChange={(v) => set({ sort: v === 'name' ? null : v })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
