import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, scopeKindOf, type Role } from '../../core/auth/roles';
import { buildTestApp, sessionHeaders, type TestContext } from '../test/test-app';
import { makeAccount, makeContact, makeOrgUnit, makeSku, makeStore, makeUser } from '../test/factories';
import { upsertItemCode } from '../modules/catalog/catalog.service';
import { upsertListing } from '../modules/catalog/listings.service';
import { importJobs, importProfiles } from '../modules/imports/imports.table';
import { isAllowed, systemActor } from './access';
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
  sku: number;
  importJob: number;
  importProfile: number;
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
  // SKUs are company master data, read by everyone (catalog.service.ts); listings and item codes are scoped.
  'GET /api/skus': { url: () => '/api/skus?limit=1000', unscoped: true },
  'GET /api/skus/:id': { url: (t) => `/api/skus/${t.sku}`, unscoped: true },
  'GET /api/skus/:id/launch': { url: (t) => `/api/skus/${t.sku}/launch?to=2026-03-31` },
  'POST /api/skus': {
    url: () => '/api/skus',
    payload: () => ({ code: `M${Date.now()}`, name: 'x', brand: 'x', category: 'x' }),
  },
  'PATCH /api/skus/:id': { url: (t) => `/api/skus/${t.sku}`, payload: () => ({ flavour: 'x' }) },
  'DELETE /api/skus/:id': { url: (t) => `/api/skus/${t.sku}` },
  'GET /api/skus/import-template.xlsx': { url: () => '/api/skus/import-template.xlsx' },
  'GET /api/skus/export.xlsx': { url: () => '/api/skus/export.xlsx', unscoped: true },
  'POST /api/skus/import': {
    url: () => '/api/skus/import',
    csv: () => [
      ['品项编码', '品名', '品牌', '品类'],
      ['MATRIX-1', 'Renamed', 'x', 'x'],
    ],
  },
  'GET /api/item-codes': { url: () => '/api/item-codes?limit=1000' },
  'POST /api/item-codes': {
    url: () => '/api/item-codes',
    payload: (t) => ({ accountId: t.account, itemCode: 'NEW-1', skuId: t.sku }),
  },
  'DELETE /api/item-codes/:accountId/:itemCode': {
    url: (t) => `/api/item-codes/${t.account}/${MARK}-1`,
  },
  'GET /api/item-codes/import-template.xlsx': { url: () => '/api/item-codes/import-template.xlsx' },
  'GET /api/item-codes/export.xlsx': { url: () => '/api/item-codes/export.xlsx' },
  'POST /api/item-codes/import': {
    url: () => '/api/item-codes/import',
    csv: () => [
      ['客户编码', '客户商品编码', '品项编码'],
      ['OUT', 'X-2', 'MATRIX-1'],
    ],
  },
  'GET /api/listings': { url: () => '/api/listings?limit=1000&includeDelisted=true' },
  'POST /api/listings': {
    url: () => '/api/listings',
    payload: (t) => ({ storeId: t.store, skuId: t.sku, listedOn: '2026-02-01' }),
  },
  'DELETE /api/listings/:storeId/:skuId': { url: (t) => `/api/listings/${t.store}/${t.sku}` },
  'GET /api/listings/import-template.xlsx': { url: () => '/api/listings/import-template.xlsx' },
  'GET /api/listings/export.xlsx': { url: () => '/api/listings/export.xlsx?includeDelisted=true' },
  'POST /api/listings/import': {
    url: () => '/api/listings/import',
    // Lists a SKU in the out-of-scope store: a scoped role must get a row error that says nothing about it.
    csv: () => [
      ['客户编码', '门店编码', '品项编码', '进场日期'],
      ['OUT', 'OUT-1', 'MATRIX-1', '2026-02-01'],
    ],
  },
  'GET /api/analytics/distribution': {
    url: (t) => `/api/analytics/distribution?from=2026-01-01&to=2026-03-31&skuId=${t.sku}`,
  },
  'GET /api/analytics/sales': {
    url: () =>
      '/api/analytics/sales?from=2026-01-01&to=2026-12-31&by=account,store,rep,region&measures=amount,target',
  },
  'GET /api/analytics/sales/export.xlsx': {
    url: () => '/api/analytics/sales/export.xlsx?from=2026-01-01&to=2026-12-31&by=account,store,rep',
  },
  'GET /api/stock': { url: () => '/api/stock?asOf=2026-03-01&limit=1000' },
  'GET /api/order-suggestions': { url: () => '/api/order-suggestions?asOf=2026-03-01&onlyPositive=false' },
  'GET /api/order-suggestions/export.xlsx': {
    url: () => '/api/order-suggestions/export.xlsx?asOf=2026-03-01&onlyPositive=false',
  },
  'GET /api/alerts': { url: () => '/api/alerts?asOf=2026-03-01' },
  'POST /api/sell-in': {
    url: () => '/api/sell-in',
    payload: (t) => ({
      lines: [
        {
          accountId: t.account,
          storeId: t.store,
          skuId: t.sku,
          date: '2026-02-01',
          invoiceNo: 'M-1',
          units: 1,
          amountFen: 100,
        },
      ],
    }),
  },
  'GET /api/sell-in': { url: () => '/api/sell-in?limit=1000' },
  'GET /api/targets': { url: () => '/api/targets?limit=1000' },
  'POST /api/targets': {
    url: () => '/api/targets',
    payload: (t) => ({ month: '2026-02', scope: 'store', storeId: t.store, amountFen: 100 }),
  },
  'DELETE /api/targets/:id': { url: () => '/api/targets/999999' },
  'GET /api/supply-settings': { url: () => '/api/supply-settings' },
  'PUT /api/supply-settings/:accountId': {
    url: (t) => `/api/supply-settings/${t.account}`,
    payload: () => ({ leadTimeDays: 2, reviewPeriodDays: 7, safetyDays: 3, averageWindowDays: 28 }),
  },
  // Uploads without a multipart body answer 400; the import tests try real files.
  'POST /api/imports': { url: () => '/api/imports' },
  'POST /api/imports/preview': { url: () => '/api/imports/preview' },
  'GET /api/imports': { url: () => '/api/imports?limit=1000' },
  'GET /api/imports/:id': { url: (t) => `/api/imports/${t.importJob}` },
  'GET /api/imports/:id/errors.csv': { url: (t) => `/api/imports/${t.importJob}/errors.csv` },
  'POST /api/imports/:id/undo': { url: (t) => `/api/imports/${t.importJob}/undo` },
  'GET /api/import-profiles': { url: () => '/api/import-profiles' },
  'POST /api/import-profiles': {
    url: () => '/api/import-profiles',
    payload: (t) => ({ accountId: t.account, kind: 'sellout', name: 'matrix', mapping: {} }),
  },
  'PATCH /api/import-profiles/:id': {
    url: (t) => `/api/import-profiles/${t.importProfile}`,
    payload: () => ({ name: 'renamed' }),
  },
  'DELETE /api/import-profiles/:id': { url: (t) => `/api/import-profiles/${t.importProfile}` },
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
    // The catalog: a SKU listed on both sides, and an item code of the outside chain.
    const sku = await makeSku(t.db, { code: 'MATRIX-1', name: 'Matrix biscuit' });
    for (const storeId of [inside.id, outsideStore.id])
      await upsertListing(t.db, systemActor, { storeId, skuId: sku.id, listedOn: '2026-01-01' });
    await upsertItemCode(t.db, systemActor, { accountId: outside.id, itemCode: `${MARK}-1`, skuId: sku.id });
    // An import profile of the outside chain, and an import by the outside rep.
    const [profile] = await t.db
      .insert(importProfiles)
      .values({ accountId: outside.id, kind: 'sellout', name: `${MARK} profile`, mapping: {} })
      .returning();
    const [importJob] = await t.db
      .insert(importJobs)
      .values({
        kind: 'sellout',
        status: 'rejected',
        accountId: outside.id,
        fileName: `${MARK}.csv`,
        fileHash: 'x',
        fileSize: 1,
        createdBy: outsider.id,
      })
      .returning();

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
      sku: sku.id,
      importJob: importJob.id,
      importProfile: profile.id,
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
