// The house rules that hold themselves (ARCHITECTURE.md, "Rules of the house"):
// - src/domain is pure: it imports nothing from the rest of the project, and no I/O modules;
// - src/http never reaches the database (only src/app touches src/db);
// - src/contract (the API's zod schemas) imports only zod and the domain;
// - the web app imports only its own code, the pure domain and the contract (through the @domain and @contract aliases);
// - no circular imports in src/ (import-x/no-cycle);
// - no explicit `any`;
// - no role checks outside the policies (src/app/policy/**): a role compared with a role name, a role
//   looked up in a list, or a switch on a role is an error anywhere else in src/, and in web/src (which
//   renders from the `can` and `abilities` the API returns).
// Syntax-only linting (no type information) keeps `npm run lint` fast on two cores.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ROLE_NAME = '/^(admin|pimpinan|petugas|koperasi|system)$/';
const ROLE_REF = ':matches([property.name=/role$/i], [name=/role$/i])';
const ROLE_CHECK_MESSAGE =
  'Role checks live in the policies (src/app/policy/): ask a rule, a predicate or the scope there instead.';
const roleChecks = [
  // `x.role`, `role` and the optional chain `x?.role` (a ChainExpression around the member).
  `BinaryExpression[operator=/^[!=]=/]:matches([left.property.name=/role$/i], [left.expression.property.name=/role$/i], [left.name=/role$/i])[right.value=${ROLE_NAME}]`,
  `BinaryExpression[operator=/^[!=]=/]:matches([right.property.name=/role$/i], [right.expression.property.name=/role$/i], [right.name=/role$/i])[left.value=${ROLE_NAME}]`,
  `CallExpression[callee.property.name='includes'] > ${ROLE_REF.replace(':matches', 'MemberExpression:matches')}.arguments`,
  `CallExpression[callee.property.name='includes'] > Identifier.arguments[name=/role$/i]`,
  `CallExpression[callee.property.name='includes'] > ChainExpression.arguments[expression.property.name=/role$/i]`,
  `SwitchStatement > ${ROLE_REF.replace(':matches', 'MemberExpression:matches')}.discriminant`,
  `SwitchStatement > Identifier.discriminant[name=/role$/i]`,
].map((selector) => ({ selector, message: ROLE_CHECK_MESSAGE }));

const WEB_ROLE_CHECK_MESSAGE =
  "The web app does not decide by role: render from the record's `can` or the user's `abilities` (GET /auth/me).";
/** Web files that still compare roles (issue 10): remove each from this list once converted. */

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**', 'web/dev-dist/**', '**/*.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // TypeScript checks these better than a syntax-only linter.
      'no-undef': 'off',
      'no-redeclare': 'off',
      // `let x = fallback; try { x = … } catch { x = fallback }` is a readable idiom here.
      'no-useless-assignment': 'off',
      'preserve-caught-error': 'off',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // No circular imports in the server code: an import that closes a cycle is an error (type-only
    // imports are erased at run time and do not count). Proved by test/unit/lint-rules.test.ts.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/app/policy/**'],
    rules: { 'no-restricted-syntax': ['error', ...roleChecks] },
  },
  {
    // The web app renders from the abilities the API gives (`can` on records, `abilities` on GET
    // /auth/me), never from the role.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...roleChecks.map((c) => ({ ...c, message: WEB_ROLE_CHECK_MESSAGE }))] },
  },
  layer(
    ['src/domain/**/*.ts'],
    [
      {
        group: [
          '**/app/**',
          '**/db/**',
          '**/http/**',
          '**/reports/**',
          '**/cli/**',
          '**/config*',
          '**/contract/**',
          'zod',
        ],
        message: 'src/domain is pure: it imports nothing from the other layers.',
      },
      {
        group: [
          'node:fs',
          'node:fs/*',
          'node:net',
          'node:http',
          'node:child_process',
          'fs',
          'pg',
          'better-sqlite3',
          'kysely',
          'fastify',
        ],
        message: 'src/domain does no I/O.',
      },
    ],
  ),
  layer(
    ['src/contract/**/*.ts'],
    [
      {
        group: ['**/app/**', '**/db/**', '**/http/**', '**/reports/**', '**/cli/**', '**/config*', '**/web/**'],
        message: 'src/contract imports only zod and src/domain.',
      },
      {
        group: ['node:*', 'fs', 'pg', 'better-sqlite3', 'kysely', 'fastify', 'fastify-*', '@fastify/*'],
        message: 'src/contract imports only zod and src/domain.',
      },
    ],
  ),
  layer(
    ['src/http/**/*.ts'],
    [
      {
        group: ['**/db/**', 'kysely', 'pg', 'better-sqlite3'],
        message: 'src/http never touches the database: call a use case in src/app.',
      },
    ],
  ),
  layer(
    ['src/reports/**/*.ts', 'src/cli/**/*.ts'],
    [
      {
        group: ['**/db/**', 'kysely', 'pg', 'better-sqlite3'],
        message: 'Reports and the CLI call src/app, never the database directly.',
      },
    ],
  ),
  layer(
    ['web/src/**/*.{ts,tsx}'],
    [
      {
        group: [
          '**/src/app/**',
          '**/src/db/**',
          '**/src/http/**',
          '**/src/reports/**',
          '**/src/cli/**',
          '**/src/config*',
        ],
        message: 'The web app imports only its own code, the pure domain (@domain/…) and the contract (@contract/…).',
      },
      {
        group: ['**/src/domain/**', '**/src/contract/**'],
        message: 'Import the domain and the contract through their aliases: @domain/…, @contract/….',
      },
    ],
  ),
);
