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
  private stopped = false;

  constructor(private readonly options: ChannelListenerOptions) {}

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Connects and LISTENs unless already listening; a failure is logged and left to the next call. */
  async ensure(): Promise<void> {
    if (this.client || this.stopped) return;
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
      this.client = client;
      this.options.onNotice();
    } catch (error) {
      this.options.logger.warn({ err: { message: error instanceof Error ? error.message : String(error) }, channel: this.options.channel }, 'LISTEN failed; polling until it succeeds');
      drop();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
