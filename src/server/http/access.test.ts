import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, scopeKindOf, type Role } from '../../core/auth/roles';
import { buildTestApp, sessionHeaders, type TestContext } from '../test/test-app';
import { makeAccount, makeContact, makeOrgUnit, makeStore, makeUser } from '../test/factories';
import { isAllowed } from './access';
import { registeredRoutes } from './route-registry';
import { readSpreadsheet } from '../lib/spreadsheet';
import { toCsv, upload } from '../test/uploads';

/**
 * Every registered API route × every role. Records outside a scoped role's reach carry a marker
 * in their names; a scoped role must never get one back, whatever it calls. A route missing from
 * `requests` below fails the test, so a new route cannot ship without being tried here.
 */
const MARK = 'OUTSIDE';

interface Targets {
  account: number;
  store: number;
  contact: number;
  user: number;
  orgUnit: number;
  sharedAccount: number;
  token: number;
}

type Request = {
  url: (t: Targets) => string;
  payload?: (t: Targets) => unknown;
  /** A CSV sent as the multipart `file` field. */
  csv?: (
    t: Targets,
  ) => (
    string | number
  )[][]; /** Data that is not scoped by design: the caller's own (session, tokens) or the org tree everyone navigates by. */
  unscoped?: boolean;
};

const requests: Record<string, Request> = {
  'GET /api/health': { url: () => '/api/health' },
  'GET /api/openapi.json': { url: () => '/api/openapi.json' },
  'POST /api/auth/login': {
    url: () => '/api/auth/login',
    payload: () => ({ username: 'nobody', password: 'wrong-password' }),
  },
  'GET /api/auth/sign-in-options': { url: () => '/api/auth/sign-in-options', unscoped: true },
  'POST /api/auth/logout': { url: () => '/api/auth/logout', unscoped: true },
  'GET /api/auth/me': { url: () => '/api/auth/me', unscoped: true },
  'PUT /api/auth/me/preferences': {
    url: () => '/api/auth/me/preferences',
    payload: () => ({ locale: 'zh-CN' }),
    unscoped: true,
  },
  'POST /api/auth/me/password': {
    url: () => '/api/auth/me/password',
    payload: () => ({ currentPassword: 'wrong-password', newPassword: 'another-password' }),
    unscoped: true,
  },
  'GET /api/auth/tokens': { url: () => '/api/auth/tokens', unscoped: true },
  'POST /api/auth/tokens': {
    url: () => '/api/auth/tokens',
    payload: () => ({ name: 'matrix' }),
    unscoped: true,
  },
  'DELETE /api/auth/tokens/:id': { url: (t) => `/api/auth/tokens/${t.token}` },
  'GET /api/users': { url: () => '/api/users' },
  'GET /api/users/:id': { url: (t) => `/api/users/${t.user}` },
  'POST /api/users': {
    url: () => '/api/users',
    payload: () => ({
      username: `new-${Math.random().toString(36).slice(2, 8)}`,
      displayName: 'x',
      role: 'rep',
      password: 'long-enough-1',
    }),
  },
  'PATCH /api/users/:id': { url: (t) => `/api/users/${t.user}`, payload: () => ({ phone: '13800000000' }) },
  'GET /api/org-units': { url: () => '/api/org-units', unscoped: true },
  'GET /api/org-units/:id': { url: (t) => `/api/org-units/${t.orgUnit}`, unscoped: true },
  'POST /api/org-units': {
    url: () => '/api/org-units',
    payload: (t) => ({ code: `M${Date.now()}`, name: 'x', kind: 'city', parentId: t.orgUnit }),
  },
  'PATCH /api/org-units/:id': {
    url: (t) => `/api/org-units/${t.orgUnit}`,
    payload: () => ({ name: 'Renamed' }),
  },
  'DELETE /api/org-units/:id': { url: (t) => `/api/org-units/${t.orgUnit}` },
  'GET /api/accounts': { url: () => '/api/accounts' },
  'GET /api/accounts/:id': { url: (t) => `/api/accounts/${t.account}` },
  'POST /api/accounts': {
    url: () => '/api/accounts',
    payload: () => ({
      code: `N${Date.now()}`,
      name: `New ${Date.now()}`,
      tier: 'core',
      tradeType: 'distributor',
    }),
  },
  'PATCH /api/accounts/:id': {
    url: (t) => `/api/accounts/${t.account}`,
    payload: () => ({ notes: 'changed' }),
  },
  'DELETE /api/accounts/:id': { url: (t) => `/api/accounts/${t.account}` },
  'GET /api/stores': { url: () => '/api/stores?limit=500' },
  'GET /api/stores/:id': { url: (t) => `/api/stores/${t.store}` },
  'POST /api/stores': {
    url: () => '/api/stores',
    payload: (t) => ({
      accountId: t.account,
      code: `X${Date.now()}`,
      name: 'x',
      format: 'supermarket',
      province: '北京',
      city: '北京',
      orgUnitId: t.orgUnit,
    }),
  },
  'PATCH /api/stores/:id': { url: (t) => `/api/stores/${t.store}`, payload: () => ({ dailyTraffic: 1000 }) },
  'DELETE /api/stores/:id': { url: (t) => `/api/stores/${t.store}` },
  'GET /api/stores/import-template.xlsx': { url: () => '/api/stores/import-template.xlsx' },
  'GET /api/stores/export.xlsx': { url: () => '/api/stores/export.xlsx' },
  'POST /api/stores/import': {
    url: () => '/api/stores/import',
    // Renames the out-of-scope store: a scoped role must get a row error that says nothing about it.
    csv: () => [
      ['客户编码', '门店编码', '门店名称', '业态', '省份', '城市'],
      ['OUT', 'OUT-1', 'Renamed', '超市', '四川', '成都'],
    ],
  },
  'GET /api/contacts': { url: () => '/api/contacts?limit=500' },
  'GET /api/contacts/:id': { url: (t) => `/api/contacts/${t.contact}` },
  'POST /api/contacts': {
    url: () => '/api/contacts',
    payload: (t) => ({ storeId: t.store, name: 'x', role: 'other' }),
  },
  'PATCH /api/contacts/:id': {
    url: (t) => `/api/contacts/${t.contact}`,
    payload: () => ({ notes: 'changed' }),
  },
  'DELETE /api/contacts/:id': { url: (t) => `/api/contacts/${t.contact}` },
  'GET /api/contacts/import-template.xlsx': { url: () => '/api/contacts/import-template.xlsx' },
  'GET /api/contacts/export.xlsx': { url: () => '/api/contacts/export.xlsx' },
  'POST /api/contacts/import': {
    url: () => '/api/contacts/import',
    csv: () => [
      ['客户编码', '门店编码', '姓名', '角色'],
      ['OUT', 'OUT-1', 'Someone new', '店长'],
    ],
  },
  'GET /api/audit-events': { url: () => '/api/audit-events?limit=1000' },
  'GET /api/dashboard': { url: () => '/api/dashboard', unscoped: true },
};

describe('access: every route × every role', () => {
  let t: TestContext;
  const headers = new Map<Role, Record<string, string>>();
  const targets = {} as Targets;

  beforeAll(async () => {
    t = await buildTestApp();
    const hq = await makeOrgUnit(t.db, { kind: 'hq', code: 'HQ' });
    const east = await makeOrgUnit(t.db, { kind: 'region', code: 'EAST', parentId: hq.id });
    const shanghai = await makeOrgUnit(t.db, { kind: 'city', code: 'SH', parentId: east.id });
    const west = await makeOrgUnit(t.db, { kind: 'region', code: 'WEST', parentId: hq.id });
    const chengdu = await makeOrgUnit(t.db, { kind: 'city', code: 'CD', parentId: west.id });

    const people: Record<Role, Awaited<ReturnType<typeof makeUser>>> = {} as never;
    for (const role of roles) {
      const unit = scopeKindOf(role) === 'all' ? hq : scopeKindOf(role) === 'org_subtree' ? east : shanghai;
      people[role] = await makeUser(t.db, {
        role,
        orgUnitId: unit.id,
        username: `matrix-${role.replace('_', '')}`,
      });
    }
    const outsider = await makeUser(t.db, {
      role: 'rep',
      orgUnitId: chengdu.id,
      username: 'outside-rep',
      displayName: `${MARK} rep`,
    });

    // A chain with stores on both sides, and one that only exists outside the scoped users' reach.
    const shared = await makeAccount(t.db, { code: 'SHARED', name: 'Shared chain' });
    const outside = await makeAccount(t.db, { code: 'OUT', name: `${MARK} chain` });
    const inside = await makeStore(t.db, {
      accountId: shared.id,
      orgUnitId: shanghai.id,
      name: 'Inside store',
      repIds: [people.rep.id, people.promoter.id],
    });
    const outsideStore = await makeStore(t.db, {
      accountId: outside.id,
      orgUnitId: chengdu.id,
      code: 'OUT-1',
      name: `${MARK} store`,
      repIds: [outsider.id],
    });
    await makeStore(t.db, {
      accountId: shared.id,
      orgUnitId: chengdu.id,
      name: `${MARK} store of shared chain`,
    });
    await makeContact(t.db, { storeId: inside.id, name: 'Inside contact' });
    const outsideContact = await makeContact(t.db, { storeId: outsideStore.id, name: `${MARK} contact` });
    await makeContact(t.db, { accountId: outside.id, name: `${MARK} HQ buyer` });

    for (const role of roles) headers.set(role, await sessionHeaders(t.app, people[role].username));
    const outsiderSession = await sessionHeaders(t.app, outsider.username);
    const token = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: outsiderSession,
      payload: { name: `${MARK} token` },
    });
    Object.assign(targets, {
      account: outside.id,
      store: outsideStore.id,
      contact: outsideContact.id,
      user: outsider.id,
      orgUnit: chengdu.id,
      sharedAccount: shared.id,
      token: token.json().id,
    } satisfies Targets);
  });
  afterAll(() => t.close());

  it('every API route declares an access policy and is tried by this test', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      expect(route.access, `${route.method} ${route.url} has no access policy`).toBeDefined();
      expect(
        requests[`${route.method} ${route.url}`],
        `${route.method} ${route.url} is missing from the access test`,
      ).toBeDefined();
    }
  });

  it('answers 403 to roles a route does not allow, and never leaks out-of-scope records to scoped roles', async () => {
    let pairs = 0;
    for (const route of registeredRoutes(t.app)) {
      const spec = requests[`${route.method} ${route.url}`];
      for (const role of roles) {
        const scope = scopeKindOf(role);
        const allowed = isAllowed(route.access!, role);
        // Roles that see everything have nothing outside their scope; their allowed writes are tried by the module tests.
        if (allowed && scope === 'all' && route.method !== 'GET') continue;
        // Signing out would end the session the next routes use.
        if (route.url === '/api/auth/logout') continue;
        pairs++;
        const body = spec.csv
          ? upload('matrix.csv', toCsv(spec.csv(targets)), headers.get(role)!)
          : {
              headers: headers.get(role),
              ...(spec.payload ? { payload: spec.payload(targets) as object } : {}),
            };
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: spec.url(targets),
          ...body,
        });
        // Spreadsheets are zipped: read them back as text before looking for out-of-scope names.
        const text = response.headers['content-type']?.toString().includes('spreadsheetml')
          ? JSON.stringify(await readSpreadsheet(response.rawPayload, 'answer.xlsx'))
          : response.body;
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${text.slice(0, 200)}`;
        expect(response.statusCode, label).toBeLessThan(500);
        if (!allowed) {
          expect(response.statusCode, label).toBe(403);
          expect(response.json().error.code, label).toBe('forbidden');
          continue;
        }
        if (scope === 'all') continue;
        if (!spec.unscoped) expect(text, label).not.toContain(MARK);
        if (spec.csv) expect(response.statusCode, label).toBe(422);
        if (route.url.endsWith('/:id') && !spec.unscoped) {
          expect([403, 404], label).toContain(response.statusCode);
        }
      }
    }
    // Printed for the closing note: how many role × route pairs were tried.
    console.log(`access matrix: ${registeredRoutes(t.app).length} routes, ${pairs} role × route pairs tried`);
  });
});
