import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DESKTOP, MOBILE, snap, signIn } from './helpers';

/**
 * Planning a visit in the browser: a petugas plans it (cooperative, date, purposes, team with a
 * leader), finds it in the list and in the month and week calendars, and pimpinan approves it
 * from the list. Screenshots of the planning screens at 360 and 1280 px.
 */
const COOP = 'Kopwan Dewi Rengganis';
// The machine running the suite may be busy: give page loads room rather than flake.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 360_000 });
const jakartaToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const typed = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

// A weekday about three weeks ahead, clear of the demo's own bookings as far as possible.
let date = addDays(jakartaToday(), 23);
while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = addDays(date, 1);

async function pickCoop(page: Page, name: string) {
  const input = page.getByRole('combobox', { name: 'Koperasi yang dikunjungi' });
  await input.fill(name.slice(0, 14));
  await page.getByRole('option', { name }).click();
  await expect(input).toHaveValue(name);
}

let visitId = '';

test('petugas plans a visit, finds it in the list and the calendars; pimpinan approves it', async ({ page }) => {
  await signIn(page, 'petugas.koperasi');
  await page.goto('/kunjungan');
  await expect(page.getByRole('heading', { name: 'Kunjungan', level: 1 })).toBeVisible();
  await page.getByTestId('plan-visit').click();
  await expect(page).toHaveURL(/\/kunjungan\/baru$/);
  await expect(page.getByRole('heading', { name: 'Rencanakan kunjungan', level: 1 })).toBeVisible();

  // the petugas is on the team already, as leader
  await expect(page.getByTestId('team-member')).toHaveCount(1);
  await expect(page.getByTestId('team-member')).toContainText('Petugas Bidang Koperasi (demo)');

  // saving an empty form: field-level Indonesian errors, nothing sent
  await page.getByTestId('plan-save').click();
  await expect(page.getByText('Pilih minimal satu tujuan kunjungan.')).toBeVisible();

  await pickCoop(page, COOP);
  await page.getByTestId('plan-date').fill(typed(date));
  await page.getByTestId('plan-date').blur();
  await page.getByTestId('plan-start').fill('09:00');
  await page.getByTestId('plan-end').fill('12:30');
  await page.getByRole('checkbox', { name: 'Pembinaan' }).check();
  await page.getByRole('checkbox', { name: 'Pendampingan usaha' }).check();

  // a colleague from Bidang Usaha Mikro joins and leads the team
  await page.getByTestId('team-add').click();
  await page.getByTestId('team-add').fill('Usaha Mikro');
  await page.getByRole('option', { name: 'Petugas Bidang Usaha Mikro (demo)' }).click();
  await expect(page.getByTestId('team-member')).toHaveCount(2);
  await page.getByRole('radio', { name: 'Ketua tim: Petugas Bidang Usaha Mikro (demo)' }).check();

  await page.getByTestId('plan-save').click();
  await expect(page).toHaveURL(/\/kunjungan\/[0-9a-f-]{36}$/);
  visitId = page.url().split('/').pop()!;

  // the API holds what was planned
  const saved = await (await page.request.get(`/api/v1/visits/${visitId}`)).json();
  expect(saved).toMatchObject({
    date,
    startTime: '09:00',
    endTime: '12:30',
    status: 'planned',
    purposes: ['PEMBINAAN', 'PENDAMPINGAN_USAHA'],
  });
  expect(saved.team.find((m: { leader: boolean }) => m.leader).fullName).toBe('Petugas Bidang Usaha Mikro (demo)');
  expect(saved.team).toHaveLength(2);

  // in the list
  await page.goto(`/kunjungan?coop=${saved.cooperative.id}&status=planned`);
  const row = page.locator(`[data-testid="visit-item"][data-visit-id="${visitId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('visit-status')).toHaveText('Direncanakan');
  await expect(row).toContainText('Pendampingan usaha');
  // petugas cannot approve
  await expect(row.getByTestId('approve-visit')).toHaveCount(0);

  // in the month calendar, on its day, and in the day list below
  await page.getByTestId('visit-view').getByText('Bulan').click();
  await expect(page).toHaveURL(/view=month/);
  await page.goto(`/kunjungan?view=month&d=${date}`);
  const day = page.locator(`[data-testid="calendar-day"][data-date="${date}"]`);
  await expect(day).not.toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('calendar-day-list').locator(`[data-visit-id="${visitId}"]`)).toBeVisible();

  // in the week calendar
  await page.getByTestId('visit-view').getByText('Minggu').click();
  await expect(page).toHaveURL(/view=week/);
  await expect(
    page.locator(`[data-testid="calendar-day"][data-date="${date}"]`).locator(`[data-visit-id="${visitId}"]`),
  ).toBeVisible();

  // pimpinan approves it from the list, after a confirm
  await page.context().clearCookies();
  await signIn(page, 'pimpinan');
  await page.goto(`/kunjungan?coop=${saved.cooperative.id}&status=planned`);
  const planned = page.locator(`[data-testid="visit-item"][data-visit-id="${visitId}"]`);
  await planned.getByTestId('approve-visit').click();
  const dialog = page.getByRole('dialog', { name: 'Setujui rencana kunjungan?' });
  await expect(dialog).toContainText(COOP);
  await dialog.getByRole('button', { name: 'Setujui' }).click();
  await expect(page.getByText('Rencana kunjungan disetujui.')).toBeVisible();
  await page.goto(`/kunjungan?coop=${saved.cooperative.id}`);
  await expect(
    page.locator(`[data-testid="visit-item"][data-visit-id="${visitId}"]`).getByTestId('visit-status'),
  ).toHaveText('Disetujui');
  const approved = await (await page.request.get(`/api/v1/visits/${visitId}`)).json();
  expect(approved.status).toBe('approved');
  expect(approved.approvedBy).not.toBeNull();
});

test('a priority entry opens the plan form prefilled; double bookings are flagged before saving', async ({ page }) => {
  await signIn(page, 'petugas.koperasi');
  await page.goto('/prioritas');
  const first = page.getByTestId('priority-item').first();
  const name = (await first.getByRole('link').first().textContent()) ?? '';
  await first.getByTestId('priority-plan-visit').click();
  await expect(page).toHaveURL(/\/kunjungan\/baru\?cooperativeId=.+&purposes=/);
  await expect(page.getByRole('combobox', { name: 'Koperasi yang dikunjungi' })).toHaveValue(name);
  await expect(page.getByText('Tujuan diisi otomatis dari alasan prioritas kunjungan')).toBeVisible();
  expect(await page.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);

  // the same officers on the day of the first test's visit: flagged live
  await page.getByTestId('plan-date').fill(typed(date));
  await page.getByTestId('plan-date').blur();
  await expect(page.getByTestId('plan-bookings')).toContainText(`Petugas Bidang Koperasi (demo) sudah terjadwal`);
  await expect(page.getByTestId('plan-bookings')).toContainText(COOP);
});

for (const [label, size] of [
  ['mobile', MOBILE],
  ['desktop', DESKTOP],
] as const) {
  test(`screenshots of the planning screens (${label})`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page, 'petugas.koperasi');
    await page.goto('/kunjungan');
    await expect(page.getByTestId('visit-item').first()).toBeVisible();
    await snap(page, `visits-list-${label}`);
    await page.goto(`/kunjungan?view=month&d=${date}`);
    await expect(page.getByTestId('calendar-month')).toBeVisible();
    await snap(page, `visits-calendar-month-${label}`);
    // the week of an upcoming demo double booking of this officer, so the flags show
    const upcoming = await (
      await page.request.get(
        `/api/v1/visits?from=${jakartaToday()}&to=${addDays(jakartaToday(), 90)}&sort=date&pageSize=100`,
      )
    ).json();
    const busy: string =
      upcoming.items.find((v: { conflicts: { fullName: string }[] }) =>
        v.conflicts.some((c) => c.fullName.startsWith('Petugas Bidang Koperasi')),
      )?.date ?? date;
    await page.goto(`/kunjungan?view=week&d=${busy}`);
    await expect(page.getByTestId('calendar-week')).toBeVisible();
    await snap(page, `visits-calendar-week-${label}`);
    await page.goto('/kunjungan/baru');
    await pickCoop(page, COOP);
    await page.getByTestId('plan-date').fill(typed(busy));
    await page.getByTestId('plan-date').blur();
    await page.getByRole('checkbox', { name: 'Monitoring' }).check();
    await expect(page.getByTestId('plan-bookings')).toBeVisible();
    await snap(page, `visits-plan-form-${label}`);
    await page.goto('/program');
    await expect(page.getByTestId('program-target-row').first()).toBeVisible();
    await snap(page, `programs-${label}`);
    // the program editor as pimpinan
    await page.context().clearCookies();
    await signIn(page, 'pimpinan');
    await page.goto('/program');
    await page.getByTestId('program-edit').click();
    await expect(page.getByTestId('program-save')).toBeVisible();
    await snap(page, `programs-edit-${label}`, { fullPage: false });
    // what pimpinan sees: planned visits with the approve button
    await page.goto('/kunjungan?status=planned');
    await expect(page.getByTestId('approve-visit').first()).toBeVisible();
    await snap(page, `visits-list-pimpinan-${label}`, { fullPage: false });
  });
}

test("the cooperative's Kunjungan tab: staff plan from it; the koperasi user reads its own visits only", async ({
  page,
}) => {
  const DEWI = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
  await page.setViewportSize(MOBILE);
  await signIn(page, 'petugas.koperasi');
  await page.goto(`/koperasi/${DEWI}?tab=kunjungan`);
  const items = page.getByTestId('coop-visit-item');
  await expect(items.first()).toBeVisible();
  // newest first: the launch visit of 19 January 2025 is somewhere below the later ones (other
  // journeys of this shard plan visits to the same cooperative, so it may be on a later page)
  const list = page.getByTestId('coop-visits');
  const next = list.getByRole('button', { name: 'Halaman berikutnya' });
  for (
    let p = 2;
    p < 12 &&
    !((await list.textContent()) ?? '').includes('19 Januari 2025') &&
    (await next.count()) > 0 &&
    (await next.isEnabled());
    p++
  ) {
    await next.click();
    await expect(list).toContainText(`Halaman ${p} dari`);
    await page.waitForLoadState('networkidle');
  }
  await expect(list).toContainText('19 Januari 2025');
  await snap(page, 'visits-coop-tab-mobile');
  await page.getByTestId('coop-plan-visit').click();
  await expect(page).toHaveURL(new RegExp(`/kunjungan/baru\\?cooperativeId=${DEWI}`));
  await expect(page.getByRole('combobox', { name: 'Koperasi yang dikunjungi' })).toHaveValue(COOP);
  // the date of its RAT (fiscal year 2024, held on 19 January 2025): the visit is linked to it
  await page.getByTestId('plan-date').fill('19 Januari 2025');
  await page.getByTestId('plan-date').blur();
  await expect(page.getByTestId('rat-suggestion')).toContainText('RAT tahun buku 2024');
  await expect(page.getByTestId('plan-rat')).toHaveValue(/RAT tahun buku 2024/);
  await expect(page.getByRole('checkbox', { name: 'Menghadiri RAT' })).toBeChecked();
  // another day: the suggested link goes again
  await page.getByTestId('plan-date').fill('20 Januari 2025');
  await page.getByTestId('plan-date').blur();
  await expect(page.getByTestId('rat-suggestion')).toHaveCount(0);
  await expect(page.getByTestId('plan-rat')).toHaveValue('');
  await expect(page.getByRole('checkbox', { name: 'Menghadiri RAT' })).not.toBeChecked();

  await page.context().clearCookies();
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'dewirengganis');
  await page.goto(`/koperasi/${DEWI}?tab=kunjungan`);
  await expect(items.first()).toBeVisible();
  await expect(page.getByTestId('coop-plan-visit')).toHaveCount(0);
  await expect(page.getByTestId('approve-visit')).toHaveCount(0);
  await snap(page, 'visits-coop-tab-koperasi-desktop');
});

test('editing a plan someone else changed meanwhile: a clear message, reload, then save', async ({ page }) => {
  await signIn(page, 'petugas.koperasi');
  const me = (await (await page.request.get('/api/v1/auth/me')).json()).user;
  const created = await page.request.post('/api/v1/visits', {
    data: {
      cooperativeId: '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01',
      date: addDays(date, 2),
      purposes: ['MONITORING'],
      team: [{ userId: me.id, leader: true }],
    },
  });
  expect(created.status()).toBe(201);
  const v = await created.json();
  await page.goto(`/kunjungan/${v.id}/ubah`);
  await expect(page.getByRole('heading', { name: 'Ubah rencana kunjungan', level: 1 })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Monitoring' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Pengawasan' }).check();

  // a colleague changes the start time in the meantime
  expect(
    (await page.request.patch(`/api/v1/visits/${v.id}`, { data: { startTime: '10:00', version: v.version } })).status(),
  ).toBe(200);

  await page.getByTestId('plan-save').click();
  await expect(page.getByTestId('plan-conflict')).toContainText('sudah diubah orang lain');
  await page.getByTestId('plan-conflict').getByRole('button', { name: 'Muat ulang data terbaru' }).click();
  await expect(page.getByTestId('plan-start')).toHaveValue('10:00');
  await expect(page.getByRole('checkbox', { name: 'Pengawasan' })).not.toBeChecked();
  await page.getByRole('checkbox', { name: 'Pengawasan' }).check();
  await page.getByTestId('plan-save').click();
  await expect(page).toHaveURL(new RegExp(`/kunjungan/${v.id}$`));
  const saved = await (await page.request.get(`/api/v1/visits/${v.id}`)).json();
  expect(saved).toMatchObject({ startTime: '10:00', purposes: ['MONITORING', 'PENGAWASAN'], version: v.version + 2 });
});
