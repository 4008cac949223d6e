import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatNip } from '../domain/documents/nip.js';
import { dayName } from '../domain/visits/indonesian.js';
import {
  headTitle,
  type IssueStamp,
  letterhead,
  numberLine,
  type OfficePaper,
  renderPdf,
  type Signer,
  tanggal,
  verificationColumn,
} from './pdf.js';

/** The Surat Perintah Tugas of one approved visit (issue 12 point 3), as plain labelled data. */
export interface SptData {
  office: OfficePaper;
  stamp: IssueStamp | null;
  team: (Signer & { leader: boolean; division: string })[];
  cooperative: { name: string; address: string };
  visit: { date: string; time: string | null; purposes: string[]; program: string | null; approvedOn: string | null };
}

const cell = (text: string | Content, extra: Record<string, unknown> = {}): TableCell =>
  (typeof text === 'string'
    ? { text, fontSize: 9.5, ...extra }
    : { stack: [text], fontSize: 9.5, ...extra }) as TableCell;
const GRID = { hLineColor: () => '#888', vLineColor: () => '#888', paddingTop: () => 3, paddingBottom: () => 3 };

/** A label, a colon and numbered lines, the way a Dinas letter sets out "Dasar" and "Untuk". */
function labelled(label: string, lines: (string | Content)[]): Content {
  return {
    margin: [0, 4, 0, 6],
    columns: [
      { text: label, width: 60, bold: true },
      { text: ':', width: 10 },
      lines.length === 1
        ? { stack: [lines[0]!], width: '*', alignment: 'justify' }
        : { ol: lines, width: '*', alignment: 'justify' },
    ],
  } as Content;
}

export async function sptPdf(d: SptData): Promise<Buffer> {
  const o = d.office;
  const v = d.visit;
  const team = [...d.team].sort((a, b) => Number(b.leader) - Number(a.leader) || a.name.localeCompare(b.name));
  const when = `hari ${dayName(v.date)}, tanggal ${tanggal(v.date)}${v.time ? `, pukul ${v.time}` : ''}`;
  const basis = [
    ...o.legalBasis,
    `Rencana kunjungan ${v.program ?? 'Gerakan Sambang Koperasi'} yang telah disetujui${v.approvedOn ? ` pada tanggal ${tanggal(v.approvedOn)}` : ''}.`,
  ];
  const content: Content[] = [
    ...letterhead(o),
    { text: 'SURAT PERINTAH TUGAS', alignment: 'center', bold: true, fontSize: 13, decoration: 'underline' },
    numberLine(d.stamp),
    labelled('Dasar', basis),
    { text: 'MEMERINTAHKAN:', alignment: 'center', bold: true, margin: [0, 6, 0, 6] },
    {
      margin: [0, 0, 0, 6],
      columns: [
        { text: 'Kepada', width: 60, bold: true },
        { text: ':', width: 10 },
        {
          width: '*',
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [16, '*', 92, 90],
            body: [
              ['No', 'Nama / NIP', 'Pangkat / golongan', 'Jabatan'].map((h) =>
                cell(h, { bold: true, fillColor: '#eeeeee' }),
              ),
              ...team.map((m, i) => [
                cell(String(i + 1), { alignment: 'center' }),
                cell({ text: [{ text: m.name, bold: true }, m.nip ? `\nNIP. ${formatNip(m.nip)}` : '\nNIP. –'] }),
                cell(m.rank ?? '–'),
                cell(`${m.position ?? m.division}${m.leader ? ' (ketua tim)' : ''}`),
              ]),
            ],
          },
          layout: GRID,
        },
      ],
    } as Content,
    labelled('Untuk', [
      `Melaksanakan kunjungan ${v.program ?? 'Gerakan Sambang Koperasi'} dalam rangka ${v.purposes.join(', ').toLowerCase()} ke ${d.cooperative.name}, ${d.cooperative.address}, pada ${when};`,
      'Mencatat hasil kunjungan di Sambang dan menyusun berita acara kunjungan bersama pengurus koperasi;',
      `Melaporkan hasil pelaksanaan tugas kepada ${o.head?.position ?? 'Kepala'} ${o.shortName};`,
      'Melaksanakan tugas ini dengan penuh tanggung jawab.',
    ]),
    {
      unbreakable: true,
      margin: [0, 16, 0, 0],
      columns: [
        d.stamp ? { ...((await verificationColumn(d.stamp)) as object), width: '*' } : { text: '', width: '*' },
        {
          width: 250,
          fontSize: 10,
          stack: [
            { columns: [{ text: 'Ditetapkan di', width: 80 }, { text: `: ${o.city}` }] },
            {
              columns: [
                { text: 'Pada tanggal', width: 80 },
                { text: `: ${d.stamp ? tanggal(d.stamp.issuedOn) : '..................'}` },
              ],
            },
            { canvas: [{ type: 'line', x1: 0, y1: 2, x2: 250, y2: 2, lineWidth: 0.5 }], margin: [0, 2, 0, 6] },
            { text: `${headTitle(o)},`, alignment: 'center' },
            { text: ' ', margin: [0, 36, 0, 0] },
            {
              text: o.head?.name ?? '(............................................)',
              alignment: 'center',
              bold: true,
              decoration: o.head ? 'underline' : undefined,
            },
            ...(o.head?.rank ? [{ text: o.head.rank, alignment: 'center' }] : []),
            ...(o.head?.nip ? [{ text: `NIP. ${formatNip(o.head.nip)}`, alignment: 'center' }] : []),
          ],
        },
      ],
    } as Content,
  ];
  return renderPdf({
    info: { title: `Surat Perintah Tugas ${d.cooperative.name} ${v.date}`, author: `Sambang — ${o.agency} ${o.area}` },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    content,
  });
}
