import { type ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';
import '../../../lib/dates';
import { type Visit, type VisitPurpose } from '../../../lib/visits';

export interface PlanForm {
  cooperativeId: string | null;
  cooperativeName: string | null;
  date: string | null;
  startTime: string;
  endTime: string;
  purposes: VisitPurpose[];
  programId: string | null;
  annualMeetingId: string | null;
  team: { userId: string; leader: boolean }[];
  businessUnitIds: string[];
}

export const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function fromVisit(v: Visit): PlanForm {
  return {
    cooperativeId: v.cooperative.id,
    cooperativeName: v.cooperative.name,
    date: v.date,
    startTime: v.startTime ?? '',
    endTime: v.endTime ?? '',
    purposes: [...v.purposes],
    programId: v.programId,
    annualMeetingId: v.annualMeetingId,
    team: v.team.map((m) => ({ userId: m.userId, leader: m.leader })),
    businessUnitIds: [...v.businessUnitIds],
  };
}

export function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const el = document.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, 50);
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={testId}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The plan form itself, once the visit (when editing) is loaded. */
