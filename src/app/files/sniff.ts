import { inflateRawSync } from 'node:zlib';
import { DOCUMENT_TYPES, type DocumentType } from '../../domain/desk/documents.js';

/**
 * What a file is, from its bytes, never its name: PDF, JPEG and PNG by their magic numbers; DOCX
 * and XLSX are both zip archives, told apart by the main part their `[Content_Types].xml` declares.
 * (The `file-type` package needs Node 22; this small table covers the five types we accept.)
 */
export { DOCUMENT_TYPES, type DocumentType };

const startsWith = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

export function sniffDocument(b: Buffer): DocumentType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const types = zipEntry(b, '[Content_Types].xml')?.toString('utf8') ?? '';
    if (types.includes('spreadsheetml.sheet.main+xml'))
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    if (types.includes('wordprocessingml.document.main+xml'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** One entry of a zip archive, read through its central directory; null when absent or unreadable. */
export function zipEntry(b: Buffer, name: string): Buffer | null {
  try {
    // The end-of-central-directory record sits in the last 22 + 65535 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
      if (b.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = b.readUInt16LE(eocd + 10);
    let p = b.readUInt32LE(eocd + 16);
    for (let n = 0; n < entries && p + 46 <= b.length; n++) {
      if (b.readUInt32LE(p) !== 0x02014b50) return null;
      const method = b.readUInt16LE(p + 10);
      const compressed = b.readUInt32LE(p + 20);
      const nameLen = b.readUInt16LE(p + 28);
      const extraLen = b.readUInt16LE(p + 30);
      const commentLen = b.readUInt16LE(p + 32);
      const local = b.readUInt32LE(p + 42);
      if (b.toString('utf8', p + 46, p + 46 + nameLen) === name) {
        if (b.readUInt32LE(local) !== 0x04034b50) return null;
        const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
        const data = b.subarray(start, start + compressed);
        if (method === 0) return data;
        if (method === 8) return inflateRawSync(data, { maxOutputLength: 1024 * 1024 });
        return null;
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
  } catch {
    return null;
  }
}
