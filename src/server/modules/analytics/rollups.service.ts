import { sql, type SQL } from 'drizzle-orm';
import { addDays } from '../../../core/common/time';
import { shiftMonths } from '../../../core/analytics/periods';
import type { Db } from '../../db/client';

export interface RollupRange {
  /** The stores whose sell-out changed, or 'all'. */
  storeIds: readonly number[] | 'all';
  from: string;
  to: string;
}

const firstOfMonth = (isoDate: string) => `${isoDate.slice(0, 7)}-01`;

/**
 * Rebuilds the sell-out rollups for the stores and dates an import (or undo, or the demo) changed, from the raw
 * facts, set-wise, in the caller's transaction — so figures and facts always commit together. Month rollups are
 * rebuilt for whole months around the range, since a month's total depends on all its days.
 */
export async function refreshSalesRollups(db: Db, range: RollupRange): Promise<void> {
  if (range.storeIds !== 'all' && range.storeIds.length === 0) return;
  const monthFrom = firstOfMonth(range.from);
  const monthEnd = shiftMonths(firstOfMonth(range.to), 1); // exclusive
  const stores = (column: string): SQL =>
    range.storeIds === 'all'
      ? sql`true`
      : sql`${sql.raw(column)} = any(${sql.param([...range.storeIds])}::int[])`;
  // Friday, Saturday and Sunday (ISO day of week 5, 6, 7): the retail weekend.
  const weekend = sql.raw(`extract(isodow from date) in (5, 6, 7)`);

  await db.execute(
    sql`delete from sales_store_day where ${stores('store_id')} and date between ${range.from} and ${range.to}`,
  );
  await db.execute(sql`
    insert into sales_store_day (store_id, date, units, amount_fen, weekend_units, weekend_amount_fen)
    select store_id, date, sum(units), sum(amount_fen),
      case when ${weekend} then sum(units) else 0 end,
      case when ${weekend} then sum(amount_fen) else 0 end
    from sell_out
    where ${stores('store_id')} and date between ${range.from} and ${range.to}
    group by store_id, date`);

  await db.execute(
    sql`delete from sales_store_month where ${stores('store_id')} and month >= ${monthFrom} and month < ${monthEnd}`,
  );
  await db.execute(sql`
    insert into sales_store_month (store_id, month, units, amount_fen, weekend_units, weekend_amount_fen)
    select store_id, date_trunc('month', date)::date, sum(units), sum(amount_fen), sum(weekend_units), sum(weekend_amount_fen)
    from sales_store_day
    where ${stores('store_id')} and date >= ${monthFrom} and date < ${monthEnd}
    group by store_id, date_trunc('month', date)::date`);

  await db.execute(
    sql`delete from sales_store_sku_month where ${stores('store_id')} and month >= ${monthFrom} and month < ${monthEnd}`,
  );
  await db.execute(sql`
    insert into sales_store_sku_month
      (store_id, month, sku_id, units, amount_fen, weekend_units, weekend_amount_fen, days_sold)
    select store_id, date_trunc('month', date)::date, sku_id, sum(units), sum(amount_fen),
      coalesce(sum(units) filter (where ${weekend}), 0),
      coalesce(sum(amount_fen) filter (where ${weekend}), 0),
      count(*) filter (where units > 0)
    from sell_out
    where ${stores('store_id')} and date >= ${monthFrom} and date < ${monthEnd}
    group by store_id, date_trunc('month', date)::date, sku_id`);
}

/** The whole-month range that covers two dates, for callers that report what they refreshed. */
export const monthRangeOf = (from: string, to: string) => ({
  from: firstOfMonth(from),
  to: addDays(shiftMonths(firstOfMonth(to), 1), -1),
});
