import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T = Record<string, any>> {
  /** Every `next` payload received so far. */
  results: FormattedExecutionResult<T, unknown>[];
  /** Waits until `count` results have arrived (or the subscription ended), then returns them all. */
  take(count: number, timeoutMs?: number): Promise<FormattedExecutionResult<T, unknown>[]>;
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
  const subscription: Subscription<T> = {
    results,
    completed: false,
    async take(count, timeoutMs = 15_000) {
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (results.length >= count || subscription.completed || errors) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`Received ${results.length} of ${count} events in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
      return results;
    },
    async failure(timeoutMs = 15_000) {
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (errors) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => reject(new Error(`No error message in ${timeoutMs} ms`)), timeoutMs);
        waiters.add(check);
        check();
      });
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
