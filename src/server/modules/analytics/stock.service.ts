import { sql, type SQL } from 'drizzle-orm';
import {
  alertTypes,
  type Alert,
  type AlertType,
  type AlertQuery,
  type OrderSuggestion,
  type OrderSuggestionQuery,
  type StockQuery,
  stockSortKeys,
  type StockRow,
  type SupplySettingsRecord,
} from '../../../core/analytics/analytics.contract';
import { coverDays, daysOfSupply, suggestOrder } from '../../../core/analytics/replenishment';
import { daysBetweenInclusive } from '../../../core/analytics/periods';
import { parseSort, type ListResponse } from '../../../core/common/list';
import { addDays, businessToday } from '../../../core/common/time';
import type { Db } from '../../db/client';
import { intList, queryRows } from '../../db/sql-helpers';
import type { Actor } from '../../http/access';
import { getSupplySettingsForAccounts } from '../sales/sales.service';
import { visibleStoreIdsSql } from '../stores/store-scope';

/** A stock count older than this is not "the latest on-hand": stock lists and alerts ignore it. */
export const INVENTORY_LOOKBACK_DAYS = 90;
/** How far back "no sales" looks for the last sale day (a usual gap is measured over 90 days of selling). */
export const NO_SALES_LOOKBACK_DAYS = 180;
const USUAL_GAP_DAYS = 90;
/** Sharp decline: the last 28 days against the 28 before, down by at least 40% from at least 20 units. */
export const DECLINE_WINDOW_DAYS = 28;
export const DECLINE_MIN_DROP = 0.4;
export const DECLINE_MIN_UNITS = 20;

interface StoreInfo {
  storeId: number;
  storeCode: string;
  storeName: string;
  accountId: number;
  accountName: string;
}

interface SkuInfo {
  skuId: number;
  skuCode: string;
  skuName: string;
  casePack: number | null;
}

/** Everything known about one store × SKU as of a day. */
interface PairFigures {
  store: StoreInfo;
  sku: SkuInfo;
  settings: SupplySettingsRecord;
  isListed: boolean;
  onHand: number | null;
  onHandDate: string | null;
  /** The first zero count after the last positive one (within the look-back). */
  zeroSince: string | null;
  averageDailyUnits: number;
  onOrder: number;
  unitsRecent: number;
  unitsPrevious: number;
  lastSale: string | null;
  /** Sale days in the 90 days up to the last sale, and the first of them. */
  saleDays: number;
  firstSaleDay: string | null;
  /** The last month with a sale before the look-back, when there was no sale within it. */
  earlierSaleMonth: string | null;
}

interface PairFilter {
  storeId?: number[];
  accountId?: number[];
  skuId?: number[];
  repId?: number;
  asOf: string;
}

const pairKey = (storeId: number, skuId: number) => `${storeId}:${skuId}`;

async function storesFor(db: Db, actor: Actor, filter: PairFilter, openOnly: boolean): Promise<StoreInfo[]> {
  const conditions: SQL[] = [];
  // Alerts and orders are for stores that trade: a closed or renovating store stops selling by design.
  if (openOnly) conditions.push(sql`s.status = 'open'`);
  const visible = visibleStoreIdsSql(actor);
  if (visible) conditions.push(sql`s.id in ${visible}`);
  if (filter.storeId) conditions.push(sql`s.id = any(${intList(filter.storeId)})`);
  if (filter.accountId) conditions.push(sql`s.account_id = any(${intList(filter.accountId)})`);
  if (filter.repId !== undefined) {
    conditions.push(sql`s.id in (select store_id from store_assignments where user_id = ${filter.repId})`);
  }
  return queryRows<StoreInfo>(
    db,
    sql`select s.id as "storeId", s.code as "storeCode", s.name as "storeName", s.account_id as "accountId",
          a.name as "accountName"
        from stores s join accounts a on a.id = s.account_id
        ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}`,
  );
}

/**
 * The figures behind stock, order suggestions and alerts, set-wise for the stores in scope: which pairs are
 * listed, the latest count, sell-out over each account's averaging window, and sell-in since the last count.
 * `pairs` says which store × SKU pairs to report: listed ones, plus counted ones or declining sellers.
 */
async function loadPairFigures(
  db: Db,
  actor: Actor,
  filter: PairFilter,
  pairs: 'listed' | 'listed_or_counted' | 'alerts',
  /** For alerts: the types asked for. Only no-sales needs the long history, only decline the 56 days. */
  alertKinds: ReadonlySet<AlertType> = new Set(alertTypes),
): Promise<PairFigures[]> {
  const stores = await storesFor(db, actor, filter, pairs !== 'listed_or_counted');
  if (!stores.length) return [];
  const storeIds = stores.map((store) => store.storeId);
  const settingsByAccount = await getSupplySettingsForAccounts(db, [
    ...new Set(stores.map((store) => store.accountId)),
  ]);
  const windows = stores.map((store) => settingsByAccount.get(store.accountId)!.averageWindowDays);
  const withHistory = pairs === 'alerts' && alertKinds.has('no_sales');
  const withDecline = pairs !== 'alerts' || alertKinds.has('decline');
  const salesDays = Math.max(
    ...windows,
    withHistory ? NO_SALES_LOOKBACK_DAYS : 0,
    withDecline ? 2 * DECLINE_WINDOW_DAYS : 0,
  );
  const asOf = filter.asOf;
  const skuCondition = (column: string) =>
    filter.skuId ? sql`and ${sql.raw(column)} = any(${intList(filter.skuId)})` : sql``;

  const listingsQuery = queryRows<{ storeId: number; skuId: number; isActive: boolean }>(
    db,
    sql`select store_id as "storeId", sku_id as "skuId",
          (listed_on <= ${asOf}::date and (delisted_on is null or delisted_on > ${asOf}::date)) as "isActive"
        from listings where store_id = any(${intList(storeIds)}) ${skuCondition('sku_id')}`,
  );
  const inventoryFrom = addDays(asOf, -(INVENTORY_LOOKBACK_DAYS - 1));
  const countsQuery = queryRows<{
    storeId: number;
    skuId: number;
    onHand: number;
    onHandDate: string;
    zeroSince: string | null;
  }>(
    db,
    // One pass over the counts per pair (the on-hand of the latest count is the second element of the largest
    // [day, on_hand] pair); the days since a pair ran out are looked up only for pairs whose latest count is 0.
    sql`with l as (
          select store_id, sku_id, max(date) as last_date, max(date) filter (where on_hand > 0) as last_positive,
            (max(array[date - ${inventoryFrom}::date, on_hand]))[2] as on_hand
          from inventory
          where store_id = any(${intList(storeIds)}) and date between ${inventoryFrom}::date and ${asOf}::date
            ${skuCondition('sku_id')}
          group by store_id, sku_id
        )
        select l.store_id as "storeId", l.sku_id as "skuId", l.on_hand as "onHand", l.last_date::text as "onHandDate",
          case when l.on_hand = 0 then (
            select min(z.date) from inventory z
            where z.store_id = l.store_id and z.sku_id = l.sku_id and z.date <= ${asOf}::date
              and z.date > coalesce(l.last_positive, ${inventoryFrom}::date - 1)
          )::text end as "zeroSince"
        from l`,
  );
  const salesFrom = addDays(asOf, -(salesDays - 1));
  const recentFrom = addDays(asOf, -(DECLINE_WINDOW_DAYS - 1));
  const previousFrom = addDays(asOf, -(2 * DECLINE_WINDOW_DAYS - 1));
  const salesQuery = queryRows<{
    storeId: number;
    skuId: number;
    windowUnits: number;
    unitsRecent: number;
    unitsPrevious: number;
    lastSale: string | null;
    saleDays: number;
    firstSaleDay: string | null;
  }>(
    db,
    sql`with w as (select * from unnest(${intList(storeIds)}, ${intList(windows)}) as w(store_id, days)),
        so as ${withHistory ? sql`materialized` : sql`not materialized`} (
          select store_id, sku_id, date, units from sell_out
          where store_id = any(${intList(storeIds)}) and date between ${salesFrom}::date and ${asOf}::date
            ${skuCondition('sku_id')}
        ),
        agg as (
          select so.store_id, so.sku_id,
            coalesce(sum(so.units) filter (where so.date > ${asOf}::date - w.days), 0) as window_units,
            coalesce(sum(so.units) filter (where so.date >= ${recentFrom}::date), 0) as units_recent,
            coalesce(sum(so.units) filter (where so.date >= ${previousFrom}::date and so.date < ${recentFrom}::date), 0)
              as units_previous,
            max(so.date) filter (where so.units > 0) as last_sale
          from so join w on w.store_id = so.store_id
          group by so.store_id, so.sku_id
        )
        select agg.store_id as "storeId", agg.sku_id as "skuId", agg.window_units::float8 as "windowUnits",
          agg.units_recent::float8 as "unitsRecent", agg.units_previous::float8 as "unitsPrevious",
          agg.last_sale::text as "lastSale", count(d.date)::int as "saleDays", min(d.date)::text as "firstSaleDay"
        from agg
        left join so d on ${withHistory ? sql`true` : sql`false`} and d.store_id = agg.store_id
          and d.sku_id = agg.sku_id and d.units > 0 and d.date > agg.last_sale - ${USUAL_GAP_DAYS}::int
        group by agg.store_id, agg.sku_id, agg.window_units, agg.units_recent, agg.units_previous, agg.last_sale`,
  );
  const onOrderFrom = addDays(asOf, -(Math.max(INVENTORY_LOOKBACK_DAYS, ...windows) - 1));
  const shipmentsQuery = queryRows<{ storeId: number; skuId: number; date: string; units: number }>(
    db,
    sql`select store_id as "storeId", sku_id as "skuId", date::text as date, sum(units)::int as units
        from sell_in
        where store_id = any(${intList(storeIds)}) and date between ${onOrderFrom}::date and ${asOf}::date
          ${skuCondition('sku_id')}
        group by store_id, sku_id, date`,
  );
  const earlierQuery = withHistory
    ? queryRows<{ storeId: number; skuId: number; month: string }>(
        db,
        sql`select store_id as "storeId", sku_id as "skuId", max(month)::text as month
            from sales_store_sku_month
            where store_id = any(${intList(storeIds)}) and month <= date_trunc('month', ${salesFrom}::date::timestamp)::date
              and days_sold > 0 ${skuCondition('sku_id')}
            group by store_id, sku_id`,
      )
    : Promise.resolve([]);
  // Independent reads: on PostgreSQL each takes its own connection.
  const [listings, counts, sales, shipments, earlier] = await Promise.all([
    listingsQuery,
    countsQuery,
    salesQuery,
    shipmentsQuery,
    earlierQuery,
  ]);

  // Which pairs to report.
  const wanted = new Map<string, { storeId: number; skuId: number; isListed: boolean }>();
  const delisted = new Set<string>();
  for (const row of listings) {
    const key = pairKey(row.storeId, row.skuId);
    if (row.isActive) wanted.set(key, { storeId: row.storeId, skuId: row.skuId, isListed: true });
    else delisted.add(key);
  }
  const addPair = (storeId: number, skuId: number) => {
    const key = pairKey(storeId, skuId);
    if (!wanted.has(key)) wanted.set(key, { storeId, skuId, isListed: false });
  };
  if (pairs === 'listed_or_counted') for (const row of counts) addPair(row.storeId, row.skuId);
  if (pairs === 'alerts' && withDecline) {
    // A sharp decline matters for any SKU the store still carries, listed in Endcap or not.
    for (const row of sales) {
      if (row.unitsPrevious >= DECLINE_MIN_UNITS && !delisted.has(pairKey(row.storeId, row.skuId))) {
        addPair(row.storeId, row.skuId);
      }
    }
  }
  if (!wanted.size) return [];

  const skuIds = [...new Set([...wanted.values()].map((pair) => pair.skuId))];
  const skus = await queryRows<SkuInfo>(
    db,
    sql`select id as "skuId", code as "skuCode", name as "skuName", case_pack as "casePack"
        from skus where id = any(${intList(skuIds)})`,
  );
  const skuById = new Map(skus.map((sku) => [sku.skuId, sku]));
  const storeById = new Map(stores.map((store) => [store.storeId, store]));
  const countByPair = new Map(counts.map((row) => [pairKey(row.storeId, row.skuId), row]));
  const salesByPair = new Map(sales.map((row) => [pairKey(row.storeId, row.skuId), row]));
  const earlierByPair = new Map(earlier.map((row) => [pairKey(row.storeId, row.skuId), row.month]));
  const shipmentsByPair = new Map<string, { date: string; units: number }[]>();
  for (const row of shipments) {
    const key = pairKey(row.storeId, row.skuId);
    shipmentsByPair.set(key, [...(shipmentsByPair.get(key) ?? []), row]);
  }

  const figures: PairFigures[] = [];
  for (const [key, pair] of wanted) {
    const store = storeById.get(pair.storeId)!;
    const sku = skuById.get(pair.skuId);
    if (!sku) continue;
    const settings = settingsByAccount.get(store.accountId)!;
    const count = countByPair.get(key);
    const sold = salesByPair.get(key);
    // On order: shipped after the last count (not in it yet); without a count, shipped within the window.
    const shippedAfter = count?.onHandDate ?? addDays(asOf, -settings.averageWindowDays);
    const onOrder = (shipmentsByPair.get(key) ?? [])
      .filter((shipment) => shipment.date > shippedAfter)
      .reduce((sum, shipment) => sum + shipment.units, 0);
    figures.push({
      store,
      sku,
      settings,
      isListed: pair.isListed,
      onHand: count ? count.onHand : null,
      onHandDate: count?.onHandDate ?? null,
      zeroSince: count?.zeroSince ?? null,
      averageDailyUnits: (sold?.windowUnits ?? 0) / settings.averageWindowDays,
      onOrder,
      unitsRecent: sold?.unitsRecent ?? 0,
      unitsPrevious: sold?.unitsPrevious ?? 0,
      lastSale: sold?.lastSale ?? null,
      saleDays: sold?.saleDays ?? 0,
      firstSaleDay: sold?.firstSaleDay ?? null,
      earlierSaleMonth: sold?.lastSale ? null : (earlierByPair.get(key) ?? null),
    });
  }
  return figures.sort(
    (a, b) =>
      a.store.accountName.localeCompare(b.store.accountName) ||
      a.store.accountId - b.store.accountId ||
      a.store.storeCode.localeCompare(b.store.storeCode) ||
      a.sku.skuCode.localeCompare(b.sku.skuCode),
  );
}

const pairNames = (pair: PairFigures) => ({
  storeId: pair.store.storeId,
  storeCode: pair.store.storeCode,
  storeName: pair.store.storeName,
  accountId: pair.store.accountId,
  accountName: pair.store.accountName,
  skuId: pair.sku.skuId,
  skuCode: pair.sku.skuCode,
  skuName: pair.sku.skuName,
});

const page = <T>(items: T[], limit: number, offset: number): ListResponse<T> => ({
  items: items.slice(offset, offset + limit),
  total: items.length,
});

// ——— Stock ———

/** Days of supply per store × SKU: the latest count over average daily sell-out. */
export async function listStock(db: Db, actor: Actor, query: StockQuery): Promise<ListResponse<StockRow>> {
  const asOf = query.asOf ?? businessToday();
  const figures = await loadPairFigures(db, actor, { ...query, asOf }, 'listed_or_counted');
  const rows: StockRow[] = figures.map((pair) => ({
    ...pairNames(pair),
    isListed: pair.isListed,
    onHand: pair.onHand,
    onHandDate: pair.onHandDate,
    averageDailyUnits: pair.averageDailyUnits,
    averageWindowDays: pair.settings.averageWindowDays,
    daysOfSupply: pair.onHand === null ? null : daysOfSupply(pair.onHand, pair.averageDailyUnits),
  }));
  const sort = parseSort(query.sort, stockSortKeys, 'store');
  const value = (row: StockRow): number | null =>
    sort.key === 'daysOfSupply' ? row.daysOfSupply : sort.key === 'onHand' ? row.onHand : null;
  if (sort.key === 'sku') {
    rows.sort((a, b) => a.skuCode.localeCompare(b.skuCode)); // stable: stores stay in order within a SKU
    if (sort.descending) rows.reverse();
  } else if (sort.key !== 'store') {
    rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null) return 1; // unknown last either way
      if (y === null) return -1;
      return sort.descending ? y - x : x - y;
    });
  } else if (sort.descending) rows.reverse();
  return page(rows, query.limit, query.offset);
}

// ——— Order suggestions ———

/**
 * One order list per rep: for each listed store × SKU, cover (lead time + review period + safety days) × average
 * daily sell-out − on-hand − on order (sell-in shipped after the last count), rounded up to whole cases.
 * A pair never counted is taken as 0 on hand.
 */
export async function listOrderSuggestions(
  db: Db,
  actor: Actor,
  query: Omit<OrderSuggestionQuery, 'limit' | 'offset'> & { limit: number; offset: number },
): Promise<ListResponse<OrderSuggestion>> {
  const asOf = query.asOf ?? businessToday();
  const repId = query.repId ?? (actor.role === 'rep' ? actor.id : undefined);
  const figures = await loadPairFigures(db, actor, { ...query, repId, asOf }, 'listed');
  const items: OrderSuggestion[] = [];
  for (const pair of figures) {
    const suggestion = suggestOrder({
      settings: pair.settings,
      averageDailyUnits: pair.averageDailyUnits,
      onHand: pair.onHand ?? 0,
      onOrder: pair.onOrder,
      casePack: pair.sku.casePack,
    });
    if (query.onlyPositive && suggestion.units <= 0) continue;
    items.push({
      ...pairNames(pair),
      averageDailyUnits: pair.averageDailyUnits,
      onHand: pair.onHand,
      onHandDate: pair.onHandDate,
      onOrder: pair.onOrder,
      coverDays: coverDays(pair.settings),
      daysOfSupply: pair.onHand === null ? null : daysOfSupply(pair.onHand, pair.averageDailyUnits),
      suggestedUnits: suggestion.units,
      suggestedCases: suggestion.cases,
    });
  }
  return page(items, query.limit, query.offset);
}

// ——— Alerts ———

/**
 * Stock and sales alerts for listed store × SKU pairs:
 * - out_of_stock: the latest count (90 days) is 0; since the first zero count after the last positive one.
 * - low_stock: on hand, but fewer days of supply than lead time + safety days.
 * - no_sales: the days since the last sale exceed max(7, 3 × the usual gap between sale days), the usual gap
 *   being measured over the 90 days of selling up to the last sale (so a SKU that stopped long ago still
 *   shows); one sale in those 90 days counts as a gap of 90 days. A pair with no sale in 180 days but sales
 *   before fires too (since unknown); one that never sold does not — there is no "usual" yet.
 * - decline: units of the last 28 days down 40% or more from the 28 days before, which had at least 20
 *   (any pair the store has not delisted).
 */
export async function listAlerts(db: Db, actor: Actor, query: AlertQuery): Promise<ListResponse<Alert>> {
  const asOf = query.asOf ?? businessToday();
  const types = new Set(query.type ?? alertTypes);
  const figures = await loadPairFigures(db, actor, { ...query, asOf }, 'alerts', types);
  const alerts: Alert[] = [];
  const round = (value: number) => Math.round(value * 100) / 100;
  for (const pair of figures) {
    const { accountId: _accountId, ...head } = pairNames(pair);
    if (pair.isListed && pair.onHand !== null) {
      if (pair.onHand === 0 && types.has('out_of_stock')) {
        alerts.push({
          type: 'out_of_stock',
          ...head,
          detail: {
            onHand: 0,
            countedOn: pair.onHandDate,
            averageDailyUnits: round(pair.averageDailyUnits),
          },
          since: pair.zeroSince,
        });
      }
      const supply = daysOfSupply(pair.onHand, pair.averageDailyUnits);
      const threshold = pair.settings.leadTimeDays + pair.settings.safetyDays;
      if (pair.onHand > 0 && supply !== null && supply < threshold && types.has('low_stock')) {
        alerts.push({
          type: 'low_stock',
          ...head,
          detail: {
            onHand: pair.onHand,
            countedOn: pair.onHandDate,
            averageDailyUnits: round(pair.averageDailyUnits),
            daysOfSupply: round(supply),
            thresholdDays: threshold,
          },
          since: null,
        });
      }
    }
    if (pair.isListed && types.has('no_sales')) {
      if (pair.lastSale) {
        const usualGap =
          pair.saleDays >= 2 && pair.firstSaleDay
            ? (daysBetweenInclusive(pair.firstSaleDay, pair.lastSale) - 1) / (pair.saleDays - 1)
            : USUAL_GAP_DAYS;
        const threshold = Math.max(7, 3 * usualGap);
        const daysSince = daysBetweenInclusive(pair.lastSale, asOf) - 1;
        if (daysSince > threshold) {
          alerts.push({
            type: 'no_sales',
            ...head,
            detail: {
              lastSale: pair.lastSale,
              daysSinceLastSale: daysSince,
              usualGapDays: round(usualGap),
              thresholdDays: round(threshold),
            },
            since: addDays(pair.lastSale, 1),
          });
        }
      } else if (pair.earlierSaleMonth) {
        alerts.push({
          type: 'no_sales',
          ...head,
          detail: {
            lastSale: null,
            lastSaleMonth: pair.earlierSaleMonth.slice(0, 7),
            daysSinceLastSale: null,
            noSaleForDays: NO_SALES_LOOKBACK_DAYS,
          },
          since: null,
        });
      }
    }
    if (
      types.has('decline') &&
      pair.unitsPrevious >= DECLINE_MIN_UNITS &&
      pair.unitsRecent <= pair.unitsPrevious * (1 - DECLINE_MIN_DROP)
    ) {
      alerts.push({
        type: 'decline',
        ...head,
        detail: {
          unitsLast28Days: pair.unitsRecent,
          unitsPrevious28Days: pair.unitsPrevious,
          change: round((pair.unitsRecent - pair.unitsPrevious) / pair.unitsPrevious),
        },
        since: null,
      });
    }
  }
  const typeRank = (alert: Alert) => alertTypes.indexOf(alert.type);
  alerts.sort((a, b) => typeRank(a) - typeRank(b)); // stable: pairs stay in account, store, SKU order
  return page(alerts, query.limit, query.offset);
}
