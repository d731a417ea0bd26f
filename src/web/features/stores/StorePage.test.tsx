import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
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
