import { z } from 'zod';
import { csvListOf, isoDateSchema, listQuerySchema } from '../common/list';
import { targetScopes } from './sales.enums';

/** Sell-in posted through the API by an ERP: one invoice line each. Amounts in fen. */
export const sellInLineSchema = z.object({
  accountId: z.number().int().positive(),
  storeId: z.number().int().positive().nullable().optional(),
  skuId: z.number().int().positive(),
  date: isoDateSchema,
  invoiceNo: z.string().trim().min(1).max(60),
  units: z.number().int().min(0).max(10_000_000),
  priceFen: z.number().int().min(0).nullable().optional(),
  amountFen: z.number().int().min(0),
});
export type SellInLine = z.infer<typeof sellInLineSchema>;

export const sellInPostSchema = z.object({ lines: z.array(sellInLineSchema).min(1).max(10_000) });
export type SellInPost = z.infer<typeof sellInPostSchema>;

/** Lines are matched on account + invoice number + SKU + store: posting the same lines again updates them. */
export const sellInPostResultSchema = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
});
export type SellInPostResult = z.infer<typeof sellInPostResultSchema>;

export const sellInRecordSchema = sellInLineSchema.extend({
  id: z.number().int(),
  accountName: z.string(),
  storeName: z.string().nullable(),
  skuCode: z.string(),
  skuName: z.string(),
  storeId: z.number().int().nullable(),
  priceFen: z.number().int().nullable(),
});
export type SellInRecord = z.infer<typeof sellInRecordSchema>;

export const sellInListQuerySchema = listQuerySchema.extend({
  accountId: csvListOf(z.coerce.number().int().positive()),
  storeId: csvListOf(z.coerce.number().int().positive()),
  skuId: csvListOf(z.coerce.number().int().positive()),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  invoiceNo: z.string().max(60).optional(),
});
export type SellInListQuery = z.infer<typeof sellInListQuerySchema>;
export const sellInSortKeys = ['date', 'invoiceNo', 'accountName', 'skuCode', 'units', 'amountFen'] as const;

export const salesTargetSchema = z.object({
  id: z.number().int(),
  month: z.string(),
  scope: z.enum(targetScopes),
  accountId: z.number().int().nullable(),
  storeId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  orgUnitId: z.number().int().nullable(),
  /** What the target is for, in words: "沃尔玛", "沃尔玛深圳蛇口店", "李娜", "华东". */
  label: z.string(),
  amountFen: z.number().int(),
  units: z.number().int().nullable(),
});
export type SalesTarget = z.infer<typeof salesTargetSchema>;

export const salesTargetListQuerySchema = listQuerySchema.extend({
  scope: csvListOf(z.enum(targetScopes)),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  accountId: csvListOf(z.coerce.number().int().positive()),
});
export type SalesTargetListQuery = z.infer<typeof salesTargetListQuerySchema>;
export const salesTargetSortKeys = ['month', 'scope', 'label', 'amountFen'] as const;

/** Month as "2026-11" or "2026-11-01"; stored as the first day of the month. */
const monthSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, 'a month: YYYY-MM')
  .transform((value) => `${value.slice(0, 7)}-01`);

/**
 * One target, upserted on scope + the id its scope names + month. The scope names exactly one id:
 * account → accountId, store → storeId, rep → userId, org_unit → orgUnitId, company → none.
 */
export const salesTargetInputSchema = z
  .object({
    month: monthSchema,
    scope: z.enum(targetScopes),
    accountId: z.number().int().positive().nullable().optional(),
    storeId: z.number().int().positive().nullable().optional(),
    userId: z.number().int().positive().nullable().optional(),
    orgUnitId: z.number().int().positive().nullable().optional(),
    amountFen: z.number().int().min(0).max(1_000_000_000_000),
    units: z.number().int().min(0).nullable().optional(),
  })
  .superRefine((input, context) => {
    const named = { account: 'accountId', store: 'storeId', rep: 'userId', org_unit: 'orgUnitId' } as const;
    for (const [scope, field] of Object.entries(named)) {
      const value = input[field];
      if (scope === input.scope && value == null)
        context.addIssue({ code: 'custom', path: [field], message: `a ${scope} target needs ${field}` });
      if (scope !== input.scope && value != null)
        context.addIssue({ code: 'custom', path: [field], message: `not used by a ${input.scope} target` });
    }
  });
export type SalesTargetInput = z.infer<typeof salesTargetInputSchema>;
