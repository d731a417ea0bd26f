import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { StockRow } from '../../../core/analytics/analytics.contract';
import type { Listing, Sku } from '../../../core/catalog/catalog.contract';
import { renderPage } from '../../test/render';
import { skusDictionary } from './skus.dictionary';
import { SkuPage } from './SkuPage';

const crisps: Sku = {
  id: 11,
  code: 'SN-1001',
  barcode: '6901234567892',
  name: '海苔薯片 原味',
  brand: '脆乐',
  isOwn: true,
  competitorCompany: null,
  category: '薯片',
  flavour: '原味',
  packSize: '120g',
  unit: '袋',
  casePack: 24,
  listPriceFen: 1290,
  floorPriceFen: 1590,
  retailPriceFen: 1990,
  standardCostFen: 700,
  shelfLifeDays: 270,
  status: 'planned',
  launchedOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const listing: Listing = {
  storeId: 5,
  storeCode: '1001',
  storeName: '沃尔玛深圳蛇口店',
  accountId: 1,
  accountName: '沃尔玛',
  skuId: 11,
  skuCode: 'SN-1001',
  skuName: '海苔薯片 原味',
  listedOn: '2026-10-08',
  delistedOn: null,
};

const stockRow: StockRow = {
  storeId: 0,
  storeCode: '1001',
  storeName: '',
  accountId: 1,
  accountName: '沃尔玛',
  skuId: 11,
  skuCode: 'SN-1001',
  skuName: '海苔薯片 原味',
  isListed: true,
  onHand: 0,
  onHandDate: '2026-11-20',
  averageDailyUnits: 4,
  averageWindowDays: 28,
  daysOfSupply: 0,
};

const distribution = (accountId: string | null) => ({
  rows: [
    {
      skuId: 11,
      skuCode: 'SN-1001',
      skuName: '海苔薯片 原味',
      targetStores: accountId ? 40 : 200,
      listedStores: accountId ? 30 : 120,
      soldStores: accountId ? 20 : 90,
      listedShare: accountId ? 0.75 : 0.6,
      soldShare: accountId ? 0.5 : 0.45,
    },
  ],
});

describe('SkuPage', () => {
  it('shows the profile, top stores, distribution overall and by account, launch and listings', async () => {
    const { calls } = renderPage(<SkuPage />, {
      role: 'manager',
      path: '/skus/11',
      routePath: '/skus/:id',
      dictionaries: { skus: skusDictionary },
      api: {
        'GET /api/skus/11': () => crisps,
        'GET /api/item-codes': () => ({
          items: [
            {
              accountId: 1,
              accountCode: 'WMT',
              itemCode: 'W-88001',
              skuId: 11,
              skuCode: 'SN-1001',
              skuName: '',
            },
          ],
          total: 1,
        }),
        'GET /api/accounts': () => ({ items: [{ id: 1, code: 'WMT', name: '沃尔玛' } as Account], total: 1 }),
        'GET /api/analytics/sales': (url) =>
          url.searchParams.get('by') === 'store'
            ? {
                rows: [
                  { storeId: 5, storeCode: '1001', storeName: '沃尔玛深圳蛇口店', amount: 98_700, units: 77 },
                ],
                totals: { amount: 98_700, units: 77 },
                meta: { source: 'test', rowCount: 1 },
              }
            : { rows: [], totals: { amount: null }, meta: { source: 'test', rowCount: 0 } },
        'GET /api/analytics/distribution': (url) => distribution(url.searchParams.get('accountId')),
        'GET /api/skus/11/launch': () => ({
          skuId: 11,
          targetStores: 200,
          weeks: [{ weekStart: '2026-11-16', listedStores: 120, sellingStores: 90, unitsInWeek: 300 }],
        }),
        'GET /api/listings': () => ({ items: [listing], total: 1 }),
        'GET /api/stock': () => ({
          items: [
            { ...stockRow, storeId: 5, storeName: '沃尔玛深圳蛇口店', onHand: 0, daysOfSupply: 0 },
            { ...stockRow, storeId: 6, storeName: '沃尔玛福田店', onHand: 48, daysOfSupply: 12.04 },
          ],
          total: 2,
        }),
      },
    });
    expect(await screen.findByText('W-88001', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('¥12.90')).toBeTruthy();
    expect((await screen.findByTestId('sku-listed-share', {}, { timeout: 10_000 })).textContent).toBe(
      '60.0%',
    );
    expect(screen.getByTestId('sku-sold-share').textContent).toBe('45.0%');
    expect(await screen.findByText('75.0%')).toBeTruthy(); // 沃尔玛's own share
    expect(await within(screen.getByTestId('sku-top-stores')).findByText('¥987.00')).toBeTruthy();
    expect(
      await screen.findByText(/对比目标门店 200 家 · 最近一周：上架 120 家（60.0%），动销 90 家（45.0%）/),
    ).toBeTruthy();
    expect(await within(screen.getByTestId('sku-listings')).findByText('2026-10-08')).toBeTruthy();

    const stock = within(screen.getByTestId('sku-stock'));
    expect(await stock.findByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(stock.getByText('缺货')).toBeTruthy();
    expect(stock.getByText('12 天')).toBeTruthy();
    expect(screen.getByTestId('sku-stock-summary').textContent).toBe('共 2 家门店（在架或有盘点）');
    const stockCall = calls.find((call) => call.url.pathname === '/api/stock')!;
    expect(stockCall.url.searchParams.get('skuId')).toBe('11');
    expect(stockCall.url.searchParams.get('sort')).toBe('daysOfSupply');

    const topStores = calls.find((call) => call.url.searchParams.get('by') === 'store')!;
    expect(topStores.url.searchParams.get('skuId')).toBe('11');
    expect(topStores.url.searchParams.get('order')).toBe('-amount');
  });
});
