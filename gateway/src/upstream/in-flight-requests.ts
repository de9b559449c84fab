/**
 * Identical subgraph requests in flight share one: the first caller sends it, callers with the same
 * key until it is answered get its answer. The key must hold everything that can change the answer.
 */
export class InFlightRequests<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** `onShared` runs for each caller answered by a request already in flight. */
  run(key: string, send: () => Promise<T>, onShared: () => void): Promise<T> {
    const running = this.pending.get(key);
    if (running) {
      onShared();
      return running;
    }
    const sent = send().finally(() => this.pending.delete(key));
    this.pending.set(key, sent);
    return sent;
  }
}
