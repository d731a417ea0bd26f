import { z } from 'zod';
import { csvListOf, listQuerySchema } from '../common/list';

export const auditEntities = ['account', 'store', 'contact', 'user', 'org_unit', 'sku'] as const;
export type AuditEntity = (typeof auditEntities)[number];
export const auditActions = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  entity: z.enum(auditEntities),
  entityId: z.number().int(),
  action: z.enum(auditActions),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditListQuerySchema = listQuerySchema.extend({
  entity: csvListOf(z.enum(auditEntities)),
  entityId: z.coerce.number().int().positive().optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: csvListOf(z.enum(auditActions)),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
