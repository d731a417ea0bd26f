import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { checkDigit } from '../../../core/catalog/barcode';
import type { ItemCode, Listing, Sku } from '../../../core/catalog/catalog.contract';
import type { ErrorResponse } from '../../../core/common/errors';
import { addDays, businessToday } from '../../../core/common/time';
import { makeAccount, makeOrgUnit, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';
import { refreshSalesRollups } from '../analytics/rollups.service';
import { listAuditEvents } from '../audit/audit.service';
import { resolveSkuCodes } from './catalog.service';

type Headers = Record<string, string>;
type Who = 'admin' | 'hq' | 'finance' | 'managerSouth' | 'managerEast' | 'repSz' | 'promoter';

/** A valid EAN-13 from its first twelve digits. */
const ean = (body: string) => `${body}${checkDigit(body)}`;

/**
 * Fixture: HQ → South (Shenzhen, Guangzhou) and East (Shanghai); Walmart stores in Shenzhen (one with a rep) and
 * Guangzhou, a Carrefour store in Shanghai; one user per role. Tests make their own SKUs, with their own codes.
 */
describe('catalog API: SKUs, item codes, listings', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const store = { wmtSz: 0, wmtGz: 0, crfSh: 0 };
  let wmt: number;
  let crf: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const hqUnit = await makeOrgUnit(t.db, { kind: 'hq' });
    const south = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const gz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const east = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sh = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });
    const users = {
      admin: await makeUser(t.db, { role: 'admin' }),
      hq: await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id }),
      finance: await makeUser(t.db, { role: 'finance', orgUnitId: hqUnit.id }),
      managerSouth: await makeUser(t.db, { role: 'manager', orgUnitId: south.id }),
      managerEast: await makeUser(t.db, { role: 'manager', orgUnitId: east.id }),
      repSz: await makeUser(t.db, { role: 'rep', orgUnitId: sz.id }),
      promoter: await makeUser(t.db, { role: 'promoter', orgUnitId: sz.id }),
    };
    wmt = (await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' })).id;
    crf = (await makeAccount(t.db, { code: 'CRF', name: '家乐福' })).id;
    store.wmtSz = (
      await makeStore(t.db, {
        accountId: wmt,
        code: 'SZ001',
        orgUnitId: sz.id,
        repIds: [users.repSz.id, users.promoter.id],
      })
    ).id;
    store.wmtGz = (
      await makeStore(t.db, { accountId: wmt, code: 'GZ001', city: '广州', orgUnitId: gz.id })
    ).id;
    store.crfSh = (
      await makeStore(t.db, {
        accountId: crf,
        code: 'SH001',
        province: '上海',
        city: '上海',
        orgUnitId: sh.id,
      })
    ).id;
    for (const [who, user] of Object.entries(users))
      as[who as Who] = await sessionHeaders(t.app, user.username);
  });
  afterAll(() => t.close());

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Headers,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const newSku = (overrides: object = {}) => ({
    code: `N${Math.random().toString(36).slice(2, 8)}`,
    name: '脆脆饼干 原味 120g',
    brand: '脆脆',
    category: '饼干',
    ...overrides,
  });

  describe('SKUs', () => {
    it('creates a SKU with prices in fen and every field, for a script with a token as for a session', async () => {
      const hqUser = await makeUser(t.db, { role: 'hq_ops' });
      const token = await tokenHeaders(t.database, hqUser.actor);
      const barcode = ean('690102807583');
      const response = await send('POST', '/api/skus', token, {
        code: 'BX-120-ORG',
        barcode,
        name: '脆脆饼干 原味 120g',
        brand: '脆脆',
        category: '饼干',
        flavour: '原味',
        packSize: '120g',
        unit: '袋',
        casePack: 24,
        listPriceFen: 680,
        floorPriceFen: 890,
        retailPriceFen: 990,
        standardCostFen: 420,
        shelfLifeDays: 270,
        launchedOn: '2026-03-01',
      });
      expect(response.statusCode, response.body).toBe(201);
      const sku = response.json<Sku>();
      expect(sku).toMatchObject({
        code: 'BX-120-ORG',
        barcode,
        isOwn: true,
        competitorCompany: null,
        status: 'active',
        casePack: 24,
        listPriceFen: 680,
        floorPriceFen: 890,
        launchedOn: '2026-03-01',
      });
      const byBarcode = await send('GET', `/api/skus?barcode=${barcode}`, token);
      expect(byBarcode.json()).toMatchObject({ total: 1, items: [{ id: sku.id }] });
      const events = await listAuditEvents(t.db, { entity: ['sku'], entityId: sku.id, limit: 10, offset: 0 });
      expect(events.items).toMatchObject([
        { action: 'create', actorId: hqUser.id, after: { code: 'BX-120-ORG' } },
      ]);
    });

    it('rejects a barcode with a wrong check digit, saying which digit was expected', async () => {
      const body = '690102807583';
      const wrong = `${body}${(checkDigit(body) + 1) % 10}`;
      const response = await send('POST', '/api/skus', as.hq, newSku({ barcode: wrong }));
      expect(response.statusCode).toBe(400);
      const error = response.json<ErrorResponse>().error;
      expect(error.code).toBe('validation_failed');
      expect(error.details).toEqual([
        {
          path: 'body.barcode',
          message: `wrong check digit: expected ${checkDigit(body)}, found ${(checkDigit(body) + 1) % 10}`,
        },
      ]);
      const short = await send('POST', '/api/skus', as.hq, newSku({ barcode: '12345' }));
      expect(short.json<ErrorResponse>().error.details).toEqual([
        { path: 'body.barcode', message: 'a barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits' },
      ]);
      // EAN-8 and UPC-A are barcodes too.
      expect((await send('POST', '/api/skus', as.hq, newSku({ barcode: '96385074' }))).statusCode).toBe(201);
      expect((await send('POST', '/api/skus', as.hq, newSku({ barcode: '036000291452' }))).statusCode).toBe(
        201,
      );
    });

    it('needs a competitor’s company, on create and on update; an own SKU drops it', async () => {
      const missing = await send('POST', '/api/skus', as.hq, newSku({ isOwn: false }));
      expect(missing.statusCode).toBe(400);
      expect(missing.json<ErrorResponse>().error.details).toEqual([
        { path: 'body.competitorCompany', message: 'a competitor SKU needs its company' },
      ]);
      const own = (await send('POST', '/api/skus', as.hq, newSku())).json<Sku>();
      const toCompetitor = await send('PATCH', `/api/skus/${own.id}`, as.hq, { isOwn: false });
      expect(toCompetitor.statusCode).toBe(400);
      expect(toCompetitor.json<ErrorResponse>().error.details).toEqual([
        { path: 'body.competitorCompany', message: 'a competitor SKU needs its company' },
      ]);
      const competitor = await send('PATCH', `/api/skus/${own.id}`, as.hq, {
        isOwn: false,
        competitorCompany: '乐事',
      });
      expect(competitor.json()).toMatchObject({ isOwn: false, competitorCompany: '乐事' });
      const backToOwn = await send('PATCH', `/api/skus/${own.id}`, as.hq, { isOwn: true });
      expect(backToOwn.json()).toMatchObject({ isOwn: true, competitorCompany: null });
    });

    it('keeps codes and barcodes unique: 409 on create and on update', async () => {
      const barcode = ean('690000000001');
      const first = (await send('POST', '/api/skus', as.hq, newSku({ code: 'UNIQ-1', barcode }))).json<Sku>();
      const sameCode = await send('POST', '/api/skus', as.hq, newSku({ code: 'UNIQ-1' }));
      expect(sameCode.statusCode).toBe(409);
      expect(sameCode.json()).toEqual({
        error: {
          code: 'conflict',
          message: 'A SKU with code UNIQ-1 already exists',
          details: { field: 'code' },
        },
      });
      const sameBarcode = await send('POST', '/api/skus', as.hq, newSku({ code: 'UNIQ-2', barcode }));
      expect(sameBarcode.statusCode).toBe(409);
      expect(sameBarcode.json()).toMatchObject({
        error: { code: 'conflict', message: `The barcode ${barcode} already belongs to SKU UNIQ-1` },
      });
      const second = (await send('POST', '/api/skus', as.hq, newSku({ code: 'UNIQ-2' }))).json<Sku>();
      expect((await send('PATCH', `/api/skus/${second.id}`, as.hq, { barcode })).statusCode).toBe(409);
      expect((await send('PATCH', `/api/skus/${second.id}`, as.hq, { code: 'UNIQ-1' })).statusCode).toBe(409);
      // Saving a SKU with its own code and barcode is not a clash.
      const same = await send('PATCH', `/api/skus/${first.id}`, as.hq, {
        code: 'UNIQ-1',
        barcode,
        name: '新名',
      });
      expect(same.statusCode).toBe(200);
    });

    it('lists with search, filters, sort and paging', async () => {
      const brand = `品牌${Date.now()}`;
      await makeSku(t.db, {
        code: 'LST-A',
        brand,
        name: '甲 饼干',
        category: 'L饼干',
        barcode: ean('690000000101'),
      });
      await makeSku(t.db, {
        code: 'LST-B',
        brand,
        name: '乙 糖果',
        category: 'L糖果',
        status: 'discontinued',
      });
      await makeSku(t.db, {
        code: 'LST-C',
        brand,
        name: '丙 竞品',
        category: 'L饼干',
        isOwn: false,
        competitorCompany: '对手',
        listPriceFen: 100,
      });
      const codes = async (query: string) => {
        const response = await send('GET', `/api/skus?brand=${encodeURIComponent(brand)}&${query}`, as.repSz);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json<{ items: Sku[]; total: number }>();
        return { codes: body.items.map((sku) => sku.code), total: body.total };
      };
      expect(await codes('')).toEqual({ codes: ['LST-A', 'LST-B', 'LST-C'], total: 3 });
      expect((await codes(`q=${encodeURIComponent('糖果')}`)).codes).toEqual(['LST-B']);
      expect((await codes('q=0000000101')).codes).toEqual(['LST-A']);
      expect((await codes(`barcode=${ean('690000000101')}`)).codes).toEqual(['LST-A']);
      expect((await codes(`category=${encodeURIComponent('L饼干')}`)).codes).toEqual(['LST-A', 'LST-C']);
      expect((await codes('isOwn=false')).codes).toEqual(['LST-C']);
      expect((await codes('status=active')).codes).toEqual(['LST-A', 'LST-C']);
      expect((await codes('sort=-code')).codes).toEqual(['LST-C', 'LST-B', 'LST-A']);
      expect(await codes('limit=1&offset=1')).toEqual({ codes: ['LST-B'], total: 3 });
    });

    it('is read by every role (company master data) and written only by HQ roles', async () => {
      const sku = await makeSku(t.db);
      for (const who of ['repSz', 'promoter', 'finance', 'managerEast'] as const) {
        expect((await send('GET', `/api/skus/${sku.id}`, as[who])).statusCode, who).toBe(200);
      }
      for (const who of ['managerSouth', 'repSz', 'finance'] as const) {
        expect((await send('POST', '/api/skus', as[who], newSku())).statusCode, who).toBe(403);
        expect((await send('PATCH', `/api/skus/${sku.id}`, as[who], { name: 'x' })).statusCode, who).toBe(
          403,
        );
      }
      expect((await send('GET', '/api/skus/999999', as.hq)).statusCode).toBe(404);
    });

    it('records an update with only the changed fields, and a delete', async () => {
      const sku = await makeSku(t.db, { listPriceFen: 500 });
      const changed = await send('PATCH', `/api/skus/${sku.id}`, as.admin, { listPriceFen: 550 });
      expect(changed.json()).toMatchObject({ listPriceFen: 550 });
      expect((await send('DELETE', `/api/skus/${sku.id}`, as.admin)).statusCode).toBe(204);
      expect((await send('GET', `/api/skus/${sku.id}`, as.admin)).statusCode).toBe(404);
      const events = await listAuditEvents(t.db, { entity: ['sku'], entityId: sku.id, limit: 10, offset: 0 });
      expect(events.items.map((event) => event.action).sort()).toEqual(['create', 'delete', 'update']);
      expect(events.items.find((event) => event.action === 'update')).toMatchObject({
        before: { listPriceFen: 500 },
        after: { listPriceFen: 550 },
      });
    });

    it('refuses to delete a SKU with sell-out, stock, sell-in or listings (409), and deletes its item codes with it', async () => {
      const withSales = await makeSku(t.db);
      await t.db.execute(sql`insert into sell_out (store_id, date, sku_id, units, amount_fen)
        values (${store.wmtSz}, '2026-02-03', ${withSales.id}, 3, 3000)`);
      await refreshSalesRollups(t.db, { storeIds: [store.wmtSz], from: '2026-02-03', to: '2026-02-03' });
      const withStock = await makeSku(t.db);
      await t.db.execute(sql`insert into inventory (store_id, date, sku_id, on_hand)
        values (${store.wmtSz}, '2026-02-03', ${withStock.id}, 12)`);
      const withSellIn = await makeSku(t.db);
      await t.db.execute(sql`insert into sell_in (account_id, sku_id, date, invoice_no, units, amount_fen)
        values (${wmt}, ${withSellIn.id}, '2026-02-03', 'INV-1', 10, 6800)`);
      const listed = await makeSku(t.db);
      await send('POST', '/api/listings', as.hq, {
        storeId: store.wmtSz,
        skuId: listed.id,
        listedOn: '2026-01-01',
      });

      const cases: [Sku, string][] = [
        [withSales, 'sellOut'],
        [withStock, 'inventory'],
        [withSellIn, 'sellIn'],
        [listed, 'listings'],
      ];
      for (const [sku, reference] of cases) {
        const response = await send('DELETE', `/api/skus/${sku.id}`, as.hq);
        expect(response.statusCode, reference).toBe(409);
        expect(response.json(), reference).toMatchObject({
          error: { code: 'conflict', details: { references: [reference] } },
        });
      }
      const mapped = await makeSku(t.db);
      await send('POST', '/api/item-codes', as.hq, { accountId: wmt, itemCode: 'GONE-1', skuId: mapped.id });
      expect((await send('DELETE', `/api/skus/${mapped.id}`, as.hq)).statusCode).toBe(204);
      expect((await send('GET', `/api/item-codes?skuId=${mapped.id}`, as.hq)).json()).toMatchObject({
        total: 0,
      });
    });
  });

  describe('account item codes', () => {
    it('maps an account’s code to a SKU, remaps it, lists it in scope and deletes it', async () => {
      const first = await makeSku(t.db, { code: 'IC-1', barcode: ean('690000000202') });
      const second = await makeSku(t.db, { code: 'IC-2' });
      const created = await send('POST', '/api/item-codes', as.hq, {
        accountId: crf,
        itemCode: '100234',
        skuId: first.id,
      });
      expect(created.statusCode, created.body).toBe(200);
      expect(created.json()).toEqual({
        accountId: crf,
        accountCode: 'CRF',
        itemCode: '100234',
        skuId: first.id,
        skuCode: 'IC-1',
        skuName: first.name,
      } satisfies ItemCode);
      const remapped = await send('POST', '/api/item-codes', as.hq, {
        accountId: crf,
        itemCode: '100234',
        skuId: second.id,
      });
      expect(remapped.json()).toMatchObject({ skuId: second.id, skuCode: 'IC-2' });
      await send('POST', '/api/item-codes', as.hq, { accountId: wmt, itemCode: 'W-IC-1', skuId: first.id });

      const listOf = async (headers: Headers, query = '') =>
        (await send('GET', `/api/item-codes?skuId=${first.id},${second.id}${query}`, headers)).json<{
          items: ItemCode[];
          total: number;
        }>();
      expect((await listOf(as.hq)).items.map((code) => `${code.accountCode}/${code.itemCode}`)).toEqual([
        'CRF/100234',
        'WMT/W-IC-1',
      ]);
      expect((await listOf(as.hq, `&accountId=${wmt}`)).total).toBe(1);
      // A Shenzhen rep reads Walmart's codes (their store's account), not Carrefour's.
      expect((await listOf(as.repSz)).items.map((code) => code.accountCode)).toEqual(['WMT']);
      expect((await listOf(as.managerEast)).items.map((code) => code.accountCode)).toEqual(['CRF']);

      const codes = await resolveSkuCodes(t.db, crf);
      expect(codes.byItemCode.get('100234')).toBe(second.id);
      expect(codes.byItemCode.has('W-IC-1')).toBe(false);
      expect(codes.byBarcode.get(ean('690000000202'))).toBe(first.id);
      expect(codes.byCode.get('IC-2')).toBe(second.id);

      expect((await send('DELETE', `/api/item-codes/${crf}/100234`, as.managerEast)).statusCode).toBe(403);
      expect((await send('DELETE', `/api/item-codes/${crf}/100234`, as.hq)).statusCode).toBe(204);
      expect((await send('DELETE', `/api/item-codes/${crf}/100234`, as.hq)).statusCode).toBe(404);
    });

    it('refuses an unknown SKU (400) or account (404), and non-HQ roles (403)', async () => {
      const unknownSku = await send('POST', '/api/item-codes', as.hq, {
        accountId: wmt,
        itemCode: 'X',
        skuId: 999999,
      });
      expect(unknownSku.statusCode).toBe(400);
      expect(unknownSku.json<ErrorResponse>().error.details).toEqual([
        { path: 'body.skuId', message: 'unknown SKU' },
      ]);
      const sku = await makeSku(t.db);
      const unknownAccount = await send('POST', '/api/item-codes', as.hq, {
        accountId: 999999,
        itemCode: 'X',
        skuId: sku.id,
      });
      expect(unknownAccount.statusCode).toBe(404);
      const manager = await send('POST', '/api/item-codes', as.managerSouth, {
        accountId: wmt,
        itemCode: 'X',
        skuId: sku.id,
      });
      expect(manager.statusCode).toBe(403);
    });
  });

  describe('listings', () => {
    const today = businessToday();
    const listingsOf = async (skuId: number, headers: Headers = as.hq, query = '') => {
      const response = await send('GET', `/api/listings?skuId=${skuId}${query}`, headers);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: Listing[]; total: number }>();
    };
    const keys = (body: { items: Listing[] }) => body.items.map((item) => item.storeCode);

    it('lists, delists and relists a SKU in a store; the list shows what is active on a day', async () => {
      const sku = await makeSku(t.db, { code: 'LIST-1' });
      const listed = await send('POST', '/api/listings', as.hq, {
        storeId: store.wmtSz,
        skuId: sku.id,
        listedOn: '2026-01-10',
      });
      expect(listed.statusCode, listed.body).toBe(200);
      expect(listed.json()).toEqual({
        storeId: store.wmtSz,
        storeCode: 'SZ001',
        storeName: expect.any(String),
        accountId: wmt,
        accountName: '沃尔玛',
        skuId: sku.id,
        skuCode: 'LIST-1',
        skuName: sku.name,
        listedOn: '2026-01-10',
        delistedOn: null,
      } satisfies Listing);
      await send('POST', '/api/listings', as.hq, {
        storeId: store.crfSh,
        skuId: sku.id,
        listedOn: '2026-02-01',
      });

      expect(keys(await listingsOf(sku.id, as.hq, '&activeOn=2026-01-09'))).toEqual([]);
      expect(keys(await listingsOf(sku.id, as.hq, '&activeOn=2026-01-10'))).toEqual(['SZ001']);
      expect(keys(await listingsOf(sku.id, as.hq, '&activeOn=2026-02-01'))).toEqual(['SH001', 'SZ001']);
      if (today >= '2026-02-01') expect((await listingsOf(sku.id)).total).toBe(2);

      // Delisted from 1 March: carried on the 28th of February, not on the 1st of March.
      await send('POST', '/api/listings', as.hq, {
        storeId: store.wmtSz,
        skuId: sku.id,
        listedOn: '2026-01-10',
        delistedOn: '2026-03-01',
      });
      expect(keys(await listingsOf(sku.id, as.hq, '&activeOn=2026-02-28'))).toEqual(['SH001', 'SZ001']);
      expect(keys(await listingsOf(sku.id, as.hq, '&activeOn=2026-03-01'))).toEqual(['SH001']);
      expect((await listingsOf(sku.id, as.hq, '&includeDelisted=true')).items).toMatchObject([
        { storeCode: 'SH001', delistedOn: null },
        { storeCode: 'SZ001', delistedOn: '2026-03-01' },
      ]);
      // Relisting moves the dates of the one store × SKU record.
      const relisted = await send('POST', '/api/listings', as.hq, {
        storeId: store.wmtSz,
        skuId: sku.id,
        listedOn: '2026-05-01',
        delistedOn: null,
      });
      expect(relisted.json()).toMatchObject({ listedOn: '2026-05-01', delistedOn: null });
      expect((await listingsOf(sku.id, as.hq, '&includeDelisted=true')).total).toBe(2);
      expect(keys(await listingsOf(sku.id, as.hq, `&activeOn=2026-05-01&accountId=${wmt}`))).toEqual([
        'SZ001',
      ]);
      expect(keys(await listingsOf(sku.id, as.hq, `&activeOn=2026-05-01&storeId=${store.crfSh}`))).toEqual([
        'SH001',
      ]);
    });

    it('refuses a delisting on or before the listing date', async () => {
      const sku = await makeSku(t.db);
      for (const delistedOn of ['2026-01-10', '2026-01-09']) {
        const response = await send('POST', '/api/listings', as.hq, {
          storeId: store.wmtSz,
          skuId: sku.id,
          listedOn: '2026-01-10',
          delistedOn,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json<ErrorResponse>().error.details).toMatchObject([
          { path: 'body.delistedOn', message: 'the delisting date must be after the listing date' },
        ]);
      }
    });

    it('shows a rep only the listings of their stores, and a manager only their region’s', async () => {
      const sku = await makeSku(t.db);
      for (const storeId of [store.wmtSz, store.wmtGz, store.crfSh])
        await send('POST', '/api/listings', as.hq, { storeId, skuId: sku.id, listedOn: addDays(today, -5) });
      expect(keys(await listingsOf(sku.id, as.hq))).toEqual(['GZ001', 'SH001', 'SZ001']);
      expect(keys(await listingsOf(sku.id, as.repSz))).toEqual(['SZ001']);
      expect(keys(await listingsOf(sku.id, as.promoter))).toEqual(['SZ001']);
      expect(keys(await listingsOf(sku.id, as.managerSouth))).toEqual(['GZ001', 'SZ001']);
      expect(keys(await listingsOf(sku.id, as.managerEast))).toEqual(['SH001']);
      // Filtering by a store outside the scope finds nothing, rather than the store's listings.
      expect((await listingsOf(sku.id, as.repSz, `&storeId=${store.crfSh}`)).total).toBe(0);
    });

    it('lets a manager list SKUs in their own stores only: 404 elsewhere, nothing written; reps may not', async () => {
      const sku = await makeSku(t.db);
      const own = await send('POST', '/api/listings', as.managerSouth, {
        storeId: store.wmtGz,
        skuId: sku.id,
        listedOn: '2026-01-01',
      });
      expect(own.statusCode, own.body).toBe(200);
      const elsewhere = await send('POST', '/api/listings', as.managerSouth, {
        storeId: store.crfSh,
        skuId: sku.id,
        listedOn: '2026-01-01',
      });
      expect(elsewhere.statusCode).toBe(404);
      expect(elsewhere.json()).toEqual({ error: { code: 'not_found', message: 'Store not found' } });
      const rep = await send('POST', '/api/listings', as.repSz, {
        storeId: store.wmtSz,
        skuId: sku.id,
        listedOn: '2026-01-01',
      });
      expect(rep.statusCode).toBe(403);
      expect(keys(await listingsOf(sku.id, as.hq, '&includeDelisted=true'))).toEqual(['GZ001']);

      const unknownSku = await send('POST', '/api/listings', as.hq, {
        storeId: store.wmtSz,
        skuId: 999999,
        listedOn: '2026-01-01',
      });
      expect(unknownSku.statusCode).toBe(400);

      expect(
        (await send('DELETE', `/api/listings/${store.wmtGz}/${sku.id}`, as.managerEast)).statusCode,
      ).toBe(404);
      expect(
        (await send('DELETE', `/api/listings/${store.wmtGz}/${sku.id}`, as.managerSouth)).statusCode,
      ).toBe(204);
      expect(
        (await send('DELETE', `/api/listings/${store.wmtGz}/${sku.id}`, as.managerSouth)).statusCode,
      ).toBe(404);
      expect((await listingsOf(sku.id, as.hq, '&includeDelisted=true')).total).toBe(0);
    });
  });
});
