import { TeamOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { usersDictionary } from './users.dictionary';

export const usersFeature: WebFeature = {
  namespace: 'users',
  dictionary: usersDictionary,
  routes: [
    { path: 'users', lazy: () => import('./UsersPage').then((module) => ({ Component: module.UsersPage })) },
  ],
  nav: [
    {
      key: 'users',
      path: '/users',
      labelKey: 'users:nav',
      icon: TeamOutlined,
      order: 80,
      permission: 'readUsers',
    },
  ],
};
