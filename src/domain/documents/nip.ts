/**
 * NIP (Nomor Induk Pegawai) of a civil servant: 18 digits, read as
 * `YYYYMMDD` birth date · `YYYYMM` appointment (TMT CPNS) · `G` sex (1 man, 2 woman) · `NNN` sequence.
 * Pure: the structure is checked, not whether BKN actually issued the number.
 */
export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  appointed: string; // YYYY-MM
  sex: 'L' | 'P';
  sequence: number;
}

export type NipCheck = { ok: true; nip: string; parts: NipParts } | { ok: false; message: string };

/** Youngest age at appointment as a civil servant (CPNS). */
const MIN_AGE = 18;

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Accepts digits with the usual spaces ("19790512 200501 1 003"); returns the 18 digits or why not. */
export function checkNip(input: string): NipCheck {
  const nip = input.replace(/[\s.]/g, '');
  if (!/^\d+$/.test(nip)) return { ok: false, message: 'NIP hanya berisi angka.' };
  if (nip.length !== 18) return { ok: false, message: `NIP harus 18 angka (tertulis ${nip.length}).` };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const g = nip[14];
  const seq = Number(nip.slice(15, 18));
  if (by < 1900 || !validDate(by, bm, bd))
    return { ok: false, message: 'Delapan angka pertama NIP harus tanggal lahir yang sah (TTTTBBHH).' };
  if (ay < 1900 || am < 1 || am > 12)
    return { ok: false, message: 'Angka ke-9 sampai ke-14 NIP harus tahun dan bulan pengangkatan yang sah (TTTTBB).' };
  if (ay * 12 + am < (by + MIN_AGE) * 12 + bm) {
    return {
      ok: false,
      message: `Tahun pengangkatan dalam NIP harus sekurang-kurangnya ${MIN_AGE} tahun setelah tanggal lahir.`,
    };
  }
  if (g !== '1' && g !== '2')
    return { ok: false, message: 'Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).' };
  if (seq === 0) return { ok: false, message: 'Tiga angka terakhir NIP (nomor urut) tidak boleh 000.' };
  return {
    ok: true,
    nip,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      appointed: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      sex: g === '1' ? 'L' : 'P',
      sequence: seq,
    },
  };
}

/** The way NIP is printed under a signature: "19790512 200501 1 003". */
export function formatNip(nip: string): string {
  return nip.length === 18 ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}` : nip;
}
