import ExcelJS from 'exceljs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, DESKTOP, MOBILE, login, snap, signIn } from './helpers';

/**
 * Issue #5 §7: a petugas imports cooperatives from the XLSX template. The first file has a bad row:
 * the dry run names it and nothing can be imported; the fixed file imports cleanly as a job with
 * progress; the new cooperatives are in the registry and counted on the dashboard of their kecamatan.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const DISTRICT = '35.13.07';
const VILLAGE = '35.13.07.2008';

async function workbook(page: Page, rows: (string | number)[][]): Promise<Buffer> {
  const res = await page.request.get('/api/v1/cooperatives/import/template.xlsx');
  expect(res.ok()).toBeTruthy();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.body());
  const ws = wb.getWorksheet('Koperasi')!;
  ws.spliceRows(2, 1); // the template's example row
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type DistrictRat = { code: string; cooperatives: number; warnings: number };
async function districtRat(page: Page): Promise<DistrictRat> {
  const year = new Date().getUTCFullYear();
  const res = await page.request.get(`/api/v1/dashboard?year=${year}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()).rat.byDistrict.find((d: DistrictRat) => d.code === DISTRICT);
}

test('an import with a bad row is refused with the row named, the fixed file imports, the dashboard counts it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const stamp = Date.now().toString(36).toUpperCase();
  const names = [`KSU Impor ${stamp} Satu`, `Kopwan Impor ${stamp} Dua`];
  const nik = (n: number) => `351399${String(Date.now()).slice(-9)}${n}`;
  const rows = [
    [
      names[0],
      'KONSUMEN',
      'KSU',
      DISTRICT,
      VILLAGE,
      nik(1),
      '12/BH/2019',
      '2019-03-04',
      'Konvensional',
      'Dusun Krajan',
      '',
      '',
      '',
      '',
      10,
      20,
    ],
    [
      names[1],
      'SIMPAN_PINJAM',
      'KOPWAN',
      DISTRICT,
      VILLAGE,
      '',
      '',
      '2019-05-06',
      'SYARIAH',
      '',
      '',
      '',
      '',
      '',
      0,
      45,
    ],
  ];
  const bad = [
    'Koperasi Salah Kode',
    'KONSUMEN',
    'KSU',
    DISTRICT,
    '35.13.99.9999',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    1,
    1,
  ];

  await signIn(page, 'pimpinan');
  const before = await districtRat(page);

  await page.context().clearCookies();
  await signIn(page, 'petugas.koperasi');
  await page.goto('/impor');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const fileInput = page.locator('input[type="file"]');

  // 1. A file with an unknown village code on row 4: the dry run names it; nothing can be imported.
  await fileInput.setInputFiles({
    name: 'koperasi-baru.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook(page, [...rows, bad]),
  });
  await expect(page.getByTestId('import-check')).toBeVisible();
  await expect(page.getByTestId('import-total')).toContainText('3');
  const errorRow = page.getByTestId('import-error-row');
  await expect(errorRow).toHaveCount(1);
  await expect(errorRow).toContainText('4');
  await expect(errorRow).toContainText(/desa/i);
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await snap(page, 'import-errors-1280');
  await page.setViewportSize(MOBILE);
  await snap(page, 'import-errors-360');
  await page.setViewportSize(DESKTOP);
  // The dry run wrote nothing.
  expect(
    (await (await page.request.get(`/api/v1/cooperatives?search=${encodeURIComponent(stamp)}`)).json()).total,
  ).toBe(0);

  // 2. A file that is not XLSX is refused before anything is sent.
  await fileInput.setInputFiles({ name: 'data.csv', mimeType: 'text/csv', buffer: Buffer.from('Nama;Jenis\nA;B\n') });
  await expect(page.getByTestId('import-file-error')).toBeVisible();

  // 3. The fixed file: clean dry run, then the all-or-nothing import as a job with progress.
  await fileInput.setInputFiles({
    name: 'koperasi-baru-perbaikan.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook(page, rows),
  });
  await expect(page.getByTestId('import-ok')).toBeVisible();
  await expect(page.getByTestId('import-error-row')).toHaveCount(0);
  await page.getByTestId('import-run').click();
  await expect(page).toHaveURL(/job=/);
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('import-done-count')).toContainText('2');
  // The job survives a reload: the page finds it again by the id in the URL.
  await page.reload();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await snap(page, 'import-done-1280');

  // 4. Both are in the registry.
  await page.goto(`/koperasi?q=${encodeURIComponent(stamp)}`);
  for (const n of names) await expect(page.getByRole('link', { name: n }).first()).toBeVisible();

  // 5. The dashboard of their kecamatan counts them (two more cooperatives, both without a RAT
  // since 2019, so two more with warnings), and its kecamatan link drills to them.
  await page.context().clearCookies();
  await signIn(page, 'pimpinan');
  const after = await districtRat(page);
  expect(after.cooperatives).toBe(before.cooperatives + 2);
  expect(after.warnings).toBe(before.warnings + 2);
  await page.goto('/dasbor');
  const row = page.getByTestId('district-row').filter({ hasText: 'Tiris' });
  await row.getByRole('link', { name: 'Tiris' }).click();
  await expect(page).toHaveURL(new RegExp(`district=${DISTRICT.replace(/\./g, '\\.')}`));
  await page.goto(`/koperasi?district=${DISTRICT}&q=${encodeURIComponent(stamp)}`);
  for (const n of names) await expect(page.getByRole('link', { name: n }).first()).toBeVisible();
});

/**
 * Issue #16: an admin's yearly-figures file that would overwrite a stored value lists it (old → new)
 * and imports only once "overwrite" is ticked; the import appears in the history, where the admin
 * undoes it as a whole and the old value is back.
 */
test('an import that overwrites says so, needs the choice, and an admin undoes it from the history', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'admin', ADMIN_PASSWORD);
  const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
  const year = 2018;
  const put = await page.request.put(`/api/v1/cooperatives/${DEWI}/figures/${year}`, {
    data: {
      assets: 700_000_000,
      ownCapital: null,
      externalCapital: null,
      businessVolume: null,
      shu: 9_000_000,
      membersMale: null,
      membersFemale: null,
    },
  });
  expect(put.ok()).toBeTruthy();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data tahunan');
  ws.addRow([
    'NIK atau ID Sambang*',
    'Nama koperasi (keterangan)',
    'Tahun buku*',
    'Aset',
    'Modal sendiri',
    'Modal luar',
    'Volume usaha',
    'SHU',
    'Anggota L',
    'Anggota P',
  ]);
  ws.addRow(['3513070200012345', 'Kopwan Dewi Rengganis', year, '1.250.000.000', null, null, null, null, null, null]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto('/impor?jenis=tahunan');
  await page.locator('input[type="file"]').setInputFiles({
    name: 'data-tahunan-2018.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const row = page.getByTestId('import-overwrite-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Aset');
  await expect(row).toContainText('700.000.000');
  await expect(row).toContainText('1.250.000.000');
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await snap(page, 'import-overwrite-1280');
  await page.setViewportSize(MOBILE);
  await snap(page, 'import-overwrite-360');
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('import-overwrite').check();
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const figures = async () =>
    (await (await page.request.get(`/api/v1/cooperatives/${DEWI}/figures`)).json()).items.find(
      (f: { fiscalYear: number }) => f.fiscalYear === year,
    );
  expect(await figures()).toMatchObject({ assets: 1_250_000_000, shu: 9_000_000 });

  await page.getByTestId('import-again').click();
  const first = page.getByTestId('import-history-row').first();
  await expect(first).toContainText('data-tahunan-2018.xlsx');
  await snap(page, 'import-history-1280');
  await page.setViewportSize(MOBILE);
  await snap(page, 'import-history-360');
  await page.setViewportSize(DESKTOP);
  await first.getByTestId('import-undo').click();
  await first.getByTestId('import-undo-confirm').click();
  await expect(page.getByTestId('import-undo-message')).toContainText('dibatalkan');
  await expect(first).toContainText('Dibatalkan');
  expect(await figures()).toMatchObject({ assets: 700_000_000, shu: 9_000_000 });
});
