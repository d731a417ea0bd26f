import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { LoginPage } from '../features/auth';
import type { WebFeature } from '../lib/feature';
import { useSession } from '../lib/session';
import { AppLayout } from './AppLayout';

function RequireSession({ features }: { features: WebFeature[] }) {
  const { user, isLoading } = useSession();
  const location = useLocation();
  if (isLoading) return <Spin fullscreen />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppLayout features={features} />;
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('notFound')} />;
}

export function createAppRouter(features: WebFeature[]) {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    {
      path: '/',
      element: <RequireSession features={features} />,
      hydrateFallbackElement: <Spin fullscreen />,
      children: [...features.flatMap((feature) => feature.routes), { path: '*', element: <NotFound /> }],
    },
  ]);
}
