import { todayInKazakhstan } from '@rz/schema';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The Kazakhstan calendar day (YYYY-MM-DD) of an instant. */
export function kzDay(ms: number): string {
  return todayInKazakhstan(new Date(ms));
}

/** Midnight starting a Kazakhstan calendar day. */
export function kzDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+05:00`);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The `count`-th working day (Monday to Friday) after `day`: how atameken sets a
 * complaint's due day (its shared/kz-time addWorkingDays; infra cannot import a subgraph).
 */
export function addWorkingDays(day: string, count: number): string {
  const key = `${day}+${count}`;
  const known = workingDayCache.get(key);
  if (known) return known;
  let current = day;
  for (let left = count; left > 0; ) {
    current = addDays(current, 1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  workingDayCache.set(key, current);
  return current;
}

/** A few thousand distinct (day, count) pairs serve a million complaints. */
const workingDayCache = new Map<string, string>();
