import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiToken } from '../../../core/auth/auth.contract';
import type { OrgUnit } from '../../../core/org/org.contract';
import { renderPage } from '../../test/render';
import { profileDictionary } from './profile.dictionary';
import { ProfilePage } from './ProfilePage';

const orgUnits: OrgUnit[] = [
  { id: 1, code: 'HQ', name: '总部', kind: 'hq', parentId: null },
  { id: 2, code: 'SOUTH', name: '华南大区', kind: 'region', parentId: 1 },
];

describe('ProfilePage', () => {
  it('shows who I am, and a new token’s secret once', async () => {
    const tokens: ApiToken[] = [];
    const { calls } = renderPage(<ProfilePage />, {
      path: '/profile',
      dictionaries: { profile: profileDictionary },
      api: {
        'GET /api/org-units': () => ({ items: orgUnits, total: 2 }),
        'GET /api/auth/tokens': () => ({ items: tokens }),
        'POST /api/auth/tokens': () => {
          const token = {
            id: 5,
            name: '周报脚本',
            prefix: 'ec_AbCdEfG',
            createdAt: '2026-03-04T05:06:07.000Z',
            lastUsedAt: null,
            expiresAt: null,
          };
          tokens.push(token);
          return { ...token, token: 'ec_AbCdEfGsecret-part-of-the-token' };
        },
      },
    });
    expect(await screen.findByText('测试用户')).toBeTruthy();
    expect(screen.getByText('系统管理员')).toBeTruthy();
    expect(await screen.findByText('总部')).toBeTruthy();
    expect(screen.getByTestId('token-curl').textContent).toContain(
      `curl -H "Authorization: Bearer <token>" ${window.location.origin}/api/stores`,
    );

    await userEvent.click(screen.getByLabelText('名称'));
    await userEvent.paste('周报脚本');
    await userEvent.click(screen.getByRole('button', { name: /创建令牌/ }));

    const secret = within(await screen.findByTestId('token-secret'));
    expect(secret.getByText('ec_AbCdEfGsecret-part-of-the-token')).toBeTruthy();
    expect(secret.getByText(/这是唯一一次显示该令牌/)).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ name: '周报脚本' });
    // The list shows the prefix only; once closed, the secret is gone for good.
    expect(await screen.findByText('ec_AbCdEfG…')).toBeTruthy();
    await userEvent.click(secret.getByRole('button', { name: '我已保存，关闭' }));
    await waitFor(() => expect(screen.queryByText('ec_AbCdEfGsecret-part-of-the-token')).toBeNull());
    expect(screen.getByText('周报脚本')).toBeTruthy();
  });

  it('says so next to the field when the current password is wrong', async () => {
    renderPage(<ProfilePage />, {
      path: '/profile',
      dictionaries: { profile: profileDictionary },
      api: {
        'GET /api/org-units': () => ({ items: orgUnits, total: 2 }),
        'GET /api/auth/tokens': () => ({ items: [] }),
        'POST /api/auth/me/password': () => {
          throw {
            status: 400,
            error: {
              code: 'validation_failed',
              message: 'The current password is wrong',
              details: [{ path: 'body.currentPassword', message: 'wrong password' }],
            },
          };
        },
      },
    });
    const fill = async (label: string, text: string) => {
      await userEvent.click(await screen.findByLabelText(label));
      await userEvent.paste(text);
    };
    await fill('当前密码', 'not-my-password');
    await fill('新密码', 'a-new-password');
    await fill('确认新密码', 'a-new-password');
    await userEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText('当前密码不正确')).toBeTruthy();
  });
});
