import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { SalesResponse } from '../../../core/analytics/analytics.contract';
import { businessToday } from '../../../core/common/time';
import type { EChartProps } from '../../components/EChart';
import { renderPage } from '../../test/render';
import { ReportBuilderPage } from './ReportBuilderPage';
import { salesDictionary } from './sales.dictionary';

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

const byAccountMonth: SalesResponse = {
  rows: [
    {
      accountId: 1,
      accountName: '沃尔玛',
      period: '2026-11',
      periodStart: '2026-11-01',
      amount: 1_100_000,
      units: 500,
      compare: { amount: 1_000_000, units: 520 },
      change: { amount: 0.1, units: -0.04 },
    },
  ],
  totals: { amount: 1_100_000, units: 500 },
  compareTotals: { amount: 1_000_000, units: 520 },
  meta: {
    source: 'sales_store_month',
    rowCount: 1,
    comparisonRange: { from: '2025-11-01', to: '2025-11-25' },
  },
};

const bySku: SalesResponse = {
  rows: [
    { skuId: 3, skuCode: 'SN-001', skuName: '香脆薯片 原味 75g', amount: 500_000 },
    { skuId: 4, skuCode: 'SN-002', skuName: '海苔卷 40g', amount: 900_000 },
  ],
  totals: { amount: 1_400_000 },
  meta: { source: 'sales_store_sku_month', rowCount: 2 },
};

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
  // jsdom cannot follow the download link the export clicks.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('ReportBuilderPage', () => {
  it('sends the chosen measures, dimensions and comparison, and shows compare and change columns with totals', async () => {
    const { calls, router } = renderPage(<ReportBuilderPage />, {
      role: 'hq_ops',
      path: '/reports',
      dictionaries: { sales: salesDictionary },
      api: {
        'GET /api/analytics/sales': () => byAccountMonth,
        'GET /api/accounts': () => ({ items: [], total: 0 }),
        'GET /api/org-units': () => ({ items: [], total: 0 }),
        'GET /api/users': () => ({ items: [], total: 0 }),
      },
    });
    expect(await screen.findByText('选择指标、维度和期间后点击“运行”')).toBeTruthy();
    expect(calls.some((call) => call.url.pathname === '/api/analytics/sales')).toBe(false);

    await user.click(screen.getByLabelText('目标'));
    await user.click(within(screen.getByTestId('report-grain')).getByRole('combobox'));
    await user.click(await screen.findByTitle('月'));
    await user.click(screen.getByLabelText('同比'));
    await user.click(screen.getByTestId('report-run'));

    await waitFor(() =>
      expect(calls.some((call) => call.url.pathname === '/api/analytics/sales')).toBe(true),
    );
    const sent = calls.find((call) => call.url.pathname === '/api/analytics/sales')!.url.searchParams;
    expect(sent.get('measures')).toBe('amount,units,target');
    expect(sent.get('by')).toBe('account,month');
    expect(sent.get('compare')).toBe('yoy');
    expect(sent.get('from')).toBe(`${businessToday().slice(0, 7)}-01`);
    expect(sent.get('to')).toBe(businessToday());
    // The definition is the URL: a bookmark runs the same report.
    expect(new URLSearchParams(router.state.location.search).get('by')).toBe('account,month');

    const table = within(screen.getByTestId('report-table'));
    expect(await table.findByText('沃尔玛')).toBeTruthy();
    const header = within(screen.getByTestId('report-table').querySelector('thead')!);
    expect(header.getAllByText('对比期')).toHaveLength(3);
    expect(header.getAllByText('变化')).toHaveLength(3);
    // The row's change as the API says it, and the totals' change worked out from the totals.
    expect(table.getAllByText('+10.0%')).toHaveLength(2);
    expect(table.getByText('-4.0%')).toBeTruthy();
    expect(table.getByText('-3.8%')).toBeTruthy();
    expect(table.getByText('合计')).toBeTruthy();
    expect(table.getByTestId('report-total-amount').textContent).toBe('¥11,000.00');
    expect(screen.getByText(/对比期 2025-11-01 至 2025-11-25/)).toBeTruthy();
  });

  it('runs a bookmarked report at once, charts its one dimension and exports the same query', async () => {
    const { calls } = renderPage(<ReportBuilderPage />, {
      role: 'hq_ops',
      path: '/reports?measures=amount&by=sku&from=2025-01-01&to=2025-12-31&order=-amount&limit=20&accountId=1',
      dictionaries: { sales: salesDictionary },
      api: {
        'GET /api/analytics/sales': () => bySku,
        'GET /api/analytics/sales/export.xlsx': () => ({}),
        'GET /api/accounts': () => ({ items: [], total: 0 }),
        'GET /api/accounts/1': () => ({ id: 1, code: 'WMT', name: '沃尔玛' }),
        'GET /api/org-units': () => ({ items: [], total: 0 }),
        'GET /api/users': () => ({ items: [], total: 0 }),
      },
    });
    // Largest first on the chart, whatever order the rows came in.
    expect((await screen.findByLabelText('销售额（按品项）', {}, { timeout: 10_000 })).textContent).toBe(
      '海苔卷 40g | 香脆薯片 原味 75g',
    );
    const table = within(screen.getByTestId('report-table'));
    expect(table.queryByText('对比期')).toBeNull();
    expect(table.getByText('香脆薯片 原味 75g（SN-001）').closest('a')!.getAttribute('href')).toBe('/skus/3');

    await user.click(screen.getByTestId('report-export'));
    await waitFor(() =>
      expect(calls.some((call) => call.url.pathname === '/api/analytics/sales/export.xlsx')).toBe(true),
    );
    const exported = calls.find((call) => call.url.pathname === '/api/analytics/sales/export.xlsx')!;
    expect(Object.fromEntries(exported.url.searchParams)).toEqual({
      measures: 'amount',
      by: 'sku',
      from: '2025-01-01',
      to: '2025-12-31',
      order: '-amount',
      limit: '20',
      accountId: '1',
    });
  });
});
