import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDF building blocks shared by every report: bundled Roboto (no network), the Dinas letterhead,
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

export interface Letterhead { government: string; agency: string; address: string }

export const DEFAULT_LETTERHEAD: Letterhead = {
  government: 'PEMERINTAH KABUPATEN PROBOLINGGO',
  agency: 'DINAS KOPERASI, USAHA MIKRO, PERDAGANGAN DAN PERINDUSTRIAN',
  address: 'Kabupaten Probolinggo, Jawa Timur',
};

/** `width` is the text width of the page: 515 pt for A4 portrait with our margins, 762 for landscape. */
export function letterhead(l: Letterhead = DEFAULT_LETTERHEAD, width = 515): Content[] {
  return [
    { text: l.government, alignment: 'center', fontSize: 12, bold: true },
    { text: l.agency, alignment: 'center', fontSize: 13, bold: true, margin: [0, 2, 0, 0] },
    { text: l.address, alignment: 'center', fontSize: 9, margin: [0, 2, 0, 4] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 2 }, { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.5 }], margin: [0, 0, 0, 12] },
  ];
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** '2025-01-19' → '19 Januari 2025'. */
export function tanggal(date: string | null | undefined): string {
  if (!date) return '–';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export const angka = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const rupiah = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `Rp ${angka(n)}`);

export function signatures(blocks: { role: string; name: string; place?: string }[]): Content {
  return {
    margin: [0, 24, 0, 0],
    columns: blocks.map((b) => ({
      stack: [
        { text: b.place ?? ' ', fontSize: 9 },
        { text: b.role, fontSize: 10 },
        { text: ' ', margin: [0, 28, 0, 0] },
        { text: b.name || '(............................................)', bold: true, fontSize: 10, decoration: b.name ? 'underline' : undefined },
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
    footer: (page, pages) => ({ text: `Sambang · halaman ${page} dari ${pages}`, alignment: 'right', fontSize: 8, color: '#666', margin: [40, 16] }),
    ...doc,
  };
  return Buffer.from(await pdfmake.createPdf(definition).getBuffer());
}
