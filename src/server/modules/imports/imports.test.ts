import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import {
  csvOf,
  importUpload,
  makeImportWorld,
  runImport,
  SELL_OUT_HEADER,
  sellOutState,
  type ImportWorld,
} from './imports.testing';

/**
 * Sell-out files through POST /api/imports: applied, re-imported, overlapped, in every encoding, and every way a
 * file is rejected. Tests write different months, so none depends on another's data.
 */
describe('sell-out imports', () => {
  let t: TestContext;
  let w: ImportWorld;
  let admin: Record<string, string>;
  let storeIds: number[];
  const fields = () => ({ kind: 'sellout', account: w.account.code });

  beforeAll(async () => {
    t = await buildTestApp();
    w = await makeImportWorld(t.db);
    admin = await sessionHeaders(t.app, w.admin.username);
    storeIds = Object.values(w.stores).map((store) => store.id);
  });
  afterAll(() => t.close());

  const fact = (
    store: { id: number },
    date: string,
    sku: { id: number },
    units: number,
    amountFen: number,
  ) => ({
    storeId: store.id,
    date,
    skuId: sku.id,
    units,
    amountFen,
  });

  it('applies a file, and a second import of the same file changes nothing', async () => {
    const january = csvOf([
      SELL_OUT_HEADER,
      ['E001', '1001', '2026-01-05', 3, '29.70'],
      ['E001', '1002', '20260105', '2.0', '5'],
      ['E002', '1001', '2026/1/6', 1, '9.90'],
      ['W001', '1001', '2026年1月9日', 0, '0'],
    ]);
    const first = await runImport(t.app, admin, fields(), 'jan.csv', january);
    expect(first).toMatchObject({
      status: 'applied',
      rowsRead: 4,
      rowsApplied: 4,
      rowsUnchanged: 0,
      errorCount: 0,
    });
    expect(first).toMatchObject({ dateFrom: '2026-01-05', dateTo: '2026-01-09', progress: 1, canUndo: true });
    const before = await sellOutState(t.db, storeIds);
    expect(before.facts).toContainEqual(fact(w.stores.east1, '2026-01-05', w.skus.gum, 2, 500));
    expect(before.rollupsMatch).toBe(true);

    const second = await runImport(t.app, admin, fields(), 'jan-again.csv', january);
    expect(second).toMatchObject({ status: 'applied', rowsRead: 4, rowsApplied: 0, rowsUnchanged: 4 });
    expect(second.sameFileAs).toBe(first.id);
    expect(second.fileHash).toBe(first.fileHash);
    expect(await sellOutState(t.db, storeIds)).toEqual(before);
  });

  it('replaces the values of the keys an overlapping file contains and leaves other keys alone', async () => {
    await runImport(
      t.app,
      admin,
      fields(),
      'feb-1.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-02-01', 5, '50'],
        ['E001', '1001', '2026-02-02', 6, '60'],
        ['E002', '1002', '2026-02-02', 7, '70'],
      ]),
    );
    const overlap = await runImport(
      t.app,
      admin,
      fields(),
      'feb-2.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-02-02', 6, '60'],
        ['E002', '1002', '2026-02-02', 8, '80'],
        ['E002', '1002', '2026-02-03', 9, '90'],
      ]),
    );
    expect(overlap).toMatchObject({ status: 'applied', rowsRead: 3, rowsApplied: 2, rowsUnchanged: 1 });
    const { facts, rollupsMatch } = await sellOutState(t.db, storeIds);
    const february = facts.filter((row) => row.date.startsWith('2026-02'));
    expect(february).toEqual([
      fact(w.stores.east1, '2026-02-01', w.skus.candy, 5, 5000),
      fact(w.stores.east1, '2026-02-02', w.skus.candy, 6, 6000),
      fact(w.stores.east2, '2026-02-02', w.skus.gum, 8, 8000),
      fact(w.stores.east2, '2026-02-03', w.skus.gum, 9, 9000),
    ]);
    expect(rollupsMatch).toBe(true);
  });

  it('rejects a file with any bad row, applies none of it, and reports each problem by row, column, value and reason', async () => {
    const before = await sellOutState(t.db, storeIds);
    const bad = await runImport(
      t.app,
      admin,
      fields(),
      'bad.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-03-01', 1, '10'],
        ['X999', '1001', '2026-03-01', 1, '10'],
        ['E001', '9999', '2026-03-01', 1, '10'],
        ['E001', '1002', '2026-02-30', 1, '10'],
        ['E001', '1002', '2026-03-02', -1, '10'],
        ['E001', '1002', '2026-03-03', 'abc', '10'],
        ['E001', '1002', '2026-03-04', '2.5', '10'],
        ['E001', '1002', '2026-03-05', 1, '1元'],
        ['E001', '1002', '2026-03-06', 1, '-3'],
        ['E002', '1001', '2026-03-07', 1, '10'],
        ['E002', '1001', '2026-03-07', 2, '20'],
        ['', '', '', '', ''],
        ['E002', '1002', '', 1, ''],
      ]),
    );
    expect(bad).toMatchObject({
      status: 'rejected',
      rowsRead: 12,
      rowsApplied: 0,
      errorCount: 11,
      canUndo: false,
    });
    expect(bad.message).toMatch(/11 problems; nothing was imported/);
    expect(bad.errors).toEqual([
      {
        row: 3,
        column: '门店编码',
        value: 'X999',
        reason: "unknown store code: not one of this account's stores",
      },
      {
        row: 4,
        column: '商品编码',
        value: '9999',
        reason: "unknown item code: not in this account's item codes",
      },
      {
        row: 5,
        column: '销售日期',
        value: '2026-02-30',
        reason: 'not a valid date; write it as 2026-05-01 or 20260501',
      },
      { row: 6, column: '销量', value: '-1', reason: 'must not be negative' },
      { row: 7, column: '销量', value: 'abc', reason: 'must be a number' },
      { row: 8, column: '销量', value: '2.5', reason: 'must be a whole number' },
      { row: 9, column: '销售额', value: '1元', reason: 'not an amount in yuan, e.g. 1234.50' },
      { row: 10, column: '销售额', value: '-3', reason: 'must not be negative' },
      {
        row: 12,
        column: '门店编码 + 商品编码 + 销售日期',
        value: null,
        reason: 'duplicate: the same store, SKU and date as row 11',
      },
      { row: 14, column: '销售日期', value: null, reason: 'required' },
      { row: 14, column: '销售额', value: null, reason: 'required' },
    ]);
    expect(await sellOutState(t.db, storeIds)).toEqual(before);

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/imports/${bad.id}/errors.csv`,
      headers: admin,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(12);
    // The file is for people: reasons in the user's language (zh-CN here); the JSON above keeps them in English.
    expect(lines[1]).toBe('3,门店编码,X999,未知门店编码：不是该客户的门店');
  });

  it('rejects a duplicate key even when the key is already stored with the same values', async () => {
    await runImport(
      t.app,
      admin,
      fields(),
      'apr.csv',
      csvOf([SELL_OUT_HEADER, ['E001', '1001', '2026-04-01', 1, '1']]),
    );
    const twice = await runImport(
      t.app,
      admin,
      fields(),
      'apr-twice.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-04-01', 1, '1'],
        ['E001', '1001', '2026-04-01', 1, '1'],
      ]),
    );
    expect(twice).toMatchObject({ status: 'rejected', errorCount: 1 });
    expect(twice.errors[0]).toMatchObject({
      row: 3,
      reason: 'duplicate: the same store, SKU and date as row 2',
    });
  });

  it('answers 422 before recording a job when a required field has no column', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      ...importUpload(
        fields(),
        'no-amount.csv',
        csvOf([
          ['门店编码', '商品编码', '日期', '销量'],
          ['E001', '1001', '2026-05-01', 1],
        ]),
        admin,
      ),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({ code: 'import_rejected' });
    expect(response.json().error.details.errors[0]).toMatchObject({ row: 1, column: 'amount' });
    expect(response.json().error.details.errors[0].reason).toMatch(/no column for amount \(销售额\)/);
  });

  it('reads GBK and UTF-8 (with or without BOM) CSV, and .xlsx with date cells', async () => {
    const rows = (day: string, units: number) => [
      ['店号', '货号', '销售日期', '数量', '金额'],
      ['E001', '1001', day, units, '12.34'],
    ];
    const gbk = iconv.encode(csvOf(rows('2026-06-01', 1)), 'gbk');
    expect(gbk.toString('utf8')).not.toContain('店号');
    expect(await runImport(t.app, admin, fields(), 'gbk.csv', gbk)).toMatchObject({
      status: 'applied',
      rowsApplied: 1,
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(rows('2026-06-02', 2)))]);
    expect(await runImport(t.app, admin, fields(), 'bom.csv', bom)).toMatchObject({
      status: 'applied',
      rowsApplied: 1,
    });
    const forced = await runImport(
      t.app,
      admin,
      { ...fields(), encoding: 'gbk' },
      'told.csv',
      iconv.encode(csvOf(rows('20260603', 3)), 'gbk'),
    );
    expect(forced).toMatchObject({ status: 'applied', rowsApplied: 1 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('POS');
    sheet.addRow(['门店编码', '条码', '日期', '销量', '销售额']);
    sheet.addRow(['E002', 6901234567892, new Date(Date.UTC(2026, 5, 4)), 4, 45.6]);
    sheet.addRow([]);
    sheet.addRow(['E002', '6901234567892', '2026-06-05', 5, '57']);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await runImport(t.app, admin, fields(), 'pos.xlsx', xlsx)).toMatchObject({
      status: 'applied',
      rowsRead: 2,
      rowsApplied: 2,
    });

    const june = (await sellOutState(t.db, storeIds)).facts.filter((row) => row.date.startsWith('2026-06'));
    expect(june).toEqual([
      fact(w.stores.east1, '2026-06-01', w.skus.candy, 1, 1234),
      fact(w.stores.east1, '2026-06-02', w.skus.candy, 2, 1234),
      fact(w.stores.east1, '2026-06-03', w.skus.candy, 3, 1234),
      fact(w.stores.east2, '2026-06-04', w.skus.candy, 4, 4560),
      fact(w.stores.east2, '2026-06-05', w.skus.candy, 5, 5700),
    ]);
  });

  it('answers 422 for a file it cannot read, and 400 for a request without kind or file', async () => {
    const post = (payload: ReturnType<typeof importUpload>) =>
      t.app.inject({ method: 'POST', url: '/api/imports', ...payload });
    const renamed = await post(importUpload(fields(), 'old.xlsx', 'not a zip', admin));
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error.details.errors[0].reason).toMatch(/not an \.xlsx workbook/);
    const xls = await post(importUpload(fields(), 'old.xls', 'x', admin));
    expect(xls.json().error.details.errors[0].reason).toMatch(/\.xls\) files are not supported/);
    const noKind = await post(importUpload({ account: w.account.code }, 'a.csv', 'a', admin));
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().error.details[0].path).toBe('body.kind');
    const badMapping = await post(
      importUpload({ ...fields(), mapping: '{"storeCode":' }, 'a.csv', 'a', admin),
    );
    expect(badMapping.json().error.details[0]).toEqual({ path: 'body.mapping', message: 'not valid JSON' });
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: admin,
      payload: { kind: 'sellout' },
    });
    expect(noFile.statusCode).toBe(400);
  });
});
