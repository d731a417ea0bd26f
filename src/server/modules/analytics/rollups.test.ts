import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';
import { createTestDatabase } from '../../test/test-db';
import { refreshSalesRollups } from './rollups.service';

describe('sell-out rollups', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Raw facts only: rollups ignore foreign keys (sell_out has none), so bare ids do.
    await database.db.execute(sql`insert into sell_out (store_id, date, sku_id, units, amount_fen) values
      (1, '2026-10-30', 10, 4, 4000),  -- Friday
      (1, '2026-10-31', 10, 6, 6000),  -- Saturday
      (1, '2026-11-02', 10, 1, 1000),  -- Monday
      (1, '2026-11-02', 11, 2, 3000),
      (2, '2026-11-03', 10, 5, 5000)`);
    await refreshSalesRollups(database.db, { storeIds: 'all', from: '2026-10-01', to: '2026-11-30' });
  });
  afterAll(() => database.close());

  it('sums each store and day, keeping the Friday–Sunday part apart', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select store_id::int as s, date::text as d, units::int as u, amount_fen::int as a, weekend_units::int as wu
          from sales_store_day order by store_id, date`,
    );
    expect(rows).toEqual([
      { s: 1, d: '2026-10-30', u: 4, a: 4000, wu: 4 },
      { s: 1, d: '2026-10-31', u: 6, a: 6000, wu: 6 },
      { s: 1, d: '2026-11-02', u: 3, a: 4000, wu: 0 },
      { s: 2, d: '2026-11-03', u: 5, a: 5000, wu: 0 },
    ]);
  });

  it('sums months per store and per store × SKU, counting the days with a sale', async () => {
    const months = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select store_id::int as s, month::text as m, amount_fen::int as a, weekend_amount_fen::int as wa
          from sales_store_month order by 1, 2`,
    );
    expect(months).toEqual([
      { s: 1, m: '2026-10-01', a: 10000, wa: 10000 },
      { s: 1, m: '2026-11-01', a: 4000, wa: 0 },
      { s: 2, m: '2026-11-01', a: 5000, wa: 0 },
    ]);
    const skuMonths = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select store_id::int as s, month::text as m, sku_id::int as k, units::int as u, days_sold::int as ds
          from sales_store_sku_month order by 1, 2, 3`,
    );
    expect(skuMonths).toEqual([
      { s: 1, m: '2026-10-01', k: 10, u: 10, ds: 2 },
      { s: 1, m: '2026-11-01', k: 10, u: 1, ds: 1 },
      { s: 1, m: '2026-11-01', k: 11, u: 2, ds: 1 },
      { s: 2, m: '2026-11-01', k: 10, u: 5, ds: 1 },
    ]);
  });

  it('rebuilds only the stores and dates it is told about, whole months for the month rollups', async () => {
    await database.db.execute(
      sql`update sell_out set units = 100, amount_fen = 99900 where store_id = 1 and date = '2026-11-02' and sku_id = 10`,
    );
    await database.db.execute(sql`update sell_out set units = 7 where store_id = 2`);
    await refreshSalesRollups(database.db, { storeIds: [1], from: '2026-11-02', to: '2026-11-02' });
    const [month] = await queryRows<{ a: number }>(
      database.db,
      sql`select amount_fen::int as a from sales_store_month where store_id = 1 and month = '2026-11-01'`,
    );
    expect(month.a).toBe(99900 + 3000);
    // Store 2 was not named: its rollups still show the old figure.
    const [other] = await queryRows<{ u: number }>(
      database.db,
      sql`select units::int as u from sales_store_day where store_id = 2`,
    );
    expect(other.u).toBe(5);
  });
});
