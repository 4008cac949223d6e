import { COOP_GROUP_LABELS, COOP_TYPE_LABELS } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import { assessmentPdf } from '../../reports/assessment-pdf.js';
import type { IssueStamp } from '../../reports/pdf.js';
import { officePaper, signerOf } from '../offices/office-paper.js';
import { type Column, listToCsv, listToXlsx, type Progress } from '../../reports/xlsx.js';
import type { Actor, AppDeps } from '../context.js';
import { loadCooperative, officialOfficers } from '../cooperatives/view.js';
import { type AssessmentListItem, type AssessmentQuery, getAssessment, listAssessments } from './assessments.js';
import { loadRubric } from './rubric-versions.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The PDF of one assessment (a draft prints with a DRAF watermark); issued with its number and QR when `stamp` is given. */
export async function assessmentReport(
  deps: AppDeps,
  actor: Actor,
  id: string,
  stamp?: IssueStamp,
): Promise<{ filename: string; pdf: Buffer }> {
  const a = await getAssessment(deps, actor, id);
  if (!a.result) throw new AppError('CONFLICT', 'Penilaian ini belum memiliki skor.');
  const coop = await loadCooperative(deps.db.kysely, a.cooperative.id);
  const rubric = await loadRubric(deps.db.kysely, a.rubric, a.rubricVersion);
  const pdf = await assessmentPdf({
    rubricTitle: rubric.title,
    rubricVersion: rubric.version,
    rubricMethod: rubric.method,
    fiscalYear: a.fiscalYear,
    status: a.status,
    assessedOn: a.assessedOn,
    assessorName: a.assessor?.name ?? null,
    assessor: a.assessor?.id ? await signerOf(deps.db.kysely, a.assessor.id) : null,
    office: await officePaper(deps.db.kysely, actor.officeId),
    stamp: stamp ?? null,
    result: a.result,
    cooperative: {
      name: coop.name,
      nik: coop.nik,
      legalEntityNumber: coop.legalEntityNumber,
      legalEntityDate: coop.legalEntityDate,
      typeLabel: COOP_TYPE_LABELS[coop.type],
      groupLabel: COOP_GROUP_LABELS[coop.group],
      address: [
        coop.street,
        `${coop.village.code.split('.')[3]?.startsWith('1') ? 'Kelurahan' : 'Desa'} ${coop.village.name}`,
        `Kecamatan ${coop.district.name}`,
      ]
        .filter(Boolean)
        .join(', '),
      chairName: officialOfficers(coop).find((o) => o.role === 'KETUA')?.name ?? null,
    },
  });
  return { filename: `penilaian-${slug(coop.name)}-${a.fiscalYear}.pdf`, pdf };
}

const CATEGORY_LABELS: Record<string, string> = {
  SEHAT: 'Sehat',
  CUKUP_SEHAT: 'Cukup Sehat',
  DALAM_PENGAWASAN: 'Dalam Pengawasan',
  DALAM_PENGAWASAN_KHUSUS: 'Dalam Pengawasan Khusus',
};

const COLUMNS: Column<AssessmentListItem>[] = [
  { header: 'Koperasi', width: 40, value: (r) => r.cooperative.name },
  { header: 'Kecamatan', width: 16, value: (r) => r.cooperative.district.name },
  { header: 'Tahun buku', width: 11, value: (r) => r.fiscalYear, format: 'integer' },
  { header: 'Rubrik', width: 12, value: (r) => `${r.rubric} v${r.rubricVersion}` },
  {
    header: 'Status',
    width: 9,
    value: (r) => (r.status === 'FINAL' ? 'Final' : r.status === 'SUPERSEDED' ? 'Digantikan' : 'Draf'),
  },
  {
    header: 'Skor total',
    width: 11,
    value: (r) => (r.total === null ? null : Math.round(r.total * 100) / 100),
    format: 'decimal',
  },
  { header: 'Predikat', width: 24, value: (r) => (r.category ? (CATEGORY_LABELS[r.category] ?? r.category) : null) },
  { header: 'Penilai', width: 28, value: (r) => r.assessor },
  { header: 'Tanggal penilaian', width: 16, value: (r) => r.assessedOn, format: 'date' },
];

/** The assessment list with its filters as XLSX (at most 50,000 rows). */
async function assessmentRows(
  deps: AppDeps,
  actor: Actor,
  q: Omit<AssessmentQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<AssessmentListItem[]> {
  const rows: AssessmentListItem[] = [];
  for (let page = 1; page <= 500; page++) {
    const res = await listAssessments(deps, actor, { ...q, page, pageSize: 100 });
    rows.push(...res.items);
    progress?.(rows.length);
    if (rows.length >= res.total || res.items.length === 0) break;
  }
  return rows;
}

export async function exportAssessments(
  deps: AppDeps,
  actor: Actor,
  q: Omit<AssessmentQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<Buffer> {
  return listToXlsx(
    'Penilaian',
    COLUMNS,
    await assessmentRows(deps, actor, q, progress),
    'Daftar penilaian kesehatan koperasi',
  );
}

export async function exportAssessmentsCsv(
  deps: AppDeps,
  actor: Actor,
  q: Omit<AssessmentQuery, 'page' | 'pageSize'>,
  progress?: Progress,
): Promise<string> {
  return listToCsv(COLUMNS, await assessmentRows(deps, actor, q, progress));
}
