/**
 * The connections holding subscriptions (WebSockets, Server-Sent Events and multipart streams) that one
 * gateway process keeps open at once, whatever their addresses. Each costs heap for its whole life (about
 * 13 KB for a WebSocket at 10,000), so past `max` a new one is refused, to wait or go to another replica,
 * instead of the process running out of heap and dropping everyone.
 */
export class SubscriberCapacity {
  private open = 0;

  /** `max` defaults to 12,000: about 160 MB beside the gateway's own 80 MB, within GATEWAY_NODE_OPTIONS's 320 MB heap cap. */
  constructor(readonly max = 12_000) {}

  get full(): boolean {
    return this.open >= this.max;
  }

  /** Counts a connection until it emits `close`; false, counting nothing, when the process is full. */
  admit(connection: { once(event: 'close', listener: () => void): unknown }): boolean {
    if (this.full) return false;
    this.open += 1;
    connection.once('close', () => {
      this.open -= 1;
    });
    return true;
  }
}

/** Seconds a refused client is asked to wait (Retry-After): connections come and go by the second. */
export const CAPACITY_RETRY_AFTER_SECONDS = 5;
