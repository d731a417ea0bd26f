import { z } from 'zod';
import { csvListOf, isoDateSchema } from '../common/list';
import { storeFormats } from '../accounts/accounts.contract';
import { timeGrains } from './periods';

/**
 * Sales figures (sell-out) on one query API. Measures: amount (integer fen), units, avgPrice (fen per unit),
 * weekendShare (share of the amount sold Friday–Sunday, 0–1), target (fen) and achievement (amount ÷ target).
 */
export const salesMeasures = [
  'amount',
  'units',
  'avgPrice',
  'weekendShare',
  'target',
  'achievement',
] as const;
export type SalesMeasure = (typeof salesMeasures)[number];

/** What rows can be grouped by: store attributes, product attributes, and one time grain. */
export const salesDimensions = [
  'account',
  'store',
  'city',
  'province',
  'region',
  'rep',
  'storeClass',
  'format',
  'sku',
  'brand',
  'category',
  ...timeGrains,
] as const;
export type SalesDimension = (typeof salesDimensions)[number];

export const salesQuerySchema = z.object({
  measures: csvListOf(z.enum(salesMeasures)).default(['amount', 'units']),
  /** Empty for totals only. At most one time grain. */
  by: csvListOf(z.enum(salesDimensions)).default([]),
  from: isoDateSchema,
  to: isoDateSchema,
  /** Adds each measure for the comparison range: the same dates last year, or the period just before. */
  compare: z.enum(['yoy', 'pop']).optional(),
  accountId: csvListOf(z.coerce.number().int().positive()),
  storeId: csvListOf(z.coerce.number().int().positive()),
  skuId: csvListOf(z.coerce.number().int().positive()),
  city: csvListOf(z.string().max(40)),
  province: csvListOf(z.string().max(20)),
  regionId: csvListOf(z.coerce.number().int().positive()),
  storeClass: csvListOf(z.enum(['A', 'B', 'C'])),
  format: csvListOf(z.enum(storeFormats)),
  repId: csvListOf(z.coerce.number().int().positive()),
  brand: csvListOf(z.string().max(60)),
  category: csvListOf(z.string().max(60)),
  isOwn: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Sort rows by a measure: "-amount" (largest first) or "amount"; with `limit`, top or bottom N. */
  order: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type SalesQuery = z.infer<typeof salesQuerySchema>;

const measureValues = z.record(z.string(), z.number().nullable());

/**
 * One row: the dimension values asked for (account → accountId + accountName, store → storeId + storeCode +
 * storeName, rep → repId + repName, region → regionId + regionName, sku → skuId + skuCode + skuName, a time
 * grain → period ("2026-11") + periodStart; city, province, storeClass, format, brand, category as values),
 * then the measures; with `compare`, `compare` holds each measure for the comparison range and `change`
 * the relative change (0.12 = +12%).
 */
export const salesRowSchema = z
  .object({
    compare: measureValues.optional(),
    change: measureValues.optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.null(), measureValues]));
export type SalesRow = z.infer<typeof salesRowSchema>;

export const salesResponseSchema = z.object({
  rows: z.array(salesRowSchema),
  totals: measureValues,
  compareTotals: measureValues.optional(),
  meta: z.object({
    /** The table that answered: a rollup, or the raw facts when no rollup covers the question. */
    source: z.string(),
    comparisonRange: z.object({ from: z.string(), to: z.string() }).optional(),
    /** Rows before `limit`. */
    rowCount: z.number().int(),
  }),
});
export type SalesResponse = z.infer<typeof salesResponseSchema>;

export const supplySettingsSchema = z.object({
  accountId: z.number().int(),
  leadTimeDays: z.number().int().min(0).max(120),
  reviewPeriodDays: z.number().int().min(0).max(120),
  safetyDays: z.number().int().min(0).max(120),
  averageWindowDays: z.number().int().min(7).max(365),
});
export type SupplySettingsRecord = z.infer<typeof supplySettingsSchema>;

/** What PUT /api/supply-settings/:accountId takes. */
export const supplySettingsInputSchema = supplySettingsSchema.omit({ accountId: true });
export type SupplySettingsInput = z.infer<typeof supplySettingsInputSchema>;

/** One account's settings as listed: its own row, or the defaults (isDefault) when none was saved. */
export const supplySettingsRowSchema = supplySettingsSchema.extend({
  accountCode: z.string(),
  accountName: z.string(),
  isDefault: z.boolean(),
});
export type SupplySettingsRow = z.infer<typeof supplySettingsRowSchema>;

export const supplySettingsListQuerySchema = z.object({
  accountId: csvListOf(z.coerce.number().int().positive()),
});

/** Stock per store × SKU: pairs listed on `asOf`, and pairs with a stock count in the 90 days before it. */
export const stockSortKeys = ['store', 'sku', 'daysOfSupply', 'onHand'] as const;
export const stockQuerySchema = z.object({
  storeId: csvListOf(z.coerce.number().int().positive()),
  skuId: csvListOf(z.coerce.number().int().positive()),
  accountId: csvListOf(z.coerce.number().int().positive()),
  asOf: isoDateSchema.optional(),
  /** store (default), sku, daysOfSupply or onHand; "-" for descending. */
  sort: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type StockQuery = z.infer<typeof stockQuerySchema>;

export const stockRowSchema = z.object({
  storeId: z.number().int(),
  storeCode: z.string(),
  storeName: z.string(),
  accountId: z.number().int(),
  accountName: z.string(),
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
  isListed: z.boolean(),
  /** The latest stock count on or before asOf (within 90 days), and its date; null when there is none. */
  onHand: z.number().int().nullable(),
  onHandDate: z.string().nullable(),
  /** Sell-out over the account's averaging window ending at asOf, per day. */
  averageDailyUnits: z.number(),
  averageWindowDays: z.number().int(),
  daysOfSupply: z.number().nullable(),
});
export type StockRow = z.infer<typeof stockRowSchema>;

export const orderSuggestionSchema = z.object({
  storeId: z.number().int(),
  storeCode: z.string(),
  storeName: z.string(),
  accountId: z.number().int(),
  accountName: z.string(),
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
  averageDailyUnits: z.number(),
  onHand: z.number().int().nullable(),
  onHandDate: z.string().nullable(),
  /** Shipped to the store (sell-in) after the last stock count: on its way or not yet counted. */
  onOrder: z.number().int(),
  coverDays: z.number().int(),
  daysOfSupply: z.number().nullable(),
  suggestedUnits: z.number().int(),
  suggestedCases: z.number().int().nullable(),
});
export type OrderSuggestion = z.infer<typeof orderSuggestionSchema>;

export const orderSuggestionQuerySchema = z.object({
  repId: z.coerce.number().int().positive().optional(),
  storeId: csvListOf(z.coerce.number().int().positive()),
  accountId: csvListOf(z.coerce.number().int().positive()),
  /** Only lines with something to order (default true). */
  onlyPositive: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(true),
  asOf: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OrderSuggestionQuery = z.infer<typeof orderSuggestionQuerySchema>;

export const alertTypes = ['out_of_stock', 'low_stock', 'no_sales', 'decline'] as const;
export type AlertType = (typeof alertTypes)[number];

export const alertSchema = z.object({
  type: z.enum(alertTypes),
  storeId: z.number().int(),
  storeCode: z.string(),
  storeName: z.string(),
  accountName: z.string(),
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
  /** One sentence of figures behind the alert, e.g. on-hand 0 since 2026-11-20. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  since: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertQuerySchema = z.object({
  type: csvListOf(z.enum(alertTypes)),
  storeId: csvListOf(z.coerce.number().int().positive()),
  accountId: csvListOf(z.coerce.number().int().positive()),
  repId: z.coerce.number().int().positive().optional(),
  asOf: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertQuery = z.infer<typeof alertQuerySchema>;
