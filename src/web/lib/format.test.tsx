import { describe, expect, it } from 'vitest';
import { formatArea, formatDate, formatWan, formatYuan } from './format';

describe('money and number formatting', () => {
  it('shows fen as yuan with the ¥ sign', () => {
    expect(formatYuan(123450)).toBe('¥1,234.50');
    expect(formatYuan(null)).toBe('—');
  });
  it('shows big figures in 万 and 亿 for Chinese readers', () => {
    expect(formatWan(12_345_600)).toBe('¥12.3万');
    expect(formatWan(25_000_000_000)).toBe('¥2.50亿');
    expect(formatWan(99_900)).toBe('¥999');
    expect(formatWan(12_345_600, 'en')).toBe('¥123.5K');
  });
  it('keeps calendar dates as they are and formats areas', () => {
    expect(formatDate('2026-01-02')).toBe('2026-01-02');
    expect(formatArea(12000)).toBe('12,000 m²');
  });
});
