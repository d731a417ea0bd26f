import { shiftMonths } from '../analytics/periods';
import { addDays } from '../common/time';

/**
 * A date range cut into what monthly rollups can answer and what they cannot: the whole calendar months inside it,
 * and at most two partial months at its edges, which must be read day by day.
 */
export interface MonthSpans {
  /** First days of the whole months: from (included) to end (excluded); null when there is none. */
  wholeMonths: { from: string; end: string } | null;
  /** Partial months at the edges: the month's first day and the days of it inside the range. */
  partialMonths: { month: string; from: string; to: string }[];
}

const firstOfMonth = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;
const lastOfMonth = (isoDate: string) => addDays(shiftMonths(firstOfMonth(isoDate), 1), -1);

export function monthSpans(from: string, to: string): MonthSpans {
  if (from > to) return { wholeMonths: null, partialMonths: [] };
  const fromMonth = firstOfMonth(from);
  const toMonth = firstOfMonth(to);
  const partialMonths: MonthSpans['partialMonths'] = [];
  const startsWhole = from === fromMonth;
  const endsWhole = to === lastOfMonth(to);
  if (fromMonth === toMonth) {
    if (startsWhole && endsWhole)
      return { wholeMonths: { from: fromMonth, end: shiftMonths(fromMonth, 1) }, partialMonths };
    return { wholeMonths: null, partialMonths: [{ month: fromMonth, from, to }] };
  }
  if (!startsWhole) partialMonths.push({ month: fromMonth, from, to: lastOfMonth(from) });
  if (!endsWhole) partialMonths.push({ month: toMonth, from: toMonth, to });
  const wholeFrom = startsWhole ? fromMonth : shiftMonths(fromMonth, 1);
  const wholeEnd = endsWhole ? shiftMonths(toMonth, 1) : toMonth;
  return { wholeMonths: wholeFrom < wholeEnd ? { from: wholeFrom, end: wholeEnd } : null, partialMonths };
}
