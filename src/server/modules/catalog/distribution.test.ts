import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DistributionRow, Launch } from '../../../core/catalog/catalog.contract';
import { systemActor } from '../../http/access';
import { makeAccount, makeOrgUnit, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { refreshSalesRollups } from '../analytics/rollups.service';
import { upsertListing } from './listings.service';

type Headers = Record<string, string>;

/**
 * Hand-made data, small enough to count by hand:
 *   S1 沃尔玛 深圳 A (the rep's) · S2 沃尔玛 深圳 B (the rep's) · S3 沃尔玛 广州 A · S4 沃尔玛 深圳 A, closed · S5 家乐福 上海 C.
 * SKU P (ours, launched Monday 2026-01-05), Q (ours, no launch date), X (a competitor's).
 *   P listed: S1 01-05, S2 01-20 (delisted 03-01), S3 02-10, S4 01-01, S5 01-15.   Q: S1 02-01.   X: S1 2025-12-01.
 *   P sold:   S1 01-06 ×5, 01-20 ×3, 01-22 ×0, 02-14 ×2 · S2 01-25 ×4 · S3 02-12 ×6, 03-03 ×1 · S4 01-10 ×9 · S5 01-16 ×0, 02-20 ×2.
 *   Q sold:   S1 02-02 ×1.   X sold: S1 01-10 ×7.
 * Target stores are the open ones (S1, S2, S3, S5): the closed S4's listing and sales never count.
 */
describe('numeric distribution and launch view', () => {
  let t: TestContext;
  let hq: Headers;
  let rep: Headers;
  let manager: Headers;
  const sku = { P: 0, Q: 0, X: 0 };
  let wmt: number;
  let crf: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const region = await makeOrgUnit(t.db, { kind: 'region' });
    const sz = await makeOrgUnit(t.db, { kind: 'city', parentId: region.id });
    const other = await makeOrgUnit(t.db, { kind: 'region' });
    const repUser = await makeUser(t.db, { role: 'rep', orgUnitId: sz.id });
    const managerUser = await makeUser(t.db, { role: 'manager', orgUnitId: other.id });
    hq = await sessionHeaders(t.app, (await makeUser(t.db, { role: 'hq_ops' })).username);
    rep = await sessionHeaders(t.app, repUser.username);
    manager = await sessionHeaders(t.app, managerUser.username);
    wmt = (await makeAccount(t.db, { code: 'WMT' })).id;
    crf = (await makeAccount(t.db, { code: 'CRF' })).id;
    const sz1 = { accountId: wmt, city: '深圳', orgUnitId: sz.id };
    const S1 = (await makeStore(t.db, { ...sz1, code: 'S1', floorArea: 6000, repIds: [repUser.id] })).id;
    const S2 = (await makeStore(t.db, { ...sz1, code: 'S2', floorArea: 3000, repIds: [repUser.id] })).id;
    const S3 = (await makeStore(t.db, { accountId: wmt, code: 'S3', city: '广州', floorArea: 8000 })).id;
    const S4 = (await makeStore(t.db, { ...sz1, code: 'S4', floorArea: 6000, status: 'closed' })).id;
    const S5 = (
      await makeStore(t.db, { accountId: crf, code: 'S5', province: '上海', city: '上海', floorArea: 1500 })
    ).id;
    sku.P = (await makeSku(t.db, { code: 'D-P', launchedOn: '2026-01-05' })).id;
    sku.Q = (await makeSku(t.db, { code: 'D-Q' })).id;
    sku.X = (await makeSku(t.db, { code: 'D-X', isOwn: false, competitorCompany: '对手' })).id;

    const listings: [number, number, string, string | null][] = [
      [S1, sku.P, '2026-01-05', null],
      [S2, sku.P, '2026-01-20', '2026-03-01'],
      [S3, sku.P, '2026-02-10', null],
      [S4, sku.P, '2026-01-01', null],
      [S5, sku.P, '2026-01-15', null],
      [S1, sku.Q, '2026-02-01', null],
      [S1, sku.X, '2025-12-01', null],
    ];
    for (const [storeId, skuId, listedOn, delistedOn] of listings)
      await upsertListing(t.db, systemActor, { storeId, skuId, listedOn, delistedOn });

    const sales: [number, number, string, number][] = [
      [S1, sku.P, '2026-01-06', 5],
      [S1, sku.P, '2026-01-20', 3],
      [S1, sku.P, '2026-01-22', 0], // a row without a sale
      [S1, sku.P, '2026-02-14', 2],
      [S2, sku.P, '2026-01-25', 4],
      [S3, sku.P, '2026-02-12', 6],
      [S3, sku.P, '2026-03-03', 1],
      [S4, sku.P, '2026-01-10', 9],
      [S5, sku.P, '2026-01-16', 0],
      [S5, sku.P, '2026-02-20', 2],
      [S1, sku.Q, '2026-02-02', 1],
      [S1, sku.X, '2026-01-10', 7],
    ];
    for (const [storeId, skuId, date, units] of sales) {
      await t.db.execute(sql`insert into sell_out (store_id, date, sku_id, units, amount_fen)
        values (${storeId}, ${date}, ${skuId}, ${units}, ${units * 990})`);
    }
    await refreshSalesRollups(t.db, { storeIds: 'all', from: '2026-01-01', to: '2026-03-31' });
  });
  afterAll(() => t.close());

  const distribution = async (query: string, headers: Headers = hq) => {
    const response = await t.app.inject({ url: `/api/analytics/distribution?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    const { rows } = response.json<{ rows: DistributionRow[] }>();
    return Object.fromEntries(
      rows.map((row) => [row.skuCode, [row.targetStores, row.listedStores, row.soldStores]]),
    );
  };

  describe('distribution', () => {
    it('counts target stores, stores listing on the last day and stores that sold in a whole month', async () => {
      const response = await t.app.inject({
        url: '/api/analytics/distribution?from=2026-01-01&to=2026-01-31',
        headers: hq,
      });
      // Our SKUs only, by code; S2 and S5 are listed by 31 January, S3 not yet; S5 sold 0 units, so not "sold".
      expect(response.json()).toEqual({
        rows: [
          {
            skuId: sku.P,
            skuCode: 'D-P',
            skuName: expect.any(String),
            targetStores: 4,
            listedStores: 3,
            soldStores: 2,
            listedShare: 0.75,
            soldShare: 0.5,
          },
          {
            skuId: sku.Q,
            skuCode: 'D-Q',
            skuName: expect.any(String),
            targetStores: 4,
            listedStores: 0,
            soldStores: 0,
            listedShare: 0,
            soldShare: 0,
          },
        ],
      });
    });

    it('reads partial months at the edges day by day: sales just outside the period do not count', async () => {
      // S1 sold P on 01-20 and 02-14, both outside 01-21…02-13 (its 01-22 row has 0 units); S2 (01-25) and
      // S3 (02-12) sold inside it.
      expect(await distribution('from=2026-01-21&to=2026-02-13')).toEqual({
        'D-P': [4, 4, 2],
        'D-Q': [4, 1, 1],
      });
      // A partial first month, then whole months: every store sold P; S2 is delisted by 31 March.
      expect(await distribution('from=2026-01-15&to=2026-03-31')).toEqual({
        'D-P': [4, 3, 4],
        'D-Q': [4, 1, 1],
      });
      // S2 is delisted on 1 March, so not listed on that day; only S5 sold (02-20) from 15 February to 1 March.
      expect(await distribution('from=2026-02-15&to=2026-03-01')).toEqual({
        'D-P': [4, 3, 1],
        'D-Q': [4, 1, 0],
      });
      // Within one month: S1's 20 January is inside 01-20…01-24, S2's 25 January is not.
      expect(await distribution('from=2026-01-20&to=2026-01-24')).toEqual({
        'D-P': [4, 3, 1],
        'D-Q': [4, 0, 0],
      });
    });

    it('narrows the target stores by account, store class and city, and names other SKUs by id', async () => {
      const whole = 'from=2026-01-01&to=2026-01-31';
      expect((await distribution(`${whole}&accountId=${wmt}`))['D-P']).toEqual([3, 2, 2]);
      expect((await distribution(`${whole}&accountId=${crf}`))['D-P']).toEqual([1, 1, 0]);
      expect((await distribution(`${whole}&storeClass=A`))['D-P']).toEqual([2, 1, 1]);
      expect((await distribution(`${whole}&storeClass=B,C`))['D-P']).toEqual([2, 2, 1]);
      expect((await distribution(`${whole}&city=${encodeURIComponent('深圳')}`))['D-P']).toEqual([2, 2, 2]);
      expect(await distribution(`${whole}&skuId=${sku.X}`)).toEqual({ 'D-X': [4, 1, 1] });
    });

    it('covers only a rep’s stores, and nothing for a manager of another region', async () => {
      expect(await distribution('from=2026-01-01&to=2026-01-31', rep)).toEqual({
        'D-P': [2, 2, 2],
        'D-Q': [2, 0, 0],
      });
      const response = await t.app.inject({
        url: '/api/analytics/distribution?from=2026-01-01&to=2026-01-31',
        headers: manager,
      });
      expect(response.json<{ rows: DistributionRow[] }>().rows[0]).toMatchObject({
        targetStores: 0,
        listedStores: 0,
        soldStores: 0,
        listedShare: null,
        soldShare: null,
      });
    });

    it('refuses a period that ends before it starts', async () => {
      const response = await t.app.inject({
        url: '/api/analytics/distribution?from=2026-02-01&to=2026-01-31',
        headers: hq,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'querystring.to' }] },
      });
    });
  });

  describe('launch view', () => {
    const launch = async (skuId: number, query: string, headers: Headers = hq) => {
      const response = await t.app.inject({ url: `/api/skus/${skuId}/launch?${query}`, headers });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Launch>();
    };
    const table = (body: Launch) =>
      body.weeks.map((week) => [week.weekStart, week.listedStores, week.sellingStores, week.unitsInWeek]);

    it('counts listed stores, stores selling by the week’s end and units, week by week from the launch', async () => {
      const body = await launch(sku.P, 'to=2026-02-22');
      expect(body.targetStores).toBe(4);
      expect(table(body)).toEqual([
        ['2026-01-05', 1, 1, 5],
        ['2026-01-12', 2, 1, 0], // S5 listed; its 16 January row sold nothing
        ['2026-01-19', 3, 2, 7],
        ['2026-01-26', 3, 2, 0],
        ['2026-02-02', 3, 2, 0],
        ['2026-02-09', 4, 3, 8],
        ['2026-02-16', 4, 4, 2],
      ]);
    });

    it('ends the last week on `to`, and narrows to an account or to a rep’s stores', async () => {
      expect(table(await launch(sku.P, 'to=2026-02-18')).at(-1)).toEqual(['2026-02-16', 4, 3, 0]);
      const carrefour = await launch(sku.P, `to=2026-02-22&accountId=${crf}`);
      expect(carrefour.targetStores).toBe(1);
      expect(table(carrefour).slice(-2)).toEqual([
        ['2026-02-09', 1, 0, 0],
        ['2026-02-16', 1, 1, 2],
      ]);
      const repView = await launch(sku.P, 'to=2026-01-25', rep);
      expect(repView.targetStores).toBe(2);
      expect(table(repView)).toEqual([
        ['2026-01-05', 1, 1, 5],
        ['2026-01-12', 1, 1, 0],
        ['2026-01-19', 2, 2, 7],
      ]);
    });

    it('starts from the first listing without a launch date, from `from` when given, and is empty with neither', async () => {
      // Q's first listing is Sunday 1 February: its week starts Monday 26 January.
      expect(table(await launch(sku.Q, 'to=2026-02-08'))).toEqual([
        ['2026-01-26', 1, 0, 0],
        ['2026-02-02', 1, 1, 1],
      ]);
      expect(table(await launch(sku.P, 'from=2026-02-11&to=2026-02-15'))).toEqual([['2026-02-09', 4, 3, 8]]);
      const unlisted = await makeSku(t.db);
      expect(await launch(unlisted.id, 'to=2026-02-22')).toEqual({
        skuId: unlisted.id,
        targetStores: 4,
        weeks: [],
      });
    });

    it('shows at most 104 weeks: the latest ones by default, and a 400 for a longer explicit period', async () => {
      const old = await makeSku(t.db, { launchedOn: '2019-06-01' });
      const body = await launch(old.id, 'to=2026-02-22');
      expect(body.weeks).toHaveLength(104);
      expect(body.weeks.at(-1)?.weekStart).toBe('2026-02-16');
      const tooLong = await t.app.inject({
        url: `/api/skus/${old.id}/launch?from=2019-06-01&to=2026-02-22`,
        headers: hq,
      });
      expect(tooLong.statusCode).toBe(400);
      expect((await t.app.inject({ url: '/api/skus/999999/launch', headers: hq })).statusCode).toBe(404);
    });
  });
});
