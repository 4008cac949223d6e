import {
  type Bidang,
  BIDANG_LABELS,
  COOP_GROUP_LABELS,
  COOP_TYPE_LABELS,
  UNIT_SECTOR_LABELS,
  type UnitSector,
} from '../../domain/codes.js';
import { villageKind } from '../../domain/cooperative.js';
import { ratCompliance } from '../../domain/rat/compliance.js';
import { countedMeetings } from '../desk/verifications.js';
import {
  activityReport,
  reportHeadline,
  type ReportInput,
  whatsappShareUrl,
} from '../../domain/visits/activity-report.js';
import { invalid } from '../../domain/errors.js';
import { CHECK_RESULT_LABELS, DEFAULT_CHECKLIST } from '../../domain/visits/checklist.js';
import {
  ASPECT_LABELS,
  ASPECTS,
  ATTENDEE_ROLE_LABELS,
  ATTENDEE_ROLES,
  CONCERN_KIND_LABELS,
  type ConcernKind,
  type ConcernTopic,
  CONCERN_TOPIC_LABELS,
  NEED_KIND_LABELS,
  type NeedKind,
  PROPOSAL_STATUS_LABELS,
  type ProposalStatus,
  SEVERITY_LABELS,
  type Severity,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
} from '../../domain/visits/codes.js';
import { longDate } from '../../domain/visits/indonesian.js';
import { type MinutesData, minutesPdf } from '../../reports/minutes-pdf.js';
import type { IssueStamp } from '../../reports/pdf.js';
import { officePaper } from '../offices/office-paper.js';
import { regencyOfDistrict } from '../regions/list-regions.js';
import { graceMonths } from '../annual-meetings/annual-meetings.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import { authorize, guardManage, isLeadership, missing, visitPolicy } from '../policy/index.js';
import { visitRef } from './view.js';
import { loadCooperative, officialOfficers } from '../cooperatives/view.js';
import { responsibleLabel } from '../follow-ups/follow-ups.js';
import { readDevelopment } from '../unit-development/unit-development.js';
import type { Visit } from './view.js';
import { getVisit } from './visits.js';

const CATEGORY_LABELS: Record<string, string> = {
  SEHAT: 'Sehat',
  CUKUP_SEHAT: 'Cukup Sehat',
  DALAM_PENGAWASAN: 'Dalam Pengawasan',
  DALAM_PENGAWASAN_KHUSUS: 'Dalam Pengawasan Khusus',
};
const RUBRIC_TITLES: Record<string, string> = {
  'ksp-2016': 'KSP/USP 2016 (Perdep No. 06/Per/Dep.6/IV/2016)',
  'kk-2021': 'Pemeriksaan Kesehatan 2021 (Permenkop UKM 9/2020)',
};

const bidangLabel = (b: Bidang | null, role: string, office: string) =>
  b ? BIDANG_LABELS[b] : isLeadership({ role }) ? 'Pimpinan Dinas' : office;

/** NIP, rank and position of the team, for the signature blocks. */
async function officersOf(db: Tx, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { nip: string | null; rank: string | null; position: string | null }>();
  const rows = await db.selectFrom('users').select(['id', 'nip', 'rank', 'position']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

async function concernsOf(db: Tx, visitId: string) {
  return db
    .selectFrom('concerns')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
async function followUpsOf(db: Tx, visitId: string) {
  return db
    .selectFrom('follow_ups as f')
    .leftJoin('users as u', 'u.id', 'f.responsible_user_id')
    .selectAll('f')
    .select('u.full_name as responsible_name')
    .where('f.visit_id', '=', visitId)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

/** Everything the activity report needs, from the stored visit record. */
async function reportInput(deps: AppDeps, v: Visit, officeId: string | null): Promise<ReportInput> {
  const db = deps.db.kysely;
  const [concerns, followUps, meeting, dev, office] = await Promise.all([
    concernsOf(db, v.id),
    followUpsOf(db, v.id),
    v.annualMeetingId
      ? db.selectFrom('annual_meetings').selectAll().where('id', '=', v.annualMeetingId).executeTakeFirst()
      : undefined,
    readDevelopment(db, v.cooperative.id),
    officePaper(db, officeId),
  ]);
  const leader = v.team.find((m) => m.leader) ?? null;
  // Every officer of the team is named with their position (jabatan) when the admin has set it.
  const officers = await officersOf(
    db,
    v.team.map((m) => m.userId),
  );
  const titleOf = (userId: string) => officers.get(userId)?.position ?? null;
  const worked = new Set(v.businessUnitIds);
  const roles = ATTENDEE_ROLES.filter((r) => v.attendance.some((a) => a.role === r)).map(
    (r) => ATTENDEE_ROLE_LABELS[r],
  );
  return {
    id: v.id,
    date: v.date,
    status: v.status,
    purposes: v.purposes,
    programName: v.program?.name ?? null,
    cooperative: {
      name: v.cooperative.name,
      villageName: v.cooperative.village.name,
      villageKind: villageKind(v.cooperative.village.code),
      districtName: v.cooperative.district.name,
    },
    leader: leader ? { name: leader.fullName, bidang: leader.bidang, title: titleOf(leader.userId) } : null,
    members: v.team
      .filter((m) => !m.leader)
      .map((m) => ({ name: m.fullName, bidang: m.bidang, title: titleOf(m.userId) })),
    annualMeeting: meeting
      ? {
          fiscalYear: meeting.fiscal_year,
          membersPresent: meeting.members_present,
          membersTotal: meeting.members_total,
        }
      : null,
    attendance: { total: v.attendance.length, roles },
    concerns: concerns.map((c) => ({
      kind: c.kind as ConcernKind,
      topic: c.topic as ConcernTopic,
      severity: c.severity as Severity,
      description: c.description,
    })),
    followUps: followUps
      .filter((f) => f.status !== 'cancelled')
      .map((f) => ({
        text: f.recommendation,
        owner:
          f.responsible_kind === 'COOPERATIVE'
            ? 'pengurus koperasi'
            : responsibleLabel(f.responsible_kind, f.responsible_bidang, f.responsible_name),
        deadline: f.deadline,
        ownerKind: f.responsible_kind as 'COOPERATIVE' | 'BIDANG' | 'USER',
      })),
    unitsWorkedOn: dev.units.filter((u) => worked.has(u.id)).map((u) => u.name),
    proposals: dev.proposals.filter((p) => p.visitId === v.id && p.status !== 'dropped').map((p) => p.name),
    cancelReason: v.cancelReason,
    office: { name: office.agency, shortName: office.shortName, area: office.area, city: office.city },
  };
}

export interface ActivityReportView {
  headline: string;
  text: string;
  shareUrl: string;
  /** Set when an officer edited the text before sharing; the generated one is then only a suggestion. */
  edited: { by: string; at: string } | null;
  generated: { headline: string; text: string };
}

/** The activity report: the officer's edited text when there is one, else generated from the record. */
export async function visitActivityReport(deps: AppDeps, actor: Actor, id: string): Promise<ActivityReportView> {
  const v = await getVisit(deps, actor, id);
  const input = await reportInput(deps, v, actor.officeId);
  const generated = { headline: reportHeadline(input), text: activityReport(input) };
  const kept = await deps.db.kysely
    .selectFrom('activity_reports')
    .selectAll()
    .where('visit_id', '=', id)
    .executeTakeFirst();
  const headline = kept?.headline ?? generated.headline;
  const text = kept?.text ?? generated.text;
  return {
    headline,
    text,
    shareUrl: whatsappShareUrl(text, headline),
    edited: kept ? { by: kept.editor_name, at: kept.edited_at } : null,
    generated,
  };
}

/**
 * Keeps the officer's edit of the activity report with the visit (its team, pimpinan or admin);
 * `null` goes back to the generated text. Audited like every change.
 */
export async function saveActivityReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { headline: string; text: string } | null,
): Promise<ActivityReportView> {
  const ref = await visitRef(deps.db.kysely, id);
  if (!ref) throw missing(actor, 'Kunjungan');
  await guardManage(deps.db.kysely, actor, ref.cooperativeId, 'Kunjungan');
  authorize(
    visitPolicy.cancel,
    actor,
    ref,
    'Hanya tim kunjungan, pimpinan atau admin yang dapat menyunting laporan kegiatan.',
  );
  if (input && (input.text.trim().length < 20 || input.headline.trim().length < 5)) {
    throw invalid({
      ...(input.text.trim().length < 20 ? { text: 'Teks laporan minimal 20 karakter.' } : {}),
      ...(input.headline.trim().length < 5 ? { headline: 'Judul minimal 5 karakter.' } : {}),
    });
  }
  await mutate(deps, actor, async (trx, audit) => {
    const before = await trx.selectFrom('activity_reports').selectAll().where('visit_id', '=', id).executeTakeFirst();
    await trx.deleteFrom('activity_reports').where('visit_id', '=', id).execute();
    if (input) {
      await trx
        .insertInto('activity_reports')
        .values({
          visit_id: id,
          headline: input.headline.trim(),
          text: input.text.trim(),
          edited_by: actor.userId,
          editor_name: actor.fullName,
          edited_at: deps.now().toISOString(),
        })
        .execute();
    }
    await audit({
      action: input ? 'visit.activity_report.edit' : 'visit.activity_report.reset',
      entityType: 'visit',
      entityId: id,
      cooperativeId: ref.cooperativeId,
      changes: {
        activityReport: { before: before ? before.headline : null, after: input ? input.headline.trim() : null },
      },
    });
  });
  return visitActivityReport(deps, actor, id);
}

/** The berita acara kunjungan (DOMAIN.md §8) as a PDF: the unnumbered draft, or issued with `stamp` (issue 12). */
export async function visitMinutes(
  deps: AppDeps,
  actor: Actor,
  id: string,
  stamp?: IssueStamp,
): Promise<{ filename: string; pdf: Buffer }> {
  const v = await getVisit(deps, actor, id);
  const db = deps.db.kysely;
  const [office, regency, officers] = await Promise.all([
    officePaper(db, actor.officeId),
    regencyOfDistrict(db, v.cooperative.district.code),
    officersOf(
      db,
      v.team.map((m) => m.userId),
    ),
  ]);
  const coop = await loadCooperative(db, v.cooperative.id);
  const [concerns, followUps, meetings, assessment, dev, grace] = await Promise.all([
    concernsOf(db, v.id),
    followUpsOf(db, v.id),
    db
      .selectFrom('annual_meetings')
      .selectAll()
      .where('cooperative_id', '=', coop.id)
      .orderBy('fiscal_year', 'desc')
      .execute(),
    db
      .selectFrom('assessments')
      .select(['fiscal_year', 'rubric', 'rubric_version', 'total', 'category', 'assessed_on'])
      .where('cooperative_id', '=', coop.id)
      .where('status', '=', 'FINAL')
      // As known on the day of the visit: a later assessment is not what the team saw.
      .where('assessed_on', '<=', v.date)
      .orderBy('fiscal_year', 'desc')
      .orderBy('assessed_on', 'desc')
      .executeTakeFirst(),
    readDevelopment(db, coop.id),
    graceMonths(deps),
  ]);

  const linked = v.annualMeetingId ? meetings.find((m) => m.id === v.annualMeetingId) : undefined;
  const latest = linked ?? meetings.find((m) => m.held_on <= v.date);
  const founded = coop.legalEntityDate ?? coop.createdAt.slice(0, 10);
  const counted = (await countedMeetings(db, coop.id)).meetings.get(coop.id) ?? [];
  const compliance = ratCompliance(counted, founded, v.date, grace);
  const due = compliance.years.find((y) => y.fiscalYear === compliance.latestDueYear);
  const ratLines: string[] = [];
  if (linked) {
    ratLines.push(
      `Kunjungan bertepatan dengan RAT tahun buku ${linked.fiscal_year} pada ${longDate(linked.held_on)}${linked.place ? ` di ${linked.place}` : ''}, dihadiri ${linked.members_present} dari ${linked.members_total} anggota${linked.quorum_required !== null ? ` (kuorum ${linked.quorum_required}: ${linked.members_present >= linked.quorum_required ? 'tercapai' : 'tidak tercapai'})` : ''}.`,
    );
  } else if (latest) {
    ratLines.push(
      `RAT terakhir yang tercatat: tahun buku ${latest.fiscal_year}, diadakan ${longDate(latest.held_on)}, dihadiri ${latest.members_present} dari ${latest.members_total} anggota.`,
    );
  } else {
    ratLines.push('Belum ada RAT yang tercatat di Sambang.');
  }
  if (due) {
    const s = {
      ON_TIME: 'tepat waktu',
      LATE: 'terlambat',
      NOT_HELD: 'belum dilaksanakan',
      NOT_YET_DUE: 'belum jatuh tempo',
    }[due.status];
    ratLines.push(
      `Per tanggal kunjungan, RAT tahun buku ${due.fiscalYear} (batas ${longDate(due.deadline)}): ${s}. Status keaktifan: ${compliance.active ? 'aktif' : 'tidak aktif'}.`,
    );
  }
  for (const w of compliance.warnings) ratLines.push(`Peringatan: ${w.message}`);

  const checklistIndex = new Map(
    DEFAULT_CHECKLIST.areas.flatMap((a) =>
      a.indicators.map((i) => [i.code, { area: a.label, label: i.label }] as const),
    ),
  );
  const worked = new Set(v.businessUnitIds);
  const data: MinutesData = {
    office,
    stamp: stamp ?? null,
    cooperative: {
      name: coop.name,
      nik: coop.nik,
      legalEntity:
        [coop.legalEntityNumber, coop.legalEntityDate ? `tanggal ${longDate(coop.legalEntityDate)}` : null]
          .filter(Boolean)
          .join(', ') || null,
      typeGroup: `${COOP_TYPE_LABELS[coop.type]} / ${COOP_GROUP_LABELS[coop.group]}`,
      address: [
        coop.street,
        `${villageKind(coop.village.code) === 'KELURAHAN' ? 'Kelurahan' : 'Desa'} ${coop.village.name}`,
        `Kecamatan ${coop.district.name}`,
        regency.name,
      ]
        .filter(Boolean)
        .join(', '),
      members: `${coop.membersMale + coop.membersFemale} orang (L ${coop.membersMale}, P ${coop.membersFemale})`,
      officers: officialOfficers(coop).map((o) => ({ role: o.role, name: o.name })),
    },
    visit: {
      id: v.id,
      date: v.date,
      time: v.startTime
        ? `${v.startTime.replace(':', '.')}${v.endTime ? `–${v.endTime.replace(':', '.')}` : ''} WIB`
        : null,
      status: VISIT_STATUS_LABELS[v.status],
      done: v.status === 'done',
      program: v.program?.name ?? null,
      purposes: v.purposes.map((p) => VISIT_PURPOSE_LABELS[p]),
      gps: v.gps
        ? `${v.gps.lat.toFixed(5)}, ${v.gps.lng.toFixed(5)}${v.gps.accuracy !== null ? ` (±${Math.round(v.gps.accuracy)} m)` : ''}`
        : null,
      photos: v.photos.length,
    },
    team: v.team.map((m) => ({
      name: m.fullName,
      division: bidangLabel(m.bidang, m.role, office.shortName),
      leader: m.leader,
      nip: officers.get(m.userId)?.nip ?? null,
      rank: officers.get(m.userId)?.rank ?? null,
      position: officers.get(m.userId)?.position ?? null,
    })),
    attendance: v.attendance.map((a) => ({ name: a.name, role: ATTENDEE_ROLE_LABELS[a.role], gender: a.gender })),
    rat: ratLines,
    findings: ASPECTS.map((a) => ({ aspect: ASPECT_LABELS[a], text: v.findings[a] })),
    checklist: {
      title: DEFAULT_CHECKLIST.title,
      note: DEFAULT_CHECKLIST.provisional ? DEFAULT_CHECKLIST.note : null,
      rows: Object.entries(v.checklist?.answers ?? {})
        .map(([code, a]) => ({
          code,
          ...(checklistIndex.get(code) ?? { area: '–', label: code }),
          result: CHECK_RESULT_LABELS[a.result],
          note: a.note,
        }))
        .sort((x, y) => [...checklistIndex.keys()].indexOf(x.code) - [...checklistIndex.keys()].indexOf(y.code)),
    },
    concerns: concerns.map((c) => ({
      kind: CONCERN_KIND_LABELS[c.kind as ConcernKind],
      topic: CONCERN_TOPIC_LABELS[c.topic as ConcernTopic],
      description: c.description,
      raisedBy: c.raised_by,
      severity: SEVERITY_LABELS[c.severity as Severity],
    })),
    units: dev.units.map((u) => ({
      name: u.name,
      sector: UNIT_SECTOR_LABELS[u.sector],
      status: u.status === 'PLANNED' ? 'Direncanakan' : 'Berjalan',
      workedOn: worked.has(u.id),
      needs: u.needs
        .filter((n) => n.status === 'open')
        .map((n) => `${NEED_KIND_LABELS[n.kind as NeedKind]}: ${n.description}`),
      mentoring: u.mentoring
        .filter((m) => m.visitId === v.id || m.heldOn === v.date)
        .map((m) => `${m.topic} (${m.mentor.fullName})`),
    })),
    proposals: dev.proposals
      .filter((p) => p.status !== 'dropped' || p.visitId === v.id)
      .map((p) => ({
        name: p.name,
        sector: UNIT_SECTOR_LABELS[p.sector as UnitSector],
        status: PROPOSAL_STATUS_LABELS[p.status as ProposalStatus],
        description: p.description,
      })),
    followUps: followUps.map((f) => ({
      recommendation: f.recommendation,
      owner: responsibleLabel(f.responsible_kind, f.responsible_bidang, f.responsible_name),
      deadline: f.deadline,
      monitoring: f.monitoring_plan,
    })),
    health: assessment
      ? {
          fiscalYear: assessment.fiscal_year,
          rubric: `${RUBRIC_TITLES[assessment.rubric] ?? assessment.rubric}, versi ${assessment.rubric_version}`,
          total: assessment.total === null ? null : Number(assessment.total),
          category: assessment.category ? (CATEGORY_LABELS[assessment.category] ?? assessment.category) : null,
          assessedOn: assessment.assessed_on,
        }
      : null,
  };
  return { filename: `berita-acara-${slug(coop.name)}-${v.date}.pdf`, pdf: await minutesPdf(data) };
}
