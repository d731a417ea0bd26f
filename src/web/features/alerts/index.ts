import { AlertOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { alertsDictionary } from './alerts.dictionary';

export const alertsFeature: WebFeature = {
  namespace: 'alerts',
  dictionary: alertsDictionary,
  routes: [{ path: 'alerts', lazy: () => import('./AlertsPage').then((m) => ({ Component: m.AlertsPage })) }],
  nav: [{ key: 'alerts', path: '/alerts', labelKey: 'alerts:nav', icon: AlertOutlined, order: 55 }],
};
