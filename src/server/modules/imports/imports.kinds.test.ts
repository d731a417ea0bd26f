import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql-helpers';
import { makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import {
  csvOf,
  importUpload,
  makeImportWorld,
  runImport,
  SELL_OUT_HEADER,
  type ImportWorld,
} from './imports.testing';

type Headers = Record<string, string>;

/** Inventory, sell-in, targets and master-data sheets as jobs; scope; profiles; preview; who sees which job. */
describe('import kinds, scope and profiles', () => {
  let t: TestContext;
  let w: ImportWorld;
  let admin: Headers;
  let manager: Headers;
  let rep: { id: number; username: string };

  beforeAll(async () => {
    t = await buildTestApp();
    w = await makeImportWorld(t.db);
    admin = await sessionHeaders(t.app, w.admin.username);
    manager = await sessionHeaders(t.app, w.eastManager.username);
    rep = await makeUser(t.db, { role: 'rep', orgUnitId: w.east.id });
  });
  afterAll(() => t.close());

  const rowsOf = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);

  it('imports inventory, exactly once', async () => {
    const file = csvOf([
      ['门店编码', '商品编码', '库存日期', '库存数量'],
      ['E001', '1001', '2026-03-31', 12],
      ['E002', '1002', '2026-03-31', 0],
    ]);
    const fields = { kind: 'inventory', account: w.account.code };
    expect(await runImport(t.app, admin, fields, 'stock.csv', file)).toMatchObject({
      status: 'applied',
      rowsApplied: 2,
    });
    expect(await runImport(t.app, admin, fields, 'stock.csv', file)).toMatchObject({
      rowsApplied: 0,
      rowsUnchanged: 2,
    });
    const rows = await rowsOf<{ onHand: number }>(
      sql`select on_hand as "onHand" from inventory where store_id = ${w.stores.east1.id}`,
    );
    expect(rows.map((row) => Number(row.onHand))).toEqual([12]);
    const bad = await runImport(
      t.app,
      admin,
      fields,
      'stock-bad.csv',
      csvOf([
        ['门店编码', '商品编码', '库存日期', '库存数量'],
        ['E001', '1001', '2026-04-01', -2],
      ]),
    );
    expect(bad.errors).toEqual([{ row: 2, column: '库存数量', value: '-2', reason: 'must not be negative' }]);
  });

  it('imports sell-in lines by invoice, SKU and store (blank store: the account), and undoes them', async () => {
    const header = ['发票号', '开票日期', '商品编码', '数量', '单价', '金额', '门店编码'];
    const fields = { kind: 'sellin', account: w.account.code };
    const first = await runImport(
      t.app,
      admin,
      fields,
      'erp.csv',
      csvOf([
        header,
        ['INV-1', '2026-03-02', '1001', 10, '3.5', '35', 'E001'],
        ['INV-1', '2026-03-02', '1002', 5, '', '20', ''],
      ]),
    );
    expect(first).toMatchObject({ status: 'applied', rowsApplied: 2 });
    const again = await runImport(
      t.app,
      admin,
      fields,
      'erp-2.csv',
      csvOf([
        header,
        ['INV-1', '2026-03-02', '1001', 10, '3.5', '35', 'E001'],
        ['INV-1', '2026-03-02', '1002', 6, '', '24', ''],
      ]),
    );
    expect(again).toMatchObject({ status: 'applied', rowsApplied: 1, rowsUnchanged: 1 });
    const lines = () =>
      rowsOf<{ storeId: number | null; units: number; amountFen: number; priceFen: number | null }>(
        sql`select store_id as "storeId", units, amount_fen::float8 as "amountFen", price_fen as "priceFen"
          from sell_in where account_id = ${w.account.id} order by sku_id`,
      );
    expect(await lines()).toEqual([
      { storeId: w.stores.east1.id, units: 10, amountFen: 3500, priceFen: 350 },
      { storeId: null, units: 6, amountFen: 2400, priceFen: null },
    ]);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/imports/${again.id}/undo`, headers: admin }))
        .statusCode,
    ).toBe(200);
    expect((await lines())[1]).toMatchObject({ units: 5, amountFen: 2000 });
  });

  it('imports targets for the company, an account, a store, a rep and an org unit', async () => {
    const header = ['月份', '目标类型', '对象', '目标金额'];
    const file = csvOf([
      header,
      ['2026-05', '公司', '', '1000000'],
      ['2026-05', '客户', w.account.code, '500000'],
      ['2026-05-01', '门店', 'E001', '80000'],
      ['202605', '代表', rep.username, '60000'],
      ['2026/5', 'org_unit', w.east.code, '300000'],
    ]);
    const fields = { kind: 'targets', account: w.account.code };
    expect(await runImport(t.app, admin, fields, 'targets.csv', file)).toMatchObject({
      status: 'applied',
      rowsApplied: 5,
    });
    expect(await runImport(t.app, admin, fields, 'targets.csv', file)).toMatchObject({
      rowsApplied: 0,
      rowsUnchanged: 5,
    });
    const targets = await rowsOf<{ scope: string; amountFen: number }>(
      sql`select scope, amount_fen::float8 as "amountFen" from sales_targets where month = '2026-05-01' order by amount_fen`,
    );
    expect(targets.map((row) => [row.scope, Number(row.amountFen)])).toEqual([
      ['rep', 6_000_000],
      ['store', 8_000_000],
      ['org_unit', 30_000_000],
      ['account', 50_000_000],
      ['company', 100_000_000],
    ]);
    const bad = await runImport(
      t.app,
      admin,
      fields,
      'targets-bad.csv',
      csvOf([
        header,
        ['2026-13', '公司', '', '1'],
        ['2026-06', '大客户', 'X', '1'],
        ['2026-06', '代表', 'nobody', '1'],
      ]),
    );
    expect(bad.errors.map((error) => [error.row, error.column, error.reason])).toEqual([
      [2, '月份', 'not a valid month; write it as 2026-05'],
      [3, '目标类型', 'unknown value; use one of 公司、客户、门店、代表、组织'],
      [4, '对象', 'unknown rep (username)'],
    ]);
    const manage = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...importUpload(fields, 't.csv', file, manager),
    });
    expect(manage.statusCode).toBe(403);
  });

  it('runs the catalog sheet importers as jobs (not undoable)', async () => {
    const skuFile = csvOf([
      ['品项编码', '品名', '品牌', '品类'],
      ['NEW-1', '新品软糖', '甜心', '糖果'],
    ]);
    const job = await runImport(t.app, admin, { kind: 'skus' }, 'skus.csv', skuFile);
    expect(job).toMatchObject({ status: 'applied', rowsRead: 1, rowsApplied: 1, canUndo: false });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/undo`, headers: admin })).statusCode,
    ).toBe(409);
    const bad = await runImport(
      t.app,
      admin,
      { kind: 'skus' },
      'skus-bad.csv',
      csvOf([
        ['品项编码', '品名'],
        ['X', 'y'],
      ]),
    );
    expect(bad).toMatchObject({ status: 'rejected' });
    expect(bad.errorCount).toBeGreaterThan(0);
    expect(bad.errors[0].reason).toMatch(/required column/);
  });

  it("rejects a manager's rows for stores outside their org unit, and shows managers only their people's jobs", async () => {
    const fields = { kind: 'sellout', account: w.account.code };
    const outside = await runImport(
      t.app,
      manager,
      fields,
      'mixed.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-07-01', 1, '1'],
        ['W001', '1001', '2026-07-01', 1, '1'],
      ]),
    );
    expect(outside).toMatchObject({ status: 'rejected', errorCount: 1 });
    expect(outside.errors).toEqual([
      { row: 3, column: '门店编码', value: 'W001', reason: 'the store is outside your org unit' },
    ]);
    const own = await runImport(
      t.app,
      manager,
      fields,
      'east.csv',
      csvOf([SELL_OUT_HEADER, ['E002', '1002', '2026-07-01', 2, '2']]),
    );
    expect(own).toMatchObject({ status: 'applied', createdBy: w.eastManager.id });

    const westManager = await makeUser(t.db, { role: 'manager', orgUnitId: w.west.id });
    const west = await sessionHeaders(t.app, westManager.username);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/imports/${own.id}`, headers: west })).statusCode,
    ).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/imports', headers: manager });
    const creators = new Set(list.json().items.map((job: { createdBy: number }) => job.createdBy));
    expect([...creators]).toEqual([w.eastManager.id]);
    const all = await t.app.inject({ method: 'GET', url: '/api/imports?limit=1000', headers: admin });
    expect(all.json().total).toBeGreaterThan(list.json().total);
  });

  it('saves a mapping as a profile, uses the account’s "default" profile by itself, and manages profiles', async () => {
    const odd = csvOf([
      ['MD', 'SP', 'RQ', 'XL', 'JE'],
      ['E001', '1001', '2026-08-01', 1, '1'],
    ]);
    const mapping = JSON.stringify({
      storeCode: 'MD',
      itemCode: 'SP',
      date: 'RQ',
      units: 'XL',
      amount: 'JE',
    });
    const fields = { kind: 'sellout', account: w.account.code };
    const unmapped = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...importUpload(fields, 'odd.csv', odd, admin),
    });
    expect(unmapped.statusCode).toBe(422);
    const saved = await runImport(
      t.app,
      admin,
      { ...fields, mapping, saveProfile: 'default' },
      'odd.csv',
      odd,
    );
    expect(saved).toMatchObject({ status: 'applied', rowsApplied: 1 });
    const byDefault = await runImport(t.app, admin, fields, 'odd-2.csv', odd);
    expect(byDefault).toMatchObject({ status: 'applied', rowsUnchanged: 1, profileId: saved.profileId });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/import-profiles?accountId=${w.account.id}`,
      headers: admin,
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        name: 'default',
        kind: 'sellout',
        accountCode: w.account.code,
        mapping: JSON.parse(mapping),
      }),
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/import-profiles',
      headers: admin,
      payload: { accountId: w.account.id, kind: 'sellout', name: 'weekly', mapping: { storeCode: 'MD' } },
    });
    expect(created.statusCode).toBe(201);
    const clash = await t.app.inject({
      method: 'PATCH',
      url: `/api/import-profiles/${created.json().id}`,
      headers: admin,
      payload: { name: 'default' },
    });
    expect(clash.statusCode).toBe(409);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/import-profiles/${created.json().id}`,
      headers: admin,
      payload: { name: 'weekly-2', mapping: { storeCode: 'MD', date: 'RQ' } },
    });
    expect(renamed.json()).toMatchObject({ name: 'weekly-2', mapping: { storeCode: 'MD', date: 'RQ' } });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...importUpload({ ...fields, profile: 'nope' }, 'odd.csv', odd, admin),
    });
    expect(missing.statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/import-profiles/${created.json().id}`,
          headers: admin,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('previews the first rows, the encoding and a suggested mapping', async () => {
    const lines = [['店号', '条码', '销售日期', '销量', '销售额', '备注']];
    for (let day = 1; day <= 12; day++)
      lines.push(['E001', '6901234567892', `2026-09-${String(day).padStart(2, '0')}`, '1', '1', '']);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      ...importUpload({ kind: 'sellout' }, 'p.csv', csvOf(lines), admin),
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      encoding: 'utf8',
      headers: ['店号', '条码', '销售日期', '销量', '销售额', '备注'],
      suggestedMapping: {
        storeCode: '店号',
        barcode: '条码',
        date: '销售日期',
        units: '销量',
        amount: '销售额',
      },
    });
    expect(preview.rows).toHaveLength(10);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('库存');
    sheet.addRow(['门店编码', '商品编码', '日期', '库存']);
    for (let n = 0; n < 3000; n++) sheet.addRow(['E001', '1001', new Date(Date.UTC(2026, 8, 1)), n]);
    const xlsx = await t.app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      ...importUpload(
        { kind: 'inventory' },
        'stock.xlsx',
        Buffer.from(await workbook.xlsx.writeBuffer()),
        admin,
      ),
    });
    expect(xlsx.json()).toMatchObject({
      headers: ['门店编码', '商品编码', '日期', '库存'],
      suggestedMapping: { storeCode: '门店编码', itemCode: '商品编码', date: '日期', onHand: '库存' },
    });
    expect(xlsx.json().rows[9]).toEqual({
      门店编码: 'E001',
      商品编码: '1001',
      日期: '2026-09-01',
      库存: '9',
    });
    expect(preview.rows[0]).toEqual({
      店号: 'E001',
      条码: '6901234567892',
      销售日期: '2026-09-01',
      销量: '1',
      销售额: '1',
      备注: '',
    });
  });
});
