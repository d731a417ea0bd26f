import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Alert, OrderSuggestion, StockRow } from '../../../core/analytics/analytics.contract';
import { addDays } from '../../../core/common/time';
import { readSpreadsheet } from '../../lib/spreadsheet';
import { makeAccount, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { refreshSalesRollups } from './rollups.service';

type Headers = Record<string, string>;
type Who = 'hq' | 'repA' | 'repB';
type List<T> = { items: T[]; total: number };

const AS_OF = '2026-11-25';
const days = (from: string, to: string, step = 1) => {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, step)) dates.push(date);
  return dates;
};

/**
 * Stock arithmetic end to end, as of 25 November 2026.
 * Alpha (supply settings: lead 2, review 5, safety 3 → cover 10; average over 10 days) — store T1 (rep A):
 *   P1 (case of 6): sold 20 on 10 Nov (outside the window) and 2 a day 16–25 Nov → 2.0/day; counted 5 on 20 Nov,
 *      4 on 23 Nov; shipped 6 on 23 Nov (in the count), 6 on 24 Nov (on order), 100 on 26 Nov (after asOf).
 *      → days of supply 4 ÷ 2 = 2; order 10 × 2 − 4 − 6 = 10 → 2 cases = 12.
 *   P2: 1 a day 21–25 Nov → 0.5/day; never counted; shipped 50 on 10 Nov (before the window), 3 on 18 Nov.
 *      → order 10 × 0.5 − 0 − 3 = 2.
 * Beta (no settings: lead 3, review 7, safety 3 → cover 13; 28 days) — store T2 (rep B):
 *   P1: sold 56 on 20 Nov → 2.0/day; counted 30 on 24 Nov → 15 days; order 26 − 30 < 0 → 0.
 *   P2: not listed, counted 7 on 1 Nov. P3: delisted on 1 Nov.
 */
describe('stock, order suggestions and alerts', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const store = { t1: 0, t2: 0, u1: 0 };
  const sku: Record<string, number> = {};

  const insertSellOut = async (rows: [number, string, number, number][]) => {
    for (let start = 0; start < rows.length; start += 500) {
      await t.db.execute(
        sql`insert into sell_out (store_id, date, sku_id, units, amount_fen) values ${sql.join(
          rows
            .slice(start, start + 500)
            .map(
              ([storeId, date, skuId, units]) =>
                sql`(${storeId}, ${date}, ${skuId}, ${units}, ${units * 100})`,
            ),
          sql`, `,
        )}`,
      );
    }
  };
  const insertInventory = (rows: [number, string, number, number][]) =>
    t.db.execute(
      sql`insert into inventory (store_id, date, sku_id, on_hand) values ${sql.join(
        rows.map(([storeId, date, skuId, onHand]) => sql`(${storeId}, ${date}, ${skuId}, ${onHand})`),
        sql`, `,
      )}`,
    );
  const list = (storeId: number, skuIds: number[], delistedOn: string | null = null) =>
    t.db.execute(
      sql`insert into listings (store_id, sku_id, listed_on, delisted_on) values ${sql.join(
        skuIds.map((skuId) => sql`(${storeId}, ${skuId}, '2026-01-01', ${delistedOn})`),
        sql`, `,
      )}`,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    const hq = await makeUser(t.db, { role: 'hq_ops' });
    const repA = await makeUser(t.db, { role: 'rep' });
    const repB = await makeUser(t.db, { role: 'rep' });
    const repC = await makeUser(t.db, { role: 'rep' });
    const alpha = await makeAccount(t.db, { code: 'ALPHA', name: 'Alpha Mart' });
    const beta = await makeAccount(t.db, { code: 'BETA', name: 'Beta Hyper' });
    const gamma = await makeAccount(t.db, { code: 'GAMMA', name: 'Gamma Stores' });
    store.t1 = (await makeStore(t.db, { accountId: alpha.id, code: 'T1', repIds: [repA.id] })).id;
    store.t2 = (await makeStore(t.db, { accountId: beta.id, code: 'T2', repIds: [repB.id] })).id;
    store.u1 = (await makeStore(t.db, { accountId: gamma.id, code: 'U1', repIds: [repC.id] })).id;
    sku.p1 = (await makeSku(t.db, { code: 'P1', casePack: 6 })).id;
    sku.p2 = (await makeSku(t.db, { code: 'P2' })).id;
    sku.p3 = (await makeSku(t.db, { code: 'P3' })).id;
    for (let n = 1; n <= 13; n++)
      sku[`q${n}`] = (await makeSku(t.db, { code: `Q${String(n).padStart(2, '0')}` })).id;

    await t.db
      .execute(sql`insert into supply_settings (account_id, lead_time_days, review_period_days, safety_days,
      average_window_days) values (${alpha.id}, 2, 5, 3, 10)`);

    // Stores T1 and T2: days of supply and order suggestions.
    await list(store.t1, [sku.p1, sku.p2]);
    await list(store.t2, [sku.p1]);
    await list(store.t2, [sku.p3], '2026-11-01');
    await insertSellOut([
      [store.t1, '2026-11-10', sku.p1, 20],
      ...days('2026-11-16', '2026-11-25').map((date): [number, string, number, number] => [
        store.t1,
        date,
        sku.p1,
        2,
      ]),
      ...days('2026-11-21', '2026-11-25').map((date): [number, string, number, number] => [
        store.t1,
        date,
        sku.p2,
        1,
      ]),
      [store.t2, '2026-11-20', sku.p1, 56],
    ]);
    await insertInventory([
      [store.t1, '2026-11-20', sku.p1, 5],
      [store.t1, '2026-11-23', sku.p1, 4],
      [store.t2, '2026-11-24', sku.p1, 30],
      [store.t2, '2026-11-01', sku.p2, 7],
    ]);
    const shipments: [number | null, string, number, number][] = [
      [store.t1, '2026-11-23', sku.p1, 6],
      [store.t1, '2026-11-24', sku.p1, 6],
      [store.t1, '2026-11-26', sku.p1, 100],
      [null, '2026-11-24', sku.p1, 999], // to the chain's HQ, not to the store
      [store.t1, '2026-11-10', sku.p2, 50],
      [store.t1, '2026-11-18', sku.p2, 3],
    ];
    for (const [index, [storeId, date, skuId, units]] of shipments.entries()) {
      await t.db
        .execute(sql`insert into sell_in (account_id, store_id, sku_id, date, invoice_no, units, amount_fen)
        values (${alpha.id}, ${storeId}, ${skuId}, ${date}, ${`INV${index}`}, ${units}, ${units * 80})`);
    }

    // Store U1 (Gamma, default settings: alert when under 3 + 3 days of supply): one SKU per alert case.
    const u = store.u1;
    await list(
      u,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map((n) => sku[`q${n}`]),
    );
    await list(u, [sku.q13], '2026-11-01');
    const row = (n: number, date: string, units: number): [number, string, number, number] => [
      u,
      date,
      sku[`q${n}`],
      units,
    ];
    await insertSellOut([
      row(2, '2026-11-20', 84), // 3 a day over 28 days
      row(3, '2026-11-20', 84),
      ...days('2026-10-20', '2026-11-10').map((date) => row(4, date, 1)), // daily, then nothing for 15 days
      ...days('2026-09-05', '2026-11-14', 10).map((date) => row(5, date, 1)), // every 10 days: 11 days is usual
      ...['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'].map((date) => row(6, date, 10)),
      ...['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map((date) => row(6, date, 6)), // 40 → 24
      ...['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'].map((date) => row(7, date, 10)),
      ...['2026-11-02', '2026-11-09', '2026-11-16'].map((date) => row(7, date, 6)),
      row(7, '2026-11-23', 7), // 40 → 25: down 37.5%, not enough
      row(8, '2026-10-10', 19), // under 20 units before: no decline
      row(9, '2026-03-10', 5), // sold in March, then never again
      row(12, '2026-10-10', 40), // not listed in Endcap, but the store sells it: a decline counts
      row(13, '2026-10-10', 40), // delisted: a decline is expected
    ]);
    await insertInventory([
      [u, '2026-11-10', sku.q1, 8],
      [u, '2026-11-15', sku.q1, 0],
      [u, '2026-11-20', sku.q1, 0],
      [u, '2026-11-24', sku.q2, 9],
      [u, '2026-11-24', sku.q3, 30],
      [u, '2026-11-20', sku.q10, 0], // not listed: no out-of-stock alert
    ]);
    await refreshSalesRollups(t.db, { storeIds: 'all', from: '2026-01-01', to: '2026-12-31' });

    for (const [who, user] of Object.entries({ hq, repA, repB })) {
      as[who as Who] = await sessionHeaders(t.app, user.username);
    }
  });
  afterAll(() => t.close());

  const get = async <T>(url: string, who: Who = 'hq'): Promise<T> => {
    const response = await t.app.inject({ method: 'GET', url, headers: as[who] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  describe('stock', () => {
    it('gives the latest count, average daily sell-out over the account window and days of supply', async () => {
      const answer = await get<List<StockRow>>(`/api/stock?storeId=${store.t1},${store.t2}&asOf=${AS_OF}`);
      expect(answer.total).toBe(4);
      expect(
        answer.items.map((row) => [
          row.storeCode,
          row.skuCode,
          row.isListed,
          row.onHand,
          row.onHandDate,
          row.averageDailyUnits,
          row.averageWindowDays,
          row.daysOfSupply,
        ]),
      ).toEqual([
        ['T1', 'P1', true, 4, '2026-11-23', 2, 10, 2],
        ['T1', 'P2', true, null, null, 0.5, 10, null],
        ['T2', 'P1', true, 30, '2026-11-24', 2, 28, 15],
        ['T2', 'P2', false, 7, '2026-11-01', 0, 28, null],
      ]);
      const bySupply = await get<List<StockRow>>(
        `/api/stock?storeId=${store.t1},${store.t2}&asOf=${AS_OF}&sort=daysOfSupply&limit=2`,
      );
      expect(bySupply.items.map((row) => [row.storeCode, row.skuCode, row.daysOfSupply])).toEqual([
        ['T1', 'P1', 2],
        ['T2', 'P1', 15],
      ]);
      expect(bySupply.total).toBe(4);
    });

    it('looks at the day asked for: counts and sales after it do not exist yet', async () => {
      const answer = await get<List<StockRow>>(
        `/api/stock?storeId=${store.t1}&skuId=${sku.p1}&asOf=2026-11-21`,
      );
      // Counted 5 on 20 Nov; the 10 days to 21 Nov hold 2 a day from the 16th (the 20 of 10 Nov are outside).
      expect(answer.items.map((row) => [row.onHand, row.onHandDate, row.averageDailyUnits])).toEqual([
        [5, '2026-11-20', 1.2],
      ]);
    });

    it("covers a rep's stores only", async () => {
      const mine = await get<List<StockRow>>(`/api/stock?asOf=${AS_OF}`, 'repA');
      expect(mine.items.map((row) => `${row.storeCode}/${row.skuCode}`)).toEqual(['T1/P1', 'T1/P2']);
      expect((await get<List<StockRow>>(`/api/stock?storeId=${store.t2}&asOf=${AS_OF}`, 'repA')).total).toBe(
        0,
      );
    });
  });

  describe('order suggestions', () => {
    it('gives a rep their own list: cover × average − on hand − on order, rounded up to cases', async () => {
      const answer = await get<List<OrderSuggestion>>(`/api/order-suggestions?asOf=${AS_OF}`, 'repA');
      expect(answer.items).toEqual([
        expect.objectContaining({
          storeCode: 'T1',
          skuCode: 'P1',
          accountName: 'Alpha Mart',
          averageDailyUnits: 2,
          onHand: 4,
          onHandDate: '2026-11-23',
          onOrder: 6,
          coverDays: 10,
          daysOfSupply: 2,
          suggestedUnits: 12,
          suggestedCases: 2,
        }),
        expect.objectContaining({
          skuCode: 'P2',
          averageDailyUnits: 0.5,
          onHand: null,
          onOrder: 3,
          suggestedUnits: 2,
          suggestedCases: null,
        }),
      ]);
    });

    it('uses the default settings for an account without its own, and lists nothing to order only on request', async () => {
      expect(
        (await get<List<OrderSuggestion>>(`/api/order-suggestions?asOf=${AS_OF}`, 'repB')).items,
      ).toEqual([]);
      const all = await get<List<OrderSuggestion>>(
        `/api/order-suggestions?asOf=${AS_OF}&onlyPositive=false`,
        'repB',
      );
      // P3 was delisted: no suggestion.
      expect(
        all.items.map((item) => [item.skuCode, item.coverDays, item.daysOfSupply, item.suggestedUnits]),
      ).toEqual([['P1', 13, 15, 0]]);
    });

    it('lists every store in scope for someone who is not a rep', async () => {
      const byRep = await get<List<OrderSuggestion>>(
        `/api/order-suggestions?asOf=${AS_OF}&storeId=${store.t1},${store.t2}&onlyPositive=false`,
      );
      expect(byRep.items.map((item) => `${item.storeCode}/${item.skuCode}`)).toEqual([
        'T1/P1',
        'T1/P2',
        'T2/P1',
      ]);
    });

    it('exports the list as a sheet', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/order-suggestions/export.xlsx?asOf=${AS_OF}`,
        headers: as.repA,
      });
      expect(response.statusCode).toBe(200);
      const sheet = await readSpreadsheet(response.rawPayload, 'orders.xlsx');
      expect(
        sheet.rows.map((row) => [
          row.cells['门店编码'],
          row.cells['品项编码'],
          row.cells['建议订货(件)'],
          row.cells['建议订货(箱)'],
        ]),
      ).toEqual([
        ['T1', 'P1', '12', '2'],
        ['T1', 'P2', '2', ''],
      ]);
    });
  });

  describe('alerts', () => {
    it('fires each alert on the data that calls for it, and on nothing else', async () => {
      const answer = await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}`);
      expect(answer.items.map((alert) => [alert.type, alert.skuCode, alert.since])).toEqual([
        ['out_of_stock', 'Q01', '2026-11-15'],
        ['low_stock', 'Q02', null],
        ['no_sales', 'Q04', '2026-11-11'],
        ['no_sales', 'Q09', null],
        ['decline', 'Q06', null],
        ['decline', 'Q12', null],
      ]);
      const detail = (type: string, code: string) =>
        answer.items.find((alert) => alert.type === type && alert.skuCode === code)!.detail;
      expect(detail('out_of_stock', 'Q01')).toEqual({
        onHand: 0,
        countedOn: '2026-11-20',
        averageDailyUnits: 0,
      });
      expect(detail('low_stock', 'Q02')).toEqual({
        onHand: 9,
        countedOn: '2026-11-24',
        averageDailyUnits: 3,
        daysOfSupply: 3,
        thresholdDays: 6,
      });
      expect(detail('no_sales', 'Q04')).toEqual({
        lastSale: '2026-11-10',
        daysSinceLastSale: 15,
        usualGapDays: 1,
        thresholdDays: 7,
      });
      expect(detail('no_sales', 'Q09')).toMatchObject({ lastSale: null, lastSaleMonth: '2026-03' });
      expect(detail('decline', 'Q06')).toEqual({
        unitsLast28Days: 24,
        unitsPrevious28Days: 40,
        change: -0.4,
      });
    });

    it('filters by type and pages', async () => {
      const declines = await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}&type=decline`);
      expect(declines.items.map((alert) => alert.skuCode)).toEqual(['Q06', 'Q12']);
      const page = await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}&limit=2&offset=1`);
      expect(page.total).toBe(6);
      expect(page.items.map((alert) => alert.skuCode)).toEqual(['Q02', 'Q04']);
    });

    it('answers each type alone exactly as within all types (each type reads only the history it needs)', async () => {
      const all = await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}`);
      for (const types of ['out_of_stock,low_stock', 'no_sales', 'decline', 'out_of_stock,decline']) {
        const some = await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}&type=${types}`);
        expect(some.items, types).toEqual(all.items.filter((alert) => types.split(',').includes(alert.type)));
      }
    });

    it('follows the day asked for: before the stock ran out, there was no out-of-stock', async () => {
      const before = await get<List<Alert>>(
        `/api/alerts?storeId=${store.u1}&asOf=2026-11-12&type=out_of_stock,no_sales`,
      );
      expect(before.items.map((alert) => [alert.type, alert.skuCode])).toEqual([['no_sales', 'Q09']]);
    });

    it("covers a rep's stores only", async () => {
      const mine = await get<List<Alert>>(`/api/alerts?asOf=${AS_OF}`, 'repA');
      expect(mine.items).toEqual([
        {
          type: 'low_stock',
          storeId: store.t1,
          storeCode: 'T1',
          storeName: expect.any(String),
          accountName: 'Alpha Mart',
          skuId: sku.p1,
          skuCode: 'P1',
          skuName: expect.any(String),
          detail: {
            onHand: 4,
            countedOn: '2026-11-23',
            averageDailyUnits: 2,
            daysOfSupply: 2,
            thresholdDays: 5,
          },
          since: null,
        },
      ]);
      expect((await get<List<Alert>>(`/api/alerts?storeId=${store.u1}&asOf=${AS_OF}`, 'repA')).items).toEqual(
        [],
      );
    });
  });
});
