import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { file, MEDIA, rawBody } from '../../contract/files.js';
import {
  CATEGORY_CODES,
  createAssessment,
  deleteDraft,
  finalizeAssessment,
  getAssessment,
  listAssessments,
  updateAssessment,
} from '../../app/assessments/assessments.js';
import {
  listRubricVersions,
  loadRubric,
  publishRubricVersion,
  RUBRIC_CODES,
} from '../../app/assessments/rubric-versions.js';
import { assessmentReport, exportAssessments } from '../../app/assessments/assessment-report.js';
import { importStatementXlsx, statementTemplate } from '../../app/assessments/statement-xlsx.js';
import { deleteStatement, listStatements, putStatement } from '../../app/assessments/statements.js';
import { scoreInputs } from '../../app/assessments/score-inputs.js';
import type { AppDeps } from '../../app/context.js';
import { AppError } from '../../domain/errors.js';
import type { AssessmentInput } from '../../domain/rubrics/types.js';
import { ADMIN, COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, isoDate, okOut, page, pageSize, uuidParam } from '../schemas.js';
import { assessmentAbilities, rubricAbilities } from '../../app/policy/index.js';
import { rubricListCanOut } from '../../contract/abilities.js';
import {
  assessmentDetailOut,
  assessmentOut,
  assessmentPageOut,
  assessmentResultOut,
  rubricDefinitionOut,
  rubricVersionOut,
  statementOut,
} from '../../contract/assessments.js';

const tags = ['penilaian'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fiscalYear = z.coerce
  .number()
  .int()
  .min(1945, 'Tahun buku tidak masuk akal.')
  .max(2100, 'Tahun buku tidak masuk akal.');

/** Assessment inputs are checked against the rubric by the domain (validateInput), not by a fixed schema. */
const inputsBody = z.strictObject({
  financials: z.record(z.string(), z.unknown()).optional(),
  management: z.record(z.string(), z.unknown()).optional(),
  indicators: z.record(z.string(), z.unknown()).optional(),
  checklists: z.record(z.string(), z.unknown()).optional(),
  notApplicableReasons: z.record(z.string(), z.string().max(500)).optional(),
});

/** Filters of the assessment list; exports take the same without paging. */
export const listQuery = z.strictObject({
  cooperativeId: uuidParam.optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  district: z.string().max(20).optional(),
  fiscalYear: fiscalYear.optional(),
  rubric: z.enum(RUBRIC_CODES).optional(),
  status: z.enum(['DRAFT', 'FINAL']).optional(),
  assessedYear: fiscalYear.optional().describe('Dinilai (tanggal penilaian) pada tahun ini'),
  page,
  pageSize,
});

export const assessmentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/assessments/score',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Hitung skor kesehatan tanpa menyimpan (semua pos wajib; 0 adalah nilai)',
          body: inputsBody.extend({ rubric: z.enum(RUBRIC_CODES), rubricVersion: z.number().int().min(1).optional() }),
          response: { 200: assessmentResultOut },
        },
      },
      async (request) => {
        const { rubric, rubricVersion, ...inputs } = request.body;
        return scoreInputs(deps, rubric, rubricVersion, inputs as AssessmentInput);
      },
    );

    app.get(
      '/api/v1/rubrics',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Versi rubrik yang diterbitkan',
          response: { 200: z.object({ items: z.array(rubricVersionOut), can: rubricListCanOut }) },
        },
      },
      async (request) => ({ items: await listRubricVersions(deps), can: rubricAbilities(requireActor(request)) }),
    );

    app.get(
      '/api/v1/rubrics/:rubric/versions/:version',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Tabel lengkap satu versi rubrik',
          params: z.strictObject({ rubric: z.enum(RUBRIC_CODES), version: z.coerce.number().int().min(1).max(10_000) }),
          response: { 200: rubricDefinitionOut },
        },
      },
      async (request) => loadRubric(deps.db.kysely, request.params.rubric, request.params.version),
    );

    app.post(
      '/api/v1/rubrics/:rubric/versions',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Terbitkan versi koreksi rubrik (penilaian lama tetap memakai versinya)',
          params: z.strictObject({ rubric: z.enum(RUBRIC_CODES) }),
          body: z.strictObject({
            definition: z.record(z.string(), z.unknown()),
            note: z.string().trim().min(5, 'Catatan minimal 5 karakter.').max(1000),
          }),
          response: { 201: rubricVersionOut },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await publishRubricVersion(deps, requireActor(request), request.params.rubric, request.body)),
    );

    app.get(
      '/api/v1/cooperatives/:id/statements',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Laporan keuangan per tahun buku',
          params: idParams,
          response: { 200: z.object({ items: z.array(statementOut) }) },
        },
      },
      async (request) => ({ items: await listStatements(deps, requireActor(request), request.params.id) }),
    );

    app.put(
      '/api/v1/cooperatives/:id/statements/:fiscalYear',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Simpan laporan keuangan satu tahun buku (pos neraca dan PHU, rupiah)',
          params: z.strictObject({ id: uuidParam, fiscalYear }),
          body: z.strictObject({
            lines: z.record(z.string(), z.unknown()),
            version: z.number().int().min(1).optional(),
          }),
          response: { 200: statementOut },
        },
      },
      async (request) =>
        putStatement(deps, requireActor(request), request.params.id, request.params.fiscalYear, request.body),
    );

    app.delete(
      '/api/v1/cooperatives/:id/statements/:fiscalYear',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Hapus laporan keuangan yang belum dipakai penilaian',
          params: z.strictObject({ id: uuidParam, fiscalYear }),
          response: { 200: okOut },
        },
      },
      async (request) => {
        await deleteStatement(deps, requireActor(request), request.params.id, request.params.fiscalYear);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/statements/template.xlsx',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Templat XLSX laporan keuangan', response: { 200: file(MEDIA.xlsx) } },
      },
      async (_request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="templat-laporan-keuangan.xlsx"')
          .send(await statementTemplate()),
    );

    app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    app.post(
      '/api/v1/cooperatives/:id/statements/:fiscalYear/xlsx',
      {
        config: { access: COOPERATIVE_WRITERS },
        schema: {
          tags,
          summary: 'Impor laporan keuangan dari templat XLSX (semua atau tidak sama sekali)',
          params: z.strictObject({ id: uuidParam, fiscalYear }),
          ...rawBody([MEDIA.xlsx]),
          response: { 200: statementOut },
        },
      },
      async (request) =>
        importStatementXlsx(deps, requireActor(request), request.params.id, request.params.fiscalYear, request.body),
    );

    app.get(
      '/api/v1/assessments',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Daftar penilaian dengan filter, dan jumlah per predikat',
          querystring: listQuery,
          response: { 200: assessmentPageOut },
        },
      },
      async (request) => listAssessments(deps, requireActor(request), request.query),
    );

    app.get(
      '/api/v1/assessments/export.xlsx',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Unduh daftar penilaian (XLSX) dengan filter yang sama',
          querystring: listQuery.omit({ page: true, pageSize: true }),
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) => {
        const xlsx = await exportAssessments(deps, requireActor(request), request.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="penilaian-kesehatan.xlsx"')
          .send(xlsx);
      },
    );

    app.get(
      '/api/v1/assessments/:id/report.pdf',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Laporan penilaian (PDF)', params: idParams, response: { 200: file(MEDIA.pdf) } },
      },
      async (request, reply) => {
        const { filename, pdf } = await assessmentReport(deps, requireActor(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(pdf);
      },
    );

    app.post(
      '/api/v1/cooperatives/:id/assessments',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Mulai penilaian (draf) pada versi rubrik terbaru',
          params: idParams,
          body: z.strictObject({ fiscalYear: z.number().int().min(1945).max(2100), rubric: z.enum(RUBRIC_CODES) }),
          response: { 201: assessmentOut },
        },
      },
      async (request, reply) => {
        if (request.body.fiscalYear > deps.now().getUTCFullYear())
          throw new AppError('VALIDATION', 'Tahun buku tidak boleh di masa depan.', {
            fiscalYear: 'Tidak boleh di masa depan.',
          });
        return reply
          .status(201)
          .send(await createAssessment(deps, requireActor(request), request.params.id, request.body));
      },
    );

    app.get(
      '/api/v1/assessments/:id',
      // policy: `can` (additive)
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Rincian penilaian dan skornya',
          params: idParams,
          response: { 200: assessmentDetailOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const a = await getAssessment(deps, actor, request.params.id);
        return { ...a, can: assessmentAbilities(actor, a) };
      },
    );

    app.patch(
      '/api/v1/assessments/:id',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Simpan isian draf (skor dihitung ulang)',
          params: idParams,
          body: z.strictObject({ inputs: inputsBody, version: z.number().int().min(1).optional() }),
          response: { 200: assessmentOut },
        },
      },
      async (request) =>
        updateAssessment(deps, requireActor(request), request.params.id, {
          inputs: request.body.inputs as AssessmentInput,
          ...(request.body.version ? { version: request.body.version } : {}),
        }),
    );

    app.post(
      '/api/v1/assessments/:id/finalize',
      {
        config: { access: WRITERS },
        schema: {
          tags,
          summary: 'Finalkan penilaian (tidak dapat diubah lagi)',
          params: idParams,
          body: z.strictObject({
            assessedOn: isoDate.optional(),
            supersede: z
              .boolean()
              .optional()
              .describe('Gantikan penilaian final lama tahun buku dan rubrik yang sama (tercatat di jejak audit)'),
          }),
          response: { 200: assessmentOut },
        },
      },
      async (request) => finalizeAssessment(deps, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/api/v1/assessments/:id',
      {
        config: { access: WRITERS },
        schema: { tags, summary: 'Hapus draf penilaian', params: idParams, response: { 200: okOut } },
      },
      async (request) => {
        await deleteDraft(deps, requireActor(request), request.params.id);
        return { ok: true as const };
      },
    );
  };
