import type { WebFeature } from '../lib/feature';
import { accountsFeature } from '../features/accounts';
import { alertsFeature } from '../features/alerts';
import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { contactsFeature } from '../features/contacts';
import { dashboardFeature } from '../features/dashboard';
import { importsFeature } from '../features/imports';
import { orderSuggestionsFeature } from '../features/order-suggestions';
import { orgUnitsFeature } from '../features/org-units';
import { profileFeature } from '../features/profile';
import { salesFeature } from '../features/sales';
import { skusFeature } from '../features/skus';
import { storesFeature } from '../features/stores';
import { usersFeature } from '../features/users';

/** Every feature of the web app, in menu order. Adding a feature means adding it here. */
export const features: WebFeature[] = [
  dashboardFeature,
  salesFeature,
  authFeature,
  accountsFeature,
  storesFeature,
  skusFeature,
  importsFeature,
  alertsFeature,
  orderSuggestionsFeature,
  contactsFeature,
  usersFeature,
  orgUnitsFeature,
  auditFeature,
  profileFeature,
];
