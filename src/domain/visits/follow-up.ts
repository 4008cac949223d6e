import type { FollowUpStatus } from './codes.js';
import { daysBetween } from '../dates.js';

/**
 * The life of a recommendation: open → in_progress → done, or cancelled from either open state.
 * Done and cancelled are final: a wrong closure is corrected by a new recommendation, so the
 * record of what was claimed stays as it was.
 */
const NEXT: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function allowedNext(status: FollowUpStatus): readonly FollowUpStatus[] {
  return NEXT[status];
}

export function isClosed(status: FollowUpStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

export interface Evidence {
  note: string;
  photoId: string | null;
  documentRef: string | null;
}

export interface TransitionInput {
  to: FollowUpStatus;
  /** Required for done: what was done, and optionally a photo or a document as proof. */
  evidence?: { note?: string | null; photoId?: string | null; documentRef?: string | null } | null;
  /** Required for cancelled. */
  reason?: string | null;
  /** Optional progress note for in_progress. */
  note?: string | null;
}

export type TransitionResult =
  | { ok: true; status: FollowUpStatus; evidence: Evidence | null; reason: string | null; note: string | null }
  | { ok: false; fields: Record<string, string>; conflict: boolean };

const MIN_TEXT = 5;
const filled = (s: string | null | undefined) => (s ?? '').trim();

/** Checks one change of status; pure, so the same rule serves the server and, later, the offline client. */
export function transition(from: FollowUpStatus, input: TransitionInput): TransitionResult {
  if (!NEXT[from].includes(input.to)) {
    const msg = isClosed(from)
      ? `Tindak lanjut ini sudah ${from === 'done' ? 'selesai' : 'dibatalkan'}; statusnya tidak dapat diubah lagi.`
      : `Status tidak dapat diubah dari "${from}" ke "${input.to}".`;
    return { ok: false, fields: { status: msg }, conflict: isClosed(from) || from === input.to };
  }
  if (input.to === 'done') {
    const note = filled(input.evidence?.note);
    if (note.length < MIN_TEXT) {
      return {
        ok: false,
        conflict: false,
        fields: {
          'evidence.note': 'Bukti tindak lanjut wajib diisi: uraikan apa yang sudah dilakukan (minimal 5 karakter).',
        },
      };
    }
    return {
      ok: true,
      status: 'done',
      reason: null,
      note: null,
      evidence: {
        note,
        photoId: input.evidence?.photoId ?? null,
        documentRef: filled(input.evidence?.documentRef) || null,
      },
    };
  }
  if (input.to === 'cancelled') {
    const reason = filled(input.reason);
    if (reason.length < MIN_TEXT)
      return { ok: false, conflict: false, fields: { reason: 'Alasan pembatalan wajib diisi (minimal 5 karakter).' } };
    return { ok: true, status: 'cancelled', evidence: null, reason, note: null };
  }
  return { ok: true, status: input.to, evidence: null, reason: null, note: filled(input.note) || null };
}

/**
 * A recommendation is overdue when its deadline (the last day allowed) has passed and it is still
 * open or in progress. `today` is the calendar date in Asia/Jakarta, as 'YYYY-MM-DD'.
 */
export function isOverdue(f: { status: FollowUpStatus; deadline: string }, today: string): boolean {
  return !isClosed(f.status) && f.deadline < today;
}

/** Whole days past the deadline (0 when not overdue). */
export function daysOverdue(f: { status: FollowUpStatus; deadline: string }, today: string): number {
  if (!isOverdue(f, today)) return 0;
  return daysBetween(f.deadline, today);
}
