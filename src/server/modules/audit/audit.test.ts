import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../core/audit/audit.contract';
import type { ErrorCode } from '../../../core/common/errors';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';
import { makeAccount, makeOrgUnit, makeUser } from '../../test/factories';
import { auditEvents } from './audit.table';

type Headers = Record<string, string>;
type TestUser = Awaited<ReturnType<typeof makeUser>>;

function expectError(response: Response, status: number, code: ErrorCode) {
  expect(response.statusCode).toBe(status);
  const body = response.json<{ error: { code: string; message: string } }>();
  expect(body.error.code).toBe(code);
  return body.error;
}

describe('audit log API', () => {
  let t: TestContext;
  let admin: TestUser;
  let hqOps: TestUser;
  let asAdmin: Headers;
  let asHq: Headers;
  let asManager: Headers;
  let asRep: Headers;
  let cityId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    cityId = (await makeOrgUnit(t.db, { kind: 'city' })).id;
    admin = await makeUser(t.db, { role: 'admin', displayName: 'Ada Admin' });
    hqOps = await makeUser(t.db, { role: 'hq_ops' });
    const manager = await makeUser(t.db, { role: 'manager', orgUnitId: cityId });
    const rep = await makeUser(t.db, { role: 'rep', orgUnitId: cityId });
    [asAdmin, asHq, asManager, asRep] = await Promise.all(
      [admin, hqOps, manager, rep].map((user) => sessionHeaders(t.app, user.username)),
    );
  });
  afterAll(() => t.close());

  const send = async (
    method: 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Record<string, unknown>,
    headers = asAdmin,
  ) => {
    const response = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? null : response.json<{ id: number }>();
  };
  const events = async (query: string) => {
    const response = await t.app.inject({ url: `/api/audit-events?${query}`, headers: asAdmin });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: AuditEvent[]; total: number }>();
  };
  /** Events of one entity, oldest first. */
  const historyOf = async (entity: string, entityId: number) =>
    (await events(`entity=${entity}&entityId=${entityId}`)).items.reverse();

  it('records who created, changed and deleted an account, when, and only what changed', async () => {
    const started = Date.now();
    const account = (await send('POST', '/api/accounts', {
      code: 'AUD-ACC',
      name: '华润万家',
      tier: 'core',
      tradeType: 'distributor',
    }))!;
    await send('PATCH', `/api/accounts/${account.id}`, { name: '华润万家 (CRV)', tier: 'key' });
    // Sending the current values changes nothing and records nothing.
    await send('PATCH', `/api/accounts/${account.id}`, {
      name: '华润万家 (CRV)',
      tier: 'key',
      tradeType: 'distributor',
    });
    await send('DELETE', `/api/accounts/${account.id}`);

    const history = await historyOf('account', account.id);
    expect(history.map((event) => event.action)).toEqual(['create', 'update', 'delete']);
    for (const event of history) {
      expect(event).toMatchObject({
        actorId: admin.id,
        actorName: 'Ada Admin',
        entity: 'account',
        entityId: account.id,
      });
      expect(new Date(event.at).getTime()).toBeGreaterThanOrEqual(started - 1000);
      expect(new Date(event.at).getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const [created, updated, deleted] = history;
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({
      id: account.id,
      code: 'AUD-ACC',
      name: '华润万家',
      tier: 'core',
      tradeType: 'distributor',
      status: 'active',
    });
    expect(updated.before).toEqual({ name: '华润万家', tier: 'core' });
    expect(updated.after).toEqual({ name: '华润万家 (CRV)', tier: 'key' });
    expect(deleted.before).toMatchObject({
      id: account.id,
      code: 'AUD-ACC',
      name: '华润万家 (CRV)',
      tier: 'key',
    });
    expect(deleted.after).toBeNull();
  });

  it('records store changes, derived fields included', async () => {
    const account = await makeAccount(t.db);
    const store = (await send('POST', '/api/stores', {
      accountId: account.id,
      code: 'AUD-S1',
      name: '沃尔玛 深圳南山店',
      format: 'hypermarket',
      floorArea: 6000,
      province: '广东',
      city: '深圳',
      orgUnitId: cityId,
    }))!;
    await send('PATCH', `/api/stores/${store.id}`, { floorArea: 3000 });
    await send('PATCH', `/api/stores/${store.id}`, { floorArea: 3000, city: '深圳' });
    await send('DELETE', `/api/stores/${store.id}`);

    const history = await historyOf('store', store.id);
    expect(history.map((event) => [event.action, event.actorId])).toEqual([
      ['create', admin.id],
      ['update', admin.id],
      ['delete', admin.id],
    ]);
    expect(history[0].after).toMatchObject({ code: 'AUD-S1', floorArea: 6000, storeClass: 'A', repIds: [] });
    expect(history[1].before).toEqual({ floorArea: 6000, storeClass: 'A' });
    expect(history[1].after).toEqual({ floorArea: 3000, storeClass: 'B' });
    expect(history[2]).toMatchObject({ before: { code: 'AUD-S1', floorArea: 3000 }, after: null });
  });

  it('records contact changes', async () => {
    const account = await makeAccount(t.db);
    const contact = (await send('POST', '/api/contacts', {
      accountId: account.id,
      name: '王采购',
      role: 'buyer',
      phone: '13900000000',
    }))!;
    await send('PATCH', `/api/contacts/${contact.id}`, { phone: '13900000001', notes: '周一上午在总部' });
    await send('PATCH', `/api/contacts/${contact.id}`, { name: '王采购' });
    await send('DELETE', `/api/contacts/${contact.id}`);

    const history = await historyOf('contact', contact.id);
    expect(history.map((event) => event.action)).toEqual(['create', 'update', 'delete']);
    expect(history[0].after).toMatchObject({
      accountId: account.id,
      name: '王采购',
      role: 'buyer',
      phone: '13900000000',
    });
    expect(history[1].before).toEqual({ phone: '13900000000', notes: null });
    expect(history[1].after).toEqual({ phone: '13900000001', notes: '周一上午在总部' });
    expect(history[2]).toMatchObject({ before: { name: '王采购' }, after: null });
  });

  it('records user changes, and password changes without any hash', async () => {
    const user = (await send('POST', '/api/users', {
      username: 'aud.user',
      displayName: 'Audited',
      role: 'rep',
      orgUnitId: cityId,
      password: 'first-password',
    }))!;
    await send('PATCH', `/api/users/${user.id}`, { displayName: 'Audited Rep', role: 'rep' });
    await send('PATCH', `/api/users/${user.id}`, { displayName: 'Audited Rep', isActive: true });
    await send('PATCH', `/api/users/${user.id}`, { password: 'reset-by-admin' });
    const own = await sessionHeaders(t.app, 'aud.user', 'reset-by-admin');
    await send(
      'POST',
      '/api/auth/me/password',
      { currentPassword: 'reset-by-admin', newPassword: 'chosen-by-me' },
      own,
    );

    const response = await t.app.inject({
      url: `/api/audit-events?entity=user&entityId=${user.id}`,
      headers: asAdmin,
    });
    expect(response.body).not.toMatch(/argon2|first-password|reset-by-admin|chosen-by-me|passwordHash/);
    const history = response.json<{ items: AuditEvent[] }>().items.reverse();
    expect(history.map((event) => [event.action, event.actorId])).toEqual([
      ['create', admin.id],
      ['update', admin.id],
      ['update', admin.id],
      ['update', user.id],
    ]);
    expect(history[0].before).toBeNull();
    expect(history[0].after).toEqual({
      id: user.id,
      username: 'aud.user',
      displayName: 'Audited',
      phone: null,
      role: 'rep',
      orgUnitId: cityId,
      isActive: true,
      locale: 'zh-CN',
    });
    expect(history[1]).toMatchObject({
      before: { displayName: 'Audited' },
      after: { displayName: 'Audited Rep' },
    });
    expect(history[2]).toMatchObject({
      before: { passwordChanged: false },
      after: { passwordChanged: true },
    });
    expect(history[3]).toMatchObject({
      before: { passwordChanged: false },
      after: { passwordChanged: true },
    });
    expect(Object.keys(history[1].after ?? {})).toEqual(['displayName']);
  });

  it('filters by entity, entity id, actor, action and dates, newest first, with paging', async () => {
    // An actor of this test alone, so other tests' events do not count.
    const editor = await makeUser(t.db, { role: 'hq_ops', displayName: 'Hank HQ' });
    const asEditor = await sessionHeaders(t.app, editor.username);
    const byAdmin = (await send('POST', '/api/accounts', {
      code: 'AUD-F1',
      name: 'Filter One',
      tier: 'key',
      tradeType: 'hq_direct',
    }))!;
    const byHq = (await send(
      'POST',
      '/api/accounts',
      { code: 'AUD-F2', name: 'Filter Two', tier: 'key', tradeType: 'hq_direct' },
      asEditor,
    ))!;
    await send('PATCH', `/api/accounts/${byHq.id}`, { name: 'Filter Two (renamed)' }, asEditor);
    await send('DELETE', `/api/accounts/${byHq.id}`, undefined, asEditor);

    const ofHq = await events(`actorId=${editor.id}`);
    expect(ofHq.total).toBe(3);
    expect(ofHq.items.map((event) => [event.action, event.entityId, event.actorName])).toEqual([
      ['delete', byHq.id, 'Hank HQ'],
      ['update', byHq.id, 'Hank HQ'],
      ['create', byHq.id, 'Hank HQ'],
    ]);
    expect(
      (await events(`entity=account&entityId=${byAdmin.id}`)).items.map((event) => event.action),
    ).toEqual(['create']);
    expect((await events(`actorId=${editor.id}&action=delete`)).items.map((event) => event.action)).toEqual([
      'delete',
    ]);
    expect((await events(`actorId=${editor.id}&action=create,update`)).total).toBe(2);
    expect((await events(`actorId=${editor.id}&entity=store,contact`)).total).toBe(0);
    expect((await events(`actorId=${editor.id}&entity=account,store`)).total).toBe(3);
    expect(
      (await events(`entity=account&q=${encodeURIComponent('Filter Two (renamed)')}`)).items.map(
        (event) => event.action,
      ),
    ).toEqual(['delete', 'update']);

    const paged = await events(`actorId=${editor.id}&limit=1&offset=1`);
    expect(paged.total).toBe(3);
    expect(paged.items.map((event) => event.action)).toEqual(['update']);
  });

  it('filters by whole days in the business time zone (Asia/Shanghai)', async () => {
    const entityId = 777_001;
    // 23:59:59 and 00:30 Beijing time on either side of midnight starting 2026-01-02.
    await t.db.insert(auditEvents).values([
      {
        at: new Date('2026-01-01T15:59:59Z'),
        entity: 'org_unit',
        entityId,
        action: 'update',
        before: { name: 'a' },
        after: { name: 'b' },
      },
      {
        at: new Date('2026-01-01T16:30:00Z'),
        entity: 'org_unit',
        entityId,
        action: 'update',
        before: { name: 'b' },
        after: { name: 'c' },
      },
    ]);
    const on = async (range: string) =>
      (await events(`entityId=${entityId}&${range}`)).items.map((event) => event.after?.name);
    expect(await on('from=2026-01-01&to=2026-01-01')).toEqual(['b']);
    expect(await on('from=2026-01-02&to=2026-01-02')).toEqual(['c']);
    expect(await on('from=2026-01-02')).toEqual(['c']);
    expect(await on('to=2026-01-01')).toEqual(['b']);
    expect(await on('from=2026-01-01&to=2026-01-02')).toEqual(['c', 'b']);
    expect(await on('from=2026-01-03')).toEqual([]);
    expect(await on('to=2025-12-31')).toEqual([]);
    const [event] = (await events(`entityId=${entityId}&from=2026-01-02`)).items;
    expect(event).toMatchObject({ actorId: null, actorName: null, at: '2026-01-01T16:30:00.000Z' });
  });

  it('records org unit changes too', async () => {
    const unit = (await send('POST', '/api/org-units', {
      code: 'AUD-OU',
      name: 'Audited unit',
      kind: 'team',
      parentId: cityId,
    }))!;
    await send('PATCH', `/api/org-units/${unit.id}`, { name: 'Audited unit 2' });
    await send('DELETE', `/api/org-units/${unit.id}`);
    const history = await historyOf('org_unit', unit.id);
    expect(history.map((event) => [event.action, event.before, event.after])).toEqual([
      ['create', null, { id: unit.id, code: 'AUD-OU', name: 'Audited unit', kind: 'team', parentId: cityId }],
      ['update', { name: 'Audited unit' }, { name: 'Audited unit 2' }],
      [
        'delete',
        { id: unit.id, code: 'AUD-OU', name: 'Audited unit 2', kind: 'team', parentId: cityId },
        null,
      ],
    ]);
  });

  it('is read by admins only', async () => {
    for (const headers of [asHq, asManager, asRep]) {
      expectError(await t.app.inject({ url: '/api/audit-events', headers }), 403, 'forbidden');
    }
    expectError(await t.app.inject({ url: '/api/audit-events' }), 401, 'unauthenticated');
    const viaToken = await t.app.inject({
      url: '/api/audit-events',
      headers: await tokenHeaders(t.database, hqOps.actor),
    });
    expectError(viaToken, 403, 'forbidden');
  });

  it('rejects invalid filters with 400', async () => {
    for (const query of [
      'entity=planet',
      'action=explode',
      'from=2026-13-01',
      'to=yesterday',
      'actorId=0',
      'entityId=x',
    ]) {
      const response = await t.app.inject({ url: `/api/audit-events?${query}`, headers: asAdmin });
      expectError(response, 400, 'validation_failed');
    }
  });
});
