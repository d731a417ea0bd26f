import { z } from 'zod';

/** Paging and search parameters shared by every list endpoint. */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
export type ListResponse<T> = { items: T[]; total: number };

/** A query-string filter that takes one value or a comma-separated list ("A,B"). */
export function csvListOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === undefined || value === '') return undefined;
    const parts = Array.isArray(value) ? value : String(value).split(',');
    return parts.map((part) => String(part).trim()).filter((part) => part !== '');
  }, z.array(item).min(1).optional());
}

export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

/** Calendar date kept as text, so no time zone can shift it. */
export const isoDateSchema = z.iso.date();

/** Parses `sort` ("name" or "-name") against the columns a list allows. */
export function parseSort<K extends string>(
  sort: string | undefined,
  allowed: readonly K[],
  fallback: K,
): { key: K; descending: boolean } {
  if (!sort) return { key: fallback, descending: false };
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as K;
  return allowed.includes(key) ? { key, descending } : { key: fallback, descending: false };
}
