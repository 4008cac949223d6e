import type { VisitStatus } from './codes.js';

/**
 * A visit is planned, approved by pimpinan or admin, then done; it may be cancelled (with a reason)
 * until it is done. A done or cancelled visit stays so.
 */
const NEXT: Record<VisitStatus, readonly VisitStatus[]> = {
  planned: ['approved', 'cancelled'],
  approved: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function canMoveVisit(from: VisitStatus, to: VisitStatus): boolean {
  return NEXT[from].includes(to);
}

export function visitMoveRefusal(from: VisitStatus, to: VisitStatus): string {
  if (from === 'cancelled') return 'Kunjungan ini sudah dibatalkan.';
  if (from === 'done') return 'Kunjungan ini sudah selesai dicatat.';
  if (to === 'done') return 'Kunjungan harus disetujui pimpinan sebelum ditandai selesai.';
  if (to === 'approved') return 'Kunjungan ini sudah disetujui.';
  return 'Perubahan status kunjungan ini tidak diperbolehkan.';
}

/** 'HH:MM', 24 hours. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
