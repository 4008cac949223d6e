import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { formatScore } from '../domain/rubrics/numbers.js';
import type { AssessmentResult } from '../domain/rubrics/types.js';
import {
  headTitle,
  type IssueStamp,
  letterhead,
  numberLine,
  type OfficePaper,
  renderPdf,
  type Signer,
  signatures,
  tanggal,
  verificationBlock,
} from './pdf.js';

export interface AssessmentReportData {
  rubricTitle: string;
  rubricVersion: number;
  rubricMethod: 'weighted' | 'graded';
  fiscalYear: number;
  status: 'DRAFT' | 'FINAL' | 'SUPERSEDED';
  assessedOn: string | null;
  assessorName: string | null;
  assessor: Signer | null;
  office: OfficePaper;
  /** Set when the report is issued as an official document (issue 12). */
  stamp?: IssueStamp | null;
  result: AssessmentResult;
  cooperative: {
    name: string;
    nik: string | null;
    legalEntityNumber: string | null;
    legalEntityDate: string | null;
    typeLabel: string;
    groupLabel: string;
    address: string;
    chairName: string | null;
  };
}

const CATEGORY_COLOR: Record<string, string> = {
  SEHAT: '#2b8a3e',
  CUKUP_SEHAT: '#1971c2',
  DALAM_PENGAWASAN: '#e8590c',
  DALAM_PENGAWASAN_KHUSUS: '#c92a2a',
};

const th = (text: string, alignment: 'left' | 'right' | 'center' = 'left'): TableCell => ({
  text,
  bold: true,
  fillColor: '#e9f2ec',
  alignment,
  fontSize: 9,
});
const td = (
  text: string,
  alignment: 'left' | 'right' | 'center' = 'left',
  extra: Record<string, unknown> = {},
): TableCell => ({ text, alignment, fontSize: 9, ...extra });
const num = (x: number | null, digits = 2) => (x === null ? '–' : formatScore(x, digits));

/** The health-assessment report: identity, one table per aspect, total and category, marks, signatures. */
export async function assessmentPdf(d: AssessmentReportData): Promise<Buffer> {
  const r = d.result;
  const weighted = d.rubricMethod === 'weighted';
  const marks = r.provisionalUsed;
  const markIndex = new Map<string, number>();
  marks.forEach((m, i) => markIndex.set(m.part, i + 1));
  const refs = (aspect: string, component: string) => {
    const idx = marks.map((m, i) => (m.part === `${aspect}.${component}` ? i + 1 : 0)).filter((i) => i > 0);
    return idx.length ? ` *${idx.join(',')}` : '';
  };

  const identity: Content = {
    table: {
      widths: [130, '*'],
      body: [
        ['Nama koperasi', d.cooperative.name],
        ['NIK', d.cooperative.nik ?? '–'],
        [
          'Badan hukum',
          [
            d.cooperative.legalEntityNumber,
            d.cooperative.legalEntityDate ? `tanggal ${tanggal(d.cooperative.legalEntityDate)}` : null,
          ]
            .filter(Boolean)
            .join(', ') || '–',
        ],
        ['Jenis / kelompok', `${d.cooperative.typeLabel} / ${d.cooperative.groupLabel}`],
        ['Alamat', d.cooperative.address],
        ['Tahun buku', String(d.fiscalYear)],
        ['Rubrik', `${d.rubricTitle} (versi ${d.rubricVersion})`],
        [
          'Tanggal penilaian',
          d.status === 'DRAFT'
            ? 'DRAF — belum final'
            : `${tanggal(d.assessedOn)}${d.status === 'SUPERSEDED' ? ' (sudah digantikan penilaian yang lebih baru)' : ''}`,
        ],
        ['Penilai', d.assessorName ?? '–'],
      ].map(([k, v]) => [td(k!, 'left', { color: '#555' }), td(v!, 'left', { bold: k === 'Nama koperasi' })]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  };

  const aspectBlocks: Content[] = r.aspects.map((a, i) => {
    const header = weighted
      ? [th('Komponen'), th('Rasio (%) / Ya', 'right'), th('Nilai', 'right'), th('Bobot', 'right'), th('Skor', 'right')]
      : [th('Indikator'), th('Nilai terukur', 'right'), th('Nilai (1–4)', 'right'), th('Skor', 'right')];
    const rows = a.components.map((c) => {
      const label = `${c.label}${refs(a.code, c.code)}`;
      const na = c.status === 'notApplicable';
      const measured = c.answered ? `${c.answered.yes} dari ${c.answered.of}` : c.ratio === null ? '–' : num(c.ratio);
      return weighted
        ? [
            td(label),
            td(measured, 'right'),
            td(num(c.nilai), 'right'),
            td(num(c.weight), 'right'),
            td(num(c.score, 4), 'right'),
          ]
        : [
            td(na ? `${label} (tidak berlaku)` : label, 'left', na ? { color: '#888' } : {}),
            td(na ? '–' : measured, 'right'),
            td(num(c.nilai, 0), 'right'),
            td(num(c.score, 0), 'right'),
          ];
    });
    const share = `${num(a.share)}%${a.category ? ` — ${a.category.label}` : ''}`;
    const footer = weighted
      ? [
          td('Skor aspek', 'left', { bold: true, colSpan: 3 }),
          {},
          {},
          td(num(a.weight), 'right', { bold: true }),
          td(num(a.score, 4), 'right', { bold: true }),
        ]
      : [
          td('Persentase aspek', 'left', { bold: true, colSpan: 2 }),
          {},
          td(share, 'right', { bold: true, colSpan: 2 }),
          {},
        ];
    return {
      stack: [
        {
          text: `${i + 1}. ${a.label} — bobot ${num(a.weight, 0)}${weighted ? '' : '%'}`,
          bold: true,
          margin: [0, 8, 0, 3],
        },
        {
          table: {
            headerRows: 1,
            widths: weighted ? ['*', 64, 45, 40, 50] : ['*', 70, 60, 40],
            body: [header, ...rows, footer],
          },
          layout: { hLineColor: () => '#ccc', vLineColor: () => '#ccc' },
        },
        weighted
          ? {
              text: `Skor aspek ${num(a.score)} dari ${num(a.weight, 0)} = ${share}`,
              fontSize: 8,
              color: '#555',
              margin: [0, 2, 0, 0],
            }
          : {
              text: `Skor aspek ${num(a.score)} dari ${num(a.weight, 0)}`,
              fontSize: 8,
              color: '#555',
              margin: [0, 2, 0, 0],
            },
      ],
      unbreakable: a.components.length < 14,
    } as Content;
  });

  const color = r.category ? (CATEGORY_COLOR[r.category.code] ?? '#333') : '#666';
  const summary: Content = {
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          {
            text: [
              { text: 'Skor total  ', fontSize: 11 },
              { text: num(r.total), fontSize: 18, bold: true },
              { text: ' dari 100', fontSize: 11 },
            ],
            margin: [8, 6, 8, 6],
          },
          {
            text: r.category ? r.category.label.toUpperCase() : 'BELUM DAPAT DITETAPKAN',
            bold: true,
            fontSize: 13,
            color: 'white',
            fillColor: color,
            margin: [10, 8, 10, 6],
            alignment: 'center',
          },
        ],
      ],
    },
    layout: { hLineColor: () => color, vLineColor: () => color },
    margin: [0, 12, 0, 6],
  };

  const notes: Content[] = [];
  if (marks.length) {
    notes.push({ text: 'Catatan bagian sementara dan pilihan tafsir', bold: true, fontSize: 9, margin: [0, 8, 0, 2] });
    notes.push({
      ol: marks.map((m) => ({
        text: [{ text: `${m.kind === 'provisional' ? 'Sementara' : 'Pilihan'} — ${m.label}: `, bold: true }, m.note],
        fontSize: 8,
      })),
      fontSize: 8,
    });
  }
  if (r.notApplicable.length) {
    notes.push({ text: 'Indikator yang tidak berlaku', bold: true, fontSize: 9, margin: [0, 6, 0, 2] });
    notes.push({ ul: r.notApplicable.map((n) => ({ text: `${n.label}: ${n.reason}`, fontSize: 8 })) });
  }
  if (r.notComputable.length) {
    notes.push({
      text: 'Komponen yang tidak dapat dihitung',
      bold: true,
      fontSize: 9,
      color: '#c92a2a',
      margin: [0, 6, 0, 2],
    });
    notes.push({ ul: r.notComputable.map((n) => ({ text: `${n.label}: ${n.reason}`, fontSize: 8 })) });
  }

  return renderPdf({
    info: {
      title: `Penilaian kesehatan ${d.cooperative.name} ${d.fiscalYear}`,
      author: `Sambang — ${d.office.agency} ${d.office.area}`,
    },
    ...(d.status === 'DRAFT' ? { watermark: { text: 'DRAF', color: '#c92a2a', opacity: 0.08, bold: true } } : {}),
    content: [
      ...letterhead(d.office),
      { text: 'LAPORAN HASIL PENILAIAN KESEHATAN KOPERASI', alignment: 'center', bold: true, fontSize: 12 },
      { text: `Tahun Buku ${d.fiscalYear}`, alignment: 'center', fontSize: 10, margin: [0, 2, 0, 2] },
      numberLine(d.stamp),
      identity,
      summary,
      ...aspectBlocks,
      {
        stack: [
          {
            text: `Angka keuangan sesuai laporan keuangan tahun buku ${d.fiscalYear}. Rasio dihitung tanpa pembulatan; angka di atas dibulatkan untuk tampilan. Tanda * merujuk catatan di bawah.`,
            fontSize: 7.5,
            color: '#666',
            margin: [0, 8, 0, 0],
          },
          signatures([
            { role: 'Ketua Koperasi,', name: d.cooperative.chairName ?? '', place: ' ' },
            {
              role: `Penilai${d.assessor?.position ? `, ${d.assessor.position}` : ''},`,
              name: d.assessor?.name ?? d.assessorName ?? '',
              place: `${d.office.city}, ${d.assessedOn ? tanggal(d.assessedOn) : '..................'}`,
              nip: d.assessor?.nip ?? null,
              rank: d.assessor?.rank ?? null,
            },
          ]),
          ...(d.office.head
            ? [
                signatures([
                  {
                    role: `${headTitle(d.office)},`,
                    name: d.office.head.name,
                    place: 'Mengetahui,',
                    nip: d.office.head.nip,
                    rank: d.office.head.rank,
                  },
                ]),
              ]
            : []),
        ],
        unbreakable: true,
      },
      ...notes,
      ...(d.stamp ? [await verificationBlock(d.stamp, d.office)] : []),
    ],
  });
}
