import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ErrorResponse } from '../../../core/common/errors';
import type { Store } from '../../../core/stores/stores.contract';
import { makeAccount, makeContact, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';

type Headers = Record<string, string>;
/** The signed-in users of the fixture, one per role and place. */
type Who =
  | 'admin'
  | 'hq'
  | 'finance'
  | 'managerSouth'
  | 'managerEast'
  | 'assistantSz'
  | 'repSz'
  | 'repGz'
  | 'repSh'
  | 'promoter';
type StoreList = { items: Store[]; total: number };

/**
 * The fixture (never changed by a test): an org tree HQ → South (Shenzhen, Guangzhou) and East (Shanghai),
 * two chains with five stores, and one user per role. Tests that write make their own accounts,
 * and tests that read the fixture filter by its two accounts, so no test depends on another.
 */
describe('stores API', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const unit = { hq: 0, south: 0, sz: 0, gz: 0, east: 0, sh: 0 };
  const user = { repSz: 0, repGz: 0, repSh: 0, promoter: 0, finance: 0, inactiveRep: 0 };
  const store = { wmtSz1: 0, wmtSz2: 0, wmtGz: 0, crfSh: 0, crfSz: 0 };
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
    Object.assign(unit, { hq: hqUnit.id, south: south.id, sz: sz.id, gz: gz.id, east: east.id, sh: sh.id });

    const admin = await makeUser(t.db, { role: 'admin' });
    const hq = await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id });
    const finance = await makeUser(t.db, { role: 'finance', orgUnitId: hqUnit.id });
    const managerSouth = await makeUser(t.db, { role: 'manager', orgUnitId: south.id });
    const managerEast = await makeUser(t.db, { role: 'manager', orgUnitId: east.id });
    const assistantSz = await makeUser(t.db, { role: 'assistant', orgUnitId: sz.id });
    const repSz = await makeUser(t.db, { role: 'rep', orgUnitId: sz.id, displayName: '张三' });
    const repGz = await makeUser(t.db, { role: 'rep', orgUnitId: gz.id, displayName: '李四' });
    const repSh = await makeUser(t.db, { role: 'rep', orgUnitId: sh.id, displayName: '王五' });
    const promoter = await makeUser(t.db, { role: 'promoter', orgUnitId: sz.id, displayName: '赵六' });
    const inactiveRep = await makeUser(t.db, { role: 'rep', orgUnitId: sz.id, isActive: false });
    Object.assign(user, {
      repSz: repSz.id,
      repGz: repGz.id,
      repSh: repSh.id,
      promoter: promoter.id,
      finance: finance.id,
      inactiveRep: inactiveRep.id,
    });

    wmt = (await makeAccount(t.db, { code: 'WMT', name: '沃尔玛', tier: 'key' })).id;
    crf = (await makeAccount(t.db, { code: 'CRF', name: '家乐福', tier: 'core' })).id;
    fixture = `accountId=${wmt},${crf}`;
    const common = { province: '广东', city: '深圳', orgUnitId: sz.id };
    store.wmtSz1 = (
      await makeStore(t.db, {
        ...common,
        accountId: wmt,
        code: 'SZ001',
        name: '沃尔玛南山店',
        floorArea: 6000,
        tradeArea: '南山科技园商圈',
        repIds: [repSz.id, promoter.id],
      })
    ).id;
    store.wmtSz2 = (
      await makeStore(t.db, {
        ...common,
        accountId: wmt,
        code: 'SZ002',
        name: '沃尔玛福田店',
        format: 'supermarket',
        floorArea: 2500,
        address: '福田区深南大道100号',
        repIds: [repSz.id],
      })
    ).id;
    store.wmtGz = (
      await makeStore(t.db, {
        accountId: wmt,
        code: 'GZ001',
        name: '山姆广州店',
        format: 'warehouse_club',
        floorArea: 12000,
        province: '广东',
        city: '广州',
        orgUnitId: gz.id,
        status: 'renovating',
        repIds: [repGz.id],
      })
    ).id;
    store.crfSh = (
      await makeStore(t.db, {
        accountId: crf,
        code: 'SH001',
        name: '家乐福古北店',
        floorArea: 1500,
        province: '上海',
        city: '上海',
        orgUnitId: sh.id,
        repIds: [repSh.id],
      })
    ).id;
    // The same code as a Walmart store: codes are unique per account only.
    store.crfSz = (
      await makeStore(t.db, {
        ...common,
        accountId: crf,
        code: 'SZ001',
        name: '家乐福便利店',
        format: 'convenience',
        floorArea: null,
      })
    ).id;

    const roleUsers = {
      admin,
      hq,
      finance,
      managerSouth,
      managerEast,
      assistantSz,
      repSz,
      repGz,
      repSh,
      promoter,
    };
    for (const [key, value] of Object.entries(roleUsers)) {
      as[key as Who] = await sessionHeaders(t.app, value.username);
    }
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Headers) => t.app.inject({ method: 'GET', url, headers });
  const post = (payload: object, headers: Headers) =>
    t.app.inject({ method: 'POST', url: '/api/stores', headers, payload });
  const patch = (id: number, payload: object, headers: Headers) =>
    t.app.inject({ method: 'PATCH', url: `/api/stores/${id}`, headers, payload });
  /** In code order unless the query sorts otherwise, so expectations do not depend on how the database collates 汉字. */
  const list = async (query: string, headers: Headers = as.hq): Promise<StoreList> => {
    const sorted = /(^|&)sort=/.test(query) ? query : `${query}&sort=code`;
    const response = await get(`/api/stores?${sorted}`, headers);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StoreList>();
  };
  /** Codes of a list answer, each prefixed with its account code so that the two SZ001 stay apart. */
  const keys = (body: StoreList) => body.items.map((item) => `${item.accountCode}/${item.code}`);
  const newStore = (accountId: number, overrides: object = {}) => ({
    accountId,
    code: 'N1',
    name: '新店',
    format: 'hypermarket',
    province: '广东',
    city: '深圳',
    ...overrides,
  });

  describe('fields and store class', () => {
    it('answers the fields scripts rely on, to a bearer token as to a session', async () => {
      const hqUser = await makeUser(t.db, { role: 'hq_ops' });
      const token = await tokenHeaders(t.database, hqUser.actor);
      const response = await get(`/api/stores/${store.wmtSz1}`, token);
      expect(response.statusCode).toBe(200);
      const body = response.json<Store>();
      expect(body).toMatchObject({
        id: store.wmtSz1,
        accountId: wmt,
        accountCode: 'WMT',
        accountName: '沃尔玛',
        code: 'SZ001',
        name: '沃尔玛南山店',
        format: 'hypermarket',
        floorArea: 6000,
        storeClass: 'A',
        province: '广东',
        city: '深圳',
        tradeArea: '南山科技园商圈',
        status: 'open',
        orgUnitId: unit.sz,
      });
      // Name order depends on the database's collation, so compare as a set.
      expect([...body.reps].sort((a, b) => a.id - b.id)).toEqual([
        { id: user.repSz, displayName: '张三' },
        { id: user.promoter, displayName: '赵六' },
      ]);
      expect(Date.parse(body.createdAt)).not.toBeNaN();
      const unclassified = await get(`/api/stores/${store.crfSz}`, token);
      expect(unclassified.json()).toMatchObject({
        floorArea: null,
        storeClass: null,
        accountCode: 'CRF',
        code: 'SZ001',
      });
    });

    it('classifies a new store from its area at the boundaries, ignoring a class sent by the client', async () => {
      const account = await makeAccount(t.db);
      const cases: [number | null, Store['storeClass']][] = [
        [5000, 'A'],
        [4999, 'B'],
        [2000, 'B'],
        [1999, 'C'],
        [1, 'C'],
        [null, null],
      ];
      for (const [index, [floorArea, storeClass]] of cases.entries()) {
        const response = await post(
          newStore(account.id, { code: `B${index}`, floorArea, storeClass: 'A' }),
          as.hq,
        );
        expect(response.statusCode, response.body).toBe(201);
        expect(response.json()).toMatchObject({ code: `B${index}`, floorArea, storeClass });
      }
      const omitted = await post(newStore(account.id, { code: 'NOAREA' }), as.hq);
      expect(omitted.json()).toMatchObject({ floorArea: null, storeClass: null, status: 'open', reps: [] });
    });

    it('reclassifies on update: 6000 → A, 1500 → C, null → unclassified; other changes keep the class', async () => {
      const account = await makeAccount(t.db);
      const created = await post(newStore(account.id, { floorArea: 6000 }), as.hq);
      const id = created.json<Store>().id;
      expect(created.json()).toMatchObject({ storeClass: 'A' });

      const smaller = await patch(id, { floorArea: 1500 }, as.hq);
      expect(smaller.statusCode).toBe(200);
      expect(smaller.json()).toMatchObject({ floorArea: 1500, storeClass: 'C' });

      const renamed = await patch(id, { name: '改名店', storeClass: 'A' }, as.hq);
      expect(renamed.json()).toMatchObject({ name: '改名店', floorArea: 1500, storeClass: 'C' });

      const unknown = await patch(id, { floorArea: null }, as.hq);
      expect(unknown.json()).toMatchObject({ floorArea: null, storeClass: null });

      const middle = await patch(id, { floorArea: 2000 }, as.hq);
      expect(middle.json()).toMatchObject({ floorArea: 2000, storeClass: 'B' });
      expect((await get(`/api/stores/${id}`, as.hq)).json()).toMatchObject({
        floorArea: 2000,
        storeClass: 'B',
      });
    });

    it('rejects invalid fields with their paths', async () => {
      const account = await makeAccount(t.db);
      const response = await post(
        { accountId: account.id, code: '', format: 'kiosk', floorArea: 0, potential: 9 },
        as.hq,
      );
      expect(response.statusCode).toBe(400);
      const error = response.json<ErrorResponse>().error;
      expect(error.code).toBe('validation_failed');
      const paths = (error.details as { path: string }[]).map((detail) => detail.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'body.code',
          'body.name',
          'body.format',
          'body.floorArea',
          'body.potential',
          'body.province',
          'body.city',
        ]),
      );

      const unknownAccount = await post(newStore(999_999), as.hq);
      expect(unknownAccount.statusCode).toBe(400);
      expect(unknownAccount.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: 'The account does not exist',
          details: [{ path: 'body.accountId', message: 'unknown account' }],
        },
      });
    });
  });

  describe('store code', () => {
    it('is unique per account: 409 in the same account, accepted in another', async () => {
      const first = await makeAccount(t.db);
      const second = await makeAccount(t.db);
      const created = await post(newStore(first.id, { code: 'DUP' }), as.hq);
      expect(created.statusCode).toBe(201);

      const duplicate = await post(newStore(first.id, { code: 'DUP', name: '另一家' }), as.hq);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toEqual({
        error: {
          code: 'conflict',
          message: 'The account already has a store with code DUP',
          details: { field: 'code' },
        },
      });

      const elsewhere = await post(newStore(second.id, { code: 'DUP' }), as.hq);
      expect(elsewhere.statusCode).toBe(201);
      expect(elsewhere.json()).toMatchObject({ accountId: second.id, code: 'DUP' });
      expect((await list(`accountId=${first.id}`)).total).toBe(1);
    });

    it('stays unique when an update changes the code or moves the store to another account', async () => {
      const first = await makeAccount(t.db);
      const second = await makeAccount(t.db);
      const a = (await post(newStore(first.id, { code: 'A1' }), as.hq)).json<Store>();
      const b = (await post(newStore(first.id, { code: 'B1' }), as.hq)).json<Store>();
      await post(newStore(second.id, { code: 'A1' }), as.hq);

      const renamed = await patch(b.id, { code: 'A1' }, as.hq);
      expect(renamed.statusCode).toBe(409);
      expect(renamed.json()).toMatchObject({
        error: { code: 'conflict', details: { field: 'code' } },
      });

      const moved = await patch(a.id, { accountId: second.id }, as.hq);
      expect(moved.statusCode).toBe(409);

      const sameCode = await patch(a.id, { code: 'A1', name: '同码' }, as.hq);
      expect(sameCode.statusCode).toBe(200);
      expect((await get(`/api/stores/${b.id}`, as.hq)).json()).toMatchObject({ code: 'B1' });
    });
  });

  describe('lists', () => {
    it('answers {items,total}, by account and then the chain’s store code unless told otherwise', async () => {
      const body = await list(fixture);
      expect(body.total).toBe(5);
      expect(keys(body)).toEqual(['WMT/GZ001', 'CRF/SH001', 'WMT/SZ001', 'CRF/SZ001', 'WMT/SZ002']);
      const unsorted = await get(`/api/stores?${fixture}`, as.hq);
      const byAccount = keys(await list(`${fixture}&sort=accountName`));
      expect(keys(unsorted.json<StoreList>())).toEqual(byAccount);
      // Within each account, the store codes come in order.
      for (const account of ['WMT', 'CRF']) {
        const codes = byAccount.filter((key) => key.startsWith(`${account}/`));
        expect(codes).toEqual([...codes].sort());
      }
    });

    it('searches name, code, address and trade area, taking % literally', async () => {
      const search = async (q: string) => keys(await list(`${fixture}&q=${encodeURIComponent(q)}`));
      expect(await search('南山店')).toEqual(['WMT/SZ001']);
      expect(await search('gz0')).toEqual(['WMT/GZ001']);
      expect(await search('深南大道')).toEqual(['WMT/SZ002']);
      expect(await search('科技园')).toEqual(['WMT/SZ001']);
      expect(await search('%')).toEqual([]);
      expect(await search('nothing-like-this')).toEqual([]);
    });

    it('filters by account, province, city, class (with none), format, status, rep and org subtree', async () => {
      expect(keys(await list(`accountId=${crf}`))).toEqual(['CRF/SH001', 'CRF/SZ001']);
      expect(keys(await list(`${fixture}&province=${encodeURIComponent('上海')}`))).toEqual(['CRF/SH001']);
      expect(keys(await list(`${fixture}&city=${encodeURIComponent('广州,上海')}`))).toEqual([
        'WMT/GZ001',
        'CRF/SH001',
      ]);
      expect(keys(await list(`${fixture}&storeClass=A`))).toEqual(['WMT/GZ001', 'WMT/SZ001']);
      expect(keys(await list(`${fixture}&storeClass=A,B`))).toEqual(['WMT/GZ001', 'WMT/SZ001', 'WMT/SZ002']);
      expect(keys(await list(`${fixture}&storeClass=none`))).toEqual(['CRF/SZ001']);
      expect(keys(await list(`${fixture}&storeClass=C,none`))).toEqual(['CRF/SH001', 'CRF/SZ001']);
      expect(keys(await list(`${fixture}&format=warehouse_club,convenience`))).toEqual([
        'WMT/GZ001',
        'CRF/SZ001',
      ]);
      expect(keys(await list(`${fixture}&status=renovating`))).toEqual(['WMT/GZ001']);
      expect(keys(await list(`${fixture}&repId=${user.repSz}`))).toEqual(['WMT/SZ001', 'WMT/SZ002']);
      expect(keys(await list(`${fixture}&repId=${user.promoter}`))).toEqual(['WMT/SZ001']);
      expect(keys(await list(`${fixture}&orgUnitId=${unit.south}`))).toEqual([
        'WMT/GZ001',
        'WMT/SZ001',
        'CRF/SZ001',
        'WMT/SZ002',
      ]);
      expect(keys(await list(`${fixture}&orgUnitId=${unit.gz}`))).toEqual(['WMT/GZ001']);
      expect(keys(await list(`${fixture}&orgUnitId=${unit.hq}`))).toHaveLength(5);
      // Filters combine with AND.
      expect(keys(await list(`${fixture}&city=${encodeURIComponent('深圳')}&storeClass=B,none`))).toEqual([
        'CRF/SZ001',
        'WMT/SZ002',
      ]);
    });

    it('sorts by an allowed key either way, unknown areas last, and falls back to the default for unknown keys', async () => {
      expect(keys(await list(`${fixture}&sort=-floorArea`))).toEqual([
        'WMT/GZ001',
        'WMT/SZ001',
        'WMT/SZ002',
        'CRF/SH001',
        'CRF/SZ001',
      ]);
      expect(keys(await list(`${fixture}&sort=floorArea`))).toEqual([
        'CRF/SH001',
        'WMT/SZ002',
        'WMT/SZ001',
        'WMT/GZ001',
        'CRF/SZ001',
      ]);
      const byDefault = keys(await list(`${fixture}&sort=accountName`));
      expect(keys(await list(`${fixture}&sort=password`))).toEqual(byDefault);
      expect(keys(await list(`${fixture}&sort=-reps`))).toEqual(byDefault);
      expect(keys(await list(`${fixture}&sort=${encodeURIComponent('name; drop table stores')}`))).toEqual(
        byDefault,
      );
      // Equal codes keep creation order: the id breaks every tie, so pages never overlap.
      expect(keys(await list(`${fixture}&sort=-code`))).toEqual([
        'WMT/SZ002',
        'WMT/SZ001',
        'CRF/SZ001',
        'CRF/SH001',
        'WMT/GZ001',
      ]);
    });

    it('pages with limit and offset, the total counting every match', async () => {
      const page = await list(`${fixture}&limit=2&offset=1`);
      expect(page.total).toBe(5);
      expect(keys(page)).toEqual(['CRF/SH001', 'WMT/SZ001']);
      const last = await list(`${fixture}&limit=2&offset=4`);
      expect(last).toMatchObject({ total: 5 });
      expect(keys(last)).toEqual(['WMT/SZ002']);
      const beyond = await list(`${fixture}&limit=10&offset=50`);
      expect(beyond).toEqual({ items: [], total: 5 });
      expect((await list(`${fixture}&storeClass=A&limit=1`)).total).toBe(2);
    });

    it('answers 400 with querystring paths for an invalid query', async () => {
      for (const [query, path] of [
        ['limit=0', 'querystring.limit'],
        ['limit=5000', 'querystring.limit'],
        ['offset=-1', 'querystring.offset'],
        ['limit=ten', 'querystring.limit'],
        ['storeClass=D', 'querystring.storeClass'],
        ['accountId=abc', 'querystring.accountId'],
        ['format=kiosk', 'querystring.format'],
      ] as const) {
        const response = await get(`/api/stores?${query}`, as.hq);
        expect(response.statusCode, query).toBe(400);
        const error = response.json<ErrorResponse>().error;
        expect(error).toMatchObject({ code: 'validation_failed', message: 'The request is not valid' });
        expect(
          (error.details as { path: string }[]).map((detail) => detail.path.split('.').slice(0, 2).join('.')),
          query,
        ).toContain(path);
      }
      const badId = await get('/api/stores/abc', as.hq);
      expect(badId.statusCode).toBe(400);
      expect(badId.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path: 'params.id' }] },
      });
    });

    it('asks who is calling', async () => {
      const anonymous = await t.app.inject({ url: '/api/stores' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first' } });
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: '/api/stores',
        headers: { cookie: as.hq.cookie },
        payload: newStore(wmt, { code: 'CSRF' }),
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json<ErrorResponse>().error.code).toBe('csrf_failed');
    });
  });

  describe('data scope on reads', () => {
    it('shows a rep only the stores assigned to them', async () => {
      const mine = await list('', as.repSz);
      expect(mine.total).toBe(2);
      expect(keys(mine)).toEqual(['WMT/SZ001', 'WMT/SZ002']);
      // Filters cannot widen the scope.
      expect(keys(await list(`accountId=${crf}`, as.repSz))).toEqual([]);
      expect(keys(await list(`repId=${user.repGz}`, as.repSz))).toEqual([]);
      expect(keys(await list(`orgUnitId=${unit.hq}`, as.repSz))).toEqual(['WMT/SZ001', 'WMT/SZ002']);
      expect(keys(await list('', as.repSh))).toEqual(['CRF/SH001']);
    });

    it('answers 404 without any of its data for a store outside the scope', async () => {
      const own = await get(`/api/stores/${store.wmtSz2}`, as.repSz);
      expect(own.statusCode).toBe(200);
      for (const [id, headers] of [
        [store.wmtGz, as.repSz],
        [store.crfSz, as.repSz],
        [store.wmtSz2, as.promoter],
        [store.crfSh, as.managerSouth],
        [store.wmtGz, as.assistantSz],
        [store.wmtSz1, as.managerEast],
      ] as const) {
        const hidden = await get(`/api/stores/${id}`, headers);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json()).toEqual({ error: { code: 'not_found', message: 'Store not found' } });
      }
      const missing = await get('/api/stores/999999', as.admin);
      expect(missing.json()).toEqual({ error: { code: 'not_found', message: 'Store not found' } });
    });

    it('shows a promoter the store they work in', async () => {
      expect(keys(await list('', as.promoter))).toEqual(['WMT/SZ001']);
      expect((await get(`/api/stores/${store.wmtSz1}`, as.promoter)).statusCode).toBe(200);
    });

    it('shows a manager or assistant their org subtree: a region its cities, not another region', async () => {
      expect(keys(await list(fixture, as.managerSouth))).toEqual([
        'WMT/GZ001',
        'WMT/SZ001',
        'CRF/SZ001',
        'WMT/SZ002',
      ]);
      expect(keys(await list(fixture, as.managerEast))).toEqual(['CRF/SH001']);
      expect(keys(await list(fixture, as.assistantSz))).toEqual(['WMT/SZ001', 'CRF/SZ001', 'WMT/SZ002']);
      expect((await list(`${fixture}&orgUnitId=${unit.east}`, as.managerSouth)).total).toBe(0);
    });

    it('shows HQ operations, finance and admin every store', async () => {
      for (const headers of [as.hq, as.finance, as.admin]) {
        expect((await list(fixture, headers)).total).toBe(5);
        expect((await get(`/api/stores/${store.crfSh}`, headers)).statusCode).toBe(200);
      }
    });

    it('never shows a rep a store they are not assigned to, for random assignments (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.subarray([0, 1, 2]), { minLength: 1, maxLength: 5 }),
          async (assignment) => {
            // A world of its own per run: an account, three reps, one store per entry with the reps it names.
            const account = await makeAccount(t.db);
            const reps = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
            const storeIds: number[] = [];
            for (const repIndexes of assignment) {
              const created = await makeStore(t.db, {
                accountId: account.id,
                repIds: repIndexes.map((index) => reps[index].id),
              });
              storeIds.push(created.id);
            }
            const assigned = new Set(storeIds.filter((_, index) => assignment[index].length > 0));
            const seen = new Set<number>();
            for (const [repIndex, rep] of reps.entries()) {
              const headers = await tokenHeaders(t.database, rep.actor);
              const visible = (await list(`limit=1000`, headers)).items.map((item) => item.id);
              const expected = storeIds.filter((_, index) => assignment[index].includes(repIndex));
              expect(visible.sort()).toEqual(expected.sort());
              visible.forEach((id) => seen.add(id));
              for (const [index, id] of storeIds.entries()) {
                const status = (await get(`/api/stores/${id}`, headers)).statusCode;
                expect(status).toBe(assignment[index].includes(repIndex) ? 200 : 404);
              }
            }
            expect([...seen].sort()).toEqual([...assigned].sort());
          },
        ),
        { numRuns: 6 },
      );
    });
  });

  describe('data scope on writes', () => {
    it('forbids reps, promoters and finance to write stores (403)', async () => {
      const account = await makeAccount(t.db);
      const forbidden = { error: { code: 'forbidden', message: 'Your role may not do this' } };
      for (const headers of [as.repSz, as.promoter, as.finance]) {
        const created = await post(newStore(account.id), headers);
        expect(created.statusCode).toBe(403);
        expect(created.json()).toEqual(forbidden);
        const changed = await patch(store.wmtSz1, { name: 'hacked' }, headers);
        expect(changed.statusCode).toBe(403);
        expect(changed.json()).toEqual(forbidden);
        const deleted = await t.app.inject({ method: 'DELETE', url: `/api/stores/${store.wmtSz1}`, headers });
        expect(deleted.statusCode).toBe(403);
      }
      expect((await list(`accountId=${account.id}`)).total).toBe(0);
      expect((await get(`/api/stores/${store.wmtSz1}`, as.hq)).json()).toMatchObject({
        name: '沃尔玛南山店',
      });
    });

    it('lets admin, HQ operations, managers and assistants create stores', async () => {
      const account = await makeAccount(t.db);
      for (const [index, headers] of [as.admin, as.hq, as.managerSouth, as.assistantSz].entries()) {
        const response = await post(newStore(account.id, { code: `W${index}` }), headers);
        expect(response.statusCode, response.body).toBe(201);
      }
      expect((await list(`accountId=${account.id}`)).total).toBe(4);
    });

    it('keeps a manager inside their subtree: own unit by default, 403 for another region', async () => {
      const account = await makeAccount(t.db);
      const byDefault = await post(newStore(account.id, { code: 'M1' }), as.managerSouth);
      expect(byDefault.json()).toMatchObject({ orgUnitId: unit.south });
      const inCity = await post(newStore(account.id, { code: 'M2', orgUnitId: unit.gz }), as.managerSouth);
      expect(inCity.statusCode).toBe(201);
      expect(inCity.json()).toMatchObject({ orgUnitId: unit.gz });

      const elsewhere = await post(newStore(account.id, { code: 'M3', orgUnitId: unit.sh }), as.managerSouth);
      expect(elsewhere.statusCode).toBe(403);
      expect(elsewhere.json()).toEqual({
        error: { code: 'forbidden', message: 'The store must belong to your org unit or below it' },
      });
      const upward = await post(newStore(account.id, { code: 'M4', orgUnitId: unit.hq }), as.assistantSz);
      expect(upward.statusCode).toBe(403);
      expect((await list(`accountId=${account.id}`)).total).toBe(2);

      // Moving their own store out of the subtree is refused too, and changes nothing.
      const moved = await patch(
        inCity.json<Store>().id,
        { orgUnitId: unit.sh, name: '搬走' },
        as.managerSouth,
      );
      expect(moved.statusCode).toBe(403);
      expect((await get(`/api/stores/${inCity.json<Store>().id}`, as.hq)).json()).toMatchObject({
        orgUnitId: unit.gz,
        name: '新店',
      });
    });

    it('answers 404 to a manager updating or deleting a store outside their subtree, and changes nothing', async () => {
      const changed = await patch(store.crfSh, { name: '被改名' }, as.managerSouth);
      expect(changed.statusCode).toBe(404);
      expect(changed.json()).toEqual({ error: { code: 'not_found', message: 'Store not found' } });
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/stores/${store.crfSh}`,
        headers: as.managerSouth,
      });
      expect(deleted.statusCode).toBe(404);
      const byAssistant = await patch(store.wmtGz, { floorArea: 10 }, as.assistantSz);
      expect(byAssistant.statusCode).toBe(404);
      expect((await get(`/api/stores/${store.crfSh}`, as.hq)).json()).toMatchObject({ name: '家乐福古北店' });
      expect((await get(`/api/stores/${store.wmtGz}`, as.hq)).json()).toMatchObject({
        floorArea: 12000,
        storeClass: 'A',
      });
    });

    it('lets a manager update a store of their subtree', async () => {
      const account = await makeAccount(t.db);
      const created = await makeStore(t.db, { accountId: account.id, orgUnitId: unit.gz, floorArea: 6000 });
      const changed = await patch(created.id, { floorArea: 3000, status: 'renovating' }, as.managerSouth);
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        floorArea: 3000,
        storeClass: 'B',
        status: 'renovating',
        orgUnitId: unit.gz,
      });
    });

    it('accepts as reps only active users with role rep or promoter (400 otherwise)', async () => {
      const account = await makeAccount(t.db);
      const rejected = async (repIds: number[], headers: Headers, message: RegExp) => {
        const response = await post(newStore(account.id, { code: `R${repIds.join('-')}`, repIds }), headers);
        expect(response.statusCode, response.body).toBe(400);
        const error = response.json<ErrorResponse>().error;
        expect(error.code).toBe('validation_failed');
        expect(error.message).toMatch(message);
        expect(error.details).toEqual([{ path: 'body.repIds', message: error.message }]);
      };
      await rejected([user.finance], as.hq, /is not a rep or promoter$/);
      await rejected([user.repSz, user.inactiveRep], as.hq, /is not active$/);
      await rejected([999_999], as.hq, /^user 999999 does not exist$/);
      // A manager assigns only people of their own subtree.
      await rejected([user.repSh], as.managerSouth, /is outside your org unit$/);
      expect((await list(`accountId=${account.id}`)).total).toBe(0);

      const ok = await post(
        newStore(account.id, { code: 'ROK', repIds: [user.repGz, user.promoter, user.repGz] }),
        as.managerSouth,
      );
      expect(ok.statusCode).toBe(201);
      expect(
        ok
          .json<Store>()
          .reps.map((rep) => rep.id)
          .sort(),
      ).toEqual([user.repGz, user.promoter].sort());

      const reassigned = await patch(ok.json<Store>().id, { repIds: [user.finance] }, as.hq);
      expect(reassigned.statusCode).toBe(400);
      const outside = await patch(ok.json<Store>().id, { repIds: [user.repSh] }, as.managerSouth);
      expect(outside.statusCode).toBe(400);
      expect((await get(`/api/stores/${ok.json<Store>().id}`, as.hq)).json<Store>().reps).toHaveLength(2);

      const cleared = await patch(ok.json<Store>().id, { repIds: [] }, as.managerSouth);
      expect(cleared.json()).toMatchObject({ reps: [] });
    });

    it('gives a newly assigned rep the store and takes it away on reassignment', async () => {
      const account = await makeAccount(t.db);
      const rep = await makeUser(t.db, { role: 'rep', orgUnitId: unit.sz });
      const headers = await tokenHeaders(t.database, rep.actor);
      const created = (
        await post(newStore(account.id, { repIds: [rep.id], orgUnitId: unit.sz }), as.assistantSz)
      ).json<Store>();
      expect((await get(`/api/stores/${created.id}`, headers)).statusCode).toBe(200);
      await patch(created.id, { repIds: [user.repSz] }, as.assistantSz);
      expect((await get(`/api/stores/${created.id}`, headers)).statusCode).toBe(404);
      expect((await list('', headers)).total).toBe(0);
    });
  });

  describe('deleting', () => {
    it('refuses to delete a store with contacts (409) and deletes one without', async () => {
      const account = await makeAccount(t.db);
      const withContact = await makeStore(t.db, { accountId: account.id });
      await makeContact(t.db, { storeId: withContact.id, role: 'store_manager' });
      const refused = await t.app.inject({
        method: 'DELETE',
        url: `/api/stores/${withContact.id}`,
        headers: as.hq,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        error: {
          code: 'conflict',
          message: 'The store still has contacts; set its status to closed instead',
          details: { contacts: 1 },
        },
      });
      expect((await get(`/api/stores/${withContact.id}`, as.hq)).statusCode).toBe(200);

      const empty = await makeStore(t.db, { accountId: account.id, repIds: [user.repSz] });
      const deleted = await t.app.inject({
        method: 'DELETE',
        url: `/api/stores/${empty.id}`,
        headers: as.hq,
      });
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe('');
      expect((await get(`/api/stores/${empty.id}`, as.hq)).statusCode).toBe(404);
      const again = await t.app.inject({ method: 'DELETE', url: `/api/stores/${empty.id}`, headers: as.hq });
      expect(again.statusCode).toBe(404);
    });

    it('refuses to delete an account that still has stores (409)', async () => {
      const account = await makeAccount(t.db);
      await makeStore(t.db, { accountId: account.id });
      const refused = await t.app.inject({
        method: 'DELETE',
        url: `/api/accounts/${account.id}`,
        headers: as.hq,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        error: { code: 'conflict', details: { stores: 1, contacts: 0 } },
      });
      expect((await get(`/api/accounts/${account.id}`, as.hq)).statusCode).toBe(200);
    });
  });
});
