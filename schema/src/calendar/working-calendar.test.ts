import { addKzWorkingDays, isKzWorkingDay, kzWorkingCalendar, WorkingCalendar } from './working-calendar';

describe('Kazakhstan working calendar', () => {
  it('knows the public holidays by law, with names', () => {
    const holidays = kzWorkingCalendar.publicHolidays(2026);
    expect(holidays.map((h) => h.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-07', '2026-03-08', '2026-03-21', '2026-03-22', '2026-03-23',
      '2026-05-01', '2026-05-07', '2026-05-09', '2026-05-27', '2026-07-06', '2026-08-30', '2026-10-25', '2026-12-16',
    ]);
    expect(holidays.find((h) => h.date === '2026-12-16')!.name).toEqual({ kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' });
  });

  it('skips Independence Day in due dates', () => {
    // 2026-12-16 is a Wednesday.
    expect(isKzWorkingDay('2026-12-16')).toBe(false);
    expect(isKzWorkingDay('2026-12-17')).toBe(true);
    expect(addKzWorkingDays('2026-12-15', 1)).toBe('2026-12-17');
    // 15 working days from Friday 4 December 2026: 28 December, not 25.
    expect(addKzWorkingDays('2026-12-04', 15)).toBe('2026-12-28');
  });

  it('moves the day off of a holiday on a weekend to the next free working day, but not for religious holidays', () => {
    // Nauryz 2026: Saturday 21, Sunday 22, Monday 23 March -> 24 and 25 March off as well.
    expect(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26'].map(isKzWorkingDay)).toEqual([false, false, false, true]);
    // Republic Day 2025 is a Saturday: Monday 27 October is off.
    expect(isKzWorkingDay('2025-10-27')).toBe(false);
    // New Year 2027: Friday 1 and Saturday 2 January -> Monday 4 off; 7 January (Christmas) is a Thursday.
    expect(addKzWorkingDays('2026-12-30', 3)).toBe('2027-01-06');
    // Orthodox Christmas on Sunday 7 January 2029 moves nothing.
    expect(isKzWorkingDay('2029-01-08')).toBe(true);
  });

  it('takes the Government transfers of days off from data, without code', () => {
    const calendar = new WorkingCalendar({ fixed: [], religiousByYear: {}, transfers: [{ dayOff: '2026-12-18', workingDay: '2026-12-19' }] });
    expect(calendar.isWorkingDay('2026-12-18')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-19')).toBe(true);
    expect(calendar.addWorkingDays('2026-12-17', 2)).toBe('2026-12-21');
  });
});
