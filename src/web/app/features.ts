import type { WebFeature } from '../lib/feature';
import { accountsFeature } from '../features/accounts';
import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { contactsFeature } from '../features/contacts';
import { dashboardFeature } from '../features/dashboard';
import { orgUnitsFeature } from '../features/org-units';
import { profileFeature } from '../features/profile';
import { storesFeature } from '../features/stores';
import { usersFeature } from '../features/users';

/** Every feature of the web app, in menu order. Adding a feature means adding it here. */
export const features: WebFeature[] = [
  dashboardFeature,
  authFeature,
  accountsFeature,
  storesFeature,
  contactsFeature,
  usersFeature,
  orgUnitsFeature,
  auditFeature,
  profileFeature,
];
