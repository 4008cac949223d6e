import { z } from 'zod';
import { BIDANG, ROLES } from '../domain/codes.js';
import { auditEventOut, isoDate, page, pageOf, pageSize, userOut, uuidParam } from './common.js';

/** Requests of the user accounts and the audit log; the user itself is `userOut` in ./common.ts. */

/** NIP (its structure is checked in the use case), pangkat/golongan and jabatan of an officer. */
const officerIdentity = {
  nip: z.union([z.string().max(30), z.null()]).optional(),
  rank: z.union([z.string().trim().max(80), z.null()]).optional(),
  position: z.union([z.string().trim().max(120), z.null()]).optional(),
};
const account = {
  bidang: z.union([z.enum(BIDANG), z.null()]).optional(),
  cooperativeId: z.union([uuidParam, z.null()]).optional(),
  email: z.union([z.string().max(200), z.null()]).optional(),
  ...officerIdentity,
};

export const userListQuery = z.strictObject({
  search: z.string().max(100).optional(),
  role: z.enum(ROLES).optional(),
  page,
  pageSize,
});
export const createUserBody = z.strictObject({
  username: z.string().trim().min(3).max(32),
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(ROLES),
  password: z.string().min(8, 'Kata sandi minimal 8 karakter.').max(200).optional(),
  ...account,
});
export const updateUserBody = z
  .strictObject({
    fullName: z.string().trim().min(2).max(120).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    ...account,
  })
  .refine((b) => Object.keys(b).length > 0, 'Tidak ada kolom yang diubah.');
export const createdUserOut = z.object({ user: userOut, temporaryPassword: z.string().optional() });
export const userWrappedOut = z.object({ user: userOut });
export const passwordResetOut = z.object({ user: userOut, temporaryPassword: z.string() });

/** Filters of the audit log; exports take the same without paging. */
export const auditListQuery = z.strictObject({
  action: z.string().max(60).optional(),
  entityType: z.string().max(60).optional(),
  actorId: uuidParam.optional(),
  cooperativeId: uuidParam.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page,
  pageSize,
});
export const auditExportQuery = auditListQuery.omit({ page: true, pageSize: true });
export const auditPageOut = pageOf(auditEventOut);
