import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { ImportProblem } from '../../../core/common/errors';
import { countAll } from '../../db/sql-helpers';
import { readSpreadsheet, writeXlsx } from '../../lib/spreadsheet';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { makeAccount, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { listAuditEvents } from '../audit/audit.service';
import { stores } from './stores.table';
import { toCsv, upload } from '../../test/uploads';

const HEADER = [
  '客户编码',
  '门店编码',
  '门店名称',
  '业态',
  '营业面积(㎡)',
  '省份',
  '城市',
  '开业日期',
  '状态',
  '所属组织编码',
  '负责代表',
];

describe('store import and export', () => {
  let t: TestContext;
  let hq: Record<string, string>;
  let admin: Record<string, string>;
  let manager: Record<string, string>;
  let rep: Record<string, string>;
  let repId: number;
  let otherRepId: number;
  let shenzhen: { id: number; code: string };
  let guangzhou: { id: number; code: string };

  beforeAll(async () => {
    t = await buildTestApp();
    const region = await makeOrgUnit(t.db, { code: 'SOUTH', kind: 'region' });
    shenzhen = await makeOrgUnit(t.db, { code: 'SZ', kind: 'city', parentId: region.id });
    guangzhou = await makeOrgUnit(t.db, { code: 'GZ', kind: 'city', parentId: region.id });
    const hqUser = await makeUser(t.db, { role: 'hq_ops' });
    const adminUser = await makeUser(t.db, { role: 'admin' });
    const managerUser = await makeUser(t.db, { role: 'manager', orgUnitId: shenzhen.id });
    const repUser = await makeUser(t.db, { role: 'rep', username: 'zhang.wei', orgUnitId: shenzhen.id });
    const otherRep = await makeUser(t.db, { role: 'rep', username: 'li.na', orgUnitId: guangzhou.id });
    await makeUser(t.db, {
      role: 'promoter',
      username: 'wang.fang',
      orgUnitId: shenzhen.id,
      isActive: false,
    });
    await makeUser(t.db, { role: 'finance', username: 'cai.wu' });
    repId = repUser.id;
    otherRepId = otherRep.id;
    hq = await sessionHeaders(t.app, hqUser.username);
    admin = await sessionHeaders(t.app, adminUser.username);
    manager = await sessionHeaders(t.app, managerUser.username);
    rep = await sessionHeaders(t.app, repUser.username);
  });
  afterAll(() => t.close());

  const countStores = async () => (await t.db.select({ n: countAll }).from(stores))[0].n;
  const importFile = (
    headers: Record<string, string>,
    fileName: string,
    content: Buffer | string,
    query = '',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/stores/import${query}`,
      ...upload(fileName, content, headers),
    });
  const storesOf = async (accountId: number) => {
    const response = await t.app.inject({ url: `/api/stores?accountId=${accountId}&sort=code`, headers: hq });
    return response.json().items as {
      code: string;
      name: string;
      floorArea: number | null;
      storeClass: string | null;
      reps: { id: number }[];
      status: string;
      format: string;
      orgUnitId: number | null;
      openedOn: string | null;
    }[];
  };

  it('creates stores from a UTF-8 CSV, then re-importing the same file changes nothing', async () => {
    const account = await makeAccount(t.db, { code: 'WMT' });
    const file = toCsv([
      HEADER,
      [
        'WMT',
        'SZ001',
        '沃尔玛深圳蛇口店',
        '大卖场',
        '8,000',
        '广东',
        '深圳',
        '2015/6/18',
        '营业',
        'SZ',
        'zhang.wei',
      ],
      ['WMT', 'SZ002', '沃尔玛深圳福田店', 'warehouse club', 4999, '广东', '深圳', '', '', 'SZ', ''],
      [
        'WMT',
        'GZ001',
        '沃尔玛广州天河店',
        'Supermarket',
        2000,
        '广东',
        '广州',
        '2020-01-01',
        'renovating',
        'GZ',
        'li.na、zhang.wei',
      ],
      ['WMT', 'GZ002', '沃尔玛广州番禺店', '便利店', '', '广东', '广州', '', '已闭店', '', ''],
    ]);
    const first = await importFile(hq, 'stores.csv', file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      status: 'applied',
      rowsRead: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });

    const created = await storesOf(account.id);
    expect(created.map((s) => [s.code, s.format, s.floorArea, s.storeClass, s.status, s.openedOn])).toEqual([
      ['GZ001', 'supermarket', 2000, 'B', 'renovating', '2020-01-01'],
      ['GZ002', 'convenience', null, null, 'closed', null],
      ['SZ001', 'hypermarket', 8000, 'A', 'open', '2015-06-18'],
      ['SZ002', 'warehouse_club', 4999, 'B', 'open', null],
    ]);
    expect(created[0].reps.map((r) => r.id).sort()).toEqual([repId, otherRepId].sort());
    expect(created[0].orgUnitId).toBe(guangzhou.id);
    expect(created[1].orgUnitId).toBeNull();
    expect(created[2].reps.map((r) => r.id)).toEqual([repId]);

    const creates = await listAuditEvents(t.db, {
      entity: ['store'],
      action: ['create'],
      limit: 1000,
      offset: 0,
    });
    const sz001 = creates.items.find((event) => event.after?.code === 'SZ001');
    expect(sz001?.after).toMatchObject({
      accountId: account.id,
      name: '沃尔玛深圳蛇口店',
      storeClass: 'A',
      repIds: [repId],
    });

    const before = await countStores();
    const again = await importFile(hq, 'stores.csv', file);
    expect(again.json()).toMatchObject({ status: 'applied', created: 0, updated: 0, unchanged: 4 });
    expect(await countStores()).toBe(before);
  });

  it('updates only the changed store, re-derives its class, and audits the change', async () => {
    const account = await makeAccount(t.db, { code: 'CRF' });
    const rows = [
      HEADER,
      ['CRF', 'C1', '家乐福一店', '大卖场', 6000, '上海', '上海', '', '', '', ''],
      ['CRF', 'C2', '家乐福二店', '大卖场', 6000, '上海', '上海', '', '', '', ''],
    ];
    expect((await importFile(hq, 'c.csv', toCsv(rows))).json()).toMatchObject({ created: 2 });
    rows[2][4] = 1999;
    const changed = await importFile(hq, 'c.csv', toCsv(rows));
    expect(changed.json()).toMatchObject({ status: 'applied', created: 0, updated: 1, unchanged: 1 });
    expect((await storesOf(account.id)).map((s) => [s.code, s.storeClass])).toEqual([
      ['C1', 'A'],
      ['C2', 'C'],
    ]);
    const audit = await t.app.inject({ url: `/api/audit-events?entity=store&action=update`, headers: admin });
    const event = audit
      .json()
      .items.find((e: { after: { floorArea?: number } }) => e.after.floorArea === 1999);
    expect(event).toMatchObject({
      before: { floorArea: 6000, storeClass: 'A' },
      after: { floorArea: 1999, storeClass: 'C' },
    });
  });

  it('reads a CSV with a BOM, a GBK CSV as Chinese Excel saves it, and an .xlsx with English headers', async () => {
    const account = await makeAccount(t.db, { code: 'RTM' });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        toCsv([HEADER, ['RTM', 'R1', '大润发（南山店）', '大卖场', 9000, '广东', '深圳', '', '', '', '']]),
      ),
    ]);
    expect((await importFile(hq, 'bom.csv', bom)).json()).toMatchObject({ created: 1 });
    const gbk = iconv.encode(
      toCsv([
        HEADER,
        ['RTM', 'R2', '大润发宝安店', '生鲜超市', 3000, '广东', '深圳', '2019年3月8日', '筹备中', '', ''],
      ]),
      'gbk',
    );
    expect((await importFile(hq, '门店.csv', gbk)).json()).toMatchObject({ created: 1 });
    const xlsx = await writeXlsx([
      {
        name: 'Sheet1',
        columns: [
          'accountCode',
          'storeCode',
          'name',
          'format',
          'floorArea',
          'province',
          'city',
          'latitude',
          'longitude',
          '备注',
        ].map((key) => ({ header: key, key })),
        rows: [
          {
            accountCode: 'RTM',
            storeCode: 'R3',
            name: '大润发龙华店',
            format: 'mall',
            floorArea: 12000,
            province: '广东',
            city: '深圳',
            latitude: 22.6567,
            longitude: 114.0297,
            备注: 'x',
          },
        ],
      },
    ]);
    const fromXlsx = await importFile(hq, 'stores.xlsx', xlsx);
    expect(fromXlsx.json()).toEqual({
      status: 'applied',
      rowsRead: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      ignoredColumns: ['备注'],
    });
    expect((await storesOf(account.id)).map((s) => [s.code, s.name, s.format, s.status, s.openedOn])).toEqual(
      [
        ['R1', '大润发（南山店）', 'hypermarket', 'open', null],
        ['R2', '大润发宝安店', 'fresh_supermarket', 'planned', '2019-03-08'],
        ['R3', '大润发龙华店', 'mall', 'open', null],
      ],
    );
  });

  it('rejects a file with bad rows, listing every problem by row, column and reason, and applies nothing', async () => {
    await makeAccount(t.db, { code: 'OLE' });
    const file = toCsv([
      HEADER,
      ['OLE', 'O1', '欧尚一店', '大卖场', 6000, '江苏', '南京', '', '', '', ''], // fine, but must not be applied
      ['NOPE', 'O2', '欧尚二店', '卖场超市', -100, '江苏', '南京', '2026-02-30', '营业', '', ''],
      ['OLE', 'O1', '欧尚一店(重复)', '大卖场', 6000, '江苏', '南京', '', '', '', ''],
      ['OLE', 'O3', '', '超市', 1.5, '江苏', '', '', '开业', 'NOWHERE', 'ghost, wang.fang, cai.wu'],
    ]);
    const before = await countStores();
    const response = await importFile(hq, 'bad.csv', file);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('import_rejected');
    expect(error.message).toBe('The file has 13 problems; nothing was imported');
    expect(error.details.rowsRead).toBe(4);
    expect(error.details.errorCount).toBe(13);
    const problems = error.details.errors.map((p: ImportProblem) => [p.row, p.column, p.value, p.reason]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [3, '客户编码', 'NOPE', 'unknown account code'],
        [3, '业态', '卖场超市', expect.stringMatching(/^unknown value; use one of 大卖场、仓储会员店/)],
        [3, '营业面积(㎡)', '-100', 'must be at least 1'],
        [3, '开业日期', '2026-02-30', 'not a valid date; write it as 2026-05-01'],
        [4, '门店编码', 'O1', 'the same account and store code as row 2'],
        [5, '门店名称', null, 'required'],
        [5, '营业面积(㎡)', '1.5', 'must be a whole number'],
        [5, '城市', null, 'required'],
        [5, '状态', '开业', expect.stringMatching(/^unknown value; use one of 筹备中、营业、装修中、已闭店/)],
        [5, '所属组织编码', 'NOWHERE', 'unknown org unit code'],
        [5, '负责代表', 'ghost, wang.fang, cai.wu', 'unknown user "ghost"'],
        [5, '负责代表', 'ghost, wang.fang, cai.wu', 'wang.fang is not active'],
        [5, '负责代表', 'ghost, wang.fang, cai.wu', 'cai.wu is not a rep or promoter'],
      ]),
    );
    expect(problems).toHaveLength(13);
    expect(await countStores()).toBe(before);

    // The same file with the rows fixed goes through.
    const fixed = toCsv([
      HEADER,
      ['OLE', 'O1', '欧尚一店', '大卖场', 6000, '江苏', '南京', '', '', '', ''],
      ['OLE', 'O2', '欧尚二店', '大卖场', 100, '江苏', '南京', '2026-02-28', '营业', '', ''],
      ['OLE', 'O3', '欧尚三店', '超市', 1500, '江苏', '南京', '', '营业', 'SZ', 'zhang.wei'],
    ]);
    expect((await importFile(hq, 'fixed.csv', fixed)).json()).toMatchObject({
      status: 'applied',
      created: 3,
    });
    expect(await countStores()).toBe(before + 3);
  });

  it('reports a reps cell naming someone who is not a rep', async () => {
    await makeAccount(t.db, { code: 'MTR' });
    const response = await importFile(
      hq,
      'r.csv',
      toCsv([HEADER, ['MTR', 'M1', '麦德龙', '仓储会员店', 10000, '广东', '深圳', '', '', '', 'cai.wu']]),
    );
    expect(response.json().error.details.errors).toEqual([
      { row: 2, column: '负责代表', value: 'cai.wu', reason: 'cai.wu is not a rep or promoter' },
    ]);
  });

  it('keeps a manager to their org subtree without showing stores outside it', async () => {
    const account = await makeAccount(t.db, { code: 'HYD' });
    await makeStore(t.db, {
      accountId: account.id,
      code: 'H-GZ',
      name: '好又多广州秘密店',
      orgUnitId: guangzhou.id,
    });
    const file = toCsv([
      HEADER,
      ['HYD', 'H-GZ', '好又多广州店', '大卖场', 6000, '广东', '广州', '', '', '', ''],
      ['HYD', 'H-NEW', '好又多新店', '大卖场', 6000, '广东', '广州', '', '', 'GZ', ''],
      ['HYD', 'H-SZ', '好又多深圳店', '大卖场', 6000, '广东', '深圳', '', '', '', 'li.na'],
    ]);
    const response = await importFile(manager, 'm.csv', file);
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('秘密');
    expect(response.json().error.details.errors).toEqual([
      {
        row: 2,
        column: '门店编码',
        value: 'H-GZ',
        reason: 'this store exists outside your org unit; ask HQ or its manager to change it',
      },
      { row: 3, column: '所属组织编码', value: 'GZ', reason: 'the org unit is outside your own' },
      { row: 4, column: '负责代表', value: 'li.na', reason: 'li.na is outside your org unit' },
    ]);

    // In their own unit it works, and a new store without an org unit lands in the manager's.
    const ok = await importFile(
      manager,
      'm.csv',
      toCsv([
        HEADER,
        ['HYD', 'H-SZ', '好又多深圳店', '大卖场', 6000, '广东', '深圳', '', '', '', 'zhang.wei'],
      ]),
    );
    expect(ok.json()).toMatchObject({ status: 'applied', created: 1 });
    const created = (await storesOf(account.id)).find((s) => s.code === 'H-SZ')!;
    expect(created.orgUnitId).toBe(shenzhen.id);
  });

  it('lets only the importing roles import (a rep gets 403) and needs a file', async () => {
    const byRep = await importFile(rep, 's.csv', toCsv([HEADER]));
    expect(byRep.statusCode).toBe(403);
    expect(byRep.json().error.code).toBe('forbidden');

    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/stores/import',
      headers: hq,
      payload: { file: 'x' },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('validation_failed');
    const wrongField = await t.app.inject({
      method: 'POST',
      url: '/api/stores/import',
      ...upload('s.csv', 'a', hq, 'upload'),
    });
    expect(wrongField.statusCode).toBe(400);
    const headerOnly = await importFile(hq, 's.csv', toCsv([HEADER]));
    expect(headerOnly.statusCode).toBe(400);
    const badType = await importFile(hq, 's.pdf', 'x');
    expect(badType.json().error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/\.xlsx and \.csv/),
    });
  });

  it('names a missing required column once, on row 1', async () => {
    const response = await importFile(
      hq,
      's.csv',
      toCsv([
        ['客户编码', '门店编码', '门店名称', '省份', '城市'],
        ['WMT', 'X', 'x', '广东', '深圳'],
      ]),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.errors).toEqual([
      {
        row: 1,
        column: '业态',
        value: null,
        reason: 'required column is missing (header "业态" or "format")',
      },
    ]);
  });

  it('checks a file without writing on a dry run', async () => {
    const account = await makeAccount(t.db, { code: 'DRY' });
    const response = await importFile(
      hq,
      'd.csv',
      toCsv([HEADER, ['DRY', 'D1', '试算店', '超市', 800, '湖南', '长沙', '', '', '', '']]),
      '?dryRun=true',
    );
    expect(response.json()).toEqual({
      status: 'valid',
      rowsRead: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });
    expect(await storesOf(account.id)).toEqual([]);
  });

  it('treats blank cells as "no value", absent columns as "leave as is", and a blank reps cell as "keep"', async () => {
    const account = await makeAccount(t.db, { code: 'BLK' });
    const full = [...HEADER, '区县', '商圈'];
    await importFile(
      hq,
      'b.csv',
      toCsv([
        full,
        [
          'BLK',
          'B1',
          '一店',
          '超市',
          3000,
          '广东',
          '深圳',
          '2020-01-01',
          '装修中',
          'SZ',
          'zhang.wei',
          '南山区',
          '蛇口',
        ],
      ]),
    );

    // Blank optional cells clear; blank status and reps keep what the store has.
    const blanks = await importFile(
      hq,
      'b.csv',
      toCsv([full, ['BLK', 'B1', '一店', '超市', '', '广东', '深圳', '', '', 'SZ', '', '', '蛇口']]),
    );
    expect(blanks.json()).toMatchObject({ updated: 1 });
    let [store] = await storesOf(account.id);
    expect(store).toMatchObject({ floorArea: null, storeClass: null, openedOn: null, status: 'renovating' });
    expect(store.reps.map((r) => r.id)).toEqual([repId]);

    // Columns not in the file stay as they are.
    const partial = await importFile(
      hq,
      'b.csv',
      toCsv([
        ['客户编码', '门店编码', '门店名称', '业态', '省份', '城市', '营业面积(㎡)'],
        ['BLK', 'B1', '一店', '超市', '广东', '深圳', 5000],
      ]),
    );
    expect(partial.json()).toMatchObject({ updated: 1 });
    [store] = await storesOf(account.id);
    expect(store).toMatchObject({
      floorArea: 5000,
      storeClass: 'A',
      status: 'renovating',
      orgUnitId: shenzhen.id,
    });
    expect(store.reps.map((r) => r.id)).toEqual([repId]);

    // "无" removes every rep.
    const cleared = await importFile(
      hq,
      'b.csv',
      toCsv([
        ['客户编码', '门店编码', '门店名称', '业态', '省份', '城市', '负责代表'],
        ['BLK', 'B1', '一店', '超市', '广东', '深圳', '无'],
      ]),
    );
    expect(cleared.json()).toMatchObject({ updated: 1 });
    [store] = await storesOf(account.id);
    expect(store.reps).toEqual([]);
  });

  it('exports the filtered list as .xlsx, scoped to the user, and the export imports back unchanged', async () => {
    const account = await makeAccount(t.db, { code: 'EXP', name: '出口测试' });
    await makeStore(t.db, {
      accountId: account.id,
      code: 'E1',
      name: '大店',
      floorArea: 9000,
      orgUnitId: shenzhen.id,
      repIds: [repId],
      openedOn: '2018-08-08',
      latitude: 22.543096,
      longitude: 114.057865,
    });
    await makeStore(t.db, {
      accountId: account.id,
      code: 'E2',
      name: '中店',
      floorArea: 3000,
      format: 'supermarket',
      orgUnitId: guangzhou.id,
      repIds: [otherRepId],
    });
    await makeStore(t.db, {
      accountId: account.id,
      code: 'E3',
      name: '无面积店',
      floorArea: null,
      status: 'closed',
    });

    const response = await t.app.inject({
      url: `/api/stores/export.xlsx?accountId=${account.id}&storeClass=A`,
      headers: hq,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="stores-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''stores-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const sheet = await readSpreadsheet(response.rawPayload, 'export.xlsx');
    expect(sheet.headers).toEqual([
      '客户编码',
      '客户名称',
      '门店编码',
      '门店名称',
      '业态',
      '营业面积(㎡)',
      '卖场等级',
      '省份',
      '城市',
      '区县',
      '地址',
      '商圈',
      '纬度',
      '经度',
      '日客流',
      '潜力(1-5)',
      '开业日期',
      '状态',
      '所属组织编码',
      '负责代表',
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].cells).toMatchObject({
      客户编码: 'EXP',
      客户名称: '出口测试',
      门店编码: 'E1',
      门店名称: '大店',
      业态: '大卖场',
      '营业面积(㎡)': '9000',
      卖场等级: 'A',
      纬度: '22.543096',
      经度: '114.057865',
      开业日期: '2018-08-08',
      状态: '营业',
      所属组织编码: 'SZ',
      负责代表: 'zhang.wei',
    });

    const byRep = await t.app.inject({
      url: `/api/stores/export.xlsx?accountId=${account.id}`,
      headers: rep,
    });
    expect(
      (await readSpreadsheet(byRep.rawPayload, 'x.xlsx')).rows.map((row) => row.cells['门店编码']),
    ).toEqual(['E1']);

    const all = await t.app.inject({ url: `/api/stores/export.xlsx?accountId=${account.id}`, headers: hq });
    const reimport = await importFile(hq, 'stores.xlsx', all.rawPayload);
    expect(reimport.json()).toEqual({
      status: 'applied',
      rowsRead: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
      ignoredColumns: [],
    });

    const invalidFilter = await t.app.inject({ url: '/api/stores/export.xlsx?storeClass=Z', headers: hq });
    expect(invalidFilter.statusCode).toBe(400);
  });

  it('serves a template whose headers the importer reads, with a 说明 sheet', async () => {
    const response = await t.app.inject({ url: '/api/stores/import-template.xlsx', headers: rep });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('stores-import-template.xlsx');
    const sheet = await readSpreadsheet(response.rawPayload, 'template.xlsx');
    expect(sheet.headers).toEqual([
      '客户编码',
      '门店编码',
      '门店名称',
      '业态',
      '营业面积(㎡)',
      '省份',
      '城市',
      '区县',
      '地址',
      '商圈',
      '纬度',
      '经度',
      '日客流',
      '潜力(1-5)',
      '开业日期',
      '状态',
      '所属组织编码',
      '负责代表',
    ]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].cells['业态']).toBe('大卖场');

    // The example row is valid once its account exists (its reps are examples, so drop them).
    await makeAccount(t.db, { code: 'WMT-T' });
    const example: Record<string, string> = { ...sheet.rows[0].cells, 客户编码: 'WMT-T', 负责代表: '' };
    const csv = toCsv([sheet.headers, sheet.headers.map((header) => example[header])]);
    expect((await importFile(hq, 'example.csv', csv, '?dryRun=true')).json()).toMatchObject({
      status: 'valid',
      created: 1,
    });

    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const help = workbook.getWorksheet('说明')!;
    const lines = help.getSheetValues().flat().map(String).join('\n');
    expect(lines).toContain('仓储会员店');
    expect(lines).toContain('客户编码 + 门店编码');
  });

  it('does not mistake /api/stores/export.xlsx for a store id', async () => {
    const response = await t.app.inject({ url: '/api/stores/export.xlsx?limit=5', headers: hq });
    expect(response.statusCode).toBe(200);
    const notAnId = await t.app.inject({ url: '/api/stores/export.csv', headers: hq });
    expect(notAnId.statusCode).toBe(400);
  });
});
