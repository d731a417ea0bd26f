import { z } from 'zod';
import { csvListOf, isoDateSchema, listQuerySchema } from '../common/list';

/** A contact not spoken to for this many days is flagged: the dashboard counts them, lists mark them. */
export const STALE_CONTACT_DAYS = 90;

export const contactRoles = [
  'buyer',
  'category_manager',
  'store_manager',
  'section_head',
  'finance',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];

export const contactSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountName: z.string(),
  storeId: z.number().int().nullable(),
  storeName: z.string().nullable(),
  name: z.string(),
  role: z.enum(contactRoles),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  wechat: z.string().nullable(),
  email: z.string().nullable(),
  birthday: z.string().nullable(),
  notes: z.string().nullable(),
  lastContactedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFieldsSchema = z.object({
  accountId: z.number().int().positive().nullable().optional(),
  storeId: z.number().int().positive().nullable().optional(),
  name: z.string().trim().min(1).max(60),
  role: z.enum(contactRoles),
  title: z.string().trim().max(60).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only')
    .nullable()
    .optional(),
  wechat: z.string().trim().max(60).nullable().optional(),
  email: z.email().max(120).nullable().optional(),
  birthday: isoDateSchema.nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
  lastContactedOn: isoDateSchema.nullable().optional(),
});

/** A contact belongs to an account (an HQ buyer) or to one of its stores (a store manager), or both. */
export const contactInputSchema = contactFieldsSchema.refine(
  (input) => input.accountId != null || input.storeId != null,
  { message: 'a contact needs an account or a store', path: ['accountId'] },
);
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactUpdateSchema = contactFieldsSchema.partial();
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const contactSortKeys = [
  'name',
  'role',
  'accountName',
  'storeName',
  'lastContactedOn',
  'updatedAt',
] as const;

export const contactListQuerySchema = listQuerySchema.extend({
  accountId: csvListOf(z.coerce.number().int().positive()),
  storeId: csvListOf(z.coerce.number().int().positive()),
  role: csvListOf(z.enum(contactRoles)),
  /** Contacts not touched for at least this many days (never-contacted included). */
  staleDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;
