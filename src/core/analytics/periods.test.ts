import { describe, expect, it } from 'vitest';
import {
  alignComparisonPeriod,
  comparisonRange,
  isoWeekStart,
  isWeekendDay,
  isWholeMonthRange,
  periodLabel,
  periodStart,
  shiftYear,
} from './periods';

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

  it('compares whole months with whole months a year earlier, 29 February included', () => {
    expect(comparisonRange('2025-02-01', '2025-02-28', 'yoy')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(comparisonRange('2025-01-01', '2025-12-31', 'yoy')).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(comparisonRange('2025-03-05', '2025-03-18', 'yoy')).toEqual({
      from: '2024-03-05',
      to: '2024-03-18',
    });
    expect(isWholeMonthRange('2026-01-01', '2026-03-31')).toBe(true);
    expect(isWholeMonthRange('2026-01-01', '2026-03-30')).toBe(false);
    expect(isWholeMonthRange('2026-01-02', '2026-01-31')).toBe(false);
  });

  it('finds the Monday of an ISO week', () => {
    expect(isoWeekStart(2026, 1)).toBe('2025-12-29');
    expect(isoWeekStart(2026, 48)).toBe('2026-11-23');
    expect(isoWeekStart(2020, 53)).toBe('2020-12-28');
  });

  it('lines up each comparison period with its counterpart in the range asked for', () => {
    const year2026 = { from: '2026-01-01', to: '2026-12-31' };
    expect(alignComparisonPeriod('2025-03-01', 'month', 'yoy', year2026)).toBe('2026-03-01');
    expect(alignComparisonPeriod('2025-10-01', 'quarter', 'yoy', year2026)).toBe('2026-10-01');
    expect(alignComparisonPeriod('2025-11-24', 'week', 'yoy', year2026)).toBe('2026-11-23'); // W48 ↔ W48
    expect(alignComparisonPeriod('2025-06-15', 'day', 'yoy', year2026)).toBe('2026-06-15');
    expect(alignComparisonPeriod('2024-02-29', 'day', 'yoy', { from: '2025-02-01', to: '2025-02-28' })).toBe(
      '2025-02-28',
    );
    // 2020 had an ISO week 53; 2021 did not.
    expect(
      alignComparisonPeriod('2020-12-28', 'week', 'yoy', { from: '2021-01-01', to: '2021-12-31' }),
    ).toBeNull();

    const november = { from: '2026-11-01', to: '2026-11-30' };
    expect(alignComparisonPeriod('2026-10-01', 'month', 'pop', november)).toBe('2026-11-01');
    expect(alignComparisonPeriod('2026-10-05', 'day', 'pop', november)).toBe('2026-11-05');
    expect(alignComparisonPeriod('2026-10-31', 'day', 'pop', november)).toBeNull();
    const quarter = { from: '2026-04-01', to: '2026-06-30' };
    expect(alignComparisonPeriod('2026-02-01', 'month', 'pop', quarter)).toBe('2026-05-01');
    // A 7-day range: the week before, day by day.
    const week = { from: '2026-11-10', to: '2026-11-16' };
    expect(alignComparisonPeriod('2026-11-03', 'day', 'pop', week)).toBe('2026-11-10');
    expect(alignComparisonPeriod('2026-11-09', 'day', 'pop', week)).toBe('2026-11-16');
  });
});
