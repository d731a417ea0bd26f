import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { StockRow } from '../../../core/analytics/analytics.contract';
import type { Store } from '../../../core/stores/stores.contract';
import { renderPage } from '../../test/render';
import { storesDictionary } from './stores.dictionary';
import { StorePage } from './StorePage';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const shekou: Store = {
  id: 5,
  accountId: 1,
  accountCode: 'WMT',
  accountName: '沃尔玛',
  code: '1001',
  name: '沃尔玛深圳蛇口店',
  format: 'hypermarket',
  floorArea: 5000,
  storeClass: 'A',
  province: '广东省',
  city: '深圳',
  district: '南山区',
  address: '南海大道 1001 号',
  tradeArea: '蛇口',
  latitude: 22.4932,
  longitude: 113.9211,
  dailyTraffic: 12000,
  potential: 4,
  openedOn: '2001-05-01',
  status: 'open',
  orgUnitId: 3,
  orgUnitName: '深圳',
  reps: [{ id: 7, displayName: '高明' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const api = {
  'GET /api/stores/5': () => shekou,
  'GET /api/contacts': () => ({ items: [], total: 0 }),
  'GET /api/accounts': () => ({ items: [{ id: 1, code: 'WMT', name: '沃尔玛' } as Account], total: 1 }),
  'GET /api/users': () => ({ items: [], total: 0 }),
  'GET /api/org-units': () => ({
    items: [{ id: 3, code: 'SZ', name: '深圳', kind: 'city', parentId: null }],
    total: 1,
  }),
};

describe('StorePage', () => {
  it('shows the store’s profile, and in the edit form the class its floor area will give', async () => {
    const { calls } = renderPage(<StorePage />, {
      role: 'manager',
      path: '/stores/5',
      routePath: '/stores/:id',
      dictionaries: { stores: storesDictionary },
      api: { ...api, 'PATCH /api/stores/5': () => shekou },
    });
    expect(await screen.findByText('南海大道 1001 号')).toBeTruthy();
    expect(screen.getByText('5,000 m²')).toBeTruthy();
    expect(screen.getByText('12,000 人/天')).toBeTruthy();
    expect(screen.getByText('2001-05-01')).toBeTruthy();
    expect(screen.getByText('高明')).toBeTruthy();
    expect(screen.getByTestId('store-add-contact').getAttribute('href')).toBe(
      '/contacts?create=1&storeId=5&returnTo=%2Fstores%2F5',
    );

    await user.click(screen.getByTestId('store-edit'));
    const drawer = within(await screen.findByRole('dialog'));
    const preview = drawer.getByTestId('store-class-preview');
    expect(preview.textContent).toContain('A');
    const area = drawer.getByLabelText('面积（m²）');
    await user.clear(area);
    await user.type(area, '4999');
    await waitFor(() => expect(preview.textContent).toContain('B'));
    await user.clear(area);
    await waitFor(() => expect(preview.textContent).toBe('面积未填，暂不分级'));
    await user.type(area, '1999');
    await waitFor(() => expect(preview.textContent).toContain('C'));

    await user.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    expect(calls.find((call) => call.method === 'PATCH')!.body).toMatchObject({
      floorArea: 1999,
      repIds: [7],
      openedOn: '2001-05-01',
      potential: 4,
    });
  });
});

describe('StorePage tabs', () => {
  const stockRow = (overrides: Partial<StockRow>): StockRow => ({
    storeId: 5,
    storeCode: '1001',
    storeName: '沃尔玛深圳蛇口店',
    accountId: 1,
    accountName: '沃尔玛',
    skuId: 11,
    skuCode: 'SN-1001',
    skuName: '海苔薯片 原味',
    isListed: true,
    onHand: 42,
    onHandDate: '2026-11-18',
    averageDailyUnits: 12,
    averageWindowDays: 28,
    daysOfSupply: 3.5,
    ...overrides,
  });

  it('shows each SKU’s stock with its days of supply, out-of-stock ones marked', async () => {
    const { calls } = renderPage(<StorePage />, {
      role: 'rep',
      path: '/stores/5?tab=stock',
      routePath: '/stores/:id',
      dictionaries: { stores: storesDictionary },
      api: {
        ...api,
        'GET /api/stock': () => ({
          items: [
            stockRow({ skuId: 12, skuCode: 'SN-1002', skuName: '海苔薯片 麻辣', onHand: 0, daysOfSupply: 0 }),
            stockRow({}),
            stockRow({ skuId: 13, skuCode: 'SN-1003', skuName: '夹心饼干', onHand: 300, daysOfSupply: 25 }),
            stockRow({
              skuId: 14,
              skuCode: 'SN-1004',
              skuName: '坚果礼盒',
              averageDailyUnits: 0,
              daysOfSupply: null,
            }),
          ],
          total: 4,
        }),
      },
    });
    const table = within(await screen.findByTestId('store-stock', {}, { timeout: 10_000 }));
    const rowOf = async (name: string) =>
      (await table.findByText(name, { exact: false }, { timeout: 10_000 })).closest('tr')!;
    expect((await rowOf('海苔薯片 麻辣')).textContent).toContain('0 · 缺货');
    expect((await rowOf('海苔薯片 原味')).textContent).toContain('3.5 天 · 偏低');
    expect((await rowOf('夹心饼干')).textContent).toContain('25 天');
    expect((await rowOf('坚果礼盒')).textContent).toContain('不动销');
    expect(screen.getByTestId('store-stock-summary').textContent).toBe('4 个品项，1 个缺货，1 个不足 7 天');
    expect(calls.find((call) => call.url.pathname === '/api/stock')!.url.searchParams.get('storeId')).toBe(
      '5',
    );
  });

  it('shows this month’s sales against last year and target, and the top SKUs', async () => {
    const { calls } = renderPage(<StorePage />, {
      role: 'manager',
      path: '/stores/5?tab=sales',
      routePath: '/stores/:id',
      dictionaries: { stores: storesDictionary },
      api: {
        ...api,
        'GET /api/analytics/sales': (url) => {
          const by = url.searchParams.get('by');
          if (by === 'month')
            return { rows: [], totals: { amount: 0 }, meta: { source: 'test', rowCount: 0 } };
          if (by === 'sku')
            return {
              rows: [
                {
                  skuId: 11,
                  skuCode: 'SN-1001',
                  skuName: '海苔薯片 原味',
                  amount: 1_234_500,
                  units: 957,
                  change: { amount: 0.25 },
                },
              ],
              totals: { amount: 1_234_500, units: 957 },
              meta: { source: 'test', rowCount: 1 },
            };
          return {
            rows: [],
            totals: { amount: 12_000_000, units: 9_000, target: 15_000_000, achievement: 0.8 },
            compareTotals: { amount: 10_000_000, units: 8_000 },
            meta: { source: 'test', rowCount: 0 },
          };
        },
      },
    });
    // Generous: the page, then three queries, on a loaded machine.
    expect((await screen.findByTestId('store-month-amount', {}, { timeout: 10_000 })).textContent).toBe(
      '¥12.0万',
    );
    expect(screen.getByText('+20.0%')).toBeTruthy();
    expect(screen.getByTestId('store-month-achievement').textContent).toContain('80.0%');
    const top = within(screen.getByTestId('store-top-skus'));
    expect(await top.findByText('SN-1001 海苔薯片 原味')).toBeTruthy();
    expect(top.getByText('¥12,345.00')).toBeTruthy();
    expect(top.getByText('+25.0%')).toBeTruthy();
    const trend = calls.find((call) => call.url.searchParams.get('by') === 'month')!;
    expect(trend.url.searchParams.get('compare')).toBe('yoy');
    expect(trend.url.searchParams.get('storeId')).toBe('5');
  });
});
