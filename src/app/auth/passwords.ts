import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../../domain/errors.js';

/** argon2id with the library's defaults (19 MiB, 2 passes): memory-hard, ~30 ms here. */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

// Letters and digits that cannot be confused when read aloud or copied from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function checkPasswordStrength(password: string, username: string, field = 'newPassword'): void {
  if (password.length < 8) throw invalid({ [field]: 'Kata sandi minimal 8 karakter.' });
  if (password.length > 200) throw invalid({ [field]: 'Kata sandi maksimal 200 karakter.' });
  if (password.toLowerCase() === username.toLowerCase())
    throw invalid({ [field]: 'Kata sandi tidak boleh sama dengan nama pengguna.' });
}
