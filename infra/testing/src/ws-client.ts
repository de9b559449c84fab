import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T = Record<string, any>> {
  /** Every `next` payload received so far. */
  results: FormattedExecutionResult<T, unknown>[];
  /** Waits until `count` results have arrived (or the subscription ended), then returns them all. */
  take(count: number, timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>[]>;
  /** Waits for the first result that satisfies `predicate`, skipping those before it. */
  find(predicate: (result: FormattedExecutionResult<T, unknown>) => boolean, timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>>;
  /** Resolves with the errors of an `error` message, or rejects if none arrives in time. */
  failure(timeoutMs?: number): Promise<readonly unknown[]>;
  completed: boolean;
  dispose(): void;
}

/** A real graphql-ws client, as a dashboard would use (GraphQL over WebSocket). */
export function wsClient(httpUrl: string, token?: string, options: Partial<ClientOptions> = {}): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: true,
    retryAttempts: 0,
    ...options,
  });
}

export function subscribe<T = Record<string, any>>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const results: FormattedExecutionResult<T, unknown>[] = [];
  const waiters = new Set<() => void>();
  let errors: readonly unknown[] | undefined;
  const notify = () => waiters.forEach((w) => w());
  /** Resolves once `done()` holds, checked now and after every message; rejects after `timeoutMs`. */
  const waitFor = (done: () => boolean, timeoutMs: number, timeoutMessage: () => string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(timeoutMessage()));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const ended = () => subscription.completed || errors !== undefined;
  const subscription: Subscription<T> = {
    results,
    completed: false,
    async take(count, timeoutMs = 15_000) {
      await waitFor(() => results.length >= count || ended(), timeoutMs, () => `Received ${results.length} of ${count} events in ${timeoutMs} ms`);
      return results;
    },
    async find(predicate, timeoutMs = 15_000) {
      await waitFor(() => results.some(predicate) || ended(), timeoutMs, () => `None of ${results.length} events matched in ${timeoutMs} ms`);
      const found = results.find(predicate);
      if (!found) throw new Error(`The subscription ended after ${results.length} events, none matching`);
      return found;
    },
    async failure(timeoutMs = 15_000) {
      await waitFor(() => errors !== undefined, timeoutMs, () => `No error message in ${timeoutMs} ms`);
      return errors!;
    },
    dispose: () => undefined,
  };
  subscription.dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        results.push(result);
        notify();
      },
      error: (error) => {
        errors = Array.isArray(error) ? error : [error];
        notify();
      },
      complete: () => {
        subscription.completed = true;
        notify();
      },
    },
  );
  return subscription;
}
