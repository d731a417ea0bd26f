import { sql, type SQL } from 'drizzle-orm';
import {
  salesMeasures,
  type SalesDimension,
  type SalesMeasure,
  type SalesQuery,
  type SalesResponse,
  type SalesRow,
} from '../../../core/analytics/analytics.contract';
import {
  alignComparisonPeriod,
  comparisonRange,
  daysBetweenInclusive,
  isWholeMonthRange,
  periodLabel,
  shiftMonths,
  timeGrains,
  type Comparison,
  type TimeGrain,
} from '../../../core/analytics/periods';
import {
  addSalesSums,
  emptySalesSums,
  relativeChange,
  salesMeasureValue,
  salesMeasureValues,
  type SalesSums,
} from '../../../core/analytics/sales-measures';
import { scopeKindOf } from '../../../core/auth/roles';
import { addDays } from '../../../core/common/time';
import type { Db } from '../../db/client';
import { intList, queryRows, textList } from '../../db/sql-helpers';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { visibleStoreIdsSql } from '../stores/store-scope';

/** More rows than anyone reads or a chart draws: past this, the question needs filters or a coarser grain. */
export const MAX_SALES_ROWS = 100_000;

type GroupDimension = Exclude<SalesDimension, TimeGrain>;
export type SalesSource = 'sales_store_month' | 'sales_store_day' | 'sales_store_sku_month' | 'sell_out';
type TargetLevel = 'store' | 'account' | 'rep' | 'org_unit' | 'company';
type Range = { from: string; to: string };

export interface SalesPlan {
  source: SalesSource;
  grain: TimeGrain | null;
  dimensions: GroupDimension[];
  /** The targets the figures are measured against; null when no target level matches the question. */
  target: { level: TargetLevel; onlyId?: number } | null;
}

const skuDimensions: readonly GroupDimension[] = ['sku', 'brand', 'category'];
const isTimeGrain = (dimension: SalesDimension): dimension is TimeGrain =>
  (timeGrains as readonly string[]).includes(dimension);
const firstOfMonth = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

type StoreFilter =
  'accountId' | 'storeId' | 'city' | 'province' | 'regionId' | 'storeClass' | 'format' | 'repId';
const storeFilters: readonly StoreFilter[] = [
  'accountId',
  'storeId',
  'city',
  'province',
  'regionId',
  'storeClass',
  'format',
  'repId',
];

/**
 * The planner: which table answers a question. Dashboards must not scan the raw facts, so:
 * - no SKU dimension or filter (sku, brand, category, skuId, isOwn): sales_store_month for month, quarter,
 *   year or no grain over whole months; sales_store_day for day and week grains and for the days of a range
 *   outside its whole months (partsOf: "the last 13 months to today" is 12 months from one, 25 days from the other);
 * - with one: sales_store_sku_month for month, quarter, year or no grain over whole months; only SKU × day or
 *   week, and the partial months of a SKU question, fall back to the raw sell_out (scoped and filtered alike).
 * A whole-month range compares with whole months (periods.ts), so the comparison uses the same table.
 * Targets are monthly and set per company, account, store, rep or org unit: they apply when the rows are
 * exactly one of those levels (store rows may also carry their account, region and rep) at month grain or
 * above, without SKU filters — see targetPlan.
 */
export function planSalesQuery(actor: Actor, query: SalesQuery): SalesPlan {
  const by = [...new Set(query.by)];
  const grains = by.filter(isTimeGrain);
  if (grains.length > 1) {
    throw new AppError('validation_failed', 'Group by at most one time grain', [
      { path: 'querystring.by', message: `one of ${grains.join(', ')}` },
    ]);
  }
  if (query.from > query.to) {
    throw new AppError('validation_failed', 'The period ends before it starts', [
      { path: 'querystring.to', message: 'on or after from' },
    ]);
  }
  const grain = grains[0] ?? null;
  const dimensions = by.filter((dimension): dimension is GroupDimension => !isTimeGrain(dimension));
  const hasSkuFilter = Boolean(query.skuId || query.brand || query.category || query.isOwn !== undefined);
  const hasSku = hasSkuFilter || dimensions.some((dimension) => skuDimensions.includes(dimension));
  const monthly = grain !== 'day' && grain !== 'week' && isWholeMonthRange(query.from, query.to);
  const source: SalesSource = hasSku
    ? monthly
      ? 'sales_store_sku_month'
      : 'sell_out'
    : monthly
      ? 'sales_store_month'
      : 'sales_store_day';
  const target = hasSku || grain === 'day' || grain === 'week' ? null : targetPlan(actor, query, dimensions);
  return { source, grain, dimensions, target };
}

/**
 * Which targets the rows compare with. Account and company targets cover a chain's or the company's whole
 * sales, so they apply only to actors who see every store; a manager's own figures compare with their org
 * unit's target, a rep's with their own.
 */
function targetPlan(actor: Actor, query: SalesQuery, dimensions: GroupDimension[]): SalesPlan['target'] {
  const scope = scopeKindOf(actor.role);
  const filters = storeFilters.filter((name) => query[name] !== undefined);
  const onlyFilters = (...allowed: StoreFilter[]) => filters.every((name) => allowed.includes(name));
  if (dimensions.includes('store')) {
    const storeLevel: readonly GroupDimension[] = ['store', 'account', 'region', 'rep'];
    return dimensions.every((dimension) => storeLevel.includes(dimension)) ? { level: 'store' } : null;
  }
  if (dimensions.length > 1) return null;
  switch (dimensions[0]) {
    case 'account':
      return scope === 'all' && onlyFilters('accountId') ? { level: 'account' } : null;
    case 'rep':
      return onlyFilters('repId') ? { level: 'rep' } : null;
    case 'region':
      return scope !== 'assigned_stores' && onlyFilters('regionId') ? { level: 'org_unit' } : null;
    case undefined:
      if (filters.length === 0) {
        if (scope === 'all') return { level: 'company' };
        if (scope === 'assigned_stores') return { level: 'rep', onlyId: actor.id };
        return actor.orgUnitId === null ? null : { level: 'org_unit', onlyId: actor.orgUnitId };
      }
      if (onlyFilters('storeId')) return { level: 'store' };
      if (onlyFilters('accountId')) return scope === 'all' ? { level: 'account' } : null;
      if (onlyFilters('repId')) return { level: 'rep' };
      if (onlyFilters('regionId')) return scope === 'assigned_stores' ? null : { level: 'org_unit' };
      return null;
    default:
      return null;
  }
}

// ——— SQL pieces ———

/** Output columns of each dimension (the first is its key), as expressions over the fact query's aliases. */
const dimensionColumns: Record<GroupDimension, [alias: string, expression: string][]> = {
  account: [
    ['accountId', 's.account_id'],
    ['accountName', 'a.name'],
  ],
  store: [
    ['storeId', 's.id'],
    ['storeCode', 's.code'],
    ['storeName', 's.name'],
  ],
  city: [['city', 's.city']],
  province: [['province', 's.province']],
  region: [
    ['regionId', 'ur.region_id'],
    ['regionName', 'ur.region_name'],
  ],
  rep: [
    ['repId', 'r.rep_id'],
    ['repName', 'r.rep_name'],
  ],
  storeClass: [['storeClass', 's.store_class']],
  format: [['format', 's.format']],
  sku: [
    ['skuId', 'k.id'],
    ['skuCode', 'k.code'],
    ['skuName', 'k.name'],
  ],
  brand: [['brand', 'k.brand']],
  category: [['category', 'k.category']],
};

/** The same keys from a target's own table, for account, rep and org-unit targets. */
const targetColumns: Partial<Record<TargetLevel, Partial<typeof dimensionColumns>>> = {
  account: {
    account: [
      ['accountId', 'a.id'],
      ['accountName', 'a.name'],
    ],
  },
  rep: {
    rep: [
      ['repId', 'u.id'],
      ['repName', 'u.display_name'],
    ],
  },
  org_unit: {
    region: [
      ['regionId', 'o.id'],
      ['regionName', 'o.name'],
    ],
  },
};

/**
 * The region of each org unit (its nearest ancestor of kind 'region', itself included) and the reps of each
 * store, for region and rep rows; only written into the queries that use them. A store with two reps appears
 * once per rep in rep rows.
 */
const unitRegionTable = `unit_region as (
    with recursive up(unit_id, ancestor_id, depth) as (
      select id, id, 0 from org_units
      union all
      select up.unit_id, o.parent_id, up.depth + 1 from up join org_units o on o.id = up.ancestor_id
      where o.parent_id is not null and up.depth < 32
    )
    select distinct on (up.unit_id) up.unit_id, o.id as region_id, o.name as region_name
    from up join org_units o on o.id = up.ancestor_id and o.kind = 'region'
    order by up.unit_id, up.depth
  )`;
const storeRepsTable = `store_reps as (
    select sa.store_id, u.id as rep_id, u.display_name as rep_name
    from store_assignments sa join users u on u.id = sa.user_id and u.role = 'rep'
  )`;

function withTables(dimensions: GroupDimension[]): SQL {
  const tables = [
    dimensions.includes('region') ? unitRegionTable : null,
    dimensions.includes('rep') ? storeRepsTable : null,
  ].filter((table) => table !== null);
  return sql.raw(tables.length ? `with ${tables.join(', ')}` : '');
}

const storeJoins = (dimensions: GroupDimension[]): SQL =>
  sql.raw(
    [
      dimensions.includes('account') ? 'join accounts a on a.id = s.account_id' : '',
      dimensions.includes('region') ? 'left join unit_region ur on ur.unit_id = s.org_unit_id' : '',
      dimensions.includes('rep') ? 'left join store_reps r on r.store_id = s.id' : '',
    ].join(' '),
  );

/** Org units under any of `rootIds`, the roots included. */
const subtreeOfAll = (rootIds: readonly number[]) => sql`(with recursive subtree(id) as (
    select unnest(${intList(rootIds)})
    union
    select child.id from org_units child join subtree on child.parent_id = subtree.id
  ) select id from subtree)`;

/** The store filters and the actor's scope, over the stores table aliased `s`. */
function storeConditions(actor: Actor, query: SalesQuery): SQL[] {
  const conditions: SQL[] = [];
  const visible = visibleStoreIdsSql(actor);
  if (visible) conditions.push(sql`s.id in ${visible}`);
  if (query.accountId) conditions.push(sql`s.account_id = any(${intList(query.accountId)})`);
  if (query.storeId) conditions.push(sql`s.id = any(${intList(query.storeId)})`);
  if (query.city) conditions.push(sql`s.city = any(${textList(query.city)})`);
  if (query.province) conditions.push(sql`s.province = any(${textList(query.province)})`);
  if (query.storeClass) conditions.push(sql`s.store_class = any(${textList(query.storeClass)})`);
  if (query.format) conditions.push(sql`s.format = any(${textList(query.format)})`);
  if (query.regionId) conditions.push(sql`s.org_unit_id in ${subtreeOfAll(query.regionId)}`);
  if (query.repId) {
    conditions.push(
      sql`s.id in (select store_id from store_assignments where user_id = any(${intList(query.repId)}))`,
    );
  }
  return conditions;
}

function skuConditions(query: SalesQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.skuId) conditions.push(sql`f.sku_id = any(${intList(query.skuId)})`);
  if (query.brand) conditions.push(sql`k.brand = any(${textList(query.brand)})`);
  if (query.category) conditions.push(sql`k.category = any(${textList(query.category)})`);
  if (query.isOwn !== undefined) conditions.push(sql`k.is_own = ${query.isOwn}`);
  return conditions;
}

/** The first day of the period containing `column`, as date_trunc computes it (ISO weeks start on Monday). */
function bucketSql(grain: TimeGrain, column: string, isMonthColumn: boolean): string {
  if (grain === 'day' || (grain === 'month' && isMonthColumn)) return column;
  return `date_trunc('${grain}', ${column}::timestamp)::date`;
}

const whereAll = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/**
 * The select and group-by of a query: each dimension grouped by its key (its first column) only, its labels
 * (names, codes) taken with min() — the planner then estimates the groups from the keys alone and aggregates
 * by hash in memory, where grouping by the labels too made it sort every fact row (measured 2× slower).
 */
function selectList(
  dimensions: [string, string][][],
  bucket: string | null,
  side: string | null,
): { select: SQL; groupBy: SQL } {
  const parts: string[] = [];
  const groups: string[] = [];
  for (const [[keyAlias, key], ...labels] of dimensions) {
    parts.push(`${key} as "${keyAlias}"`);
    groups.push(key);
    for (const [alias, expression] of labels) parts.push(`min(${expression}) as "${alias}"`);
  }
  if (side) {
    parts.push(`${side} as "side"`);
    groups.push(side);
  }
  if (bucket) {
    parts.push(`(${bucket})::text as "periodStart"`);
    groups.push(bucket);
  }
  return {
    select: sql.raw(parts.map((part) => `${part}, `).join('')),
    groupBy: sql.raw(groups.length ? `group by ${groups.join(', ')}` : ''),
  };
}

interface FactRow extends Record<string, unknown> {
  units: number;
  amountFen: number;
  weekendAmountFen: number;
  periodStart?: string;
  /** 0 for the range asked for, 1 for the comparison range. */
  side?: number;
}

/**
 * Which tables answer one range: its whole months from the month rollup, the days before and after them from the
 * day rollup (for SKU questions, the raw facts) — so "this month to date" or "the last 13 months to today" read
 * the month rollup for all but the running month. Day and week grains read days throughout.
 */
export function partsOf(plan: SalesPlan, range: Range): { source: SalesSource; range: Range }[] {
  const bySku = plan.source === 'sales_store_sku_month' || plan.source === 'sell_out';
  const daily: SalesSource = bySku ? 'sell_out' : 'sales_store_day';
  const monthly: SalesSource = bySku ? 'sales_store_sku_month' : 'sales_store_month';
  if (plan.grain === 'day' || plan.grain === 'week') return [{ source: daily, range }];
  if (isWholeMonthRange(range.from, range.to)) return [{ source: monthly, range }];
  const wholeFrom = range.from.endsWith('-01') ? range.from : shiftMonths(firstOfMonth(range.from), 1);
  const toMonthEnd = addDays(shiftMonths(firstOfMonth(range.to), 1), -1);
  const wholeTo = range.to === toMonthEnd ? range.to : addDays(firstOfMonth(range.to), -1);
  if (wholeFrom > wholeTo) return [{ source: daily, range }];
  return [
    ...(range.from < wholeFrom
      ? [{ source: daily, range: { from: range.from, to: addDays(wholeFrom, -1) } }]
      : []),
    { source: monthly, range: { from: wholeFrom, to: wholeTo } },
    ...(wholeTo < range.to ? [{ source: daily, range: { from: addDays(wholeTo, 1), to: range.to } }] : []),
  ];
}

/** Sums of sell-out over one range, grouped by the plan's dimensions (or not at all); parts add up later. */
async function sumSales(
  db: Db,
  actor: Actor,
  query: SalesQuery,
  plan: SalesPlan,
  range: Range,
  grouped: boolean,
): Promise<FactRow[]> {
  const parts = await Promise.all(
    partsOf(plan, range).map((part) =>
      sumSalesFrom(db, actor, query, plan, part.source, part.range, grouped),
    ),
  );
  return checkRowCount(parts.flat());
}

async function sumSalesFrom(
  db: Db,
  actor: Actor,
  query: SalesQuery,
  plan: SalesPlan,
  source: SalesSource,
  range: Range,
  grouped: boolean,
): Promise<FactRow[]> {
  const dimensions = grouped ? plan.dimensions : [];
  const grain = grouped ? plan.grain : null;
  const isMonthly = source === 'sales_store_month' || source === 'sales_store_sku_month';
  const dateColumn = isMonthly ? 'f.month' : 'f.date';
  const { select, groupBy } = selectList(
    dimensions.map((dimension) => dimensionColumns[dimension]),
    grain && bucketSql(grain, dateColumn, isMonthly),
    null,
  );
  const needsSku =
    dimensions.some((dimension) => skuDimensions.includes(dimension)) ||
    Boolean(query.brand || query.category || query.isOwn !== undefined);
  const weekend =
    source === 'sell_out'
      ? 'case when extract(isodow from f.date) in (5, 6, 7) then f.amount_fen else 0 end'
      : 'f.weekend_amount_fen';
  // Constant dates, one range per query: the planner then reads a chain's or a city's stores through the
  // rollup's key (store, date) and scans the table only for company-wide questions. (Both ranges in one
  // query, by UNION ALL or a join, measured slower: the planner loses its estimates.)
  const conditions = [
    sql`${sql.raw(dateColumn)} between ${range.from}::date and ${isMonthly ? firstOfMonth(range.to) : range.to}::date`,
    ...storeConditions(actor, query),
    ...skuConditions(query),
  ];
  const rows = await queryRows<FactRow>(
    db,
    sql`${withTables(dimensions)}
    select ${select}
      coalesce(sum(f.units), 0)::float8 as "units",
      coalesce(sum(f.amount_fen), 0)::float8 as "amountFen",
      coalesce(sum(${sql.raw(weekend)}), 0)::float8 as "weekendAmountFen"
    from ${sql.raw(source)} f
    join stores s on s.id = f.store_id
    ${storeJoins(dimensions)}
    ${sql.raw(needsSku ? 'join skus k on k.id = f.sku_id' : '')}
    where ${whereAll(conditions)}
    ${groupBy}
    limit ${MAX_SALES_ROWS + 1}`,
  );
  return checkRowCount(rows);
}

/** The sums of each range, each row marked with its side (0: the range asked for, 1: the comparison). */
async function sumSalesOfEach(
  db: Db,
  actor: Actor,
  query: SalesQuery,
  plan: SalesPlan,
  ranges: Range[],
  grouped: boolean,
): Promise<FactRow[]> {
  // Side by side: on PostgreSQL each range has its own connection (PGlite runs them one after the other).
  const sides = await Promise.all(ranges.map((range) => sumSales(db, actor, query, plan, range, grouped)));
  return sides.flatMap((rows, side) => rows.map((row) => ({ ...row, side })));
}

function checkRowCount<T>(rows: T[]): T[] {
  if (rows.length > MAX_SALES_ROWS) {
    throw new AppError(
      'business_rule',
      `The answer has more than ${MAX_SALES_ROWS.toLocaleString('en')} rows; add filters or choose a coarser grain`,
    );
  }
  return rows;
}

/** How much of each month's target falls in the range: whole months count whole, partial ones by days. */
function monthShares(range: Range): { months: string[]; days: number[]; monthDays: number[] } {
  const months: string[] = [];
  const days: number[] = [];
  const monthDays: number[] = [];
  for (let month = firstOfMonth(range.from); month <= range.to; month = shiftMonths(month, 1)) {
    const monthEnd = addDays(shiftMonths(month, 1), -1);
    months.push(month);
    monthDays.push(daysBetweenInclusive(month, monthEnd));
    days.push(
      daysBetweenInclusive(
        month < range.from ? range.from : month,
        monthEnd > range.to ? range.to : monthEnd,
      ),
    );
  }
  return { months, days, monthDays };
}

type TargetRow = Record<string, unknown> & { targetFen: number | null; periodStart?: string; side?: number };

/** Targets for one or two ranges at the plan's level, grouped like the sales rows (or not at all). */
async function sumTargets(
  db: Db,
  actor: Actor,
  query: SalesQuery,
  plan: SalesPlan,
  ranges: Range[],
  grouped: boolean,
): Promise<TargetRow[]> {
  const target = plan.target!;
  const dimensions = grouped ? plan.dimensions : [];
  const columns = dimensions.map(
    (dimension) => targetColumns[target.level]?.[dimension] ?? dimensionColumns[dimension],
  );
  const { select, groupBy } = selectList(
    columns,
    grouped && plan.grain ? bucketSql(plan.grain, 't.month', true) : null,
    ranges.length > 1 ? 'm.side' : null,
  );
  const scope = scopeKindOf(actor.role);
  const visible = visibleStoreIdsSql(actor);
  const conditions: SQL[] = [sql`t.scope = ${target.level}`];
  let joins: SQL;
  switch (target.level) {
    case 'store':
      joins = sql`join stores s on s.id = t.store_id ${storeJoins(dimensions)}`;
      conditions.push(...storeConditions(actor, query));
      break;
    case 'account':
      joins = sql.raw('join accounts a on a.id = t.account_id');
      if (query.accountId) conditions.push(sql`a.id = any(${intList(query.accountId)})`);
      break;
    case 'rep':
      joins = sql.raw('join users u on u.id = t.user_id');
      if (query.repId) conditions.push(sql`u.id = any(${intList(query.repId)})`);
      if (target.onlyId !== undefined) conditions.push(sql`u.id = ${target.onlyId}`);
      // A rep measures against their own target; a manager against those of the reps of their stores.
      else if (scope === 'assigned_stores') conditions.push(sql`u.id = ${actor.id}`);
      else if (visible)
        conditions.push(sql`u.id in (select user_id from store_assignments where store_id in ${visible})`);
      break;
    case 'org_unit':
      joins = sql.raw('join org_units o on o.id = t.org_unit_id');
      if (query.regionId) conditions.push(sql`o.id = any(${intList(query.regionId)})`);
      else if (target.onlyId === undefined) conditions.push(sql`o.kind = 'region'`); // region rows: not cities'
      if (target.onlyId !== undefined) conditions.push(sql`o.id = ${target.onlyId}`);
      else if (scope === 'org_subtree') {
        conditions.push(
          actor.orgUnitId === null ? sql`false` : sql`o.id in ${subtreeOfAll([actor.orgUnitId])}`,
        );
      }
      break;
    case 'company':
      joins = sql``;
      break;
  }
  const shares = ranges.map(monthShares);
  const sides = shares.flatMap((share, side) => share.months.map(() => side));
  // round() on numeric is half away from zero, the rounding of money.ts.
  const rows = await queryRows<TargetRow>(
    db,
    sql`${withTables(target.level === 'store' ? dimensions : [])}
    select ${select}
      round(sum(t.amount_fen * m.days::numeric / m.month_days))::float8 as "targetFen"
    from sales_targets t
    join unnest(${sql.param(shares.flatMap((share) => share.months))}::date[],
                ${intList(shares.flatMap((share) => share.days))},
                ${intList(shares.flatMap((share) => share.monthDays))}, ${intList(sides)})
      as m(month, days, month_days, side) on m.month = t.month
    ${joins}
    where ${whereAll(conditions)}
    ${groupBy}
    limit ${MAX_SALES_ROWS + 1}`,
  );
  return checkRowCount(rows);
}

// ——— Putting rows together ———

interface Entry {
  dimensions: Record<string, unknown>;
  periodStart: string | null;
  current: SalesSums;
  compare: SalesSums;
}

const keyAliases = (dimensions: GroupDimension[]) =>
  dimensions.map((dimension) => dimensionColumns[dimension][0][0]);

function sumsOf(row: Partial<FactRow> & { targetFen?: number | null }): SalesSums {
  return {
    units: Number(row.units ?? 0),
    amountFen: Number(row.amountFen ?? 0),
    weekendAmountFen: Number(row.weekendAmountFen ?? 0),
    targetFen: row.targetFen === undefined || row.targetFen === null ? null : Number(row.targetFen),
  };
}

export async function querySales(db: Db, actor: Actor, query: SalesQuery): Promise<SalesResponse> {
  const plan = planSalesQuery(actor, query);
  const measures = [...new Set(query.measures)];
  const order = parseOrder(query.order, plan.grain !== null);
  const range = { from: query.from, to: query.to };
  const comparison = query.compare ? comparisonRange(query.from, query.to, query.compare) : null;
  const columnAliases = plan.dimensions.flatMap((dimension) =>
    dimensionColumns[dimension].map(([alias]) => alias),
  );
  const keys = keyAliases(plan.dimensions);

  const entries = new Map<string, Entry>();
  const entryFor = (row: Record<string, unknown>, periodStart: string | null): Entry => {
    const key = JSON.stringify([...keys.map((alias) => row[alias] ?? null), periodStart]);
    let entry = entries.get(key);
    if (!entry) {
      const dimensions = Object.fromEntries(columnAliases.map((alias) => [alias, row[alias] ?? null]));
      entry = { dimensions, periodStart, current: emptySalesSums(), compare: emptySalesSums() };
      entries.set(key, entry);
    }
    return entry;
  };
  const aligned = (periodStart: string | undefined, side: Comparison | null): string | null | undefined => {
    if (!plan.grain || periodStart === undefined) return null;
    return side ? (alignComparisonPeriod(periodStart, plan.grain, side, range) ?? undefined) : periodStart;
  };
  // Rows carry their side: 0 for the range asked for, 1 for the comparison.
  const spans = comparison ? [range, comparison] : [range];

  // Totals add up from the rows when the rows split the sales; rep rows do not (a store with two reps counts twice).
  const totals = [emptySalesSums(), emptySalesSums()];
  const hasRows = plan.dimensions.length > 0 || plan.grain !== null;
  const totalsFromRows = hasRows && !plan.dimensions.includes('rep');
  // One query at a time: PGlite runs them one by one anyway, and each is small on the rollups.
  if (hasRows) {
    const facts = await sumSalesOfEach(db, actor, query, plan, spans, true);
    const targets = plan.target ? await sumTargets(db, actor, query, plan, spans, true) : [];
    for (const row of [...facts, ...targets]) {
      const side = row.side ?? 0;
      const sums = sumsOf(row);
      if (totalsFromRows) addSalesSums(totals[side], sums);
      const start = aligned(row.periodStart, side ? query.compare! : null);
      if (start !== undefined) addSalesSums(entryFor(row, start)[side ? 'compare' : 'current'], sums);
    }
  }
  if (!totalsFromRows) {
    for (const row of await sumSalesOfEach(db, actor, query, plan, spans, false)) {
      addSalesSums(totals[row.side ?? 0], sumsOf(row));
    }
    if (plan.target) {
      for (const row of await sumTargets(db, actor, query, plan, spans, false)) {
        addSalesSums(totals[row.side ?? 0], sumsOf(row));
      }
    }
  }
  const compareTotals = comparison ? totals[1] : null;

  const sorted = [...entries.values()].sort((a, b) => compareEntries(a, b, order, keys));
  const rows = (query.limit ? sorted.slice(0, query.limit) : sorted).map((entry) =>
    toRow(entry, plan.grain, measures, Boolean(comparison)),
  );
  return {
    rows,
    totals: salesMeasureValues(totals[0], measures),
    ...(compareTotals ? { compareTotals: salesMeasureValues(compareTotals, measures) } : {}),
    meta: {
      source: [...new Set(partsOf(plan, range).map((part) => part.source))].join('+'),
      ...(comparison ? { comparisonRange: comparison } : {}),
      rowCount: sorted.length,
    },
  };
}

function toRow(
  entry: Entry,
  grain: TimeGrain | null,
  measures: SalesMeasure[],
  withCompare: boolean,
): SalesRow {
  const row: SalesRow = { ...(entry.dimensions as SalesRow) };
  if (grain && entry.periodStart) {
    row.period = periodLabel(entry.periodStart, grain);
    row.periodStart = entry.periodStart;
  }
  const current = salesMeasureValues(entry.current, measures);
  Object.assign(row, current);
  if (withCompare) {
    const compare = salesMeasureValues(entry.compare, measures);
    row.compare = compare;
    row.change = Object.fromEntries(
      measures.map((measure) => [measure, relativeChange(current[measure], compare[measure])]),
    );
  }
  return row;
}

interface Order {
  measure: SalesMeasure;
  descending: boolean;
  /** Time rows read in time order first, unless the caller asked for a ranking. */
  byPeriodFirst: boolean;
}

function parseOrder(order: string | undefined, hasGrain: boolean): Order {
  if (!order) return { measure: 'amount', descending: true, byPeriodFirst: hasGrain };
  const descending = order.startsWith('-');
  const measure = descending ? order.slice(1) : order;
  if (!(salesMeasures as readonly string[]).includes(measure)) {
    throw new AppError('validation_failed', 'Sort by one of the measures', [
      {
        path: 'querystring.order',
        message: `one of ${salesMeasures.join(', ')}, "-" first for largest first`,
      },
    ]);
  }
  return { measure: measure as SalesMeasure, descending, byPeriodFirst: false };
}

function compareEntries(a: Entry, b: Entry, order: Order, keys: string[]): number {
  if (order.byPeriodFirst && a.periodStart !== b.periodStart) {
    return (a.periodStart ?? '') < (b.periodStart ?? '') ? -1 : 1;
  }
  const x = salesMeasureValue(a.current, order.measure);
  const y = salesMeasureValue(b.current, order.measure);
  if (x !== y) {
    if (x === null) return 1; // no value sorts last either way
    if (y === null) return -1;
    return order.descending ? y - x : x - y;
  }
  if (a.periodStart !== b.periodStart) return (a.periodStart ?? '') < (b.periodStart ?? '') ? -1 : 1;
  for (const key of keys) {
    const p = a.dimensions[key];
    const q = b.dimensions[key];
    if (p === q) continue;
    if (p === null || q === null) return p === null ? 1 : -1;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}
