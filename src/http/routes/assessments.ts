import { jakartaYear } from '../../domain/dates.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { file, MEDIA, rawBody } from '../../contract/files.js';
import {
  createAssessment,
  deleteDraft,
  finalizeAssessment,
  getAssessment,
  listAssessments,
  updateAssessment,
} from '../../app/assessments/assessments.js';
import { listRubricVersions, loadRubric, publishRubricVersion } from '../../app/assessments/rubric-versions.js';
import { assessmentReport, exportAssessments } from '../../app/assessments/assessment-report.js';
import { importStatementXlsx, statementTemplate } from '../../app/assessments/statement-xlsx.js';
import { deleteStatement, listStatements, putStatement } from '../../app/assessments/statements.js';
import { scoreInputs } from '../../app/assessments/score-inputs.js';
import type { AppDeps } from '../../app/context.js';
import { AppError } from '../../domain/errors.js';
import type { AssessmentInput } from '../../domain/rubrics/types.js';
import { ADMIN, COOPERATIVE_WRITERS, EVERYONE, requireActor, WRITERS } from '../access.js';
import { idParams, okOut } from '../../contract/common.js';
import { assessmentAbilities, rubricAbilities } from '../../app/policy/index.js';
import {
  assessmentDetailOut,
  assessmentOut,
  assessmentPageOut,
  assessmentResultOut,
  rubricDefinitionOut,
  assessmentExportQuery,
  assessmentListQuery,
  createAssessmentBody,
  finalizeAssessmentBody,
  publishRubricBody,
  putStatementBody,
  rubricParams,
  rubricVersionListOut,
  rubricVersionOut,
  rubricVersionParams,
  scoreBody,
  statementListOut,
  statementOut,
  statementParams,
  updateAssessmentBody,
} from '../../contract/assessments.js';

const tags = ['penilaian'];
const XLSX = MEDIA.xlsx;
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
          body: scoreBody,
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
          response: { 200: rubricVersionListOut },
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
          params: rubricVersionParams,
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
          params: rubricParams,
          body: publishRubricBody,
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
          response: { 200: statementListOut },
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
          params: statementParams,
          body: putStatementBody,
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
          params: statementParams,
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
          params: statementParams,
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
          querystring: assessmentListQuery,
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
          querystring: assessmentExportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) => {
        const xlsx = await exportAssessments(deps, requireActor(request), request.query);
        return reply
          .type(XLSX)
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
        return reply.type(MEDIA.pdf).header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
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
          body: createAssessmentBody,
          response: { 201: assessmentOut },
        },
      },
      async (request, reply) => {
        if (request.body.fiscalYear > jakartaYear(deps.now()))
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
          body: updateAssessmentBody,
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
          body: finalizeAssessmentBody,
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
