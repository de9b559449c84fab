import type { Logger } from '@rz/service-kit';
import type { DataSource } from 'typeorm';
import { kzDay, kzDayStart } from '../../shared/kz-time';
import { sendComplaintReminders, type ReminderRun } from './complaint-reminder.service';

export interface ComplaintReminderOptions {
  /** Hour of the Kazakhstan day (0-23) from which the day's reminders go out. */
  hour: number;
  /** How often a replica checks whether the day's reminders are due. */
  checkEveryMs?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

const CHECK_EVERY_MS = 60_000;

/** Hours since the start of the Kazakhstan day of `at`. */
export function kzHour(at: Date): number {
  return Math.floor((at.getTime() - kzDayStart(kzDay(at)).getTime()) / 3_600_000);
}

/**
 * Checks every minute whether today's reminders are due (the configured hour has come) and sends
 * them once; every replica runs one, sendComplaintReminders lets only one of them send a day.
 */
export class ComplaintReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  /** The last day this process saw sent (by itself or another replica): no database round trip until the next. */
  private settledDay: string | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
    private readonly options: ComplaintReminderOptions,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Sends the reminders of the day of `at` if their hour has come and they are not sent yet. */
  async tick(at: Date = (this.options.now ?? (() => new Date()))()): Promise<ReminderRun | 'not-yet'> {
    const day = kzDay(at);
    if (this.settledDay === day) return { outcome: 'done', day };
    if (kzHour(at) < this.options.hour) return 'not-yet';
    const run = await sendComplaintReminders(this.db, at);
    if (run.outcome !== 'busy') this.settledDay = day;
    if (run.outcome === 'sent') this.logger.info({ day, dueTomorrow: run.dueTomorrow, overdue: run.overdue }, 'complaint reminders sent');
    return run;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: Error) => this.logger.warn({ err: { name: error.name, message: error.message } }, 'complaint reminders failed; will retry'))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(this.options.checkEveryMs ?? CHECK_EVERY_MS);
        });
    }, delay);
    this.timer.unref();
  }
}

/** Starts this replica's scheduler (see startAtamekenServices). */
export function startComplaintReminders(deps: { db: DataSource; logger: Logger; hour: number }): ComplaintReminderScheduler {
  const scheduler = new ComplaintReminderScheduler(deps.db, deps.logger, { hour: deps.hour });
  scheduler.start();
  return scheduler;
}
