import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A holiday as the law names it; `kind` decides whether a weekend occurrence moves the day off. */
export interface PublicHoliday {
  date: string;
  kind: 'national' | 'state' | 'religious';
  name: { kk: string; ru: string; en: string };
}

/** The shape of data/calendar/kz-public-holidays.json. */
export interface HolidayCalendarData {
  fixed: { date: string; kind: PublicHoliday['kind']; name: PublicHoliday['name'] }[];
  religiousByYear: Record<string, { date: string; name: PublicHoliday['name'] }[]>;
  transfers: { dayOff: string; workingDay: string }[];
}

const DATA_FILE = join(__dirname, '..', '..', 'data', 'calendar', 'kz-public-holidays.json');

function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/**
 * Working days in Kazakhstan: Monday to Friday, less public holidays, the days off moved
 * from holidays that fall on a weekend (Labour Code art. 84), and the Government's transfers.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, { holidays: PublicHoliday[]; daysOff: Set<string> }>();
  private readonly transferredOff: Set<string>;
  private readonly transferredWorking: Set<string>;

  constructor(private readonly data: HolidayCalendarData) {
    this.transferredOff = new Set(data.transfers.map((t) => t.dayOff));
    this.transferredWorking = new Set(data.transfers.map((t) => t.workingDay));
  }

  /** The year's public holidays, by date. */
  publicHolidays(year: number): PublicHoliday[] {
    return this.year(year).holidays;
  }

  isWorkingDay(day: string): boolean {
    if (this.transferredWorking.has(day)) return true;
    if (this.transferredOff.has(day) || isWeekend(day)) return false;
    return !this.year(Number(day.slice(0, 4))).daysOff.has(day);
  }

  /** The `count`-th working day after `day` (the day itself never counts). */
  addWorkingDays(day: string, count: number): string {
    let current = day;
    for (let left = count; left > 0; ) {
      current = shift(current, 1);
      if (this.isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  private year(year: number) {
    let entry = this.years.get(year);
    if (!entry) {
      const holidays: PublicHoliday[] = [
        ...this.data.fixed.map((h) => ({ ...h, date: `${year}-${h.date}` })),
        ...(this.data.religiousByYear[String(year)] ?? []).map((h) => ({ ...h, kind: 'religious' as const })),
      ].sort((a, b) => a.date.localeCompare(b.date));
      const daysOff = new Set(holidays.map((h) => h.date));
      // A national or state holiday on a weekend gives the next free working day off.
      for (const holiday of holidays) {
        if (holiday.kind === 'religious' || !isWeekend(holiday.date)) continue;
        let substitute = shift(holiday.date, 1);
        while (isWeekend(substitute) || daysOff.has(substitute)) substitute = shift(substitute, 1);
        daysOff.add(substitute);
      }
      entry = { holidays, daysOff };
      this.years.set(year, entry);
    }
    return entry;
  }
}

/** Kazakhstan's calendar from the reference data shipped with @rz/schema. */
export const kzWorkingCalendar = new WorkingCalendar(JSON.parse(readFileSync(DATA_FILE, 'utf8')) as HolidayCalendarData);

export const isKzWorkingDay = (day: string) => kzWorkingCalendar.isWorkingDay(day);
export const addKzWorkingDays = (day: string, count: number) => kzWorkingCalendar.addWorkingDays(day, count);
