import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { Store } from '../../../core/stores/stores.contract';
import { renderPage } from '../../test/render';
import { storesDictionary } from './stores.dictionary';
import { StoresPage } from './StoresPage';

const walmart: Account = {
  id: 1,
  code: 'WMT',
  name: '沃尔玛',
  tier: 'key',
  tradeType: 'hq_direct',
  formats: ['hypermarket'],
  hqCity: '深圳',
  status: 'active',
  houseRules: {},
  notes: null,
  storeCount: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const store = (overrides: Partial<Store>): Store => ({
  id: 1,
  accountId: 1,
  accountCode: 'WMT',
  accountName: '沃尔玛',
  code: '1001',
  name: '沃尔玛深圳蛇口店',
  format: 'hypermarket',
  floorArea: 12000,
  storeClass: 'A',
  province: '广东省',
  city: '深圳',
  district: '南山区',
  address: null,
  tradeArea: '蛇口',
  latitude: null,
  longitude: null,
  dailyTraffic: null,
  potential: 4,
  openedOn: '2001-05-01',
  status: 'open',
  orgUnitId: null,
  orgUnitName: null,
  reps: [{ id: 7, displayName: '高明' }],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const stores = [
  store({}),
  store({ id: 2, code: '1002', name: '沃尔玛深圳小店', floorArea: null, storeClass: null, reps: [] }),
];

const api = {
  'GET /api/stores': () => ({ items: stores, total: stores.length }),
  'GET /api/accounts': () => ({ items: [walmart], total: 1 }),
  'GET /api/users': () => ({ items: [], total: 0 }),
};

// Ant Design nests deeply; checking pointer-events on every ancestor makes each click take seconds in jsdom.
const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

describe('StoresPage', () => {
  it('shows the stores from the API and asks for class A stores when the class filter is chosen', async () => {
    const { calls, router } = renderPage(<StoresPage />, {
      role: 'hq_ops',
      path: '/stores',
      dictionaries: { stores: storesDictionary },
      api,
    });
    const table = within(await screen.findByTestId('stores-table'));
    expect(await table.findByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(table.getByText('12,000 m²')).toBeTruthy();
    expect(table.getByText('高明')).toBeTruthy();
    expect(table.getAllByText('广东省 / 深圳')).toHaveLength(2);
    expect(table.getByText('—', { selector: 'span' })).toBeTruthy(); // the unclassified store

    // jsdom has no wide screen: the phone layout, where the filters fold behind a button.
    await user.click(screen.getByText('筛选'));
    await user.click(within(screen.getByTestId('filter-storeClass')).getByRole('combobox'));
    await user.click(await screen.findByTitle('A'));

    await waitFor(() => expect(router.state.location.search).toBe('?storeClass=A'));
    await waitFor(() => {
      const listCalls = calls.filter((call) => call.url.pathname === '/api/stores');
      expect(listCalls.at(-1)!.url.searchParams.get('storeClass')).toBe('A');
    });
  });

  it('sends the URL’s filters, sort and page to the API', async () => {
    const { calls } = renderPage(<StoresPage />, {
      path: '/stores?accountId=1&storeClass=A,none&sort=-floorArea&page=2',
      dictionaries: { stores: storesDictionary },
      api,
    });
    await screen.findByText('沃尔玛深圳蛇口店');
    const list = calls.find((call) => call.url.pathname === '/api/stores')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      accountId: '1',
      storeClass: 'A,none',
      sort: '-floorArea',
      limit: '20',
      offset: '20',
    });
  });

  it('shows a rep the list and export, without the import and create buttons', async () => {
    const { calls } = renderPage(<StoresPage />, {
      role: 'rep',
      path: '/stores',
      dictionaries: { stores: storesDictionary },
      api,
    });
    expect(await screen.findByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(screen.getByTestId('stores-export')).toBeTruthy();
    expect(screen.queryByTestId('stores-import')).toBeNull();
    expect(screen.queryByText('新建门店')).toBeNull();
    // Reps may not read users: no rep filter, and no request that would answer 403.
    await user.click(screen.getByText('筛选'));
    expect(screen.getByTestId('filter-storeClass')).toBeTruthy();
    expect(screen.queryByTestId('filter-repId')).toBeNull();
    expect(calls.some((call) => call.url.pathname === '/api/users')).toBe(false);
  });

  it('gives HQ operations the import and create buttons', async () => {
    renderPage(<StoresPage />, {
      role: 'hq_ops',
      path: '/stores',
      dictionaries: { stores: storesDictionary },
      api,
    });
    expect(await screen.findByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(screen.getByTestId('stores-import')).toBeTruthy();
    expect(screen.getByText('新建门店')).toBeTruthy();
    await user.click(screen.getByText('筛选'));
    expect(screen.getByTestId('filter-repId')).toBeTruthy();
  });
});
