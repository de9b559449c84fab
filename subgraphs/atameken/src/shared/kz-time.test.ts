import { daysBetween, isCalendarDay } from '@rz/schema';
import { addWorkingDays, kzDay, kzDayStart, monthEnd } from './kz-time';

describe('Kazakhstan calendar days', () => {
  it('counts working days after the day, skipping weekends', () => {
    // 2026-11-20 is a Friday.
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-20', 15)).toBe('2026-12-11');
    // Filed on a Saturday: Monday is the first working day.
    expect(addWorkingDays('2026-11-21', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-21', 15)).toBe('2026-12-11');
    // Across a year end: 1-2 January and the Monday after (2 January is a Saturday) are off.
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-06');
    // Independence Day, Wednesday 16 December 2026.
    expect(addWorkingDays('2026-12-15', 1)).toBe('2026-12-17');
  });

  it('takes the day in UTC+5, not in the server zone', () => {
    expect(kzDay(new Date('2026-11-22T18:59:59Z'))).toBe('2026-11-22');
    expect(kzDay(new Date('2026-11-22T19:00:00Z'))).toBe('2026-11-23');
    expect(kzDayStart('2026-11-23').toISOString()).toBe('2026-11-22T19:00:00.000Z');
  });

  it('knows real calendar days and month ends', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-1-01')).toBe(false);
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(monthEnd('2026-12-31')).toBe('2026-12-31');
    expect(daysBetween('2026-11-20', '2026-12-11')).toBe(21);
  });
});
