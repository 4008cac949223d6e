import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from './api';
import type { CodeLabel, Meta, Region, Village } from './types';

export function useMeta() {
  return useQuery({ queryKey: ['meta'], queryFn: () => get<Meta>('/meta'), staleTime: Infinity });
}

export function useDistricts(enabled = true) {
  return useQuery({
    queryKey: ['districts'],
    queryFn: () => get<{ items: Region[] }>('/regions/districts'),
    staleTime: Infinity,
    enabled,
    select: (d) => d.items,
  });
}

export function useVillages(district: string | null | undefined) {
  return useQuery({
    queryKey: ['villages', district],
    queryFn: () => get<{ items: Village[] }>(`/regions/districts/${encodeURIComponent(district ?? '')}/villages`),
    staleTime: Infinity,
    enabled: !!district,
    select: (d) => d.items,
  });
}

export type MetaListKey =
  'types' | 'groups' | 'schemes' | 'statuses' | 'officerRoles' | 'roles' | 'bidang' | 'unitStatuses' | 'sectors';

const FALLBACK_I18N: Partial<
  Record<MetaListKey, 'labels.status' | 'labels.unitStatus' | 'labels.sector' | 'labels.bidang' | 'roles'>
> = {
  statuses: 'labels.status',
  unitStatuses: 'labels.unitStatus',
  sectors: 'labels.sector',
  bidang: 'labels.bidang',
  roles: 'roles',
};

/** Options list for a Select: from meta when present, otherwise the i18n fallback. */
export function useCodeList(key: MetaListKey): CodeLabel[] {
  const { data } = useMeta();
  const { t } = useTranslation();
  let list: CodeLabel[] | undefined;
  if (key === 'sectors') list = data?.unitSectors;
  else list = data?.[key];
  if (list && list.length) return list;
  const base = FALLBACK_I18N[key];
  if (!base) return [];
  const obj = t(base, { returnObjects: true }) as unknown;
  if (obj && typeof obj === 'object') {
    return Object.entries(obj as Record<string, string>).map(([code, label]) => ({ code, label }));
  }
  return [];
}

/** A function mapping a code of the given list to its Indonesian label. */
export function useLabel(key: MetaListKey): (code: string | null | undefined) => string {
  const list = useCodeList(key);
  return useCallback(
    (code: string | null | undefined) => {
      if (code === null || code === undefined || code === '') return '–';
      return list.find((c) => c.code === code)?.label ?? code;
    },
    [list],
  );
}

export const toOptions = (list: CodeLabel[]) => list.map((c) => ({ value: c.code, label: c.label }));
