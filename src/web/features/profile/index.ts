import type { WebFeature } from '../../lib/feature';
import { profileDictionary } from './profile.dictionary';

/** No menu entry: the user menu in the header links to /profile. */
export const profileFeature: WebFeature = {
  namespace: 'profile',
  dictionary: profileDictionary,
  routes: [
    {
      path: 'profile',
      lazy: () => import('./ProfilePage').then((module) => ({ Component: module.ProfilePage })),
    },
  ],
};
