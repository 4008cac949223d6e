import type { GradedInput, GradedRubric, WeightedInput } from '../../domain/rubrics/types.js';

type Rand = { next: () => number };

/**
 * A plausible savings-and-loan year for the demo, balanced (total assets = total liabilities and
 * equity), whose health follows `q` from 0 (failing) to 1 (sound): problem loans, equity share,
 * cash, costs and governance answers all move with it, with some noise.
 */
export function demoKspInput(r: Rand, q: number, totalAssets: number): WeightedInput {
  const jitter = (x: number, spread = 0.15) => x * (1 - spread + 2 * spread * r.next());
  const rp = (x: number) => Math.max(0, Math.round(x / 1000) * 1000);
  const A = rp(totalAssets);

  const kas = rp(A * jitter(0.02 + 0.02 * q));
  const bank = rp(A * jitter(q > 0.5 ? 0.05 : 0.02 + 0.1 * (1 - q)));
  const simpananDitempatkan = rp(A * jitter(0.04));
  const penyertaan = rp(A * 0.01);
  const pendapatanMasihHarusDiterima = rp(A * 0.005);
  const aktivaTetap = rp(A * jitter(0.04));
  const aktivaLain = rp(A * 0.005);
  const pinjamanNetto =
    A - kas - bank - simpananDitempatkan - penyertaan - pendapatanMasihHarusDiterima - aktivaTetap - aktivaLain;
  const penyisihanPenghapusanPinjaman = rp(pinjamanNetto * jitter(0.005 + 0.02 * q));
  const pinjamanDiberikan = pinjamanNetto + penyisihanPenghapusanPinjaman;

  const bad = jitter(0.01 + 0.3 * (1 - q) ** 2, 0.3);
  const pinjamanKurangLancar = rp(pinjamanDiberikan * bad * 0.5);
  const pinjamanDiragukan = rp(pinjamanDiberikan * bad * 0.3);
  const pinjamanMacet = rp(pinjamanDiberikan * bad * 0.2);
  const pinjamanBerisiko = rp(pinjamanDiberikan * jitter(0.05 + 0.4 * (1 - q), 0.3));

  const E = rp(A * jitter(0.12 + 0.38 * q, 0.2)); // own capital share
  const simpananPokok = rp(E * 0.1);
  const simpananWajib = rp(E * 0.45);
  const cadanganUmum = rp(E * 0.22);
  const cadanganTujuanRisiko = rp(E * 0.05);
  const modalSumbangan = rp(E * 0.03);
  const shuBelumDibagi = E - simpananPokok - simpananWajib - cadanganUmum - cadanganTujuanRisiko - modalSumbangan;
  const L = A - E;
  const tabungan = rp(L * 0.55);
  const simpananBerjangka = rp(L * 0.3);
  const bebanMasihHarusDibayar = rp(L * 0.02);
  const danaDiterima = rp(L * 0.08);
  const kewajibanLain = L - tabungan - simpananBerjangka - bebanMasihHarusDibayar - danaDiterima;
  // Current liabilities: savings withdrawable at call plus short-term items.
  const kewajibanLancar = tabungan + bebanMasihHarusDibayar + kewajibanLain;

  const volumePinjaman = rp(pinjamanDiberikan * jitter(1.1 + 0.4 * q));
  const volumePinjamanAnggota = rp(volumePinjaman * Math.min(1, jitter(0.4 + 0.6 * q, 0.1)));
  const partisipasiBruto = rp(pinjamanDiberikan * jitter(0.16 + 0.06 * q));
  const pendapatan = rp(partisipasiBruto * jitter(0.05 + 0.6 * (1 - q), 0.3));
  const bebanPokok = rp(partisipasiBruto * jitter(0.25));
  const shuKotor = partisipasiBruto + pendapatan - bebanPokok;
  const bebanUsaha = rp(shuKotor * jitter(0.85 - 0.5 * q, 0.1));
  const biayaKaryawan = rp(Math.min(bebanUsaha * 0.6, volumePinjaman * jitter(0.03 + 0.12 * (1 - q), 0.2)));
  const bebanPerkoperasian = rp(shuKotor * 0.03);
  const shuSebelumPajak = Math.max(0, shuKotor - bebanUsaha - bebanPerkoperasian);
  const shuBagianAnggota = rp(shuSebelumPajak * 0.4);
  const meppp = rp((simpananPokok + simpananWajib) * jitter(0.02 + 0.08 * q, 0.3));

  const yes = (n: number) => Array.from({ length: n }, () => r.next() < 0.2 + 0.75 * q);
  return {
    financials: {
      kas,
      bank,
      simpananDitempatkan,
      suratBerharga: 0,
      pinjamanDiberikan,
      penyisihanPenghapusanPinjaman,
      penyertaan,
      pendapatanMasihHarusDiterima,
      aktivaTetap,
      aktivaLain,
      totalAset: A,
      pinjamanKurangLancar,
      pinjamanDiragukan,
      pinjamanMacet,
      pinjamanBerisiko,
      kewajibanLancar,
      tabungan,
      simpananBerjangka,
      bebanMasihHarusDibayar,
      danaDiterima,
      kewajibanLain,
      simpananPokok,
      simpananWajib,
      modalPenyetaraan: 0,
      modalPenyertaan: 0,
      cadanganUmum,
      cadanganTujuanRisiko,
      modalSumbangan,
      shuBelumDibagi,
      totalPasiva: A,
      partisipasiBruto,
      bebanPokok,
      pendapatan,
      shuKotor,
      bebanUsaha,
      biayaKaryawan,
      bebanPerkoperasian,
      shuSebelumPajak,
      shuBagianAnggota,
      volumePinjaman,
      volumePinjamanAnggota,
      meppp,
    },
    management: { general: yes(12), institutional: yes(6), capital: yes(5), assets: yes(10), liquidity: yes(5) },
  };
}

/** Graded-rubric (kk-2021) answers for the demo: each indicator lands near the nilai `q` implies. */
export function demoGradedInput(r: Rand, q: number, rubric: GradedRubric): GradedInput {
  const target = () => {
    const noisy = Math.min(1, Math.max(0, q + (r.next() - 0.5) * 0.35));
    return noisy > 0.75 ? 1 : noisy > 0.5 ? 2 : noisy > 0.25 ? 3 : 4;
  };
  const indicators: Record<string, number | null> = {};
  const checklists: Record<string, boolean[] | null> = {};
  const notApplicableReasons: Record<string, string> = {};
  for (const aspect of rubric.aspects) {
    for (const ind of aspect.indicators) {
      if (ind.kind === 'checklist') {
        const share = [0.9, 0.65, 0.4, 0.15][target() - 1]!;
        checklists[ind.code] = ind.items.map((_, i) => (i + 0.5) / ind.items.length <= share);
      } else if (ind.kind === 'rating') {
        indicators[ind.code] = target();
      } else {
        const want = target();
        const band = [...ind.bands].sort((a, b) => Math.abs(a.nilai - want) - Math.abs(b.nilai - want))[0];
        if (!band) {
          indicators[ind.code] = null;
          notApplicableReasons[ind.code] = 'Tabel nilai belum ditetapkan Dinas.';
          continue;
        }
        const value =
          band.min !== undefined && band.max !== undefined
            ? (band.min + band.max) / 2
            : band.min !== undefined
              ? band.min + 5
              : (band.max ?? 0) - 5;
        indicators[ind.code] = Math.round(value * 100) / 100;
      }
    }
  }
  return { indicators, checklists, notApplicableReasons };
}
