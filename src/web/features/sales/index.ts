import { LineChartOutlined, TableOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { salesDictionary } from './sales.dictionary';

export const salesFeature: WebFeature = {
  namespace: 'sales',
  dictionary: salesDictionary,
  routes: [
    {
      path: 'sales',
      lazy: () => import('./SalesDashboardPage').then((m) => ({ Component: m.SalesDashboardPage })),
    },
    {
      path: 'reports',
      lazy: () => import('./ReportBuilderPage').then((m) => ({ Component: m.ReportBuilderPage })),
    },
  ],
  nav: [
    { key: 'sales', path: '/sales', labelKey: 'sales:nav.dashboard', icon: LineChartOutlined, order: 15 },
    { key: 'reports', path: '/reports', labelKey: 'sales:nav.reports', icon: TableOutlined, order: 16 },
  ],
};
