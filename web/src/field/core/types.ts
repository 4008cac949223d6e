/**
 * Wire types of the field sync contract (docs/SYNC.md) and the shapes field mode keeps on the phone.
 * Kept free of Mantine and the main app so the field bundle stays small.
 */

export type ChangeKind =
  'visit.update' | 'visit.complete' | 'concern.create' | 'followUp.create' | 'followUp.update' | 'followUp.status';

export interface Change {
  changeId: string;
  clientTime: string;
  kind: ChangeKind;
  entityId: string;
  baseVersion?: number;
  base?: Record<string, unknown>;
  fields?: Record<string, unknown>;
}

export type ResultStatus = 'applied' | 'merged' | 'conflict' | 'rejected';

export interface Result {
  changeId: string;
  status: ResultStatus;
  duplicate?: true;
  entity?: { type: string; id: string; version: number };
  conflicts?: { id: string; field: string }[];
  error?: { code: string; message: string };
}

/** A change waiting on the phone, with what the outbox needs to know about sending it. */
export interface OutboxItem {
  change: Change;
  /** Order of creation on this phone (changes are sent in this order). */
  seq: number;
  createdAt: string;
  /** How many times it was sent without an answer for it (network error, 5xx, 401). */
  attempts: number;
  lastAttemptAt: string | null;
  /** Once sent, a change is never edited again: the server may have applied it already. */
  sent: boolean;
  /** The server rejected it (validation or permission): kept, shown, not retried until dropped. */
  rejected: boolean;
  /** Last error, in Indonesian. */
  error: string | null;
  /** A photo that must reach the server before this change (evidence of a follow-up status). */
  needsPhoto?: string | null;
  /** Short Indonesian description for the outbox list. */
  label: string;
}

export interface PhotoItem {
  id: string;
  target: { type: 'visit' | 'followUp'; id: string };
  blob: Blob;
  size: number;
  contentType: string;
  caption: string | null;
  takenAt: string;
  width: number;
  height: number;
  originalBytes: number;
  received: number;
  createdAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  error: string | null;
  /** The visit it was taken on (for display even when the target is a follow-up). */
  visitId: string;
}

export interface Attendee {
  name: string;
  role: 'pengurus' | 'pengawas' | 'manajer' | 'anggota' | 'karyawan';
  gender: 'L' | 'P';
}
export interface ChecklistAnswer {
  result: 'SESUAI' | 'CUKUP' | 'TIDAK_SESUAI';
  note: string | null;
}
export interface GpsFix {
  lat: number;
  lng: number;
  accuracy: number | null;
  at: string | null;
}

/** The visit fields field mode records (the `visit.update` change's `fields`). */
export interface VisitFields {
  attendance: Attendee[];
  findings: Record<string, string | null>;
  checklist: Record<string, ChecklistAnswer>;
  gps: GpsFix | null;
  startTime: string | null;
  endTime: string | null;
}
export const VISIT_FIELD_KEYS = ['attendance', 'findings', 'checklist', 'gps', 'startTime', 'endTime'] as const;

export interface FollowUpFields {
  recommendation: string;
  deadline: string;
  monitoringPlan: string | null;
}
export const FOLLOW_UP_FIELD_KEYS = ['recommendation', 'deadline', 'monitoringPlan'] as const;

/** What the phone knows of a shared record: the version and values it last saw from the server. */
export interface Snapshot<F> {
  version: number;
  fields: F;
}

// --- the pack (GET /field/pack) --------------------------------------------------------------

export interface PackVisit {
  id: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  status: string;
  purposes: string[];
  cooperative: {
    id: string;
    name: string;
    district: { code: string; name: string };
    village: { code: string; name: string };
  };
  team: { userId: string; fullName: string; leader: boolean }[];
  version: number;
  attendance: Attendee[];
  findings: Record<string, string | null>;
  checklist: { version: string; answers: Record<string, ChecklistAnswer> } | null;
  gps: GpsFix | null;
  photos?: { id: string; thumbnailUrl: string }[];
}

export interface PackConcern {
  id: string;
  kind: string;
  topic: string;
  description: string;
  raisedBy: string;
  severity: string;
  status: string;
  version: number;
  visitId: string | null;
}

export interface PackFollowUp {
  id: string;
  concernId: string | null;
  visitId: string | null;
  recommendation: string;
  responsible: { kind: string; bidang: string | null; userId: string | null; label?: string };
  deadline: string;
  monitoringPlan: string | null;
  status: string;
  version: number;
}

export interface PackItem {
  visit: PackVisit;
  cooperative: { id: string; name: string; [k: string]: unknown };
  officers: { name: string; role: string; phone: string | null }[];
  businessUnits: { id: string; name: string; sector: string; status: string }[];
  lastAssessment: { fiscalYear: number; category: string; score: number; assessedOn: string } | null;
  rat: {
    active: boolean;
    latestDueYear: number | null;
    years: { fiscalYear: number; deadline: string; heldOn: string | null; status: string }[];
    warnings: { code: string; message: string }[];
  } | null;
  concerns: PackConcern[];
  followUps: PackFollowUp[];
}

export interface ChecklistTemplate {
  version: string;
  title: string;
  areas: { code: string; label: string; indicators: { code: string; label: string }[] }[];
}

export interface Pack {
  generatedAt: string;
  days: number;
  checklist: ChecklistTemplate;
  items: PackItem[];
  /** The officer's latest notices when the pack was made (issue #14). */
  notifications?: {
    items: {
      id: string;
      kind: string;
      title: string;
      body: string;
      link: string;
      waLink: string | null;
      createdAt: string;
      readAt: string | null;
    }[];
    unread: number;
  };
}

export interface ConflictItem {
  id: string;
  entityType: string;
  entityId: string;
  cooperative: { id: string; name: string };
  field: string;
  fieldLabel: string;
  baseValue: unknown;
  serverValue: unknown;
  clientValue: unknown;
  user: { id: string; fullName: string };
  createdAt: string;
  status: string;
}
