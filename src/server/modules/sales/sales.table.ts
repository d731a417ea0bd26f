import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { targetScopes } from '../../../core/sales/sales.enums';
import { accounts } from '../accounts/accounts.table';
import { skus } from '../catalog/catalog.table';
import { orgUnits } from '../org-units/org-units.table';
import { stores } from '../stores/stores.table';
import { users } from '../users/users.table';

/**
 * Sell-out (POS): one row per store × SKU × day, from the chains' exports. A later import replaces the value
 * of the same key (exactly once: re-importing a file changes nothing). `importId` says which import wrote it,
 * for undo. No foreign keys: at tens of millions of rows they cost more than they protect, and imports
 * resolve every code before writing.
 */
export const sellOut = pgTable(
  'sell_out',
  {
    storeId: integer('store_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    skuId: integer('sku_id').notNull(),
    units: integer('units').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    importId: integer('import_id'),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.date, table.skuId] })],
);

/** Store stock on hand at the end of a day (the chain's inventory export). */
export const inventory = pgTable(
  'inventory',
  {
    storeId: integer('store_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    skuId: integer('sku_id').notNull(),
    onHand: integer('on_hand').notNull(),
    importId: integer('import_id'),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.date, table.skuId] })],
);

/** Sell-in: our invoices/shipments to an account (and store where known), one row per invoice line. */
export const sellIn = pgTable(
  'sell_in',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    storeId: integer('store_id').references(() => stores.id, { onDelete: 'restrict' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'restrict' }),
    date: date('date', { mode: 'string' }).notNull(),
    invoiceNo: text('invoice_no').notNull(),
    units: integer('units').notNull(),
    /** Price per unit in fen (may be fractional per unit in the source; kept as the line's amount ÷ units otherwise). */
    priceFen: integer('price_fen'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    importId: integer('import_id'),
  },
  (table) => [
    // One line per invoice, SKU and store: the key a re-import matches on.
    unique('sell_in_line_key')
      .on(table.accountId, table.invoiceNo, table.skuId, table.storeId)
      .nullsNotDistinct(),
    index('sell_in_account_date_idx').on(table.accountId, table.date),
    index('sell_in_store_date_idx').on(table.storeId, table.date),
  ],
);

/** Monthly sales targets (first day of the month) for the company, an account, a store, a rep or an org unit. */
export const salesTargets = pgTable(
  'sales_targets',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    month: date('month', { mode: 'string' }).notNull(),
    scope: text('scope', { enum: targetScopes }).notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    storeId: integer('store_id').references(() => stores.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'cascade' }),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    units: integer('units'),
    importId: integer('import_id'),
  },
  (table) => [
    unique('sales_targets_key')
      .on(table.scope, table.accountId, table.storeId, table.userId, table.orgUnitId, table.month)
      .nullsNotDistinct(),
    check('sales_targets_first_of_month', sql`extract(day from ${table.month}) = 1`),
  ],
);

/** Per-account replenishment settings behind order suggestions (days). */
export const supplySettings = pgTable('supply_settings', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  leadTimeDays: integer('lead_time_days').notNull().default(3),
  reviewPeriodDays: integer('review_period_days').notNull().default(7),
  safetyDays: integer('safety_days').notNull().default(3),
  /** How many recent days the average daily sell-out is taken over. */
  averageWindowDays: integer('average_window_days').notNull().default(28),
});
