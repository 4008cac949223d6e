import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * Visits (issue 4): programs with targets per kecamatan, visits with team, attendance, findings,
 * checklist, GPS and photos; concerns; follow-ups; business-unit needs, mentoring and proposals.
 * Rows that point at a registry business unit go with it when the registry deletes the unit.
 */
export const visitsMigration = (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    const money = sql.raw(dialect === 'postgres' ? 'bigint' : 'integer');

    await db.schema
      .createTable('programs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('program_targets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id').onDelete('cascade'))
      .addColumn('district_code', 'text', (c) => c.notNull().references('districts.code'))
      .addColumn('target', 'integer', (c) => c.notNull())
      .addUniqueConstraint('program_targets_program_district', ['program_id', 'district_code'])
      .execute();

    await db.schema
      .createTable('visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('program_id', 'text', (c) => c.references('programs.id'))
      .addColumn('annual_meeting_id', 'text', (c) => c.references('annual_meetings.id'))
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('start_time', 'text')
      .addColumn('end_time', 'text')
      .addColumn('purposes', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('cancel_reason', 'text')
      .addColumn('findings', 'text', (c) => c.notNull())
      .addColumn('checklist', 'text')
      .addColumn('gps_lat', 'double precision')
      .addColumn('gps_lng', 'double precision')
      .addColumn('gps_accuracy', 'double precision')
      .addColumn('gps_at', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('completed_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visits_date').on('visits').columns(['visit_date', 'id']).execute();
    await db.schema
      .createIndex('visits_cooperative_date')
      .on('visits')
      .columns(['cooperative_id', 'visit_date'])
      .execute();
    await db.schema.createIndex('visits_program').on('visits').column('program_id').execute();

    await db.schema
      .createTable('visit_team')
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('leader', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('visit_team_pk', ['visit_id', 'user_id'])
      .execute();
    await db.schema.createIndex('visit_team_user').on('visit_team').column('user_id').execute();

    await db.schema
      .createTable('visit_attendees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('visit_attendees_visit').on('visit_attendees').column('visit_id').execute();

    await db.schema
      .createTable('visit_business_units')
      .addColumn('visit_id', 'text', (c) => c.notNull().references('visits.id').onDelete('cascade'))
      .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_units.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('visit_business_units_pk', ['visit_id', 'business_unit_id'])
      .execute();

    await db.schema
      .createTable('concerns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('raised_by', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('response', 'text')
      .addColumn('seen_at', 'text')
      .addColumn('seen_by', 'text')
      .addColumn('created_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('concerns_cooperative')
      .on('concerns')
      .columns(['cooperative_id', 'created_at'])
      .execute();
    await db.schema.createIndex('concerns_status').on('concerns').columns(['status', 'created_at']).execute();
    await db.schema.createIndex('concerns_visit').on('concerns').column('visit_id').execute();

    await db.schema
      .createTable('follow_ups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('concern_id', 'text', (c) => c.references('concerns.id'))
      .addColumn('aspect', 'text')
      .addColumn('recommendation', 'text', (c) => c.notNull())
      .addColumn('responsible_kind', 'text', (c) => c.notNull())
      .addColumn('responsible_bidang', 'text')
      .addColumn('responsible_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('monitoring_plan', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('progress_note', 'text')
      .addColumn('evidence_note', 'text')
      .addColumn('evidence_photo_id', 'text')
      .addColumn('evidence_document', 'text')
      .addColumn('cancel_reason', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('created_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('follow_ups_cooperative')
      .on('follow_ups')
      .columns(['cooperative_id', 'deadline'])
      .execute();
    await db.schema
      .createIndex('follow_ups_status_deadline')
      .on('follow_ups')
      .columns(['status', 'deadline'])
      .execute();
    await db.schema.createIndex('follow_ups_user').on('follow_ups').column('responsible_user_id').execute();
    await db.schema.createIndex('follow_ups_visit').on('follow_ups').column('visit_id').execute();
    await db.schema.createIndex('follow_ups_concern').on('follow_ups').column('concern_id').execute();

    await db.schema
      .createTable('photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('follow_up_id', 'text', (c) => c.references('follow_ups.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('caption', 'text')
      .addColumn('taken_at', 'text')
      .addColumn('uploaded_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('photos_visit').on('photos').column('visit_id').execute();
    await db.schema.createIndex('photos_follow_up').on('photos').column('follow_up_id').execute();

    await db.schema
      .createTable('unit_needs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_units.id').onDelete('cascade'))
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('amount', money)
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unit_needs_cooperative').on('unit_needs').column('cooperative_id').execute();
    await db.schema.createIndex('unit_needs_unit').on('unit_needs').column('business_unit_id').execute();

    await db.schema
      .createTable('mentoring_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('business_unit_id', 'text', (c) => c.notNull().references('business_units.id').onDelete('cascade'))
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('mentor_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('bidang', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mentoring_cooperative').on('mentoring_sessions').column('cooperative_id').execute();
    await db.schema.createIndex('mentoring_unit').on('mentoring_sessions').column('business_unit_id').execute();

    await db.schema
      .createTable('unit_proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('cooperative_id', 'text', (c) => c.notNull().references('cooperatives.id'))
      .addColumn('visit_id', 'text', (c) => c.references('visits.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('sector', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('business_unit_id', 'text', (c) => c.references('business_units.id').onDelete('set null'))
      .addColumn('drop_reason', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unit_proposals_cooperative').on('unit_proposals').column('cooperative_id').execute();
  },
});
