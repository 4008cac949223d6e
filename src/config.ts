import { isIP } from 'node:net';
import { z } from 'zod';

export interface Bbox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

const bboxSchema = z
  .string()
  .regex(
    /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/,
    'format: minLat,minLng,maxLat,maxLng / format: minLat,minLng,maxLat,maxLng',
  )
  .transform((s): Bbox => {
    const [minLat, minLng, maxLat, maxLng] = s.split(',').map(Number);
    return { minLat: minLat!, minLng: minLng!, maxLat: maxLat!, maxLng: maxLng! };
  });

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT harus berupa angka / PORT must be a number' })
    .int('PORT harus bilangan bulat / PORT must be an integer')
    .min(0, 'PORT harus 0–65535 / PORT must be 0–65535')
    .max(65535, 'PORT harus 0–65535 / PORT must be 0–65535')
    .default(3000),
  HOST: z.string().min(1, 'HOST tidak boleh kosong / HOST must not be empty').default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/sambang.db')
    .refine((v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v), {
      message:
        'DATABASE_URL harus "sqlite:PATH" atau "postgres://…" / DATABASE_URL must be "sqlite:PATH" or "postgres://…"',
    }),
  SAMBANG_ADMIN_PASSWORD: z
    .string()
    .min(8, 'SAMBANG_ADMIN_PASSWORD minimal 8 karakter / SAMBANG_ADMIN_PASSWORD needs at least 8 characters')
    .optional(),
  SAMBANG_DEMO: z
    .enum(['0', '1', 'true', 'false', ''], { error: 'SAMBANG_DEMO harus 1 atau 0 / SAMBANG_DEMO must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  SAMBANG_REGION: z
    .string()
    .regex(
      /^\d{2}(\.\d{2})?$/,
      'SAMBANG_REGION harus kode kabupaten/kota (mis. 35.13) atau provinsi (mis. 35) Kemendagri / SAMBANG_REGION must be a regency code such as 35.13 or a province code such as 35',
    )
    .default('35.13'),
  SAMBANG_REGION_BBOX: bboxSchema.optional(),
  SAMBANG_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  SAMBANG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAMBANG_PHOTO_DIR: z.string().min(1).optional(),
  SAMBANG_LOGIN_LIMIT: z.coerce
    .number()
    .int('SAMBANG_LOGIN_LIMIT harus bilangan bulat / must be a whole number')
    .min(5, 'SAMBANG_LOGIN_LIMIT minimal 5 / at least 5')
    .max(100_000)
    .default(60),
  SAMBANG_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/.+/,
      'SAMBANG_SMTP_URL harus "smtp://…" atau "smtps://…" / SAMBANG_SMTP_URL must be "smtp://…" or "smtps://…"',
    )
    .optional(),
  SAMBANG_MAIL_FROM: z.string().min(3).default('Sambang <sambang@localhost>'),
  SAMBANG_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/.+/, 'SAMBANG_PUBLIC_URL harus "http(s)://…" / SAMBANG_PUBLIC_URL must be "http(s)://…"')
    .optional(),
  SAMBANG_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): string[] | false => {
      if (v === undefined || ['', '0', 'false', 'off'].includes(v.trim().toLowerCase())) return false;
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const item of list) {
        if (!isProxyAddress(item)) {
          ctx.addIssue({
            code: 'custom',
            message: `SAMBANG_TRUST_PROXY: "${item}" bukan alamat IP, CIDR, atau loopback/linklocal/uniquelocal / "${item}" is not an IP address, CIDR or loopback/linklocal/uniquelocal`,
          });
        }
      }
      return list;
    }),
});

/** An address, a CIDR range, or one of proxy-addr's names for a range (what Fastify's trustProxy accepts). */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [addr, bits, ...rest] = item.split('/');
  if (rest.length > 0 || !addr) return false;
  const version = isIP(addr);
  if (version === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminPassword: string | undefined;
  demo: boolean;
  region: string;
  bbox: Bbox | null;
  secureCookies: 'auto' | 'always' | 'never';
  logLevel: string;
  /** Where photo files are kept; null: derived from DATABASE_URL (see src/app/photos/photo-store.ts). */
  photoDir: string | null;
  /** Login attempts per minute from one address (an office behind one NAT shares it); accounts have their own lockout. */
  loginLimit: number;
  /** Issue 14: the office's SMTP server (null: notices stay in the app), the sender, and the address
   * e-mails and the calendar link point at (null: taken from the request, or relative in e-mails). */
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string | null;
  /**
   * Proxies whose X-Forwarded-For / -Proto / -Host are believed (addresses or CIDR ranges); false:
   * none, the client address is the TCP peer (the default, so the header cannot be forged).
   */
  trustProxy: string[] | false;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Konfigurasi tidak valid / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.SAMBANG_ADMIN_PASSWORD,
    demo: e.SAMBANG_DEMO,
    region: e.SAMBANG_REGION,
    bbox: e.SAMBANG_REGION_BBOX ?? null,
    secureCookies: e.SAMBANG_SECURE_COOKIES,
    logLevel: e.SAMBANG_LOG_LEVEL,
    photoDir: e.SAMBANG_PHOTO_DIR ?? null,
    loginLimit: e.SAMBANG_LOGIN_LIMIT,
    smtpUrl: e.SAMBANG_SMTP_URL ?? null,
    mailFrom: e.SAMBANG_MAIL_FROM,
    publicUrl: e.SAMBANG_PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    trustProxy: e.SAMBANG_TRUST_PROXY,
  };
}
