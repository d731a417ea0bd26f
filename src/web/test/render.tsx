import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import type { SessionUser } from '../../core/auth/auth.contract';
import type { Role } from '../../core/auth/roles';
import { commonDictionary } from '../lib/common-dictionary';
import type { FeatureDictionary } from '../lib/i18n';
import { initI18n } from '../lib/i18n';
import { SESSION_QUERY_KEY, SessionProvider } from '../lib/session';

type Handler = (url: URL, init: RequestInit | undefined) => unknown;

/**
 * Renders a page as a signed-in user with the app's providers. The HTTP boundary is replaced:
 * `routes` maps "METHOD /api/path" to a handler whose return value is answered as JSON
 * (throw `{ status, error }` for an error answer). Server behaviour itself is tested in the API tests.
 */
export function renderPage(
  element: ReactElement,
  options: {
    role?: Role;
    path?: string;
    routePath?: string;
    extraRoutes?: RouteObject[];
    dictionaries?: Record<string, FeatureDictionary>;
    api?: Record<string, Handler>;
  } = {},
) {
  const user: SessionUser = {
    id: 1,
    username: 'tester',
    displayName: '测试用户',
    role: options.role ?? 'admin',
    orgUnitId: 1,
    locale: 'zh-CN',
  };
  const i18n = initI18n({ common: commonDictionary, ...(options.dictionaries ?? {}) });
  const calls: { method: string; url: URL; body: unknown }[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
    const handler = options.api?.[`${method} ${url.pathname}`];
    if (!handler)
      return new Response(
        JSON.stringify({
          error: { code: 'not_found', message: `no test handler for ${method} ${url.pathname}` },
        }),
        { status: 404 },
      );
    try {
      const result = await handler(url, init);
      return new Response(result === undefined ? null : JSON.stringify(result), {
        status: result === undefined ? 204 : 200,
        headers: { 'content-type': 'application/json' },
      });
    } catch (thrown) {
      const { status, error } = thrown as { status: number; error: unknown };
      return new Response(JSON.stringify({ error }), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }
  });
  vi.stubGlobal('fetch', fetchMock);

  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(SESSION_QUERY_KEY, user);
  const router = createMemoryRouter(
    [{ path: options.routePath ?? '*', element }, ...(options.extraRoutes ?? [])],
    { initialEntries: [options.path ?? '/'] },
  );
  const result = render(
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  );
  return { ...result, calls, router, queryClient };
}
