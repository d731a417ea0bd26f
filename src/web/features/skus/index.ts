import { AppstoreOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { skusDictionary } from './skus.dictionary';

export const skusFeature: WebFeature = {
  namespace: 'skus',
  dictionary: skusDictionary,
  routes: [
    { path: 'skus', lazy: () => import('./SkusPage').then((m) => ({ Component: m.SkusPage })) },
    { path: 'skus/:id', lazy: () => import('./SkuPage').then((m) => ({ Component: m.SkuPage })) },
  ],
  nav: [{ key: 'skus', path: '/skus', labelKey: 'skus:nav', icon: AppstoreOutlined, order: 45 }],
};
