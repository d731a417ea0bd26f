import { DashboardOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { dashboardDictionary } from './dashboard.dictionary';

export const dashboardFeature: WebFeature = {
  namespace: 'dashboard',
  dictionary: dashboardDictionary,
  routes: [
    {
      index: true,
      lazy: () => import('./DashboardPage').then((module) => ({ Component: module.DashboardPage })),
    },
  ],
  nav: [{ key: 'dashboard', path: '/', labelKey: 'dashboard:nav', icon: DashboardOutlined, order: 10 }],
};
