import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../common/time';
import { monthSpans } from './month-spans';

describe('monthSpans', () => {
  it('answers whole months from the rollup and partial edges day by day', () => {
    expect(monthSpans('2026-01-01', '2026-03-31')).toEqual({
      wholeMonths: { from: '2026-01-01', end: '2026-04-01' },
      partialMonths: [],
    });
    expect(monthSpans('2026-01-15', '2026-03-10')).toEqual({
      wholeMonths: { from: '2026-02-01', end: '2026-03-01' },
      partialMonths: [
        { month: '2026-01-01', from: '2026-01-15', to: '2026-01-31' },
        { month: '2026-03-01', from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    expect(monthSpans('2026-02-01', '2026-02-28')).toEqual({
      wholeMonths: { from: '2026-02-01', end: '2026-03-01' },
      partialMonths: [],
    });
    expect(monthSpans('2026-02-03', '2026-02-20')).toEqual({
      wholeMonths: null,
      partialMonths: [{ month: '2026-02-01', from: '2026-02-03', to: '2026-02-20' }],
    });
    expect(monthSpans('2025-12-31', '2026-01-01')).toEqual({
      wholeMonths: null,
      partialMonths: [
        { month: '2025-12-01', from: '2025-12-31', to: '2025-12-31' },
        { month: '2026-01-01', from: '2026-01-01', to: '2026-01-01' },
      ],
    });
    expect(monthSpans('2026-03-02', '2026-03-01')).toEqual({ wholeMonths: null, partialMonths: [] });
  });

  it('covers every day of the range exactly once', () => {
    const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = addDays(from, length);
        const spans = monthSpans(from, to);
        const covered: string[] = [];
        if (spans.wholeMonths) {
          for (let d = spans.wholeMonths.from; d < spans.wholeMonths.end; d = addDays(d, 1)) covered.push(d);
        }
        for (const part of spans.partialMonths) {
          expect(part.from.slice(0, 7)).toBe(part.month.slice(0, 7));
          expect(part.to.slice(0, 7)).toBe(part.month.slice(0, 7));
          for (let d = part.from; d <= part.to; d = addDays(d, 1)) covered.push(d);
        }
        covered.sort();
        expect(covered.length).toBe(length + 1);
        expect(covered[0]).toBe(from);
        expect(covered.at(-1)).toBe(to);
        expect(new Set(covered).size).toBe(covered.length);
      }),
    );
  });
});
