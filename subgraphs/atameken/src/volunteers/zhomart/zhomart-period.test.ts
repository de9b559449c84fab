import { ZhomartPeriodKind } from './zhomart.enums';
import { periodContaining } from './zhomart-period';

describe('Zhomart periods', () => {
  it('finds the calendar month, quarter and year of a day', () => {
    expect(periodContaining(ZhomartPeriodKind.MONTH, '2028-02-10')).toEqual({ kind: 'MONTH', start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining(ZhomartPeriodKind.QUARTER, '2026-11-22')).toEqual({ kind: 'QUARTER', start: '2026-10-01', end: '2026-12-31' });
    expect(periodContaining(ZhomartPeriodKind.QUARTER, '2026-06-30')).toEqual({ kind: 'QUARTER', start: '2026-04-01', end: '2026-06-30' });
    expect(periodContaining(ZhomartPeriodKind.YEAR, '2026-03-01')).toEqual({ kind: 'YEAR', start: '2026-01-01', end: '2026-12-31' });
  });
});
