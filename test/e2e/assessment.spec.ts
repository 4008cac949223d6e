import { mkdirSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { login } from './helpers';

const DEWI = 'Kopwan Dewi Rengganis';
const YEAR = 2022;

/** A balanced ksp-2016 statement (Dewi Rengganis' 2025 figures), every line of the form. */
const LINES: Record<string, number> = {
  kas: 42_433_000,
  bank: 57_746_000,
  simpananDitempatkan: 38_786_000,
  suratBerharga: 0,
  pinjamanDiberikan: 924_835_000,
  penyisihanPenghapusanPinjaman: 17_959_000,
  penyertaan: 11_128_000,
  pendapatanMasihHarusDiterima: 5_564_000,
  aktivaTetap: 44_746_000,
  aktivaLain: 5_564_000,
  totalAset: 1_112_843_000,
  pinjamanKurangLancar: 19_068_000,
  pinjamanDiragukan: 11_441_000,
  pinjamanMacet: 7_627_000,
  pinjamanBerisiko: 126_398_000,
  kewajibanLancar: 461_814_000,
  tabungan: 409_674_000,
  simpananBerjangka: 223_459_000,
  bebanMasihHarusDibayar: 14_897_000,
  danaDiterima: 59_589_000,
  kewajibanLain: 37_243_000,
  simpananPokok: 36_798_000,
  simpananWajib: 165_591_000,
  modalPenyetaraan: 0,
  modalPenyertaan: 0,
  cadanganUmum: 80_956_000,
  cadanganTujuanRisiko: 18_399_000,
  modalSumbangan: 11_039_000,
  shuBelumDibagi: 55_198_000,
  totalPasiva: 1_112_843_000,
  partisipasiBruto: 167_869_000,
  bebanPokok: 38_659_000,
  pendapatan: 45_675_000,
  shuKotor: 174_885_000,
  bebanUsaha: 93_470_000,
  biayaKaryawan: 56_082_000,
  bebanPerkoperasian: 5_247_000,
  shuSebelumPajak: 76_168_000,
  shuBagianAnggota: 30_467_000,
  volumePinjaman: 1_420_155_000,
  volumePinjamanAnggota: 1_047_351_000,
  meppp: 14_819_000,
};

async function openCoop(page: Page, name: string, tab: string): Promise<void> {
  await page.goto(`/koperasi?q=${encodeURIComponent(name)}`);
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
}

/** "83,50" → 83.5 */
async function liveTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('score-panel').getByTestId('live-total').textContent()) ?? '';
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

test('petugas enters a statement, assesses with ksp-2016, watches the live score, finalizes and downloads the PDF', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, 'petugas.koperasi');
  await openCoop(page, DEWI, 'Kesehatan');
  await expect(page.getByTestId('assessment-item').first()).toBeVisible();
  await expect(page.getByTestId('score-chart')).toBeVisible();

  // Financial statement for a year that has none yet.
  await page.getByRole('link', { name: 'Laporan keuangan' }).click();
  await expect(page.getByRole('heading', { name: 'Laporan keuangan' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Tahun buku' }).click();
  await page.getByRole('option', { name: new RegExp(`^${YEAR}`) }).click();
  await expect(page).toHaveURL(new RegExp(`tahun=${YEAR}`));
  await expect(page.getByText('Belum ada laporan keuangan untuk tahun buku ini.')).toBeVisible();
  await expect(page.getByTestId('missing-count')).toHaveText('42 pos belum diisi');

  // A person types the first line; the rest are filled through the same inputs.
  await page.getByLabel('Kas', { exact: true }).fill('42433000');
  await expect(page.getByLabel('Kas', { exact: true })).toHaveValue('Rp 42.433.000');
  for (const [code, value] of Object.entries(LINES)) {
    if (code === 'kas') continue;
    await page.locator(`input[data-line="${code}"]`).fill(String(value));
  }
  await expect(page.getByTestId('missing-count')).toHaveText('Semua pos terisi');
  await expect(page.getByTestId('sum-aktiva')).toContainText('Rp 1.112.843.000');
  await expect(page.getByTestId('balance-check')).toHaveAttribute('data-balanced', 'true');
  await expect(page.locator('[data-section="aktiva"] [data-testid="total-check"]')).toHaveAttribute('data-ok', 'true');
  await expect(page.locator('[data-section="pasiva"] [data-testid="total-check"]')).toHaveAttribute('data-ok', 'true');
  // An unbalanced neraca is flagged at once.
  await page.locator('input[data-line="totalPasiva"]').fill('1112842000');
  await expect(page.getByTestId('balance-check')).toHaveAttribute('data-balanced', 'false');
  await page.locator('input[data-line="totalPasiva"]').fill(String(LINES.totalPasiva));
  await expect(page.getByTestId('balance-check')).toHaveAttribute('data-balanced', 'true');
  await page.getByRole('button', { name: 'Simpan laporan keuangan' }).click();
  await expect(page.getByText('Laporan keuangan tersimpan.')).toBeVisible();
  await expect(page.getByText(/Diisi lewat formulir/)).toBeVisible();

  // Start a ksp-2016 assessment for that year.
  await page.getByRole('link', { name: DEWI }).first().click();
  await page.getByRole('button', { name: 'Penilaian baru' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tahun buku').fill(String(YEAR));
  await dialog.getByText(/Penilaian Kesehatan KSP\/USP Koperasi 2016/).click();
  await expect(dialog.getByText(`Laporan keuangan tahun buku ${YEAR} tersedia`, { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Mulai penilaian' }).click();
  await expect(page).toHaveURL(/\/penilaian\/[0-9a-f-]+/);
  await expect(page.getByRole('heading', { name: `Penilaian kesehatan ${YEAR}` })).toBeVisible();
  await expect(page.getByTestId('rubric-version')).toContainText('versi 1');

  // The financial lines came from the statement; the questionnaire is still open.
  await expect(page.getByLabel('Kas', { exact: true })).toHaveValue('Rp 42.433.000');
  const panel = page.getByTestId('score-panel');
  await expect(panel.getByText('Belum lengkap').first()).toBeVisible();
  await expect(panel.getByTestId('not-computable')).toContainText('Manajemen umum');
  expect(await liveTotal(page)).toBeCloseTo(68.5, 2);

  await page.getByRole('tab', { name: /Manajemen/ }).click();
  for (let n = 1; n <= 38; n++) {
    await page
      .getByRole('group', { name: `Pertanyaan ${n}`, exact: true })
      .getByRole('button', { name: 'Ya' })
      .click();
  }
  await expect(panel.getByText('Lengkap', { exact: true })).toBeVisible();
  await expect(panel.getByTestId('live-category')).toContainText('Sehat');
  await expect.poll(() => liveTotal(page)).toBeCloseTo(83.5, 2);

  // One answer changes: 0,25 less.
  await page.getByRole('group', { name: 'Pertanyaan 1', exact: true }).getByRole('button', { name: 'Tidak' }).click();
  await expect.poll(() => liveTotal(page)).toBeCloseTo(83.25, 2);

  // One line changes: the cash ratio falls into the 10–15 % band (nilai 100, +7,5).
  await page.getByRole('tab', { name: /Data keuangan/ }).click();
  await page.getByLabel('Kas', { exact: true }).fill('10000000');
  await expect.poll(() => liveTotal(page)).toBeCloseTo(90.75, 2);
  await expect(page.locator('[data-section="aktiva"] [data-testid="total-check"]')).toHaveAttribute('data-ok', 'false');

  // Autosave, then finalize.
  await expect(page.getByTestId('save-state')).toHaveText(/Tersimpan|Semua perubahan tersimpan/, { timeout: 15_000 });
  await page.getByRole('button', { name: 'Finalkan' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText('Finalkan penilaian?')).toBeVisible();
  await confirm.getByRole('button', { name: 'Finalkan' }).click();
  await expect(page.getByText('Penilaian telah difinalkan.')).toBeVisible();
  const banner = page.getByTestId('final-banner');
  await expect(banner).toContainText('versi 1');
  await expect(banner).toContainText('Petugas Bidang Koperasi (demo)');
  expect(await liveTotal(page)).toBeCloseTo(90.75, 2);
  // Read-only now: no inputs, no draft actions.
  await expect(page.locator('input[data-line]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Simpan draf' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Finalkan' })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Unduh PDF' }).click(),
  ]);
  mkdirSync('test-results', { recursive: true });
  await download.saveAs('test-results/assessment.pdf');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(statSync('test-results/assessment.pdf').size).toBeGreaterThan(10 * 1024);
  expect(readFileSync('test-results/assessment.pdf').subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The list shows it, filtered by year and category.
  await page.goto(`/penilaian?year=${YEAR}`);
  await page.getByTestId('category-card').filter({ hasText: 'Sehat' }).first().click();
  await expect(page).toHaveURL(/category=SEHAT/);
  await expect(page.getByTestId('assessment-item').filter({ hasText: DEWI })).toBeVisible();
});

test('financial statement through the XLSX template: download, refused import with row errors, import', async ({
  page,
}) => {
  await login(page, 'petugas.koperasi');
  await openCoop(page, DEWI, 'Kesehatan');
  await page.getByRole('link', { name: 'Laporan keuangan' }).click();
  await page.getByRole('combobox', { name: 'Tahun buku' }).click();
  await page.getByRole('option', { name: /^2020/ }).click();
  await expect(page).toHaveURL(/tahun=2020/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unduh templat XLSX' }).click(),
  ]);
  const template = readFileSync(await download.path());
  const xlsx = {
    name: 'laporan-2020.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };

  // The empty template is refused, with the rows named.
  await page.locator('input[type="file"]').setInputFiles({ ...xlsx, buffer: template });
  await expect(page.getByTestId('upload-errors')).toContainText('tidak ada yang disimpan');
  await expect(page.getByTestId('upload-errors')).toContainText('kas: nilai kosong');

  // Filled in, it is imported.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.eachRow((row) => {
    const code = String(row.getCell(1).text ?? '').trim();
    if (code in LINES) row.getCell(4).value = LINES[code];
  });
  const filled = Buffer.from(await wb.xlsx.writeBuffer());
  await page.locator('input[type="file"]').setInputFiles({ ...xlsx, buffer: filled });
  await expect(page.getByText('Laporan keuangan tahun buku 2020 diimpor dari XLSX.')).toBeVisible();
  await expect(page.getByTestId('upload-errors')).toHaveCount(0);
  await expect(page.getByText(/Diimpor dari XLSX/)).toBeVisible();
  await expect(page.locator('input[data-line="pinjamanDiberikan"]')).toHaveValue('Rp 924.835.000');
  await expect(page.getByTestId('balance-check')).toHaveAttribute('data-balanced', 'true');
});

test('the koperasi user sees its own finalized assessments but cannot start one', async ({ page }) => {
  await login(page, 'dewirengganis');
  await expect(page.getByRole('heading', { name: DEWI })).toBeVisible();
  await page.getByRole('tab', { name: 'Kesehatan' }).click();
  const items = page.getByTestId('assessment-item');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('button', { name: 'Penilaian baru' })).toHaveCount(0);
  await expect(page.getByText('Draf', { exact: true })).toHaveCount(0);
  await items.first().click();
  await expect(page.getByTestId('final-banner')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finalkan' })).toHaveCount(0);
  // It may keep its own financial statements.
  await page.getByRole('link', { name: DEWI }).first().click();
  await page.getByRole('tab', { name: 'Kesehatan' }).click();
  await page.getByRole('link', { name: 'Laporan keuangan' }).click();
  await expect(page.locator('input[data-line="kas"]')).toBeEditable();
  await expect(page.getByRole('button', { name: 'Impor XLSX' })).toBeVisible();
  // The list of all assessments is for DKUPP staff only.
  await page.goto('/penilaian');
  await expect(page).not.toHaveURL(/\/penilaian$/);
});

test('petugas records a RAT and sees the year on time', async ({ page }) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const year = Number(today.slice(0, 4)) - 1;
  await login(page, 'petugas.koperasi');
  await openCoop(page, DEWI, 'RAT');
  await expect(page.getByTestId('rat-compliance')).toBeVisible();
  await expect(page.locator(`[data-testid="rat-year"][data-year="${year}"]`).getByTestId('rat-status')).toHaveText(
    /Tidak RAT|Belum jatuh tempo/,
  );

  await page.getByRole('button', { name: 'Catat RAT' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tahun buku').fill(String(year));
  // Server field errors appear under the fields: present > total is refused.
  await dialog.getByLabel('Tanggal RAT').fill(`20 Januari ${year + 1}`);
  await dialog.getByLabel('Tanggal RAT').press('Tab');
  await dialog.getByLabel('Tempat').fill('Balai Desa Ranuagung');
  await dialog.getByLabel('Anggota hadir').fill('180');
  await dialog.getByLabel('Jumlah anggota').fill('220');
  await dialog.getByLabel('Kuorum (anggota)').fill('111');
  await dialog.getByLabel('Pemilihan pengurus/pengawas').check();
  await dialog.getByLabel('Dilaporkan ke ODS').fill(`2 Januari ${year + 1}`);
  await dialog.getByLabel('Dilaporkan ke ODS').press('Tab');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog.getByText('Tanggal lapor ODS tidak boleh sebelum tanggal RAT.')).toBeVisible();
  await dialog.getByLabel('Dilaporkan ke ODS').fill(`5 Februari ${year + 1}`);
  await dialog.getByLabel('Dilaporkan ke ODS').press('Tab');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Catatan RAT tersimpan.')).toBeVisible();

  await expect(page.locator(`[data-testid="rat-year"][data-year="${year}"]`).getByTestId('rat-status')).toHaveText(
    'Tepat waktu',
  );
  const record = page.getByTestId('rat-record').filter({ hasText: `Tahun buku ${year}` });
  await expect(record).toContainText('180 dari 220 anggota');
  await expect(record).toContainText('111 anggota — terpenuhi');
  await expect(record.getByTestId('rat-ods')).toHaveText(`5 Februari ${year + 1}`);

  // Edit the ODS date of the record.
  await record.getByRole('button', { name: `Ubah tanggal lapor ODS ${year}` }).click();
  const ods = page.getByRole('dialog');
  await ods.getByLabel('Dilaporkan ke ODS').fill(`10 Februari ${year + 1}`);
  await ods.getByLabel('Dilaporkan ke ODS').press('Tab');
  await ods.getByRole('button', { name: 'Simpan' }).click();
  await expect(record.getByTestId('rat-ods')).toHaveText(`10 Februari ${year + 1}`);
});
