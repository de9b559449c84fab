import { NOTIFICATION_INTAKE_MAX_EVENTS, NOTIFICATION_INTAKE_PATH, type NotificationEvent, type NotificationIntakeBatch, type SubgraphName } from '@rz/contract';
import { gatewaySecretParams, type Logger, type ServiceMetrics } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { ChannelListener } from '../database/channel-listener';
import { markBackground } from '../database/statement-counter';
import { notificationOutboxChannel } from './notification-outbox';

export interface NotificationRelayOptions {
  source: SubgraphName;
  db: DataSource;
  /** For the LISTEN connection (the pool's connections come and go). */
  databaseUrl: string;
  /** Base URL of the notifications subgraph, e.g. http://localhost:4106. */
  notificationsUrl: string;
  sharedSecret: string | undefined;
  logger: Logger;
  /** Safety net under LISTEN, and how often a replica that is not sending checks again. */
  pollMs: number;
  /** How long one delivery may take before it counts as failed. */
  timeoutMs: number;
  /** Delivered rows are deleted after this many days. */
  retentionDays: number;
}

/** Upper bound of the wait after failed deliveries: the notifications subgraph may be down for long. */
const MAX_BACKOFF_MS = 30_000;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

/**
 * Delivers this subgraph's notification outbox to the notifications subgraph, in commit order.
 *
 * One replica sends at a time: each round runs in a transaction that holds a transaction-level
 * advisory lock for this source, so a round that dies (process killed, connection lost) rolls
 * back and its rows stay pending. Rows are marked delivered only after the intake answered 200,
 * which it does after committing; a round that dies between the two sends the rows again and the
 * intake keeps each dedupe key once. So every notification reaches the inbox exactly once.
 */
export class NotificationRelay {
  private readonly listener: ChannelListener;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private lastCleanup = 0;

  constructor(private readonly options: NotificationRelayOptions) {
    this.listener = new ChannelListener({
      databaseUrl: options.databaseUrl,
      channel: notificationOutboxChannel(options.source),
      logger: options.logger,
      onNotice: () => this.wake(),
    });
  }

  /** Listens (connecting wakes it once, for what committed before) and reads the outbox. */
  async start(): Promise<void> {
    await this.listener.ensure();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.listener.stop();
  }

  /** Rows still to deliver and the age of the oldest, for the metrics. */
  async lag(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row]: { pending: string; age: number | null }[] = await this.options.db.query(
      `SELECT count(*) AS pending, extract(epoch FROM now() - min(created_at))::float AS age FROM notification_outbox WHERE delivered_at IS NULL`,
    );
    return { pending: Number(row.pending), oldestAgeSeconds: row.age ?? 0 };
  }

  observe(metrics: ServiceMetrics): void {
    let lag: ReturnType<NotificationRelay['lag']> | undefined;
    const read = () => (lag ??= this.lag().finally(() => setImmediate(() => (lag = undefined))));
    metrics.gauge('rz_notification_outbox_pending', 'Notifications committed and not yet delivered to the notifications subgraph', async () => (await read()).pending);
    metrics.gauge('rz_notification_outbox_oldest_age_seconds', 'Age of the oldest notification not yet delivered', async () => (await read()).oldestAgeSeconds);
  }

  /** Delivers everything pending now; resolves when the outbox was empty or a delivery failed. For tests and shutdown. */
  async flush(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain()
      .catch((error) => {
        this.failures += 1;
        this.options.logger.warn({ err: errorSummary(error), failures: this.failures }, 'notification relay: delivery failed; will retry');
      })
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again && this.failures === 0) {
          this.again = false;
          this.wake();
          return;
        }
        this.again = false;
        const wait = this.failures === 0 ? this.options.pollMs : Math.min(MAX_BACKOFF_MS, this.options.pollMs * 2 ** this.failures);
        this.timer = setTimeout(() => {
          void this.listener.ensure(); // a lost LISTEN connection comes back from the poll
          this.wake();
        }, wait);
        this.timer.unref();
      });
  }

  /** Rounds until the outbox is empty; each round is one transaction and one intake request. */
  private async drain(): Promise<void> {
    for (;;) {
      const sent = await this.round();
      this.failures = 0;
      if (sent === 'not-leader' || sent === 0 || this.stopped) break;
    }
    await this.cleanup();
  }

  private async round(): Promise<number | 'not-leader'> {
    const runner = markBackground(this.options.db.createQueryRunner());
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ leader }]: { leader: boolean }[] = await runner.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS leader`, [
        `notification-relay:${this.options.source}`,
      ]);
      if (!leader) {
        await runner.rollbackTransaction();
        return 'not-leader';
      }
      const rows: { id: string; event: NotificationEvent }[] = await runner.query(
        `SELECT id, event FROM notification_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT $1`,
        [NOTIFICATION_INTAKE_MAX_EVENTS],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      await this.deliver({ source: this.options.source, events: rows.map((row) => row.event) });
      await runner.query(`UPDATE notification_outbox SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)]);
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async deliver(batch: NotificationIntakeBatch): Promise<void> {
    const response = await fetch(new URL(NOTIFICATION_INTAKE_PATH, this.options.notificationsUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...gatewaySecretParams(this.options.sharedSecret) },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) {
      // The intake's reason is a code and a field name, never an event's content.
      const reason = await response.text().catch(() => '');
      throw new Error(`intake answered ${response.status}: ${reason.slice(0, 300)}`);
    }
    await response.body?.cancel().catch(() => undefined);
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    // Background like the rounds: a request's statement count (the N+1 tests) must not see it.
    const runner = markBackground(this.options.db.createQueryRunner());
    try {
      await runner.query(`DELETE FROM notification_outbox WHERE delivered_at < now() - make_interval(days => $1)`, [this.options.retentionDays]);
    } finally {
      await runner.release();
    }
  }
}

/** Errors may quote a request; log the message only. */
function errorSummary(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
