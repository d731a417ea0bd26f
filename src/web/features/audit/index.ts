import { AuditOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { auditDictionary } from './audit.dictionary';

export const auditFeature: WebFeature = {
  namespace: 'audit',
  dictionary: auditDictionary,
  routes: [
    { path: 'audit', lazy: () => import('./AuditPage').then((module) => ({ Component: module.AuditPage })) },
  ],
  nav: [
    {
      key: 'audit',
      path: '/audit',
      labelKey: 'audit:nav',
      icon: AuditOutlined,
      order: 90,
      permission: 'readAudit',
    },
  ],
};
