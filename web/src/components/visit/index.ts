/**
 * The visit record editors, as pure controlled components (value/onChange, no network), so that
 * field mode (issue #6) can reuse them offline with its own store and outbox. Types and the draft
 * logic (patchOf, rebaseDraft, checkDraft) are in lib/visit-record.ts; photo compression in lib/image.ts.
 */
export { AttendanceEditor } from './AttendanceEditor';
export { ChecklistEditor } from './ChecklistEditor';
export { FindingsEditor } from './FindingsEditor';
export { GpsField, readPosition } from './GpsField';
export { PhotoPicker } from './PhotoPicker';
export { UnitsEditor } from './UnitsEditor';
