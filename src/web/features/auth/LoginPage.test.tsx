import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { renderPage } from '../../test/render';
import { authDictionary } from './auth.dictionary';
import { LoginPage } from './LoginPage';

describe('LoginPage', () => {
  it('shows the server’s invalid-credentials answer in Chinese and stays on the page', async () => {
    const { queryClient } = renderPage(<LoginPage />, {
      path: '/login',
      dictionaries: { auth: authDictionary },
      api: {
        'GET /api/auth/sign-in-options': () => ({ demoLogins: [], demoPassword: null }),
        'POST /api/auth/login': () => {
          throw {
            status: 401,
            error: { code: 'invalid_credentials', message: 'Wrong username or password' },
          };
        },
      },
    });
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
    await userEvent.type(await screen.findByLabelText('用户名'), 'rep');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByText('用户名或密码错误')).toBeTruthy());
    // Not a demo installation: no logins are advertised.
    expect(screen.queryByTestId('demo-hint')).toBeNull();
  });

  it('names the demo logins on a demo installation', async () => {
    const { queryClient } = renderPage(<LoginPage />, {
      path: '/login',
      dictionaries: { auth: authDictionary },
      api: {
        'GET /api/auth/sign-in-options': () => ({
          demoLogins: ['admin', 'rep'],
          demoPassword: 'endcap-demo',
        }),
      },
    });
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
    expect((await screen.findByTestId('demo-hint')).textContent).toBe(
      '演示账号：admin / rep，密码 endcap-demo',
    );
  });
});
