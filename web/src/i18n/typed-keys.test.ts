import { describe, expect, it } from 'vitest';
import i18n from './index';
import './visits';

// Translation keys are typed (i18next.d.ts): `npm run typecheck` fails on a key that does not exist.
// The @ts-expect-error lines below keep that promise: if keys stopped being typed, the directive itself
// would become an error ("unused @ts-expect-error").
describe('typed translation keys', () => {
  it('knows the keys of the core and the lazily added bundles, and refuses made-up ones', () => {
    expect(i18n.t('nav.dashboard')).toBe('Dasbor');
    expect(i18n.t('app.subtitle', { office: 'Dinas Uji' })).toContain('Dinas Uji');
    // @ts-expect-error: a made-up key is a type error
    expect(i18n.t('nav.noSuchScreen')).toBe('nav.noSuchScreen');
  });
});
