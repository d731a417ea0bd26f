import { ApartmentOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { orgUnitsDictionary } from './org-units.dictionary';

export const orgUnitsFeature: WebFeature = {
  namespace: 'orgUnits',
  dictionary: orgUnitsDictionary,
  routes: [
    {
      path: 'org-units',
      lazy: () => import('./OrgUnitsPage').then((module) => ({ Component: module.OrgUnitsPage })),
    },
  ],
  nav: [
    {
      key: 'org-units',
      path: '/org-units',
      labelKey: 'orgUnits:nav',
      icon: ApartmentOutlined,
      order: 85,
      permission: 'manageOrgUnits',
    },
  ],
};
