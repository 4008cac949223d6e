import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * A zip-bomb XLSX built in the test: a real workbook (sheet `sheet`, header row `header`) whose
 * first sheet's XML is replaced by `mib` MiB of rows that compress to a few hundred KB. With
 * `lie`, the zip's directories declare the sheet as 1 KB, so only reading it can tell.
 */
export async function xlsxBomb(opts: { sheet: string; header: string[]; mib: number; lie?: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(opts.sheet).addRow(opts.header);
  const small = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const entries: { name: string; raw: Buffer; size: number; crc: number }[] = [];
  for (const name of Object.keys(small.files)) {
    if (small.files[name]!.dir || name === 'xl/worksheets/sheet1.xml') continue;
    const data = await small.files[name]!.async('nodebuffer');
    entries.push({ name, raw: deflateRawSync(data), size: data.length, crc: crc32(data) });
  }
  // The sheet: a header row, then the same row over and over.
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1">${opts.header.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`,
  );
  const unit = '<row><c t="inlineStr"><is><t>Koperasi Bom</t></is></c><c><v>1</v></c></row>';
  const chunk = Buffer.from(unit.repeat(Math.floor((1024 * 1024) / unit.length)));
  const tail = Buffer.from('</sheetData></worksheet>');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((r) => deflate.on('end', r));
  let crc = crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let i = 0; i < opts.mib; i++) {
    deflate.write(chunk);
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  deflate.end(tail);
  crc = crc32(tail, crc);
  size += tail.length;
  await done;
  entries.push({ name: 'xl/worksheets/sheet1.xml', raw: Buffer.concat(out), size: opts.lie ? 1024 : size, crc });
  return zip(entries);
}

function zip(entries: { name: string; raw: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.raw.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.raw);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.raw.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
