import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coverDays, daysOfSupply, suggestOrder } from './replenishment';

const settings = { leadTimeDays: 3, reviewPeriodDays: 7, safetyDays: 3 };

describe('days of supply', () => {
  it('is on-hand over average daily sell-out', () => {
    expect(daysOfSupply(120, 10)).toBe(12);
    expect(daysOfSupply(5, 2)).toBe(2.5);
    expect(daysOfSupply(0, 3)).toBe(0);
  });
  it('has no end for stock that does not sell, and is 0 for no stock and no sales', () => {
    expect(daysOfSupply(40, 0)).toBeNull();
    expect(daysOfSupply(0, 0)).toBe(0);
  });
});

describe('order suggestion', () => {
  it('covers lead time + review period + safety days of average sales, less stock and open orders', () => {
    expect(coverDays(settings)).toBe(13);
    // 13 days × 10/day = 130, minus 40 on hand, minus 20 on order = 70.
    expect(suggestOrder({ settings, averageDailyUnits: 10, onHand: 40, onOrder: 20 })).toEqual({
      units: 70,
      cases: null,
    });
  });
  it('rounds up to whole units and whole cases', () => {
    expect(suggestOrder({ settings, averageDailyUnits: 2.5, onHand: 0, onOrder: 0 }).units).toBe(33); // 32.5
    expect(suggestOrder({ settings, averageDailyUnits: 10, onHand: 40, onOrder: 20, casePack: 24 })).toEqual({
      units: 72,
      cases: 3,
    });
    expect(
      suggestOrder({
        settings: { leadTimeDays: 10, reviewPeriodDays: 10, safetyDays: 10 },
        averageDailyUnits: 0.1,
        onHand: 0,
        onOrder: 0,
      }).units,
    ).toBe(3);
  });
  it('never suggests a negative order', () => {
    expect(suggestOrder({ settings, averageDailyUnits: 1, onHand: 500, onOrder: 0 })).toEqual({
      units: 0,
      cases: null,
    });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.option(fc.integer({ min: 1, max: 48 })),
        (average, onHand, onOrder, casePack) => {
          const { units, cases } = suggestOrder({
            settings,
            averageDailyUnits: average,
            onHand,
            onOrder,
            casePack,
          });
          expect(units).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(units)).toBe(true);
          // Enough to cover the period once it arrives, and less than one extra unit (or case) beyond it.
          const need = 13 * average - onHand - onOrder;
          if (need > 1e-6) expect(units).toBeGreaterThanOrEqual(need - 1e-6);
          const step = casePack && casePack > 1 ? casePack : 1;
          expect(units).toBeLessThan(Math.max(need, 0) + step + 1e-6);
          if (cases !== null) expect(units).toBe(cases * casePack!);
        },
      ),
    );
  });
});
