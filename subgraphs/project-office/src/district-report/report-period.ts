import { daysBetween } from '@rz/schema';

/**
 * Districts report twice a month, on the second and fourth Friday (seed 003). A period ends on
 * one of those Fridays and starts the day after the previous one. Dates are Kazakhstan calendar
 * days (YYYY-MM-DD), so no time zone enters the arithmetic.
 */
const DAY_MS = 86_400_000;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

/** The second and fourth Friday of a month (month 1-12). */
export function reportingFridays(year: number, month: number): [string, string] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const firstFriday = 1 + ((5 - first.getUTCDay() + 7) % 7);
  const day = (d: number) => asDay(new Date(Date.UTC(year, month - 1, d)));
  return [day(firstFriday + 7), day(firstFriday + 21)];
}

export function isReportingFriday(day: string): boolean {
  const [y, m] = day.split('-').map(Number);
  return reportingFridays(y, m).includes(day);
}

/** The reporting Friday on or after `day`. */
export function periodEndOn(day: string): string {
  const [y, m] = day.split('-').map(Number);
  for (const [year, month] of [[y, m], m === 12 ? [y + 1, 1] : [y, m + 1]]) {
    const found = reportingFridays(year, month).find((friday) => friday >= day);
    if (found) return found;
  }
  throw new Error(`No reporting Friday after ${day}`);
}

/** The period a reporting Friday closes: from the day after the previous reporting Friday. */
export function periodOf(end: string): { from: string; to: string } {
  const [y, m] = end.split('-').map(Number);
  const [second] = reportingFridays(y, m);
  const previous = end === second ? reportingFridays(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1)[1] : second;
  return { from: asDay(new Date(asDate(previous).getTime() + DAY_MS)), to: end };
}

/** Reporting Fridays from `from` to `to`, both included. */
export function periodEndsBetween(from: string, to: string): string[] {
  const ends: string[] = [];
  for (let end = periodEndOn(from); end <= to; end = periodEndOn(asDay(new Date(asDate(end).getTime() + DAY_MS)))) ends.push(end);
  return ends;
}

/** The school year (its starting year) a day falls in: September to August. */
export function schoolYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number);
  return m >= 9 ? y : y - 1;
}

/** Days a report is past due on `today` (0 when not yet due). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}
