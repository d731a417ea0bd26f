import { z } from 'zod';
import { roles } from './roles';

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgUnitId: z.number().int().nullable(),
  locale: localeSchema,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const preferencesSchema = z.object({ locale: localeSchema });

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

/** The secret is shown once, at creation; only its hash is kept. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const signInOptionsSchema = z.object({
  /** Usernames of the demo logins; empty unless the server runs in demo mode. */
  demoLogins: z.array(z.string()),
  demoPassword: z.string().nullable(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
