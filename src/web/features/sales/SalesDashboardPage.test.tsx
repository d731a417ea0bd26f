import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { Alert, SalesResponse, SalesRow } from '../../../core/analytics/analytics.contract';
import type { EChartProps } from '../../components/EChart';
import { renderPage } from '../../test/render';
import { salesDictionary } from './sales.dictionary';
import { SalesDashboardPage } from './SalesDashboardPage';

// jsdom has no canvas: stand in for the lazily loaded chart with the category names it would draw.
vi.mock('../../components/EChart', () => ({
  EChart: ({ option, ariaLabel }: EChartProps) => {
    const axis = ([] as unknown[]).concat(option.xAxis ?? [], option.yAxis ?? []) as { data?: string[] }[];
    return (
      <div role="img" aria-label={ariaLabel}>
        {axis.flatMap((item) => item.data ?? []).join(' | ')}
      </div>
    );
  },
}));

const walmart = { id: 1, code: 'WMT', name: '沃尔玛' } as Account;
const answer = (
  rows: SalesRow[],
  totals: SalesResponse['totals'] = {},
  compareTotals?: SalesResponse['totals'],
) =>
  ({
    rows,
    totals,
    compareTotals,
    meta: { source: 'sales_store_month', rowCount: rows.length },
  }) satisfies SalesResponse;

function salesAnswer(url: URL): SalesResponse {
  switch (url.searchParams.get('by') ?? '') {
    case '':
      return answer(
        [],
        {
          amount: 123_456_000,
          units: 45_678,
          avgPrice: 2703,
          weekendShare: 0.4567,
          target: 150_000_000,
          achievement: 0.823,
        },
        {
          amount: 110_000_000,
          units: 40_000,
          avgPrice: 2750,
          weekendShare: 0.44,
          target: null,
          achievement: null,
        },
      );
    case 'month':
      return answer(
        ['2025-06', '2025-07'].map((period, index) => ({
          period,
          periodStart: `${period}-01`,
          amount: 1000 + index,
          compare: { amount: 900 },
          change: { amount: 0.11 },
        })),
      );
    case 'storeClass':
      return answer([
        {
          storeClass: 'A',
          amount: 80_000_000,
          compare: { amount: 70_000_000 },
          change: { amount: 0.142857 },
        },
        { storeClass: 'B', amount: 43_456_000, compare: { amount: 40_000_000 }, change: { amount: 0.0864 } },
      ]);
    case 'account':
      return answer([
        { accountId: 1, accountName: '沃尔玛', amount: 123_456_000, target: 150_000_000, achievement: 0.823 },
      ]);
    default:
      return answer([]);
  }
}

const stockAlert: Alert = {
  type: 'out_of_stock',
  storeId: 7,
  storeCode: '1001',
  storeName: '沃尔玛深圳蛇口店',
  accountName: '沃尔玛',
  skuId: 3,
  skuCode: 'SN-001',
  skuName: '香脆薯片 原味 75g',
  detail: { onHand: 0 },
  since: '2025-06-20',
};

const api = {
  'GET /api/analytics/sales': salesAnswer,
  'GET /api/alerts': () => ({ items: [stockAlert], total: 23 }),
  'GET /api/accounts': () => ({ items: [walmart], total: 1 }),
  'GET /api/org-units': () => ({ items: [], total: 0 }),
};

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
const salesCalls = (calls: { url: URL }[]) =>
  calls.filter((call) => call.url.pathname === '/api/analytics/sales').map((call) => call.url.searchParams);

describe('SalesDashboardPage', () => {
  it('shows the month’s amount with its year-on-year change, achievement, and the trend asked by month with YoY', async () => {
    const { calls } = renderPage(<SalesDashboardPage />, {
      role: 'hq_ops',
      path: '/sales?month=2025-06',
      dictionaries: { sales: salesDictionary },
      api,
    });

    await waitFor(() => expect(screen.getByTestId('sales-kpi-amount').textContent).toBe('¥123.5万'));
    expect(screen.getByTestId('sales-kpi-yoy').textContent).toBe('+12.2%');
    expect(screen.getByTestId('sales-kpi-achievement').textContent).toBe('82.3%');
    expect(screen.getByText('目标 ¥150.0万')).toBeTruthy();

    const kpi = salesCalls(calls).find((params) => !params.has('by'))!;
    expect(kpi.get('from')).toBe('2025-06-01');
    expect(kpi.get('to')).toBe('2025-06-30');
    expect(kpi.get('compare')).toBe('yoy');
    expect(kpi.get('measures')!.split(',')).toEqual(
      expect.arrayContaining(['amount', 'units', 'target', 'achievement', 'weekendShare']),
    );
    // 13 months ending with the chosen one, each against the same month a year earlier.
    const trend = salesCalls(calls).find((params) => params.get('by') === 'month')!;
    expect(trend.get('compare')).toBe('yoy');
    expect(trend.get('from')).toBe('2024-06-01');
    expect(trend.get('to')).toBe('2025-06-30');
    const chart = within(screen.getByTestId('sales-trend-chart'));
    expect((await chart.findByRole('img', { name: '月度销售额趋势（同比）' })).textContent).toBe(
      '2025-06 | 2025-07',
    );

    // By store class, against last year, as a table as well as a chart.
    const byClass = within(screen.getByTestId('sales-by-class'));
    expect(await byClass.findByText('¥80.0万')).toBeTruthy();
    expect(byClass.getByText('+14.3%')).toBeTruthy();

    const panel = within(screen.getByTestId('sales-stockout-panel'));
    expect(await panel.findByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(panel.getByText('缺货')).toBeTruthy();
    expect(panel.getByText('查看全部 23 条').closest('a')!.getAttribute('href')).toBe(
      '/alerts?type=out_of_stock,low_stock',
    );
  });

  it('puts the chosen account in the URL and asks every figure and the stock alerts for it', async () => {
    const { calls, router } = renderPage(<SalesDashboardPage />, {
      role: 'hq_ops',
      path: '/sales?month=2025-06',
      dictionaries: { sales: salesDictionary },
      api,
    });
    await screen.findByText('沃尔玛深圳蛇口店');

    // jsdom is a phone: the filters fold behind a button.
    await user.click(screen.getByText('筛选'));
    await user.click(within(screen.getByTestId('filter-accountId')).getByRole('combobox'));
    await user.click(await screen.findByTitle('沃尔玛'));

    await waitFor(() => expect(router.state.location.search).toBe('?month=2025-06&accountId=1'));
    await waitFor(() => {
      const latest = salesCalls(calls).slice(-8);
      expect(latest.every((params) => params.get('accountId') === '1')).toBe(true);
    });
    const alertCalls = calls.filter((call) => call.url.pathname === '/api/alerts');
    expect(alertCalls.at(-1)!.url.searchParams.get('accountId')).toBe('1');
    expect(
      screen
        .getByText(/查看全部/)
        .closest('a')!
        .getAttribute('href'),
    ).toBe('/alerts?type=out_of_stock,low_stock&accountId=1');
  });

  it('tells a rep the figures cover their own stores', async () => {
    renderPage(<SalesDashboardPage />, {
      role: 'rep',
      path: '/sales?month=2025-06',
      dictionaries: { sales: salesDictionary },
      api,
    });
    expect(await screen.findByText(/数据范围：我负责的门店/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('sales-kpi-amount').textContent).toBe('¥123.5万'));
  });
});
