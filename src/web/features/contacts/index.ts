import { ContactsOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { contactsDictionary } from './contacts.dictionary';

export const contactsFeature: WebFeature = {
  namespace: 'contacts',
  dictionary: contactsDictionary,
  routes: [
    { path: 'contacts', lazy: () => import('./ContactsPage').then((m) => ({ Component: m.ContactsPage })) },
  ],
  nav: [{ key: 'contacts', path: '/contacts', labelKey: 'contacts:nav', icon: ContactsOutlined, order: 40 }],
};
