import { bigint, date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';

/**
 * Rollups of sell-out, kept up to date by every import in the same transaction, so dashboards never scan
 * the raw facts. Each keeps weekend (Fri–Sun) sums beside the totals, so the weekend share is available
 * at every grain. Keys start with the store: every query is scoped by the stores an actor may see.
 */
const measures = {
  units: bigint('units', { mode: 'number' }).notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  weekendUnits: bigint('weekend_units', { mode: 'number' }).notNull(),
  weekendAmountFen: bigint('weekend_amount_fen', { mode: 'number' }).notNull(),
};

/** Store × day: day and week grains, without the SKU. */
export const salesStoreDay = pgTable(
  'sales_store_day',
  {
    storeId: integer('store_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    ...measures,
  },
  (table) => [primaryKey({ columns: [table.storeId, table.date] })],
);

/** Store × month (first day of the month): month, quarter and year grains without the SKU — the dashboards. */
export const salesStoreMonth = pgTable(
  'sales_store_month',
  {
    storeId: integer('store_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...measures,
  },
  (table) => [primaryKey({ columns: [table.storeId, table.month] })],
);

/** Store × SKU × month: SKU, brand and category figures at month grain and above. */
export const salesStoreSkuMonth = pgTable(
  'sales_store_sku_month',
  {
    storeId: integer('store_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    skuId: integer('sku_id').notNull(),
    ...measures,
    /** Days with a sale, for numeric distribution ("sold in the period"). */
    daysSold: integer('days_sold').notNull(),
  },
  (table) => [primaryKey({ columns: [table.storeId, table.month, table.skuId] })],
);
