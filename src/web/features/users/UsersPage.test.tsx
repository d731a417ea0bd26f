import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrgUnit, User } from '../../../core/org/org.contract';
import { renderPage } from '../../test/render';
import { usersDictionary } from './users.dictionary';
import { UsersPage } from './UsersPage';

const orgUnits: OrgUnit[] = [
  { id: 1, code: 'HQ', name: '总部', kind: 'hq', parentId: null },
  { id: 2, code: 'SOUTH', name: '华南大区', kind: 'region', parentId: 1 },
];
const gao: User = {
  id: 7,
  username: 'gao',
  displayName: '高明',
  phone: '13800000000',
  role: 'rep',
  orgUnitId: 2,
  orgUnitName: '华南大区',
  isActive: true,
  locale: 'zh-CN',
  lastLoginAt: null,
  createdAt: '2026-01-02T03:04:05.000Z',
};

/** Types a whole value at once (a paste): as the form sees it, and quicker than key by key. */
async function fill(input: HTMLElement, text: string) {
  await userEvent.click(input);
  await userEvent.paste(text);
}

const api = {
  'GET /api/users': () => ({ items: [gao], total: 1 }),
  'GET /api/org-units': () => ({ items: orgUnits, total: orgUnits.length }),
};

describe('UsersPage', () => {
  it('lets an admin create users and edit them', async () => {
    renderPage(<UsersPage />, { path: '/users', dictionaries: { users: usersDictionary }, api });
    expect(await screen.findByText('高明')).toBeTruthy();
    expect(screen.getByText('KA代表')).toBeTruthy();
    expect(screen.getByRole('button', { name: /新\s*建/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '编辑 gao' })).toBeTruthy();
  });

  it('shows a manager the list without the write actions', async () => {
    renderPage(<UsersPage />, {
      role: 'manager',
      path: '/users',
      dictionaries: { users: usersDictionary },
      api,
    });
    expect(await screen.findByText('高明')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新\s*建/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '编辑 gao' })).toBeNull();
  });

  it('keeps search and filters in the URL and sends them to the API', async () => {
    const { calls } = renderPage(<UsersPage />, {
      path: '/users?q=gao&role=rep&page=2',
      dictionaries: { users: usersDictionary },
      api,
    });
    await screen.findByText('高明');
    const list = calls.find((call) => call.url.pathname === '/api/users')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      q: 'gao',
      role: 'rep',
      limit: '20',
      offset: '20',
    });
  });

  it('creates a user, and shows a taken username next to the field', async () => {
    let attempts = 0;
    const { calls } = renderPage(<UsersPage />, {
      path: '/users',
      dictionaries: { users: usersDictionary },
      api: {
        ...api,
        'POST /api/users': () => {
          attempts += 1;
          if (attempts === 1)
            throw {
              status: 409,
              error: { code: 'conflict', message: 'Username gao is taken', details: { field: 'username' } },
            };
          return { ...gao, id: 8, username: 'gao2' };
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: /新\s*建/ }));
    const drawer = within(await screen.findByRole('dialog'));
    await fill(drawer.getByLabelText('用户名'), 'Gao');
    await fill(drawer.getByLabelText('姓名'), '高明');
    await fill(drawer.getByLabelText('密码'), 'short-enough');
    await userEvent.click(screen.getByTestId('user-save'));
    expect(await screen.findByText('该用户名已被使用')).toBeTruthy();
    expect(screen.getByText('数据冲突')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.body).toEqual({
      username: 'gao',
      displayName: '高明',
      phone: null,
      role: 'rep',
      orgUnitId: null,
      isActive: true,
      password: 'short-enough',
    });

    await userEvent.clear(drawer.getByLabelText('用户名'));
    await fill(drawer.getByLabelText('用户名'), 'gao2');
    await userEvent.click(screen.getByTestId('user-save'));
    await waitFor(() => expect(screen.getByText('已创建用户 gao2')).toBeTruthy());
  });
});
