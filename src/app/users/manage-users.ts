import { randomUUID } from 'node:crypto';
import { forgetFailures } from '../auth/login-guard.js';
import type { Bidang, Role } from '../../domain/codes.js';
import { diff } from '../../domain/cooperative.js';
import { checkNip } from '../../domain/documents/nip.js';
import { AppError, invalid, notFound } from '../../domain/errors.js';
import { checkPasswordStrength, generatePassword, hashPassword } from '../auth/passwords.js';
import { type Actor, type AppDeps, mutate, type Tx } from '../context.js';
import type { Page } from '../cooperatives/list-cooperatives.js';
import { containsPattern } from '../cooperatives/list-cooperatives.js';
import { normaliseEmail } from '../notifications/settings.js';
import { authorize, guardManage, managesOffice, officeFilter, userPolicy } from '../policy/index.js';
import { officeOfActor, officeOfCooperative } from '../offices/ownership.js';
import type { UserOut } from '../../contract/common.js';

/** A user account as the API answers it (src/contract/common.ts). */
export type User = UserOut;

export interface OfficerIdentity {
  nip?: string | null;
  rank?: string | null;
  position?: string | null;
}

/** NIP is stored as its 18 digits once its structure checks out; empty strings clear a field. */
function identityColumns(input: OfficerIdentity): {
  nip?: string | null;
  rank?: string | null;
  position?: string | null;
} {
  const out: { nip?: string | null; rank?: string | null; position?: string | null } = {};
  if (input.nip !== undefined) {
    const raw = input.nip?.trim() ?? '';
    if (raw === '') out.nip = null;
    else {
      const c = checkNip(raw);
      if (!c.ok) throw invalid({ nip: c.message });
      out.nip = c.nip;
    }
  }
  if (input.rank !== undefined) out.rank = input.rank?.trim() || null;
  if (input.position !== undefined) out.position = input.position?.trim() || null;
  return out;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** An admin manages the accounts of their own office (reach.ts); another office's account is not found. */
async function managedUser(db: Tx, actor: Actor, id: string): Promise<User> {
  const r = await db.selectFrom('users').select('office_id').where('id', '=', id).executeTakeFirst();
  if (!r || !managesOffice(actor, r.office_id)) throw notFound('Pengguna');
  return loadUser(db, id);
}

async function loadUser(db: Tx, id: string): Promise<User> {
  const r = await db
    .selectFrom('users as u')
    .leftJoin('cooperatives as c', 'c.id', 'u.cooperative_id')
    .selectAll('u')
    .select('c.name as cooperative_name')
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Pengguna');
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    role: r.role as Role,
    bidang: r.bidang as Bidang | null,
    cooperative: r.cooperative_id ? { id: r.cooperative_id, name: r.cooperative_name ?? '' } : null,
    email: r.email ?? null,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    nip: r.nip,
    rank: r.rank,
    position: r.position,
  };
}

export async function listUsers(
  deps: AppDeps,
  actor: Actor,
  q: { search?: string; role?: Role; page: number; pageSize: number },
): Promise<Page<User>> {
  authorize(userPolicy.manage, actor, null, 'Pengelolaan pengguna hanya untuk admin.');
  let base = deps.db.kysely.selectFrom('users as u');
  const own = officeFilter(actor, 'u.office_id', 'manages');
  if (own) base = base.where(own);
  const term = q.search?.trim();
  if (term) {
    const p = containsPattern(term);
    base = base.where((eb) =>
      eb.or([eb(eb.fn('lower', ['u.username']), 'like', p), eb(eb.fn('lower', ['u.full_name']), 'like', p)]),
    );
  }
  if (q.role) base = base.where('u.role', '=', q.role);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await base
    .select('u.id')
    .orderBy('u.username')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items = [];
  for (const { id } of ids) items.push(await loadUser(deps.db.kysely, id));
  return { items, total: Number(n), page: q.page, pageSize: q.pageSize };
}

interface Assignment {
  role: Role;
  bidang: Bidang | null;
  cooperativeId: string | null;
}

/** A petugas belongs to one bidang; a koperasi user to exactly one cooperative; nobody else to either. */
async function checkAssignment(db: Tx, a: Assignment): Promise<void> {
  const fields: Record<string, string> = {};
  const needsBidang = userPolicy.needsBidang(a.role);
  const needsCooperative = userPolicy.needsCooperative(a.role);
  if (needsBidang && !a.bidang) fields.bidang = 'Petugas wajib memiliki bidang.';
  if (!needsBidang && a.bidang) fields.bidang = 'Bidang hanya untuk peran petugas.';
  if (needsCooperative && !a.cooperativeId)
    fields.cooperativeId = 'Pengguna koperasi wajib dikaitkan dengan satu koperasi.';
  if (!needsCooperative && a.cooperativeId) fields.cooperativeId = 'Koperasi hanya untuk peran pengguna koperasi.';
  if (a.cooperativeId && !fields.cooperativeId) {
    const c = await db
      .selectFrom('cooperatives')
      .select(['id', 'status'])
      .where('id', '=', a.cooperativeId)
      .executeTakeFirst();
    if (!c) fields.cooperativeId = 'Koperasi tidak ditemukan.';
  }
  if (Object.keys(fields).length) throw invalid(fields);
}

export async function createUser(
  deps: AppDeps,
  actor: Actor,
  input: {
    username: string;
    fullName: string;
    role: Role;
    bidang?: Bidang | null;
    cooperativeId?: string | null;
    password?: string;
    email?: string | null;
  } & OfficerIdentity,
): Promise<{ user: User; temporaryPassword?: string }> {
  authorize(userPolicy.manage, actor, null, 'Pengelolaan pengguna hanya untuk admin.');
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw invalid({
      username: 'Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.',
    });
  }
  const email = normaliseEmail(input.email) ?? null;
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  if (!generated) checkPasswordStrength(password, username, 'password');
  const assignment = { role: input.role, bidang: input.bidang ?? null, cooperativeId: input.cooperativeId ?? null };
  const identity = identityColumns(input);
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const user = await mutate(deps, actor, async (trx, audit) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', 'Nama pengguna sudah dipakai.', { username: 'Nama pengguna sudah dipakai.' });
    // An admin gives accounts only for the cooperatives their office manages.
    if (assignment.cooperativeId) await guardManage(trx, actor, assignment.cooperativeId);
    await checkAssignment(trx, assignment);
    const at = deps.now().toISOString();
    // A cooperative's user belongs to its cooperative's office; staff to the office of whoever creates them.
    const officeId = assignment.cooperativeId
      ? await officeOfCooperative(trx, assignment.cooperativeId)
      : await officeOfActor(trx, actor.userId);
    await trx
      .insertInto('users')
      .values({
        id,
        office_id: officeId,
        username,
        full_name: input.fullName.trim(),
        role: assignment.role,
        bidang: assignment.bidang,
        cooperative_id: assignment.cooperativeId,
        password_hash: passwordHash,
        must_change_password: generated ? 1 : 0,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        created_at: at,
        updated_at: at,
        email,
        ...identity,
      })
      .execute();
    await audit({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      cooperativeId: assignment.cooperativeId,
      changes: diff(null, {
        username,
        fullName: input.fullName.trim(),
        ...assignment,
        ...(email ? { email } : {}),
        ...identity,
      }),
    });
    return loadUser(trx, id);
  });
  return generated ? { user, temporaryPassword: password } : { user };
}

export async function updateUser(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: {
    fullName?: string;
    role?: Role;
    bidang?: Bidang | null;
    cooperativeId?: string | null;
    disabled?: boolean;
    email?: string | null;
  } & OfficerIdentity,
): Promise<User> {
  authorize(userPolicy.manage, actor, null, 'Pengelolaan pengguna hanya untuk admin.');
  const email = normaliseEmail(patch.email);
  return mutate(deps, actor, async (trx, audit) => {
    const current = await managedUser(trx, actor, id);
    if (patch.cooperativeId) await guardManage(trx, actor, patch.cooperativeId);
    if (id === actor.userId && (patch.disabled === true || userPolicy.isDemotion(patch.role))) {
      throw new AppError('CONFLICT', 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.');
    }
    const role = patch.role ?? current.role;
    // Changing the role clears what belonged to the old one unless the patch sets it again.
    const roleChanged = role !== current.role;
    const next: Assignment = {
      role,
      bidang: patch.bidang !== undefined ? patch.bidang : roleChanged ? null : current.bidang,
      cooperativeId:
        patch.cooperativeId !== undefined
          ? patch.cooperativeId
          : roleChanged
            ? null
            : (current.cooperative?.id ?? null),
    };
    await checkAssignment(trx, next);
    const identity = identityColumns(patch);
    const after = {
      fullName: patch.fullName?.trim() ?? current.fullName,
      ...next,
      disabled: patch.disabled ?? current.disabled,
      email: email === undefined ? current.email : email,
    };
    const changes = diff(
      {
        fullName: current.fullName,
        role: current.role,
        bidang: current.bidang,
        cooperativeId: current.cooperative?.id ?? null,
        disabled: current.disabled,
        email: current.email,
        nip: current.nip,
        rank: current.rank,
        position: current.position,
      },
      { ...after, ...identity },
    );
    if (Object.keys(changes).length === 0) return current;
    await trx
      .updateTable('users')
      .set({
        full_name: after.fullName,
        role: after.role,
        bidang: after.bidang,
        cooperative_id: after.cooperativeId,
        disabled: after.disabled ? 1 : 0,
        email: after.email,
        updated_at: deps.now().toISOString(),
        ...identity,
      })
      .where('id', '=', id)
      .execute();
    // A disabled account or one whose powers changed starts over with a fresh login.
    if (after.disabled || roleChanged) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await audit({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      cooperativeId: after.cooperativeId,
      changes: { username: { before: current.username, after: current.username }, ...changes },
    });
    return loadUser(trx, id);
  });
}

export async function resetPassword(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<{ user: User; temporaryPassword: string }> {
  authorize(userPolicy.manage, actor, null, 'Pengelolaan pengguna hanya untuk admin.');
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await mutate(deps, actor, async (trx, audit) => {
    const current = await managedUser(trx, actor, id);
    await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: 1,
        failed_logins: 0,
        locked_until: null,
        updated_at: deps.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await forgetFailures(trx, current.username);
    await audit({
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      cooperativeId: current.cooperative?.id ?? null,
      changes: {
        username: { before: current.username, after: current.username },
        password: { before: '•••', after: 'diatur ulang' },
      },
    });
    return loadUser(trx, id);
  });
  return { user, temporaryPassword };
}

export async function findUserByUsername(deps: AppDeps, username: string): Promise<User | null> {
  const row = await deps.db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row ? loadUser(deps.db.kysely, row.id) : null;
}
