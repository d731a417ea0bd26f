import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { makeAccount, makeOrgUnit, makeStore, makeUser } from '../../test/factories';

describe('accounts API', () => {
  let t: TestContext;
  let hq: Record<string, string>;
  let rep: Record<string, string>;
  let walmartId: number;
  let carrefourId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const city = await makeOrgUnit(t.db, { kind: 'city' });
    const hqUser = await makeUser(t.db, { role: 'hq_ops' });
    const repUser = await makeUser(t.db, { role: 'rep', orgUnitId: city.id });
    const walmart = await makeAccount(t.db, { code: 'WMT', name: '沃尔玛', tier: 'key' });
    const carrefour = await makeAccount(t.db, { code: 'CRF', name: '家乐福', tier: 'core' });
    walmartId = walmart.id;
    carrefourId = carrefour.id;
    await makeStore(t.db, { accountId: walmart.id, orgUnitId: city.id, repIds: [repUser.id] });
    await makeStore(t.db, { accountId: walmart.id, orgUnitId: city.id });
    await makeStore(t.db, { accountId: carrefour.id, orgUnitId: city.id });
    hq = await sessionHeaders(t.app, hqUser.username);
    rep = await sessionHeaders(t.app, repUser.username);
  });
  afterAll(() => t.close());

  it('lists accounts with search, filters, sorting and a total', async () => {
    const all = await t.app.inject({ url: '/api/accounts?sort=-storeCount', headers: hq });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(2);
    expect(all.json().items.map((a: { code: string }) => a.code)).toEqual(['WMT', 'CRF']);
    expect(all.json().items[0]).toMatchObject({
      id: walmartId,
      code: 'WMT',
      name: '沃尔玛',
      tier: 'key',
      tradeType: 'hq_direct',
      status: 'active',
      storeCount: 2,
    });

    const searched = await t.app.inject({
      url: `/api/accounts?q=${encodeURIComponent('家乐')}`,
      headers: hq,
    });
    expect(searched.json().items.map((a: { id: number }) => a.id)).toEqual([carrefourId]);

    const byTier = await t.app.inject({ url: '/api/accounts?tier=key,potential', headers: hq });
    expect(byTier.json().total).toBe(1);

    const paged = await t.app.inject({ url: '/api/accounts?limit=1&offset=1&sort=name', headers: hq });
    expect(paged.json()).toMatchObject({ total: 2 });
    expect(paged.json().items).toHaveLength(1);
  });

  it('limits a rep to the accounts of their stores, counting only their stores', async () => {
    const list = await t.app.inject({ url: '/api/accounts', headers: rep });
    expect(
      list.json().items.map((a: { code: string; storeCount: number }) => [a.code, a.storeCount]),
    ).toEqual([['WMT', 1]]);
    const hidden = await t.app.inject({ url: `/api/accounts/${carrefourId}`, headers: rep });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('家乐福');
  });

  it('creates an account with house rules and audits it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: hq,
      payload: {
        code: 'RTM',
        name: '大润发',
        tier: 'key',
        tradeType: 'hq_direct',
        formats: ['hypermarket'],
        houseRules: { promoterRules: { rule: '禁止厂家促销员', countermeasure: '与店长协商临时PCC' } },
      },
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({ code: 'RTM', status: 'active', storeCount: 0 });
    expect(account.houseRules.promoterRules).toEqual({
      rule: '禁止厂家促销员',
      countermeasure: '与店长协商临时PCC',
    });

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${account.id}`,
      headers: hq,
      payload: { houseRules: { penalties: { rule: '缺货罚款', countermeasure: '每周盘点' } } },
    });
    expect(patched.statusCode).toBe(200);
    // A section sent alone is merged with the others, not a replacement of the whole profile.
    expect(Object.keys(patched.json().houseRules).sort()).toEqual(['penalties', 'promoterRules']);
  });

  it('answers 400 with field paths for invalid input, 409 for a duplicate code', async () => {
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: hq,
      payload: { code: 'bad code!', tier: 'gold' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('validation_failed');
    const paths = invalid.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.tier', 'body.tradeType']));

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: hq,
      payload: { code: 'WMT', name: 'Another', tier: 'key', tradeType: 'hq_direct' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'conflict', details: { field: 'code' } });
  });

  it('refuses to delete an account with stores (409) and lets a rep write nothing (403)', async () => {
    const withStores = await t.app.inject({
      method: 'DELETE',
      url: `/api/accounts/${walmartId}`,
      headers: hq,
    });
    expect(withStores.statusCode).toBe(409);
    const byRep = await t.app.inject({
      method: 'PATCH',
      url: `/api/accounts/${walmartId}`,
      headers: rep,
      payload: { name: 'x' },
    });
    expect(byRep.statusCode).toBe(403);
    expect(byRep.json().error.code).toBe('forbidden');
  });
});

describe('accounts as seen by a promoter', () => {
  let t: TestContext;
  afterAll(() => t.close());

  it('shows the account of their store without our house-rule countermeasures and notes', async () => {
    t = await buildTestApp();
    const city = await makeOrgUnit(t.db);
    const promoter = await makeUser(t.db, { role: 'promoter', orgUnitId: city.id });
    const account = await makeAccount(t.db, {
      houseRules: { feeRequirements: { rule: '节庆费 200–500元/店', countermeasure: '争取以陈列抵费用' } },
      notes: '谈判底线：返利不超过2%',
    });
    await makeStore(t.db, { accountId: account.id, orgUnitId: city.id, repIds: [promoter.id] });
    const headers = await sessionHeaders(t.app, promoter.username);
    const response = await t.app.inject({ url: `/api/accounts/${account.id}`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: account.id,
      name: account.name,
      houseRules: {},
      notes: null,
    });
    expect(response.body).not.toContain('争取以陈列抵费用');
  });
});
