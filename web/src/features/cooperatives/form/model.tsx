import '../../../lib/dates';
import { type ReactNode } from 'react';
import { Card, Title } from '@mantine/core';
import type { Coop, CoopInput, Officer } from '../../../lib/types';
import { numOrEmpty, toInt } from '../../../components/inputs';

export interface OfficerRow {
  key: number;
  role: string | null;
  name: string;
  phone: string;
  termStart: string | null;
  termEnd: string | null;
}

export interface FormValues {
  name: string;
  nik: string;
  type: string | null;
  group: string | null;
  scheme: string | null;
  status: 'AKTIF' | 'TIDAK_AKTIF';
  legalEntityNumber: string;
  legalEntityDate: string | null;
  legalEntityAmendmentDate: string | null;
  simkopdesId: string;
  districtCode: string | null;
  villageCode: string | null;
  street: string;
  latitude: string;
  longitude: string;
  phone: string;
  email: string;
  membersMale: number | string;
  membersFemale: number | string;
  employeesMale: number | string;
  employeesFemale: number | string;
  officers: OfficerRow[];
}

let rowKey = 1;
/** A fresh key for a new officer row. */
export const nextRowKey = () => rowKey++;

export const coordText = (v: number | null | undefined) => (typeof v === 'number' ? String(v).replace('.', ',') : '');

export function initialValues(c: Coop | undefined): FormValues {
  return {
    name: c?.name ?? '',
    nik: c?.nik ?? '',
    type: c?.type ?? null,
    group: c?.group ?? null,
    scheme: c?.scheme ?? 'KONVENSIONAL',
    status: c?.status === 'TIDAK_AKTIF' ? 'TIDAK_AKTIF' : 'AKTIF',
    legalEntityNumber: c?.legalEntityNumber ?? '',
    legalEntityDate: c?.legalEntityDate ?? null,
    legalEntityAmendmentDate: c?.legalEntityAmendmentDate ?? null,
    simkopdesId: c?.simkopdesId ?? '',
    districtCode: c?.district.code ?? c?.districtCode ?? null,
    villageCode: c?.village.code ?? c?.villageCode ?? null,
    street: c?.street ?? '',
    latitude: coordText(c?.latitude),
    longitude: coordText(c?.longitude),
    phone: c?.phone ?? '',
    email: c?.email ?? '',
    membersMale: numOrEmpty(c?.membersMale),
    membersFemale: numOrEmpty(c?.membersFemale),
    employeesMale: numOrEmpty(c?.employeesMale),
    employeesFemale: numOrEmpty(c?.employeesFemale),
    officers: (c?.officers ?? []).map((o) => ({
      key: rowKey++,
      role: o.role,
      name: o.name,
      phone: o.phone ?? '',
      termStart: o.termStart ?? null,
      termEnd: o.termEnd ?? null,
    })),
  };
}

export const parseCoord = (s: string): number | null | 'invalid' => {
  const v = s.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : 'invalid';
};

export const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s.trim());

export function toInput(v: FormValues): CoopInput {
  const lat = parseCoord(v.latitude);
  const lng = parseCoord(v.longitude);
  return {
    name: v.name.trim(),
    nik: nullIfEmpty(v.nik),
    // The selects offer only the codes the server serves (GET /meta); the server validates them again.
    type: (v.type ?? '') as CoopInput['type'],
    group: (v.group ?? '') as CoopInput['group'],
    scheme: v.scheme as CoopInput['scheme'],
    status: v.status,
    legalEntityNumber: nullIfEmpty(v.legalEntityNumber),
    legalEntityDate: v.legalEntityDate || null,
    legalEntityAmendmentDate: v.legalEntityAmendmentDate || null,
    simkopdesId: nullIfEmpty(v.simkopdesId),
    districtCode: v.districtCode ?? '',
    villageCode: v.villageCode ?? '',
    street: nullIfEmpty(v.street),
    latitude: lat === 'invalid' ? null : lat,
    longitude: lng === 'invalid' ? null : lng,
    phone: nullIfEmpty(v.phone),
    email: nullIfEmpty(v.email),
    membersMale: toInt(v.membersMale) ?? 0,
    membersFemale: toInt(v.membersFemale) ?? 0,
    employeesMale: toInt(v.employeesMale) ?? 0,
    employeesFemale: toInt(v.employeesFemale) ?? 0,
    officers: v.officers.map((o): Officer => ({
      role: (o.role ?? '') as Officer['role'],
      name: o.name.trim(),
      phone: nullIfEmpty(o.phone),
      termStart: o.termStart || null,
      termEnd: o.termEnd || null,
    })),
  };
}

/** After validation, bring the first field with an error into view. */
export function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, 50);
}

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
