import { addDays } from '../common/time';

/** Time grains a sales figure can be grouped by. Weeks start on Monday (ISO weeks). */
export const timeGrains = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof timeGrains)[number];

const dayOfWeek = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday

/** Weekend in retail terms: Friday, Saturday and Sunday, when hypermarkets do most of their trade. */
export const isWeekendDay = (isoDate: string) => [5, 6, 0].includes(dayOfWeek(isoDate));

/** The first day of the period (of the given grain) that contains the date. */
export function periodStart(isoDate: string, grain: TimeGrain): string {
  const [year, month] = isoDate.split('-').map(Number);
  switch (grain) {
    case 'day':
      return isoDate;
    case 'week':
      return addDays(isoDate, -((dayOfWeek(isoDate) + 6) % 7));
    case 'month':
      return `${isoDate.slice(0, 7)}-01`;
    case 'quarter':
      return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${year}-01-01`;
  }
}

/** How a period is written in answers and charts: 2026-11-25, 2026-W48, 2026-11, 2026-Q4, 2026. */
export function periodLabel(isoDate: string, grain: TimeGrain): string {
  const start = periodStart(isoDate, grain);
  switch (grain) {
    case 'day':
      return start;
    case 'week': {
      // ISO week number: the week containing the year's first Thursday is week 1.
      const thursday = addDays(start, 3);
      const yearStart = `${thursday.slice(0, 4)}-01-01`;
      const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / 86_400_000;
      return `${thursday.slice(0, 4)}-W${String(Math.floor(days / 7) + 1).padStart(2, '0')}`;
    }
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return start.slice(0, 4);
  }
}

/** Whole days from `from` to `to`, both included. */
export const daysBetweenInclusive = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The same dates one year earlier (29 February becomes 28 February). */
export function shiftYear(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export type Comparison = 'yoy' | 'pop';

/**
 * The range a period is compared with: the same dates a year earlier (year on year), or the range of the same
 * length just before it (period on period). A whole-month range compares with the whole previous month.
 */
export function comparisonRange(
  from: string,
  to: string,
  comparison: Comparison,
): { from: string; to: string } {
  const isWholeMonths = isWholeMonthRange(from, to);
  if (comparison === 'yoy') {
    // February 2025 compares with all of February 2024, 29 February included.
    if (isWholeMonths)
      return { from: shiftYear(from, -1), to: addDays(shiftMonths(addDays(to, 1), -12), -1) };
    return { from: shiftYear(from, -1), to: shiftYear(to, -1) };
  }
  if (isWholeMonths) {
    const months = monthsBetween(from, addDays(to, 1));
    return { from: shiftMonths(from, -months), to: addDays(from, -1) };
  }
  const length = daysBetweenInclusive(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** From the first day of a month to the last day of a month (the same one or a later one). */
export const isWholeMonthRange = (from: string, to: string) =>
  from.endsWith('-01') && addDays(to, 1).endsWith('-01') && from <= to;

/** The Monday that starts ISO week `week` of ISO year `year`. */
export function isoWeekStart(year: number, week: number): string {
  return addDays(periodStart(`${year}-01-04`, 'week'), (week - 1) * 7); // 4 January is always in week 1
}

/**
 * Where a period of the comparison range lines up in the range asked for, so each row can carry its own
 * comparison: a year later for year on year (ISO week 48 with week 48, 29 February with 28 February), or one
 * range length later for period on period (whole months by months, other ranges by days). Null when the
 * period has no counterpart in the range (week 53, the 31st of a longer month).
 */
export function alignComparisonPeriod(
  comparisonPeriodStart: string,
  grain: TimeGrain,
  comparison: Comparison,
  range: { from: string; to: string },
): string | null {
  let aligned: string;
  if (comparison === 'yoy') {
    if (grain === 'week') {
      const [year, week] = periodLabel(comparisonPeriodStart, 'week').split('-W').map(Number);
      aligned = isoWeekStart(year + 1, week);
      if (periodLabel(aligned, 'week') !== `${year + 1}-W${String(week).padStart(2, '0')}`) return null;
    } else {
      aligned = periodStart(shiftYear(comparisonPeriodStart, 1), grain);
    }
  } else {
    const previous = comparisonRange(range.from, range.to, 'pop');
    const isMonthly = grain === 'month' || grain === 'quarter' || grain === 'year';
    aligned =
      isMonthly && isWholeMonthRange(range.from, range.to)
        ? periodStart(
            shiftMonths(
              periodStart(comparisonPeriodStart, 'month'),
              monthsBetween(previous.from, range.from),
            ),
            grain,
          )
        : periodStart(
            addDays(comparisonPeriodStart, daysBetweenInclusive(previous.from, range.from) - 1),
            grain,
          );
  }
  return aligned >= periodStart(range.from, grain) && aligned <= range.to ? aligned : null;
}

function monthsBetween(from: string, to: string) {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

export function shiftMonths(firstOfMonth: string, months: number): string {
  const index = Number(firstOfMonth.slice(0, 4)) * 12 + Number(firstOfMonth.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
