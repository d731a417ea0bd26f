import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { checkDigit } from '../../../core/catalog/barcode';
import type { ItemCode, Listing, Sku } from '../../../core/catalog/catalog.contract';
import type { ImportProblem } from '../../../core/common/errors';
import { countAll } from '../../db/sql-helpers';
import { systemActor } from '../../http/access';
import { readSpreadsheet, writeXlsx } from '../../lib/spreadsheet';
import { makeAccount, makeOrgUnit, makeSku, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { toCsv, upload } from '../../test/uploads';
import { listAuditEvents } from '../audit/audit.service';
import { importItemCodes, importListings } from './catalog.import';
import { accountItemCodes, listings, skus } from './catalog.table';

type Headers = Record<string, string>;
type Kind = 'skus' | 'item-codes' | 'listings';

const ean = (body: string) => `${body}${checkDigit(body)}`;
const SKU_HEADER = [
  '品项编码',
  '条码',
  '品名',
  '品牌',
  '本品/竞品',
  '竞品公司',
  '品类',
  '规格',
  '箱规',
  '供价(元)',
  'KA最低售价(元)',
  '保质期(天)',
  '状态',
  '上市日期',
];

describe('catalog import and export: SKUs, item codes, listings', () => {
  let t: TestContext;
  let hq: Headers;
  let manager: Headers;
  let rep: Headers;
  let managerActor: Awaited<ReturnType<typeof makeUser>>['actor'];
  const store = { sz: 0, gz: 0, sh: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    const south = await makeOrgUnit(t.db, { code: 'SOUTH', kind: 'region' });
    const sz = await makeOrgUnit(t.db, { code: 'SZ', kind: 'city', parentId: south.id });
    const gz = await makeOrgUnit(t.db, { code: 'GZ', kind: 'city', parentId: south.id });
    const east = await makeOrgUnit(t.db, { code: 'EAST', kind: 'region' });
    const managerUser = await makeUser(t.db, { role: 'manager', orgUnitId: sz.id });
    managerActor = managerUser.actor;
    hq = await sessionHeaders(t.app, (await makeUser(t.db, { role: 'hq_ops' })).username);
    manager = await sessionHeaders(t.app, managerUser.username);
    rep = await sessionHeaders(t.app, (await makeUser(t.db, { role: 'rep', orgUnitId: sz.id })).username);
    const wmt = await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' });
    const crf = await makeAccount(t.db, { code: 'CRF', name: '家乐福' });
    store.sz = (await makeStore(t.db, { accountId: wmt.id, code: 'SZ001', orgUnitId: sz.id })).id;
    store.gz = (await makeStore(t.db, { accountId: wmt.id, code: 'GZ001', orgUnitId: gz.id })).id;
    store.sh = (await makeStore(t.db, { accountId: crf.id, code: 'SH001', orgUnitId: east.id })).id;
  });
  afterAll(() => t.close());

  const importFile = (kind: Kind, headers: Headers, fileName: string, content: Buffer | string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/${kind}/import${query}`,
      ...upload(fileName, content, headers),
    });
  const problemsOf = (response: { json: () => unknown }) =>
    (response.json() as { error: { details: { errors: ImportProblem[] } } }).error.details.errors;
  const countOf = async (table: typeof skus | typeof listings) =>
    (await t.db.select({ n: countAll }).from(table))[0].n;
  const skusOfBrand = async (brand: string) =>
    (
      await t.app.inject({ url: `/api/skus?brand=${encodeURIComponent(brand)}&sort=code`, headers: hq })
    ).json<{ items: Sku[] }>().items;
  const exportOf = async (url: string) => {
    const response = await t.app.inject({ url, headers: hq });
    expect(response.statusCode, response.body).toBe(200);
    return response.rawPayload;
  };

  describe('SKUs', () => {
    it('creates SKUs from a UTF-8 CSV with prices in yuan, and re-importing the file changes nothing', async () => {
      const file = toCsv([
        SKU_HEADER,
        [
          'CSV-1',
          ean('690000001001'),
          '脆脆饼干 原味 120g',
          '脆脆CSV',
          '本品',
          '',
          '饼干',
          '120g',
          24,
          '6.80',
          '¥8.9',
          270,
          '在售',
          '2026/3/1',
        ],
        [
          'CSV-2',
          '',
          '对手薯片 150g',
          '脆脆CSV',
          '竞品',
          '乐事食品',
          '薯片',
          '150g',
          '',
          '1,234.5',
          '',
          '',
          '停产',
          '',
        ],
      ]);
      const first = await importFile('skus', hq, 'skus.csv', file);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({
        status: 'applied',
        rowsRead: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        ignoredColumns: [],
      });
      expect(await skusOfBrand('脆脆CSV')).toMatchObject([
        {
          code: 'CSV-1',
          barcode: ean('690000001001'),
          isOwn: true,
          competitorCompany: null,
          packSize: '120g',
          casePack: 24,
          listPriceFen: 680,
          floorPriceFen: 890,
          shelfLifeDays: 270,
          status: 'active',
          launchedOn: '2026-03-01',
        },
        {
          code: 'CSV-2',
          barcode: null,
          isOwn: false,
          competitorCompany: '乐事食品',
          listPriceFen: 123450,
          floorPriceFen: null,
          status: 'discontinued',
        },
      ]);
      const again = await importFile('skus', hq, 'skus.csv', file);
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      const [csv1] = await skusOfBrand('脆脆CSV');
      const events = await listAuditEvents(t.db, {
        entity: ['sku'],
        entityId: csv1.id,
        limit: 10,
        offset: 0,
      });
      expect(events.items.map((event) => event.action)).toEqual(['create']);
    });

    it('reads a GBK CSV as Chinese Excel saves it, and an .xlsx with English headers and a numeric barcode', async () => {
      const gbk = iconv.encode(
        toCsv([
          ['品项编码', '品名', '品牌', '品类', '口味'],
          ['GBK-1', '软糖 草莓味', '甜甜GBK', '糖果', '草莓'],
        ]),
        'gbk',
      );
      expect((await importFile('skus', hq, '品项.csv', gbk)).json()).toMatchObject({ created: 1 });
      expect(await skusOfBrand('甜甜GBK')).toMatchObject([
        { code: 'GBK-1', name: '软糖 草莓味', flavour: '草莓' },
      ]);

      const xlsx = await writeXlsx([
        {
          name: 'Sheet1',
          columns: ['skuCode', 'barcode', 'name', 'brand', 'category', 'listPrice', 'notes'].map((key) => ({
            header: key,
            key,
          })),
          rows: [
            {
              skuCode: 'XL-1',
              // Typed into Excel as a number: still the same 13 digits.
              barcode: Number(ean('690000001002')),
              name: 'Wafer',
              brand: 'XLSX brand',
              category: 'Wafers',
              listPrice: 12.5,
              notes: 'x',
            },
          ],
        },
      ]);
      expect((await importFile('skus', hq, 'skus.xlsx', xlsx)).json()).toEqual({
        status: 'applied',
        rowsRead: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        ignoredColumns: ['notes'],
      });
      expect(await skusOfBrand('XLSX brand')).toMatchObject([
        { code: 'XL-1', barcode: ean('690000001002'), listPriceFen: 1250, isOwn: true, status: 'active' },
      ]);
    });

    it('rejects a file with bad rows, listing every problem by row, column, value and reason, and applies nothing', async () => {
      const taken = await makeSku(t.db, { code: 'TAKEN', barcode: ean('690000001003') });
      const body = '690000001004';
      const wrongDigit = `${body}${(checkDigit(body) + 1) % 10}`;
      const before = await countOf(skus);
      const file = toCsv([
        SKU_HEADER,
        ['BAD-1', wrongDigit, '甲', '坏', '', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-2', '', '', '坏', '', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-1', '', '丙', '坏', '', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-3', '', '丁', '坏', '竞品', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-4', '', '戊', '坏', '', '', '饼干', '', '', 'abc', '', '', '未知', '2026-02-30'],
        ['BAD 5', '', '己', '坏', '', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-6', ean('690000001003'), '庚', '坏', '', '', '饼干', '', 0, '-1', '', '', '', ''],
        ['BAD-7', '', '辛', '坏', '也许', '', '饼干', '', '', '', '', '', '', ''],
        ['BAD-8', '', '壬', '坏', '本品', '某公司', '饼干', '', '', '', '', '', '', ''],
      ]);
      const response = await importFile('skus', hq, 'bad.csv', file);
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        error: { code: 'import_rejected', message: 'The file has 13 problems; nothing was imported' },
      });
      expect(problemsOf(response)).toEqual([
        {
          row: 2,
          column: '条码',
          value: wrongDigit,
          reason: `wrong check digit: expected ${checkDigit(body)}, found ${(checkDigit(body) + 1) % 10}`,
        },
        { row: 3, column: '品名', value: null, reason: 'required' },
        { row: 4, column: '品项编码', value: 'BAD-1', reason: 'the same SKU code as row 2' },
        { row: 5, column: '竞品公司', value: null, reason: 'a competitor SKU (竞品) needs its company' },
        { row: 6, column: '供价(元)', value: 'abc', reason: 'must be an amount in yuan, like 12.50' },
        { row: 6, column: '状态', value: '未知', reason: 'unknown value; use one of 待上市、在售、已停产' },
        {
          row: 6,
          column: '上市日期',
          value: '2026-02-30',
          reason: 'not a valid date; write it as 2026-05-01',
        },
        { row: 7, column: '品项编码', value: 'BAD 5', reason: 'letters, digits, ".", "-" and "_" only' },
        { row: 8, column: '箱规', value: '0', reason: 'must be at least 1' },
        { row: 8, column: '供价(元)', value: '-1', reason: 'must not be negative' },
        {
          row: 8,
          column: '条码',
          value: ean('690000001003'),
          reason: `the barcode already belongs to SKU ${taken.code}`,
        },
        { row: 9, column: '本品/竞品', value: '也许', reason: 'unknown value; use 本品 or 竞品' },
        {
          row: 10,
          column: '竞品公司',
          value: '某公司',
          reason: 'an own SKU (本品) has no competitor company; clear it or mark the SKU 竞品',
        },
      ]);
      expect(await countOf(skus)).toBe(before);
    });

    it('checks without writing on a dry run; refuses a file without its key column and roles that may not write', async () => {
      const file = toCsv([
        ['品项编码', '品名', '品牌', '品类'],
        ['DRY-1', '试', '干跑', '饼干'],
      ]);
      const dry = await importFile('skus', hq, 'dry.csv', file, '?dryRun=true');
      expect(dry.json()).toMatchObject({ status: 'valid', created: 1 });
      expect(await skusOfBrand('干跑')).toEqual([]);

      const noKey = await importFile(
        'skus',
        hq,
        'nokey.csv',
        toCsv([
          ['品名', '品牌', '品类'],
          ['试', '干跑', '饼干'],
        ]),
      );
      expect(noKey.statusCode).toBe(422);
      expect(problemsOf(noKey)).toEqual([
        {
          row: 1,
          column: '品项编码',
          value: null,
          reason: 'required column is missing (header "品项编码" or "skuCode")',
        },
      ]);
      expect((await importFile('skus', manager, 'x.csv', file)).statusCode).toBe(403);
      expect((await importFile('skus', rep, 'x.csv', file)).statusCode).toBe(403);
    });

    it('exports the template’s columns; the export re-imports unchanged, and an edited cell updates one SKU', async () => {
      await makeSku(t.db, {
        code: 'EXP-1',
        brand: '导出',
        barcode: ean('690000001005'),
        listPriceFen: 1999,
        floorPriceFen: 5,
        launchedOn: '2026-01-01',
        packSize: '6×25g',
      });
      await makeSku(t.db, {
        code: 'EXP-2',
        brand: '导出',
        isOwn: false,
        competitorCompany: '对手',
        status: 'planned',
      });
      const template = await readSpreadsheet(await exportOf('/api/skus/import-template.xlsx'), 't.xlsx');
      const exported = await exportOf(`/api/skus/export.xlsx?brand=${encodeURIComponent('导出')}`);
      const sheet = await readSpreadsheet(exported, 'e.xlsx');
      expect(sheet.headers).toEqual(template.headers);
      expect(sheet.headers).toEqual([
        '品项编码',
        '条码',
        '品名',
        '品牌',
        '本品/竞品',
        '竞品公司',
        '品类',
        '口味',
        '规格',
        '单位',
        '箱规',
        '供价(元)',
        'KA最低售价(元)',
        '建议零售价(元)',
        '标准成本(元)',
        '保质期(天)',
        '状态',
        '上市日期',
      ]);
      expect(sheet.rows[0].cells).toMatchObject({
        品项编码: 'EXP-1',
        '供价(元)': '19.99',
        'KA最低售价(元)': '0.05',
        状态: '在售',
      });

      expect((await importFile('skus', hq, 'export.xlsx', exported)).json()).toEqual({
        status: 'applied',
        rowsRead: 2,
        created: 0,
        updated: 0,
        unchanged: 2,
        ignoredColumns: [],
      });
      const edited = sheet.rows.map((row) =>
        sheet.headers.map((header) =>
          row.cells.品项编码 === 'EXP-2' && header === '品名' ? '新名字' : row.cells[header],
        ),
      );
      expect(
        (await importFile('skus', hq, 'edited.csv', toCsv([sheet.headers, ...edited]))).json(),
      ).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 1,
      });
      expect((await skusOfBrand('导出')).map((sku) => sku.name)[1]).toBe('新名字');
    });

    it('lets two SKUs of one file swap barcodes', async () => {
      const [a, b] = [ean('690000001006'), ean('690000001007')];
      await makeSku(t.db, { code: 'SWAP-A', brand: '交换', barcode: a });
      await makeSku(t.db, { code: 'SWAP-B', brand: '交换', barcode: b });
      const file = toCsv([
        ['品项编码', '条码', '品名', '品牌', '品类'],
        ['SWAP-A', b, 'A', '交换', '饼干'],
        ['SWAP-B', a, 'B', '交换', '饼干'],
      ]);
      expect((await importFile('skus', hq, 'swap.csv', file)).json()).toMatchObject({ updated: 2 });
      expect((await skusOfBrand('交换')).map((sku) => [sku.code, sku.barcode])).toEqual([
        ['SWAP-A', b],
        ['SWAP-B', a],
      ]);
    });
  });

  describe('item codes', () => {
    const codesOf = async (skuIds: number[]) =>
      (await t.app.inject({ url: `/api/item-codes?skuId=${skuIds.join(',')}`, headers: hq }))
        .json<{ items: ItemCode[] }>()
        .items.map((code) => `${code.accountCode}/${code.itemCode}→${code.skuCode}`);

    it('maps codes by SKU code or barcode, re-imports unchanged, remaps, and round-trips its export', async () => {
      const one = await makeSku(t.db, { code: 'IC-ONE', barcode: ean('690000002001') });
      const two = await makeSku(t.db, { code: 'IC-TWO', barcode: ean('690000002002') });
      const header = ['客户编码', '客户商品编码', '品项编码', '条码'];
      const file = toCsv([
        header,
        ['WMT', '100001', 'IC-ONE', ''],
        ['WMT', '100002', '', ean('690000002002')],
        ['CRF', 'C-1', 'IC-ONE', ean('690000002001')],
      ]);
      expect((await importFile('item-codes', hq, 'codes.csv', file)).json()).toMatchObject({
        status: 'applied',
        created: 3,
        updated: 0,
        unchanged: 0,
      });
      expect((await importFile('item-codes', hq, 'codes.csv', file)).json()).toMatchObject({
        created: 0,
        unchanged: 3,
      });
      const remap = toCsv([header, ['WMT', '100001', 'IC-TWO', '']]);
      expect((await importFile('item-codes', hq, 'remap.csv', remap)).json()).toMatchObject({ updated: 1 });
      expect(await codesOf([one.id, two.id])).toEqual([
        'CRF/C-1→IC-ONE',
        'WMT/100001→IC-TWO',
        'WMT/100002→IC-TWO',
      ]);

      const exported = await exportOf(`/api/item-codes/export.xlsx?skuId=${one.id},${two.id}`);
      const sheet = await readSpreadsheet(exported, 'e.xlsx');
      expect(sheet.headers).toEqual(['客户编码', '客户名称', '客户商品编码', '品项编码', '条码', '品名']);
      expect((await importFile('item-codes', hq, 'export.xlsx', exported)).json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
    });

    it('reports unknown accounts and SKUs, codes that disagree, and repeated keys; nothing applied', async () => {
      await makeSku(t.db, { code: 'IC-BAD', barcode: ean('690000002003') });
      await makeSku(t.db, { code: 'IC-OTHER' });
      const codesBefore = (await t.db.select({ n: countAll }).from(accountItemCodes))[0].n;
      const file = toCsv([
        ['客户编码', '客户商品编码', '品项编码', '条码'],
        ['NOPE', 'X1', 'IC-BAD', ''],
        ['WMT', 'X2', 'NO-SUCH', ''],
        ['WMT', 'X3', 'IC-OTHER', ean('690000002003')],
        ['WMT', 'X4', '', ''],
        ['WMT', 'X5', 'IC-BAD', ''],
        ['WMT', 'X5', 'IC-BAD', ''],
        ['WMT', '', 'IC-BAD', ''],
      ]);
      const response = await importFile('item-codes', hq, 'bad.csv', file);
      expect(response.statusCode).toBe(422);
      expect(problemsOf(response)).toEqual([
        { row: 2, column: '客户编码', value: 'NOPE', reason: 'unknown account code, or outside your scope' },
        { row: 3, column: '品项编码', value: 'NO-SUCH', reason: 'unknown SKU code' },
        {
          row: 4,
          column: '条码',
          value: ean('690000002003'),
          reason: "names SKU IC-BAD, but the row's other columns name IC-OTHER",
        },
        { row: 5, column: '品项编码', value: null, reason: 'required: name the SKU' },
        { row: 7, column: '客户商品编码', value: 'X5', reason: 'the same account and item code as row 6' },
        { row: 8, column: '客户商品编码', value: null, reason: 'required' },
      ]);
      expect((await t.db.select({ n: countAll }).from(accountItemCodes))[0].n).toBe(codesBefore);
    });

    it('uses the account the caller names for a file without 客户编码, and refuses rows of another account', async () => {
      const sku = await makeSku(t.db, { code: 'IC-ACC' });
      const accountId = await accountIdOf('WMT');
      const file = {
        buffer: Buffer.from(
          toCsv([
            ['客户商品编码', '品项编码'],
            ['A-1', 'IC-ACC'],
          ]),
        ),
        fileName: 'codes.csv',
      };
      expect(await importItemCodes(t.db, systemActor, file, { accountId })).toMatchObject({ created: 1 });
      expect(await codesOf([sku.id])).toEqual(['WMT/A-1→IC-ACC']);
      const other = {
        buffer: Buffer.from(
          toCsv([
            ['客户编码', '客户商品编码', '品项编码'],
            ['CRF', 'A-2', 'IC-ACC'],
            ['', 'A-3', 'IC-ACC'],
          ]),
        ),
        fileName: 'codes.csv',
      };
      await expect(importItemCodes(t.db, systemActor, other, { accountId })).rejects.toMatchObject({
        code: 'import_rejected',
        details: {
          errors: [
            { row: 2, column: '客户编码', value: 'CRF', reason: 'this file is imported for account WMT' },
          ],
        },
      });
    });
  });

  describe('listings', () => {
    const header = ['客户编码', '门店编码', '品项编码', '客户商品编码', '条码', '进场日期', '退场日期'];
    const listingsOf = async (skuIds: number[]) =>
      (
        await t.app.inject({
          url: `/api/listings?skuId=${skuIds.join(',')}&includeDelisted=true&sort=storeCode`,
          headers: hq,
        })
      )
        .json<{ items: Listing[] }>()
        .items.map((item) => `${item.storeCode}/${item.skuCode} ${item.listedOn}…${item.delistedOn ?? ''}`);

    it('lists SKUs named by our code, the account’s item code or the barcode; re-import, delist, relist, export', async () => {
      const a = await makeSku(t.db, { code: 'L-A' });
      const b = await makeSku(t.db, { code: 'L-B' });
      const c = await makeSku(t.db, { code: 'L-C', barcode: ean('690000003001') });
      await t.app.inject({
        method: 'POST',
        url: '/api/item-codes',
        headers: hq,
        payload: { accountId: await accountIdOf('WMT'), itemCode: 'W-LB', skuId: b.id },
      });
      const file = toCsv([
        header,
        ['WMT', 'SZ001', 'L-A', '', '', '2026-01-05', ''],
        ['WMT', 'SZ001', '', 'W-LB', '', '2026/1/6', ''],
        ['CRF', 'SH001', '', '', ean('690000003001'), '2026年1月7日', ''],
      ]);
      expect((await importFile('listings', hq, 'listings.csv', file)).json()).toMatchObject({
        status: 'applied',
        created: 3,
        updated: 0,
        unchanged: 0,
      });
      expect((await importFile('listings', hq, 'listings.csv', file)).json()).toMatchObject({
        created: 0,
        unchanged: 3,
      });
      expect(await listingsOf([a.id, b.id, c.id])).toEqual([
        'SH001/L-C 2026-01-07…',
        'SZ001/L-A 2026-01-05…',
        'SZ001/L-B 2026-01-06…',
      ]);

      // A blank 进场日期 keeps the date: this row only delists; the next one relists.
      const delist = toCsv([header, ['WMT', 'SZ001', 'L-A', '', '', '', '2026-03-01']]);
      expect((await importFile('listings', hq, 'delist.csv', delist)).json()).toMatchObject({ updated: 1 });
      expect(await listingsOf([a.id])).toEqual(['SZ001/L-A 2026-01-05…2026-03-01']);
      const relist = toCsv([header, ['WMT', 'SZ001', 'L-A', '', '', '2026-05-01', '']]);
      expect((await importFile('listings', hq, 'relist.csv', relist)).json()).toMatchObject({ updated: 1 });
      expect(await listingsOf([a.id])).toEqual(['SZ001/L-A 2026-05-01…']);

      const exported = await exportOf(
        `/api/listings/export.xlsx?skuId=${a.id},${b.id},${c.id}&includeDelisted=true`,
      );
      const sheet = await readSpreadsheet(exported, 'e.xlsx');
      expect(sheet.headers).toEqual([
        '客户编码',
        '客户名称',
        '门店编码',
        '门店名称',
        '品项编码',
        '客户商品编码',
        '条码',
        '品名',
        '进场日期',
        '退场日期',
      ]);
      expect(sheet.rows.map((row) => row.cells.客户商品编码)).toEqual(['', '', 'W-LB']);
      expect((await importFile('listings', hq, 'export.xlsx', exported)).json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 3,
      });
    });

    it('reports every bad row — a store outside the manager’s scope among them — and applies nothing', async () => {
      const sku = await makeSku(t.db, { code: 'L-BAD' });
      await makeSku(t.db, { code: 'L-BAD2' });
      const before = await countOf(listings);
      const file = toCsv([
        header,
        ['WMT', 'GZ001', 'L-BAD', '', '', '2026-01-05', ''],
        ['WMT', 'SZ001', 'L-BAD', '', '', '', ''],
        ['WMT', 'SZ001', 'L-BAD2', '', '', '2026-01-05', '2026-01-05'],
        ['WMT', 'SZ001', '', 'NO-CODE', '', '2026-01-05', ''],
        ['WMT', 'NOPE', 'L-BAD', '', '', 'yesterday', ''],
        ['WMT', 'SZ001', 'L-BAD2', '', '', '2026-01-04', ''],
      ]);
      const response = await importFile('listings', manager, 'bad.csv', file);
      expect(response.statusCode).toBe(422);
      expect(problemsOf(response)).toEqual([
        {
          row: 2,
          column: '门店编码',
          value: 'GZ001',
          reason: 'no store with this code for the account in your scope',
        },
        { row: 3, column: '进场日期', value: null, reason: 'required for a new listing' },
        {
          row: 4,
          column: '退场日期',
          value: '2026-01-05',
          reason: 'must be after the listing date 2026-01-05',
        },
        { row: 5, column: '客户商品编码', value: 'NO-CODE', reason: 'unknown item code for this account' },
        {
          row: 6,
          column: '门店编码',
          value: 'NOPE',
          reason: 'no store with this code for the account in your scope',
        },
        {
          row: 6,
          column: '进场日期',
          value: 'yesterday',
          reason: 'not a valid date; write it as 2026-05-01',
        },
        { row: 7, column: '门店编码', value: 'SZ001', reason: 'the same store and SKU as row 4' },
      ]);
      expect(await countOf(listings)).toBe(before);
      // The manager's own store is fine; a rep may not import listings.
      const own = toCsv([header, ['WMT', 'SZ001', 'L-BAD', '', '', '2026-01-05', '']]);
      expect((await importFile('listings', manager, 'own.csv', own)).json()).toMatchObject({ created: 1 });
      expect(await listingsOf([sku.id])).toEqual(['SZ001/L-BAD 2026-01-05…']);
      expect((await importFile('listings', rep, 'own.csv', own)).statusCode).toBe(403);
    });

    it('takes the account the caller names when the file has no 客户编码 column', async () => {
      const sku = await makeSku(t.db, { code: 'L-ACC' });
      const file = {
        buffer: Buffer.from(
          toCsv([
            ['门店编码', '品项编码', '进场日期'],
            ['SZ001', 'L-ACC', '2026-02-01'],
          ]),
        ),
        fileName: 'listings.csv',
      };
      const result = await importListings(t.db, managerActor, file, { accountId: await accountIdOf('WMT') });
      expect(result).toMatchObject({ status: 'applied', created: 1 });
      expect(await listingsOf([sku.id])).toEqual(['SZ001/L-ACC 2026-02-01…']);
    });
  });

  async function accountIdOf(code: string): Promise<number> {
    const response = await t.app.inject({ url: `/api/accounts?q=${code}`, headers: hq });
    return response
      .json<{ items: { id: number; code: string }[] }>()
      .items.find((account) => account.code === code)!.id;
  }
});
