import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SalesResponse, SalesRow } from '../../../core/analytics/analytics.contract';
import { readSpreadsheet } from '../../lib/spreadsheet';
import { makeAccount, makeOrgUnit, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { refreshSalesRollups } from './rollups.service';

type Headers = Record<string, string>;
type Who = 'admin' | 'hq' | 'managerSouth' | 'repA' | 'repB';

/**
 * A small exact data set: two chains, four stores in three cities and two regions, three SKUs, and sell-out
 * in November 2026, October 2026 and November 2025. Every figure below can be added up by hand:
 *
 * 2026-11  s1 k1  Fri 06: 10 u 1000 · Mon 09: 5 u 500     s1 k2  Tue 10: 4 u 1200
 *          s2 k1  Sat 07: 2 u 200                         s3 k3  Sun 15: 3 u 900      s4 k2  Fri 20: 6 u 1800
 * 2026-10  s1 k1  Mon 05: 8 u 800                         s4 k2  Sat 31: 2 u 600
 * 2025-11  s1 k1  Mon 03: 4 u 400    s3 k3  Fri 14: 1 u 300    s2 k2  Thu 20: 10 u 3000
 *
 * Stores: s1 沃尔玛 深圳 A hypermarket (South/SZ, rep A) · s2 沃尔玛 广州 B supermarket (South/GZ, reps A and B)
 *         s3 家乐福 广州 C supermarket (South/GZ, rep B) · s4 家乐福 上海 A hypermarket (East/SH, rep C)
 * SKUs: k1 Endcap/Candy · k2 Endcap/Biscuits · k3 Rival/Candy (competitor)
 */
describe('sales query API', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const id = { wmt: 0, crf: 0, s1: 0, s2: 0, s3: 0, s4: 0, k1: 0, k2: 0, k3: 0 };
  const unit = { south: 0, east: 0, sz: 0 };
  const person = { repA: 0, repB: 0, repC: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    const hqUnit = await makeOrgUnit(t.db, { kind: 'hq' });
    const south = await makeOrgUnit(t.db, { kind: 'region', name: '华南', parentId: hqUnit.id });
    const sz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const gz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const east = await makeOrgUnit(t.db, { kind: 'region', name: '华东', parentId: hqUnit.id });
    const sh = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });
    Object.assign(unit, { south: south.id, east: east.id, sz: sz.id });

    const admin = await makeUser(t.db, { role: 'admin' });
    const hq = await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id });
    const managerSouth = await makeUser(t.db, { role: 'manager', orgUnitId: south.id });
    const repA = await makeUser(t.db, { role: 'rep', orgUnitId: sz.id, displayName: 'Rep A' });
    const repB = await makeUser(t.db, { role: 'rep', orgUnitId: gz.id, displayName: 'Rep B' });
    const repC = await makeUser(t.db, { role: 'rep', orgUnitId: sh.id, displayName: 'Rep C' });
    Object.assign(person, { repA: repA.id, repB: repB.id, repC: repC.id });

    id.wmt = (await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' })).id;
    id.crf = (await makeAccount(t.db, { code: 'CRF', name: '家乐福' })).id;
    const guangdong = { province: '广东' };
    id.s1 = (
      await makeStore(t.db, {
        ...guangdong,
        accountId: id.wmt,
        code: 'S1',
        city: '深圳',
        floorArea: 6000,
        format: 'hypermarket',
        orgUnitId: sz.id,
        repIds: [repA.id],
      })
    ).id;
    id.s2 = (
      await makeStore(t.db, {
        ...guangdong,
        accountId: id.wmt,
        code: 'S2',
        city: '广州',
        floorArea: 3000,
        format: 'supermarket',
        orgUnitId: gz.id,
        repIds: [repA.id, repB.id],
      })
    ).id;
    id.s3 = (
      await makeStore(t.db, {
        ...guangdong,
        accountId: id.crf,
        code: 'S3',
        city: '广州',
        floorArea: 1000,
        format: 'supermarket',
        orgUnitId: gz.id,
        repIds: [repB.id],
      })
    ).id;
    id.s4 = (
      await makeStore(t.db, {
        accountId: id.crf,
        code: 'S4',
        province: '上海',
        city: '上海',
        floorArea: 8000,
        format: 'hypermarket',
        orgUnitId: sh.id,
        repIds: [repC.id],
      })
    ).id;
    id.k1 = (await makeSku(t.db, { code: 'K1', brand: 'Endcap', category: 'Candy' })).id;
    id.k2 = (await makeSku(t.db, { code: 'K2', brand: 'Endcap', category: 'Biscuits' })).id;
    id.k3 = (
      await makeSku(t.db, {
        code: 'K3',
        brand: 'Rival',
        category: 'Candy',
        isOwn: false,
        competitorCompany: 'Rival Foods',
      })
    ).id;

    const facts: [number, string, number, number, number][] = [
      [id.s1, '2026-11-06', id.k1, 10, 1000],
      [id.s1, '2026-11-09', id.k1, 5, 500],
      [id.s1, '2026-11-10', id.k2, 4, 1200],
      [id.s2, '2026-11-07', id.k1, 2, 200],
      [id.s3, '2026-11-15', id.k3, 3, 900],
      [id.s4, '2026-11-20', id.k2, 6, 1800],
      [id.s1, '2026-10-05', id.k1, 8, 800],
      [id.s4, '2026-10-31', id.k2, 2, 600],
      [id.s1, '2025-11-03', id.k1, 4, 400],
      [id.s3, '2025-11-14', id.k3, 1, 300],
      [id.s2, '2025-11-20', id.k2, 10, 3000],
    ];
    await t.db.execute(
      sql`insert into sell_out (store_id, date, sku_id, units, amount_fen) values ${sql.join(
        facts.map(
          ([store, date, sku, units, amount]) => sql`(${store}, ${date}, ${sku}, ${units}, ${amount})`,
        ),
        sql`, `,
      )}`,
    );
    await refreshSalesRollups(t.db, { storeIds: 'all', from: '2025-01-01', to: '2026-12-31' });

    const targets: [string, string, number | null, number | null, number | null, number | null, number][] = [
      ['2026-11-01', 'company', null, null, null, null, 10_000],
      ['2026-11-01', 'account', id.wmt, null, null, null, 5800],
      ['2026-11-01', 'store', null, id.s1, null, null, 5400],
      ['2026-11-01', 'rep', null, null, repA.id, null, 5800],
      ['2026-11-01', 'org_unit', null, null, null, south.id, 7600],
      ['2025-11-01', 'company', null, null, null, null, 7400],
    ];
    for (const [month, scope, accountId, storeId, userId, orgUnitId, amount] of targets) {
      await t.db
        .execute(sql`insert into sales_targets (month, scope, account_id, store_id, user_id, org_unit_id, amount_fen)
        values (${month}, ${scope}, ${accountId}, ${storeId}, ${userId}, ${orgUnitId}, ${amount})`);
    }

    for (const [who, user] of Object.entries({ admin, hq, managerSouth, repA, repB })) {
      as[who as Who] = await sessionHeaders(t.app, user.username);
    }
  });
  afterAll(() => t.close());

  const NOV = 'from=2026-11-01&to=2026-11-30';
  const ask = async (query: string, who: Who = 'hq'): Promise<SalesResponse> => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/analytics/sales?${query}`,
      headers: as[who],
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SalesResponse>();
  };
  /** Rows reduced to one dimension value and some measures, for compact expectations. */
  const pick = (rows: SalesRow[], key: string, measures: string[] = ['amount']) =>
    rows.map((row) => [row[key], ...measures.map((measure) => row[measure])]);

  describe('measures and the planner', () => {
    it('answers totals only, from the month rollup, with every measure', async () => {
      const answer = await ask(`${NOV}&measures=amount,units,avgPrice,weekendShare,target,achievement`);
      expect(answer.rows).toEqual([]);
      expect(answer.totals).toEqual({
        amount: 5600,
        units: 30,
        avgPrice: 187, // 5600 / 30 = 186.67
        weekendShare: 3900 / 5600, // Fri 6, Sat 7, Sun 15, Fri 20
        target: 10_000,
        achievement: 0.56,
      });
      expect(answer.meta).toEqual({ source: 'sales_store_month', rowCount: 0 });
    });

    it('picks the day rollup for a partial month and for day and week grains', async () => {
      expect((await ask('from=2026-11-01&to=2026-11-29')).meta.source).toBe('sales_store_day');
      expect((await ask(`${NOV}&by=week`)).meta.source).toBe('sales_store_day');
      expect((await ask(`${NOV}&by=day`)).meta.source).toBe('sales_store_day');
      expect((await ask(`${NOV}&by=quarter`)).meta.source).toBe('sales_store_month');
    });

    it('picks the store × SKU month rollup for SKU questions, and the raw facts only for SKU by day or part of a month', async () => {
      expect((await ask(`${NOV}&by=sku`)).meta.source).toBe('sales_store_sku_month');
      expect((await ask(`${NOV}&skuId=${id.k1}`)).meta.source).toBe('sales_store_sku_month');
      expect((await ask(`${NOV}&by=brand,year`)).meta.source).toBe('sales_store_sku_month');
      expect((await ask(`${NOV}&by=sku,day`)).meta.source).toBe('sell_out');
      expect((await ask(`from=2026-11-01&to=2026-11-29&isOwn=true`)).meta.source).toBe('sell_out');
    });

    it('reads whole months from the month rollups and the days around them from the days, adding up alike', async () => {
      const measures = 'measures=amount,units,weekendShare';
      // 2025-11-14 … 2026-11-09: a partial month, eleven whole months, another partial month.
      const range = 'from=2025-11-14&to=2026-11-09';
      for (const [by, sources] of [
        ['store', 'sales_store_day+sales_store_month'],
        ['quarter', 'sales_store_day+sales_store_month'],
        ['sku', 'sell_out+sales_store_sku_month'],
      ]) {
        const mixed = await ask(`${range}&by=${by}&${measures}`);
        expect(mixed.meta.source, by).toBe(sources);
        // The same question by day reads days throughout: the totals must agree.
        const daily = await ask(`${range}&by=${by === 'quarter' ? 'day' : `${by},day`}&${measures}`);
        expect(mixed.totals, by).toEqual(daily.totals);
      }
      // Sold in range: 2025-11-14 (300), 2025-11-20 (3000), October 2026 (800 + 600), 6–9 November 2026 (1000 + 500 + 200).
      expect((await ask(`${range}&${measures}`)).totals.amount).toBe(6400);
      const quarters = await ask(`${range}&by=quarter&measures=amount`);
      expect(quarters.rows.map((row) => [row.period, row.amount])).toEqual([
        ['2025-Q4', 3300],
        ['2026-Q4', 3100],
      ]);
    });

    it('gives the same numbers from the raw facts as from a rollup for the same question', async () => {
      // Nothing was sold on 30 November, so the two ranges hold the same sales.
      const measures = 'measures=amount,units,avgPrice,weekendShare';
      for (const by of ['sku', 'account,category', 'store,brand']) {
        const rollup = await ask(`${NOV}&by=${by}&${measures}`);
        const raw = await ask(`from=2026-11-01&to=2026-11-29&by=${by}&${measures}`);
        expect(rollup.meta.source).toBe('sales_store_sku_month');
        expect(raw.meta.source).toBe('sell_out');
        expect(raw.rows).toEqual(rollup.rows);
        expect(raw.totals).toEqual(rollup.totals);
      }
      const month = await ask(`${NOV}&by=store&${measures}`);
      const days = await ask(`from=2026-11-01&to=2026-11-29&by=store&${measures}`);
      expect(days.meta.source).toBe('sales_store_day');
      expect(days.rows).toEqual(month.rows);
    });
  });

  describe('dimensions', () => {
    it('groups by account, store, city, province, store class and format', async () => {
      const byAccount = await ask(`${NOV}&by=account&measures=amount,units,avgPrice,weekendShare`);
      expect(byAccount.rows).toEqual([
        {
          accountId: id.wmt,
          accountName: '沃尔玛',
          amount: 2900,
          units: 21,
          avgPrice: 138,
          weekendShare: 1200 / 2900,
        },
        { accountId: id.crf, accountName: '家乐福', amount: 2700, units: 9, avgPrice: 300, weekendShare: 1 },
      ]);
      const byStore = await ask(`${NOV}&by=store`);
      expect(byStore.rows.map((row) => [row.storeId, row.storeCode, row.amount])).toEqual([
        [id.s1, 'S1', 2700],
        [id.s4, 'S4', 1800],
        [id.s3, 'S3', 900],
        [id.s2, 'S2', 200],
      ]);
      expect(pick((await ask(`${NOV}&by=city`)).rows, 'city')).toEqual([
        ['深圳', 2700],
        ['上海', 1800],
        ['广州', 1100],
      ]);
      expect(pick((await ask(`${NOV}&by=province`)).rows, 'province')).toEqual([
        ['广东', 3800],
        ['上海', 1800],
      ]);
      expect(pick((await ask(`${NOV}&by=storeClass`)).rows, 'storeClass')).toEqual([
        ['A', 4500],
        ['C', 900],
        ['B', 200],
      ]);
      expect(pick((await ask(`${NOV}&by=format`)).rows, 'format')).toEqual([
        ['hypermarket', 4500],
        ['supermarket', 1100],
      ]);
    });

    it("groups by region (the store's org unit's region) and by rep, a shared store counting for each rep", async () => {
      const byRegion = await ask(`${NOV}&by=region`);
      expect(byRegion.rows).toEqual([
        { regionId: unit.south, regionName: '华南', amount: 3800, units: 24 },
        { regionId: unit.east, regionName: '华东', amount: 1800, units: 6 },
      ]);
      const byRep = await ask(`${NOV}&by=rep`);
      expect(byRep.rows.map((row) => [row.repName, row.amount])).toEqual([
        ['Rep A', 2900],
        ['Rep C', 1800],
        ['Rep B', 1100],
      ]);
      // Totals are the sales, not the sum of the rep rows (store 2 is in two of them).
      expect(byRep.totals.amount).toBe(5600);
    });

    it('groups by SKU, brand and category', async () => {
      const bySku = await ask(`${NOV}&by=sku&measures=amount,units,weekendShare`);
      expect(bySku.rows).toEqual([
        {
          skuId: id.k2,
          skuCode: 'K2',
          skuName: expect.any(String),
          amount: 3000,
          units: 10,
          weekendShare: 0.6,
        },
        {
          skuId: id.k1,
          skuCode: 'K1',
          skuName: expect.any(String),
          amount: 1700,
          units: 17,
          weekendShare: 1200 / 1700,
        },
        { skuId: id.k3, skuCode: 'K3', skuName: expect.any(String), amount: 900, units: 3, weekendShare: 1 },
      ]);
      expect(pick((await ask(`${NOV}&by=brand`)).rows, 'brand')).toEqual([
        ['Endcap', 4700],
        ['Rival', 900],
      ]);
      expect(pick((await ask(`${NOV}&by=category`)).rows, 'category')).toEqual([
        ['Biscuits', 3000],
        ['Candy', 2600],
      ]);
    });

    it('groups by day, ISO week, month, quarter and year', async () => {
      const byWeek = await ask(`${NOV}&by=week`);
      expect(byWeek.rows.map((row) => [row.period, row.periodStart, row.amount, row.units])).toEqual([
        ['2026-W45', '2026-11-02', 1200, 12],
        ['2026-W46', '2026-11-09', 2600, 12],
        ['2026-W47', '2026-11-16', 1800, 6],
      ]);
      const byDay = await ask(`${NOV}&by=day`);
      expect(pick(byDay.rows, 'period')).toEqual([
        ['2026-11-06', 1000],
        ['2026-11-07', 200],
        ['2026-11-09', 500],
        ['2026-11-10', 1200],
        ['2026-11-15', 900],
        ['2026-11-20', 1800],
      ]);
      const byMonth = await ask('from=2026-10-01&to=2026-11-30&by=month');
      expect(byMonth.rows.map((row) => [row.period, row.periodStart, row.amount])).toEqual([
        ['2026-10', '2026-10-01', 1400],
        ['2026-11', '2026-11-01', 5600],
      ]);
      expect(pick((await ask('from=2025-01-01&to=2026-12-31&by=quarter')).rows, 'period')).toEqual([
        ['2025-Q4', 3700],
        ['2026-Q4', 7000],
      ]);
      expect(pick((await ask('from=2025-01-01&to=2026-12-31&by=year')).rows, 'period')).toEqual([
        ['2025', 3700],
        ['2026', 7000],
      ]);
    });

    it('combines dimensions', async () => {
      const answer = await ask(`from=2026-10-01&to=2026-11-30&by=account,storeClass,month`);
      expect(answer.rows.map((row) => [row.period, row.accountName, row.storeClass, row.amount])).toEqual([
        ['2026-10', '沃尔玛', 'A', 800],
        ['2026-10', '家乐福', 'A', 600],
        ['2026-11', '沃尔玛', 'A', 2700],
        ['2026-11', '家乐福', 'A', 1800],
        ['2026-11', '家乐福', 'C', 900],
        ['2026-11', '沃尔玛', 'B', 200],
      ]);
      const regionSku = await ask(`${NOV}&by=region,brand&measures=units`);
      expect(regionSku.rows.map((row) => [row.regionName, row.brand, row.units])).toEqual([
        ['华南', 'Endcap', 21],
        ['华东', 'Endcap', 6],
        ['华南', 'Rival', 3],
      ]);
      const repCategoryDay = await ask(`${NOV}&by=rep,category,week&repId=${person.repB}&measures=units`);
      expect(repCategoryDay.meta.source).toBe('sell_out');
      // repId filters stores (s2, s3); the rep dimension still shows every rep of those stores.
      expect(repCategoryDay.rows.map((row) => [row.period, row.repName, row.category, row.units])).toEqual([
        ['2026-W45', 'Rep A', 'Candy', 2],
        ['2026-W45', 'Rep B', 'Candy', 2],
        ['2026-W46', 'Rep B', 'Candy', 3],
      ]);
    });
  });

  describe('filters', () => {
    it('filters by every store and product attribute', async () => {
      const total = async (filter: string) => (await ask(`${NOV}&${filter}`)).totals.amount;
      expect(await total(`accountId=${id.crf}`)).toBe(2700);
      expect(await total(`storeId=${id.s1},${id.s2}`)).toBe(2900);
      expect(await total(`skuId=${id.k1}`)).toBe(1700);
      expect(await total('city=广州')).toBe(1100);
      expect(await total('city=广州,上海')).toBe(2900);
      expect(await total('province=上海')).toBe(1800);
      expect(await total(`regionId=${unit.south}`)).toBe(3800);
      expect(await total(`regionId=${unit.sz}`)).toBe(2700);
      expect(await total('storeClass=A')).toBe(4500);
      expect(await total('format=supermarket')).toBe(1100);
      expect(await total(`repId=${person.repB}`)).toBe(1100);
      expect(await total('brand=Rival')).toBe(900);
      expect(await total('category=Biscuits')).toBe(3000);
      expect(await total('isOwn=false')).toBe(900);
      expect(await total('isOwn=true')).toBe(4700);
      expect(await total(`accountId=${id.wmt}&category=Candy&storeClass=B`)).toBe(200);
    });
  });

  describe('comparison', () => {
    it('compares each row with the same period last year', async () => {
      const answer = await ask(`${NOV}&by=account&compare=yoy&measures=amount,units`);
      expect(answer.meta.comparisonRange).toEqual({ from: '2025-11-01', to: '2025-11-30' });
      expect(answer.rows).toEqual([
        {
          accountId: id.wmt,
          accountName: '沃尔玛',
          amount: 2900,
          units: 21,
          compare: { amount: 3400, units: 14 },
          change: { amount: (2900 - 3400) / 3400, units: 0.5 },
        },
        {
          accountId: id.crf,
          accountName: '家乐福',
          amount: 2700,
          units: 9,
          compare: { amount: 300, units: 1 },
          change: { amount: 8, units: 8 },
        },
      ]);
      expect(answer.compareTotals).toEqual({ amount: 3700, units: 15 });
    });

    it('lines time rows up a year apart (months, ISO weeks) and keeps rows sold only in the comparison', async () => {
      const months = await ask('from=2026-10-01&to=2026-11-30&by=month&compare=yoy');
      expect(months.rows.map((row) => [row.period, row.amount, row.compare!.amount])).toEqual([
        ['2026-10', 1400, 0],
        ['2026-11', 5600, 3700],
      ]);
      const weeks = await ask(`${NOV}&by=week&compare=yoy`);
      // 2025: Mon 3 Nov is W45, Fri 14 Nov W46, Thu 20 Nov W47.
      expect(weeks.rows.map((row) => [row.period, row.amount, row.compare!.amount])).toEqual([
        ['2026-W45', 1200, 400],
        ['2026-W46', 2600, 300],
        ['2026-W47', 1800, 3000],
      ]);
      const stores = await ask(`${NOV}&by=store,sku&compare=yoy&storeId=${id.s2}`);
      expect(
        stores.rows.map((row) => [row.skuCode, row.amount, row.compare!.amount, row.change!.amount]),
      ).toEqual([
        ['K1', 200, 0, null],
        ['K2', 0, 3000, -1],
      ]);
    });

    it('compares with the period before: the previous month, or the previous days day by day', async () => {
      const stores = await ask(`${NOV}&by=store&compare=pop`);
      expect(stores.meta.comparisonRange).toEqual({ from: '2026-10-01', to: '2026-10-31' });
      expect(stores.rows.map((row) => [row.storeCode, row.amount, row.compare!.amount])).toEqual([
        ['S1', 2700, 800],
        ['S4', 1800, 600],
        ['S3', 900, 0],
        ['S2', 200, 0],
      ]);
      expect(stores.compareTotals!.amount).toBe(1400);
      const days = await ask(`${NOV}&by=day&compare=pop`);
      // 5 October lines up with 5 November; 31 October has no 31 November.
      const fifth = days.rows.find((row) => row.period === '2026-11-05');
      expect(fifth).toMatchObject({ amount: 0, compare: { amount: 800 }, change: { amount: -1 } });
      expect(days.rows.some((row) => (row.compare as Record<string, number>).amount === 600)).toBe(false);
      expect(days.compareTotals!.amount).toBe(1400);
    });
  });

  describe('ranking', () => {
    it('gives the top and bottom N, with totals over everything', async () => {
      const top = await ask(`${NOV}&by=store&order=-amount&limit=2`);
      expect(top.rows.map((row) => row.storeCode)).toEqual(['S1', 'S4']);
      expect(top.totals.amount).toBe(5600);
      expect(top.meta.rowCount).toBe(4);
      const bottom = await ask(`${NOV}&by=store&order=amount&limit=1`);
      expect(bottom.rows.map((row) => [row.storeCode, row.amount])).toEqual([['S2', 200]]);
      const byUnits = await ask(`${NOV}&by=sku&order=-units&limit=1&measures=units`);
      expect(byUnits.rows.map((row) => [row.skuCode, row.units])).toEqual([['K1', 17]]);
      const ranked = await ask('from=2026-10-01&to=2026-11-30&by=month&order=-amount');
      expect(ranked.rows.map((row) => row.period)).toEqual(['2026-11', '2026-10']);
    });

    it('rejects an unknown order, two time grains and a period that ends before it starts', async () => {
      for (const [query, path] of [
        [`${NOV}&order=-bogus`, 'querystring.order'],
        [`${NOV}&by=day,month`, 'querystring.by'],
        ['from=2026-11-30&to=2026-11-01', 'querystring.to'],
        [`${NOV}&by=colour`, 'querystring.by.0'],
      ]) {
        const response = await t.app.inject({
          method: 'GET',
          url: `/api/analytics/sales?${query}`,
          headers: as.hq,
        });
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.details[0].path, query).toBe(path);
      }
    });
  });

  describe('targets', () => {
    const withTarget = 'measures=amount,target,achievement';
    it('measures accounts, stores, reps and regions against their own targets', async () => {
      const accounts = await ask(`${NOV}&by=account&${withTarget}`);
      expect(accounts.rows.map((row) => [row.accountName, row.target, row.achievement])).toEqual([
        ['沃尔玛', 5800, 0.5],
        ['家乐福', null, null],
      ]);
      expect(accounts.totals).toEqual({ amount: 5600, target: 5800, achievement: 5600 / 5800 });
      const stores = await ask(`${NOV}&by=store&${withTarget}`);
      expect(stores.rows.map((row) => [row.storeCode, row.target, row.achievement])).toEqual([
        ['S1', 5400, 0.5],
        ['S4', null, null],
        ['S3', null, null],
        ['S2', null, null],
      ]);
      const reps = await ask(`${NOV}&by=rep&${withTarget}`);
      expect(reps.rows.map((row) => [row.repName, row.target, row.achievement])).toEqual([
        ['Rep A', 5800, 0.5],
        ['Rep C', null, null],
        ['Rep B', null, null],
      ]);
      const regions = await ask(`${NOV}&by=region&${withTarget}`);
      expect(regions.rows.map((row) => [row.regionName, row.target, row.achievement])).toEqual([
        ['华南', 7600, 0.5],
        ['华东', null, null],
      ]);
    });

    it("compares the company's, a manager's and a rep's totals with their own target", async () => {
      expect((await ask(`${NOV}&${withTarget}`, 'admin')).totals).toEqual({
        amount: 5600,
        target: 10_000,
        achievement: 0.56,
      });
      expect((await ask(`${NOV}&${withTarget}`, 'managerSouth')).totals).toEqual({
        amount: 3800,
        target: 7600,
        achievement: 0.5,
      });
      expect((await ask(`${NOV}&${withTarget}`, 'repA')).totals).toEqual({
        amount: 2900,
        target: 5800,
        achievement: 0.5,
      });
      // Rep B has no target of their own; a chain's target is not a rep's.
      expect((await ask(`${NOV}&${withTarget}`, 'repB')).totals.target).toBeNull();
      expect((await ask(`${NOV}&by=account&${withTarget}`, 'repA')).totals.target).toBeNull();
    });

    it('counts part of a month by days, adds months up to quarters, and compares targets year on year', async () => {
      expect((await ask(`from=2026-11-01&to=2026-11-15&${withTarget}`)).totals.target).toBe(5000);
      const quarter = await ask(`from=2026-10-01&to=2026-12-31&by=quarter&${withTarget}`);
      expect(quarter.rows).toEqual([
        { period: '2026-Q4', periodStart: '2026-10-01', amount: 7000, target: 10_000, achievement: 0.7 },
      ]);
      const yoy = await ask(`${NOV}&by=month&compare=yoy&${withTarget}`);
      expect(yoy.rows[0].compare).toEqual({ amount: 3700, target: 7400, achievement: 0.5 });
    });

    it('has no target for SKU questions, day or week grains, or dimensions targets are not set by', async () => {
      for (const query of [
        `${NOV}&skuId=${id.k1}`,
        `${NOV}&by=sku`,
        `${NOV}&by=week`,
        `${NOV}&by=city`,
        `${NOV}&city=深圳`,
      ]) {
        const answer = await ask(`${query}&${withTarget}`);
        expect(answer.totals.target, query).toBeNull();
        expect(answer.totals.achievement, query).toBeNull();
      }
    });
  });

  describe('scope', () => {
    it("covers a rep's stores only, and answers nothing for a store outside them", async () => {
      const mine = await ask(`${NOV}&by=store`, 'repA');
      expect(mine.rows.map((row) => row.storeCode)).toEqual(['S1', 'S2']);
      expect(mine.totals.amount).toBe(2900);
      const other = await ask(`${NOV}&by=store&storeId=${id.s4}`, 'repA');
      expect(other.rows).toEqual([]);
      expect(other.totals).toEqual({ amount: 0, units: 0 });
      const skus = await ask(`${NOV}&by=sku,day`, 'repB');
      expect(skus.totals.amount).toBe(1100);
      expect((await ask(`${NOV}&by=region`, 'managerSouth')).rows.map((row) => row.regionName)).toEqual([
        '华南',
      ]);
    });
  });

  describe('export', () => {
    it('writes the rows of the same question to a sheet, amounts in yuan', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/analytics/sales/export.xlsx?${NOV}&by=store,month&measures=amount,units&compare=yoy`,
        headers: as.hq,
      });
      expect(response.statusCode).toBe(200);
      const sheet = await readSpreadsheet(response.rawPayload, 'sales.xlsx');
      expect(sheet.headers).toEqual([
        '门店编码',
        '门店',
        '月',
        '销售额(元)',
        '销量',
        '销售额(元) 同期',
        '销量 同期',
        '销售额 变化',
        '销量 变化',
      ]);
      expect(sheet.rows).toHaveLength(4);
      expect(sheet.rows[0].cells).toMatchObject({
        门店编码: 'S1',
        月: '2026-11',
        '销售额(元)': '27',
        销量: '19',
        '销售额(元) 同期': '4',
        '销量 同期': '4',
        '销售额 变化': String((2700 - 400) / 400),
      });
    });
  });
});
