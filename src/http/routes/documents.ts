import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../app/context.js';
import {
  allDocuments,
  cancelDocument,
  documentFile,
  getDocument,
  issueAssessmentDocument,
  issueVisitDocument,
  listDocuments,
  verifyCode,
  verifyFile,
} from '../../app/documents/documents.js';
import { listRegisters, setRegister } from '../../app/documents/registers.js';
import {
  cancelDocumentBody,
  codeParams,
  documentExportQuery,
  documentListOut,
  documentListQuery,
  documentOut,
  issueDocumentBody,
  registerBody,
  registerListOut,
  registerOut,
  registerParams,
  verifyFileOut,
  verifyOut,
} from '../../contract/documents.js';
import { documentAbilities, documentListAbilities } from '../../app/policy/index.js';
import { listToXlsx } from '../../reports/xlsx.js';
import { ADMIN, EVERYONE, requireActor, STAFF } from '../access.js';
import { idParams } from '../../contract/common.js';
import { file, MEDIA, rawBody } from '../../contract/files.js';
import { jakartaDate } from '../../domain/dates.js';

const tags = ['dokumen resmi'];

/** Where the QR code of a document issued through this request points: the address the officer used. */
const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

const tanggal = (iso: string) => jakartaDate(iso);

export const documentRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // A visitor drops the PDF they hold; compare it as raw bytes.
    for (const type of ['application/pdf', 'application/octet-stream']) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) =>
        done(null, body),
      );
    }

    app.post(
      '/api/v1/visits/:id/documents',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary:
            'Terbitkan SPT (kunjungan disetujui) atau berita acara (kunjungan selesai); menerbitkan lagi = versi baru',
          params: idParams,
          body: issueDocumentBody,
          response: { 201: documentOut },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await issueVisitDocument(
              deps,
              requireActor(request),
              request.params.id,
              request.body.kind,
              baseUrl(request),
            ),
          ),
    );

    app.post(
      '/api/v1/assessments/:id/documents',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Terbitkan laporan penilaian kesehatan (penilaian final)',
          params: idParams,
          response: { 201: documentOut },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await issueAssessmentDocument(deps, requireActor(request), request.params.id, baseUrl(request))),
    );

    app.get(
      '/api/v1/documents',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Buku register dokumen resmi (pengguna koperasi: dokumen koperasinya saja)',
          querystring: documentListQuery,
          response: { 200: documentListOut },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const page = await listDocuments(deps, actor, request.query);
        const items = page.items.map((d) => ({ ...d, can: documentAbilities(actor, d) }));
        return { ...page, items, can: documentListAbilities(actor) };
      },
    );

    app.get(
      '/api/v1/documents/export.xlsx',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Buku register dokumen resmi (XLSX)',
          querystring: documentExportQuery,
          response: { 200: file(MEDIA.xlsx) },
        },
      },
      async (request, reply) => {
        const rows = await allDocuments(deps, requireActor(request), request.query);
        const xlsx = await listToXlsx(
          'Register',
          [
            { header: 'Jenis dokumen', width: 30, value: (d) => d.kindLabel },
            { header: 'Nomor', width: 34, value: (d) => d.number },
            { header: 'Tanggal terbit', width: 14, value: (d) => tanggal(d.issuedAt), format: 'date' },
            { header: 'Koperasi', width: 36, value: (d) => d.cooperative?.name ?? null },
            { header: 'Penerbit', width: 26, value: (d) => d.issuer.name },
            {
              header: 'Status',
              width: 20,
              value: (d) => ({ CURRENT: 'Berlaku', SUPERSEDED: 'Digantikan', CANCELLED: 'Dibatalkan' })[d.status],
            },
            { header: 'Alasan pembatalan', width: 30, value: (d) => d.cancelReason },
            { header: 'Kode verifikasi', width: 16, value: (d) => d.code },
            { header: 'SHA-256', width: 66, value: (d) => d.sha256 },
          ],
          rows,
          'Buku register dokumen resmi',
        );
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="register-dokumen.xlsx"')
          .send(xlsx);
      },
    );

    app.get(
      '/api/v1/documents/:id',
      {
        config: { access: EVERYONE },
        schema: { tags, summary: 'Satu dokumen resmi', params: idParams, response: { 200: documentOut } },
      },
      async (request) => getDocument(deps, requireActor(request), request.params.id),
    );

    app.get(
      '/api/v1/documents/:id/file.pdf',
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: 'Berkas PDF persis seperti diterbitkan',
          params: idParams,
          response: { 200: file(MEDIA.pdf) },
        },
      },
      async (request, reply) => {
        const { filename, pdf } = await documentFile(deps, requireActor(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(pdf);
      },
    );

    app.post(
      '/api/v1/documents/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Batalkan dokumen (nomornya tetap tercatat, ditandai batal)',
          params: idParams,
          body: cancelDocumentBody,
          response: { 200: documentOut },
        },
      },
      async (request) => cancelDocument(deps, requireActor(request), request.params.id, request.body.reason),
    );

    app.get(
      '/api/v1/letter-registers',
      {
        config: { access: STAFF },
        schema: {
          tags,
          summary: 'Buku register per jenis dokumen dan pola nomornya',
          response: { 200: registerListOut },
        },
      },
      async (request) => ({ items: await listRegisters(deps, requireActor(request)) }),
    );

    app.put(
      '/api/v1/letter-registers/:kind',
      {
        config: { access: ADMIN },
        schema: {
          tags,
          summary: 'Atur nama dan pola nomor satu jenis dokumen (jenis baru ditambahkan)',
          params: registerParams,
          body: registerBody,
          response: { 200: registerOut },
        },
      },
      async (request) => setRegister(deps, requireActor(request), request.params.kind, request.body),
    );

    // Public, no login: rate-limited so codes cannot be tried in bulk.
    app.get(
      '/api/v1/public/verify/:code',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Verifikasi dokumen dari kodenya (tanpa masuk)',
          params: codeParams,
          response: { 200: verifyOut },
        },
      },
      async (request) => verifyCode(deps, request.params.code),
    );

    app.post(
      '/api/v1/public/verify/:code',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Periksa apakah berkas PDF (isi permintaan, application/pdf) persis sama dengan yang diterbitkan',
          params: codeParams,
          ...rawBody([MEDIA.pdf, MEDIA.octets]),
          response: { 200: verifyFileOut },
        },
      },
      async (request) => {
        const body = request.body;
        const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        return verifyFile(deps, request.params.code, bytes);
      },
    );
  };
