import { type Browser, expect, type Page, test } from '@playwright/test';
import { ADMIN_PASSWORD, DESKTOP, MOBILE, painted, SCREENSHOT_DIR, snap, signIn } from './helpers';

/**
 * The cooperative's desk (issue 13): the cooperative files its RAT with its minutes and attendance
 * list from a phone; it waits, marked, until an officer verifies it from the queue; only then does the
 * dashboard move. A returned figure shows the cooperative why.
 */
const DEWI_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
const TIRIS = '35.13.07';
/** A one-page PDF with a line of text, its cross-reference table computed, so the viewer shows it. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 780 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const PDF = pdf('Notulen RAT Kopwan Dewi Rengganis');
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const thisYear = Number(today.slice(0, 4));
const fy = thisYear - 1;

test.describe.configure({ mode: 'serial' });

async function as(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number },
  password?: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

async function tirisRat(page: Page): Promise<{ held: number; onTime: number }> {
  const res = await page.request.get(`/api/v1/dashboard?year=${thisYear}`);
  expect(res.ok()).toBe(true);
  return (await res.json()).rat.byDistrict.find((d: { code: string }) => d.code === TIRIS);
}

async function uploadPdf(page: Page, kindLabel: string, fileName: string) {
  await page.getByTestId('doc-upload').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('doc-kind').click();
  await page.getByRole('option', { name: kindLabel, exact: true }).click();
  await expect(dialog.getByTestId('doc-year')).toHaveValue(String(fy));
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
  await dialog.getByRole('button', { name: 'Unggah dokumen' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.locator(`[data-testid="doc-card"][data-year="${fy}"]`).filter({ hasText: kindLabel }),
  ).toContainText('Menunggu verifikasi');
}

test('the cooperative files its RAT with minutes and attendance list at 360 px; it counts only once an officer verifies it', async ({
  browser,
}) => {
  // Three people, two documents, a PDF preview and the dashboard twice: a long journey on two cores.
  test.slow();
  const coop = await as(browser, 'dewirengganis', MOBILE);
  const admin = await as(browser, 'admin', DESKTOP, ADMIN_PASSWORD);
  const before = await tirisRat(admin);

  await coop.goto(`/koperasi/${DEWI_ID}?tab=dokumen`);
  await expect(coop.getByText('Belum ada dokumen.')).toBeVisible();
  await uploadPdf(coop, 'Notulen RAT', 'notulen-rat.pdf');
  await uploadPdf(coop, 'Daftar hadir RAT', 'daftar-hadir.pdf');
  await snap(coop, 'desk-documents-360');
  // A PDF previews in the page.
  await coop
    .locator('[data-testid="doc-card"][data-kind="NOTULEN_RAT"]')
    .getByRole('button', { name: 'Lihat' })
    .click();
  const preview = coop.getByTestId('doc-preview');
  await expect(preview).toHaveAttribute('src', /\/api\/v1\/documents\/files\//);
  // The PDF viewer keeps a connection open (no networkidle here): wait for the frame's own load.
  await preview.evaluate(
    (frame) =>
      new Promise<void>((done) => {
        const doc = (frame as HTMLIFrameElement).contentDocument;
        if (doc && doc.URL !== 'about:blank' && doc.readyState === 'complete') done();
        else frame.addEventListener('load', () => done(), { once: true });
        // The screenshot is for people to look at: a viewer that never says so (headless Chromium's PDF
        // viewer often does not) costs this journey at most 3 s, not its whole time budget.
        setTimeout(done, 3_000);
      }),
  );
  await painted(coop);
  await coop.screenshot({ path: `${SCREENSHOT_DIR}/desk-preview-360.png` });
  await coop.locator('.mantine-Modal-close').click();
  await expect(coop.getByTestId('doc-preview')).toHaveCount(0);

  await coop.getByRole('tab', { name: 'RAT' }).click();
  await coop.getByRole('button', { name: 'Catat RAT' }).click();
  const dialog = coop.getByRole('dialog');
  await dialog.getByLabel('Tahun buku').fill(String(fy));
  await dialog.getByLabel('Tanggal RAT').fill(`14 Februari ${thisYear}`);
  await dialog.getByLabel('Tanggal RAT').press('Tab');
  await dialog.getByLabel('Anggota hadir').fill('150');
  await dialog.getByLabel('Jumlah anggota').fill('214');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const record = coop.locator(`[data-testid="rat-record"][data-year="${fy}"]`);
  await expect(record.getByTestId('verification-badge')).toHaveText('Menunggu verifikasi');
  await expect(coop.getByTestId('rat-pending')).toContainText('1 catatan RAT menunggu verifikasi');
  await expect(coop.locator(`[data-testid="rat-year"][data-year="${fy}"]`).getByTestId('rat-status')).not.toHaveText(
    'Tepat waktu',
  );
  await snap(coop, 'desk-rat-pending-360');
  expect(await tirisRat(admin)).toEqual(before);

  const officer = await as(browser, 'petugas.koperasi', DESKTOP);
  await officer.goto('/verifikasi?kind=ANNUAL_MEETING');
  const item = officer
    .locator(`[data-testid="queue-item"][data-coop="${DEWI_ID}"]`)
    .filter({ hasText: `RAT tahun buku ${fy}` });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('Belum ada');
  await snap(officer, 'desk-queue-1280');
  await item.getByTestId('queue-verify').click();
  await expect(officer.getByText('Laporan diverifikasi.')).toBeVisible();
  await expect(item).toBeHidden();

  const after = await tirisRat(admin);
  expect(after.held).toBe(before.held + 1);
  expect(after.onTime).toBe(before.onTime + 1);
  await coop.reload();
  await expect(record).toBeVisible();
  await expect(record.getByTestId('verification-badge')).toHaveCount(0);
  await expect(coop.locator(`[data-testid="rat-year"][data-year="${fy}"]`).getByTestId('rat-status')).toHaveText(
    'Tepat waktu',
  );
  await expect(coop.getByTestId('rat-pending')).toHaveCount(0);
});

test('a returned figure shows its reason to the cooperative', async ({ browser }) => {
  const coop = await as(browser, 'dewirengganis', MOBILE);
  await coop.goto(`/koperasi/${DEWI_ID}?tab=data-tahunan`);
  await coop.getByRole('button', { name: 'Tambah tahun buku' }).click();
  const dialog = coop.getByRole('dialog');
  await dialog.getByLabel('Tahun buku').fill(String(fy));
  await dialog.getByLabel('Aset').fill('1800000000');
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(dialog).toBeHidden();
  const card = coop.getByTestId('figure-card').filter({ hasText: `Tahun buku ${fy}` });
  await expect(card.getByTestId('verification-badge')).toHaveText('Menunggu verifikasi');

  const officer = await as(browser, 'petugas.koperasi', MOBILE);
  await officer.goto('/verifikasi?kind=YEARLY_FIGURES');
  const item = officer
    .locator(`[data-testid="queue-item"][data-coop="${DEWI_ID}"]`)
    .filter({ hasText: `Data tahun buku ${fy}` });
  await snap(officer, 'desk-queue-360');
  await item.getByTestId('queue-return').click();
  await officer.getByTestId('return-reason').fill('Aset tidak sesuai neraca yang diunggah');
  await officer.getByTestId('return-confirm').click();
  await expect(officer.getByText('Laporan dikembalikan ke koperasi.')).toBeVisible();

  await coop.reload();
  await expect(card.getByTestId('verification-badge')).toHaveText('Dikembalikan');
  await expect(card.getByTestId('verification-reason')).toHaveText(
    'Dikembalikan Dinas: Aset tidak sesuai neraca yang diunggah',
  );
  await snap(coop, 'desk-figure-returned-360');
  await coop.setViewportSize(DESKTOP);
  await coop.goto(`/koperasi/${DEWI_ID}?tab=dokumen`);
  await expect(coop.getByTestId('doc-card').first()).toBeVisible();
  // Every filing the Dinas has not accepted, with the reason of a returned one, in one place.
  await expect(coop.getByTestId('filings-panel').locator('[data-status="RETURNED"]')).toContainText(
    'Aset tidak sesuai neraca yang diunggah',
  );
  await snap(coop, 'desk-documents-1280');
  await coop.goto(`/koperasi/${DEWI_ID}?tab=data-tahunan`);
  await expect(coop.getByTestId('verification-reason')).toBeVisible();
  await snap(coop, 'desk-figure-returned-1280');
});

test('the cooperative asks for a visit and announces its RAT; the officer finds both on the desk', async ({
  browser,
}) => {
  const coop = await as(browser, 'dewirengganis', MOBILE);
  await coop.goto(`/koperasi/${DEWI_ID}?tab=aspirasi`);
  const panel = coop.getByTestId('requests-panel');
  await panel.getByRole('button', { name: 'Ajukan permintaan' }).click();
  await panel.getByLabel('Uraian').fill('Mohon pendampingan penyusunan laporan keuangan sebelum RAT.');
  await panel.getByRole('button', { name: 'Kirim' }).click();
  await expect(panel.getByTestId('request-card')).toContainText('Menunggu');
  await panel.scrollIntoViewIfNeeded();
  await snap(coop, 'desk-requests-360');

  await coop.goto(`/koperasi/${DEWI_ID}?tab=rat`);
  await coop.getByRole('button', { name: 'Umumkan RAT' }).click();
  const dialog = coop.getByRole('dialog');
  const day = new Date(Date.now() + 30 * 86_400_000);
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
  await dialog.getByLabel('Tahun buku').fill(String(day.getUTCFullYear() - 1));
  await dialog
    .getByLabel('Tanggal RAT')
    .fill(`${day.getUTCDate()} ${months[day.getUTCMonth()]} ${day.getUTCFullYear()}`);
  await dialog.getByLabel('Tanggal RAT').press('Tab');
  await dialog.getByLabel('Tempat').fill('Balai Desa Ranuagung');
  await dialog.getByLabel('Acara').fill('LPJ pengurus, pengesahan laporan keuangan, pembagian SHU');
  await dialog.getByRole('button', { name: 'Umumkan' }).click();
  await expect(dialog).toBeHidden();
  await expect(coop.getByTestId('rat-announcement')).toContainText('Balai Desa Ranuagung');

  const officer = await as(browser, 'petugas.koperasi', MOBILE);
  await officer.goto('/verifikasi?tab=permintaan');
  await expect(officer.getByTestId('request-card').filter({ hasText: 'Kopwan Dewi Rengganis' })).toContainText(
    'Mohon pendampingan',
  );
  await snap(officer, 'desk-requests-queue-360');
  await officer.goto('/verifikasi?tab=rat');
  const announced = officer.getByTestId('rat-announcement').filter({ hasText: 'Kopwan Dewi Rengganis' });
  await expect(announced).toContainText('Balai Desa Ranuagung');
  await expect(announced.getByRole('link', { name: 'Rencanakan kunjungan RAT' })).toHaveAttribute(
    'href',
    new RegExp(`cooperativeId=${DEWI_ID}&purposes=RAT`),
  );
  await officer.setViewportSize(DESKTOP);
  await snap(officer, 'desk-upcoming-rats-1280');

  // The officer closes the request with a note: it leaves the open queue, and the cooperative sees how it ended.
  await officer.goto('/verifikasi?tab=permintaan');
  const asked = officer
    .getByTestId('request-card')
    .filter({ hasText: 'Mohon pendampingan penyusunan laporan keuangan' });
  await asked.getByTestId('request-close').click();
  const closing = officer.getByRole('dialog');
  await closing.getByText('Ditolak', { exact: true }).click();
  await closing
    .getByTestId('close-note')
    .fill('Pendampingan laporan keuangan lewat pelatihan bulan depan; jadwal dikirim terpisah.');
  await officer.screenshot({ path: `${SCREENSHOT_DIR}/desk-request-close-1280.png` });
  await officer.setViewportSize(MOBILE);
  await officer.screenshot({ path: `${SCREENSHOT_DIR}/desk-request-close-360.png` });
  await closing.getByTestId('close-confirm').click();
  await expect(officer.getByText('Permintaan ditutup.')).toBeVisible();
  await expect(asked).toHaveCount(0);
  await coop.goto(`/koperasi/${DEWI_ID}?tab=aspirasi`);
  const card = coop
    .getByTestId('requests-panel')
    .getByTestId('request-card')
    .filter({ hasText: 'Mohon pendampingan penyusunan laporan keuangan' });
  await expect(card.getByTestId('request-status')).toHaveText('Ditolak');
  await expect(card.getByTestId('request-closure')).toContainText('pelatihan bulan depan');
  await card.scrollIntoViewIfNeeded();
  await snap(coop, 'desk-request-closed-360');
  await coop.setViewportSize(DESKTOP);
  await card.scrollIntoViewIfNeeded();
  await coop.screenshot({ path: `${SCREENSHOT_DIR}/desk-request-closed-1280.png` });
});

test("the cooperative's page marks a filed change of officers until verified, and shows why when returned (the previous officers back)", async ({
  browser,
}) => {
  const coop = await as(browser, 'dewirengganis', MOBILE);
  const current = await (await coop.request.get(`/api/v1/cooperatives/${DEWI_ID}`)).json();
  const previous = current.officers as { role: string; name: string }[];
  expect(previous.length).toBeGreaterThan(0);
  const filed = await coop.request.patch(`/api/v1/cooperatives/${DEWI_ID}`, {
    data: {
      officers: [
        { role: 'KETUA', name: 'Larasati Wulandari' },
        { role: 'SEKRETARIS', name: 'Nur Hasanah' },
      ],
    },
  });
  expect(filed.ok()).toBe(true);

  await coop.goto(`/koperasi/${DEWI_ID}`);
  const section = coop.getByTestId('officers-section');
  await expect(section.getByTestId('verification-badge')).toHaveText('Menunggu verifikasi');
  await expect(section).toContainText('Larasati Wulandari');
  await expect(section.getByTestId('officers-official')).toContainText(previous[0]!.name);
  await section.scrollIntoViewIfNeeded();
  await snap(coop, 'desk-officers-pending-360');
  await coop.setViewportSize(DESKTOP);
  await snap(coop, 'desk-officers-pending-1280');

  const officer = await as(browser, 'petugas.koperasi', DESKTOP);
  await officer.goto('/verifikasi?kind=OFFICERS');
  const item = officer
    .locator(`[data-testid="queue-item"][data-coop="${DEWI_ID}"]`)
    .filter({ hasText: 'Larasati Wulandari' });
  await item.getByTestId('queue-return').click();
  await officer.getByTestId('return-reason').fill('Berita acara rapat pemilihan pengurus belum diunggah');
  await officer.getByTestId('return-confirm').click();
  await expect(officer.getByText('Laporan dikembalikan ke koperasi.')).toBeVisible();

  await coop.reload();
  await expect(section.getByTestId('verification-badge')).toHaveText('Dikembalikan');
  await expect(section.getByTestId('verification-reason')).toHaveText(
    'Dikembalikan Dinas: Berita acara rapat pemilihan pengurus belum diunggah',
  );
  await expect(section).not.toContainText('Larasati Wulandari');
  for (const o of previous) await expect(section).toContainText(o.name);
  await snap(coop, 'desk-officers-returned-1280');
  await coop.setViewportSize(MOBILE);
  await section.scrollIntoViewIfNeeded();
  await snap(coop, 'desk-officers-returned-360');
});
