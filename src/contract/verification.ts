import { z } from 'zod';
import { VERIFICATION_STATUSES } from '../domain/desk/verification.js';

/** `verification` on every record a cooperative files (issue 13): absent reason unless returned. */
export const verificationOut = z.object({ status: z.enum(VERIFICATION_STATUSES), reason: z.string().optional() });
export type VerificationOut = z.infer<typeof verificationOut>;
