import type { Logger, ServiceMetrics } from '@rz/service-kit';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { MailSender } from './mail-sender';
import { mailLinkSecret, smtpOptions, type MailSettings } from './mail.settings';

export interface MailService {
  /** null when no SMTP server is configured: mails stay queued. */
  sender: MailSender | null;
  stop(): Promise<void>;
  observe(metrics: ServiceMetrics): void;
}

/** Starts this replica's mail sender (it sends only while it holds the cluster's sender lock). */
export async function startMail(deps: { db: DataSource; logger: Logger; config: MailSettings & { DATABASE_URL: string; PUBLIC_BASE_URL: string } }): Promise<MailService> {
  const { db, logger, config } = deps;
  const smtp = smtpOptions(config);
  let sender: MailSender | null = null;
  if (smtp) {
    // One pooled connection: mails go one at a time, each committed SENT before the next starts.
    // nodemailer waits 10 minutes on a silent socket by default; a stuck server should fail the attempt sooner.
    const pooled = { pool: true, maxConnections: 1, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 } as const;
    const transport = createTransport(typeof smtp === 'string' ? { url: smtp, ...pooled } : { ...smtp, ...pooled });
    sender = new MailSender(db, transport, logger, {
      databaseUrl: config.DATABASE_URL,
      publicBaseUrl: config.PUBLIC_BASE_URL,
      from: config.MAIL_FROM,
      linkSecret: mailLinkSecret(config),
      maxAttempts: config.MAIL_MAX_ATTEMPTS,
      retryBaseMs: config.MAIL_RETRY_BASE_MS,
      batchSize: config.MAIL_BATCH_SIZE,
      pollMs: config.MAIL_POLL_MS,
    });
    await sender.start();
  } else {
    logger.warn('no SMTP server configured (SMTP_URL or SMTP_HOST): mails stay queued');
  }
  const counts = () => db.query(`SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending, count(*) FILTER (WHERE status = 'DEAD')::int AS dead FROM mail_delivery`) as Promise<{ pending: number; dead: number }[]>;
  return {
    sender,
    stop: async () => sender?.stop(),
    observe(metrics) {
      // One query per scrape; both gauges read it.
      let read: Promise<{ pending: number; dead: number }[]> | undefined;
      const once = () => (read ??= counts().finally(() => setImmediate(() => (read = undefined))));
      metrics.gauge('rz_mail_pending', 'Mails queued or waiting to retry', async () => (await once())[0].pending);
      metrics.gauge('rz_mail_dead', 'Mails dead-lettered (refused for good or out of attempts)', async () => (await once())[0].dead);
    },
  };
}
