import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { periodStart, shiftMonths } from '../../../core/analytics/periods';
import type {
  DistributionQuery,
  DistributionRow,
  Launch,
  LaunchQuery,
} from '../../../core/catalog/catalog.contract';
import { monthSpans } from '../../../core/catalog/month-spans';
import { ratio } from '../../../core/common/money';
import { addDays, businessToday } from '../../../core/common/time';
import type { Db } from '../../db/client';
import { intList, queryRows } from '../../db/sql-helpers';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { visibleStoreIdsSql } from '../stores/store-scope';
import { getSku } from './catalog.service';
import { skus } from './catalog.table';

/*
 * Numeric distribution and launch progress read three things: listings (small), the store × SKU × month rollup
 * (one row per store, month and SKU sold), and raw sell-out only where a month is cut by the period or a day is
 * needed. Raw sell-out is always reached through its primary key (store_id, date, sku_id) — by store and day, with
 * the SKU — never scanned: at 50M rows a scan takes seconds, and on PGlite it would stop the whole server.
 * The target stores and SKUs are read first and passed as arrays, so that every later query probes the keys
 * (store_id first) instead of leaving the planner to guess how many stores a subquery yields.
 */

/** A launch view covers at most two years of weeks; without an explicit `from` it shows the latest two years. */
export const MAX_LAUNCH_WEEKS = 104;

interface TargetFilters {
  accountId?: number[];
  storeClass?: ('A' | 'B' | 'C')[];
  city?: string[];
}

/** The target stores: open stores in the actor's scope that match the filters. */
async function targetStoreIds(db: Db, actor: Actor, filters: TargetFilters): Promise<number[]> {
  const conditions: SQL[] = [sql`status = 'open'`];
  const visible = visibleStoreIdsSql(actor);
  if (visible) conditions.push(sql`id in ${visible}`);
  if (filters.accountId) conditions.push(sql`account_id = any(${sql.param(filters.accountId)}::int[])`);
  if (filters.storeClass) conditions.push(sql`store_class = any(${sql.param(filters.storeClass)}::text[])`);
  if (filters.city) conditions.push(sql`city = any(${sql.param(filters.city)}::text[])`);
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from stores where ${sql.join(conditions, sql` and `)} order by id`,
  );
  return rows.map((row) => Number(row.id));
}

export async function getDistribution(
  db: Db,
  actor: Actor,
  query: DistributionQuery,
): Promise<{ rows: DistributionRow[] }> {
  if (query.from > query.to) {
    throw new AppError('validation_failed', 'The period ends before it starts', [
      { path: 'querystring.to', message: 'must be on or after from' },
    ]);
  }
  const storeIds = await targetStoreIds(db, actor, query);
  const skuRows = await db
    .select({ id: skus.id, code: skus.code, name: skus.name })
    .from(skus)
    .where(query.skuId ? inArray(skus.id, query.skuId) : eq(skus.isOwn, true))
    .orderBy(skus.code);
  const listed = new Map<number, number>();
  const sold = new Map<number, number>();
  if (storeIds.length && skuRows.length) {
    const targets = intList(storeIds);
    const skuIds = intList(skuRows.map((sku) => sku.id));
    const listedRows = await queryRows<{ skuId: number; n: number }>(
      db,
      sql`select sku_id as "skuId", count(*)::int as n from listings
          where store_id = any(${targets}) and sku_id = any(${skuIds})
            and listed_on <= ${query.to} and (delisted_on is null or delisted_on > ${query.to})
          group by sku_id`,
    );
    for (const row of listedRows) listed.set(Number(row.skuId), Number(row.n));
    for (const row of await soldStoreCounts(db, targets, skuIds, query.from, query.to))
      sold.set(Number(row.skuId), Number(row.n));
  }
  return {
    rows: skuRows.map((sku) => {
      const listedStores = listed.get(sku.id) ?? 0;
      const soldStores = sold.get(sku.id) ?? 0;
      return {
        skuId: sku.id,
        skuCode: sku.code,
        skuName: sku.name,
        targetStores: storeIds.length,
        listedStores,
        soldStores,
        listedShare: ratio(listedStores, storeIds.length),
        soldShare: ratio(soldStores, storeIds.length),
      };
    }),
  };
}

/**
 * Per SKU, how many of the stores sold it (units > 0 on some day) from `from` to `to`. Whole months: the rollup's
 * days_sold. A month cut by the period: the rollup names the store × SKU pairs that sold in that month; a pair
 * already sold in the whole months needs nothing more, and for a store whose sales of that month all fall inside the
 * period (month to date, with data loaded up to yesterday) the rollup is the answer. Only the rest ask the raw facts
 * whether a sale fell inside the period: an index range on the pair's store and days, stopping at the first sale.
 */
async function soldStoreCounts(db: Db, targets: SQL, skuIds: SQL, from: string, to: string) {
  const { wholeMonths, partialMonths } = monthSpans(from, to);
  const whole = wholeMonths
    ? sql`select store_id, sku_id from sales_store_sku_month
          where store_id = any(${targets}) and month >= ${wholeMonths.from} and month < ${wholeMonths.end}
            and sku_id = any(${skuIds}) and days_sold > 0`
    : sql`select null::int as store_id, null::int as sku_id where false`;
  // Each cut month: its candidate pairs (minus those already sold in whole months) are set aside first, so that
  // only they are checked against the raw facts.
  const ctes: SQL[] = [sql`whole as materialized (${whole})`];
  const parts: SQL[] = [sql`select store_id, sku_id from whole`];
  partialMonths.forEach((part, index) => {
    const candidates = sql.identifier(`candidates_${index}`);
    const covered = sql.identifier(`covered_${index}`);
    ctes.push(sql`${candidates} as materialized (
      select store_id, sku_id from sales_store_sku_month
      where store_id = any(${targets}) and month = ${part.month} and sku_id = any(${skuIds}) and days_sold > 0
      except select store_id, sku_id from whole)`);
    ctes.push(sql`${covered} as materialized (
      select store_id from sales_store_day
      where store_id = any(${targets})
        and date between ${part.month} and ${addDays(shiftMonths(part.month, 1), -1)}
      group by store_id
      having min(date) >= ${part.from} and max(date) <= ${part.to})`);
    parts.push(sql`
      select c.store_id, c.sku_id from ${candidates} c
      where c.store_id in (select store_id from ${covered})
        or exists (
          select 1 from sell_out o
          where o.store_id = c.store_id and o.date between ${part.from} and ${part.to}
            and o.sku_id = c.sku_id and o.units > 0)`);
  });
  return queryRows<{ skuId: number; n: number }>(
    db,
    sql`with ${sql.join(ctes, sql`, `)}
        select sku_id as "skuId", count(*)::int as n
        from (${sql.join(parts, sql` union `)}) pairs
        group by sku_id`,
  );
}

/**
 * A new product's launch, week by week (ISO weeks, Monday first) from its launch date — or its first listing or
 * first sale in the target stores — to `to`: target stores listing it at the week's end, target stores that have
 * sold it by the week's end, and the units sold in the week. The last week ends on `to`.
 */
export async function getLaunch(db: Db, actor: Actor, skuId: number, query: LaunchQuery): Promise<Launch> {
  const sku = await getSku(db, actor, skuId);
  const to = query.to ?? businessToday();
  if (query.from && query.from > to) {
    throw new AppError('validation_failed', 'The period ends before it starts', [
      { path: 'querystring.to', message: 'must be on or after from' },
    ]);
  }
  const storeIds = await targetStoreIds(db, actor, { accountId: query.accountId });
  const targetStores = storeIds.length;
  if (targetStores === 0) return { skuId, targetStores, weeks: [] };
  const target = intList(storeIds);
  const listingRows = await queryRows<{ listedOn: string; delistedOn: string | null }>(
    db,
    sql`select listed_on::text as "listedOn", delisted_on::text as "delistedOn" from listings
        where store_id = any(${target}) and sku_id = ${skuId}`,
  );
  // Each store's first sale: its first month with a sale from the rollup, then the day within that month
  // from the raw facts (the primary key's store and date range, first match).
  const firstSales = await queryRows<{ firstSale: string }>(
    db,
    sql`
    select (select o.date::text from sell_out o
            where o.store_id = f.store_id and o.date >= f.month and o.date < (f.month + interval '1 month')::date
              and o.sku_id = ${skuId} and o.units > 0
            order by o.date limit 1) as "firstSale"
    from (select store_id, min(month) as month from sales_store_sku_month
          where store_id = any(${target}) and sku_id = ${skuId} and days_sold > 0
          group by store_id) f`,
  );
  const firstSaleDays = firstSales
    .map((row) => row.firstSale)
    .filter((day): day is string => day !== null)
    .sort();

  const start =
    query.from ??
    sku.launchedOn ??
    [listingRows.map((row) => row.listedOn).sort()[0], firstSaleDays[0]]
      .filter((day): day is string => day !== undefined)
      .sort()[0];
  if (start === undefined || start > to) return { skuId, targetStores, weeks: [] };
  let firstWeek = periodStart(start, 'week');
  const lastWeek = periodStart(to, 'week');
  const weekCount = (Date.parse(lastWeek) - Date.parse(firstWeek)) / (7 * 86_400_000) + 1;
  if (weekCount > MAX_LAUNCH_WEEKS) {
    if (query.from) {
      throw new AppError('validation_failed', `A launch view covers at most ${MAX_LAUNCH_WEEKS} weeks`, [
        { path: 'querystring.from', message: `at most ${MAX_LAUNCH_WEEKS} weeks before to` },
      ]);
    }
    firstWeek = addDays(lastWeek, -7 * (MAX_LAUNCH_WEEKS - 1));
  }

  // Units per week: only the store × months in which the rollup says the store sold the SKU are read, day by day,
  // each day a primary-key lookup (store, date, SKU).
  const weekUnits = await queryRows<{ week: string; units: number }>(
    db,
    sql`
    select date_trunc('week', d.day)::date::text as week, sum(o.units)::int as units
    from sales_store_sku_month p
    cross join lateral generate_series(
      greatest(p.month, ${firstWeek}::date)::timestamp,
      least((p.month + interval '1 month' - interval '1 day')::date, ${to}::date)::timestamp,
      interval '1 day') as d(day)
    cross join lateral (
      select o.units from sell_out o
      where o.store_id = p.store_id and o.date = d.day::date and o.sku_id = ${skuId}) o
    where p.store_id = any(${target}) and p.sku_id = ${skuId} and p.days_sold > 0
      and p.month >= ${`${firstWeek.slice(0, 7)}-01`}::date and p.month <= ${to}::date
    group by 1`,
  );
  const unitsByWeek = new Map(weekUnits.map((row) => [row.week, Number(row.units)]));

  const weeks: Launch['weeks'] = [];
  for (let weekStart = firstWeek; weekStart <= to; weekStart = addDays(weekStart, 7)) {
    const sunday = addDays(weekStart, 6);
    const weekEnd = sunday < to ? sunday : to;
    weeks.push({
      weekStart,
      listedStores: listingRows.filter(
        (row) => row.listedOn <= weekEnd && (row.delistedOn === null || row.delistedOn > weekEnd),
      ).length,
      sellingStores: firstSaleDays.filter((day) => day <= weekEnd).length,
      unitsInWeek: unitsByWeek.get(weekStart) ?? 0,
    });
  }
  return { skuId, targetStores, weeks };
}
