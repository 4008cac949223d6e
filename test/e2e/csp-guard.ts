import { expect, type Page, test as base } from '@playwright/test';

/**
 * `test` that fails when the browser reports a Content-Security-Policy violation on any page of
 * the test's context (console message or `securitypolicyviolation` event). Specs that import it
 * prove the CSP of src/http/security-headers.ts lets the office app and field mode work.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (m) => {
          if (/Content Security Policy|Content-Security-Policy/i.test(m.text()))
            violations.push(`${page.url()}: ${m.text()}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await use();
      expect(violations, 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };
