import { ZhomartPeriodKind } from './zhomart.enums';

export interface ZhomartPeriod {
  kind: ZhomartPeriodKind;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar month, quarter or year containing `day`. */
export function periodContaining(kind: ZhomartPeriodKind, day: string): ZhomartPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const [first, last] =
    kind === ZhomartPeriodKind.MONTH ? [month, month] : kind === ZhomartPeriodKind.QUARTER ? [month - ((month - 1) % 3), month - ((month - 1) % 3) + 2] : [1, 12];
  return { kind, start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}
