import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import QRCode from 'qrcode';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatNip } from '../domain/documents/nip.js';

/**
 * PDF building blocks shared by every report: bundled Roboto (no network), the office's letterhead,
 * Indonesian number and date formats, and signature blocks.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
let ready = false;

function init() {
  if (ready) return;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  ready = true;
}

/**
 * The issuing office as the papers print it (read from the office profile by the app layer, never
 * written in code): letterhead lines, logo, the dateline city, the head of office.
 */
export interface OfficePaper {
  government: string;
  agency: string;
  shortName: string;
  address: string;
  contact: string | null;
  logo: Buffer | null;
  city: string;
  /** The regency, province or nation the office serves, for sentences: 'Kabupaten Lumajang'. */
  area: string;
  head: Signer | null;
  legalBasis: string[];
}

export interface Signer {
  name: string;
  nip: string | null;
  rank: string | null;
  position: string | null;
}

/** The kop surat: logo at the left, government and agency centred, a double rule under it. */
export function letterhead(l: OfficePaper, width = 515): Content[] {
  const lines: Content[] = [
    { text: l.government.toUpperCase(), alignment: 'center', fontSize: 13, bold: true },
    { text: l.agency.toUpperCase(), alignment: 'center', fontSize: 14, bold: true, margin: [0, 1, 0, 0] },
    { text: l.address, alignment: 'center', fontSize: 9, margin: [0, 2, 0, 0] },
    ...(l.contact ? [{ text: l.contact, alignment: 'center', fontSize: 8.5 } as Content] : []),
  ];
  const logo = l.logo ? `data:image/${l.logo[0] === 0xff ? 'jpeg' : 'png'};base64,${l.logo.toString('base64')}` : null;
  return [
    logo
      ? {
          columns: [
            { image: logo, fit: [62, 68], width: 66 },
            { stack: lines, width: '*' },
            { text: '', width: 40 },
          ],
          columnGap: 6,
          margin: [0, 0, 0, 4],
        }
      : { stack: lines, margin: [0, 0, 0, 4] },
    {
      canvas: [
        { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 2.5 },
        { type: 'line', x1: 0, y1: 3.5, x2: width, y2: 3.5, lineWidth: 0.6 },
      ],
      margin: [0, 0, 0, 12],
    },
  ];
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** '2025-01-19' → '19 Januari 2025'. */
export function tanggal(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export const angka = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '–'
    : n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const rupiah = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `Rp ${angka(n)}`);

/** Signature blocks side by side: place/date, role, space to sign, name, rank and NIP. */
export function signatures(
  blocks: { role: string; name: string; place?: string; nip?: string | null; rank?: string | null }[],
): Content {
  return {
    margin: [0, 24, 0, 0],
    columns: blocks.map((b) => ({
      stack: [
        { text: b.place ?? ' ', fontSize: 9 },
        { text: b.role, fontSize: 10 },
        { text: ' ', margin: [0, 32, 0, 0] },
        {
          text: b.name || '(............................................)',
          bold: true,
          fontSize: 10,
          decoration: b.name ? 'underline' : undefined,
        },
        ...(b.rank ? [{ text: b.rank, fontSize: 9 }] : []),
        ...(b.nip ? [{ text: `NIP. ${formatNip(b.nip)}`, fontSize: 9 }] : []),
      ],
      alignment: 'center',
    })),
  } as Content;
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  init();
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
    footer: (page, pages) => ({
      text: `Sambang · halaman ${page} dari ${pages}`,
      alignment: 'right',
      fontSize: 8,
      color: '#666',
      margin: [40, 16],
    }),
    ...doc,
  };
  return Buffer.from(await pdfmake.createPdf(definition).getBuffer());
}

/** What an issued document carries: its register number and where its authenticity is checked. */
export interface IssueStamp {
  number: string;
  code: string;
  /** The public page of this document: `${base}/v/${code}`. */
  verifyUrl: string;
  issuedOn: string;
}

/** A QR code as a PNG data URL (the `qrcode` package; no network). */
export async function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
}

/** The QR code and short code at the foot of an issued document. */
export async function verificationBlock(stamp: IssueStamp, office: OfficePaper): Promise<Content> {
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    table: {
      widths: [76, '*'],
      body: [
        [
          { image: await qrDataUrl(stamp.verifyUrl), fit: [70, 70], margin: [2, 2, 2, 2] },
          {
            stack: [
              { text: 'Dokumen resmi — dapat diverifikasi', bold: true, fontSize: 8.5 },
              {
                text: `Diterbitkan oleh ${office.agency} ${office.area} melalui Sambang dengan nomor ${stamp.number} pada ${tanggal(stamp.issuedOn)}.`,
                fontSize: 8,
              },
              {
                text: [
                  'Pindai kode QR atau buka ',
                  { text: stamp.verifyUrl, color: '#1864ab' },
                  ' untuk memastikan dokumen ini asli dan masih berlaku.',
                ],
                fontSize: 8,
              },
              {
                text: ['Kode verifikasi: ', { text: stamp.code, bold: true, font: 'Roboto', characterSpacing: 1 }],
                fontSize: 9,
                margin: [0, 2, 0, 0],
              },
            ],
            margin: [4, 4, 2, 2],
          },
        ],
      ],
    },
    layout: { hLineColor: () => '#999', vLineColor: () => '#999' },
  } as Content;
}

/** The same, narrow, to stand beside a signature block (letters that fit on one page). */
export async function verificationColumn(stamp: IssueStamp): Promise<Content> {
  return {
    stack: [
      { image: await qrDataUrl(stamp.verifyUrl), fit: [74, 74] },
      { text: 'Dokumen resmi — dapat diverifikasi.', bold: true, fontSize: 7.5, margin: [0, 3, 0, 0] },
      { text: ['Pindai kode QR atau buka ', { text: stamp.verifyUrl, color: '#1864ab' }], fontSize: 7 },
      { text: ['Kode verifikasi: ', { text: stamp.code, bold: true, characterSpacing: 1 }], fontSize: 8 },
    ],
  } as Content;
}

/** "Nomor: 800.1.11.1/007/426.113/2026", or dots to fill by hand on a draft. */
export function numberLine(stamp: IssueStamp | null | undefined): Content {
  return stamp
    ? { text: `Nomor: ${stamp.number}`, alignment: 'center', fontSize: 10, margin: [0, 0, 0, 10] }
    : {
        text: 'Nomor: ........................................',
        alignment: 'center',
        fontSize: 9,
        color: '#444',
        margin: [0, 0, 0, 10],
      };
}

/** 'Kepala Dinas' + 'Dinas Koperasi …' → 'Kepala Dinas Koperasi … Kabupaten Lumajang' (no "Dinas Dinas"). */
export function headTitle(o: OfficePaper): string {
  const position = o.head?.position ?? 'Kepala';
  const p = /\bDinas$/i.test(position) && /^Dinas\b/i.test(o.agency) ? position.replace(/\s*Dinas$/i, '') : position;
  return `${p} ${o.agency} ${o.area}`;
}
