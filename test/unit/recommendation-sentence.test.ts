import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Recommendation, recommendationSentence } from '../../src/domain/visits/recommendation-sentence.js';

const OFFICE = 'DKUPP';
const after = (r: Recommendation) => recommendationSentence(r, { future: false, officeShortName: OFFICE });
const before = (r: Recommendation) => recommendationSentence(r, { future: true, officeShortName: OFFICE });
const coop = (text: string, deadline = '2026-03-31'): Recommendation => ({
  text,
  owner: 'pengurus koperasi',
  ownerKind: 'COOPERATIVE',
  deadline,
});

describe('a recommendation rephrased as a sentence', () => {
  it.each([
    // A verb opening the text joins "diminta", lower-cased.
    [
      'Menyusun laporan keuangan triwulan',
      'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    ],
    // Its own period, stray spaces and a trailing semicolon do not double up.
    [
      '  Menyusun laporan   keuangan triwulan. ',
      'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    ],
    [
      'Menyusun laporan keuangan triwulan;',
      'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    ],
    [
      'menyusun laporan keuangan triwulan...',
      'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    ],
    // ber- verbs too.
    [
      'Berkoordinasi dengan Dinas Kesehatan soal PIRT',
      'Pengurus koperasi diminta berkoordinasi dengan Dinas Kesehatan soal PIRT paling lambat 31 Maret 2026.',
    ],
    // An imperative typed by an officer becomes the active verb.
    [
      'Susun laporan keuangan triwulan',
      'Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    ],
    ['Lengkapi berkas NIB', 'Pengurus koperasi diminta melengkapi berkas NIB paling lambat 31 Maret 2026.'],
    // A noun phrase is carried out; a passive is made sure of.
    [
      'Pelatihan pembukuan bagi kasir',
      'Pengurus koperasi diminta melaksanakan pelatihan pembukuan bagi kasir paling lambat 31 Maret 2026.',
    ],
    [
      'Berkas perizinan dilengkapi',
      'Pengurus koperasi diminta memastikan berkas perizinan dilengkapi paling lambat 31 Maret 2026.',
    ],
    [
      'Dilaksanakan RAT tahun buku 2025',
      'Pengurus koperasi diminta memastikan dilaksanakan RAT tahun buku 2025 paling lambat 31 Maret 2026.',
    ],
    // An acronym keeps its capitals where it joins the sentence.
    ['RAT tahun buku 2025', 'Pengurus koperasi diminta melaksanakan RAT tahun buku 2025 paling lambat 31 Maret 2026.'],
    // A whole clause with its own subject stands as written.
    [
      'Pengawas melakukan pemeriksaan kas setiap bulan.',
      'Pengawas melakukan pemeriksaan kas setiap bulan paling lambat 31 Maret 2026.',
    ],
    // A deadline written into the text gives way to the recorded one.
    [
      'Menyusun SOP simpan pinjam paling lambat akhir Maret.',
      'Pengurus koperasi diminta menyusun SOP simpan pinjam paling lambat 31 Maret 2026.',
    ],
  ])('%j → %s', (text, expected) => expect(after(coop(text))).toBe(expected));

  it.each([
    [
      {
        text: 'Mendampingi pengurusan PIRT',
        owner: 'Bidang Perindustrian',
        ownerKind: 'BIDANG',
        deadline: '2025-04-30',
      },
      'Bidang Perindustrian DKUPP akan mendampingi pengurusan PIRT paling lambat 30 April 2025.',
    ],
    [
      { text: 'Pelatihan aplikasi pembukuan', owner: 'Bidang Koperasi', deadline: '2025-06-30' },
      'Bidang Koperasi DKUPP akan melaksanakan pelatihan aplikasi pembukuan paling lambat 30 Juni 2025.',
    ],
    [
      { text: 'Memeriksa kembali buku kas.', owner: 'Sri Wahyuni', ownerKind: 'USER', deadline: '2025-12-01' },
      'Sri Wahyuni akan memeriksa kembali buku kas paling lambat 1 Desember 2025.',
    ],
  ] as [Recommendation, string][])('the Dinas commits: %j', (r, expected) => expect(after(r)).toBe(expected));

  it('is planned before the visit and asked after it', () => {
    expect(before(coop('Menyusun laporan keuangan triwulan'))).toBe(
      'Pengurus koperasi akan diminta menyusun laporan keuangan triwulan paling lambat 31 Maret 2026.',
    );
    expect(after(coop('Menyusun laporan keuangan triwulan'))).not.toMatch(/\bakan\b/);
  });

  it('property: one sentence, one period, no doubled spaces, the deadline in Indonesian', () => {
    const months = [
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
    const words = fc.constantFrom(
      'Menyusun',
      'susun',
      'laporan',
      'RAT',
      'dilengkapi',
      'pengurus',
      'Pengawas',
      'berkas',
      'NIB',
      'kas',
      'melatih',
      ' ',
      '.',
      ';',
      '  ',
      'paling lambat',
      'bulan',
    );
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 8 }).map((ws) => ws.join(' ')),
        fc.constantFrom('pengurus koperasi', 'Bidang Koperasi', 'Sri Wahyuni'),
        fc.constantFrom('COOPERATIVE', 'BIDANG', 'USER', undefined),
        fc
          .integer({ min: 0, max: 3650 })
          .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
        fc.boolean(),
        (text, owner, ownerKind, deadline, future) => {
          const s = recommendationSentence(
            { text, owner, deadline, ...(ownerKind ? { ownerKind } : {}) },
            { future, officeShortName: OFFICE },
          );
          const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
          return (
            s.endsWith(`paling lambat ${d} ${months[m - 1]} ${y}.`) &&
            !s.includes('..') &&
            !/\s{2,}/.test(s) &&
            !/\s[.,;]/.test(s) &&
            /^[A-Z]/.test(s) &&
            (s.match(/paling lambat/g) ?? []).length === 1
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
