import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyStore } from './store-class';

describe('classifyStore', () => {
  it('reproduces the worked examples of the domain guide', () => {
    expect(classifyStore(5000)).toBe('A');
    expect(classifyStore(4999)).toBe('B');
    expect(classifyStore(2000)).toBe('B');
    expect(classifyStore(1999)).toBe('C');
  });

  it('leaves a store without a known area unclassified', () => {
    expect(classifyStore(null)).toBeNull();
    expect(classifyStore(undefined)).toBeNull();
    expect(classifyStore(Number.NaN)).toBeNull();
    expect(classifyStore(-1)).toBeNull();
  });

  it('never gives a larger store a lower class', () => {
    const rank = { A: 3, B: 2, C: 1 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(rank[classifyStore(large)!]).toBeGreaterThanOrEqual(rank[classifyStore(small)!]);
      }),
    );
  });
});
