import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import { badUserInput, DomainError } from '@rz/schema';
import type { Logger } from '@rz/service-kit';
import { ChannelListener, CoalescedTask } from '@rz/subgraph-runtime';
import { Pool } from 'pg';
import type { ComplaintActorRole, ComplaintStatus, ComplaintTopic } from '../complaint/complaint.enums';
import { COMPLAINT_EVENT_CHANNEL } from './complaint-event.outbox';

/** A committed status change as the stream delivers it. `id` is the cursor. */
export interface ComplaintEvent {
  id: bigint;
  complaintId: string;
  territoryCode: string;
  topic: ComplaintTopic;
  from: ComplaintStatus | null;
  to: ComplaintStatus;
  byRole: ComplaintActorRole;
  comment: string | null;
  at: Date;
  /** For the `mine` filter only; never part of a payload. */
  authorSubject: string;
}

export interface ComplaintEventFilter {
  /** KATO codes of the territory and its subtree. */
  territoryCodes?: ReadonlySet<string>;
  complaintId?: string;
  topic?: ComplaintTopic;
  authorSubject?: string;
}

export interface ComplaintEventStreamOptions {
  databaseUrl: string;
  /** Events older than this are deleted and can no longer be resumed from. Default 7 days. */
  retentionDays?: number;
  /** Safety net under LISTEN: the outbox is also read this often. Default 1000 ms. */
  pollIntervalMs?: number;
  /** Events a subscriber may leave unread before it is dropped. Default 1000. */
  maxBuffered?: number;
}

export class SlowSubscriberError extends Error {
  constructor() {
    super('Subscription dropped: events were not read fast enough');
  }
}

type Row = Record<string, unknown>;

const SELECT = `
  SELECT e.id, e.complaint_id, e.territory_code, e.topic, e.from_status, e.to_status, e.by_role, e.comment, e.at, c.author_subject
  FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id`;
const PAGE = 500;

function toEvent(row: Row): ComplaintEvent {
  return {
    id: BigInt(row.id as string),
    complaintId: row.complaint_id as string,
    territoryCode: row.territory_code as string,
    topic: row.topic as ComplaintTopic,
    from: row.from_status as ComplaintStatus | null,
    to: row.to_status as ComplaintStatus,
    byRole: row.by_role as ComplaintActorRole,
    comment: row.comment as string | null,
    at: row.at as Date,
    authorSubject: row.author_subject as string,
  };
}

function matches(event: ComplaintEvent, filter: ComplaintEventFilter): boolean {
  return (
    (!filter.territoryCodes || filter.territoryCodes.has(event.territoryCode)) &&
    (!filter.complaintId || filter.complaintId === event.complaintId) &&
    (!filter.topic || filter.topic === event.topic) &&
    (!filter.authorSubject || filter.authorSubject === event.authorSubject)
  );
}

/**
 * Delivers committed complaint events from the outbox to this process's subscribers.
 * Any replica sees changes committed by any other: they all read the same table,
 * woken by LISTEN/NOTIFY and, should a notification be missed, by a periodic read.
 * Events are read in id order, and ids commit in order (see the outbox writer).
 */
export class ComplaintEventStream {
  private lastId = 0n;
  private readonly subscribers = new Set<(event: ComplaintEvent) => void>();
  private readonly listener: ChannelListener;
  /** Reads on notices and polls; concurrent wake-ups coalesce into one more pass. */
  private readonly reads = new CoalescedTask(
    () => this.readNew(),
    (error) => this.logger.warn({ err: error }, 'reading complaint events failed; the next poll retries'),
  );
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;
  /** Its own small pool: stream reads never compete with, or show up in, request queries. */
  private readonly pool: Pool;

  constructor(
    private readonly logger: Logger,
    private readonly options: ComplaintEventStreamOptions,
  ) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 3 });
    this.listener = new ChannelListener({ databaseUrl: options.databaseUrl, channel: COMPLAINT_EVENT_CHANNEL, logger, onNotice: () => this.reads.run() });
  }

  private async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, params)).rows;
  }

  get retentionDays(): number {
    return this.options.retentionDays ?? 7;
  }

  async start(): Promise<void> {
    const [{ max }] = await this.query('SELECT coalesce(max(id), 0)::text AS max FROM complaint_event');
    this.lastId = BigInt(max as string);
    await this.purge();
    await this.listener.ensure();
    this.timers.push(
      setInterval(() => {
        void this.listener.ensure();
        this.reads.run();
      }, this.options.pollIntervalMs ?? 1_000),
      setInterval(() => void this.purge(), 60 * 60 * 1_000),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.listener.stop();
    await this.reads.settled();
    await this.pool.end();
  }

  /**
   * Events matching `filter`: first those after `after` still kept in the outbox,
   * then live ones, with no gap and no repeat between the two.
   */
  subscribe(filter: ComplaintEventFilter, after: bigint | null): AsyncIterableIterator<ComplaintEvent> {
    const buffer = new FixedBuffer(this.options.maxBuffered ?? 1_000);
    return new Repeater<ComplaintEvent>(async (push, stop) => {
      const early: ComplaintEvent[] = [];
      let from = after;
      let replaying = true;
      const deliver = (event: ComplaintEvent) => {
        // A cursor from a replica that read further than this one: what it had already sent is not sent again.
        if (!matches(event, filter) || (from !== null && event.id <= from)) return;
        if (replaying) early.push(event);
        else if (buffer.full) stop(new SlowSubscriberError());
        else void push(event);
      };
      // Registered and horizon taken in the same tick: events above the horizon come live.
      this.subscribers.add(deliver);
      const horizon = this.lastId;
      try {
        if (from !== null) {
          await this.checkResumable(from);
          for (let cursor = from; ; ) {
            const page = await this.readRange(cursor, horizon, filter);
            for (const event of page) await push(event);
            if (page.length < PAGE) break;
            cursor = page[page.length - 1].id;
          }
        } else {
          // "From now" is the newest committed event, not the newest this process has read: a change
          // committed before subscribing but still on its way through LISTEN is not sent.
          from = BigInt(await this.head());
        }
        replaying = false;
        for (const event of early) if (event.id > from) await push(event);
        await stop;
      } finally {
        this.subscribers.delete(deliver);
      }
    }, buffer);
  }

  /** Outbox lag of this process: committed events it has not read yet, and the age of the oldest in seconds. */
  async lag(): Promise<{ waiting: number; oldestAgeSeconds: number }> {
    const [row] = await this.query(
      'SELECT count(*)::int AS waiting, coalesce(extract(epoch FROM now() - min(at)), 0)::float8 AS age FROM complaint_event WHERE id > $1',
      [this.lastId.toString()],
    );
    return { waiting: row.waiting as number, oldestAgeSeconds: row.age as number };
  }

  /** The newest committed event's cursor ("0" before the first): subscribing after it misses nothing committed later. */
  async head(): Promise<string> {
    const [{ max }] = await this.query('SELECT coalesce(max(id), 0)::text AS max FROM complaint_event');
    return max as string;
  }

  private async checkResumable(after: bigint): Promise<void> {
    // Another replica may have read further than this one: the outbox, not this process, says what exists.
    if (after > this.lastId && after > BigInt(await this.head())) throw badUserInput('after', 'Unknown cursor: it is ahead of the stream');
    const [{ min }] = await this.query('SELECT min(id)::text AS min FROM complaint_event');
    const oldest = min === null ? this.lastId + 1n : BigInt(min as string);
    if (after < oldest - 1n) {
      throw new DomainError('CURSOR_EXPIRED', `This cursor is older than the ${this.retentionDays} days of events kept; reload the current state instead`, { field: 'after' });
    }
  }

  private async readRange(after: bigint, upTo: bigint, filter: ComplaintEventFilter): Promise<ComplaintEvent[]> {
    const params: unknown[] = [after.toString(), upTo.toString()];
    const where = ['e.id > $1', 'e.id <= $2'];
    if (filter.territoryCodes) where.push(`e.territory_code = ANY($${params.push([...filter.territoryCodes])})`);
    if (filter.complaintId) where.push(`e.complaint_id = $${params.push(filter.complaintId)}`);
    if (filter.topic) where.push(`e.topic = $${params.push(filter.topic)}`);
    if (filter.authorSubject) where.push(`c.author_subject = $${params.push(filter.authorSubject)}`);
    const rows = await this.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY e.id LIMIT ${PAGE}`, params);
    return rows.map(toEvent);
  }

  /** Reads everything committed since the last read (one pass of `reads`). */
  private async readNew(): Promise<void> {
    let rows: Row[];
    do {
      if (this.stopped) return;
      rows = await this.query(`${SELECT} WHERE e.id > $1 ORDER BY e.id LIMIT ${PAGE}`, [this.lastId.toString()]);
      for (const event of rows.map(toEvent)) {
        this.lastId = event.id;
        for (const deliver of this.subscribers) deliver(event);
      }
    } while (rows.length === PAGE);
  }

  private async purge(): Promise<void> {
    try {
      await this.query(`DELETE FROM complaint_event WHERE at < now() - make_interval(days => $1)`, [this.retentionDays]);
    } catch (error) {
      this.logger.warn({ err: error }, 'purging old complaint events failed');
    }
  }
}
