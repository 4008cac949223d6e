import type { AssessmentInput, RubricDefinition } from '@domain/rubrics/types';
import '../../../lib/dates';
import type { DraftInputs } from '../../../pages/assessment/shared';
import '../../../lib/desk';

export const AUTOSAVE_MS = 1500;
export const LIVE_MS = 120;

/** Dotted server field (`financials.kas`, `management.general`, `capital.a`) → what the assessor sees. */
export function fieldLabels(def: RubricDefinition): Map<string, string> {
  const m = new Map<string, string>();
  if (def.method === 'weighted') {
    for (const s of def.inputSections) for (const l of s.lines) m.set(`financials.${l.code}`, l.label);
    for (const a of def.aspects) {
      for (const c of a.components) {
        m.set(`${a.code}.${c.code}`, `${a.label}: ${c.label}`);
        if (c.kind === 'questionnaire') m.set(`management.${c.code}`, c.label);
      }
    }
  } else {
    for (const a of def.aspects) {
      m.set(a.code, a.label);
      for (const i of a.indicators) {
        m.set(`${a.code}.${i.code}`, i.label);
        m.set(`${i.kind === 'checklist' ? 'checklists' : 'indicators'}.${i.code}`, i.label);
      }
    }
  }
  return m;
}

export function toDraft(inputs: AssessmentInput | null | undefined): DraftInputs {
  return JSON.parse(JSON.stringify(inputs ?? {})) as DraftInputs;
}

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'conflict' };
