import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { DESKTOP, MOBILE, snap, signIn } from './helpers';

/**
 * Issue #12 as a Dinas lives it: the head approves a visit, the officer issues its Surat Perintah
 * Tugas, carries the visit out and issues the numbered berita acara; anyone holding the paper scans
 * its QR code, logged out, and sees the document confirmed, and the PDF they hold checked byte for byte.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 240_000 });

const jsQR = ((jsqr as unknown as { default?: unknown }).default ?? jsqr) as typeof jsqr.default;
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

function qrOf(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'papers-e2e-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '110', '-png', join(dir, 'a.pdf'), join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const png = PNG.sync.read(readFileSync(join(dir, pages[pages.length - 1]!)));
    return (
      jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ??
      null
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function relogin(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test('approve → SPT → visit carried out → berita acara → the QR opens the public page, logged out, and confirms it', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);

  // A visit planned by the petugas of Bidang Koperasi, who leads it.
  await signIn(page, 'petugas.koperasi');
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  const coop = (await (await page.request.get('/api/v1/cooperatives?group=KSU&status=AKTIF&pageSize=1')).json())
    .items[0];
  const planned = await page.request.post('/api/v1/visits', {
    data: {
      cooperativeId: coop.id,
      date: jakartaToday(),
      startTime: '09:00',
      purposes: ['PEMBINAAN', 'PENGAWASAN'],
      team: [{ userId: (me.user ?? me).id, leader: true }],
    },
  });
  expect(planned.status()).toBe(201);
  const visitId = (await planned.json()).id as string;

  // 1. The head approves it.
  await relogin(page, 'pimpinan');
  await page.goto(`/kunjungan/${visitId}`);
  await page.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByTestId('visit-status')).toHaveText('Disetujui');

  // 2. The officer issues the SPT; it appears numbered in the visit's documents.
  await relogin(page, 'petugas.koperasi');
  await page.goto(`/kunjungan/${visitId}`);
  const docs = page.getByTestId('visit-documents');
  await expect(docs.getByTestId('issue-ba')).toHaveCount(0);
  await docs.getByTestId('issue-spt').click();
  await expect(docs.getByTestId('document-row')).toHaveCount(1);
  await expect(docs.getByTestId('document-row').first()).toContainText('Surat Perintah Tugas');
  await expect(docs.getByTestId('document-row').first()).toContainText(/800\.1\.11\.1\/\d{3}\/426\.113\/\d{4}/);
  await expect(docs.getByTestId('document-row').first()).toContainText('Berlaku');

  // 3. The visit is carried out and marked done.
  await page
    .getByLabel('Kelembagaan', { exact: true })
    .fill('Pengurus dan pengawas lengkap; RAT terakhir tepat waktu.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Semua perubahan tersimpan');
  await page.getByTestId('visit-complete').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.getByTestId('visit-status')).toHaveText('Selesai');

  // 4. The berita acara is issued with its own number.
  await expect(docs.getByTestId('issue-spt')).toHaveCount(0);
  await docs.getByTestId('issue-ba').click();
  const baRow = docs.getByTestId('document-row').filter({ hasText: 'Berita Acara' });
  await expect(baRow).toHaveCount(1);
  await expect(baRow).toContainText(/\d{3}\/BA-SAMBANG\/426\.113\/[IVX]+\/\d{4}/);
  await snap(page, 'papers-visit-documents-desktop');

  // The officer edits the activity report before sharing it; the edit stays with the visit.
  await expect(page.getByTestId('activity-report-headline')).toContainText('DKUPP Sambangi');
  await page.getByTestId('activity-report-edit').click();
  await page.getByTestId('report-headline').fill('DKUPP Dampingi Pengurus Menata Pembukuan');
  await page.getByTestId('report-save').click();
  await page.reload();
  await expect(page.getByTestId('activity-report-headline')).toHaveText('DKUPP Dampingi Pengurus Menata Pembukuan');

  // The frozen file carries a QR code pointing at this server's /v/{code}.
  const list = await (await page.request.get(`/api/v1/documents?visitId=${visitId}&kind=BERITA_ACARA`)).json();
  const ba = list.items[0];
  const pdf = Buffer.from(await (await page.request.get(`/api/v1/documents/${ba.id}/file.pdf`)).body());
  const url = qrOf(pdf);
  expect(url).toMatch(new RegExp(`/v/${ba.code}$`));
  const path = new URL(url!).pathname;

  // 5. Logged out, the QR's address confirms the document; the PDF held is the very one issued.
  await page.context().clearCookies();
  await page.goto(path);
  await expect(page.getByTestId('verify-result')).toContainText('Dokumen terdaftar dan masih berlaku.');
  await expect(page.getByRole('cell', { name: ba.number })).toBeVisible();
  await expect(page.getByRole('cell', { name: coop.name })).toBeVisible();
  await expect(
    page.getByText('Dinas Koperasi, Usaha Mikro, Perdagangan dan Perindustrian Kabupaten Probolinggo'),
  ).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('verify-pick').click();
  await (await chooser).setFiles({ name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('verify-file-result')).toContainText('sama persis');
  await snap(page, 'papers-verify-desktop');
  await page.setViewportSize(MOBILE);
  await snap(page, 'papers-verify-mobile');

  // An altered copy is caught.
  const altered = Buffer.from(pdf);
  altered[Math.floor(altered.length / 2)] ^= 1;
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByTestId('verify-pick').click();
  await (await chooser2).setFiles({ name: 'diubah.pdf', mimeType: 'application/pdf', buffer: altered });
  await expect(page.getByTestId('verify-file-result')).toContainText('BERBEDA');

  // An unknown code says so, without telling anything else.
  await page.goto('/v/ZZZZZZZZZZZZ');
  await expect(page.getByTestId('verify-result')).toContainText('tidak ditemukan');
});

test('the register lists issued documents with filters; the admin sets the office profile and number patterns', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'admin', 'admin-e2e-123');
  await page.goto('/kantor');
  await expect(page.getByRole('heading', { name: 'Profil kantor', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Pemerintah daerah')).toHaveValue('Pemerintah Kabupaten Probolinggo');
  await expect(page.getByTestId('register-SPT')).toContainText('800.1.11.1/');
  await snap(page, 'papers-office-desktop');
  await page.setViewportSize(MOBILE);
  await snap(page, 'papers-office-mobile');
  await page.setViewportSize(DESKTOP);
  await page.goto('/dokumen');
  await expect(page.getByRole('heading', { name: 'Register dokumen resmi', level: 1 })).toBeVisible();
  await expect(page.getByTestId('document-row').first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Cari nomor atau koperasi' }).fill('BA-SAMBANG');
  await expect(page.getByTestId('document-row').first()).toContainText('Berita Acara');
  await expect(page.getByTestId('document-row').filter({ hasText: 'Surat Perintah Tugas' })).toHaveCount(0);
  // The cooperative's page lists its documents too.
  await page.getByTestId('document-row').first().getByRole('link').click();
  await page.getByRole('tab', { name: 'Naskah dinas' }).click();
  await expect(page.getByTestId('document-row').filter({ hasText: 'Berita Acara' })).toHaveCount(1);
  await snap(page, 'papers-register-desktop');
  await page.setViewportSize(MOBILE);
  await snap(page, 'papers-register-mobile');
});
