import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sambang-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${db}`,
      SAMBANG_LOG_LEVEL: 'silent',
      SAMBANG_ADMIN_PASSWORD: 'admin-cli-123',
      ...env,
    },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

// Each call starts a fresh Node process with tsx; on a loaded 2-core machine that takes seconds.
describe('the sambang command', { timeout: 120_000 }, () => {
  it('refuses bad configuration with a bilingual message and exit code 2', () => {
    const r = cli(['migrate'], { PORT: 'lima', DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Konfigurasi tidak valid \/ invalid configuration/);
    expect(r.out).toMatch(/PORT harus berupa angka/);
    expect(r.out).toMatch(/DATABASE_URL harus/);
  });

  it('creates, disables and resets users', () => {
    expect(cli(['migrate']).code).toBe(0);
    const created = cli([
      'users',
      'create',
      '--username',
      'petugas.tiris',
      '--name',
      'Petugas Tiris',
      '--role',
      'petugas',
      '--bidang',
      'koperasi',
    ]);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Kata sandi sementara: [A-Za-z0-9]{12}/);
    const bad = cli(['users', 'create', '--username', 'x.y', '--role', 'petugas']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/Petugas wajib memiliki bidang/);
    expect(cli(['users', 'disable', '--username', 'petugas.tiris']).code).toBe(0);
    expect(cli(['users', 'reset-password', '--username', 'petugas.tiris']).out).toMatch(/wajib diganti/);
    const sqlite = new SQLite(db, { readonly: true });
    const row = sqlite
      .prepare('select disabled, must_change_password from users where username = ?')
      .get('petugas.tiris');
    const audit = sqlite.prepare("select count(*) as n from audit_events where action like 'user.%'").get() as {
      n: number;
    };
    sqlite.close();
    expect(row).toEqual({ disabled: 1, must_change_password: 1 });
    expect(audit.n).toBeGreaterThanOrEqual(4);
  });

  it('backs up the SQLite database to a file that opens', () => {
    const out = join(dir, 'copy.db');
    const r = cli(['backup', '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const copy = new SQLite(out, { readonly: true });
    expect((copy.prepare('select count(*) as n from users').get() as { n: number }).n).toBeGreaterThanOrEqual(2);
    copy.close();
  });

  it('prints a generated admin password once on a first start without SAMBANG_ADMIN_PASSWORD', async () => {
    const fresh = join(dir, 'fresh.db');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${fresh}`,
      PORT: '0',
      HOST: '127.0.0.1',
      SAMBANG_LOG_LEVEL: 'silent',
    };
    delete env.SAMBANG_ADMIN_PASSWORD;
    const output = async () => {
      const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { env });
      let text = '';
      child.stdout?.on('data', (d) => {
        text += d;
      });
      child.stderr?.on('data', (d) => {
        text += d;
      });
      // A first start also loads every region of the country (issue 11: under 15 s); a loaded machine adds its own seconds.
      for (let i = 0; i < 300 && !/Sambang berjalan/.test(text); i++) await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      return text;
    };
    const first = await output();
    expect(first).toMatch(/kata sandi: [A-Za-z0-9]{12}/);
    expect(first).toMatch(/wajib menggantinya/);
    const second = await output();
    expect(second).toMatch(/Sambang berjalan/);
    expect(second).not.toMatch(/kata sandi:/);
  });
});
