import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityReport,
  type ReportInput,
  spelledOutName,
  whatsappShareUrl,
} from '../../src/domain/visits/activity-report.js';
import { dayName, joinDan, longDate, lowerFirst, shortDate } from '../../src/domain/visits/indonesian.js';
import type { Recommendation } from '../../src/domain/visits/recommendation-sentence.js';

const DEWI: ReportInput = {
  id: '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e02',
  date: '2025-01-19',
  status: 'done',
  purposes: ['RAT', 'PEMBINAAN', 'PENGAWASAN', 'PENDAMPINGAN_USAHA'],
  programName: 'Gerakan Sambang Koperasi 2025',
  cooperative: { name: 'Kopwan Dewi Rengganis', villageName: 'Ranuagung', villageKind: 'DESA', districtName: 'Tiris' },
  leader: { name: 'Kepala DKUPP', bidang: null },
  members: [
    { name: 'Petugas A', bidang: 'koperasi' },
    { name: 'Petugas B', bidang: 'usaha_mikro' },
    { name: 'Petugas C', bidang: 'perindustrian' },
  ],
  annualMeeting: { fiscalYear: 2024, membersPresent: 176, membersTotal: 214 },
  attendance: { total: 12, roles: ['Pengurus', 'Pengawas', 'Anggota'] },
  concerns: [
    {
      kind: 'PERMASALAHAN',
      topic: 'permodalan',
      severity: 'sedang',
      description: 'Modal unit olahan kopi belum mencukupi.',
    },
    {
      kind: 'TANTANGAN',
      topic: 'perizinan',
      severity: 'tinggi',
      description: 'Pengurusan PIRT dan sertifikat halal belum dipahami',
    },
  ],
  followUps: [
    { text: 'Mendampingi pengurusan PIRT dan sertifikat halal', owner: 'Bidang Perindustrian', deadline: '2025-04-30' },
    { text: 'Menyusun jadwal pemeriksaan berkala oleh pengawas', owner: 'pengurus koperasi', deadline: '2025-03-31' },
  ],
  unitsWorkedOn: ['Olahan kopi Tiris'],
  proposals: ['Wisata edukasi kebun kopi'],
  cancelReason: null,
  office: {
    name: 'Dinas Koperasi, Usaha Mikro, Perdagangan dan Perindustrian',
    shortName: 'DKUPP',
    area: 'Kabupaten Probolinggo',
    city: 'Probolinggo',
  },
};

describe('Indonesian wording', () => {
  it.each([
    ['2025-01-19', 'Minggu'],
    ['2025-01-20', 'Senin'],
    ['2025-01-21', 'Selasa'],
    ['2025-01-22', 'Rabu'],
    ['2025-01-23', 'Kamis'],
    ['2025-01-24', 'Jumat'],
    ['2025-01-25', 'Sabtu'],
    ['2024-02-29', 'Kamis'],
  ])('%s is a %s', (date, day) => expect(dayName(date)).toBe(day));

  it('writes dates as news items and letters do', () => {
    expect(shortDate('2025-01-19')).toBe('19/1/2025');
    expect(shortDate('2025-12-05')).toBe('5/12/2025');
    expect(longDate('2025-08-17')).toBe('17 Agustus 2025');
  });

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a dan b'],
    [['a', 'b', 'c'], 'a, b, dan c'],
  ])('joins %j as "%s"', (xs, out) => expect(joinDan(xs)).toBe(out));

  it('keeps acronyms capitalised when a phrase moves inside a sentence', () => {
    expect(lowerFirst('Mendampingi koperasi')).toBe('mendampingi koperasi');
    expect(lowerFirst('SDM koperasi terbatas')).toBe('SDM koperasi terbatas');
  });

  it('spells out a group abbreviation at the first mention', () => {
    expect(spelledOutName('Kopwan Dewi Rengganis')).toBe('Koperasi Wanita (Kopwan) Dewi Rengganis');
    expect(spelledOutName('KUD Sumber Makmur')).toBe('Koperasi Unit Desa (KUD) Sumber Makmur');
    expect(spelledOutName('Koperasi Desa Merah Putih Ranuagung')).toBe('Koperasi Desa Merah Putih Ranuagung');
  });

  it('property: the day name matches the calendar for any date 2000–2049', () => {
    const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 18_262 }), (n) => {
        const d = new Date(Date.UTC(2000, 0, 1) + n * 86_400_000);
        return dayName(d.toISOString().slice(0, 10)) === days[d.getUTCDay()];
      }),
    );
  });
});

describe('activity report', () => {
  const text = activityReport(DEWI);

  it('reads like a news item: place, day and date, the RAT it coincided with', () => {
    expect(text.startsWith('Probolinggo — ')).toBe(true);
    expect(text).toContain('Koperasi Wanita (Kopwan) Dewi Rengganis');
    expect(text).toContain('Desa Ranuagung, Kecamatan Tiris');
    expect(text).toContain('Minggu (19/1/2025)');
    expect(text).toContain('Rapat Anggota Tahunan (RAT) Tahun Buku 2024');
    expect(text).toContain('176 dari 214 anggota');
  });

  it('names who came, what was raised and what was agreed, with owners and deadlines', () => {
    expect(text).toContain('Kepala DKUPP');
    expect(text).toContain(
      'didampingi Petugas A dari Bidang Koperasi, Petugas B dari Bidang Usaha Mikro, dan Petugas C dari Bidang Perindustrian.',
    );
    expect(text).toMatch(/permasalahan dan tantangan/);
    expect(text).toMatch(/permodalan dan perizinan/);
    // The most serious concern is the one quoted.
    expect(text).toContain('pengurusan PIRT dan sertifikat halal belum dipahami.');
    expect(text).toMatch(/dua (rekomendasi|langkah) tindak lanjut/);
    // Nearest deadline first.
    expect(text.indexOf('31 Maret 2025')).toBeLessThan(text.indexOf('30 April 2025'));
    expect(text).toContain('olahan kopi Tiris');
    expect(text).toContain('wisata edukasi kebun kopi');
  });

  it('rephrases each recommendation as its own sentence: who, what, by when', () => {
    expect(text).toContain(
      'Pengurus koperasi diminta menyusun jadwal pemeriksaan berkala oleh pengawas paling lambat 31 Maret 2025.',
    );
    expect(text).toContain(
      'Bidang Perindustrian DKUPP akan mendampingi pengurusan PIRT dan sertifikat halal paling lambat 30 April 2025.',
    );
    expect(text).not.toMatch(/\boleh\s+(\S+\s+){0,3}oleh\b/);
  });

  it('names every officer of the team with their position, the leader first', () => {
    const t = activityReport({
      ...DEWI,
      status: 'approved',
      leader: { name: 'Hadi Santoso', bidang: null, title: 'Kepala Dinas' },
      members: [
        { name: 'Sri Wahyuni', bidang: 'koperasi', title: 'Pengawas Koperasi Ahli Muda' },
        { name: 'Agus Salim', bidang: 'perindustrian', title: null },
      ],
    });
    expect(t).toContain('Kepala Dinas DKUPP Hadi Santoso bersama tim');
    expect(t).toContain(
      'Hadi Santoso akan didampingi Pengawas Koperasi Ahli Muda Sri Wahyuni dan Agus Salim dari Bidang Perindustrian.',
    );
    const done = activityReport({
      ...DEWI,
      members: [{ name: 'Sri Wahyuni', bidang: 'koperasi', title: 'Pengawas Koperasi Ahli Muda' }],
    });
    expect(done).toContain('Kepala DKUPP didampingi Pengawas Koperasi Ahli Muda Sri Wahyuni.');
  });

  it('is the same text every time for one visit, and varies between visits', () => {
    expect(activityReport(DEWI)).toBe(text);
    const openings = new Set(
      Array.from({ length: 40 }, (_, i) =>
        activityReport({ ...DEWI, id: `visit-${i}` })
          .split(' ')
          .slice(0, 4)
          .join(' '),
      ),
    );
    expect(openings.size).toBeGreaterThan(1);
  });

  it('announces a planned visit in the future tense, and a cancelled one with its reason', () => {
    const planned = activityReport({
      ...DEWI,
      status: 'approved',
      concerns: [],
      followUps: [],
      annualMeeting: null,
      purposes: ['MONITORING'],
    });
    expect(planned).toMatch(/akan mengunjungi/);
    expect(planned).toMatch(/direncanakan untuk memantau/);
    expect(planned).not.toMatch(/Melalui Gerakan|akan terus menyambangi|berkomitmen/);
    const cancelled = activityReport({ ...DEWI, status: 'cancelled', cancelReason: 'Jalan tertutup longsor.' });
    expect(cancelled).toMatch(/dibatalkan karena jalan tertutup longsor\.$/);
  });

  it('builds a WhatsApp share link only, with the text encoded', () => {
    const url = whatsappShareUrl('Probolinggo — uji & coba?');
    expect(url).toBe('https://wa.me/?text=Probolinggo%20%E2%80%94%20uji%20%26%20coba%3F');
    expect(decodeURIComponent(url.split('text=')[1]!)).toBe('Probolinggo — uji & coba?');
  });

  const input = fc.record({
    id: fc.uuid(),
    date: fc
      .integer({ min: 0, max: 3000 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    status: fc.constantFrom('planned', 'approved', 'done', 'cancelled' as const),
    purposes: fc.uniqueArray(
      fc.constantFrom('PEMBINAAN', 'MONITORING', 'PENGAWASAN', 'PENYEHATAN', 'PENDAMPINGAN_USAHA', 'RAT' as const),
      { minLength: 1 },
    ),
    attendance: fc.record({ total: fc.nat(40), roles: fc.subarray(['Pengurus', 'Pengawas', 'Anggota']) }),
    concerns: fc.array(
      fc.record({
        kind: fc.constantFrom('PERMASALAHAN', 'KELUHAN', 'TANTANGAN' as const),
        topic: fc.constantFrom('permodalan', 'sdm', 'lainnya', 'perizinan' as const),
        severity: fc.constantFrom('rendah', 'sedang', 'tinggi' as const),
        description: fc.constantFrom('Modal terbatas.', 'SDM kurang', 'Izin lama'),
      }),
      { maxLength: 4 },
    ),
    followUps: fc.array(
      fc.record({
        text: fc.constantFrom('Melatih pengurus', 'Mendampingi izin'),
        owner: fc.constant('Bidang Koperasi'),
        deadline: fc.constant('2025-05-01'),
      }),
      { maxLength: 5 },
    ),
    unitsWorkedOn: fc.array(fc.constantFrom('Toko', 'Simpan pinjam'), { maxLength: 2 }),
    withMeeting: fc.boolean(),
  });

  it('property: always a well-formed news text — dated line, no empty paragraph, no placeholder leaks', () => {
    fc.assert(
      fc.property(input, ({ withMeeting, ...i }) => {
        const t = activityReport({
          ...DEWI,
          ...i,
          annualMeeting: withMeeting ? DEWI.annualMeeting : null,
          proposals: [],
          cancelReason: i.status === 'cancelled' ? 'Hujan deras' : null,
        });
        const paragraphs = t.split('\n\n');
        return (
          t.startsWith('Probolinggo — ') &&
          t.includes(`${dayName(i.date)} (${shortDate(i.date)})`) &&
          paragraphs.every((p) => p.trim().length > 0 && /[.!?]$/.test(p)) &&
          !/undefined|null|NaN|\[object|\s,|,,|\.\./.test(t) &&
          !/ dan dan /.test(t)
        );
      }),
    );
  });

  describe('tense: planned before the visit, done after it', () => {
    const FOUR: Recommendation[] = [
      ...DEWI.followUps,
      {
        text: 'Susun laporan keuangan triwulan.',
        owner: 'pengurus koperasi',
        ownerKind: 'COOPERATIVE',
        deadline: '2025-06-30',
      },
    ];
    const full = { ...DEWI, followUps: FOUR };
    // Every opening and closing variant is exercised: the variant is picked from the id.
    const ids = Array.from({ length: 12 }, (_, i) => `tense-${i}`);
    const PAST =
      /\btelah\b|\bdisepakati\b|menyepakati|mengemuka|dihadiri|menyampaikan|mengungkapkan|menerima kunjungan|menyambangi|\bdiminta\b(?<!akan diminta)|berupaya|bertujuan/;
    const PLANNED =
      /akan mengunjungi|akan membahas|akan didampingi|akan diminta|akan berdialog|akan mengusulkan|direncanakan|dijadwalkan|akan disampaikan/;

    it.each([
      ['opening', /akan mengunjungi Koperasi Wanita \(Kopwan\) Dewi Rengganis/],
      ['team', /Kepala DKUPP akan didampingi Petugas A dari Bidang Koperasi/],
      ['purposes', /Kunjungan ini direncanakan untuk/],
      ['dialog', /Tim akan membahas permasalahan dan tantangan yang dihadapi koperasi/],
      [
        'recommendations',
        /Selain itu, tim akan mengusulkan tiga rekomendasi tindak lanjut kepada pengurus\. Pengurus koperasi akan diminta menyusun jadwal/,
      ],
      ['units', /Petugas Bidang Usaha Mikro dan Bidang Perindustrian juga akan memberikan pendampingan/],
      [
        'closing',
        /Pelaksanaan rekomendasi tersebut akan dipantau hingga tuntas\.(.|\n)*Hasil kunjungan beserta rekomendasi tindak lanjutnya akan disampaikan setelah kegiatan berlangsung\.$/,
      ],
    ])('before the visit, the %s reads as planned', (_part, re) => {
      for (const id of ids) {
        const t = activityReport({ ...full, id, status: 'approved' });
        expect(t).toMatch(re);
        expect(t).not.toMatch(PAST);
        // What is known only afterwards is not told before: who attended, the RAT head count, the quoted concern.
        expect(t).not.toMatch(/176 dari 214|Sebanyak|Salah satu yang mengemuka/);
      }
    });

    it.each([
      ['opening', /(telah mengunjungi|menyambangi|menerima kunjungan tim)/],
      ['team', /Kepala DKUPP didampingi Petugas A dari Bidang Koperasi/],
      ['attendance', /Rapat tersebut dihadiri 176 dari 214 anggota koperasi/],
      ['dialog', /(menyampaikan|mengungkapkan) .*Salah satu yang mengemuka/],
      [
        'recommendations',
        /menyepakati tiga (rekomendasi|langkah) tindak lanjut\. Pengurus koperasi diminta menyusun jadwal pemeriksaan berkala oleh pengawas paling lambat 31 Maret 2025\./,
      ],
      ['units', /Petugas Bidang Usaha Mikro dan Bidang Perindustrian juga memberikan pendampingan/],
    ])('after the visit, the %s reads as done', (_part, re) => {
      for (const id of ids) {
        const t = activityReport({ ...full, id, status: 'done' });
        expect(t).toMatch(re);
        expect(t).not.toMatch(PLANNED);
        expect(t).toContain('Pengurus koperasi diminta menyusun laporan keuangan triwulan paling lambat 30 Juni 2025.');
      }
    });

    it('the closing after the visit speaks of agreed recommendations only when there are some', () => {
      for (const id of ids) {
        const closing = activityReport({ ...DEWI, id, followUps: [] })
          .split('\n\n')
          .at(-1)!;
        expect(closing).not.toMatch(/rekomendasi|akan disampaikan/);
      }
    });
  });

  it('property: no "..", no doubled spaces, and every recommendation with its deadline in Indonesian, in either tense', () => {
    const rec = fc.record({
      text: fc.constantFrom(
        'Menyusun laporan keuangan.',
        'susun SOP  kas',
        'Pelatihan kasir;',
        'Pengawas memeriksa kas.',
        'RAT tahun buku 2025',
        ' Berkas NIB dilengkapi. ',
      ),
      owner: fc.constantFrom('pengurus koperasi', 'Bidang Koperasi', 'Sri Wahyuni'),
      ownerKind: fc.constantFrom('COOPERATIVE', 'BIDANG', 'USER' as const),
      deadline: fc
        .integer({ min: 0, max: 3000 })
        .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
    });
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.constantFrom('planned', 'approved', 'done' as const),
        fc.array(rec, { maxLength: 7 }),
        (id, status, followUps) => {
          const t = activityReport({ ...DEWI, id, status, followUps });
          return (
            !t.includes('..') &&
            !/[^\S\n]{2,}/.test(t) &&
            !/ [.,;]/.test(t) &&
            followUps.every((f) => t.includes(`paling lambat ${longDate(f.deadline)}.`)) &&
            (t.match(/paling lambat/g) ?? []).length === followUps.length
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
