import { describe, expect, it } from 'vitest';
import { averagePriceFen, relativeChange, salesMeasureValues } from './sales-measures';

describe('sales measures', () => {
  it('derives average price, weekend share and achievement from the sums', () => {
    const sums = { units: 6, amountFen: 1500, weekendAmountFen: 600, targetFen: 3000 };
    expect(
      salesMeasureValues(sums, ['amount', 'units', 'avgPrice', 'weekendShare', 'target', 'achievement']),
    ).toEqual({ amount: 1500, units: 6, avgPrice: 250, weekendShare: 0.4, target: 3000, achievement: 0.5 });
  });

  it('rounds the average price to the fen, half up', () => {
    expect(averagePriceFen(15, 6)).toBe(3); // 2.5
    expect(averagePriceFen(1000, 3)).toBe(333);
    expect(averagePriceFen(100, 0)).toBeNull();
  });

  it('has no ratio without a base', () => {
    const none = { units: 0, amountFen: 0, weekendAmountFen: 0, targetFen: null };
    expect(salesMeasureValues(none, ['avgPrice', 'weekendShare', 'target', 'achievement'])).toEqual({
      avgPrice: null,
      weekendShare: null,
      target: null,
      achievement: null,
    });
    expect(salesMeasureValues({ ...none, targetFen: 0 }, ['achievement'])).toEqual({ achievement: null });
  });

  it('compares as a relative change', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(10, 0)).toBeNull();
    expect(relativeChange(null, 10)).toBeNull();
  });
});
