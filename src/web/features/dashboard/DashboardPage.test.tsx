import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Dashboard } from '../../../core/dashboard/dashboard.contract';
import type { EChartProps } from '../../components/EChart';
import { renderPage } from '../../test/render';
import { dashboardDictionary } from './dashboard.dictionary';
import { DashboardPage } from './DashboardPage';

// jsdom has no canvas: stand in for the lazily loaded chart with the names it would draw.
vi.mock('../../components/EChart', () => ({
  EChart: ({ option, ariaLabel }: EChartProps) => {
    const series = ([] as unknown[]).concat(option.series ?? []) as { data?: unknown[] }[];
    const axis = ([] as unknown[]).concat(option.xAxis ?? [], option.yAxis ?? []) as { data?: string[] }[];
    const names = [
      ...series.flatMap((item) =>
        (item.data ?? []).map((point) => (point as { name?: string }).name).filter(Boolean),
      ),
      ...axis.flatMap((item) => item.data ?? []),
    ];
    return (
      <div role="img" aria-label={ariaLabel}>
        {names.join(' | ')}
      </div>
    );
  },
}));

const dashboard: Dashboard = {
  accountsByTier: [
    { tier: 'key', count: 12 },
    { tier: 'core', count: 20 },
    { tier: 'potential', count: 8 },
  ],
  storesByClass: [
    { storeClass: 'A', count: 150 },
    { storeClass: 'B', count: 300 },
    { storeClass: null, count: 34 },
  ],
  storesByFormat: [
    { format: 'supermarket', count: 200 },
    { format: 'hypermarket', count: 284 },
  ],
  storesPerRep: [
    { repId: 5, repName: '高明', count: 31 },
    { repId: 6, repName: '郭峰', count: 44 },
  ],
  staleContacts: { days: 90, count: 57, total: 410 },
  totals: { accounts: 40, stores: 1234, contacts: 410 },
};

describe('DashboardPage', () => {
  it('shows the totals and charts the API answers, with enum labels in Chinese', async () => {
    renderPage(<DashboardPage />, {
      dictionaries: { dashboard: dashboardDictionary },
      api: { 'GET /api/dashboard': () => dashboard },
    });

    expect((await screen.findByTestId('dashboard-total-stores')).textContent).toBe('1,234');
    expect(screen.getByTestId('dashboard-total-accounts').textContent).toBe('40');
    expect(screen.getByTestId('dashboard-total-contacts').textContent).toBe('410');
    expect(screen.getByTestId('dashboard-stale-contacts').textContent).toBe('57');
    expect(screen.getByText('90 天未联系')).toBeTruthy();
    expect(screen.getByTestId('dashboard-stale-link').getAttribute('href')).toBe('/contacts?staleDays=90');

    expect((await screen.findByRole('img', { name: '客户系统按等级' })).textContent).toBe(
      '关键客户 | 中坚客户 | 潜力客户',
    );
    expect((await screen.findByRole('img', { name: '门店按卖场等级' })).textContent).toBe(
      'A 类 | B 类 | C 类 | 未分级',
    );
    expect((await screen.findByRole('img', { name: '门店按业态' })).textContent).toBe('大卖场 | 超市');
    // Reps ranked by store count, most first.
    expect((await screen.findByRole('img', { name: '各代表负责门店数' })).textContent).toBe('郭峰 | 高明');
  });

  it('tells a rep the figures are their own stores and leaves out the ranking of reps', async () => {
    const own: Dashboard = {
      ...dashboard,
      storesPerRep: [{ repId: 1, repName: '测试用户', count: 3 }],
      totals: { accounts: 2, stores: 3, contacts: 3 },
    };
    renderPage(<DashboardPage />, {
      role: 'rep',
      dictionaries: { dashboard: dashboardDictionary },
      api: { 'GET /api/dashboard': () => own },
    });

    expect((await screen.findByTestId('dashboard-total-stores')).textContent).toBe('3');
    expect(screen.getByText('数据范围：我负责的门店')).toBeTruthy();
    await screen.findByRole('img', { name: '门店按业态' });
    expect(screen.queryByText('各代表负责门店数')).toBeNull();
  });

  it('shows an empty chart instead of nothing when the scope has no stores', async () => {
    const empty: Dashboard = {
      accountsByTier: [],
      storesByClass: [],
      storesByFormat: [],
      storesPerRep: [],
      staleContacts: { days: 90, count: 0, total: 0 },
      totals: { accounts: 0, stores: 0, contacts: 0 },
    };
    renderPage(<DashboardPage />, {
      role: 'assistant',
      dictionaries: { dashboard: dashboardDictionary },
      api: { 'GET /api/dashboard': () => empty },
    });
    expect((await screen.findByTestId('dashboard-total-stores')).textContent).toBe('0');
    const card = screen.getByText('客户系统按等级').closest('.ant-card') as HTMLElement;
    expect(within(card).queryByRole('img', { name: '客户系统按等级' })).toBeNull();
    expect(within(card).getAllByText('暂无数据').length).toBeGreaterThan(0);
  });
});
