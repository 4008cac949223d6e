import { expect, test, type Page } from './csp-guard';
import { ADMIN_PASSWORD, DESKTOP, MOBILE, login, snap, signIn } from './helpers';

const SIZES = [
  { name: '360', viewport: MOBILE },
  { name: '1280', viewport: DESKTOP },
] as const;

async function openDewiRengganis(page: Page): Promise<string> {
  await page.goto('/koperasi?q=Dewi+Rengganis');
  await page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first().click();
  await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
  return page.url();
}

for (const size of SIZES) {
  test.describe(`screens at ${size.name} px`, () => {
    test.use({ viewport: size.viewport });

    test(`login and change password (${size.name})`, async ({ page }) => {
      await page.goto('/masuk');
      await expect(page.getByRole('heading', { name: 'Masuk ke Sambang' })).toBeVisible();
      await snap(page, `login-${size.name}`);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByText('Nama pengguna wajib diisi')).toBeVisible();
      await page.getByLabel('Nama pengguna').fill('petugas.koperasi');
      await page.getByLabel('Kata sandi').fill('salah-sandi');
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await snap(page, `login-error-${size.name}`);

      await login(page, 'petugas.koperasi');
      await page.goto('/ganti-sandi');
      await expect(page.getByRole('heading', { name: 'Ganti kata sandi' })).toBeVisible();
      await snap(page, `change-password-${size.name}`);
    });

    test(`registry screens as petugas (${size.name})`, async ({ page }) => {
      await login(page, 'petugas.koperasi');
      await expect(page.getByTestId('coop-total')).toBeVisible();
      await snap(page, `list-${size.name}`, { fullPage: false });
      if (size.name === '360') {
        await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
        await expect(
          page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Koperasi' }),
        ).toBeVisible();
        await snap(page, `nav-open-${size.name}`, { fullPage: false });
        await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
        await page.getByRole('button', { name: 'Filter' }).click();
      }
      await page.getByRole('combobox', { name: 'Kecamatan' }).click();
      await page.getByRole('option', { name: 'Tiris' }).click();
      await expect(page).toHaveURL(/district=/);
      await page.getByRole('combobox', { name: 'Desa/Kelurahan' }).click();
      await page.getByRole('option', { name: 'Ranuagung' }).click();
      await expect(page).toHaveURL(/village=/);
      await expect(page.getByRole('link', { name: 'Kopwan Dewi Rengganis' }).first()).toBeVisible();
      await snap(page, `list-filtered-${size.name}`, { fullPage: false });

      const url = await openDewiRengganis(page);
      await snap(page, `detail-profil-${size.name}`);
      await page.getByRole('tab', { name: 'Unit usaha' }).click();
      await expect(page.getByTestId('unit-card').first()).toBeVisible();
      await snap(page, `detail-unit-usaha-${size.name}`);
      await page.getByRole('button', { name: 'Tambah unit usaha' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `unit-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.getByRole('tab', { name: 'Data tahunan' }).click();
      await expect(page.getByText('Data keuangan tahunan')).toBeVisible();
      await snap(page, `detail-data-tahunan-${size.name}`);
      await page.getByRole('button', { name: 'Tambah tahun buku' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `figure-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.getByRole('tab', { name: 'Riwayat' }).click();
      await expect(page.getByTestId('timeline')).toBeVisible();
      await snap(page, `detail-riwayat-${size.name}`);

      await page.getByRole('button', { name: 'Bubarkan' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `dissolve-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.goto(`${url.replace(/\?.*$/, '')}/ubah`);
      await expect(page.getByRole('heading', { name: 'Ubah data koperasi' })).toBeVisible();
      await snap(page, `edit-form-${size.name}`);
      await snap(page, `edit-form-top-${size.name}`, { fullPage: false });

      await page.goto('/koperasi/baru');
      await expect(page.getByRole('heading', { name: 'Tambah koperasi' })).toBeVisible();
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByText('Wajib diisi').first()).toBeVisible();
      await snap(page, `new-form-errors-${size.name}`);

      await page.goto('/tentang');
      await expect(page.getByTestId('region-source')).toContainText('idn-area-data');
      await snap(page, `tentang-${size.name}`);
    });

    test(`health, statement and RAT screens as petugas (${size.name})`, async ({ page }) => {
      test.setTimeout(150_000);
      const mobile = size.name === '360';
      await login(page, 'petugas.koperasi');
      const url = (await openDewiRengganis(page)).replace(/\?.*$/, '');

      await page.getByRole('tab', { name: 'Kesehatan' }).click();
      await expect(page.getByTestId('score-chart')).toBeVisible();
      await expect(page.getByTestId('assessment-item').first()).toBeVisible();
      await snap(page, `health-tab-${size.name}`);
      await page.getByRole('button', { name: 'Penilaian baru' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `new-assessment-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.getByTestId('assessment-item').first().click();
      await expect(page.getByTestId('final-banner')).toBeVisible();
      await snap(page, `assessment-final-top-${size.name}`, { fullPage: false });
      await snap(page, `assessment-final-${size.name}`);
      await page.getByRole('tab', { name: /Manajemen/ }).click();
      await snap(page, `assessment-final-management-${size.name}`, { fullPage: false });
      if (mobile) {
        await page.getByRole('button', { name: 'Rincian' }).click();
        await expect(page.getByRole('dialog').getByTestId('score-panel')).toBeVisible();
        await snap(page, `assessment-score-drawer-${size.name}`, { fullPage: false });
        await page.keyboard.press('Escape');
      }

      await page.goto(`${url}?tab=rat`);
      await expect(page.getByTestId('rat-compliance')).toBeVisible();
      await expect(page.getByTestId('rat-record').first()).toBeVisible();
      await snap(page, `rat-tab-${size.name}`);
      await page.getByRole('button', { name: 'Catat RAT' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await snap(page, `rat-modal-${size.name}`, { fullPage: false });
      await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();

      await page.goto(`${url}/laporan-keuangan`);
      await expect(page.getByTestId('balance-check')).toBeVisible();
      await snap(page, `statement-top-${size.name}`, { fullPage: false });
      await snap(page, `statement-${size.name}`);

      // A ksp-2016 draft without a statement, then a kk-2021 draft: the inputs and the live score.
      await page.goto(`${url}?tab=kesehatan`);
      await page.getByRole('button', { name: 'Penilaian baru' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tahun buku').fill('2019');
      await dialog.getByText(/Penilaian Kesehatan KSP\/USP Koperasi 2016/).click();
      await expect(dialog.getByText(/Belum ada laporan keuangan tahun buku 2019/)).toBeVisible();
      await snap(page, `new-assessment-no-statement-${size.name}`, { fullPage: false });
      await dialog.getByRole('button', { name: 'Mulai penilaian' }).click();
      await expect(page.getByTestId('save-state')).toBeVisible();
      await snap(page, `assessment-draft-financials-${size.name}`, { fullPage: false });
      await page.getByRole('tab', { name: /Manajemen/ }).click();
      for (let n = 1; n <= 6; n++) {
        await page
          .getByRole('group', { name: `Pertanyaan ${n}`, exact: true })
          .getByRole('button', { name: n % 3 ? 'Ya' : 'Tidak' })
          .click();
      }
      await snap(page, `assessment-draft-management-${size.name}`, { fullPage: false });
      await page.getByRole('button', { name: 'Hapus draf' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
      await expect(page.getByText('Draf penilaian dihapus.')).toBeVisible();

      await page.goto('/koperasi?q=Bhakti+Lumbang');
      await page.getByRole('link', { name: 'KPRI Bhakti Lumbang' }).first().click();
      await page.getByRole('tab', { name: 'Kesehatan' }).click();
      await page.getByRole('button', { name: 'Penilaian baru' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tahun buku').fill('2020');
      await dialog.getByText(/Pemeriksaan Kesehatan Koperasi 2021/).click();
      await dialog.getByRole('button', { name: 'Mulai penilaian' }).click();
      await expect(page.getByTestId('save-state')).toBeVisible();
      await page.getByRole('tab', { name: /Kinerja Keuangan/ }).click();
      await page.getByRole('textbox', { name: /^Rentabilitas aset/ }).fill('6,5');
      await expect(page.locator('[data-indicator="returnOnAssets"] [data-testid="implied-nilai"]')).toContainText(
        'nilai 2',
      );
      await page.locator('[data-indicator="problemLoans"]').getByLabel('Tidak berlaku').check();
      await page
        .locator('[data-indicator="problemLoans"]')
        .getByLabel('Alasan tidak berlaku')
        .fill('Koperasi tidak memberikan pinjaman.');
      await snap(page, `assessment-kk-draft-${size.name}`, { fullPage: false });
      await page.getByRole('tab', { name: /Tata Kelola/ }).click();
      await page.getByRole('combobox', { name: 'Nilai' }).first().click();
      await page.getByRole('option', { name: '2 — Cukup Sehat' }).click();
      await snap(page, `assessment-kk-governance-${size.name}`, { fullPage: false });
      await page.getByRole('button', { name: 'Hapus draf' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hapus' }).click();
      await expect(page.getByText('Draf penilaian dihapus.')).toBeVisible();

      await page.goto('/penilaian');
      await expect(page.getByTestId('assessment-item').first()).toBeVisible();
      await snap(page, `assessment-list-${size.name}`, { fullPage: false });
      await page.getByTestId('category-card').filter({ hasText: 'Dalam Pengawasan Khusus' }).click();
      await expect(page).toHaveURL(/category=DALAM_PENGAWASAN_KHUSUS/);
      await snap(page, `assessment-list-filtered-${size.name}`, { fullPage: false });

      await page.goto('/rubrik');
      await expect(page.getByTestId('rubric-detail')).toBeVisible();
      await snap(page, `rubric-${size.name}`, { fullPage: false });
      await snap(page, `rubric-full-${size.name}`);
      await page.getByTestId('rubric-version-link').filter({ hasText: 'Versi 1' }).first().click();
      await expect(page.getByTestId('rubric-detail')).toContainText('Pemeriksaan Kesehatan Koperasi 2021');
      await snap(page, `rubric-kk-${size.name}`, { fullPage: false });
    });

    test(`koperasi user health tab (${size.name})`, async ({ page }) => {
      await login(page, 'dewirengganis');
      await page.getByRole('tab', { name: 'Kesehatan' }).click();
      await expect(page.getByTestId('score-chart')).toBeVisible();
      await snap(page, `koperasi-health-${size.name}`);
    });

    test(`admin screens (${size.name})`, async ({ page }) => {
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/pengguna');
      await expect(page.getByTestId('user-item').first()).toBeVisible();
      await snap(page, `users-${size.name}`, { fullPage: false });
      await page.getByRole('button', { name: 'Tambah pengguna' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Peran').click();
      await page.getByRole('option', { name: 'Pengurus koperasi' }).click();
      await expect(dialog.getByLabel('Koperasi')).toBeVisible();
      await snap(page, `user-modal-${size.name}`, { fullPage: false });
      await dialog.getByRole('button', { name: 'Batal' }).click();

      await page.goto('/audit');
      await expect(page.getByTestId('audit-item').first()).toBeVisible();
      await snap(page, `audit-${size.name}`, { fullPage: false });

      await page.goto('/rubrik');
      await page.getByRole('button', { name: 'Terbitkan versi koreksi' }).click();
      const publish = page.getByRole('dialog');
      const json = publish.getByTestId('rubric-json');
      await expect(json).toHaveValue(/"method": "weighted"/);
      await snap(page, `rubric-publish-${size.name}`, { fullPage: false });
      // A weight that no longer sums to 100: the server refuses and says why.
      await json.fill((await json.inputValue()).replace('"weight": 15,', '"weight": 16,'));
      await publish.getByLabel('Catatan perubahan').fill('Uji validasi bobot');
      await publish.getByRole('button', { name: 'Terbitkan versi koreksi' }).click();
      await expect(publish.getByTestId('publish-errors')).toBeVisible();
      await snap(page, `rubric-publish-errors-${size.name}`, { fullPage: false });
      await publish.getByRole('button', { name: 'Batal' }).click();
    });

    test(`dashboard and priorities (${size.name})`, async ({ page }) => {
      await login(page, 'pimpinan');
      await expect(page).toHaveURL(/\/dasbor$/);
      await page.goto('/dasbor?year=2025');
      await expect(page.getByTestId('map-tile')).toHaveCount(24);
      await expect(page.getByTestId('trend-chart').locator('svg')).toBeVisible();
      await snap(page, `dashboard-top-${size.name}`, { fullPage: false });
      await snap(page, `dashboard-${size.name}`);
      await page.goto('/dasbor?year=2025&indicator=supervision');
      await expect(page.getByTestId('map-tile')).toHaveCount(24);
      await page.getByTestId('map-tile').nth(5).hover();
      await expect(page.getByRole('tooltip')).toBeVisible();
      await page.getByTestId('map-card').scrollIntoViewIfNeeded();
      await snap(page, `dashboard-map-supervision-${size.name}`, { fullPage: false });

      await page.goto('/prioritas');
      await expect(page.getByTestId('priority-item').first()).toBeVisible();
      await snap(page, `priorities-${size.name}`, { fullPage: false });
      await page.context().clearCookies();
      await signIn(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/prioritas');
      await page.getByRole('button', { name: 'Bobot' }).click();
      await expect(page.getByRole('dialog').getByLabel('Belum pernah dikunjungi')).toBeVisible();
      await snap(page, `priority-weights-${size.name}`, { fullPage: false });
    });

    test(`koperasi user home (${size.name})`, async ({ page }) => {
      await login(page, 'dewirengganis');
      await expect(page.getByRole('heading', { name: 'Kopwan Dewi Rengganis' })).toBeVisible();
      await snap(page, `koperasi-home-${size.name}`, { fullPage: false });
    });
  });
}
