import { z } from 'zod';
import { UNIT_SECTORS } from '../domain/codes.js';
import { NEED_KINDS, NEED_STATUSES, PROPOSAL_STATUSES } from '../domain/visits/codes.js';
import { unitDevelopmentCanOut } from './abilities.js';
import { isoDate, uuidParam } from './common.js';
import { clientId, developmentOut, needAmount, nullableText, text, version } from './visits.js';

/** Business-unit development: needs, mentoring and proposals of new units; the records are in ./visits.ts. */

const visitId = z.union([uuidParam, z.null()]).optional();

/** A cooperative's units with their needs and mentoring, its proposals, and what the reader may do. */
export const unitDevelopmentOut = developmentOut.extend({ can: unitDevelopmentCanOut });
export const addNeedBody = z.strictObject({
  id: clientId,
  kind: z.enum(NEED_KINDS),
  description: text(3, 2000, 'Uraian minimal 3 karakter.'),
  amount: needAmount.default(null),
  visitId,
});
export const updateNeedBody = z
  .strictObject({
    kind: z.enum(NEED_KINDS).optional(),
    description: text(3, 2000, 'Uraian minimal 3 karakter.').optional(),
    amount: needAmount.optional(),
    status: z.enum(NEED_STATUSES).optional(),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');
export const recordMentoringBody = z.strictObject({
  id: clientId,
  heldOn: isoDate,
  mentorId: z
    .union([uuidParam, z.null()])
    .optional()
    .describe('Bawaan: petugas yang mencatat, bila dari Bidang Usaha Mikro atau Perindustrian'),
  topic: text(3, 300, 'Topik minimal 3 karakter.'),
  notes: nullableText(4000),
  visitId,
});
export const proposeUnitBody = z.strictObject({
  id: clientId,
  name: text(3, 150, 'Nama usulan minimal 3 karakter.'),
  sector: z.enum(UNIT_SECTORS),
  description: nullableText(2000),
  visitId,
});
export const updateProposalBody = z
  .strictObject({
    name: text(3, 150, 'Nama usulan minimal 3 karakter.').optional(),
    sector: z.enum(UNIT_SECTORS).optional(),
    description: nullableText(2000),
    status: z.enum(PROPOSAL_STATUSES).optional(),
    businessUnitId: z.union([uuidParam, z.null()]).optional(),
    dropReason: nullableText(2000),
    version,
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), 'Tidak ada kolom yang diubah.');
