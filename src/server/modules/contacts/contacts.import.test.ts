import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import type { ImportProblem } from '../../../core/common/errors';
import { countAll } from '../../db/sql-helpers';
import { readSpreadsheet, writeXlsx } from '../../lib/spreadsheet';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { makeAccount, makeContact, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { contacts } from './contacts.table';
import { toCsv, upload } from '../../test/uploads';

const HEADER = [
  '客户编码',
  '门店编码',
  '姓名',
  '角色',
  '职务',
  '电话',
  '邮箱',
  '生日',
  '客情备注',
  '最近联系日期',
];

type ContactItem = {
  name: string;
  role: string;
  storeId: number | null;
  accountId: number;
  phone: string | null;
  email: string | null;
  notes: string | null;
  title: string | null;
  birthday: string | null;
};

describe('contact import and export', () => {
  let t: TestContext;
  let hq: Record<string, string>;
  let admin: Record<string, string>;
  let rep: Record<string, string>;
  let promoter: Record<string, string>;
  let repStoreId: number;
  let walmartId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const shenzhen = await makeOrgUnit(t.db, { code: 'SZ', kind: 'city' });
    const guangzhou = await makeOrgUnit(t.db, { code: 'GZ', kind: 'city' });
    const hqUser = await makeUser(t.db, { role: 'hq_ops' });
    const adminUser = await makeUser(t.db, { role: 'admin' });
    const repUser = await makeUser(t.db, { role: 'rep', orgUnitId: shenzhen.id });
    const promoterUser = await makeUser(t.db, { role: 'promoter', orgUnitId: shenzhen.id });
    const walmart = await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' });
    const carrefour = await makeAccount(t.db, { code: 'CRF', name: '家乐福' });
    walmartId = walmart.id;
    repStoreId = (
      await makeStore(t.db, {
        accountId: walmart.id,
        code: 'SZ1',
        name: '蛇口店',
        orgUnitId: shenzhen.id,
        repIds: [repUser.id, promoterUser.id],
      })
    ).id;
    await makeStore(t.db, { accountId: walmart.id, code: 'SZ2', name: '福田店', orgUnitId: shenzhen.id });
    await makeStore(t.db, { accountId: walmart.id, code: 'GZ1', name: '天河店', orgUnitId: guangzhou.id });
    await makeStore(t.db, {
      accountId: carrefour.id,
      code: 'C-GZ',
      name: '家乐福秘密店',
      orgUnitId: guangzhou.id,
    });
    hq = await sessionHeaders(t.app, hqUser.username);
    admin = await sessionHeaders(t.app, adminUser.username);
    rep = await sessionHeaders(t.app, repUser.username);
    promoter = await sessionHeaders(t.app, promoterUser.username);
  });
  afterAll(() => t.close());

  const countContacts = async () => (await t.db.select({ n: countAll }).from(contacts))[0].n;
  const importFile = (
    headers: Record<string, string>,
    fileName: string,
    content: Buffer | string,
    query = '',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/contacts/import${query}`,
      ...upload(fileName, content, headers),
    });
  const contactsNamed = async (q: string): Promise<ContactItem[]> =>
    (
      await t.app.inject({ url: `/api/contacts?q=${encodeURIComponent(q)}&sort=name&limit=100`, headers: hq })
    ).json().items;

  it('creates store and HQ contacts from a CSV, then the same file changes nothing and a changed cell updates one', async () => {
    const rows: (string | number)[][] = [
      HEADER,
      [
        'WMT',
        'SZ1',
        '甲张伟',
        '店长',
        '店长',
        '138 0013 8000',
        'zw@example.com',
        '1985/3/12',
        '喜欢喝茶，周一巡店',
        '2026-01-15',
      ],
      ['WMT', '', '甲李娜', '采购', '休闲食品采购', '', '', '', '', ''],
      ['WMT', 'GZ1', '甲张伟', 'section head', '', '', '', '', '', ''], // same name, another store: another person
    ];
    const first = await importFile(hq, 'contacts.csv', toCsv(rows));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      status: 'applied',
      rowsRead: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });
    const created = await contactsNamed('甲');
    expect(created.map((c) => [c.name, c.role, c.storeId === null ? 'HQ' : 'store', c.birthday])).toEqual(
      expect.arrayContaining([
        ['甲张伟', 'store_manager', 'store', '1985-03-12'],
        ['甲张伟', 'section_head', 'store', null],
        ['甲李娜', 'buyer', 'HQ', null],
      ]),
    );
    expect(created.find((c) => c.storeId === repStoreId)).toMatchObject({
      phone: '138 0013 8000',
      notes: '喜欢喝茶，周一巡店',
      accountId: walmartId,
    });

    const before = await countContacts();
    expect((await importFile(hq, 'contacts.csv', toCsv(rows))).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await countContacts()).toBe(before);

    rows[2][4] = '采购经理';
    expect((await importFile(hq, 'contacts.csv', toCsv(rows))).json()).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    const audit = await t.app.inject({
      url: '/api/audit-events?entity=contact&action=update',
      headers: admin,
    });
    expect(audit.json().items[0]).toMatchObject({
      before: { title: '休闲食品采购' },
      after: { title: '采购经理' },
    });
  });

  it('reads a GBK CSV, a CSV with a BOM and an .xlsx', async () => {
    const gbk = iconv.encode(
      toCsv([HEADER, ['WMT', 'SZ2', '乙王芳', '品类经理', '', '', '', '', '', '']]),
      'gbk',
    );
    expect((await importFile(hq, '联系人.csv', gbk)).json()).toMatchObject({ created: 1 });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(toCsv([HEADER, ['WMT', 'SZ2', '乙赵敏', '财务', '', '', '', '', '', '']])),
    ]);
    expect((await importFile(hq, 'c.csv', bom)).json()).toMatchObject({ created: 1 });
    const xlsx = await writeXlsx([
      {
        name: 'Sheet1',
        columns: ['accountCode', 'storeCode', 'name', 'role', 'phone'].map((key) => ({ header: key, key })),
        rows: [{ accountCode: 'WMT', storeCode: 'SZ2', name: '乙孙丽', role: 'Other', phone: 13800138000 }],
      },
    ]);
    expect((await importFile(hq, 'c.xlsx', xlsx)).json()).toMatchObject({ created: 1 });
    expect((await contactsNamed('乙')).map((c) => [c.name, c.role, c.phone])).toEqual([
      ['乙孙丽', 'other', '13800138000'],
      ['乙王芳', 'category_manager', null],
      ['乙赵敏', 'finance', null],
    ]);
  });

  it('rejects a file with bad rows, every problem by row, column and reason, and applies nothing', async () => {
    const file = toCsv([
      HEADER,
      ['WMT', 'SZ1', '丙好人', '店长', '', '', '', '', '', ''], // fine, but must not be applied
      ['NOPE', '', '丙一', '采购', '', '', '', '', '', ''],
      ['WMT', 'XX9', '丙二', '老板', '', 'call me', 'not-an-email', '1990-02-30', '', ''],
      ['WMT', 'SZ1', '丙好人', '店长', '', '', '', '', '', ''],
      ['WMT', '', '', '', '', '', '', '', '', 'yesterday'],
    ]);
    const before = await countContacts();
    const response = await importFile(hq, 'bad.csv', file);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error).toMatchObject({ code: 'import_rejected', details: { rowsRead: 5, errorCount: 10 } });
    expect(error.details.errors.map((p: ImportProblem) => [p.row, p.column, p.value, p.reason])).toEqual([
      [3, '客户编码', 'NOPE', 'unknown account code, or outside your scope'],
      [
        4,
        '角色',
        '老板',
        expect.stringMatching(/^unknown value; use one of 采购、品类经理、店长、柜组长、财务、其他/),
      ],
      [4, '电话', 'call me', 'digits, spaces and + - ( ) only'],
      [4, '邮箱', 'not-an-email', 'not a valid email address'],
      [4, '生日', '1990-02-30', 'not a valid date; write it as 2026-05-01'],
      [4, '门店编码', 'XX9', 'unknown store code for this account, or outside your scope'],
      [5, '姓名', '丙好人', 'the same account, store and name as row 2'],
      [6, '姓名', null, 'required'],
      [6, '角色', null, 'required'],
      [6, '最近联系日期', 'yesterday', 'not a valid date; write it as 2026-05-01'],
    ]);
    expect(await countContacts()).toBe(before);
  });

  it('keeps a rep to the stores assigned to them and the HQ people of their accounts', async () => {
    const file = toCsv([
      HEADER,
      ['WMT', 'SZ1', '丁店长', '店长', '', '', '', '', '', ''],
      ['WMT', '', '丁采购', '采购', '', '', '', '', '', ''],
      ['WMT', 'SZ2', '丁别人', '店长', '', '', '', '', '', ''],
      ['CRF', 'C-GZ', '丁秘密', '店长', '', '', '', '', '', ''],
      ['CRF', '', '丁秘密采购', '采购', '', '', '', '', '', ''],
    ]);
    const response = await importFile(rep, 'rep.csv', file);
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('秘密店');
    expect(response.json().error.details.errors).toEqual([
      {
        row: 4,
        column: '门店编码',
        value: 'SZ2',
        reason: 'unknown store code for this account, or outside your scope',
      },
      { row: 5, column: '客户编码', value: 'CRF', reason: 'unknown account code, or outside your scope' },
      { row: 6, column: '客户编码', value: 'CRF', reason: 'unknown account code, or outside your scope' },
    ]);
    const ok = await importFile(
      rep,
      'rep.csv',
      toCsv(
        file
          .trim()
          .split('\r\n')
          .slice(0, 3)
          .map((line) => line.split(',')),
      ),
    );
    expect(ok.json()).toMatchObject({ status: 'applied', created: 2 });

    const byPromoter = await importFile(promoter, 'p.csv', toCsv([HEADER]));
    expect(byPromoter.statusCode).toBe(403);
  });

  it('refuses to guess between two existing contacts with the same name at the same place', async () => {
    await makeContact(t.db, { storeId: repStoreId, name: '戊双胞胎', role: 'buyer' });
    await makeContact(t.db, { storeId: repStoreId, name: '戊双胞胎', role: 'finance' });
    const response = await importFile(
      hq,
      'twins.csv',
      toCsv([HEADER, ['WMT', 'SZ1', '戊双胞胎', '采购', '', '', '', '', '', '']]),
    );
    expect(response.json().error.details.errors).toEqual([
      {
        row: 2,
        column: '姓名',
        value: '戊双胞胎',
        reason: '2 contacts with this name already exist here; rename one in Endcap first',
      },
    ]);
  });

  it('clears a blank cell, leaves an absent column alone, and checks without writing on a dry run', async () => {
    await importFile(
      hq,
      'b.csv',
      toCsv([HEADER, ['WMT', 'SZ2', '己某', '店长', '店长', '123', 'a@b.cn', '', '老朋友', '']]),
    );
    const blank = await importFile(
      hq,
      'b.csv',
      toCsv([HEADER, ['WMT', 'SZ2', '己某', '店长', '', '123', 'a@b.cn', '', '老朋友', '']]),
    );
    expect(blank.json()).toMatchObject({ updated: 1 });
    expect((await contactsNamed('己某'))[0]).toMatchObject({ title: null, phone: '123', notes: '老朋友' });
    const partial = await importFile(
      hq,
      'b.csv',
      toCsv([
        ['客户编码', '门店编码', '姓名', '角色'],
        ['WMT', 'SZ2', '己某', '柜组长'],
      ]),
    );
    expect(partial.json()).toMatchObject({ updated: 1 });
    expect((await contactsNamed('己某'))[0]).toMatchObject({
      role: 'section_head',
      phone: '123',
      email: 'a@b.cn',
      notes: '老朋友',
    });

    const dry = await importFile(
      hq,
      'b.csv',
      toCsv([HEADER, ['WMT', 'SZ2', '己新', '店长', '', '', '', '', '', '']]),
      '?dryRun=true',
    );
    expect(dry.json()).toEqual({
      status: 'valid',
      rowsRead: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      ignoredColumns: [],
    });
    expect(await contactsNamed('己新')).toEqual([]);
  });

  it('exports the filtered list in the user scope, and the export imports back unchanged', async () => {
    await makeContact(t.db, {
      storeId: repStoreId,
      name: '庚店长',
      role: 'store_manager',
      phone: '0755-1234',
      birthday: '1980-01-02',
    });
    await makeContact(t.db, {
      accountId: walmartId,
      name: '庚采购',
      role: 'buyer',
      email: 'buyer@wmt.cn',
      notes: '多行\n备注',
    });

    const response = await t.app.inject({
      url: `/api/contacts/export.xlsx?q=${encodeURIComponent('庚')}&role=buyer`,
      headers: hq,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(
      /filename\*=UTF-8''contacts-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const sheet = await readSpreadsheet(response.rawPayload, 'x.xlsx');
    expect(sheet.headers).toEqual([
      '客户编码',
      '客户名称',
      '门店编码',
      '门店名称',
      '姓名',
      '角色',
      '职务',
      '电话',
      '微信',
      '邮箱',
      '生日',
      '客情备注',
      '最近联系日期',
    ]);
    expect(sheet.rows.map((row) => row.cells)).toEqual([
      {
        客户编码: 'WMT',
        客户名称: '沃尔玛',
        门店编码: '',
        门店名称: '',
        姓名: '庚采购',
        角色: '采购',
        职务: '',
        电话: '',
        微信: '',
        邮箱: 'buyer@wmt.cn',
        生日: '',
        客情备注: '多行\n备注',
        最近联系日期: '',
      },
    ]);

    const byRep = await t.app.inject({ url: '/api/contacts/export.xlsx', headers: rep });
    const repRows = (await readSpreadsheet(byRep.rawPayload, 'x.xlsx')).rows;
    expect(repRows.length).toBeGreaterThan(0);
    // Only the rep's store and the HQ people of Walmart: nothing of the Guangzhou store or of Carrefour.
    expect(
      repRows.every(
        (row) =>
          row.cells['门店编码'] === 'SZ1' ||
          (row.cells['门店编码'] === '' && row.cells['客户编码'] === 'WMT'),
      ),
    ).toBe(true);

    const all = await t.app.inject({ url: '/api/contacts/export.xlsx', headers: hq });
    const everyone = (await readSpreadsheet(all.rawPayload, 'x.xlsx')).rows.length;
    // The twins of another test make the whole list ambiguous on import; export everything else.
    const withoutTwins = await t.app.inject({
      url: `/api/contacts/export.xlsx?q=${encodeURIComponent('庚')}`,
      headers: hq,
    });
    const reimport = await importFile(hq, 'contacts.xlsx', withoutTwins.rawPayload);
    expect(reimport.json()).toEqual({
      status: 'applied',
      rowsRead: 2,
      created: 0,
      updated: 0,
      unchanged: 2,
      ignoredColumns: [],
    });
    expect(everyone).toBe(await countContacts());
  });

  it('serves a template whose headers and example row import', async () => {
    const response = await t.app.inject({ url: '/api/contacts/import-template.xlsx', headers: rep });
    expect(response.statusCode).toBe(200);
    const sheet = await readSpreadsheet(response.rawPayload, 't.xlsx');
    expect(sheet.headers).toEqual([
      '客户编码',
      '门店编码',
      '姓名',
      '角色',
      '职务',
      '电话',
      '微信',
      '邮箱',
      '生日',
      '客情备注',
      '最近联系日期',
    ]);
    const example: Record<string, string> = { ...sheet.rows[0].cells, 门店编码: 'SZ1' };
    const dry = await importFile(
      hq,
      'e.csv',
      toCsv([sheet.headers, sheet.headers.map((h) => example[h])]),
      '?dryRun=true',
    );
    expect(dry.json()).toMatchObject({ status: 'valid', created: 1 });
  });
});
