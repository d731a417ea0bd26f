import { describe, expect, it } from 'vitest';
import { comparisonRange, isWeekendDay, periodLabel, periodStart, shiftYear } from './periods';

describe('periods', () => {
  it('buckets a date into day, ISO week, month, quarter and year', () => {
    expect(periodStart('2026-11-25', 'week')).toBe('2026-11-23'); // a Wednesday → Monday
    expect(periodLabel('2026-11-25', 'week')).toBe('2026-W48');
    expect(periodLabel('2027-01-01', 'week')).toBe('2026-W53'); // Friday 1 Jan 2027 belongs to 2026's last week
    expect(periodLabel('2026-01-01', 'week')).toBe('2026-W01'); // Thursday 1 Jan 2026 starts week 1
    expect(periodStart('2026-11-25', 'quarter')).toBe('2026-10-01');
    expect(periodLabel('2026-11-25', 'quarter')).toBe('2026-Q4');
    expect(periodLabel('2026-11-25', 'month')).toBe('2026-11');
    expect(periodLabel('2026-11-25', 'year')).toBe('2026');
  });

  it('counts Friday to Sunday as the weekend', () => {
    expect(['2026-11-20', '2026-11-21', '2026-11-22'].map(isWeekendDay)).toEqual([true, true, true]);
    expect(['2026-11-23', '2026-11-26'].map(isWeekendDay)).toEqual([false, false]);
  });

  it('compares with the same dates last year, or the period just before', () => {
    expect(comparisonRange('2026-11-01', '2026-11-30', 'yoy')).toEqual({
      from: '2025-11-01',
      to: '2025-11-30',
    });
    expect(comparisonRange('2026-11-01', '2026-11-30', 'pop')).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(comparisonRange('2026-03-01', '2026-03-31', 'pop')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(comparisonRange('2026-11-10', '2026-11-16', 'pop')).toEqual({
      from: '2026-11-03',
      to: '2026-11-09',
    });
    expect(shiftYear('2028-02-29', -1)).toBe('2027-02-28');
  });
});
