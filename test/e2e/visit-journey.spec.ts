import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DESKTOP, SCREENSHOT_DIR, snap, signIn } from './helpers';

/**
 * Issue #4's whole journey in one go, as the Dinas lives it: a petugas of Usaha Mikro plans a visit,
 * the head of the Dinas approves it, the team records it with a concern raised in the meeting and a
 * recommendation on it, marks the visit done, carries the recommendation out with evidence, and
 * downloads the berita acara, which names the concern and the recommendation.
 */
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 300_000 });

const COOP = 'KUD Sumber Makmur';
const MONTHS = [
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
/** A day counted from today in Jakarta, as the date inputs read it: "28 November 2026". */
function typedDate(daysAhead: number): string {
  const d = new Date(Date.now() + 7 * 3_600_000 + daysAhead * 86_400_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

async function pngBytes(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
    const g = c.getContext('2d')!;
    g.fillStyle = '#1c7ed6';
    g.fillRect(0, 0, 320, 240);
    g.fillStyle = '#fff';
    g.font = 'bold 28px sans-serif';
    g.fillText('NIB terbit', 60, 130);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

async function relogin(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test('plan → approve → record with a concern and a recommendation → done with evidence → berita acara', async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  const stamp = Date.now().toString(36);
  const concernText = `Pemasaran gula merah anggota belum punya izin usaha (${stamp}).`;
  const recommendation = `Mendampingi anggota mengurus NIB lewat OSS (${stamp})`;

  // 1. Plan: the petugas of Usaha Mikro leads a visit today.
  await signIn(page, 'petugas.usahamikro');
  await page.goto('/kunjungan/baru');
  await expect(page.getByRole('heading', { name: 'Rencanakan kunjungan', level: 1 })).toBeVisible();
  const coop = page.getByRole('combobox', { name: 'Koperasi yang dikunjungi' });
  await coop.fill(COOP.slice(0, 12));
  const option = page.getByRole('option', { name: new RegExp(`^${COOP}`) }).first();
  const coopName = ((await option.textContent()) ?? COOP).trim();
  await option.click();
  await page.getByTestId('plan-date').fill(typedDate(0));
  await page.getByTestId('plan-date').blur();
  await page.getByTestId('plan-start').fill('09:00');
  await page.getByTestId('plan-end').fill('11:00');
  await page.getByRole('checkbox', { name: 'Pendampingan usaha' }).check();
  await page.getByTestId('plan-save').click();
  await expect(page).toHaveURL(/\/kunjungan\/[0-9a-f-]{36}$/);
  const visitId = page.url().split('/').pop()!;
  await expect(page.getByTestId('visit-status')).toHaveText('Direncanakan');

  // 2. Approve: the head of the Dinas.
  await relogin(page, 'pimpinan');
  await page.goto(`/kunjungan/${visitId}`);
  await page.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByTestId('visit-status')).toHaveText('Disetujui');

  // 3. Record: attendance, a note, a concern raised in the meeting and a recommendation on it.
  await relogin(page, 'petugas.usahamikro');
  await page.goto(`/kunjungan/${visitId}`);
  await expect(page.getByTestId('visit-savebar')).toBeVisible();
  const attendance = page.getByTestId('section-attendance');
  await attendance.getByRole('button', { name: 'Tambah peserta' }).click();
  await attendance.getByLabel('Nama 1').fill('Bambang Sutrisno');
  await attendance.getByLabel('Unsur 1').selectOption('pengurus');
  await page.getByLabel('Usaha', { exact: true }).fill('Unit gula merah berjalan; pemasaran masih ke tengkulak.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Semua perubahan tersimpan');

  const dialogSection = page.getByTestId('visit-dialog');
  await dialogSection.getByTestId('visit-add-concern').click();
  const concernForm = page.getByRole('dialog');
  await concernForm.getByText('Permasalahan', { exact: true }).click();
  await concernForm.getByRole('combobox', { name: 'Topik' }).click();
  await page.getByRole('option', { name: 'Perizinan' }).click();
  await concernForm.getByTestId('concern-description').fill(concernText);
  await concernForm.getByTestId('concern-raised-by').fill('Bambang Sutrisno, ketua');
  await concernForm.getByTestId('concern-submit').click();
  const raised = dialogSection.getByTestId('visit-concern').filter({ hasText: stamp });
  await expect(raised).toBeVisible();

  await raised.getByTestId('visit-add-recommendation').click();
  const fu = page.getByTestId('follow-up-form');
  await fu.getByLabel('Rekomendasi').fill(recommendation);
  await fu.getByText('Petugas', { exact: true }).click();
  await fu.getByRole('combobox', { name: 'Petugas penanggung jawab' }).click();
  await page.getByRole('option', { name: /\(saya\)/ }).click();
  await fu.getByLabel('Tenggat').fill(typedDate(21));
  await fu.getByLabel('Tenggat').press('Tab');
  await fu.getByLabel('Rencana pemantauan').fill('Cek NIB terbit pada kunjungan berikutnya.');
  await fu.getByTestId('follow-up-submit').click();
  await expect(raised.getByTestId('follow-up-card').filter({ hasText: stamp })).toBeVisible();

  // 4. The visit is done.
  await page.getByTestId('visit-complete').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Tandai selesai' }).click();
  await expect(page.getByTestId('visit-status')).toHaveText('Selesai');

  // 5. The recommendation is carried out, with evidence, from "Tindak lanjut saya".
  const visit = await (await page.request.get(`/api/v1/visits/${visitId}`)).json();
  await page.goto(`/tindak-lanjut?coop=${visit.cooperative.id}`);
  const mine = page.getByTestId('follow-up-card').filter({ hasText: stamp });
  await expect(mine).toBeVisible();
  await mine.getByTestId('action-done').click();
  const modal = page.getByRole('dialog', { name: 'Ubah status tindak lanjut' });
  await modal.getByTestId('evidence-note').fill(`NIB 1234567890123 terbit untuk 12 anggota (${stamp}).`);
  const chooser = page.waitForEvent('filechooser');
  await modal.getByTestId('evidence-photo-button').click();
  await (await chooser).setFiles({ name: 'nib.png', mimeType: 'image/png', buffer: await pngBytes(page) });
  await expect(modal.getByTestId('evidence-preview')).toBeVisible();
  await modal.getByTestId('status-save').click();
  await expect(modal).toBeHidden();
  await expect(mine.getByTestId('follow-up-status')).toHaveText('Selesai');
  await expect(mine.getByTestId('follow-up-evidence')).toContainText('NIB 1234567890123');

  // The server agrees: one concern, one recommendation done with a photo, the visit done.
  const concerns = await (await page.request.get(`/api/v1/concerns?visitId=${visitId}`)).json();
  expect(concerns.total).toBe(1);
  const followUps = await (await page.request.get(`/api/v1/follow-ups?visitId=${visitId}`)).json();
  expect(followUps.total).toBe(1);
  expect(followUps.items[0]).toMatchObject({ status: 'done', concernId: concerns.items[0].id });
  expect(followUps.items[0].evidence.photoId).toBeTruthy();

  // 6. The berita acara names the cooperative, the attendee, the concern and the recommendation.
  await page.goto(`/kunjungan/${visitId}`);
  await snap(page, 'visit-journey-done-1280', { fullPage: false });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh berita acara (PDF)' }).click();
  const file = `${SCREENSHOT_DIR}/visit-journey-minutes.pdf`;
  await (await download).saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(coopName);
  expect(text).toContain('Bambang Sutrisno');
  expect(text).toContain(`(${stamp})`);
  expect(text).toContain('Mendampingi anggota mengurus NIB');
});
