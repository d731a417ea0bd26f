import { z } from 'zod';
import { csvListOf, isoDateSchema, listQuerySchema } from '../common/list';
import { barcodeProblem } from './barcode';
import { skuStatuses } from './catalog.enums';

const fen = z.number().int().min(0).max(100_000_000);

export const skuSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  brand: z.string(),
  isOwn: z.boolean(),
  competitorCompany: z.string().nullable(),
  category: z.string(),
  flavour: z.string().nullable(),
  packSize: z.string().nullable(),
  unit: z.string().nullable(),
  casePack: z.number().int().nullable(),
  /** Prices are integer fen (分). */
  listPriceFen: z.number().int().nullable(),
  floorPriceFen: z.number().int().nullable(),
  retailPriceFen: z.number().int().nullable(),
  standardCostFen: z.number().int().nullable(),
  shelfLifeDays: z.number().int().nullable(),
  status: z.enum(skuStatuses),
  launchedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Sku = z.infer<typeof skuSchema>;

export const barcodeSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = barcodeProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const skuFieldsSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ".", "-" and "_" only'),
  barcode: barcodeSchema.nullable().optional(),
  name: z.string().trim().min(1).max(120),
  brand: z.string().trim().min(1).max(60),
  isOwn: z.boolean(),
  competitorCompany: z.string().trim().max(80).nullable().optional(),
  category: z.string().trim().min(1).max(60),
  flavour: z.string().trim().max(40).nullable().optional(),
  packSize: z.string().trim().max(40).nullable().optional(),
  unit: z.string().trim().max(20).nullable().optional(),
  casePack: z.number().int().min(1).max(10_000).nullable().optional(),
  listPriceFen: fen.nullable().optional(),
  floorPriceFen: fen.nullable().optional(),
  retailPriceFen: fen.nullable().optional(),
  standardCostFen: fen.nullable().optional(),
  shelfLifeDays: z.number().int().min(1).max(3650).nullable().optional(),
  status: z.enum(skuStatuses),
  launchedOn: isoDateSchema.nullable().optional(),
});

/** A competitor's SKU names its company; ours never does. */
const ownershipRule = (input: { isOwn?: boolean; competitorCompany?: string | null }) =>
  input.isOwn !== false || Boolean(input.competitorCompany);

export const skuInputSchema = skuFieldsSchema
  .extend({ isOwn: z.boolean().default(true), status: z.enum(skuStatuses).default('active') })
  .refine(ownershipRule, { message: 'a competitor SKU needs its company', path: ['competitorCompany'] });
export type SkuInput = z.infer<typeof skuInputSchema>;

export const skuUpdateSchema = skuFieldsSchema.partial();
export type SkuUpdate = z.infer<typeof skuUpdateSchema>;

export const skuSortKeys = [
  'code',
  'name',
  'brand',
  'category',
  'listPriceFen',
  'status',
  'updatedAt',
] as const;

export const skuListQuerySchema = listQuerySchema.extend({
  barcode: z.string().trim().max(20).optional(),
  brand: csvListOf(z.string().max(60)),
  category: csvListOf(z.string().max(60)),
  isOwn: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  status: csvListOf(z.enum(skuStatuses)),
});
export type SkuListQuery = z.infer<typeof skuListQuerySchema>;

/** A chain's own code for one of our SKUs. */
export const itemCodeSchema = z.object({
  accountId: z.number().int(),
  accountCode: z.string(),
  itemCode: z.string(),
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
});
export type ItemCode = z.infer<typeof itemCodeSchema>;

export const itemCodeInputSchema = z.object({
  accountId: z.number().int().positive(),
  itemCode: z.string().trim().min(1).max(40),
  skuId: z.number().int().positive(),
});
export type ItemCodeInput = z.infer<typeof itemCodeInputSchema>;

export const itemCodeListQuerySchema = listQuerySchema.extend({
  accountId: csvListOf(z.coerce.number().int().positive()),
  skuId: csvListOf(z.coerce.number().int().positive()),
});
export type ItemCodeListQuery = z.infer<typeof itemCodeListQuerySchema>;

export const listingSchema = z.object({
  storeId: z.number().int(),
  storeCode: z.string(),
  storeName: z.string(),
  accountId: z.number().int(),
  accountName: z.string(),
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
  listedOn: z.string(),
  delistedOn: z.string().nullable(),
});
export type Listing = z.infer<typeof listingSchema>;

/** Lists (or relists) a SKU in a store from `listedOn`; `delistedOn` is the first day it is no longer carried. */
export const listingInputSchema = z
  .object({
    storeId: z.number().int().positive(),
    skuId: z.number().int().positive(),
    listedOn: isoDateSchema,
    delistedOn: isoDateSchema.nullable().optional(),
  })
  .refine((input) => !input.delistedOn || input.delistedOn > input.listedOn, {
    message: 'the delisting date must be after the listing date',
    path: ['delistedOn'],
  });
export type ListingInput = z.infer<typeof listingInputSchema>;

export const listingListQuerySchema = listQuerySchema.extend({
  storeId: csvListOf(z.coerce.number().int().positive()),
  skuId: csvListOf(z.coerce.number().int().positive()),
  accountId: csvListOf(z.coerce.number().int().positive()),
  /** Listed on this date (default today): listedOn ≤ date and not delisted by then. */
  activeOn: isoDateSchema.optional(),
  includeDelisted: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ListingListQuery = z.infer<typeof listingListQuerySchema>;

/**
 * Numeric distribution of a SKU (铺货率): of the target stores — open stores in the caller's scope that match
 * the filters — the share that list it, and the share that sold it in the period.
 */
export const distributionQuerySchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  accountId: csvListOf(z.coerce.number().int().positive()),
  storeClass: csvListOf(z.enum(['A', 'B', 'C'])),
  city: csvListOf(z.string().max(40)),
  skuId: csvListOf(z.coerce.number().int().positive()),
});
export type DistributionQuery = z.infer<typeof distributionQuerySchema>;

export const distributionRowSchema = z.object({
  skuId: z.number().int(),
  skuCode: z.string(),
  skuName: z.string(),
  targetStores: z.number().int(),
  listedStores: z.number().int(),
  soldStores: z.number().int(),
  /** listedStores ÷ targetStores, 0–1 (null without target stores). */
  listedShare: z.number().nullable(),
  soldShare: z.number().nullable(),
});
export type DistributionRow = z.infer<typeof distributionRowSchema>;

/** A new product's launch over time: how many target stores list it, and how many have sold it, week by week. */
export const launchQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  accountId: csvListOf(z.coerce.number().int().positive()),
});
export const launchSchema = z.object({
  skuId: z.number().int(),
  targetStores: z.number().int(),
  weeks: z.array(
    z.object({
      weekStart: z.string(),
      listedStores: z.number().int(),
      /** Stores whose first sell-out of the SKU happened on or before the week's end. */
      sellingStores: z.number().int(),
      unitsInWeek: z.number().int(),
    }),
  ),
});
export type Launch = z.infer<typeof launchSchema>;
export type LaunchQuery = z.infer<typeof launchQuerySchema>;

/** Whether a SKU's ownership fields agree: a competitor's SKU names its company (for updates, on the merged SKU). */
export const isOwnershipConsistent = ownershipRule;

export const itemCodeKeySchema = z.object({
  accountId: z.coerce.number().int().positive(),
  itemCode: z.string().trim().min(1).max(40),
});

export const listingKeySchema = z.object({
  storeId: z.coerce.number().int().positive(),
  skuId: z.coerce.number().int().positive(),
});

export const listingSortKeys = [
  'accountName',
  'storeCode',
  'storeName',
  'skuCode',
  'skuName',
  'listedOn',
  'delistedOn',
] as const;

export const itemCodeSortKeys = ['accountCode', 'itemCode', 'skuCode', 'skuName'] as const;
