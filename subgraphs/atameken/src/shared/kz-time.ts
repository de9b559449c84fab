import { addKzWorkingDays, isKzWorkingDay, KAZAKHSTAN_UTC_OFFSET, todayInKazakhstan } from '@rz/schema';

/** SQL: the Kazakhstan calendar day of a timestamptz expression. */
export const kzDaySql = (expression: string) => `((${expression}) AT TIME ZONE INTERVAL '${KAZAKHSTAN_UTC_OFFSET}')::date`;

/** The calendar day (YYYY-MM-DD) in Kazakhstan at this instant. */
export function kzDay(at: Date = new Date()): string {
  return todayInKazakhstan(at);
}

/** Midnight at the start of a Kazakhstan calendar day, as an instant. */
export function kzDayStart(day: string): Date {
  return new Date(`${day}T00:00:00${KAZAKHSTAN_UTC_OFFSET}`);
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = parseDay(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday, less Kazakhstan's public holidays and transferred days off (reference data in @rz/schema). */
export const isWorkingDay = isKzWorkingDay;

/** The `count`-th working day after `day` (the day itself never counts). */
export const addWorkingDays = addKzWorkingDays;

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
