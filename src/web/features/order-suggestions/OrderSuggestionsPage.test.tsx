import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { OrderSuggestion } from '../../../core/analytics/analytics.contract';
import { renderPage } from '../../test/render';
import { orderSuggestionsDictionary } from './order-suggestions.dictionary';
import { OrderSuggestionsPage } from './OrderSuggestionsPage';

const line = (overrides: Partial<OrderSuggestion>): OrderSuggestion => ({
  storeId: 7,
  storeCode: '1001',
  storeName: '沃尔玛深圳蛇口店',
  accountId: 1,
  accountName: '沃尔玛',
  skuId: 3,
  skuCode: 'SN-001',
  skuName: '香脆薯片 原味 75g',
  averageDailyUnits: 2.5,
  onHand: 6,
  onHandDate: '2026-11-24',
  onOrder: 0,
  coverDays: 13,
  daysOfSupply: 2.4,
  suggestedUnits: 36,
  suggestedCases: 3,
  ...overrides,
});
const lines = [
  line({}),
  line({ skuId: 4, skuCode: 'SN-002', skuName: '海苔卷 40g', suggestedUnits: 5, suggestedCases: null }),
  line({
    storeId: 8,
    storeCode: '1002',
    storeName: '沃尔玛深圳宝安店',
    suggestedUnits: 12,
    suggestedCases: 1,
  }),
];

const api = {
  'GET /api/order-suggestions': () => ({ items: lines, total: lines.length }),
  'GET /api/order-suggestions/export.xlsx': () => ({}),
  'GET /api/supply-settings': () => ({
    items: [
      {
        accountId: 1,
        accountCode: 'WMT',
        accountName: '沃尔玛',
        leadTimeDays: 5,
        reviewPeriodDays: 7,
        safetyDays: 3,
        averageWindowDays: 28,
        isDefault: false,
      },
      {
        accountId: 2,
        accountCode: 'CRV',
        accountName: '华润万家',
        leadTimeDays: 3,
        reviewPeriodDays: 7,
        safetyDays: 3,
        averageWindowDays: 28,
        isDefault: true,
      },
    ],
    total: 2,
  }),
  'PUT /api/supply-settings/1': (_url: URL, init: RequestInit | undefined) => JSON.parse(String(init!.body)),
  'GET /api/accounts': () => ({ items: [], total: 0 }),
  'GET /api/stores': () => ({ items: [], total: 0 }),
  'GET /api/users': () => ({ items: [], total: 0 }),
};

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('OrderSuggestionsPage', () => {
  it('shows a rep the formula and their list as one card per store, without the settings editor', async () => {
    const { calls } = renderPage(<OrderSuggestionsPage />, {
      role: 'rep',
      path: '/order-suggestions',
      dictionaries: { orderSuggestions: orderSuggestionsDictionary },
      api,
    });
    expect(screen.getByTestId('order-formula').textContent).toBe(
      '建议订货 = (到货周期 + 订货周期 + 安全天数) × 日均销量 − 库存 − 在途',
    );
    const cards = within(await screen.findByTestId('order-suggestion-cards'));
    expect(await cards.findByText('海苔卷 40g')).toBeTruthy();
    // Two stores, the first with its two SKUs.
    expect(cards.getByText('2 个品项')).toBeTruthy();
    expect(cards.getByText('1 个品项')).toBeTruthy();
    expect(cards.getByText('36')).toBeTruthy();
    expect(cards.getByText('3 箱')).toBeTruthy();
    expect(screen.queryByTestId('supply-settings-editor')).toBeNull();
    expect(calls.some((call) => call.url.pathname === '/api/supply-settings')).toBe(false);
    expect(calls.some((call) => call.url.pathname === '/api/users')).toBe(false);
    expect(
      calls.find((call) => call.url.pathname === '/api/order-suggestions')!.url.searchParams.has('repId'),
    ).toBe(false);
  });

  it('lets HQ operations change an account’s settings, and exports the list as filtered', async () => {
    const { calls } = renderPage(<OrderSuggestionsPage />, {
      role: 'hq_ops',
      path: '/order-suggestions?onlyPositive=false',
      dictionaries: { orderSuggestions: orderSuggestionsDictionary },
      api,
    });
    const editor = within(await screen.findByTestId('supply-settings-editor'));
    await user.click(within(screen.getByTestId('supply-settings-account')).getByRole('combobox'));
    await user.click(await screen.findByTitle('沃尔玛（WMT）'));

    const leadTime = await editor.findByLabelText('到货周期（天）');
    await waitFor(() => expect((leadTime as HTMLInputElement).value).toBe('5'));
    expect(editor.getByText('覆盖 15 天')).toBeTruthy();
    const safety = editor.getByLabelText('安全天数');
    await user.clear(safety);
    await user.type(safety, '4');
    await user.click(editor.getByTestId('supply-settings-save'));

    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/supply-settings/1');
    expect(put.body).toEqual({
      leadTimeDays: 5,
      reviewPeriodDays: 7,
      safetyDays: 4,
      averageWindowDays: 28,
    });

    await user.click(screen.getByTestId('order-suggestions-export'));
    await waitFor(() =>
      expect(calls.some((call) => call.url.pathname === '/api/order-suggestions/export.xlsx')).toBe(true),
    );
    const exported = calls.find((call) => call.url.pathname === '/api/order-suggestions/export.xlsx')!;
    expect(exported.url.searchParams.get('onlyPositive')).toBe('false');
  });
});
