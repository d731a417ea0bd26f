import { z } from 'zod';
import { csvListOf, isoDateSchema, listQuerySchema } from '../common/list';
import { storeFormats } from '../accounts/accounts.contract';
import { storeClasses } from './store-class';

export const storeStatuses = ['planned', 'open', 'renovating', 'closed'] as const;
export type StoreStatus = (typeof storeStatuses)[number];

export const storeRepSchema = z.object({ id: z.number().int(), displayName: z.string() });

export const storeSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountCode: z.string(),
  accountName: z.string(),
  code: z.string(),
  name: z.string(),
  format: z.enum(storeFormats),
  floorArea: z.number().int().nullable(),
  storeClass: z.enum(storeClasses).nullable(),
  province: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  tradeArea: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  dailyTraffic: z.number().int().nullable(),
  potential: z.number().int().nullable(),
  openedOn: z.string().nullable(),
  status: z.enum(storeStatuses),
  orgUnitId: z.number().int().nullable(),
  orgUnitName: z.string().nullable(),
  reps: z.array(storeRepSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Store = z.infer<typeof storeSchema>;

export const storeCodeSchema = z.string().trim().min(1).max(40);

const storeFieldsSchema = z.object({
  accountId: z.number().int().positive(),
  code: storeCodeSchema,
  name: z.string().trim().min(1).max(120),
  format: z.enum(storeFormats),
  floorArea: z.number().int().min(1).max(1_000_000).nullable().optional(),
  province: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(40),
  district: z.string().trim().max(40).nullable().optional(),
  address: z.string().trim().max(200).nullable().optional(),
  tradeArea: z.string().trim().max(80).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  dailyTraffic: z.number().int().min(0).max(10_000_000).nullable().optional(),
  potential: z.number().int().min(1).max(5).nullable().optional(),
  openedOn: isoDateSchema.nullable().optional(),
  status: z.enum(storeStatuses),
  orgUnitId: z.number().int().positive().nullable().optional(),
  /** Reps and promoters who work the store. */
  repIds: z.array(z.number().int().positive()).max(50),
});

export const storeInputSchema = storeFieldsSchema.extend({
  status: storeFieldsSchema.shape.status.default('open'),
  repIds: storeFieldsSchema.shape.repIds.default([]),
});
export type StoreInput = z.infer<typeof storeInputSchema>;

export const storeUpdateSchema = storeFieldsSchema.partial();
export type StoreUpdate = z.infer<typeof storeUpdateSchema>;

export const storeSortKeys = [
  'name',
  'code',
  'accountName',
  'city',
  'floorArea',
  'storeClass',
  'format',
  'potential',
  'openedOn',
  'updatedAt',
] as const;

export const storeListQuerySchema = listQuerySchema.extend({
  accountId: csvListOf(z.coerce.number().int().positive()),
  province: csvListOf(z.string().max(20)),
  city: csvListOf(z.string().max(40)),
  storeClass: csvListOf(z.enum([...storeClasses, 'none'])),
  format: csvListOf(z.enum(storeFormats)),
  status: csvListOf(z.enum(storeStatuses)),
  repId: z.coerce.number().int().positive().optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
});
export type StoreListQuery = z.infer<typeof storeListQuerySchema>;
