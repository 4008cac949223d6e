import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { dateInWords } from '../domain/documents/date-in-words.js';
import { formatNip } from '../domain/documents/nip.js';
import { dayName } from '../domain/visits/indonesian.js';
import {
  angka,
  headTitle,
  type IssueStamp,
  letterhead,
  numberLine,
  type OfficePaper,
  renderPdf,
  tanggal,
  verificationBlock,
} from './pdf.js';

/** The berita acara kunjungan, as plain labelled data (the app layer does the lookups and labels). */
export interface MinutesData {
  office: OfficePaper;
  /** Set when the berita acara is issued as an official document (issue 12). */
  stamp?: IssueStamp | null;
  cooperative: {
    name: string;
    nik: string | null;
    legalEntity: string | null;
    typeGroup: string;
    address: string;
    members: string;
    officers: { role: string; name: string }[];
  };
  visit: {
    id: string;
    date: string;
    time: string | null;
    status: string;
    done: boolean;
    program: string | null;
    purposes: string[];
    gps: string | null;
    photos: number;
  };
  team: {
    name: string;
    division: string;
    leader: boolean;
    nip: string | null;
    rank: string | null;
    position: string | null;
  }[];
  attendance: { name: string; role: string; gender: 'L' | 'P' }[];
  rat: string[];
  findings: { aspect: string; text: string | null }[];
  checklist: {
    title: string;
    note: string | null;
    rows: { area: string; label: string; result: string; note: string | null }[];
  };
  concerns: { kind: string; topic: string; description: string; raisedBy: string; severity: string }[];
  units: { name: string; sector: string; status: string; workedOn: boolean; needs: string[]; mentoring: string[] }[];
  proposals: { name: string; sector: string; status: string; description: string | null }[];
  followUps: { recommendation: string; owner: string; deadline: string; monitoring: string | null }[];
  health: {
    fiscalYear: number;
    rubric: string;
    total: number | null;
    category: string | null;
    assessedOn: string | null;
  } | null;
}

const GRID = { hLineColor: () => '#bbb', vLineColor: () => '#bbb', paddingTop: () => 3, paddingBottom: () => 3 };
const th = (text: string, alignment: 'left' | 'center' = 'left'): TableCell => ({
  text,
  bold: true,
  fillColor: '#e9f2ec',
  fontSize: 8.5,
  alignment,
});
const td = (text: string | Content, extra: Record<string, unknown> = {}): TableCell =>
  (typeof text === 'string'
    ? { text, fontSize: 8.5, ...extra }
    : { stack: [text], fontSize: 8.5, ...extra }) as TableCell;
const none = (text: string): Content => ({ text, italics: true, color: '#666', fontSize: 9, margin: [0, 0, 0, 2] });

function heading(letter: string, title: string): Content {
  return { text: `${letter}. ${title}`, bold: true, fontSize: 10.5, margin: [0, 10, 0, 4] };
}

function keyValues(rows: [string, string][]): Content {
  return {
    table: { widths: [120, 8, '*'], body: rows.map(([k, v]) => [td(k, { color: '#444' }), td(':'), td(v)]) },
    layout: 'noBorders',
  };
}

const RESULT_COLORS: Record<string, string> = { 'Tidak Sesuai': '#c92a2a', Cukup: '#b35c00', Sesuai: '#2b8a3e' };

function checklistBands(rows: MinutesData['checklist']['rows']): TableCell[][] {
  const out: TableCell[][] = [];
  let area: string | null = null;
  for (const r of rows) {
    if (r.area !== area) {
      area = r.area;
      out.push([{ text: r.area, bold: true, fontSize: 8.5, colSpan: 3, fillColor: '#f3f6f4' }, {}, {}]);
    }
    out.push([
      td(r.label),
      td(r.result, { alignment: 'center', bold: true, color: RESULT_COLORS[r.result] ?? '#333' }),
      td(r.note ?? ''),
    ]);
  }
  return out;
}

export async function minutesPdf(d: MinutesData): Promise<Buffer> {
  const c = d.cooperative;
  const v = d.visit;
  const day = `${dayName(v.date)}, ${tanggal(v.date)}`;

  // Team by division: the leader first, then each division together.
  const team = [...d.team].sort(
    (a, b) =>
      Number(b.leader) - Number(a.leader) || a.division.localeCompare(b.division) || a.name.localeCompare(b.name),
  );
  const male = d.attendance.filter((a) => a.gender === 'L').length;

  const o = d.office;
  const content: Content[] = [
    ...letterhead(o),
    { text: 'BERITA ACARA KUNJUNGAN KOPERASI', alignment: 'center', bold: true, fontSize: 13, decoration: 'underline' },
    { text: v.program ?? 'Gerakan Sambang Koperasi', alignment: 'center', fontSize: 10, margin: [0, 2, 0, 2] },
    numberLine(d.stamp),
    {
      // The opening of Indonesian minutes: the day, date, month and year in words, then the place.
      text: [
        'Pada ',
        { text: dateInWords(v.date), bold: true },
        ` (${tanggal(v.date)})`,
        v.time ? `, pukul ${v.time}` : '',
        `, bertempat di ${c.name}, ${c.address}, Tim ${o.agency} ${o.area} `,
        v.done ? 'telah melaksanakan' : 'merencanakan',
        ' kunjungan ke koperasi dengan keterangan sebagai berikut.',
      ],
      alignment: 'justify',
      margin: [0, 0, 0, 2],
    },

    heading('A', 'Identitas koperasi'),
    keyValues([
      ['Nama koperasi', c.name],
      ['NIK', c.nik ?? '–'],
      ['Badan hukum', c.legalEntity ?? '–'],
      ['Jenis / kelompok', c.typeGroup],
      ['Alamat', c.address],
      ['Jumlah anggota', c.members],
    ]),

    heading('B', 'Waktu dan tujuan kunjungan'),
    keyValues([
      ['Hari, tanggal', day],
      ['Waktu', v.time ?? '–'],
      ['Program', v.program ?? '–'],
      ['Tujuan', v.purposes.join(', ')],
      ['Status kunjungan', v.status],
      ['Posisi GPS', v.gps ?? 'tidak direkam'],
      ['Dokumentasi', v.photos ? `${v.photos} foto (tersimpan di Sambang)` : 'tidak ada foto'],
    ]),

    heading('C', 'Tim kunjungan'),
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [18, '*', 150, 60],
        body: [
          [th('No', 'center'), th('Nama / NIP'), th('Jabatan / bidang'), th('Peran')],
          ...team.map((m, i) => [
            td(String(i + 1), { alignment: 'center' }),
            td({
              text: [
                { text: m.name, bold: m.leader },
                m.nip ? { text: `\nNIP. ${formatNip(m.nip)}`, color: '#444', fontSize: 7.5 } : '',
              ],
            }),
            td([m.position, m.division].filter(Boolean).join(', ')),
            td(m.leader ? 'Ketua tim' : 'Anggota'),
          ]),
        ],
      },
      layout: GRID,
    },

    heading('D', 'Kehadiran dari koperasi'),
    d.attendance.length
      ? {
          stack: [
            {
              table: {
                headerRows: 1,
                dontBreakRows: true,
                widths: [18, '*', 110, 30],
                body: [
                  [th('No', 'center'), th('Nama'), th('Unsur'), th('L/P', 'center')],
                  ...d.attendance.map((a, i) => [
                    td(String(i + 1), { alignment: 'center' }),
                    td(a.name),
                    td(a.role),
                    td(a.gender, { alignment: 'center' }),
                  ]),
                ],
              },
              layout: GRID,
            },
            {
              text: `Jumlah hadir ${d.attendance.length} orang (laki-laki ${male}, perempuan ${d.attendance.length - male}).`,
              fontSize: 8.5,
              margin: [0, 3, 0, 0],
            },
          ],
        }
      : none('Kehadiran belum dicatat.'),

    heading('E', 'Status RAT'),
    { ul: d.rat.map((t) => ({ text: t, fontSize: 9 })), margin: [0, 0, 0, 0] },

    heading('F', 'Temuan per aspek'),
    {
      table: {
        dontBreakRows: true,
        widths: [105, '*'],
        body: d.findings.map((f) => [td(f.aspect, { bold: true }), td(f.text ?? '–', f.text ? {} : { color: '#888' })]),
      },
      layout: GRID,
    },

    heading('G', `Daftar periksa pengawasan`),
    ...(d.checklist.rows.length
      ? [
          {
            // One band per area, its indicators under it: the area is not repeated on every row.
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: ['*', 58, 140],
              body: [[th('Indikator'), th('Hasil', 'center'), th('Catatan')], ...checklistBands(d.checklist.rows)],
            },
            layout: GRID,
          } as Content,
        ]
      : [none('Daftar periksa tidak diisi.')]),
    ...(d.checklist.note && d.checklist.rows.length
      ? [{ text: d.checklist.note, fontSize: 7.5, italics: true, color: '#666', margin: [0, 2, 0, 0] } as Content]
      : []),

    heading('H', 'Permasalahan, keluhan dan tantangan'),
    d.concerns.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [18, 80, '*', 95, 40],
            body: [
              [th('No', 'center'), th('Jenis / topik'), th('Uraian'), th('Disampaikan oleh'), th('Tingkat')],
              ...d.concerns.map((x, i) => [
                td(String(i + 1), { alignment: 'center' }),
                td(`${x.kind}\n${x.topic}`),
                td(x.description),
                td(x.raisedBy),
                td(x.severity),
              ]),
            ],
          },
          layout: GRID,
        }
      : none('Tidak ada permasalahan yang dicatat.'),

    heading('I', 'Unit usaha'),
    d.units.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 70, 58, 150],
            body: [
              [th('Unit usaha yang ada'), th('Sektor'), th('Status'), th('Kebutuhan dan pendampingan')],
              ...d.units.map((u) => [
                td({
                  text: [
                    u.name,
                    u.workedOn
                      ? { text: '\n(didampingi dalam kunjungan ini)', italics: true, color: '#2b6a45', fontSize: 7.5 }
                      : '',
                  ],
                }),
                td(u.sector),
                td(u.status),
                td(
                  [...u.needs.map((n) => `• ${n}`), ...u.mentoring.map((m) => `• Pendampingan: ${m}`)].join('\n') ||
                    '–',
                ),
              ]),
            ],
          },
          layout: GRID,
        }
      : none('Belum ada unit usaha yang tercatat.'),
    { text: 'Usulan unit usaha baru', bold: true, fontSize: 9, margin: [0, 6, 0, 3] },
    d.proposals.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 70, 70, 150],
            body: [
              [th('Usulan'), th('Sektor'), th('Status'), th('Keterangan')],
              ...d.proposals.map((p) => [td(p.name), td(p.sector), td(p.status), td(p.description ?? '–')]),
            ],
          },
          layout: GRID,
        }
      : none('Tidak ada usulan unit usaha baru.'),

    heading('J', 'Rekomendasi dan tindak lanjut'),
    d.followUps.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [18, '*', 110, 70],
            body: [
              [th('No', 'center'), th('Rekomendasi dan rencana pemantauan'), th('Penanggung jawab'), th('Tenggat')],
              ...[...d.followUps]
                .sort((a, b) => a.deadline.localeCompare(b.deadline))
                .map((f, i) => [
                  td(String(i + 1), { alignment: 'center' }),
                  td({
                    text: [
                      f.recommendation,
                      f.monitoring ? { text: `\nPemantauan: ${f.monitoring}`, color: '#555', fontSize: 7.5 } : '',
                    ],
                  }),
                  td(f.owner),
                  td(tanggal(f.deadline)),
                ]),
            ],
          },
          layout: GRID,
        }
      : none('Tidak ada rekomendasi yang dicatat.'),

    heading('K', 'Hasil penilaian kesehatan terakhir'),
    d.health
      ? keyValues([
          ['Tahun buku', String(d.health.fiscalYear)],
          ['Rubrik', d.health.rubric],
          [
            'Skor / predikat',
            `${d.health.total === null ? '–' : angka(d.health.total, 2)} — ${d.health.category ?? 'belum ditetapkan'}`,
          ],
          ['Tanggal penilaian', tanggal(d.health.assessedOn)],
        ])
      : none('Belum ada penilaian kesehatan final per tanggal kunjungan.'),

    {
      text: 'Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.',
      margin: [0, 12, 0, 0],
      alignment: 'justify',
    },
  ];

  // Signatures as a signing sheet (daftar tanda tangan): compact, and kept on one page with the
  // closing sentence, so no page carries signatures alone.
  const chair = c.officers.find((o) => o.role === 'KETUA');
  const supervisor = c.officers.find((o) => o.role === 'PENGAWAS');
  const signers: { group: string; rows: { name: string; nip?: string | null; role: string }[] }[] = [
    {
      group: `Pihak koperasi — ${c.name}`,
      rows: [
        { name: chair?.name ?? '', role: 'Ketua' },
        { name: supervisor?.name ?? '', role: 'Pengawas' },
      ],
    },
    {
      group: `Tim ${o.shortName} ${o.area}`,
      rows: team.map((m) => ({
        name: m.name,
        nip: m.nip,
        role: `${m.leader ? 'Ketua tim' : 'Anggota tim'}, ${m.position ?? m.division}`,
      })),
    },
  ];
  let n = 0;
  const signRows: TableCell[][] = [];
  for (const g of signers) {
    signRows.push([{ text: g.group, bold: true, fontSize: 8.5, colSpan: 4, fillColor: '#f3f6f4' }, {}, {}, {}]);
    for (const row of g.rows) {
      n += 1;
      signRows.push([
        td(String(n), { alignment: 'center', margin: [0, 9, 0, 9] }),
        td(
          {
            text: [
              row.name || '(..........................................)',
              row.nip ? { text: `\nNIP. ${formatNip(row.nip)}`, fontSize: 7.5, color: '#444' } : '',
            ],
          },
          { margin: [0, 9, 0, 9] },
        ),
        td(row.role, { margin: [0, 9, 0, 9] }),
        td(`${n}. ..............................`, {
          alignment: n % 2 ? 'left' : 'right',
          margin: [0, 9, 0, 9],
          color: '#555',
        }),
      ]);
    }
  }
  const closing = content.pop()!;
  content.push({
    unbreakable: true,
    stack: [
      closing,
      { text: `${o.city}, ${tanggal(v.date)}`, alignment: 'right', fontSize: 9, margin: [0, 10, 0, 4] },
      { text: 'Yang menandatangani', bold: true, fontSize: 9, margin: [0, 0, 0, 3] },
      { table: { headerRows: 0, dontBreakRows: true, widths: [18, '*', 160, 110], body: signRows }, layout: GRID },
      ...(o.head
        ? [
            {
              margin: [0, 14, 0, 0],
              columns: [
                { text: '', width: '*' },
                {
                  width: 230,
                  alignment: 'center',
                  fontSize: 9.5,
                  stack: [
                    { text: 'Mengetahui,' },
                    { text: headTitle(o) },
                    { text: ' ', margin: [0, 26, 0, 0] },
                    { text: o.head.name, bold: true, decoration: 'underline' },
                    ...(o.head.rank ? [{ text: o.head.rank }] : []),
                    ...(o.head.nip ? [{ text: `NIP. ${formatNip(o.head.nip)}` }] : []),
                  ],
                },
              ],
            } as Content,
          ]
        : []),
    ],
  } as Content);
  if (d.stamp) content.push(await verificationBlock(d.stamp, o));

  return renderPdf({
    info: { title: `Berita acara kunjungan ${c.name} ${v.date}`, author: `Sambang — ${o.agency} ${o.area}` },
    ...(v.done ? {} : { watermark: { text: 'RENCANA', color: '#c92a2a', opacity: 0.07, bold: true } }),
    content,
  });
}
