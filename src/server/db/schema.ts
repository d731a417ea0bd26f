// Every table of every module, for Drizzle and drizzle-kit. Modules own their tables; this file only lists them.
export { orgUnits } from '../modules/org-units/org-units.table';
export { users } from '../modules/users/users.table';
export { sessions, apiTokens } from '../modules/auth/auth.table';
export { accounts } from '../modules/accounts/accounts.table';
export { stores, storeAssignments } from '../modules/stores/stores.table';
export { contacts } from '../modules/contacts/contacts.table';
export { auditEvents } from '../modules/audit/audit.table';
export { skus, accountItemCodes, listings } from '../modules/catalog/catalog.table';
export { sellOut, inventory, sellIn, salesTargets, supplySettings } from '../modules/sales/sales.table';
export { importProfiles, importJobs, importErrors, importSuperseded } from '../modules/imports/imports.table';
export { salesStoreDay, salesStoreMonth, salesStoreSkuMonth } from '../modules/analytics/analytics.table';
