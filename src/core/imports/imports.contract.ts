import { z } from 'zod';
import { csvListOf, listQuerySchema } from '../common/list';
import { importProblemSchema } from '../common/errors';
import type { Permission } from '../auth/roles';
import { importKinds, importStatuses, mappingFields, type ImportKind } from './imports.enums';

/** The permission each kind of file needs. */
export const importPermissionOf: Record<ImportKind, Permission> = {
  sellout: 'importSales',
  inventory: 'importSales',
  sellin: 'importSales',
  targets: 'writeTargets',
  skus: 'writeSkus',
  item_codes: 'writeSkus',
  listings: 'writeListings',
};

/** Our field → the file's column header. */
export const columnMappingSchema = z.partialRecord(z.enum(mappingFields), z.string().trim().min(1).max(120));
export type ColumnMappingInput = z.infer<typeof columnMappingSchema>;

export const importOptionsSchema = z.object({
  encoding: z.enum(['utf8', 'gbk']).optional(),
  dateFormat: z.string().max(20).optional(),
});

export const importProfileSchema = z.object({
  id: z.number().int(),
  accountId: z.number().int(),
  accountCode: z.string(),
  kind: z.enum(importKinds),
  name: z.string(),
  mapping: columnMappingSchema,
  options: importOptionsSchema,
  updatedAt: z.string(),
});
export type ImportProfile = z.infer<typeof importProfileSchema>;

export const importProfileInputSchema = z.object({
  accountId: z.number().int().positive(),
  kind: z.enum(importKinds),
  name: z.string().trim().min(1).max(60),
  mapping: columnMappingSchema,
  options: importOptionsSchema.default({}),
});

export const importProfileUpdateSchema = importProfileInputSchema
  .pick({ name: true, mapping: true, options: true })
  .extend({ options: importOptionsSchema })
  .partial();
export type ImportProfileUpdate = z.infer<typeof importProfileUpdateSchema>;

export const importProfileListQuerySchema = z.object({
  accountId: csvListOf(z.coerce.number().int().positive()),
  kind: csvListOf(z.enum(importKinds)),
});

/**
 * The text fields of `POST /api/imports` (multipart, before the `file` part). `mapping` is JSON: our field → the
 * file's header. Without `mapping` or `profile`, the account's profile named "default" is used, else headers are
 * matched by their usual names.
 */
export const importRequestSchema = z
  .object({
    kind: z.enum(importKinds),
    account: z.string().trim().min(1).max(40).optional(),
    accountId: z.coerce.number().int().positive().optional(),
    profile: z.string().trim().min(1).max(60).optional(),
    mapping: z
      .string()
      .transform((text, context) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          context.addIssue({ code: 'custom', message: 'not valid JSON' });
          return z.NEVER;
        }
      })
      .pipe(columnMappingSchema)
      .optional(),
    encoding: z.enum(['utf8', 'gbk']).optional(),
    saveProfile: z.string().trim().min(1).max(60).optional(),
  })
  .refine((value) => !(value.profile && value.mapping), {
    message: 'give a profile or a mapping, not both',
    path: ['mapping'],
  });
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** The text fields of `POST /api/imports/preview`. */
export const importPreviewRequestSchema = z.object({
  kind: z.enum(importKinds),
  account: z.string().trim().min(1).max(40).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  encoding: z.enum(['utf8', 'gbk']).optional(),
});
export type ImportPreviewRequest = z.infer<typeof importPreviewRequestSchema>;

export const importJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(importKinds),
  status: z.enum(importStatuses),
  accountId: z.number().int().nullable(),
  accountName: z.string().nullable(),
  profileId: z.number().int().nullable(),
  fileName: z.string(),
  fileHash: z.string(),
  fileSize: z.number().int(),
  rowsRead: z.number().int(),
  rowsApplied: z.number().int(),
  rowsUnchanged: z.number().int(),
  errorCount: z.number().int(),
  /** Progress while it runs: 0–1 by bytes read, rows per second, seconds left (null when unknown). */
  progress: z.number().nullable(),
  rowsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  message: z.string().nullable(),
  dateFrom: z.string().nullable(),
  dateTo: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  /** Another import of the same file (same SHA-256) that was applied before, if any. */
  sameFileAs: z.number().int().nullable(),
  canUndo: z.boolean(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** A job with the first 1,000 problems of a rejected file (the full list: GET /api/imports/:id/errors.csv). */
export const importJobDetailSchema = importJobSchema.extend({ errors: z.array(importProblemSchema) });
export type ImportJobDetail = z.infer<typeof importJobDetailSchema>;

export const importJobListQuerySchema = listQuerySchema.extend({
  kind: csvListOf(z.enum(importKinds)),
  status: csvListOf(z.enum(importStatuses)),
  accountId: csvListOf(z.coerce.number().int().positive()),
});

/** The first rows of a file and a guess of its mapping, for the mapping screen. */
export const importPreviewSchema = z.object({
  encoding: z.enum(['utf8', 'gbk', 'utf16']),
  headers: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.string())),
  suggestedMapping: columnMappingSchema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** The one line `npx endcap import …` prints last on stdout. */
export const importOutcomeSchema = z.object({
  status: z.enum(['applied', 'rejected']),
  rowsRead: z.number().int(),
  rowsApplied: z.number().int(),
  errors: z.number().int(),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

export { importProblemSchema };
