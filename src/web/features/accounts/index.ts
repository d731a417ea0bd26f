import { BankOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { accountsDictionary } from './accounts.dictionary';

export const accountsFeature: WebFeature = {
  namespace: 'accounts',
  dictionary: accountsDictionary,
  routes: [
    { path: 'accounts', lazy: () => import('./AccountsPage').then((m) => ({ Component: m.AccountsPage })) },
    { path: 'accounts/:id', lazy: () => import('./AccountPage').then((m) => ({ Component: m.AccountPage })) },
  ],
  nav: [{ key: 'accounts', path: '/accounts', labelKey: 'accounts:nav', icon: BankOutlined, order: 20 }],
};
