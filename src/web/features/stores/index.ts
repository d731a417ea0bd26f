import { ShopOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { storesDictionary } from './stores.dictionary';

export const storesFeature: WebFeature = {
  namespace: 'stores',
  dictionary: storesDictionary,
  routes: [
    { path: 'stores', lazy: () => import('./StoresPage').then((m) => ({ Component: m.StoresPage })) },
    { path: 'stores/:id', lazy: () => import('./StorePage').then((m) => ({ Component: m.StorePage })) },
  ],
  nav: [{ key: 'stores', path: '/stores', labelKey: 'stores:nav', icon: ShopOutlined, order: 30 }],
};
