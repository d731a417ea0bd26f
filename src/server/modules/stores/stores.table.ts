import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { storeFormats } from '../../../core/accounts/accounts.contract';
import { storeClasses } from '../../../core/stores/store-class';
import { storeStatuses } from '../../../core/stores/stores.contract';
import { accounts } from '../accounts/accounts.table';
import { orgUnits } from '../org-units/org-units.table';
import { users } from '../users/users.table';

export const stores = pgTable(
  'stores',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    format: text('format', { enum: storeFormats }).notNull(),
    floorArea: integer('floor_area'),
    /** Written by the service from floorArea with classifyStore(), the one place the rule lives. */
    storeClass: text('store_class', { enum: storeClasses }),
    province: text('province').notNull(),
    city: text('city').notNull(),
    district: text('district'),
    address: text('address'),
    tradeArea: text('trade_area'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    dailyTraffic: integer('daily_traffic'),
    potential: smallint('potential'),
    openedOn: date('opened_on', { mode: 'string' }),
    status: text('status', { enum: storeStatuses }).notNull().default('open'),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('stores_account_code_key').on(table.accountId, table.code),
    index('stores_city_idx').on(table.city),
    index('stores_org_unit_idx').on(table.orgUnitId),
  ],
);

/** Which reps (and promoters) work a store; their data scope follows these rows. */
export const storeAssignments = pgTable(
  'store_assignments',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.userId] }),
    index('store_assignments_user_idx').on(table.userId),
  ],
);
