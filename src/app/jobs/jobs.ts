import { randomUUID } from 'node:crypto';
import { AppError, forbidden, notFound } from '../../domain/errors.js';
import type { JobOut } from '../../contract/jobs.js';
import type { Actor } from '../context.js';
import { jobPolicy } from '../policy/index.js';

/**
 * Background jobs for long imports and exports: the request returns at once with a job id and the
 * browser polls its progress. Jobs live in this process's memory (a restart forgets them; their
 * effects are in the database, all or nothing); finished ones are kept for an hour.
 *
 * An export job also keeps the file it produced (the whole buffer, in memory) until it is swept;
 * only its owner or an admin may download it. A restart loses running jobs and their files.
 */
/** A job as the API shows it: the contract's job (src/contract/jobs.ts). */
export type JobView = JobOut;

/** The file an export job produced, held in memory until the job is swept. */
export interface JobFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

interface Job extends JobView {
  ownerId: string | null;
  /** The owner's office: an admin of another office does not see the job nor its file. */
  officeId: string | null;
  file: JobFile | null;
}

const jobs = new Map<string, Job>();
const KEEP_MS = 60 * 60 * 1000;

export function startJob<T extends JobOut['result']>(
  actor: Actor,
  kind: string,
  total: number,
  work: (progress: (processed: number) => void) => Promise<T>,
): JobView {
  sweep();
  const job: Job = {
    id: randomUUID(),
    kind,
    status: 'running',
    processed: 0,
    total,
    result: null,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    ownerId: actor.userId,
    officeId: actor.officeId,
    file: null,
  };
  jobs.set(job.id, job);
  // Started on the next tick so the request that created it answers first.
  setImmediate(() => {
    work((n) => {
      job.processed = Math.min(n, job.total);
    })
      .then((result) => {
        job.status = 'done';
        job.processed = job.total;
        job.result = result;
      })
      .catch((e: unknown) => {
        job.status = 'failed';
        job.error =
          e instanceof AppError
            ? { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) }
            : { code: 'INTERNAL', message: 'Proses gagal karena kesalahan server; tidak ada data yang disimpan.' };
      })
      .finally(() => {
        job.finishedAt = new Date().toISOString();
      });
  });
  return view(job);
}

export function getJob(actor: Actor, id: string): JobView {
  const job = jobs.get(id);
  if (!job) throw notFound('Proses');
  if (!jobPolicy.sees(actor, job)) throw notFound('Proses');
  if (!jobPolicy.read(actor, job)) throw forbidden('Proses ini milik pengguna lain.');
  return view(job);
}

/**
 * A job that produces a file (long exports): the work returns the file, which the owner downloads
 * with `jobFile`; the job's public result is `{filename, size, rows}`.
 */
export function startFileJob(
  actor: Actor,
  kind: string,
  total: number,
  work: (progress: (processed: number) => void) => Promise<JobFile>,
): JobView {
  let id = '';
  const view = startJob(actor, kind, total, async (progress) => {
    const file = await work(progress);
    const job = jobs.get(id);
    if (job) job.file = file;
    return { filename: file.filename, size: file.data.length, rows: total };
  });
  id = view.id;
  return view;
}

/** The file of a finished export job: its owner or an admin only. */
export function jobFile(actor: Actor, id: string): JobFile {
  const job = jobs.get(id);
  if (!job) throw notFound('Proses');
  if (!jobPolicy.sees(actor, job)) throw notFound('Proses');
  if (!jobPolicy.read(actor, job)) throw forbidden('Berkas ini milik pengguna lain.');
  if (job.status === 'running')
    throw new AppError('CONFLICT', 'Berkas belum selesai dibuat. Tunggu hingga proses selesai.');
  if (!job.file) throw notFound('Berkas hasil proses');
  return job.file;
}

/** Waits for a job to finish (tests and the CLI). */
export async function waitForJob(id: string, timeoutMs = 60_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = jobs.get(id);
    if (!job) throw notFound('Proses');
    if (job.status !== 'running') return view(job);
    if (Date.now() > until) throw new Error(`job ${id} still running`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function view(j: Job): JobView {
  const { ownerId: _o, officeId: _office, file: _f, ...rest } = j;
  return { ...rest };
}

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - Date.parse(j.finishedAt) > KEEP_MS) jobs.delete(id);
}
