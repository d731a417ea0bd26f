import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Alert, AlertType } from '../../../core/analytics/analytics.contract';
import { renderPage } from '../../test/render';
import { alertsDictionary } from './alerts.dictionary';
import { AlertsPage } from './AlertsPage';

const outOfStock: Alert = {
  type: 'out_of_stock',
  storeId: 7,
  storeCode: '1001',
  storeName: '沃尔玛深圳蛇口店',
  accountName: '沃尔玛',
  skuId: 3,
  skuCode: 'SN-001',
  skuName: '香脆薯片 原味 75g',
  detail: { onHand: 0, countedOn: '2026-11-20', averageDailyUnits: 4.26 },
  since: '2026-11-20',
};
const details: Record<AlertType, Alert['detail']> = {
  out_of_stock: { onHand: 0 },
  low_stock: { daysOfSupply: 1.5 },
  no_sales: { lastSale: null, daysSinceLastSale: 12 },
  decline: { change: -0.5 },
};
const more = (type: AlertType, count: number, skuName: string): Alert[] =>
  Array.from({ length: count }, (_, index): Alert => ({
    ...outOfStock,
    type,
    storeId: 100 + index,
    storeName: `门店${index}`,
    skuId: 40 + index,
    skuName,
    detail: details[type],
    since: null,
  }));
// 12 out of stock, 30 low on stock, 5 without sales, none in decline: in the server's order, by type.
const alerts = [
  outOfStock,
  ...more('out_of_stock', 11, '海苔卷 40g'),
  ...more('low_stock', 30, '牛轧糖 100g'),
  ...more('no_sales', 5, '每日坚果 25g'),
];

const api = {
  'GET /api/alerts': () => ({ items: alerts, total: alerts.length }),
  'GET /api/accounts': () => ({ items: [], total: 0 }),
  'GET /api/accounts/1': () => ({ id: 1, code: 'WMT', name: '沃尔玛' }),
  'GET /api/stores': () => ({ items: [], total: 0 }),
  'GET /api/users': () => ({ items: [], total: 0 }),
};

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
const alertCalls = (calls: { url: URL }[]) =>
  calls.filter((call) => call.url.pathname === '/api/alerts').map((call) => call.url.searchParams);

describe('AlertsPage', () => {
  it('shows how many alerts of each type there are, and lists one type when its chip is chosen', async () => {
    const { calls, router } = renderPage(<AlertsPage />, {
      role: 'manager',
      path: '/alerts?accountId=1',
      dictionaries: { alerts: alertsDictionary },
      api,
    });
    await waitFor(() => expect(screen.getByTestId('alerts-count-out_of_stock').textContent).toBe('12'));
    expect(screen.getByTestId('alerts-count-low_stock').textContent).toBe('30');
    expect(screen.getByTestId('alerts-count-no_sales').textContent).toBe('5');
    expect(screen.getByTestId('alerts-count-decline').textContent).toBe('0');
    expect(screen.getByRole('button', { name: /全部\s*47/ }).getAttribute('aria-pressed')).toBe('true');
    // One question for all types, with the page's filters.
    expect(alertCalls(calls)).toHaveLength(1);
    expect(alertCalls(calls)[0].get('accountId')).toBe('1');
    expect(alertCalls(calls)[0].has('type')).toBe(false);

    const cards = within(await screen.findByTestId('alerts-cards'));
    expect(cards.getByText('沃尔玛深圳蛇口店', { exact: false, selector: 'a' }).getAttribute('href')).toBe(
      '/stores/7',
    );
    expect(cards.getByText('香脆薯片 原味 75g').closest('a')!.getAttribute('href')).toBe('/skus/3');
    expect(cards.getAllByText('库存 0')).toHaveLength(12);
    expect(cards.getByText('日均销量 4.3')).toBeTruthy();
    expect(cards.getByText('盘点日 2026-11-20')).toBeTruthy();

    await user.click(screen.getByTestId('alerts-type-low_stock'));
    await waitFor(() => expect(router.state.location.search).toBe('?accountId=1&type=low_stock'));
    await waitFor(() => expect(cards.queryByText('香脆薯片 原味 75g')).toBeNull());
    expect(cards.getAllByText('牛轧糖 100g').length).toBeGreaterThan(0);
    expect(cards.getAllByText('库存天数 1.5').length).toBeGreaterThan(0);
    expect(screen.getByTestId('alerts-type-low_stock').getAttribute('aria-pressed')).toBe('true');
  });

  it('takes the dashboard’s link: several types from the URL, the figures a server left unknown left out', async () => {
    renderPage(<AlertsPage />, {
      path: '/alerts?type=out_of_stock,no_sales&accountId=1',
      dictionaries: { alerts: alertsDictionary },
      api,
    });
    const cards = within(await screen.findByTestId('alerts-cards'));
    expect(await cards.findByText('香脆薯片 原味 75g')).toBeTruthy();
    expect(cards.queryByText('牛轧糖 100g')).toBeNull();
    expect(screen.getByTestId('alerts-type-out_of_stock').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('alerts-type-low_stock').getAttribute('aria-pressed')).toBe('false');
    // 12 + 5 alerts, 50 a page: all on the one page.
    expect(cards.getAllByText('每日坚果 25g')).toHaveLength(5);
    expect(cards.getAllByText('已无销售(天) 12')).toHaveLength(5);
    expect(cards.queryByText(/最后销售日/)).toBeNull();
  });
});
