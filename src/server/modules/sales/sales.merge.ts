import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';

/**
 * How imports write the sales facts: set-wise, from a staging table that has the fact table's columns plus the
 * file's row number (`row_no`). Exactly once means upsert by the natural key — sell-out and inventory by
 * store × date × SKU, sell-in by account × invoice × SKU × store, targets by scope × owner × month — and a row whose
 * values did not change is not written. See docs/decisions/0004-exactly-once-sales-imports.md.
 */
export const factKinds = ['sellout', 'inventory', 'sellin', 'targets'] as const;
export type FactKind = (typeof factKinds)[number];

type ColumnType = 'int' | 'bigint' | 'date' | 'text';

interface FactTable {
  table: string;
  /** Every column an import writes except import_id, in the order staging CSV lines carry them. */
  columns: readonly (readonly [string, ColumnType])[];
  key: readonly string[];
  /** Key columns that may be null (sell-in without a store; targets own one of four ids). */
  nullableKey: readonly string[];
  /** ON CONFLICT target. */
  conflict: string;
  /** Its date column (sell-in's invoice date, a target's month), for the range an import covers. */
  dateColumn: string;
  hasStore: boolean;
  identity: boolean;
}

export const factTables: Record<FactKind, FactTable> = {
  sellout: {
    table: 'sell_out',
    columns: [
      ['store_id', 'int'],
      ['date', 'date'],
      ['sku_id', 'int'],
      ['units', 'int'],
      ['amount_fen', 'bigint'],
    ],
    key: ['store_id', 'date', 'sku_id'],
    nullableKey: [],
    conflict: '(store_id, date, sku_id)',
    dateColumn: 'date',
    hasStore: true,
    identity: false,
  },
  inventory: {
    table: 'inventory',
    columns: [
      ['store_id', 'int'],
      ['date', 'date'],
      ['sku_id', 'int'],
      ['on_hand', 'int'],
    ],
    key: ['store_id', 'date', 'sku_id'],
    nullableKey: [],
    conflict: '(store_id, date, sku_id)',
    dateColumn: 'date',
    hasStore: true,
    identity: false,
  },
  sellin: {
    table: 'sell_in',
    columns: [
      ['account_id', 'int'],
      ['store_id', 'int'],
      ['sku_id', 'int'],
      ['date', 'date'],
      ['invoice_no', 'text'],
      ['units', 'int'],
      ['price_fen', 'int'],
      ['amount_fen', 'bigint'],
    ],
    key: ['account_id', 'invoice_no', 'sku_id', 'store_id'],
    nullableKey: ['store_id'],
    conflict: 'on constraint sell_in_line_key',
    dateColumn: 'date',
    hasStore: true,
    identity: true,
  },
  targets: {
    table: 'sales_targets',
    columns: [
      ['month', 'date'],
      ['scope', 'text'],
      ['account_id', 'int'],
      ['store_id', 'int'],
      ['user_id', 'int'],
      ['org_unit_id', 'int'],
      ['amount_fen', 'bigint'],
      ['units', 'int'],
    ],
    key: ['scope', 'account_id', 'store_id', 'user_id', 'org_unit_id', 'month'],
    nullableKey: ['account_id', 'store_id', 'user_id', 'org_unit_id'],
    conflict: 'on constraint sales_targets_key',
    dateColumn: 'month',
    hasStore: false,
    identity: true,
  },
};

/** What a write touched: rows, and for sell-out the stores and dates whose rollups must follow. */
export interface FactChange {
  rows: number;
  storeIds: number[];
  from: string | null;
  to: string | null;
}

const columnNames = (kind: FactKind) => factTables[kind].columns.map(([name]) => name);
const valueColumns = (kind: FactKind) =>
  columnNames(kind).filter((name) => !factTables[kind].key.includes(name));
const list = (names: readonly string[], prefix = '') => names.map((name) => `${prefix}${name}`).join(', ');

/** The staging table's columns: the file's row number, then the fact's columns. */
export function stagingColumns(kind: FactKind): string[] {
  return ['row_no', ...columnNames(kind)];
}

/** A temporary staging table, without keys or indexes: COPY into it runs at full speed. */
export function createStagingTableSql(
  kind: FactKind,
  name: string,
  options: { onCommitDrop?: boolean } = {},
): SQL {
  const columns = factTables[kind].columns.map(([column, type]) => `${column} ${type}`).join(', ');
  return sql.raw(
    `create temp table ${name} (row_no int not null, ${columns})${options.onCommitDrop ? ' on commit drop' : ''}`,
  );
}

/** `f.key = s.key`, with nullable keys compared through a sentinel so the join can still hash. */
function keyMatch(kind: FactKind, left: string, right: string): string {
  const { key, nullableKey } = factTables[kind];
  return key
    .map((column) =>
      nullableKey.includes(column)
        ? `coalesce(${left}.${column}, -1) = coalesce(${right}.${column}, -1)`
        : `${left}.${column} = ${right}.${column}`,
    )
    .join(' and ');
}

/** What the RETURNING of a write needs for changeOf. */
function returned(kind: FactKind): string {
  const { hasStore, dateColumn } = factTables[kind];
  return hasStore ? `store_id, ${dateColumn}` : dateColumn;
}

function changeOf(kind: FactKind, rowsSql: string): string {
  const { hasStore, dateColumn } = factTables[kind];
  return `select count(*)::int as rows,
      ${hasStore ? 'array_remove(array_agg(distinct store_id), null)' : "'{}'::int[]"} as "storeIds",
      min(${dateColumn})::text as "from", max(${dateColumn})::text as "to"
    from ${rowsSql}`;
}

async function runChange(db: Db, query: string): Promise<FactChange> {
  const [row] = await queryRows<FactChange>(db, sql.raw(query));
  return {
    rows: Number(row.rows),
    storeIds: (row.storeIds ?? []).map(Number),
    from: row.from,
    to: row.to,
  };
}

/**
 * Whether the fact table already holds any row in the stores and dates of a sell-out or inventory file
 * (cheap, through the primary key): when none does, the file's rows can be inserted without conflict handling.
 * For sell-in and targets, whether any staged key exists.
 */
export async function factRowsExist(
  db: Db,
  kind: FactKind,
  range: { stage: string; storeIds?: readonly number[]; from?: string; to?: string },
): Promise<boolean> {
  const { table } = factTables[kind];
  const query =
    (kind === 'sellout' || kind === 'inventory') && range.storeIds && range.from && range.to
      ? sql`select exists (select 1 from ${sql.raw(table)} where store_id = any(${sql.param([...range.storeIds])}::int[])
          and date between ${range.from} and ${range.to}) as found`
      : sql.raw(
          `select exists (select 1 from ${range.stage} s join ${table} f on ${keyMatch(kind, 'f', 's')}) as found`,
        );
  const [row] = await queryRows<{ found: boolean }>(db, query);
  return row.found;
}

/** How many keys occur more than once in the staging table. */
export async function countDuplicateKeys(db: Db, kind: FactKind, stage: string): Promise<number> {
  const key = factTables[kind].key.map((column) =>
    factTables[kind].nullableKey.includes(column) ? `coalesce(${column}, -1)` : column,
  );
  const [row] = await queryRows<{ count: number }>(
    db,
    sql.raw(`select count(*)::int as count from (select 1 from ${stage} group by ${key.join(', ')}
      having count(*) > 1) d`),
  );
  return Number(row.count);
}

/** Every staged row whose key an earlier row of the file already had: (row_no, first_row). */
export function duplicateRowsSql(kind: FactKind, stage: string): SQL {
  const key = factTables[kind].key.map((column) =>
    factTables[kind].nullableKey.includes(column) ? `coalesce(${column}, -1)` : column,
  );
  return sql.raw(`select row_no, first_row from (
      select row_no, min(row_no) over (partition by ${key.join(', ')}) as first_row from ${stage}
    ) d where row_no <> first_row`);
}

/** The fact rows an upsert of the staging table will change, as JSON with the import that wrote them. */
export function supersededRowsSql(kind: FactKind, stage: string): SQL {
  const { table } = factTables[kind];
  const values = valueColumns(kind);
  return sql.raw(`select to_jsonb(f) as row, f.import_id as previous_import_id
    from ${table} f join ${stage} s on ${keyMatch(kind, 'f', 's')}
    where (${list(values, 'f.')}) is distinct from (${list(values, 's.')})`);
}

/**
 * Inserts every staged row: for files whose keys are all new (factRowsExist said so). Answers the row count; the
 * caller knows the stores and dates from reading the file.
 */
export async function insertStaged(db: Db, kind: FactKind, stage: string, importId: number): Promise<number> {
  const { table } = factTables[kind];
  const columns = list(columnNames(kind));
  const [row] = await queryRows<{ rows: number }>(
    db,
    sql.raw(`with written as (
      insert into ${table} (${columns}, import_id) select ${columns}, ${Number(importId)} from ${stage} returning 1
    ) select count(*)::int as rows from written`),
  );
  return Number(row.rows);
}

/**
 * Upserts the staged rows: new keys are inserted, changed values replace the old ones (and carry this import's
 * id), identical rows are left alone, so a re-imported file changes nothing. Keys must be unique in the stage.
 */
export async function upsertStaged(
  db: Db,
  kind: FactKind,
  stage: string,
  importId: number,
): Promise<FactChange> {
  const { table, conflict } = factTables[kind];
  const columns = list(columnNames(kind));
  const values = valueColumns(kind);
  const updates = [...values, 'import_id'].map((column) => `${column} = excluded.${column}`).join(', ');
  return runChange(
    db,
    `with written as (
      insert into ${table} (${columns}, import_id) select ${columns}, ${Number(importId)} from ${stage}
      on conflict ${conflict} do update set ${updates}
      where (${list(values, `${table}.`)}) is distinct from (${list(values, 'excluded.')})
      returning ${returned(kind)}
    ) ${changeOf(kind, 'written')}`,
  );
}

/** Undo, step one: deletes the rows an import wrote (those still carrying its id). */
export async function deleteRowsOfImport(db: Db, kind: FactKind, importId: number): Promise<FactChange> {
  const { table } = factTables[kind];
  return runChange(
    db,
    `with removed as (delete from ${table} where import_id = ${Number(importId)} returning ${returned(kind)})
      ${changeOf(kind, 'removed')}`,
  );
}

/**
 * Undo, step two: puts back the rows an import had replaced (`rowsSql` selects their JSON as `row`). A key that was
 * written since by hand (the sell-in and targets APIs) keeps that later value.
 */
export async function restoreRows(db: Db, kind: FactKind, rowsSql: SQL): Promise<FactChange> {
  const { table, identity } = factTables[kind];
  const restored = sql`insert into ${sql.raw(table)} ${sql.raw(identity ? 'overriding system value' : '')}
      select (jsonb_populate_record(null::${sql.raw(table)}, old.row)).* from (${rowsSql}) old
      on conflict do nothing returning ${sql.raw(returned(kind))}`;
  const [row] = await queryRows<FactChange>(
    db,
    sql`with restored as (${restored}) ${sql.raw(changeOf(kind, 'restored'))}`,
  );
  return { rows: Number(row.rows), storeIds: (row.storeIds ?? []).map(Number), from: row.from, to: row.to };
}
