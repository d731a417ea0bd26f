import { shiftMonths } from '../../../core/analytics/periods';
import { addDays, businessToday } from '../../../core/common/time';

export const salesPeriods = ['thisMonth', 'lastMonth', 'last3Months', 'yearToDate'] as const;
export type SalesPeriod = (typeof salesPeriods)[number];

export const isSalesPeriod = (value: string | null): value is SalesPeriod =>
  salesPeriods.includes(value as SalesPeriod);

/** The dates of a named period, up to today for periods still running (China time). */
export function periodRange(period: SalesPeriod, today = businessToday()): { from: string; to: string } {
  const monthStart = `${today.slice(0, 7)}-01`;
  switch (period) {
    case 'thisMonth':
      return { from: monthStart, to: today };
    case 'lastMonth':
      return { from: shiftMonths(monthStart, -1), to: addDays(monthStart, -1) };
    case 'last3Months':
      return { from: shiftMonths(monthStart, -2), to: today };
    case 'yearToDate':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}
