import type { QueryRunner, Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '@rz/service-kit';

/**
 * Marks a query runner whose statements are background work on the pool (outbox relays, schedulers),
 * not a request's: the N+1 tests count requests only.
 */
export function markBackground(runner: QueryRunner): QueryRunner {
  runner.data = { ...runner.data, background: true };
  return runner;
}

const isBackground = (runner: QueryRunner | undefined) => runner?.data?.background === true;

/** TypeORM logger that counts SQL statements (for N+1 tests) and reports slow or failed ones. */
export class StatementCounter implements TypeOrmLogger {
  count = 0;

  constructor(private readonly logger: Logger) {}

  reset(): void {
    this.count = 0;
  }

  logQuery(_query: string, _parameters?: unknown[], runner?: QueryRunner): void {
    if (!isBackground(runner)) this.count += 1;
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], runner?: QueryRunner): void {
    if (!isBackground(runner)) this.count += 1;
    // Parameters are not logged: they may hold personal data.
    this.logger.warn({ err: error, query }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    // Not `time`: pino's own timestamp key; a second one made log tools read these lines as 1970.
    this.logger.warn({ durationMs: time, query }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
