import { z } from 'zod';

/** The closed list of error codes every API answer may carry. */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'business_rule',
  'import_rejected',
  'rate_limited',
  'payload_too_large',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** One problem found in one cell of an imported file; rows are numbered as the spreadsheet shows them. */
export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;
