import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { invalid } from '../../domain/errors.js';

/**
 * Reading an uploaded XLSX, which may be hostile. An XLSX is a zip: a 300 KB upload can hold
 * gigabytes of sheet XML. So, before anything is inflated, the zip's central directory is read and
 * the file refused when it declares too much; then the sheet is parsed in a worker thread with its
 * own memory cap and a deadline, so the request thread keeps answering and a file that lies about
 * its sizes only kills its own worker (whose memory is returned when it ends).
 */
export interface XlsxLimits {
  /** Sum of the declared uncompressed sizes of all zip entries. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Data rows (after the header). */
  maxRows: number;
  /** Cells read (rows × columns of the template). */
  maxCells: number;
  maxMillis: number;
  /** Heap of the parsing worker. */
  maxHeapMb: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  maxUncompressedBytes: 120 * 1024 * 1024,
  maxEntries: 500,
  maxRows: 50_000,
  maxCells: 50_001 * 20,
  maxMillis: 120_000,
  maxHeapMb: 1024,
};

/** A cell as the importers see it: text, a number, or empty. Dates arrive as 'YYYY-MM-DD'. */
export type Cell = string | number | null;
export interface SheetRow {
  n: number;
  cells: Cell[];
}

const fileError = (file: string, message = 'Berkas tidak dapat dibaca.') => invalid({ file }, message);
const TOO_BIG =
  'Berkas terlalu besar atau tidak wajar setelah dibuka (isi terkompresinya berlebihan). Gunakan templat dari Sambang dan paling banyak 50.000 baris.';

/** Reads the zip's central directory (no inflating) and refuses files that declare too much. */
export function checkZipDirectory(data: Buffer, limits: XlsxLimits): void {
  const unreadable = () => fileError('Berkas bukan XLSX yang dapat dibaca. Gunakan templat dari Sambang.');
  if (data.length < 22 || data.readUInt32LE(0) !== 0x04034b50) throw unreadable();
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const entries = data.readUInt16LE(eocd + 10);
  const cdOffset = data.readUInt32LE(eocd + 16);
  // Zip64 markers: no honest template needs them.
  if (entries === 0xffff || cdOffset === 0xffffffff) throw fileError(TOO_BIG, 'Berkas ditolak.');
  if (entries > limits.maxEntries) throw fileError(TOO_BIG, 'Berkas ditolak.');
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw unreadable();
    const size = data.readUInt32LE(p + 24);
    if (size === 0xffffffff) throw fileError(TOO_BIG, 'Berkas ditolak.');
    total += size;
    p += 46 + data.readUInt16LE(p + 28) + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  if (total > limits.maxUncompressedBytes) throw fileError(TOO_BIG, 'Berkas ditolak.');
}

// Plain CommonJS run by `new Worker(…, {eval: true})`: no file to locate, so it works the same under
// tsx, vitest and a build. It returns every non-empty row's first `columns` cells as plain values.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
function plain(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    if ('result' in v) return plain(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return plain(v.text);
  }
  return null;
}
(async () => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(workerData.data);
  } catch {
    parentPort.postMessage({ error: 'unreadable' });
    return;
  }
  const ws = wb.getWorksheet(workerData.sheet) || wb.worksheets[0];
  if (!ws) return parentPort.postMessage({ error: 'nosheet' });
  if (ws.actualRowCount > workerData.maxRows + 1) return parentPort.postMessage({ error: 'rows' });
  const rows = [];
  let cells = 0;
  let over = false;
  ws.eachRow((r, n) => {
    if (over) return;
    const out = [];
    for (let i = 1; i <= workerData.columns; i++) out.push(plain(r.getCell(i).value));
    cells += out.length;
    if (cells > workerData.maxCells) over = true;
    if (out.some((c) => c !== null && c !== '')) rows.push({ n, cells: out });
  });
  parentPort.postMessage(over ? { error: 'cells' } : { rows });
})();
`;

const exceljsPath = createRequire(import.meta.url).resolve('exceljs');

// At most two files are parsed at once (each worker may take `maxHeapMb`); others wait their turn.
const MAX_PARSING = 2;
let parsing = 0;
const waiting: (() => void)[] = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (parsing >= MAX_PARSING) await new Promise<void>((r) => waiting.push(r));
  parsing++;
  try {
    return await work();
  } finally {
    parsing--;
    waiting.shift()?.();
  }
}

/**
 * The rows of an uploaded template's sheet (or its first sheet), row 1 included. Every failure is a
 * VALIDATION error on `file`, in Indonesian; nothing of the file stays in this thread's memory.
 */
export async function readUploadedSheet(
  data: unknown,
  sheet: string,
  columns: number,
  limits: XlsxLimits = DEFAULT_LIMITS,
): Promise<SheetRow[]> {
  if (!Buffer.isBuffer(data)) throw fileError('Kirim berkas XLSX dari templat Sambang.', 'Berkas XLSX wajib.');
  checkZipDirectory(data, limits);
  const answer = await slot(() => parse(data, sheet, columns, limits));
  if ('rows' in answer) return answer.rows;
  const max = limits.maxRows.toLocaleString('id-ID');
  switch (answer.error) {
    case 'nosheet':
      throw fileError('Berkas tidak berisi lembar kerja.');
    case 'rows':
    case 'cells':
      throw fileError(`Berkas terlalu besar: paling banyak ${max} baris per berkas.`, 'Berkas ditolak.');
    case 'memory':
    case 'time':
      throw fileError(TOO_BIG, 'Berkas ditolak.');
    default:
      throw fileError('Berkas bukan XLSX yang dapat dibaca. Gunakan templat dari Sambang.');
  }
}

type Answer =
  { rows: SheetRow[] } | { error: 'unreadable' | 'nosheet' | 'rows' | 'cells' | 'memory' | 'time' | 'crash' };

/** One worker reads the file; it is ended on its answer, its error, or the deadline. */
function parse(data: Buffer, sheet: string, columns: number, limits: XlsxLimits): Promise<Answer> {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { exceljs: exceljsPath, data, sheet, columns, maxRows: limits.maxRows, maxCells: limits.maxCells },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: true,
    stderr: true,
  });
  return new Promise<Answer>((resolve) => {
    const timer = setTimeout(() => {
      resolve({ error: 'time' });
      void worker.terminate();
    }, limits.maxMillis);
    worker.once('message', (m: Answer) => {
      clearTimeout(timer);
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ error: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash' });
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve({ error: 'crash' });
    });
  });
}

/** A cell as trimmed text ('' when empty). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  return String(c).trim();
}
