import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_LENGTH, CODE_PATTERN, codeFromBytes } from '../../src/domain/documents/codes.js';
import { dateInWords, inWords } from '../../src/domain/documents/date-in-words.js';
import { formatLetterNumber, patternProblem, romanMonth } from '../../src/domain/documents/letter-number.js';
import { checkNip, formatNip } from '../../src/domain/documents/nip.js';
import { activityReport, type ReportInput, reportHeadline } from '../../src/domain/visits/activity-report.js';

describe('NIP structure', () => {
  it.each([
    ['197905122005011003', true, { birthDate: '1979-05-12', appointed: '2005-01', sex: 'L', sequence: 3 }],
    ['19850230 201003 2 001', false, 'tanggal lahir'], // 30 February
    ['198502282010032001', true, { birthDate: '1985-02-28', appointed: '2010-03', sex: 'P', sequence: 1 }],
    ['19880101 201013 1 002', false, 'bulan pengangkatan'], // month 13
    ['19880101 201000 1 002', false, 'bulan pengangkatan'], // month 00
    ['19880101 201001 3 002', false, 'jenis kelamin'],
    ['19880101 201001 1 000', false, 'nomor urut'],
    ['19950101 200001 1 001', false, '18 tahun'], // appointed at five
    ['19820101 200001 1 001', true, { birthDate: '1982-01-01', appointed: '2000-01', sex: 'L', sequence: 1 }], // exactly 18
    ['19820201 200001 1 001', false, '18 tahun'], // one month short of 18
    ['1979051220050110', false, '18 angka'],
    ['19790512200501100A', false, 'hanya berisi angka'],
    ['18990101 192001 1 001', false, 'tanggal lahir'],
  ])('%s → valid %s', (input, ok, expected) => {
    const r = checkNip(input);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.parts).toEqual(expected);
    else expect(r.message).toContain(expected as string);
  });

  const digits = (n: number, min: number, max: number) =>
    fc.integer({ min, max }).map((x) => String(x).padStart(n, '0'));
  it('accepts every well-formed NIP and reads its parts back', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
        fc.integer({ min: 18 * 12, max: 40 * 12 }),
        fc.constantFrom('1', '2'),
        digits(3, 1, 999),
        (birth, ageMonths, sex, seq) => {
          const b = birth.toISOString().slice(0, 10);
          const ym = Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - 1 + ageMonths;
          const appointed = `${Math.floor(ym / 12)}${String((ym % 12) + 1).padStart(2, '0')}`;
          const nip = `${b.replaceAll('-', '')}${appointed}${sex}${seq}`;
          const r = checkNip(formatNip(nip));
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.nip).toBe(nip);
            expect(r.parts.birthDate).toBe(b);
            expect(r.parts.sex).toBe(sex === '1' ? 'L' : 'P');
            expect(r.parts.sequence).toBe(Number(seq));
          }
        },
      ),
    );
  });

  it('rejects any NIP whose sex digit is not 1 or 2, and any string that is not 18 digits', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'), (g) => {
        expect(checkNip(`19790512200501${g}003`).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => !/^\d{18}$/.test(s.replace(/[\s.]/g, ''))),
        (s) => {
          expect(checkNip(s).ok).toBe(false);
        },
      ),
    );
  });

  it('prints NIP in the usual groups', () => expect(formatNip('197905122005011003')).toBe('19790512 200501 1 003'));
});

describe('letter numbers', () => {
  it.each([
    ['800.1.11.1/{seq}/426.113/{year}', 7, 2026, 3, '800.1.11.1/7/426.113/2026'],
    ['{seq}/BA-SAMBANG/{romanMonth}/{year}', 12, 2025, 11, '12/BA-SAMBANG/XI/2025'],
    ['{seq:3}/BA/{romanMonth}/{year}', 4, 2026, 4, '004/BA/IV/2026'],
    ['SPT-{month:2}-{seq:4}-{year}', 31, 2026, 9, 'SPT-09-0031-2026'],
    ['{seq:2}/{month}/{year}', 123, 2026, 12, '123/12/2026'],
  ])('%s with seq %i → %s', (pattern, seq, year, month, expected) => {
    expect(patternProblem(pattern)).toBeNull();
    expect(formatLetterNumber(pattern, { seq, year, month })).toBe(expected);
  });

  it.each([
    ['', 'wajib diisi'],
    ['BA/{year}', '{seq}'],
    ['{seq}/BA', '{year}'],
    ['{seq}/{tahun}/{year}', 'hanya boleh'],
    ['{seq}/{year', 'hanya boleh'],
  ])('refuses the pattern %j', (pattern, message) => expect(patternProblem(pattern)).toContain(message));

  it('gives distinct numbers for distinct sequences under any valid pattern', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('{seq}/X/{year}', '{seq:3}/{romanMonth}/{year}', 'A.{month}.{seq}.{year}'),
        fc.integer({ min: 1, max: 12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 2, maxLength: 20 }),
        (p, month, seqs) => {
          const numbers = seqs.map((seq) => formatLetterNumber(p, { seq, year: 2026, month }));
          expect(new Set(numbers).size).toBe(seqs.length);
        },
      ),
    );
  });

  it('writes months in Roman numerals', () => {
    expect([1, 4, 9, 12].map(romanMonth)).toEqual(['I', 'IV', 'IX', 'XII']);
    expect(() => romanMonth(13)).toThrow();
  });
});

describe('dates in words', () => {
  it.each([
    ['2026-12-03', 'hari Kamis tanggal tiga bulan Desember tahun dua ribu dua puluh enam'],
    ['2025-01-19', 'hari Minggu tanggal sembilan belas bulan Januari tahun dua ribu dua puluh lima'],
    ['2024-02-29', 'hari Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat'],
    ['2011-11-01', 'hari Selasa tanggal satu bulan November tahun dua ribu sebelas'],
  ])('%s → %s', (date, words) => expect(dateInWords(date)).toBe(words));

  it.each([
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [100, 'seratus'],
    [1000, 'seribu'],
    [31, 'tiga puluh satu'],
  ])('%i → %s', (n, w) => expect(inWords(n)).toBe(w));
});

describe('verification codes', () => {
  it('are 12 characters of the unambiguous alphabet for any random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: CODE_LENGTH, maxLength: CODE_LENGTH }), (b) => {
        expect(codeFromBytes(b)).toMatch(CODE_PATTERN);
      }),
    );
  });
});

describe('the activity report reads the office', () => {
  const lumajang: ReportInput = {
    id: '5d0f3a52-0000-4000-8000-000000000001',
    date: '2026-12-03',
    status: 'done',
    purposes: ['PEMBINAAN'],
    programName: null,
    cooperative: { name: 'KSU Sumber Makmur', villageName: 'Tukum', villageKind: 'DESA', districtName: 'Tekung' },
    leader: { name: 'Sri Wahyuni', bidang: 'koperasi', title: 'Pengawas Koperasi Ahli Muda' },
    members: [],
    annualMeeting: null,
    attendance: { total: 4, roles: ['Pengurus'] },
    concerns: [],
    followUps: [{ text: 'Menyusun jadwal pemeriksaan berkala', owner: 'pengurus koperasi', deadline: '2027-01-31' }],
    unitsWorkedOn: [],
    proposals: [],
    cancelReason: null,
    office: {
      name: 'Dinas Koperasi dan Usaha Mikro',
      shortName: 'Diskop UM',
      area: 'Kabupaten Lumajang',
      city: 'Lumajang',
    },
  };

  it.each([
    ['done', 'Diskop UM Sambangi KSU Sumber Makmur di Tekung, Sepakati Satu Tindak Lanjut'],
    ['approved', 'Diskop UM Jadwalkan Kunjungan ke KSU Sumber Makmur di Tekung'],
    ['cancelled', 'Kunjungan Diskop UM ke KSU Sumber Makmur di Tekung Dibatalkan'],
  ] as const)('headline of a %s visit: %s', (status, headline) => {
    expect(reportHeadline({ ...lumajang, status })).toBe(headline);
  });

  it('takes its dateline, agency and area from the office, never another regency, and names the leader with title', () => {
    for (const status of ['done', 'approved', 'cancelled'] as const) {
      const text = activityReport({ ...lumajang, status, id: `5d0f3a52-0000-4000-8000-00000000000${status.length}` });
      expect(text.startsWith('Lumajang — ')).toBe(true);
      expect(text).not.toMatch(/Probolinggo|DKUPP/);
    }
    expect(activityReport({ ...lumajang, status: 'approved' })).toContain(
      'Pengawas Koperasi Ahli Muda Diskop UM Sri Wahyuni',
    );
  });
});
