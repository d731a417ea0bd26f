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
