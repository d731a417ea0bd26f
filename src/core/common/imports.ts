import { z } from 'zod';
import { importProblemSchema } from './errors';

/** What an import of a sheet (stores, contacts…) answers when it applied, or would apply (dry run). */
export const importResultSchema = z.object({
  status: z.enum(['applied', 'valid']),
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Columns the file had that the import does not know (ignored, listed so a typo is noticed). */
  ignoredColumns: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The `details` of a 422 `import_rejected` answer: nothing was applied. */
export const importRejectionSchema = z.object({
  rowsRead: z.number().int(),
  errorCount: z.number().int(),
  /** The first 1,000 problems, in sheet order. */
  errors: z.array(importProblemSchema),
});
export type ImportRejection = z.infer<typeof importRejectionSchema>;

export const importQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
