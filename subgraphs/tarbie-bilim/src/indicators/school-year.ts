import { badUserInput } from '@rz/schema';

export const MIN_SCHOOL_YEAR = 2000;
export const MAX_SCHOOL_YEAR = 2100;

/** Kazakhstan keeps one time zone, UTC+5, since March 2024: school years start at local midnight. */
const KZ_OFFSET = '+05:00';

export interface SchoolYearPeriod {
  /** The year the school year starts in: 2026 is 1 September 2026 to 31 August 2027. */
  year: number;
  /** Inclusive. */
  start: Date;
  /** Exclusive: 1 September of the next year. */
  end: Date;
}

export function requireSchoolYear(year: number, field = 'schoolYear'): number {
  if (!Number.isInteger(year) || year < MIN_SCHOOL_YEAR || year > MAX_SCHOOL_YEAR) {
    throw badUserInput(field, `A school year is given by the year it starts in, ${MIN_SCHOOL_YEAR} to ${MAX_SCHOOL_YEAR}`);
  }
  return year;
}

export function schoolYearPeriod(year: number, field = 'schoolYear'): SchoolYearPeriod {
  requireSchoolYear(year, field);
  return { year, start: new Date(`${year}-09-01T00:00:00${KZ_OFFSET}`), end: new Date(`${year + 1}-09-01T00:00:00${KZ_OFFSET}`) };
}

/** "2026-2027". */
export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}
