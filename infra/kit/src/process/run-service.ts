import { flushTracing } from '../tracing/tracing-shutdown';

/** A started service: what `runService` stops on a signal. */
export interface StoppableService {
  stop(): Promise<void>;
}

/**
 * For entry points: starts a service, stops it cleanly on SIGTERM or SIGINT
 * and exits 0, or exits 1 with the reason when startup fails (a config error
 * lists every bad variable).
 */
export function runService(name: string, start: () => Promise<StoppableService>): void {
  let running: StoppableService | undefined;
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    try {
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
