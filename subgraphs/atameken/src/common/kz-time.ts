import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Kazakhstan has used a single time zone, UTC+5, since March 2024. Calendar days
 * (deadlines, periods) are days there, whatever the server's zone.
 */
const KZ_OFFSET_MS = 5 * 60 * 60 * 1000;

/** SQL: the Kazakhstan calendar day of a timestamptz expression. */
export const kzDaySql = (expression: string) => `((${expression}) AT TIME ZONE INTERVAL '+05:00')::date`;

/** The calendar day (YYYY-MM-DD) in Kazakhstan at this instant. */
export function kzDay(at: Date = new Date()): string {
  return new Date(at.getTime() + KZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a Kazakhstan calendar day, as an instant. */
export function kzDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - KZ_OFFSET_MS);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday. Public holidays are not known to the service and count as working days. */
export function isWorkingDay(day: string): boolean {
  const weekday = parseDay(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `count`-th working day after `day` (the day itself never counts). */
export function addWorkingDays(day: string, count: number): string {
  let current = day;
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
  }
  return current;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  const match = typeof value === 'string' ? DAY.exec(value) : null;
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value) => isCalendarDay(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

/** First day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Last day of the month of `day`. */
export function monthEnd(day: string): string {
  const d = parseDay(monthStart(day));
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}
