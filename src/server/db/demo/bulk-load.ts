import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import { queryRows } from '../sql-helpers';

interface Definition {
  table: string;
  name: string;
  /** `PRIMARY KEY (…)`, `UNIQUE …`, `FOREIGN KEY …` for a constraint; null for a plain index. */
  constraint: string | null;
  /** `CREATE INDEX …` for a plain index. */
  index: string | null;
}

/**
 * Loads empty tables the way PostgreSQL's manual advises for populating a database: drop their keys, indexes and
 * foreign keys, load, then create them again — one sort per index and one join per foreign key instead of a B-tree
 * insertion and a lookup per row (the demo's load takes half the time). Everything happens in the caller's
 * transaction, so a failure leaves every definition as it was; the definitions are read from the catalogue, so they
 * follow the migrations. A table that has rows, or that another table's foreign key points at, keeps its indexes.
 */
export async function withoutIndexes<T>(
  db: Db,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const definitions: Definition[] = [];
  for (const table of tables) {
    const [state] = await queryRows<{ hasRows: boolean; isReferenced: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table)}) as "hasRows",
        exists (select 1 from pg_constraint where confrelid = ${table}::regclass) as "isReferenced"`,
    );
    if (state.hasRows || state.isReferenced) continue;
    const found = await queryRows<Definition>(
      db,
      sql`select conname as name, pg_get_constraintdef(oid) as "constraint", null as index
        from pg_constraint where conrelid = ${table}::regclass and contype in ('p', 'u', 'f')
        union all
        select i.relname, null, pg_get_indexdef(i.oid)
        from pg_index x join pg_class i on i.oid = x.indexrelid
        where x.indrelid = ${table}::regclass
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    );
    for (const definition of found) {
      definitions.push({ ...definition, table });
      await db.execute(
        definition.constraint === null
          ? sql`drop index ${sql.identifier(definition.name)}`
          : sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(definition.name)}`,
      );
    }
  }
  const result = await load();
  // Keys first, then the other indexes, then the foreign keys (checked against the keys just built).
  const rank = (definition: Definition) =>
    definition.constraint === null ? 1 : definition.constraint.startsWith('FOREIGN KEY') ? 2 : 0;
  for (const definition of [...definitions].sort((a, b) => rank(a) - rank(b))) {
    await db.execute(
      definition.constraint === null
        ? sql.raw(definition.index!)
        : sql`alter table ${sql.identifier(definition.table)} add constraint ${sql.identifier(definition.name)} ${sql.raw(definition.constraint)}`,
    );
  }
  return result;
}
