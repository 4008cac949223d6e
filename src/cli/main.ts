#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { openApp } from '../app/bootstrap.js';
import { SYSTEM_ACTOR } from '../app/context.js';
import { startScheduler } from '../app/notifications/scheduler.js';
import { DEMO_PASSWORD } from '../app/demo/demo-ids.js';
import { createUser, findUserByUsername, resetPassword, updateUser } from '../app/users/manage-users.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { BIDANG, type Bidang, ROLES, type Role } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { buildServer } from '../http/server.js';
import { backup } from '../app/backup.js';

const HELP = `sambang — Sistem Informasi Gerakan Sambang Koperasi

Perintah / commands:
  start                      jalankan server (migrasi otomatis)           run the server
  demo                       jalankan server dengan data demo              run with demo data
  migrate                    jalankan migrasi basis data saja              migrate only
  users create --username U --name "Nama" --role admin|pimpinan|petugas|koperasi
               [--bidang koperasi|usaha_mikro|perindustrian] [--cooperative ID] [--password P]
  users disable --username U | users enable --username U
  users reset-password --username U
  backup [--out FILE]        salin basis data SQLite dengan aman           consistent SQLite copy

Konfigurasi lewat variabel lingkungan / configuration via environment:
  PORT, HOST, DATABASE_URL (sqlite:PATH | postgres://…), SAMBANG_ADMIN_PASSWORD, SAMBANG_DEMO=1, SAMBANG_REGION`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  let config: Config;
  try {
    const env = { ...process.env };
    if (command === 'demo') {
      env.SAMBANG_DEMO = '1';
      env.SAMBANG_ADMIN_PASSWORD ??= DEMO_PASSWORD;
    }
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }

  switch (command) {
    case 'start':
    case 'demo':
      return serve(config);
    case 'migrate': {
      const { deps } = await openApp({ ...config, demo: false });
      await deps.db.close();
      console.log('Migrasi selesai / migrations done.');
      return 0;
    }
    case 'users':
      return users(config, rest);
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      const file = await backup(config, values.out);
      console.log(`Cadangan tersimpan / backup written: ${file}`);
      return 0;
    }
    default:
      console.error(`Perintah tidak dikenal / unknown command: ${command}\n\n${HELP}`);
      return 2;
  }
}

async function serve(config: Config): Promise<number> {
  const { deps, generatedAdminPassword, demoLoaded } = await openApp(config);
  const app = await buildServer(deps);
  if (generatedAdminPassword) {
    console.log('\n================================================================');
    console.log(' Akun admin dibuat. Kata sandi sementara (tampil sekali saja):');
    console.log(`   pengguna: admin    kata sandi: ${generatedAdminPassword}`);
    console.log(' Anda wajib menggantinya saat pertama masuk.');
    console.log(' Admin account created; temporary password shown once above.');
    console.log('================================================================\n');
  }
  if (demoLoaded)
    console.log(`Data demo dimuat / demo data loaded. Akun demo: lihat README (kata sandi ${DEMO_PASSWORD}).`);
  // Reminders, digests and e-mail (issue 14): one in-process scheduler per server.
  const stopScheduler = startScheduler(deps, { log: (msg, e) => app.log.error({ err: e }, msg) });
  const close = async () => {
    await stopScheduler();
    await app.close();
    await deps.db.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Sambang berjalan di http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${deps.db.dialect})`,
  );
  return -1; // keep running
}

async function users(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      bidang: { type: 'string' },
      cooperative: { type: 'string' },
      password: { type: 'string' },
    },
  });
  const { deps } = await openApp({ ...config, demo: false });
  try {
    if (!values.username) throw new AppError('VALIDATION', '--username wajib diisi.');
    if (sub === 'create') {
      if (!values.role || !ROLES.includes(values.role as Role))
        throw new AppError('VALIDATION', `--role harus salah satu dari: ${ROLES.join(', ')}.`);
      if (values.bidang && !BIDANG.includes(values.bidang as Bidang))
        throw new AppError('VALIDATION', `--bidang harus salah satu dari: ${BIDANG.join(', ')}.`);
      const { user, temporaryPassword } = await createUser(deps, SYSTEM_ACTOR, {
        username: values.username,
        fullName: values.name ?? values.username,
        role: values.role as Role,
        bidang: (values.bidang as Bidang | undefined) ?? null,
        cooperativeId: values.cooperative ?? null,
        ...(values.password ? { password: values.password } : {}),
      });
      console.log(`Pengguna ${user.username} (${user.role}) dibuat.`);
      if (temporaryPassword)
        console.log(`Kata sandi sementara: ${temporaryPassword} (wajib diganti saat pertama masuk)`);
      return 0;
    }
    const user = await findUserByUsername(deps, values.username);
    if (!user) throw new AppError('NOT_FOUND', `Pengguna ${values.username} tidak ditemukan.`);
    if (sub === 'disable' || sub === 'enable') {
      await updateUser(deps, SYSTEM_ACTOR, user.id, { disabled: sub === 'disable' });
      console.log(`Pengguna ${user.username} ${sub === 'disable' ? 'dinonaktifkan' : 'diaktifkan'}.`);
      return 0;
    }
    if (sub === 'reset-password') {
      const { temporaryPassword } = await resetPassword(deps, SYSTEM_ACTOR, user.id);
      console.log(`Kata sandi sementara ${user.username}: ${temporaryPassword} (wajib diganti saat pertama masuk)`);
      return 0;
    }
    throw new AppError('VALIDATION', `Sub-perintah users tidak dikenal: ${sub ?? ''}`);
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`Gagal: ${e.message}${e.fields ? ` ${JSON.stringify(e.fields)}` : ''}`);
      return 1;
    }
    throw e;
  } finally {
    await deps.db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
