import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import { badUserInput } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import { ChannelListener, CoalescedTask } from '@rz/subgraph-runtime';
import { MoreThan, type DataSource } from 'typeorm';
import { NotificationEntity } from '../inbox/notification.entity';
import { shownInApp } from '../preferences/in-app';

/** The intake NOTIFYs here when rows commit (payload: the newest seq of one recipient). */
export const NOTIFICATION_ADDED_CHANNEL = 'notification_added';

const PAGE = 500;

export interface NotificationStreamOptions {
  databaseUrl: string;
  /** Safety net under LISTEN: the table is also read this often. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Notifications a subscriber may leave unread before it is dropped. Default 1000. */
  maxBuffered?: number;
}

export class SlowSubscriberError extends Error {
  constructor() {
    super('Subscription dropped: notifications were not read fast enough');
  }
}

/**
 * Delivers committed notifications to this process's subscribers, each only their own.
 * Every replica reads the same table in `seq` order (which commits in order, see the intake),
 * woken by LISTEN/NOTIFY and, should a notice be missed, by a periodic read.
 */
export class NotificationStream {
  private lastSeq = 0n;
  /** Subscribers by recipient: each notification goes to its recipient's, not past everyone's. */
  private readonly subscribers = new Map<string, Set<(n: NotificationEntity) => void>>();
  private readonly listener: ChannelListener;
  /** Reads on notices and polls; concurrent wake-ups coalesce into one more pass. */
  private readonly reads = new CoalescedTask(
    () => this.readNew(),
    (error) => this.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'reading notifications failed; the next poll retries'),
  );
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
    private readonly options: NotificationStreamOptions,
  ) {
    this.listener = new ChannelListener({ databaseUrl: options.databaseUrl, channel: NOTIFICATION_ADDED_CHANNEL, logger, onNotice: () => this.reads.run() });
  }

  private get rows() {
    return this.db.getRepository(NotificationEntity);
  }

  async start(): Promise<void> {
    this.lastSeq = BigInt(await this.head());
    await this.listener.ensure();
    this.timer = setInterval(() => {
      void this.listener.ensure();
      this.reads.run();
    }, this.options.pollIntervalMs ?? 1_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.listener.stop();
    await this.reads.settled();
  }

  /** The newest committed notification's cursor ("0" before the first). */
  async head(): Promise<string> {
    const [{ max }] = await this.db.query('SELECT coalesce(max(seq), 0)::text AS max FROM notification');
    return max;
  }

  /**
   * The recipient's notifications: those after `after` first, then live ones as they commit,
   * with no gap and no repeat between the two. Without `after`, from the newest committed one on.
   */
  subscribe(recipientSubject: string, after: bigint | null): AsyncIterableIterator<NotificationEntity> {
    const buffer = new FixedBuffer(this.options.maxBuffered ?? 1_000);
    return new Repeater<NotificationEntity>(async (push, stop) => {
      const early: NotificationEntity[] = [];
      let from = after;
      let replaying = true;
      const deliver = (n: NotificationEntity) => {
        if (from !== null && BigInt(n.seq) <= from) return;
        if (replaying) early.push(n);
        else if (buffer.full) stop(new SlowSubscriberError());
        else void push(n);
      };
      // Registered and horizon taken in the same tick: rows above the horizon come live.
      const own = this.subscribers.get(recipientSubject) ?? new Set();
      this.subscribers.set(recipientSubject, own.add(deliver));
      const horizon = this.lastSeq;
      try {
        if (from !== null) {
          if (from > horizon && from > BigInt(await this.head())) throw badUserInput('after', 'Unknown cursor: it is ahead of the feed');
          for (let cursor = from; cursor < horizon; ) {
            const page = await this.rows
              .createQueryBuilder('n')
              .where('n.recipient_subject = :recipientSubject AND n.seq > :cursor AND n.seq <= :horizon', {
                recipientSubject,
                cursor: cursor.toString(),
                horizon: horizon.toString(),
              })
              .andWhere(shownInApp('n'))
              .orderBy('n.seq')
              .limit(PAGE)
              .getMany();
            for (const n of page) await push(n);
            if (page.length < PAGE) break;
            cursor = BigInt(page[page.length - 1].seq);
          }
        } else {
          // "From now" is the newest committed row, not the newest this process has read.
          from = BigInt(await this.head());
        }
        replaying = false;
        for (const n of early) if (BigInt(n.seq) > from) await push(n);
        await stop;
      } finally {
        own.delete(deliver);
        if (own.size === 0 && this.subscribers.get(recipientSubject) === own) this.subscribers.delete(recipientSubject);
      }
    }, buffer);
  }

  /** Ids in `page` whose recipients switched IN_APP off for their kind: stored, not sent live. */
  private async hiddenInApp(page: NotificationEntity[]): Promise<Set<string>> {
    const watched = page.filter((n) => this.subscribers.has(n.recipientSubject));
    if (watched.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT n.id FROM notification n WHERE n.id = ANY($1::uuid[]) AND NOT ${shownInApp('n')}`, [watched.map((n) => n.id)]);
    return new Set(rows.map((r) => r.id));
  }

  /** Reads everything committed since the last read (one pass of `reads`). */
  private async readNew(): Promise<void> {
    let page: NotificationEntity[];
    do {
      if (this.stopped) return;
      page = await this.rows.find({ where: { seq: MoreThan(this.lastSeq.toString()) }, order: { seq: 'ASC' }, take: PAGE });
      const hidden = await this.hiddenInApp(page);
      for (const n of page) {
        this.lastSeq = BigInt(n.seq);
        if (hidden.has(n.id)) continue;
        this.subscribers.get(n.recipientSubject)?.forEach((deliver) => deliver(n));
      }
    } while (page.length === PAGE);
  }
}
