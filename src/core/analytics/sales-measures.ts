import { ratio } from '../common/money';
import type { SalesMeasure } from './analytics.contract';

/** What every sales figure is derived from: sums that add up across stores, SKUs and days. */
export interface SalesSums {
  units: number;
  amountFen: number;
  weekendAmountFen: number;
  /** Null when no target applies to the question (or none was set). */
  targetFen: number | null;
}

export const emptySalesSums = (): SalesSums => ({
  units: 0,
  amountFen: 0,
  weekendAmountFen: 0,
  targetFen: null,
});

/**
 * Average price per unit in whole fen, half up (sell-out amounts are never negative, so this is money.ts's
 * half-away-from-zero). Null when nothing was sold.
 */
export const averagePriceFen = (amountFen: number, units: number): number | null =>
  units > 0 ? Math.round(amountFen / units) : null;

export function salesMeasureValue(sums: SalesSums, measure: SalesMeasure): number | null {
  switch (measure) {
    case 'amount':
      return sums.amountFen;
    case 'units':
      return sums.units;
    case 'avgPrice':
      return averagePriceFen(sums.amountFen, sums.units);
    case 'weekendShare':
      return ratio(sums.weekendAmountFen, sums.amountFen);
    case 'target':
      return sums.targetFen;
    case 'achievement':
      return sums.targetFen === null ? null : ratio(sums.amountFen, sums.targetFen);
  }
}

export function salesMeasureValues(
  sums: SalesSums,
  measures: readonly SalesMeasure[],
): Record<string, number | null> {
  return Object.fromEntries(measures.map((measure) => [measure, salesMeasureValue(sums, measure)]));
}

/** Relative change (0.12 = +12%); null when there is nothing to compare with. */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

export function addSalesSums(into: SalesSums, more: SalesSums): SalesSums {
  into.units += more.units;
  into.amountFen += more.amountFen;
  into.weekendAmountFen += more.weekendAmountFen;
  if (more.targetFen !== null) into.targetFen = (into.targetFen ?? 0) + more.targetFen;
  return into;
}
