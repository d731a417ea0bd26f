import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../../core/common/errors';
import { addDays, businessToday } from '../../../core/common/time';
import type { Contact } from '../../../core/contacts/contacts.contract';
import { makeAccount, makeContact, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';

type Headers = Record<string, string>;
/** The signed-in users of the fixture, one per role and place. */
type Who =
  'hq' | 'admin' | 'finance' | 'managerSouth' | 'managerEast' | 'repSz' | 'repGz' | 'repSh' | 'promoter';
type ContactList = { items: Contact[]; total: number };

const daysAgo = (days: number) => addDays(businessToday(), -days);

/**
 * The fixture (never changed by a test): Walmart with two Shenzhen stores and one in Guangzhou, Carrefour
 * with one in Shanghai, and seven contacts named so that name order is the same under every collation.
 * Tests that write make their own accounts, stores and reps.
 */
describe('contacts API', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const unit = { south: 0, sz: 0, gz: 0, sh: 0 };
  const store = { wmtSz1: 0, wmtSz2: 0, wmtGz: 0, crfSh: 0 };
  const contact = { wang: 0, liu: 0, chen: 0, zhou: 0, wu: 0, zheng: 0, qian: 0 };
  let wmt: number;
  let crf: number;
  let fixture: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const hqUnit = await makeOrgUnit(t.db, { kind: 'hq' });
    const south = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const gz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const east = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sh = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });
    Object.assign(unit, { south: south.id, sz: sz.id, gz: gz.id, sh: sh.id });

    const users = {
      hq: await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id }),
      admin: await makeUser(t.db, { role: 'admin' }),
      finance: await makeUser(t.db, { role: 'finance', orgUnitId: hqUnit.id }),
      managerSouth: await makeUser(t.db, { role: 'manager', orgUnitId: south.id }),
      managerEast: await makeUser(t.db, { role: 'manager', orgUnitId: east.id }),
      repSz: await makeUser(t.db, { role: 'rep', orgUnitId: sz.id }),
      repGz: await makeUser(t.db, { role: 'rep', orgUnitId: gz.id }),
      repSh: await makeUser(t.db, { role: 'rep', orgUnitId: sh.id }),
      promoter: await makeUser(t.db, { role: 'promoter', orgUnitId: sz.id }),
    };

    wmt = (await makeAccount(t.db, { code: 'WMT', name: '沃尔玛' })).id;
    crf = (await makeAccount(t.db, { code: 'CRF', name: '家乐福' })).id;
    fixture = `accountId=${wmt},${crf}`;
    store.wmtSz1 = (
      await makeStore(t.db, {
        accountId: wmt,
        code: 'SZ001',
        name: '沃尔玛南山店',
        orgUnitId: sz.id,
        repIds: [users.repSz.id, users.promoter.id],
      })
    ).id;
    store.wmtSz2 = (
      await makeStore(t.db, { accountId: wmt, code: 'SZ002', name: '沃尔玛福田店', orgUnitId: sz.id })
    ).id;
    store.wmtGz = (
      await makeStore(t.db, {
        accountId: wmt,
        code: 'GZ001',
        name: '沃尔玛天河店',
        city: '广州',
        orgUnitId: gz.id,
        repIds: [users.repGz.id],
      })
    ).id;
    store.crfSh = (
      await makeStore(t.db, {
        accountId: crf,
        code: 'SH001',
        name: '家乐福古北店',
        province: '上海',
        city: '上海',
        orgUnitId: sh.id,
        repIds: [users.repSh.id],
      })
    ).id;

    contact.wang = (
      await makeContact(t.db, {
        accountId: wmt,
        name: 'Wang',
        role: 'buyer',
        title: '休闲食品采购',
        phone: '138 0013 8000',
        wechat: 'wang_buyer',
        email: 'wang@walmart.example',
        birthday: '1985-06-01',
        notes: '喜欢喝茶；周一上午见供应商',
        lastContactedOn: daysAgo(10),
      })
    ).id;
    contact.liu = (
      await makeContact(t.db, {
        accountId: wmt,
        name: 'Liu',
        role: 'category_manager',
        lastContactedOn: null,
      })
    ).id;
    contact.chen = (
      await makeContact(t.db, {
        storeId: store.wmtSz1,
        name: 'Chen',
        role: 'store_manager',
        lastContactedOn: daysAgo(100),
      })
    ).id;
    contact.zhou = (
      await makeContact(t.db, {
        storeId: store.wmtSz2,
        name: 'Zhou',
        role: 'section_head',
        lastContactedOn: daysAgo(90),
      })
    ).id;
    contact.wu = (
      await makeContact(t.db, {
        storeId: store.wmtGz,
        name: 'Wu',
        role: 'store_manager',
        lastContactedOn: daysAgo(89),
      })
    ).id;
    contact.zheng = (
      await makeContact(t.db, { accountId: crf, name: 'Zheng', role: 'buyer', lastContactedOn: daysAgo(200) })
    ).id;
    contact.qian = (await makeContact(t.db, { storeId: store.crfSh, name: 'Qian', role: 'finance' })).id;

    for (const [key, value] of Object.entries(users))
      as[key as Who] = await sessionHeaders(t.app, value.username);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
  const post = (payload: object, headers: Headers) =>
    t.app.inject({ method: 'POST', url: '/api/contacts', headers, payload });
  const patch = (id: number, payload: object, headers: Headers) =>
    t.app.inject({ method: 'PATCH', url: `/api/contacts/${id}`, headers, payload });
  const list = async (query: string, headers: Headers = as.hq): Promise<ContactList> => {
    const response = await get(`/api/contacts?${query}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ContactList>();
  };
  const names = (body: ContactList) => body.items.map((item) => item.name);
  const notFound = { error: { code: 'not_found', message: 'Contact not found' } };

  /** A world for write tests: an account with a store the new rep works and one they do not. */
  async function repWorld() {
    const account = await makeAccount(t.db);
    const rep = await makeUser(t.db, { role: 'rep', orgUnitId: unit.sz });
    const own = await makeStore(t.db, { accountId: account.id, orgUnitId: unit.sz, repIds: [rep.id] });
    const other = await makeStore(t.db, { accountId: account.id, orgUnitId: unit.sz, name: '别人的店' });
    return { account, rep, own, other, headers: await tokenHeaders(t.database, rep.actor) };
  }

  describe('fields', () => {
    it('answers every field of a contact', async () => {
      const response = await get(`/api/contacts/${contact.wang}`, as.hq);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        id: contact.wang,
        accountId: wmt,
        accountName: '沃尔玛',
        storeId: null,
        storeName: null,
        name: 'Wang',
        role: 'buyer',
        title: '休闲食品采购',
        phone: '138 0013 8000',
        wechat: 'wang_buyer',
        email: 'wang@walmart.example',
        birthday: '1985-06-01',
        notes: '喜欢喝茶；周一上午见供应商',
        lastContactedOn: daysAgo(10),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const ofStore = await get(`/api/contacts/${contact.chen}`, as.hq);
      expect(ofStore.json()).toMatchObject({
        accountId: wmt,
        accountName: '沃尔玛',
        storeId: store.wmtSz1,
        storeName: '沃尔玛南山店',
      });
    });

    it('creates an HQ contact of an account and a store contact that takes its store’s account', async () => {
      const account = await makeAccount(t.db, { name: '大润发' });
      const storeOf = await makeStore(t.db, { accountId: account.id, name: '大润发宝安店' });
      const hqBuyer = await post(
        {
          accountId: account.id,
          name: '孙采购',
          role: 'buyer',
          phone: '+86 (755) 1234-5678',
          wechat: 'sun',
          email: 'sun@rt-mart.example',
          birthday: '1990-02-28',
          notes: '年底谈合同',
          lastContactedOn: '2026-01-05',
        },
        as.hq,
      );
      expect(hqBuyer.statusCode, hqBuyer.body).toBe(201);
      expect(hqBuyer.json()).toMatchObject({
        accountId: account.id,
        accountName: '大润发',
        storeId: null,
        storeName: null,
        name: '孙采购',
        role: 'buyer',
        phone: '+86 (755) 1234-5678',
        email: 'sun@rt-mart.example',
        birthday: '1990-02-28',
        notes: '年底谈合同',
        lastContactedOn: '2026-01-05',
      });

      const storeManager = await post(
        { storeId: storeOf.id, name: '钱店长', role: 'store_manager', phone: '', wechat: '' },
        as.hq,
      );
      expect(storeManager.statusCode).toBe(201);
      // Empty form fields are stored as "not known".
      expect(storeManager.json()).toMatchObject({
        accountId: account.id,
        storeId: storeOf.id,
        storeName: '大润发宝安店',
        phone: null,
        wechat: null,
        email: null,
        lastContactedOn: null,
      });

      const both = await post(
        { accountId: account.id, storeId: storeOf.id, name: '柜组长', role: 'section_head' },
        as.hq,
      );
      expect(both.statusCode).toBe(201);
      expect((await list(`accountId=${account.id}`)).total).toBe(3);
    });

    it('answers 400 for a store of another account, a contact with neither, or invalid fields', async () => {
      const mismatch = await post({ accountId: crf, storeId: store.wmtSz1, name: 'X', role: 'buyer' }, as.hq);
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: 'the store belongs to another account',
          details: [{ path: 'body.accountId', message: 'the store belongs to another account' }],
        },
      });

      const neither = await post({ name: 'X', role: 'buyer' }, as.hq);
      expect(neither.statusCode).toBe(400);
      expect(neither.json()).toMatchObject({
        error: {
          code: 'validation_failed',
          details: [{ path: 'body.accountId', message: 'a contact needs an account or a store' }],
        },
      });

      const invalid = await post(
        {
          accountId: wmt,
          name: '',
          role: 'boss',
          phone: 'call me',
          email: 'not-an-email',
          birthday: '1990-13-45',
          lastContactedOn: 'yesterday',
        },
        as.hq,
      );
      expect(invalid.statusCode).toBe(400);
      const paths = (invalid.json<ErrorResponse>().error.details as { path: string }[]).map(
        (detail) => detail.path,
      );
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.name',
          'body.role',
          'body.phone',
          'body.email',
          'body.birthday',
          'body.lastContactedOn',
        ]),
      );

      const unknownAccount = await post({ accountId: 999_999, name: 'X', role: 'buyer' }, as.hq);
      expect(unknownAccount.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'body.accountId' }] },
      });
      const unknownStore = await post({ storeId: 999_999, name: 'X', role: 'buyer' }, as.hq);
      expect(unknownStore.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'body.storeId' }] },
      });
      expect((await list(fixture)).total).toBe(7);
    });

    it('accepts every contact role', async () => {
      const account = await makeAccount(t.db);
      for (const role of ['buyer', 'category_manager', 'store_manager', 'section_head', 'finance', 'other']) {
        const response = await post({ accountId: account.id, name: role, role }, as.hq);
        expect(response.statusCode, role).toBe(201);
        expect(response.json()).toMatchObject({ role });
      }
    });

    it('moves a contact between stores and to the account, its account following the store', async () => {
      const first = await makeAccount(t.db);
      const second = await makeAccount(t.db);
      const storeA = await makeStore(t.db, { accountId: first.id });
      const storeB = await makeStore(t.db, { accountId: second.id });
      const created = (
        await post({ storeId: storeA.id, name: 'Mover', role: 'store_manager' }, as.hq)
      ).json<Contact>();

      const moved = await patch(created.id, { storeId: storeB.id }, as.hq);
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ accountId: second.id, storeId: storeB.id });

      const mismatch = await patch(created.id, { accountId: first.id }, as.hq);
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'body.accountId' }] },
      });

      const toHq = await patch(created.id, { storeId: null }, as.hq);
      expect(toHq.json()).toMatchObject({ accountId: second.id, storeId: null, storeName: null });

      const touched = await patch(created.id, { lastContactedOn: '2026-02-01', notes: '春节前拜访' }, as.hq);
      expect(touched.json()).toMatchObject({
        accountId: second.id,
        storeId: null,
        lastContactedOn: '2026-02-01',
        notes: '春节前拜访',
      });
    });
  });

  describe('lists', () => {
    it('answers {items,total} in name order', async () => {
      const body = await list(fixture);
      expect(body.total).toBe(7);
      expect(names(body)).toEqual(['Chen', 'Liu', 'Qian', 'Wang', 'Wu', 'Zheng', 'Zhou']);
    });

    it('filters by account, store, role and staleness (90 days or never)', async () => {
      expect(names(await list(`accountId=${crf}`))).toEqual(['Qian', 'Zheng']);
      expect(names(await list(`storeId=${store.wmtSz1},${store.wmtGz}`))).toEqual(['Chen', 'Wu']);
      expect(names(await list(`${fixture}&role=buyer`))).toEqual(['Wang', 'Zheng']);
      expect(names(await list(`${fixture}&role=buyer,finance`))).toEqual(['Qian', 'Wang', 'Zheng']);
      // 90 days ago counts as stale, 89 does not; never contacted does.
      expect(names(await list(`${fixture}&staleDays=90`))).toEqual(['Chen', 'Liu', 'Qian', 'Zheng', 'Zhou']);
      expect(names(await list(`${fixture}&staleDays=150`))).toEqual(['Liu', 'Qian', 'Zheng']);
      expect(names(await list(`accountId=${wmt}&role=store_manager&staleDays=90`))).toEqual(['Chen']);
    });

    it('searches name, phone, wechat and title', async () => {
      const search = async (q: string) => names(await list(`${fixture}&q=${encodeURIComponent(q)}`));
      expect(await search('zhe')).toEqual(['Zheng']);
      expect(await search('0013')).toEqual(['Wang']);
      expect(await search('WANG_B')).toEqual(['Wang']);
      expect(await search('休闲食品')).toEqual(['Wang']);
      expect(await search('_')).toEqual(['Wang']);
      expect(await search('%')).toEqual([]);
    });

    it('sorts, never-contacted last, falls back to name for unknown keys, and pages with a full total', async () => {
      expect(names(await list(`${fixture}&sort=-lastContactedOn`))).toEqual([
        'Wang',
        'Wu',
        'Zhou',
        'Chen',
        'Zheng',
        'Liu',
        'Qian',
      ]);
      expect(names(await list(`${fixture}&sort=lastContactedOn`))).toEqual([
        'Zheng',
        'Chen',
        'Zhou',
        'Wu',
        'Wang',
        'Liu',
        'Qian',
      ]);
      expect(names(await list(`${fixture}&sort=-name`))).toEqual([
        'Zhou',
        'Zheng',
        'Wu',
        'Wang',
        'Qian',
        'Liu',
        'Chen',
      ]);
      expect(names(await list(`${fixture}&sort=-phone`))).toEqual([
        'Chen',
        'Liu',
        'Qian',
        'Wang',
        'Wu',
        'Zheng',
        'Zhou',
      ]);

      const page = await list(`${fixture}&limit=2&offset=1`);
      expect(page.total).toBe(7);
      expect(names(page)).toEqual(['Liu', 'Qian']);
      const stalePage = await list(`${fixture}&staleDays=90&limit=1&offset=4`);
      expect(stalePage.total).toBe(5);
      expect(names(stalePage)).toEqual(['Zhou']);
    });

    it('answers 400 with querystring paths for an invalid query', async () => {
      for (const [query, path] of [
        ['limit=0', 'querystring.limit'],
        ['limit=5000', 'querystring.limit'],
        ['staleDays=0', 'querystring.staleDays'],
        ['role=boss', 'querystring.role'],
        ['storeId=x', 'querystring.storeId'],
      ] as const) {
        const response = await get(`/api/contacts?${query}`, as.hq);
        expect(response.statusCode, query).toBe(400);
        const error = response.json<ErrorResponse>().error;
        expect(error.code).toBe('validation_failed');
        expect(
          (error.details as { path: string }[]).map((detail) => detail.path.split('.').slice(0, 2).join('.')),
          query,
        ).toContain(path);
      }
    });
  });

  describe('data scope on reads', () => {
    it('shows a rep their stores’ contacts and their accounts’ HQ contacts, not other stores’', async () => {
      expect(names(await list('', as.repSz))).toEqual(['Chen', 'Liu', 'Wang']);
      expect(names(await list('', as.repGz))).toEqual(['Liu', 'Wang', 'Wu']);
      expect(names(await list('', as.repSh))).toEqual(['Qian', 'Zheng']);
      // Filters narrow the scope, never widen it.
      expect(names(await list(`storeId=${store.wmtSz2}`, as.repSz))).toEqual([]);
      expect(names(await list(`accountId=${crf}`, as.repSz))).toEqual([]);
      expect((await list('staleDays=90', as.repSz)).total).toBe(2);
    });

    it('answers 404 without any of its data for a contact outside the scope', async () => {
      expect((await get(`/api/contacts/${contact.wang}`, as.repSz)).statusCode).toBe(200);
      for (const [id, headers] of [
        [contact.zhou, as.repSz],
        [contact.wu, as.repSz],
        [contact.zheng, as.repSz],
        [contact.qian, as.managerSouth],
        [contact.chen, as.managerEast],
      ] as const) {
        const hidden = await get(`/api/contacts/${id}`, headers);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json()).toEqual(notFound);
      }
    });

    it('shows a promoter the people of their store only, not the chain’s HQ buyers', async () => {
      expect(names(await list('', as.promoter))).toEqual(['Chen']);
      expect((await get(`/api/contacts/${contact.chen}`, as.promoter)).statusCode).toBe(200);
      const hqBuyer = await get(`/api/contacts/${contact.wang}`, as.promoter);
      expect(hqBuyer.statusCode).toBe(404);
      expect(hqBuyer.json()).toEqual(notFound);
    });

    it('shows a manager their subtree’s store contacts and the HQ contacts of its accounts', async () => {
      expect(names(await list(fixture, as.managerSouth))).toEqual(['Chen', 'Liu', 'Wang', 'Wu', 'Zhou']);
      expect(names(await list(fixture, as.managerEast))).toEqual(['Qian', 'Zheng']);
    });

    it('shows HQ operations, finance and admin every contact', async () => {
      for (const headers of [as.hq, as.finance, as.admin])
        expect((await list(fixture, headers)).total).toBe(7);
    });
  });

  describe('data scope on writes', () => {
    it('lets a rep create contacts on their stores and their accounts', async () => {
      const world = await repWorld();
      const ofStore = await post(
        { storeId: world.own.id, name: '店长', role: 'store_manager' },
        world.headers,
      );
      expect(ofStore.statusCode, ofStore.body).toBe(201);
      expect(ofStore.json()).toMatchObject({ accountId: world.account.id, storeId: world.own.id });
      const ofHq = await post({ accountId: world.account.id, name: '采购', role: 'buyer' }, world.headers);
      expect(ofHq.statusCode).toBe(201);
      expect((await list('', world.headers)).total).toBe(2);
    });

    it('answers 400 to a rep placing a contact on another store or account, without telling whether it exists', async () => {
      const world = await repWorld();
      const outOfScope = {
        error: {
          code: 'validation_failed',
          message: 'unknown store, or outside your scope',
          details: [{ path: 'body.storeId', message: 'unknown store, or outside your scope' }],
        },
      };
      for (const storeId of [world.other.id, store.crfSh, 999_999]) {
        const response = await post({ storeId, name: '越权', role: 'store_manager' }, world.headers);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toEqual(outOfScope);
      }
      for (const accountId of [crf, 999_999]) {
        const response = await post({ accountId, name: '越权', role: 'buyer' }, world.headers);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toEqual({
          error: {
            code: 'validation_failed',
            message: 'unknown account, or outside your scope',
            details: [{ path: 'body.accountId', message: 'unknown account, or outside your scope' }],
          },
        });
      }
      expect((await list(`storeId=${world.other.id}`)).total).toBe(0);
      expect((await list(`accountId=${crf}`)).total).toBe(2);
    });

    it('lets a rep update their contacts but not move them out of scope, and answers 404 for others', async () => {
      const world = await repWorld();
      const mine = await makeContact(t.db, { storeId: world.own.id, name: 'Mine', role: 'store_manager' });
      const theirs = await makeContact(t.db, {
        storeId: world.other.id,
        name: 'Theirs',
        role: 'store_manager',
        notes: '秘密',
      });

      const touched = await patch(mine.id, { lastContactedOn: daysAgo(0), notes: '补货沟通' }, world.headers);
      expect(touched.statusCode).toBe(200);
      expect(touched.json()).toMatchObject({ lastContactedOn: daysAgo(0), notes: '补货沟通' });

      const moved = await patch(mine.id, { storeId: world.other.id }, world.headers);
      expect(moved.statusCode).toBe(400);
      expect(moved.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'body.storeId' }] },
      });
      expect((await get(`/api/contacts/${mine.id}`, world.headers)).json()).toMatchObject({
        storeId: world.own.id,
      });

      const other = await patch(theirs.id, { name: 'Hijacked' }, world.headers);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual(notFound);
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/contacts/${theirs.id}`,
        headers: world.headers,
      });
      expect(deleted.statusCode).toBe(404);
      expect((await get(`/api/contacts/${theirs.id}`, as.hq)).json()).toMatchObject({
        name: 'Theirs',
        notes: '秘密',
      });

      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/contacts/${mine.id}`,
        headers: world.headers,
      });
      expect(removed.statusCode).toBe(204);
      expect((await get(`/api/contacts/${mine.id}`, as.hq)).statusCode).toBe(404);
    });

    it('forbids promoters and finance to write contacts (403)', async () => {
      const account = await makeAccount(t.db);
      const forbidden = { error: { code: 'forbidden', message: 'Your role may not do this' } };
      for (const headers of [as.promoter, as.finance]) {
        const created = await post({ storeId: store.wmtSz1, name: 'X', role: 'other' }, headers);
        expect(created.statusCode).toBe(403);
        expect(created.json()).toEqual(forbidden);
        expect((await patch(contact.chen, { name: 'X' }, headers)).json()).toEqual(forbidden);
        const deleted = await t.app.inject({
          method: 'DELETE',
          url: `/api/contacts/${contact.chen}`,
          headers,
        });
        expect(deleted.statusCode).toBe(403);
        expect((await post({ accountId: account.id, name: 'X', role: 'other' }, headers)).statusCode).toBe(
          403,
        );
      }
      expect((await get(`/api/contacts/${contact.chen}`, as.hq)).json()).toMatchObject({ name: 'Chen' });
    });

    it('keeps a manager to their subtree', async () => {
      const outside = await post({ storeId: store.crfSh, name: 'X', role: 'other' }, as.managerEast);
      expect(outside.statusCode).toBe(201);
      const created = outside.json<Contact>();
      const byOther = await post({ storeId: store.crfSh, name: 'X', role: 'other' }, as.managerSouth);
      expect(byOther.statusCode).toBe(400);
      const changed = await patch(created.id, { name: 'Y' }, as.managerSouth);
      expect(changed.statusCode).toBe(404);
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/contacts/${created.id}`,
        headers: as.managerEast,
      });
      expect(removed.statusCode).toBe(204);
    });
  });

  describe('deleting what contacts hang on', () => {
    it('refuses to delete a store with contacts, or an account with contacts, with 409', async () => {
      const account = await makeAccount(t.db);
      const storeOf = await makeStore(t.db, { accountId: account.id });
      const person = await makeContact(t.db, { storeId: storeOf.id, role: 'store_manager' });
      const refused = await t.app.inject({
        method: 'DELETE',
        url: `/api/stores/${storeOf.id}`,
        headers: as.hq,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: 'conflict', details: { contacts: 1 } } });

      const hqOnly = await makeAccount(t.db);
      await makeContact(t.db, { accountId: hqOnly.id });
      const account409 = await t.app.inject({
        method: 'DELETE',
        url: `/api/accounts/${hqOnly.id}`,
        headers: as.hq,
      });
      expect(account409.statusCode).toBe(409);
      expect(account409.json()).toMatchObject({
        error: { code: 'conflict', details: { stores: 0, contacts: 1 } },
      });

      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/contacts/${person.id}`, headers: as.hq }))
          .statusCode,
      ).toBe(204);
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/stores/${storeOf.id}`, headers: as.hq }))
          .statusCode,
      ).toBe(204);
    });
  });
});
