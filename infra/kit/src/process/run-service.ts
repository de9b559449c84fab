import { z } from 'zod';
import { flushTracing } from '../tracing/tracing-shutdown';

/** A started service: what `runService` stops on a signal. */
export interface StoppableService {
  /**
   * Reports not-ready from now on and keeps serving for the shutdown delay, so load balancers
   * stop sending before the service closes; `stop` follows.
   */
  drain?(): Promise<void>;
  /** Drains HTTP (in-flight requests finish), closes WebSockets (1001), then releases the rest. */
  stop(): Promise<void>;
}

/** After SIGTERM, serve not-ready this long before draining. Unset: 5000 ms in production, 0 elsewhere. */
export const shutdownSettings = {
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
};

export function shutdownDelayMs(config: { NODE_ENV: string; SHUTDOWN_DELAY_MS?: number }): number {
  return config.SHUTDOWN_DELAY_MS ?? (config.NODE_ENV === 'production' ? 5_000 : 0);
}

/**
 * For entry points: starts a service; on SIGTERM or SIGINT drains it (not ready, still
 * serving), stops it and exits 0 once its cleanup is done; exits 1 with the reason when
 * startup or stopping fails (a config error lists every bad variable). Apollo Server's own
 * signal handlers must be off (`stopOnTerminationSignals: false`): they re-raise the signal,
 * which kills the process before this cleanup ends.
 */
export function runService(name: string, start: () => Promise<StoppableService>): void {
  let running: StoppableService | undefined;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await running?.drain?.();
      await running?.stop();
      await flushTracing();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`${name} did not stop cleanly: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  Promise.resolve()
    .then(start)
    .then((service) => (running = service))
    .catch((error: Error) => {
      process.stderr.write(`${name} failed to start: ${error.message}\n`);
      process.exit(1);
    });
}
