import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SupplySettingsRow } from '../../../core/analytics/analytics.contract';
import type { SalesTarget, SellInRecord } from '../../../core/sales/sales.contract';
import { queryRows } from '../../db/sql-helpers';
import { makeAccount, makeOrgUnit, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';

type Headers = Record<string, string>;
type Who = 'hq' | 'finance' | 'erp' | 'managerSouth' | 'repA' | 'repB';
type List<T> = { items: T[]; total: number };

/**
 * Two chains: 沃尔玛 with stores W1 (rep A) and W2 (rep B), 家乐福 with store C1 (rep B), under South (W1, W2)
 * and East (C1). The ERP posts sell-in with finance's API token.
 */
describe('sales API: sell-in, targets, supply settings', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const id = {
    wmt: 0,
    crf: 0,
    w1: 0,
    w2: 0,
    c1: 0,
    k1: 0,
    k2: 0,
    south: 0,
    east: 0,
    repA: 0,
    repB: 0,
    manager: 0,
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const hqUnit = await makeOrgUnit(t.db, { kind: 'hq' });
    const south = await makeOrgUnit(t.db, { kind: 'region', name: '华南', parentId: hqUnit.id });
    const east = await makeOrgUnit(t.db, { kind: 'region', name: '华东', parentId: hqUnit.id });
    const hq = await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id });
    const finance = await makeUser(t.db, { role: 'finance', orgUnitId: hqUnit.id });
    const managerSouth = await makeUser(t.db, { role: 'manager', orgUnitId: south.id });
    const repA = await makeUser(t.db, { role: 'rep', orgUnitId: south.id, displayName: 'Rep A' });
    const repB = await makeUser(t.db, { role: 'rep', orgUnitId: east.id, displayName: 'Rep B' });
    const wmt = await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' });
    const crf = await makeAccount(t.db, { code: 'CRF', name: '家乐福' });
    Object.assign(id, {
      wmt: wmt.id,
      crf: crf.id,
      south: south.id,
      east: east.id,
      repA: repA.id,
      repB: repB.id,
      manager: managerSouth.id,
      w1: (
        await makeStore(t.db, {
          accountId: wmt.id,
          code: 'W1',
          name: '沃尔玛一店',
          orgUnitId: south.id,
          repIds: [repA.id],
        })
      ).id,
      w2: (
        await makeStore(t.db, {
          accountId: wmt.id,
          code: 'W2',
          name: '沃尔玛二店',
          orgUnitId: south.id,
          repIds: [repB.id],
        })
      ).id,
      c1: (
        await makeStore(t.db, {
          accountId: crf.id,
          code: 'C1',
          name: '家乐福一店',
          orgUnitId: east.id,
          repIds: [repB.id],
        })
      ).id,
      k1: (await makeSku(t.db, { code: 'K1', name: '牛奶糖' })).id,
      k2: (await makeSku(t.db, { code: 'K2', name: '饼干' })).id,
    });
    for (const [who, user] of Object.entries({ hq, finance, managerSouth, repA, repB })) {
      as[who as Who] = await sessionHeaders(t.app, user.username);
    }
    as.erp = await tokenHeaders(t.database, finance.actor);
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, who: Who, payload?: object) =>
    t.app.inject({ method, url, headers: as[who], ...(payload ? { payload } : {}) });
  const get = async <T>(url: string, who: Who): Promise<T> => {
    const response = await call('GET', url, who);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  describe('sell-in', () => {
    const line = (overrides: object = {}) => ({
      accountId: id.wmt,
      storeId: id.w1,
      skuId: id.k1,
      date: '2026-11-02',
      invoiceNo: 'INV-1',
      units: 24,
      priceFen: 350,
      amountFen: 8400,
      ...overrides,
    });

    it('takes lines from an ERP token and updates the same lines when they come again', async () => {
      const lines = [
        line(),
        line({ skuId: id.k2, units: 12, amountFen: 3000, priceFen: 250 }),
        line({ storeId: null, invoiceNo: 'HQ-1', units: 100, amountFen: 30_000 }), // to the chain's DC
      ];
      const first = await call('POST', '/api/sell-in', 'erp', { lines });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ received: 3, inserted: 3, updated: 0 });

      const again = await call('POST', '/api/sell-in', 'erp', {
        lines: [
          line({ units: 30, amountFen: 10_500 }),
          line({ storeId: null, invoiceNo: 'HQ-1', units: 90, amountFen: 27_000 }),
        ],
      });
      expect(again.json()).toEqual({ received: 2, inserted: 0, updated: 2 });
      const rows = await queryRows<{ invoice: string; sku: number; units: number }>(
        t.db,
        sql`select invoice_no as invoice, sku_id as sku, units from sell_in where account_id = ${id.wmt} order by invoice_no, sku_id`,
      );
      expect(rows).toEqual([
        { invoice: 'HQ-1', sku: id.k1, units: 90 },
        { invoice: 'INV-1', sku: id.k1, units: 30 },
        { invoice: 'INV-1', sku: id.k2, units: 12 },
      ]);
    });

    it('rejects every line when one is wrong, saying which and why', async () => {
      const response = await call('POST', '/api/sell-in', 'erp', {
        lines: [
          line({ invoiceNo: 'BAD-1' }),
          line({ invoiceNo: 'BAD-2', skuId: 999_999 }),
          line({ invoiceNo: 'BAD-3', storeId: id.c1 }),
          line({ invoiceNo: 'BAD-1' }),
          line({ invoiceNo: 'BAD-4', units: -1 }),
        ],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details).toEqual([
        { path: 'body.lines.4.units', message: expect.any(String) },
      ]);
      const checked = await call('POST', '/api/sell-in', 'erp', {
        lines: [
          line({ invoiceNo: 'BAD-1' }),
          line({ invoiceNo: 'BAD-2', skuId: 999_999 }),
          line({ invoiceNo: 'BAD-3', storeId: id.c1 }),
          line({ invoiceNo: 'BAD-1' }),
        ],
      });
      expect(checked.statusCode).toBe(400);
      expect(checked.json().error.details).toEqual([
        { path: 'body.lines.3', message: 'the same invoice line as line 0' },
        { path: 'body.lines.1.skuId', message: 'SKU 999999 does not exist' },
        { path: 'body.lines.2.storeId', message: `store ${id.c1} is not a store of account ${id.wmt}` },
      ]);
      const [{ count }] = await queryRows<{ count: number }>(
        t.db,
        sql`select count(*)::int as count from sell_in where invoice_no like 'BAD-%'`,
      );
      expect(count).toBe(0);
    });

    it('lets only finance, HQ and admins post', async () => {
      for (const who of ['repA', 'managerSouth'] as const) {
        expect((await call('POST', '/api/sell-in', who, { lines: [line()] })).statusCode).toBe(403);
      }
      expect((await call('POST', '/api/sell-in', 'hq', { lines: [line()] })).statusCode).toBe(200);
    });

    it('shows store lines with the store and account lines with the account, filtered and paged', async () => {
      await call('POST', '/api/sell-in', 'erp', {
        lines: [
          line({ storeId: id.w2, invoiceNo: 'INV-2', date: '2026-11-05' }),
          line({ accountId: id.crf, storeId: id.c1, invoiceNo: 'C-1', date: '2026-11-06' }),
          line({ accountId: id.crf, storeId: null, invoiceNo: 'C-HQ', date: '2026-11-07' }),
        ],
      });
      const invoices = (list: List<SellInRecord>) =>
        list.items.map((item) => `${item.invoiceNo}/${item.skuCode}`);
      const all = await get<List<SellInRecord>>('/api/sell-in?limit=100', 'hq');
      expect(all.total).toBe(6);
      expect(all.items[0]).toMatchObject({
        invoiceNo: 'C-HQ',
        date: '2026-11-07',
        accountName: '家乐福',
        storeId: null,
        storeName: null,
      });
      // Rep A: store W1 and Walmart's account lines; not W2 (rep B's), not Carrefour.
      expect(invoices(await get<List<SellInRecord>>('/api/sell-in?sort=invoiceNo', 'repA'))).toEqual([
        'HQ-1/K1',
        'INV-1/K2', // the same invoice: newest line first
        'INV-1/K1',
      ]);
      expect(invoices(await get<List<SellInRecord>>('/api/sell-in?sort=invoiceNo', 'repB'))).toEqual([
        'C-1/K1',
        'C-HQ/K1',
        'HQ-1/K1',
        'INV-2/K1',
      ]);
      const filtered = await get<List<SellInRecord>>(
        `/api/sell-in?accountId=${id.wmt}&from=2026-11-03&to=2026-11-30&skuId=${id.k1}`,
        'hq',
      );
      expect(invoices(filtered)).toEqual(['INV-2/K1']);
      expect(invoices(await get<List<SellInRecord>>('/api/sell-in?q=饼干', 'hq'))).toEqual(['INV-1/K2']);
      const paged = await get<List<SellInRecord>>('/api/sell-in?limit=2&offset=2', 'hq');
      expect([paged.total, paged.items.length]).toEqual([6, 2]);
      expect(paged.items[0]).toMatchObject({ amountFen: expect.any(Number), priceFen: expect.any(Number) });
    });
  });

  describe('targets', () => {
    const save = (payload: object, who: Who = 'hq') => call('POST', '/api/targets', who, payload);

    it('sets one target per scope, id and month, replacing it when set again', async () => {
      const payloads = [
        { month: '2026-11', scope: 'company', amountFen: 1_000_000 },
        { month: '2026-11', scope: 'account', accountId: id.wmt, amountFen: 500_000 },
        { month: '2026-11', scope: 'account', accountId: id.crf, amountFen: 400_000 },
        { month: '2026-11', scope: 'store', storeId: id.w1, amountFen: 200_000, units: 800 },
        { month: '2026-11', scope: 'store', storeId: id.c1, amountFen: 150_000 },
        { month: '2026-11', scope: 'rep', userId: id.repA, amountFen: 250_000 },
        { month: '2026-11', scope: 'rep', userId: id.repB, amountFen: 260_000 },
        { month: '2026-11', scope: 'org_unit', orgUnitId: id.south, amountFen: 700_000 },
        { month: '2026-11', scope: 'org_unit', orgUnitId: id.east, amountFen: 300_000 },
      ];
      for (const payload of payloads) expect((await save(payload)).statusCode).toBe(200);
      const first = (
        await save({ month: '2026-12-01', scope: 'store', storeId: id.w1, amountFen: 1 })
      ).json<SalesTarget>();
      const second = await save({ month: '2026-12', scope: 'store', storeId: id.w1, amountFen: 210_000 });
      expect(second.json()).toEqual({
        id: first.id,
        month: '2026-12-01',
        scope: 'store',
        accountId: null,
        storeId: id.w1,
        userId: null,
        orgUnitId: null,
        label: '沃尔玛一店',
        amountFen: 210_000,
        units: null,
      });
    });

    it('checks that the scope names exactly its own id, and an id that exists', async () => {
      const paths = async (payload: object) => {
        const response = await save(payload);
        expect(response.statusCode).toBe(400);
        return response.json().error.details.map((detail: { path: string }) => detail.path);
      };
      expect(await paths({ month: '2026-11', scope: 'account', amountFen: 1 })).toEqual(['body.accountId']);
      expect(
        await paths({ month: '2026-11', scope: 'store', storeId: id.w1, accountId: id.wmt, amountFen: 1 }),
      ).toEqual(['body.accountId']);
      expect(await paths({ month: '2026-13', scope: 'company', amountFen: 1 })).toEqual(['body.month']);
      expect(await paths({ month: '2026-11', scope: 'rep', userId: id.manager, amountFen: 1 })).toEqual([
        'body.userId',
      ]);
      expect(await paths({ month: '2026-11', scope: 'store', storeId: 999_999, amountFen: 1 })).toEqual([
        'body.storeId',
      ]);
      expect(
        (await save({ month: '2026-11', scope: 'company', amountFen: 1 }, 'managerSouth')).statusCode,
      ).toBe(403);
    });

    it("shows a rep the company's, their accounts', their stores' and their own targets", async () => {
      const labels = (list: List<SalesTarget>) => list.items.map((item) => `${item.scope}:${item.label}`);
      const query = '/api/targets?from=2026-11-01&to=2026-11-30&sort=scope';
      const repA = await get<List<SalesTarget>>(query, 'repA');
      expect(labels(repA)).toEqual(['company:—', 'account:沃尔玛', 'store:沃尔玛一店', 'rep:Rep A']);
      const manager = await get<List<SalesTarget>>(query, 'managerSouth');
      expect(labels(manager)).toEqual([
        'company:—',
        'account:沃尔玛',
        'store:沃尔玛一店',
        'rep:Rep A',
        'org_unit:华南',
      ]);
      expect((await get<List<SalesTarget>>(query, 'hq')).total).toBe(9);
      const crf = await get<List<SalesTarget>>(`${query}&accountId=${id.crf}`, 'hq');
      expect(labels(crf)).toEqual(['account:家乐福', 'store:家乐福一店']);
      expect((await get<List<SalesTarget>>('/api/targets?from=2026-12-01', 'hq')).total).toBe(1);
    });

    it('deletes a target; others may not', async () => {
      const target = (await save({ month: '2027-01', scope: 'company', amountFen: 5 })).json<SalesTarget>();
      expect((await call('DELETE', `/api/targets/${target.id}`, 'repA')).statusCode).toBe(403);
      expect((await call('DELETE', `/api/targets/${target.id}`, 'hq')).statusCode).toBe(204);
      expect((await call('DELETE', `/api/targets/${target.id}`, 'hq')).statusCode).toBe(404);
    });
  });

  describe('supply settings', () => {
    it('lists the defaults until an account has its own, and saves them', async () => {
      const before = await get<List<SupplySettingsRow>>(`/api/supply-settings?accountId=${id.wmt}`, 'repA');
      expect(before.items).toEqual([
        {
          accountId: id.wmt,
          accountCode: 'WMT',
          accountName: '沃尔玛',
          leadTimeDays: 3,
          reviewPeriodDays: 7,
          safetyDays: 3,
          averageWindowDays: 28,
          isDefault: true,
        },
      ]);
      const settings = { leadTimeDays: 2, reviewPeriodDays: 5, safetyDays: 4, averageWindowDays: 14 };
      const saved = await call('PUT', `/api/supply-settings/${id.wmt}`, 'hq', settings);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ ...settings, accountId: id.wmt, isDefault: false });
      const after = await get<List<SupplySettingsRow>>('/api/supply-settings', 'repA');
      expect(after.items.map((row) => [row.accountCode, row.leadTimeDays, row.isDefault])).toEqual([
        ['WMT', 2, false],
      ]);
    });

    it('checks the days and who may change them', async () => {
      const settings = { leadTimeDays: -1, reviewPeriodDays: 5, safetyDays: 4, averageWindowDays: 14 };
      const bad = await call('PUT', `/api/supply-settings/${id.crf}`, 'hq', settings);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].path).toBe('body.leadTimeDays');
      const fine = { ...settings, leadTimeDays: 1 };
      expect((await call('PUT', `/api/supply-settings/${id.crf}`, 'repB', fine)).statusCode).toBe(403);
      expect((await call('PUT', '/api/supply-settings/999999', 'hq', fine)).statusCode).toBe(404);
    });
  });
});
