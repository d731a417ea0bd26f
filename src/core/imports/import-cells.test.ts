import { describe, expect, it } from 'vitest';
import { parseMonth, parseQuantity, parseSalesDate } from './import-cells';
import { missingFields, suggestMapping } from './import-fields';

describe('parseSalesDate', () => {
  it.each([
    ['2026-01-05', '2026-01-05'],
    ['20260105', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026.01.05', '2026-01-05'],
    ['2026年1月5日', '2026-01-05'],
    [' 2026-01-05 00:00:00 ', '2026-01-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s', (text, expected) => expect(parseSalesDate(text)).toBe(expected));

  it.each([
    '2026-02-29',
    '20261301',
    '2026-13-01',
    '05/01/2026',
    '2026-01-05 13:00',
    '',
    'yesterday',
    '46027',
  ])('rejects %s', (text) => expect(parseSalesDate(text)).toBeNull());
});

describe('parseMonth', () => {
  it.each([
    ['2026-05', '2026-05-01'],
    ['2026/5', '2026-05-01'],
    ['202605', '2026-05-01'],
    ['2026年5月', '2026-05-01'],
    ['2026-05-17', '2026-05-01'],
  ])('reads %s', (text, expected) => expect(parseMonth(text)).toBe(expected));

  it.each(['2026-13', '5月', ''])('rejects %s', (text) => expect(parseMonth(text)).toBeNull());
});

describe('parseQuantity', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    ['3.0', 3],
    ['1,200', 1200],
    [' 7 ', 7],
  ])('reads %s', (text, expected) => expect(parseQuantity(text)).toBe(expected));

  it.each([
    ['2.5', 'must be a whole number'],
    ['-1', 'must not be negative'],
    ['abc', 'must be a number'],
    ['', 'must be a number'],
    ['9999999999', 'too large'],
  ])('rejects %s', (text, reason) => expect(parseQuantity(text)).toBe(reason));
});

describe('suggestMapping', () => {
  it('matches Chinese and English headers loosely and reports what is missing', () => {
    const mapping = suggestMapping('sellout', ['店号', '货号', '销售日期', ' Units ', '备注']);
    expect(mapping).toEqual({ storeCode: '店号', itemCode: '货号', date: '销售日期', units: ' Units ' });
    expect(missingFields('sellout', mapping)).toEqual(['amount']);
    expect(missingFields('sellout', { ...mapping, itemCode: undefined, amount: '金额' })).toEqual([
      'itemCode | barcode | skuCode',
    ]);
  });
});
