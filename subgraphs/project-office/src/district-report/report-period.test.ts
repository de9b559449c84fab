import { isReportingFriday, periodEndOn, periodEndsBetween, periodOf, reportingFridays, schoolYearOf } from './report-period';

describe('reporting periods (second and fourth Friday)', () => {
  it('finds the second and fourth Friday of a month', () => {
    // December 2026 starts on a Tuesday: Fridays 4, 11, 18, 25.
    expect(reportingFridays(2026, 12)).toEqual(['2026-12-11', '2026-12-25']);
    // May 2026 starts on a Friday: Fridays 1, 8, 15, 22, 29.
    expect(reportingFridays(2026, 5)).toEqual(['2026-05-08', '2026-05-22']);
    // July 2017 (seed 003: the first information on 28 July 2017, the fourth Friday).
    expect(reportingFridays(2017, 7)).toEqual(['2017-07-14', '2017-07-28']);
    expect(isReportingFriday('2026-12-11')).toBe(true);
    expect(isReportingFriday('2026-12-18')).toBe(false);
  });

  it('closes each period on the next reporting Friday, across months and years', () => {
    expect(periodEndOn('2026-12-11')).toBe('2026-12-11');
    expect(periodEndOn('2026-12-12')).toBe('2026-12-25');
    expect(periodEndOn('2026-12-26')).toBe('2027-01-08');
    expect(periodOf('2026-12-25')).toEqual({ from: '2026-12-12', to: '2026-12-25' });
    expect(periodOf('2027-01-08')).toEqual({ from: '2026-12-26', to: '2027-01-08' });
    expect(periodEndsBetween('2026-11-01', '2026-12-31')).toEqual(['2026-11-13', '2026-11-27', '2026-12-11', '2026-12-25']);
  });

  it('puts September to August in one school year', () => {
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2027-08-31')).toBe(2026);
  });
});
