import { CloudUploadOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { importsDictionary } from './imports.dictionary';

export const importsFeature: WebFeature = {
  namespace: 'imports',
  dictionary: importsDictionary,
  routes: [
    { path: 'imports', lazy: () => import('./ImportsPage').then((m) => ({ Component: m.ImportsPage })) },
    {
      path: 'imports/:id',
      lazy: () => import('./ImportJobPage').then((m) => ({ Component: m.ImportJobPage })),
    },
  ],
  nav: [
    {
      key: 'imports',
      path: '/imports',
      labelKey: 'imports:nav',
      icon: CloudUploadOutlined,
      order: 50,
      permission: 'importSales',
    },
  ],
};
