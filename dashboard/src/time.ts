/** Kazakhstan keeps UTC+5 all year; the API counts calendar days in it. */
const KZ_OFFSET_MS = 5 * 3_600_000;

/** Today in Kazakhstan, YYYY-MM-DD. */
export function kzToday(now = Date.now()): string {
  return new Date(now + KZ_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the month `months` months before `day`'s month. */
export function monthsBack(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/** HH:MM:SS of an instant, Kazakhstan time. */
export function kzTime(iso: string): string {
  return new Date(Date.parse(iso) + KZ_OFFSET_MS).toISOString().slice(11, 19);
}

/** The overview counts complaints filed in the last three years: the longest period the API allows. */
export function overviewPeriod(today = kzToday()) {
  return { from: addDays(today, -1095), to: today };
}
