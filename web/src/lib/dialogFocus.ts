/**
 * Dialogs put the cursor in their first field (issue #15). Mantine's focus trap focuses the first
 * tabbable element of a dialog, its close button (and may do so twice while the dialog opens). While a
 * dialog is opening (its first 800 ms), focus landing on its header moves on to its first field; later,
 * a user tabbing back to the close button keeps it. A dialog that marks a field with data-autofocus
 * keeps its choice, since the trap focuses that one instead of the close button.
 */
const openedAt = new WeakMap<Element, number>();

export function installDialogFocus(): void {
  document.addEventListener('focusin', (e) => {
    const target = e.target as HTMLElement | null;
    const dialog = target?.closest?.('section[role="dialog"]');
    if (!target || !dialog) return;
    const now = Date.now();
    const first = openedAt.get(dialog) ?? now;
    openedAt.set(dialog, first);
    if (now - first > 800 || !target.closest('header')) return;
    const fields = dialog.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])',
    );
    [...fields].find((f) => !f.closest('header'))?.focus();
  });
}
