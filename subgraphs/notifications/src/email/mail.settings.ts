import { booleanFlag } from '@rz/service-kit';
import { z } from 'zod';

/** The notifications subgraph's mail settings (config.ts adds them to its shape; nothing here reads the environment). */
export const mailSettings = z.object({
  /** smtp://user:pass@host:587 or smtps://...:465; wins over the SMTP_HOST group. Neither set: mails stay queued, nothing is sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** The From header, e.g. `"Рухани жаңғыру" <no-reply@rz.gov.kz>`. */
  MAIL_FROM: z.string().min(3).default('"Rukhani Zhangyru" <no-reply@localhost>'),
  /** Signs unsubscribe links (HS256). Required in production; elsewhere a fixed development value. */
  MAIL_LINK_SECRET: z.string().min(32).optional(),
  /** A mail that failed this many times (temporary refusals, timeouts) is dead-lettered. Default 8. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** First retry delay; each further one doubles, up to an hour. Default 30000 ms. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Mails claimed per batch. Default 50. */
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /** The queue is read this often besides LISTEN wake-ups (retries come due this way). Default 1000 ms. */
  MAIL_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
});

export type MailSettings = z.output<typeof mailSettings>;

type SendingShape = { NODE_ENV: string; SMTP_URL?: string; SMTP_HOST?: string; MAIL_LINK_SECRET?: string; PUBLIC_BASE_URL?: string };
const sends = (c: SendingShape) => c.NODE_ENV === 'production' && !!(c.SMTP_URL || c.SMTP_HOST);

/**
 * For `.refine(...)`: a production replica that sends mail needs its own link secret and the public
 * origin of the links. One without SMTP settings sends nothing (mails stay queued), so needs neither.
 */
export const requireMailLinkSecret: [(c: SendingShape) => boolean, { message: string; path: string[] }] = [
  (c) => !sends(c) || !!c.MAIL_LINK_SECRET,
  { message: 'required in production when SMTP is set: signs the unsubscribe links in mails', path: ['MAIL_LINK_SECRET'] },
];
export const requireMailBaseUrl: [(c: SendingShape) => boolean, { message: string; path: string[] }] = [
  (c) => !sends(c) || !!c.PUBLIC_BASE_URL,
  { message: 'required in production when SMTP is set: the public origin (the gateway) of the links in mails', path: ['PUBLIC_BASE_URL'] },
];

const DEVELOPMENT_LINK_SECRET = 'development-only-unsubscribe-link-secret';

/** The link secret with its development default. */
export function mailLinkSecret(config: Pick<MailSettings, 'MAIL_LINK_SECRET'>): string {
  return config.MAIL_LINK_SECRET ?? DEVELOPMENT_LINK_SECRET;
}

/** nodemailer's transport options, or null when no SMTP server is configured. */
export function smtpOptions(config: MailSettings): string | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } | null {
  if (config.SMTP_URL) return config.SMTP_URL;
  if (!config.SMTP_HOST) return null;
  const auth = config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASS ?? '' } : undefined;
  return { host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE, auth };
}
