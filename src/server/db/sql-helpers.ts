import { asc, desc, getTableName, sql, type AnyColumn, type SQL } from 'drizzle-orm';

export const toIso = (value: Date | string | null | undefined): string | null =>
  value == null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** Text for a LIKE pattern, with the user's % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function orderByColumn(column: AnyColumn | SQL, descending: boolean) {
  return descending ? sql`${desc(column)} nulls last` : sql`${asc(column)} nulls last`;
}

/** PGlite answers count(*) as a number and node-postgres as a string; cast in SQL and convert once. */
export const countAll = sql<number>`count(*)::int`.mapWith(Number);

/** Keys whose values differ, for audit events that show what changed. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'createdAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return Object.keys(changedAfter).length === 0 ? null : { before: changedBefore, after: changedAfter };
}

/** Rows of a raw SQL query; both drivers answer `{ rows }`. Cast numbers in SQL (`::int`). */
export async function queryRows<T>(
  db: { execute: (query: SQL) => Promise<unknown> },
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as { rows: T[] };
  return result.rows;
}

/**
 * A column written with its table name. Drizzle leaves columns unqualified in single-table queries,
 * which inside a correlated subquery would bind to the subquery's own table.
 */
export function ref(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/**
 * An enum column ranked in its contract's order (key, core, potential), not alphabetically by code:
 * sorting a list by tier or status should read the way the business ranks them.
 */
export function enumRank(column: AnyColumn, values: readonly string[]): SQL {
  return sql`array_position(${sql.param([...values])}::text[], ${column})`;
}

/** A list bound as one array parameter (`= any(...)`): one placeholder however long the list. */
export const intList = (values: readonly number[]): SQL => sql`${sql.param([...values])}::int[]`;
export const textList = (values: readonly string[]): SQL => sql`${sql.param([...values])}::text[]`;
