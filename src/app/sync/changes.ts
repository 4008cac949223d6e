import type { Aspect, ConcernKind, ConcernTopic, Severity } from '../../domain/visits/codes.js';
import type { ChecklistAnswer } from '../../domain/visits/checklist.js';
import type { Responsible } from '../follow-ups/follow-ups.js';
import type { AttendeeInput } from '../visits/visits.js';
import type { SyncResultOut } from '../../contract/sync.js';

/** The changes a phone sends (docs/SYNC.md), already shape-checked by the route. */
export interface VisitSyncFields {
  attendance?: AttendeeInput[];
  findings?: Partial<Record<Aspect, string | null>>;
  checklist?: Record<string, ChecklistAnswer | null>;
  gps?: { lat: number; lng: number; accuracy: number | null; at: string | null } | null;
  startTime?: string | null;
  endTime?: string | null;
}

export interface FollowUpSyncFields {
  recommendation?: string;
  deadline?: string;
  monitoringPlan?: string | null;
  responsible?: Responsible;
}

interface ChangeBase {
  changeId: string;
  clientTime?: string | undefined;
  entityId: string;
}

export type SyncChange = ChangeBase &
  (
    | { kind: 'visit.update'; baseVersion: number; base: VisitSyncFields; fields: VisitSyncFields }
    | { kind: 'visit.complete' }
    | {
        kind: 'concern.create';
        fields: {
          cooperativeId: string;
          visitId: string | null;
          kind: ConcernKind;
          topic: ConcernTopic;
          description: string;
          raisedBy: string | null;
          severity: Severity;
        };
      }
    | {
        kind: 'followUp.create';
        fields: {
          cooperativeId: string;
          concernId: string | null;
          visitId: string | null;
          aspect: Aspect | null;
          recommendation: string;
          responsible: Responsible;
          deadline: string;
          monitoringPlan: string | null;
        };
      }
    | { kind: 'followUp.update'; baseVersion: number; base: FollowUpSyncFields; fields: FollowUpSyncFields }
    | {
        kind: 'followUp.status';
        baseVersion: number;
        fields: {
          status: 'in_progress' | 'done' | 'cancelled';
          note: string | null;
          evidence: { note: string | null; photoId: string | null; documentRef: string | null } | null;
          reason: string | null;
        };
      }
  );

export type SyncChangeKind = SyncChange['kind'];
export type EntityType = 'visit' | 'concern' | 'followUp';

/** What the server answers for one change (src/contract/sync.ts). */
export type SyncResult = SyncResultOut;
