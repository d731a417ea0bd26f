import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from '../lib/api';
import { commonDictionary } from '../lib/common-dictionary';
import { initI18n } from '../lib/i18n';
import { SESSION_QUERY_KEY, SessionProvider } from '../lib/session';
import { features } from './features';
import { createAppRouter } from './router';

const i18n = initI18n({
  common: commonDictionary,
  ...Object.fromEntries(features.map((f) => [f.namespace, f.dictionary])),
});

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError) && count < 2,
    },
  },
  // A 401 anywhere means the session ended: forget the user, and the router shows the sign-in page.
  queryCache: new QueryCache({ onError: (error) => signOutOn401(error) }),
  mutationCache: new MutationCache({ onError: (error) => signOutOn401(error) }),
});

function signOutOn401(error: unknown) {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(SESSION_QUERY_KEY, null);
}

const router = createAppRouter(features);

export function App() {
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (lng: string) => setLanguage(lng);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={language === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#1f6feb', borderRadius: 6 } }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
