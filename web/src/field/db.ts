/**
 * The phone's store for field mode (IndexedDB through Dexie). Everything the officer records is
 * written here on each change; nothing is deleted before the server answered for it.
 */
import { Dexie, type EntityTable } from 'dexie';
import type {
  ChecklistTemplate,
  ConflictItem,
  FollowUpFields,
  OutboxItem,
  PackItem,
  PhotoItem,
  Snapshot,
  VisitFields,
} from './core/types';

export interface PackRow {
  visitId: string;
  item: PackItem;
  sizeBytes: number;
  takenAt: string;
}

export interface VisitRecordRow {
  visitId: string;
  snapshot: Snapshot<VisitFields>;
  draft: VisitFields;
  updatedAt: string;
  completed: boolean;
}

export interface FollowUpRow {
  id: string;
  visitId: string;
  cooperativeId: string;
  /** Null for a follow-up created on this phone and not yet confirmed. */
  snapshot: Snapshot<FollowUpFields> | null;
  draft: FollowUpFields;
  concernId: string | null;
  status: string;
  local: boolean;
  updatedAt: string;
}

export interface ConcernRow {
  id: string;
  visitId: string;
  cooperativeId: string;
  kind: string;
  topic: string;
  description: string;
  raisedBy: string;
  severity: string;
  local: boolean;
  createdAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class FieldDb extends Dexie {
  packs!: EntityTable<PackRow, 'visitId'>;
  records!: EntityTable<VisitRecordRow, 'visitId'>;
  followUps!: EntityTable<FollowUpRow, 'id'>;
  concerns!: EntityTable<ConcernRow, 'id'>;
  outbox!: Dexie.Table<OutboxItem, string>;
  photos!: EntityTable<PhotoItem, 'id'>;
  conflicts!: EntityTable<ConflictItem, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor() {
    super('sambang-lapangan');
    this.version(1).stores({
      packs: 'visitId',
      records: 'visitId',
      followUps: 'id, visitId, cooperativeId',
      concerns: 'id, visitId',
      outbox: 'change.changeId, seq',
      photos: 'id, visitId',
      conflicts: 'id',
      meta: 'key',
    });
  }
}

export const db = new FieldDb();

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}
export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export type { ChecklistTemplate };
