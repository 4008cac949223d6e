import { z } from 'zod';
import { meOut } from './common.js';

/** Sessions: log in, who is logged in, change one's own password. */

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const sessionUserOut = z.object({ user: meOut });
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
