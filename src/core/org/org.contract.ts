import { z } from 'zod';
import { csvListOf, listQuerySchema } from '../common/list';
import { roles } from '../auth/roles';
import { localeSchema } from '../auth/auth.contract';

export const orgUnitKinds = ['hq', 'region', 'province', 'city', 'team'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgUnitKinds),
  parentId: z.number().int().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const orgUnitInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  name: z.string().trim().min(1).max(80),
  kind: z.enum(orgUnitKinds),
  parentId: z.number().int().positive().nullable(),
});
export type OrgUnitInput = z.infer<typeof orgUnitInputSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  role: z.enum(roles),
  orgUnitId: z.number().int().nullable(),
  orgUnitName: z.string().nullable(),
  isActive: z.boolean(),
  locale: localeSchema,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, ".", "-" and "_" only');

export const passwordSchema = z.string().min(8, 'at least 8 characters').max(256);

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(80),
  phone: z.string().trim().max(30).nullable().optional(),
  role: z.enum(roles),
  orgUnitId: z.number().int().positive().nullable().optional(),
  isActive: z.boolean().default(true),
  password: passwordSchema,
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(80),
    phone: z.string().trim().max(30).nullable(),
    role: z.enum(roles),
    orgUnitId: z.number().int().positive().nullable(),
    isActive: z.boolean(),
    password: passwordSchema,
  })
  .partial();
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userListQuerySchema = listQuerySchema.extend({
  role: csvListOf(z.enum(roles)),
  orgUnitId: z.coerce.number().int().positive().optional(),
  isActive: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
