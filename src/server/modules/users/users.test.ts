import { eq } from 'drizzle-orm';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../core/common/errors';
import type { User } from '../../../core/org/org.contract';
import { countAll } from '../../db/sql-helpers';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';
import { makeOrgUnit, makeUser, TEST_PASSWORD } from '../../test/factories';
import { users } from './users.table';

type Headers = Record<string, string>;
type TestUser = Awaited<ReturnType<typeof makeUser>>;

function expectError(response: Response, status: number, code: ErrorCode) {
  expect(response.statusCode).toBe(status);
  const body = response.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error;
}

const pathsOf = (response: Response) =>
  response.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path);
const usernamesOf = (response: Response) =>
  response.json<{ items: User[] }>().items.map((user) => user.username);

describe('users API', () => {
  let t: TestContext;
  let admin: TestUser;
  let hqOps: TestUser;
  let manager: TestUser;
  let repA: TestUser;
  let repB: TestUser;
  let repWest: TestUser;
  let eastId: number;
  let cityAId: number;
  let westId: number;
  let asAdmin: Headers;
  let asHq: Headers;
  let asManager: Headers;
  let asRep: Headers;

  beforeAll(async () => {
    t = await buildTestApp();
    const hq = await makeOrgUnit(t.db, { kind: 'hq' });
    const east = await makeOrgUnit(t.db, { kind: 'region', parentId: hq.id, name: 'East' });
    const cityA = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });
    const cityB = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });
    const west = await makeOrgUnit(t.db, { kind: 'region', parentId: hq.id, name: 'West' });
    eastId = east.id;
    cityAId = cityA.id;
    westId = west.id;
    admin = await makeUser(t.db, { role: 'admin', orgUnitId: hq.id });
    hqOps = await makeUser(t.db, { role: 'hq_ops', orgUnitId: hq.id });
    manager = await makeUser(t.db, {
      role: 'manager',
      orgUnitId: east.id,
      username: 'mgr.east',
      displayName: 'Manager East',
    });
    repA = await makeUser(t.db, {
      role: 'rep',
      orgUnitId: cityA.id,
      username: 'rep.a',
      displayName: 'Rep in A',
    });
    repB = await makeUser(t.db, {
      role: 'rep',
      orgUnitId: cityB.id,
      username: 'rep.b',
      displayName: 'Rep in B',
    });
    repWest = await makeUser(t.db, { role: 'rep', orgUnitId: west.id, username: 'rep.west' });
    [asAdmin, asHq, asManager, asRep] = await Promise.all([
      sessionHeaders(t.app, admin.username),
      sessionHeaders(t.app, hqOps.username),
      sessionHeaders(t.app, manager.username),
      sessionHeaders(t.app, repA.username),
    ]);
  });
  afterAll(() => t.close());

  const createUser = (headers: Headers, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/users', headers, payload });
  const patchUser = (headers: Headers, id: number, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers, payload });
  const login = (username: string, password = TEST_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  describe('writing', () => {
    it('lets an admin create a user, answering it without any password', async () => {
      const before = Date.now();
      const response = await createUser(asAdmin, {
        username: 'new.rep',
        displayName: '  New Rep ',
        phone: '13800000000',
        role: 'rep',
        orgUnitId: cityAId,
        password: 'first-password',
      });
      expect(response.statusCode).toBe(201);
      const user = response.json<User>();
      expect(user).toEqual({
        id: expect.any(Number),
        username: 'new.rep',
        displayName: 'New Rep',
        phone: '13800000000',
        role: 'rep',
        orgUnitId: cityAId,
        orgUnitName: expect.any(String),
        isActive: true,
        locale: 'zh-CN',
        lastLoginAt: null,
        createdAt: expect.any(String),
      });
      expect(new Date(user.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(response.body).not.toMatch(/password|argon2/i);

      const [row] = await t.db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, user.id));
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      const signedIn = await login('new.rep', 'first-password');
      expect(signedIn.statusCode).toBe(200);
      const fetched = await t.app.inject({ url: `/api/users/${user.id}`, headers: asAdmin });
      expect(fetched.json().lastLoginAt).toEqual(expect.any(String));
    });

    it('lets no other role create or change users', async () => {
      const payload = {
        username: 'sneaky',
        displayName: 'Sneaky',
        role: 'admin',
        password: 'sneaky-password',
      };
      for (const headers of [asHq, asManager, asRep]) {
        expectError(await createUser(headers, payload), 403, 'forbidden');
        expectError(await patchUser(headers, repA.id, { displayName: 'Changed' }), 403, 'forbidden');
      }
      const bearer = await tokenHeaders(t.database, hqOps.actor);
      expectError(await createUser(bearer, payload), 403, 'forbidden');
      const [{ total }] = await t.db
        .select({ total: countAll })
        .from(users)
        .where(eq(users.username, 'sneaky'));
      expect(total).toBe(0);
      expect(
        (await t.app.inject({ url: `/api/users/${repA.id}`, headers: asAdmin })).json().displayName,
      ).toBe('Rep in A');
    });

    it('keeps usernames unique whatever their case, and stores them in lower case', async () => {
      const first = await createUser(asAdmin, {
        username: 'Rep1',
        displayName: 'Rep One',
        role: 'rep',
        password: 'rep1-password',
      });
      expect(first.statusCode).toBe(201);
      expect(first.json().username).toBe('rep1');
      const second = await createUser(asAdmin, {
        username: 'rep1',
        displayName: 'Rep One again',
        role: 'rep',
        password: 'rep1-password',
      });
      expect(expectError(second, 409, 'conflict')).toMatchObject({ details: { field: 'username' } });
      const third = await createUser(asAdmin, {
        username: ' REP1 ',
        displayName: 'Rep One again',
        role: 'rep',
        password: 'rep1-password',
      });
      expectError(third, 409, 'conflict');
      expect((await login('REP1', 'rep1-password')).statusCode).toBe(200);
    });

    it('answers invalid input with 400 and the field paths', async () => {
      const invalid = await createUser(asAdmin, {
        username: 'has space',
        role: 'boss',
        password: 'short',
        orgUnitId: 'east',
      });
      expectError(invalid, 400, 'validation_failed');
      expect(pathsOf(invalid)).toEqual(
        expect.arrayContaining([
          'body.username',
          'body.displayName',
          'body.role',
          'body.password',
          'body.orgUnitId',
        ]),
      );
      const badPatch = await patchUser(asAdmin, repA.id, { role: 'boss', isActive: 'no' });
      expectError(badPatch, 400, 'validation_failed');
      expect(pathsOf(badPatch)).toEqual(expect.arrayContaining(['body.role', 'body.isActive']));
      expectError(await t.app.inject({ url: '/api/users/abc', headers: asAdmin }), 400, 'validation_failed');
    });

    it('answers 404 for a missing user and 400 for an unknown org unit in the body', async () => {
      expectError(await patchUser(asAdmin, 999_999, { displayName: 'Nobody' }), 404, 'not_found');
      expectError(await t.app.inject({ url: '/api/users/999999', headers: asAdmin }), 404, 'not_found');
      const orphan = await createUser(asAdmin, {
        username: 'orphan',
        displayName: 'Orphan',
        role: 'rep',
        orgUnitId: 999_999,
        password: 'orphan-password',
      });
      expectError(orphan, 400, 'validation_failed');
      expect(orphan.json().error.details).toEqual([{ path: 'body.orgUnitId', message: 'unknown org unit' }]);
    });

    it('lets an admin change a user', async () => {
      const user = await makeUser(t.db, { role: 'rep', orgUnitId: cityAId });
      const response = await patchUser(asAdmin, user.id, {
        displayName: 'Promoted',
        role: 'manager',
        orgUnitId: eastId,
        phone: null,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: user.id,
        username: user.username,
        displayName: 'Promoted',
        role: 'manager',
        orgUnitId: eastId,
        orgUnitName: 'East',
        phone: null,
      });
      const signedIn = await login(user.username);
      expect(signedIn.json().user).toMatchObject({
        role: 'manager',
        orgUnitId: eastId,
        displayName: 'Promoted',
      });
    });

    it('ends every session of a user who is deactivated, and their tokens stop working', async () => {
      const user = await makeUser(t.db, { role: 'rep' });
      const session = await sessionHeaders(t.app, user.username);
      const bearer = await tokenHeaders(t.database, user.actor);
      expect((await t.app.inject({ url: '/api/auth/me', headers: session })).statusCode).toBe(200);

      const deactivated = await patchUser(asAdmin, user.id, { isActive: false });
      expect(deactivated.statusCode).toBe(200);
      expect(deactivated.json().isActive).toBe(false);
      expectError(await t.app.inject({ url: '/api/auth/me', headers: session }), 401, 'unauthenticated');
      expectError(await t.app.inject({ url: '/api/auth/me', headers: bearer }), 401, 'unauthenticated');
      expectError(await login(user.username), 401, 'invalid_credentials');

      // Reactivating does not revive the old session: it was deleted, not just suspended.
      expect((await patchUser(asAdmin, user.id, { isActive: true })).statusCode).toBe(200);
      expectError(await t.app.inject({ url: '/api/auth/me', headers: session }), 401, 'unauthenticated');
      expect((await login(user.username)).statusCode).toBe(200);
    });

    it('ends every session of a user whose password an admin resets', async () => {
      const user = await makeUser(t.db, { role: 'rep' });
      const session = await sessionHeaders(t.app, user.username);
      const otherUserSession = await sessionHeaders(t.app, repB.username);
      const reset = await patchUser(asAdmin, user.id, { password: 'reset-by-admin' });
      expect(reset.statusCode).toBe(200);
      expect(reset.body).not.toMatch(/password|argon2/i);
      expectError(await t.app.inject({ url: '/api/auth/me', headers: session }), 401, 'unauthenticated');
      expect((await t.app.inject({ url: '/api/auth/me', headers: otherUserSession })).statusCode).toBe(200);
      expectError(await login(user.username), 401, 'invalid_credentials');
      expect((await login(user.username, 'reset-by-admin')).statusCode).toBe(200);
    });

    it('does not let an admin deactivate themselves or change their own role', async () => {
      const self = await makeUser(t.db, { role: 'admin' });
      const headers = await sessionHeaders(t.app, self.username);
      expectError(await patchUser(headers, self.id, { isActive: false }), 403, 'forbidden');
      expectError(await patchUser(headers, self.id, { role: 'rep' }), 403, 'forbidden');
      const me = await t.app.inject({ url: '/api/auth/me', headers });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.role).toBe('admin');
      // Their own name is theirs to change; another admin may deactivate them.
      expect((await patchUser(headers, self.id, { displayName: 'Still admin' })).statusCode).toBe(200);
      expect((await patchUser(asAdmin, self.id, { isActive: false })).json().isActive).toBe(false);
    });
  });

  describe('reading', () => {
    it('lets HQ roles read every user', async () => {
      const [{ total }] = await t.db.select({ total: countAll }).from(users);
      for (const headers of [asAdmin, asHq]) {
        const response = await t.app.inject({ url: '/api/users?limit=1000', headers });
        expect(response.statusCode).toBe(200);
        expect(response.json().total).toBe(total);
        expect(response.json().items).toHaveLength(total);
        expect(response.body).not.toMatch(/"password(Hash)?"|argon2/);
      }
      expect((await t.app.inject({ url: `/api/users/${repWest.id}`, headers: asHq })).statusCode).toBe(200);
    });

    it('shows a manager only their org subtree and themselves', async () => {
      const subtree = await t.app.inject({
        url: '/api/users?limit=1000&orgUnitId=' + eastId,
        headers: asAdmin,
      });
      const expected = usernamesOf(subtree);
      expect(expected).toEqual(expect.arrayContaining(['mgr.east', 'rep.a', 'rep.b']));

      const response = await t.app.inject({ url: '/api/users?limit=1000', headers: asManager });
      expect(response.statusCode).toBe(200);
      expect(usernamesOf(response).sort()).toEqual(expected.sort());
      expect(response.json().total).toBe(expected.length);
      expect(usernamesOf(response)).not.toContain('rep.west');

      expect((await t.app.inject({ url: `/api/users/${repA.id}`, headers: asManager })).json().username).toBe(
        'rep.a',
      );
      expect((await t.app.inject({ url: `/api/users/${manager.id}`, headers: asManager })).statusCode).toBe(
        200,
      );
      const outside = await t.app.inject({ url: `/api/users/${repWest.id}`, headers: asManager });
      expectError(outside, 404, 'not_found');
      expect(outside.body).not.toContain('rep.west');
      // Filtering by a unit outside the subtree does not widen it.
      const west = await t.app.inject({ url: `/api/users?orgUnitId=${westId}`, headers: asManager });
      expect(west.json()).toEqual({ items: [], total: 0 });
    });

    it('shows a manager without an org unit only themselves', async () => {
      const loner = await makeUser(t.db, { role: 'assistant', orgUnitId: null });
      const headers = await sessionHeaders(t.app, loner.username);
      const response = await t.app.inject({ url: '/api/users', headers });
      expect(usernamesOf(response)).toEqual([loner.username]);
    });

    it('refuses reps and promoters (403)', async () => {
      expectError(await t.app.inject({ url: '/api/users', headers: asRep }), 403, 'forbidden');
      expectError(await t.app.inject({ url: `/api/users/${repA.id}`, headers: asRep }), 403, 'forbidden');
      const promoter = await makeUser(t.db, { role: 'promoter' });
      expectError(
        await t.app.inject({ url: '/api/users', headers: await tokenHeaders(t.database, promoter.actor) }),
        403,
        'forbidden',
      );
      expectError(await t.app.inject({ url: '/api/users' }), 401, 'unauthenticated');
    });

    it('searches, filters, sorts and pages', async () => {
      const listUnit = await makeOrgUnit(t.db, { kind: 'team', parentId: westId });
      const subUnit = await makeOrgUnit(t.db, { kind: 'team', parentId: listUnit.id });
      await makeUser(t.db, {
        role: 'rep',
        orgUnitId: listUnit.id,
        username: 'lst.zeta',
        displayName: 'Zeta Zhang',
      });
      await makeUser(t.db, {
        role: 'promoter',
        orgUnitId: subUnit.id,
        username: 'lst.alpha',
        displayName: 'Alpha Li',
      });
      await makeUser(t.db, {
        role: 'rep',
        orgUnitId: subUnit.id,
        username: 'lst.mid',
        displayName: 'Mid Wang',
        isActive: false,
      });
      const list = async (query: string) => {
        const response = await t.app.inject({
          url: `/api/users?orgUnitId=${listUnit.id}&${query}`,
          headers: asAdmin,
        });
        expect(response.statusCode).toBe(200);
        return response;
      };

      const all = await list('');
      expect(all.json().total).toBe(3);
      expect(usernamesOf(all)).toEqual(['lst.alpha', 'lst.mid', 'lst.zeta']);
      expect(usernamesOf(await list('sort=-username'))).toEqual(['lst.zeta', 'lst.mid', 'lst.alpha']);
      expect(usernamesOf(await list('sort=displayName'))).toEqual(['lst.alpha', 'lst.mid', 'lst.zeta']);
      // Roles rank as the business does (… rep, promoter, finance); ties keep the order of creation.
      expect(usernamesOf(await list('sort=-role'))).toEqual(['lst.alpha', 'lst.zeta', 'lst.mid']);
      expect(usernamesOf(await list('role=rep,promoter'))).toEqual(['lst.alpha', 'lst.mid', 'lst.zeta']);
      expect(usernamesOf(await list('q=zhang'))).toEqual(['lst.zeta']);
      expect(usernamesOf(await list('q=LST.M'))).toEqual(['lst.mid']);
      expect(usernamesOf(await list('role=rep'))).toEqual(['lst.mid', 'lst.zeta']);
      expect(usernamesOf(await list('isActive=false'))).toEqual(['lst.mid']);
      expect(usernamesOf(await list('isActive=true&role=rep'))).toEqual(['lst.zeta']);
      const page = await list('limit=1&offset=1');
      expect(page.json().total).toBe(3);
      expect(usernamesOf(page)).toEqual(['lst.mid']);
      // Only the subtree of the unit asked for.
      const sub = await t.app.inject({ url: `/api/users?orgUnitId=${subUnit.id}`, headers: asAdmin });
      expect(usernamesOf(sub)).toEqual(['lst.alpha', 'lst.mid']);
      // Unknown sort keys fall back to the username, including names every object has.
      for (const sort of ['nonsense', 'constructor', '-toString', '__proto__']) {
        expect(usernamesOf(await list(`sort=${sort}`))).toEqual(['lst.alpha', 'lst.mid', 'lst.zeta']);
      }
    });

    it('rejects invalid list parameters with 400', async () => {
      for (const query of [
        'role=boss',
        'isActive=maybe',
        'limit=0',
        'limit=5000',
        'offset=-1',
        'orgUnitId=x',
      ]) {
        const response = await t.app.inject({ url: `/api/users?${query}`, headers: asAdmin });
        expectError(response, 400, 'validation_failed');
        expect(pathsOf(response)[0]).toMatch(/^querystring\./);
      }
    });
  });
});
