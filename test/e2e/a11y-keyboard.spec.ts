import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DESKTOP } from './helpers';

/**
 * Issue #15: the everyday journey without a mouse. Only the keyboard moves between controls (Tab,
 * Enter, arrows, typing); each step checks where the focus is, so a control that cannot be reached,
 * a dialog that leaves the focus on its close button, or a lost skip link fails here.
 */

/** Presses Tab until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard only: log in, find a cooperative, record a concern', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  await page.goto('/masuk');
  await expect(page).toHaveTitle('Masuk · Sambang');

  // Log in: the fields are reachable in order and Enter submits.
  await tabTo(page, page.getByLabel('Nama pengguna'));
  await page.keyboard.type('petugas.koperasi');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kata sandi')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/koperasi$/);
  await expect(page).toHaveTitle('Daftar koperasi · Sambang');

  // The first Tab stop is the skip link; it lands past the header and menu.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke konten utama' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#konten')).toBeFocused();

  // Find the cooperative by name and open it from the results.
  await tabTo(page, page.getByRole('searchbox', { name: 'Cari' }));
  await page.keyboard.type('Dewi Rengganis');
  const link = page.getByRole('link', { name: 'Kopwan Dewi Rengganis' });
  await expect(link).toBeVisible();
  await expect(page.getByTestId('coop-item')).toHaveCount(1);
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('coop-name')).toHaveText('Kopwan Dewi Rengganis');
  await expect(page).toHaveTitle('Kopwan Dewi Rengganis · Koperasi · Sambang');

  // The tabs are one Tab stop (the selected one); the arrow keys move to Aspirasi.
  await tabTo(page, page.getByRole('tab', { selected: true }), 60);
  const tab = page.getByRole('tab', { name: /Aspirasi/ });
  for (let i = 0; i < 10 && !(await tab.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-selected', 'true');

  // Record a concern: the dialog puts the cursor in its first field, not on the close button.
  const add = page.getByTestId('tab-raise-concern');
  await tabTo(page, add, 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Permasalahan' })).toBeFocused();

  await tabTo(page, dialog.getByRole('combobox', { name: 'Topik' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Pemasaran' })).toBeVisible();
  for (const name of ['Permodalan', 'Pemasaran']) {
    if (await page.getByRole('option', { name }).getAttribute('data-combobox-selected')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Topik' })).toHaveValue(/Permodalan|Pemasaran/);

  const description = `Kas kecil belum dicatat harian (uji papan ketik ${Date.now()})`;
  await tabTo(page, dialog.getByRole('textbox', { name: /Uraian/ }));
  await page.keyboard.type(description);
  await tabTo(page, dialog.getByRole('textbox', { name: /Disampaikan oleh/ }));
  await page.keyboard.type('Bu Ketua');
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('coop-concerns')).toContainText(description.slice(0, 40));
});
