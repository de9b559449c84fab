import type { NotificationKind, NotificationLanguage, NotificationParams } from '@rz/contract';
import { todayInKazakhstan } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import type { Transporter } from 'nodemailer';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { renderDigestMail, renderNotificationMail, mailLanguage, type RenderedMail } from './mail-render';
import { DIGEST_KIND, digestNotifications, enqueueDigests, MAIL_QUEUE_CHANNEL } from './mail-queue';
import { signUnsubscribeToken } from './unsubscribe-token';

/** Any constant works: it only has to be the same for every replica. */
const MAIL_SENDER_LOCK = 7_340_020;
/** Digests of a day are queued this long after it ends, so notifications committing at midnight are in them. */
const DIGEST_GRACE_MS = 5 * 60_000;
const MAX_RETRY_DELAY_MS = 3_600_000;
const STOP_WAIT_MS = 5_000;

export interface MailSenderOptions {
  databaseUrl: string;
  /** The gateway's public origin: links in mails. */
  publicBaseUrl: string;
  from: string;
  linkSecret: string;
  maxAttempts: number;
  retryBaseMs: number;
  batchSize: number;
  pollMs: number;
}

interface Claimed {
  id: string;
  recipient_subject: string;
  kind: string;
  notification_id: string | null;
  digest_day: string | null;
  attempts: number;
}

/** A refusal's code for the admin view and logs (the server's text may quote the address, so it is never kept). */
export function mailErrorCode(error: unknown): { code: string; permanent: boolean } {
  const e = error as { responseCode?: unknown; code?: unknown };
  const smtpCode = typeof e?.code === 'string' && /^[A-Z_]{2,32}$/.test(e.code) ? e.code : 'UNKNOWN';
  if (typeof e?.responseCode === 'number') {
    // A 5xx on the recipient or the message is final; a 5xx on login is a setting to fix, so it is retried.
    return { code: `SMTP_${e.responseCode}`, permanent: e.responseCode >= 500 && (smtpCode === 'EENVELOPE' || smtpCode === 'EMESSAGE') };
  }
  return { code: smtpCode, permanent: false };
}

/**
 * Sends the queued mails. One sender in the cluster: the replica holding a PostgreSQL advisory
 * lock (on its own connection, which also LISTENs for new mails) sends; the others retry the lock.
 *
 * Each mail is committed SENT right after the SMTP server accepted it. The one window left: the
 * server accepted and the process died before that commit; the mail is then sent again after the
 * restart, with the same Message-ID (`<delivery id@host>`), by which mail systems drop the repeat.
 * A mail cut off before the server accepted it is not a duplicate: the server never took it.
 */
export class MailSender {
  private lockClient: Client | undefined;
  private holding = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private digestDay: string | undefined;
  private readonly messageIdHost: string;

  constructor(
    private readonly db: DataSource,
    private readonly transport: Transporter,
    private readonly logger: Logger,
    private readonly options: MailSenderOptions,
  ) {
    this.messageIdHost = new URL(options.publicBaseUrl).hostname;
  }

  async start(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    // The mail in flight may finish; a server that hangs does not hold up shutdown (the next sender resends it).
    await Promise.race([this.draining, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    this.holding = false;
    await this.lockClient?.end().catch(() => undefined);
    this.transport.close();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.holding) await this.acquire();
      if (!this.holding) return;
      await this.queueDigests();
      this.wake();
    } catch (error) {
      this.logger.warn({ code: mailErrorCode(error).code }, 'mail sender tick failed');
    }
  }

  private async acquire(): Promise<void> {
    if (!this.lockClient) {
      const client = new Client({ connectionString: this.options.databaseUrl });
      client.on('error', () => undefined);
      client.on('end', () => {
        // The lock went with the connection: stop claiming; another replica takes over.
        if (this.lockClient === client) this.lockClient = undefined;
        this.holding = false;
      });
      client.on('notification', () => this.wake());
      await client.connect();
      this.lockClient = client;
    }
    const { rows } = await this.lockClient.query('SELECT pg_try_advisory_lock($1) AS locked', [MAIL_SENDER_LOCK]);
    if (!rows[0].locked) return;
    await this.lockClient.query(`LISTEN ${MAIL_QUEUE_CHANNEL}`);
    this.holding = true;
    this.logger.info('this replica sends the mail queue');
  }

  /** Once a day, shortly after the day ends in Kazakhstan. */
  private async queueDigests(): Promise<void> {
    const day = todayInKazakhstan(new Date(Date.now() - 86_400_000 - DIGEST_GRACE_MS));
    if (this.digestDay === day) return;
    const queued = await enqueueDigests(this.db, day);
    this.digestDay = day;
    if (queued > 0) this.logger.info({ day, queued }, 'daily digests queued');
  }

  /** Sends until the queue has nothing due; a wake-up during a drain runs one more. */
  wake(): void {
    if (this.stopped || !this.holding) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain()
      .catch((error) => this.logger.error({ code: mailErrorCode(error).code }, 'mail sending stopped'))
      .finally(() => {
        this.draining = undefined;
        if (this.drainAgain) {
          this.drainAgain = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    // Only the lock holder sends, one drain at a time: a mail SENDING now was cut off (a sender that
    // died, or a drain that failed on the database) and goes back to the queue.
    await this.db.query(`UPDATE mail_delivery SET status = 'PENDING', updated_at = now() WHERE status = 'SENDING'`);
    while (this.holding && !this.stopped) {
      const batch = await this.claim();
      if (batch.length === 0) return;
      for (const [i, delivery] of batch.entries()) {
        if (this.stopped || !this.holding) {
          // Shutting down: what was claimed and not tried goes back to the queue as it was.
          await this.db.query(`UPDATE mail_delivery SET status = 'PENDING', updated_at = now() WHERE id = ANY($1) AND status = 'SENDING'`, [batch.slice(i).map((d) => d.id)]);
          return;
        }
        await this.deliver(delivery);
      }
    }
  }

  private async claim(): Promise<Claimed[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [Claimed[], number] = await this.db.query(
      `UPDATE mail_delivery d SET status = 'SENDING', updated_at = now()
       FROM (SELECT id FROM mail_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
             ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE d.id = due.id
       RETURNING d.id, d.recipient_subject, d.kind, d.notification_id, d.digest_day::text AS digest_day, d.attempts`,
      [this.options.batchSize],
    );
    return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  private async deliver(d: Claimed): Promise<void> {
    const rendered = await this.render(d);
    if (!rendered) {
      // No consented address any more, or the kind was switched off after it was queued.
      await this.db.query(`UPDATE mail_delivery SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [d.id]);
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: rendered.to,
        subject: rendered.mail.subject,
        text: rendered.mail.text,
        html: rendered.mail.html,
        messageId: `<${d.id}@${this.messageIdHost}>`,
        headers: {
          'Content-Language': rendered.lang,
          'List-Unsubscribe': `<${rendered.mail.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch (error) {
      await this.failed(d, error);
      return;
    }
    await this.db.query(`UPDATE mail_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = now(), updated_at = now(), last_error_code = NULL WHERE id = $1`, [d.id]);
  }

  private async failed(d: Claimed, error: unknown): Promise<void> {
    const { code, permanent } = mailErrorCode(error);
    const attempts = d.attempts + 1;
    const dead = permanent || attempts >= this.options.maxAttempts;
    // Exponential backoff: base, 2 x base, 4 x base, ... up to an hour.
    const delayMs = Math.min(this.options.retryBaseMs * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
    await this.db.query(
      `UPDATE mail_delivery SET status = $2, attempts = $3, last_error_code = $4, next_attempt_at = now() + $5 * interval '1 millisecond', updated_at = now() WHERE id = $1`,
      [d.id, dead ? 'DEAD' : 'PENDING', attempts, code, delayMs],
    );
    this.logger.warn({ deliveryId: d.id, kind: d.kind, code, attempts, dead }, dead ? 'mail dead-lettered' : 'mail refused, will retry');
  }

  private async render(d: Claimed): Promise<{ to: string; lang: NotificationLanguage; mail: RenderedMail } | null> {
    const [row]: { email: string | null; language: NotificationLanguage | null; off: boolean; kind: NotificationKind | null; params: NotificationParams | null; hint: NotificationLanguage | null }[] =
      await this.db.query(
        `SELECT p.email, p.language, n.kind, n.params, n.language AS hint,
                EXISTS (SELECT 1 FROM notification_preference pr WHERE pr.subject = p.subject AND pr.kind = $3 AND pr.channel = 'EMAIL' AND NOT pr.enabled) AS off
         FROM notification_profile p LEFT JOIN notification n ON n.id = $2
         WHERE p.subject = $1`,
        [d.recipient_subject, d.notification_id, d.kind],
      );
    if (!row?.email || row.off) return null;
    const base = this.options.publicBaseUrl;
    if (d.kind === DIGEST_KIND && d.digest_day) {
      const lang = mailLanguage(row.language, null);
      const items = await digestNotifications(this.db, d.recipient_subject, d.digest_day);
      if (items.length === 0) return null;
      const unsubscribeUrl = await this.unsubscribeUrl(d.recipient_subject, 'ALL');
      return { to: row.email, lang, mail: renderDigestMail(d.digest_day, items, lang, { publicBaseUrl: base, unsubscribeUrl }) };
    }
    if (!row.kind || !row.params) return null;
    const lang = mailLanguage(row.language, row.hint);
    const unsubscribeUrl = await this.unsubscribeUrl(d.recipient_subject, row.kind);
    return { to: row.email, lang, mail: renderNotificationMail({ kind: row.kind, params: row.params }, lang, { publicBaseUrl: base, unsubscribeUrl }) };
  }

  private async unsubscribeUrl(subject: string, scope: NotificationKind | 'ALL'): Promise<string> {
    return `${this.options.publicBaseUrl}/unsubscribe?token=${await signUnsubscribeToken(this.options.linkSecret, subject, scope)}`;
  }
}
