import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules in eslint.config.js hold: each forbidden import is an error where it is forbidden. */
const eslint = new ESLint();

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('the linter keeps the layers apart', () => {
  it.each([
    ['src/domain/x.ts', "import { connect } from '../db/connect.js';\nexport const x = connect;\n"],
    ['src/domain/rat/x.ts', "import { mutate } from '../../app/context.js';\nexport const x = mutate;\n"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/http/routes/x.ts', "import { connect } from '../../db/connect.js';\nexport const x = connect;\n"],
    ['src/http/routes/x.ts', "import { sql } from 'kysely';\nexport const x = sql;\n"],
    ['src/cli/x.ts', "import SQLite from 'better-sqlite3';\nexport const x = SQLite;\n"],
    ['src/contract/x.ts', "import { listVisits } from '../app/visits/list-visits.js';\nexport const x = listVisits;\n"],
    ['src/contract/x.ts', "import { errorHandler } from '../http/errors.js';\nexport const x = errorHandler;\n"],
    ['src/contract/x.ts', "import Fastify from 'fastify';\nexport const x = Fastify;\n"],
    ['src/domain/x.ts', "import { visitOut } from '../contract/visits.js';\nexport const x = visitOut;\n"],
    [
      'web/src/lib/x.ts',
      "import type { VisitOut } from '../../../src/contract/visits.js';\nexport type X = VisitOut;\n",
    ],
    [
      'web/src/pages/X.tsx',
      "import { listVisits } from '../../../src/app/visits/list-visits.js';\nexport const x = listVisits;\n",
    ],
  ])('refuses a forbidden import in %s', async (file, code) => {
    expect(await errors(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/app/x.ts', "import { connect } from '../db/connect.js';\nexport const x = connect;\n"],
    [
      'src/http/routes/x.ts',
      "import { listVisits } from '../../app/visits/list-visits.js';\nexport const x = listVisits;\n",
    ],
    [
      'web/src/pages/X.tsx',
      "import { VISIT_PURPOSES } from '@domain/visits/codes';\nexport const x = VISIT_PURPOSES;\n",
    ],
    ['web/src/lib/x.ts', "import type { VisitOut } from '@contract/visits';\nexport type X = VisitOut;\n"],
    [
      'src/contract/x.ts',
      "import { z } from 'zod';\nimport { ASPECTS } from '../domain/visits/codes.js';\nexport const x = z.enum(ASPECTS);\n",
    ],
    ['src/app/x.ts', "import type { JobOut } from '../contract/jobs.js';\nexport type X = JobOut;\n"],
  ])('allows the import the layers are for in %s', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });

  it('refuses an explicit any', async () => {
    expect(await errors('src/app/x.ts', 'export const f = (v: any) => v;\n')).toContain(
      '@typescript-eslint/no-explicit-any',
    );
  });

  describe('no role checks outside the policies', () => {
    it.each([
      ['src/app/jobs/x.ts', "export const f = (actor: { role: string }) => actor.role === 'admin';\n"],
      ['src/app/visits/x.ts', "export const f = (actor: { role: string }) => actor.role !== 'koperasi';\n"],
      ['src/http/routes/x.ts', "export const f = (me: { role: string }) => 'pimpinan' === me.role;\n"],
      ['src/app/x.ts', "export const f = (role: string) => role === 'petugas';\n"],
      [
        'src/app/x.ts',
        "const STAFF = ['admin', 'petugas'];\nexport const f = (actor: { role: string }) => STAFF.includes(actor.role);\n",
      ],
      [
        'src/app/x.ts',
        "export const f = (actor: { role: string }) => {\n  switch (actor.role) {\n    case 'admin': return 1;\n    default: return 0;\n  }\n};\n",
      ],
      ['src/domain/x.ts', "export const f = (u: { role: string }) => u.role === 'koperasi';\n"],
      ['src/app/x.ts', "export const f = (me?: { role: string }) => me?.role === 'admin';\n"],
      // The web app renders from `can` and `abilities`, never from the role (optional chains included).
      ['web/src/pages/X.tsx', "export const f = (me: { role: string }) => me.role === 'admin';\n"],
      ['web/src/features/visits/X.tsx', "export const f = (me?: { role: string }) => me?.role !== 'koperasi';\n"],
      ['web/src/components/AppLayout.tsx', "export const f = (me?: { role: string }) => 'pimpinan' === me?.role;\n"],
      [
        'web/src/lib/x.ts',
        "const LEADERS = ['admin', 'pimpinan'];\nexport const f = (me?: { role: string }) => LEADERS.includes(me?.role);\n",
      ],
      [
        'web/src/lib/x.ts',
        "const LEADERS = ['admin', 'pimpinan'];\nexport const f = (me: { role: string }) => LEADERS.includes(me.role);\n",
      ],
    ])('refuses a role check in %s', async (file, code) => {
      expect(await errors(file, code)).toContain('no-restricted-syntax');
    });

    it.each([
      ['src/app/policy/x.ts', "export const f = (actor: { role: string }) => actor.role === 'admin';\n"],
      // An officer's role in the cooperative's board, or a division named like a role, is no user role.
      ['src/reports/x.ts', "export const f = (o: { role: string }) => o.role === 'KETUA';\n"],
      ['src/app/x.ts', "export const f = (u: { bidang: string }) => u.bidang === 'koperasi';\n"],
      // Abilities are what the web app reads instead.
      ['web/src/pages/X.tsx', 'export const f = (me: { abilities: { office: boolean } }) => me.abilities.office;\n'],
    ])('allows %s', async (file, code) => {
      expect(await errors(file, code)).not.toContain('no-restricted-syntax');
    });
  });

  describe('no circular imports in src/', () => {
    // The demo seeders used to import each other; the shared ids now live in demo-ids.ts.
    const seedVisits = readFileSync('src/app/demo/seed-visits.ts', 'utf8');

    it('refuses an import that closes a cycle (seed-visits importing seed-demo, which imports seed-visits)', async () => {
      const cyclic = seedVisits.replace("from './demo-ids.js';", "from './seed-demo.js';");
      expect(cyclic).not.toBe(seedVisits);
      expect(await errors('src/app/demo/seed-visits.ts', cyclic)).toContain('import-x/no-cycle');
    });

    it('allows the same module importing its shared ids from a leaf', async () => {
      expect(await errors('src/app/demo/seed-visits.ts', seedVisits)).not.toContain('import-x/no-cycle');
    });

    it('refuses a cycle through a longer chain (policy → use case → policy)', async () => {
      const code = "import { listVisits } from '../visits/list-visits.js';\nexport const x = listVisits;\n";
      expect(
        await errors('src/app/policy/index.ts', `${readFileSync('src/app/policy/index.ts', 'utf8')}\n${code}`),
      ).toContain('import-x/no-cycle');
    });
  });
});
