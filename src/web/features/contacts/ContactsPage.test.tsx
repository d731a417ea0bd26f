import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import { addDays, businessToday } from '../../../core/common/time';
import type { Contact } from '../../../core/contacts/contacts.contract';
import { renderPage } from '../../test/render';
import { contactsDictionary } from './contacts.dictionary';
import { ContactsPage } from './ContactsPage';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const walmart = { id: 1, code: 'WMT', name: '沃尔玛', houseRules: {} } as Account;
const contact = (overrides: Partial<Contact>): Contact => ({
  id: 1,
  accountId: 1,
  accountName: '沃尔玛',
  storeId: null,
  storeName: null,
  name: '李娜',
  role: 'buyer',
  title: '休闲食品采购',
  phone: '13912345678',
  wechat: 'lina_wmt',
  email: null,
  birthday: null,
  notes: '周一、周四上午巡店',
  lastContactedOn: addDays(businessToday(), -10),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const contacts = [
  contact({}),
  contact({
    id: 2,
    name: '王强',
    role: 'store_manager',
    storeId: 5,
    storeName: '沃尔玛深圳蛇口店',
    lastContactedOn: '2020-03-01',
  }),
  contact({ id: 3, name: '赵敏', role: 'section_head', lastContactedOn: null }),
];

const api = {
  'GET /api/contacts': () => ({ items: contacts, total: contacts.length }),
  'GET /api/accounts': () => ({ items: [walmart], total: 1 }),
  'GET /api/accounts/1': () => walmart,
  'GET /api/stores': () => ({ items: [], total: 0 }),
};

describe('ContactsPage', () => {
  it('lists contacts, marks the ones not contacted for 90 days, and filters them', async () => {
    const { calls, router } = renderPage(<ContactsPage />, {
      role: 'rep',
      path: '/contacts',
      dictionaries: { contacts: contactsDictionary },
      api,
    });
    const table = within(await screen.findByTestId('contacts-table'));
    expect(await table.findByText('李娜')).toBeTruthy();
    expect(table.getAllByText('总部')).toHaveLength(2);
    expect(table.getByText('沃尔玛深圳蛇口店')).toBeTruthy();
    expect(table.getByText('2020-03-01').closest('.ant-tag')).toBeTruthy();
    expect(table.getByText('从未联系')).toBeTruthy();
    // Reps keep their contacts: they may create and import them.
    expect(screen.getByTestId('contacts-import')).toBeTruthy();
    expect(screen.getByText('新建联系人')).toBeTruthy();

    await user.click(screen.getByText('筛选'));
    await user.click(screen.getByText('超过90天未联系'));
    await waitFor(() => expect(router.state.location.search).toBe('?staleDays=90'));
    await waitFor(() => expect(calls.at(-1)!.url.searchParams.get('staleDays')).toBe('90'));
  });

  it('shows the server’s validation message in the contact form, then goes back where it came from', async () => {
    let attempts = 0;
    const { calls, router } = renderPage(<ContactsPage />, {
      role: 'rep',
      path: '/contacts?create=1&accountId=1&returnTo=%2Faccounts%2F1',
      routePath: '/contacts',
      extraRoutes: [{ path: '/accounts/:id', element: <p>account page</p> }],
      dictionaries: { contacts: contactsDictionary },
      api: {
        ...api,
        'POST /api/contacts': () => {
          attempts += 1;
          if (attempts === 1) {
            throw {
              status: 422,
              error: {
                code: 'validation_failed',
                message: 'The request is not valid',
                details: [{ path: 'body.email', message: 'Invalid email address' }],
              },
            };
          }
          return contact({ id: 9, name: '陈晨' });
        },
      },
    });
    const drawer = within(await screen.findByRole('dialog'));
    await user.click(drawer.getByLabelText('姓名'));
    await user.paste('陈晨');
    await user.click(screen.getByTestId('form-save'));

    expect(await drawer.findByText('输入有误')).toBeTruthy();
    expect(drawer.getAllByText(/Invalid email address/).length).toBeGreaterThan(0);
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({
      accountId: 1,
      storeId: null,
      name: '陈晨',
      role: 'buyer',
    });

    await user.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/accounts/1'));
  });
});
