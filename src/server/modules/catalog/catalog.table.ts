import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { skuStatuses } from '../../../core/catalog/catalog.enums';
import { accounts } from '../accounts/accounts.table';
import { stores } from '../stores/stores.table';

/** Products: ours (isOwn) and competitors'. Prices in fen. */
export const skus = pgTable(
  'skus',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    /** EAN-13 / EAN-8 / UPC-A with a valid check digit; unique when present. */
    barcode: text('barcode').unique(),
    name: text('name').notNull(),
    brand: text('brand').notNull(),
    isOwn: boolean('is_own').notNull().default(true),
    competitorCompany: text('competitor_company'),
    category: text('category').notNull(),
    flavour: text('flavour'),
    packSize: text('pack_size'),
    unit: text('unit'),
    casePack: integer('case_pack'),
    /** 供价: our list price to the chain. */
    listPriceFen: integer('list_price_fen'),
    /** 统一最低售价: the lowest shelf price allowed in KA. */
    floorPriceFen: integer('floor_price_fen'),
    retailPriceFen: integer('retail_price_fen'),
    standardCostFen: integer('standard_cost_fen'),
    shelfLifeDays: integer('shelf_life_days'),
    status: text('status', { enum: skuStatuses }).notNull().default('active'),
    launchedOn: date('launched_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('skus_brand_idx').on(table.brand), index('skus_category_idx').on(table.category)],
);

/** Each chain numbers our products its own way; its exports carry these codes. */
export const accountItemCodes = pgTable(
  'account_item_codes',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.itemCode] }),
    index('account_item_codes_sku_idx').on(table.skuId),
  ],
);

/** A SKU carried by a store (卖进), from a date, until it is delisted. */
export const listings = pgTable(
  'listings',
  {
    storeId: integer('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    delistedOn: date('delisted_on', { mode: 'string' }),
  },
  (table) => [
    primaryKey({ columns: [table.storeId, table.skuId] }),
    index('listings_sku_idx').on(table.skuId),
  ],
);
