import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../core/common/errors';
import type { OrgUnit } from '../../../core/org/org.contract';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { makeAccount, makeOrgUnit, makeStore, makeUser } from '../../test/factories';

type Headers = Record<string, string>;

function expectError(response: Response, status: number, code: ErrorCode) {
  expect(response.statusCode).toBe(status);
  const body = response.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error;
}

describe('org units API', () => {
  let t: TestContext;
  let asAdmin: Headers;
  let asHq: Headers;
  let asManager: Headers;
  let asRep: Headers;
  let accountId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const home = await makeOrgUnit(t.db, { kind: 'region' });
    const [admin, hqOps, manager, rep] = await Promise.all([
      makeUser(t.db, { role: 'admin' }),
      makeUser(t.db, { role: 'hq_ops' }),
      makeUser(t.db, { role: 'manager', orgUnitId: home.id }),
      makeUser(t.db, { role: 'rep', orgUnitId: home.id }),
    ]);
    [asAdmin, asHq, asManager, asRep] = await Promise.all(
      [admin, hqOps, manager, rep].map((user) => sessionHeaders(t.app, user.username)),
    );
    accountId = (await makeAccount(t.db)).id;
  });
  afterAll(() => t.close());

  const create = (payload: Record<string, unknown>, headers = asAdmin) =>
    t.app.inject({ method: 'POST', url: '/api/org-units', headers, payload });
  const patch = (id: number, payload: Record<string, unknown>, headers = asAdmin) =>
    t.app.inject({ method: 'PATCH', url: `/api/org-units/${id}`, headers, payload });
  const remove = (id: number, headers = asAdmin) =>
    t.app.inject({ method: 'DELETE', url: `/api/org-units/${id}`, headers });
  const tree = async (headers = asAdmin) => {
    const response = await t.app.inject({ url: '/api/org-units', headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: OrgUnit[]; total: number }>();
  };
  const parentOf = async (id: number) =>
    (await t.app.inject({ url: `/api/org-units/${id}`, headers: asAdmin })).json<OrgUnit>().parentId;

  it('builds a tree of any depth: HQ → region → city → team', async () => {
    const hq = await create({ code: 'T-HQ', name: '总部', kind: 'hq', parentId: null });
    expect(hq.statusCode).toBe(201);
    expect(hq.json()).toEqual({
      id: expect.any(Number),
      code: 'T-HQ',
      name: '总部',
      kind: 'hq',
      parentId: null,
    });
    const region = (
      await create({ code: 'T-EAST', name: '华东大区', kind: 'region', parentId: hq.json().id })
    ).json<OrgUnit>();
    const city = (
      await create({ code: 'T-SH', name: '上海', kind: 'city', parentId: region.id })
    ).json<OrgUnit>();
    const team = await create({ code: 'T-SH-1', name: '上海一组', kind: 'team', parentId: city.id });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({ code: 'T-SH-1', kind: 'team', parentId: city.id });

    const { items, total } = await tree();
    expect(total).toBe(items.length);
    const chain = ['T-HQ', 'T-EAST', 'T-SH', 'T-SH-1'].map((code) =>
      items.find((unit) => unit.code === code),
    );
    expect(chain.map((unit) => unit?.parentId)).toEqual([null, hq.json().id, region.id, city.id]);
  });

  it('lets everyone signed in read the tree and one unit, and nobody else', async () => {
    const unit = await makeOrgUnit(t.db, { name: 'Readable' });
    for (const headers of [asAdmin, asHq, asManager, asRep]) {
      expect((await tree(headers)).items).toContainEqual({
        id: unit.id,
        code: unit.code,
        name: 'Readable',
        kind: 'city',
        parentId: null,
      });
      const one = await t.app.inject({ url: `/api/org-units/${unit.id}`, headers });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(unit);
    }
    expectError(await t.app.inject({ url: '/api/org-units' }), 401, 'unauthenticated');
    expectError(await t.app.inject({ url: '/api/org-units/999999', headers: asRep }), 404, 'not_found');
  });

  it('lists parents before their children, even after moves', async () => {
    // Created in an order where ids do not follow the tree once B moves under C.
    const a = await makeOrgUnit(t.db, { kind: 'region', code: 'ORD-A' });
    const b = await makeOrgUnit(t.db, { kind: 'city', code: 'ORD-B', parentId: a.id });
    const c = await makeOrgUnit(t.db, { kind: 'region', code: 'ORD-C' });
    expect((await patch(b.id, { parentId: c.id })).statusCode).toBe(200);
    const d = await makeOrgUnit(t.db, { kind: 'team', code: 'ORD-D', parentId: b.id });
    const { items } = await tree();
    const position = new Map(items.map((unit, index) => [unit.id, index]));
    for (const unit of items) {
      if (unit.parentId !== null) expect(position.get(unit.parentId)).toBeLessThan(position.get(unit.id)!);
    }
    expect(position.get(c.id)).toBeLessThan(position.get(b.id)!);
    expect(position.get(b.id)).toBeLessThan(position.get(d.id)!);
  });

  it('refuses writes from every role but admin (403)', async () => {
    const unit = await makeOrgUnit(t.db, { name: 'Guarded' });
    for (const headers of [asHq, asManager, asRep]) {
      expectError(
        await create({ code: 'NOPE', name: 'Nope', kind: 'city', parentId: null }, headers),
        403,
        'forbidden',
      );
      expectError(await patch(unit.id, { name: 'Renamed' }, headers), 403, 'forbidden');
      expectError(await remove(unit.id, headers), 403, 'forbidden');
    }
    const after = await t.app.inject({ url: `/api/org-units/${unit.id}`, headers: asAdmin });
    expect(after.json()).toEqual(unit);
    expect((await tree()).items.map((item) => item.code)).not.toContain('NOPE');
  });

  it('validates input: 400 with field paths, 404 for a missing parent, 409 for a used code', async () => {
    const invalid = await create({ code: 'has space', name: '', kind: 'planet' });
    expectError(invalid, 400, 'validation_failed');
    const paths = invalid.json().error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.kind', 'body.parentId']));

    expectError(
      await create({ code: 'ORPHAN', name: 'Orphan', kind: 'city', parentId: 999_999 }),
      404,
      'not_found',
    );
    const taken = await makeOrgUnit(t.db, { code: 'TAKEN' });
    const duplicate = await create({ code: 'TAKEN', name: 'Again', kind: 'city', parentId: null });
    expect(expectError(duplicate, 409, 'conflict')).toMatchObject({ details: { field: 'code' } });
    const other = await makeOrgUnit(t.db);
    expectError(await patch(other.id, { code: 'TAKEN' }), 409, 'conflict');
    expect((await patch(taken.id, { code: 'TAKEN', name: 'Same code, new name' })).statusCode).toBe(200);
    expectError(await patch(999_999, { name: 'Nobody' }), 404, 'not_found');
  });

  it('renames a unit', async () => {
    const unit = await makeOrgUnit(t.db, { name: 'Old name' });
    const renamed = await patch(unit.id, { name: '  New name ' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toEqual({ ...unit, name: 'New name' });
    expect((await tree()).items).toContainEqual({ ...unit, name: 'New name' });
  });

  it('moves a unit with its subtree, to another parent or to the top', async () => {
    const north = await makeOrgUnit(t.db, { kind: 'region' });
    const south = await makeOrgUnit(t.db, { kind: 'region' });
    const city = await makeOrgUnit(t.db, { kind: 'city', parentId: north.id });
    const team = await makeOrgUnit(t.db, { kind: 'team', parentId: city.id });
    const rep = await makeUser(t.db, { role: 'rep', orgUnitId: team.id });

    const moved = await patch(city.id, { parentId: south.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ ...city, parentId: south.id });
    expect(await parentOf(team.id)).toBe(city.id);
    // The users of the subtree now count under the new region.
    const underSouth = await t.app.inject({ url: `/api/users?orgUnitId=${south.id}`, headers: asAdmin });
    expect(underSouth.json().items.map((user: { id: number }) => user.id)).toEqual([rep.id]);
    const underNorth = await t.app.inject({ url: `/api/users?orgUnitId=${north.id}`, headers: asAdmin });
    expect(underNorth.json()).toEqual({ items: [], total: 0 });

    const top = await patch(city.id, { parentId: null });
    expect(top.json().parentId).toBeNull();
  });

  it('refuses to move a unit under itself or its descendants (422)', async () => {
    const region = await makeOrgUnit(t.db, { kind: 'region' });
    const city = await makeOrgUnit(t.db, { kind: 'city', parentId: region.id });
    const team = await makeOrgUnit(t.db, { kind: 'team', parentId: city.id });
    for (const parentId of [region.id, city.id, team.id]) {
      const response = await patch(region.id, { parentId, name: 'Should not change' });
      expectError(response, 422, 'business_rule');
    }
    expectError(await patch(city.id, { parentId: team.id }), 422, 'business_rule');
    expect(await parentOf(region.id)).toBeNull();
    expect(await parentOf(city.id)).toBe(region.id);
    expect((await t.app.inject({ url: `/api/org-units/${region.id}`, headers: asAdmin })).json().name).toBe(
      region.name,
    );
  });

  it('deletes an empty unit', async () => {
    const parent = await makeOrgUnit(t.db, { kind: 'region' });
    const leaf = await makeOrgUnit(t.db, { kind: 'city', parentId: parent.id });
    const response = await remove(leaf.id);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expectError(await t.app.inject({ url: `/api/org-units/${leaf.id}`, headers: asAdmin }), 404, 'not_found');
    expectError(await remove(leaf.id), 404, 'not_found');
    // Its parent is now empty too.
    expect((await remove(parent.id)).statusCode).toBe(204);
  });

  it('refuses to delete a unit with child units, users or stores (409 with counts)', async () => {
    const region = await makeOrgUnit(t.db, { kind: 'region' });
    await makeOrgUnit(t.db, { kind: 'city', parentId: region.id });
    await makeOrgUnit(t.db, { kind: 'city', parentId: region.id });
    expect(expectError(await remove(region.id), 409, 'conflict')).toMatchObject({
      details: { children: 2, users: 0, stores: 0 },
    });

    const staffed = await makeOrgUnit(t.db);
    await makeUser(t.db, { orgUnitId: staffed.id });
    await makeUser(t.db, { orgUnitId: staffed.id, isActive: false });
    expect(expectError(await remove(staffed.id), 409, 'conflict')).toMatchObject({
      details: { children: 0, users: 2, stores: 0 },
    });

    const withStores = await makeOrgUnit(t.db);
    await makeStore(t.db, { accountId, orgUnitId: withStores.id });
    expect(expectError(await remove(withStores.id), 409, 'conflict')).toMatchObject({
      details: { children: 0, users: 0, stores: 1 },
    });

    for (const id of [region.id, staffed.id, withStores.id]) {
      expect((await t.app.inject({ url: `/api/org-units/${id}`, headers: asAdmin })).statusCode).toBe(200);
    }
  });
});
