import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import { renderPage } from '../../test/render';
import { accountsDictionary } from './accounts.dictionary';
import { AccountsPage } from './AccountsPage';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const account = (overrides: Partial<Account>): Account => ({
  id: 1,
  code: 'WMT',
  name: '沃尔玛',
  tier: 'key',
  tradeType: 'hq_direct',
  formats: ['hypermarket', 'warehouse_club'],
  hqCity: '深圳',
  status: 'active',
  houseRules: {},
  notes: null,
  storeCount: 130,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const accounts = [
  account({}),
  account({ id: 2, code: 'CRF', name: '家乐福', hqCity: '上海', formats: ['hypermarket'], storeCount: 80 }),
];
const api = { 'GET /api/accounts': () => ({ items: accounts, total: accounts.length }) };
const renderList = (role: 'hq_ops' | 'rep', path = '/accounts') =>
  renderPage(<AccountsPage />, {
    role,
    path,
    routePath: '/accounts',
    extraRoutes: [{ path: '/accounts/:id', element: <p>account page</p> }],
    dictionaries: { accounts: accountsDictionary },
    api,
  });

describe('AccountsPage', () => {
  it('lists the accounts with their labels, and opens an account from its name', async () => {
    const { router } = renderList('hq_ops');
    const table = within(await screen.findByTestId('accounts-table'));
    expect(await table.findByText('沃尔玛')).toBeTruthy();
    expect(table.getAllByText('关键客户')).toHaveLength(2);
    expect(table.getByText('仓储会员店')).toBeTruthy();
    expect(table.getByText('130')).toBeTruthy();
    expect(screen.getByText('新建客户')).toBeTruthy();

    await user.click(table.getByText('沃尔玛'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/accounts/1'));
  });

  it('does not offer a rep to create accounts', async () => {
    renderList('rep');
    expect(await screen.findByText('沃尔玛')).toBeTruthy();
    expect(screen.queryByText('新建客户')).toBeNull();
  });

  it('sends the search, filters and sort in the URL to the API', async () => {
    const { calls } = renderList('rep', '/accounts?q=沃&tier=key,core&sort=-storeCount');
    await screen.findByText('沃尔玛');
    const list = calls.find((call) => call.url.pathname === '/api/accounts')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      q: '沃',
      tier: 'key,core',
      sort: '-storeCount',
      limit: '50',
      offset: '0',
    });
  });
});
