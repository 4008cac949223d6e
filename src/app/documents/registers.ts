import { randomUUID } from 'node:crypto';
import { KIND_CODE } from '../../domain/documents/codes.js';
import { formatLetterNumber, patternProblem } from '../../domain/documents/letter-number.js';
import { invalid } from '../../domain/errors.js';
import { type Actor, type AppDeps, mutate, todayJakarta } from '../context.js';
import { currentOffice, officePolicy } from '../offices/offices.js';
import { authorize } from '../policy/index.js';

/** A register (buku agenda) of one document kind: its pattern, an example and the last number given this year. */
export interface LetterRegister {
  kind: string;
  name: string;
  pattern: string;
  example: string;
  lastNumberThisYear: number;
}

export async function listRegisters(deps: AppDeps, actor: Actor): Promise<LetterRegister[]> {
  authorize(officePolicy.read, actor, null);
  const db = deps.db.kysely;
  const office = await currentOffice(db, actor.officeId);
  const today = todayJakarta(deps);
  const year = Number(today.slice(0, 4));
  const rows = await db
    .selectFrom('letter_registers as r')
    .leftJoin('letter_counters as k', (j) => j.onRef('k.register_id', '=', 'r.id').on('k.year', '=', year))
    .select(['r.kind', 'r.name', 'r.pattern', 'k.last_seq'])
    .where('r.office_id', '=', office.id)
    .orderBy('r.created_at')
    .orderBy('r.kind')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    name: r.name,
    pattern: r.pattern,
    example: formatLetterNumber(r.pattern, {
      seq: Number(r.last_seq ?? 0) + 1,
      year,
      month: Number(today.slice(5, 7)),
    }),
    lastNumberThisYear: Number(r.last_seq ?? 0),
  }));
}

/** Sets the name and pattern of a kind's register, adding the kind when it is new. Numbers already given stay. */
export async function setRegister(
  deps: AppDeps,
  actor: Actor,
  kind: string,
  input: { name: string; pattern: string },
): Promise<LetterRegister> {
  authorize(officePolicy.manage, actor, null, 'Hanya admin yang dapat mengatur buku register.');
  const fields: Record<string, string> = {};
  if (!KIND_CODE.test(kind))
    fields.kind = 'Kode jenis dokumen: huruf besar, angka atau garis bawah, 2–30 karakter, diawali huruf.';
  const problem = patternProblem(input.pattern);
  if (problem) fields.pattern = problem;
  if (input.name.trim().length < 3) fields.name = 'Nama jenis dokumen minimal 3 karakter.';
  if (Object.keys(fields).length) throw invalid(fields);
  await mutate(deps, actor, async (trx, audit) => {
    const office = await currentOffice(trx, actor.officeId);
    const at = deps.now().toISOString();
    const current = await trx
      .selectFrom('letter_registers')
      .selectAll()
      .where('office_id', '=', office.id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (current) {
      await trx
        .updateTable('letter_registers')
        .set({ name: input.name.trim(), pattern: input.pattern.trim(), updated_at: at })
        .where('id', '=', current.id)
        .execute();
    } else {
      await trx
        .insertInto('letter_registers')
        .values({
          id: randomUUID(),
          office_id: office.id,
          kind,
          name: input.name.trim(),
          pattern: input.pattern.trim(),
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    await audit({
      action: 'letter_register.set',
      entityType: 'letter_register',
      entityId: current?.id ?? kind,
      cooperativeId: null,
      changes: {
        kind: { before: current?.kind ?? null, after: kind },
        name: { before: current?.name ?? null, after: input.name.trim() },
        pattern: { before: current?.pattern ?? null, after: input.pattern.trim() },
      },
    });
  });
  return (await listRegisters(deps, actor)).find((r) => r.kind === kind)!;
}
