import type { Logger } from '@rz/service-kit';
import { Client } from 'pg';

export interface ChannelListenerOptions {
  databaseUrl: string;
  /** A NOTIFY channel (a plain identifier). */
  channel: string;
  logger: Logger;
  /** Called for every notice, and once after each (re)connection: what committed while nobody listened. */
  onNotice: () => void;
}

/**
 * One LISTEN connection of a process. A lost connection is dropped; `ensure()` (on start and from the
 * caller's poll timer) connects again, so a reader woken by notices and a poll never stays deaf.
 */
export class ChannelListener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ChannelListenerOptions) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Connects and LISTENs unless already listening or connecting; a failure is logged and left to the next call. */
  ensure(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    return (this.connecting ??= this.connect().finally(() => (this.connecting = undefined)));
  }

  /** Waits for a connection still opening, so none outlives the process's services. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.databaseUrl });
    const drop = () => {
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
    };
    client.on('notification', () => this.options.onNotice());
    client.on('error', drop);
    client.on('end', drop);
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      if (!this.stopped) {
        this.options.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) }, channel: this.options.channel }, 'LISTEN failed; polling until it succeeds');
      }
      drop();
      return;
    }
    if (this.stopped) return drop();
    this.client = client;
    this.options.onNotice();
  }
}
