import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fenToYuanText, parseYuanToFen } from './money';

describe('money', () => {
  it('reads yuan text the way chains and ERPs write it', () => {
    expect(parseYuanToFen('1,234.56')).toBe(123456);
    expect(parseYuanToFen('¥12')).toBe(1200);
    expect(parseYuanToFen('  8.5 ')).toBe(850);
    expect(parseYuanToFen('-3.5')).toBe(-350);
    expect(parseYuanToFen('.5')).toBe(50);
    expect(parseYuanToFen('1.2万')).toBe(1_200_000);
    expect(parseYuanToFen('12.345')).toBe(1235); // half away from zero
    expect(parseYuanToFen('12.344')).toBe(1234);
    expect(parseYuanToFen('-12.345')).toBe(-1235);
  });

  it('rejects what is not an amount', () => {
    for (const text of ['', 'abc', '1.2.3', '12元', '1e5', '--1']) expect(parseYuanToFen(text)).toBeNull();
  });

  it('round-trips every fen amount through its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuanToFen(fenToYuanText(fen))).toBe(fen);
      }),
    );
  });
});
