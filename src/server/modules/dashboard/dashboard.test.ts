import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, businessToday } from '../../../core/common/time';
import type { Dashboard } from '../../../core/dashboard/dashboard.contract';
import { makeAccount, makeContact, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';

type Headers = Record<string, string>;
/** The signed-in users of the fixture, one per role and place. */
type Who = 'hq' | 'finance' | 'managerSouth' | 'managerEast' | 'repSz' | 'repGz' | 'promoter' | 'unplaced';

const daysAgo = (days: number) => addDays(businessToday(), -days);

/**
 * Four chains, six stores and seven contacts, every figure below counted by hand from them.
 * No test writes, so each one reads the same data.
 *
 *   WMT key        SZ1 hypermarket 6000 A (Gao + promoter)  SZ2 supermarket 2500 B (Gao)  GZ1 warehouse club 12000 A (Guo)
 *   RTM key        SZ3 hypermarket, no area (Gao)
 *   CRF core       SH1 hypermarket 1500 C (Shi)             SH2 convenience 100 C (nobody)
 *   MET potential  no stores
 *
 *   contacts: WMT HQ 5 days ago · SZ1 never · GZ1 120 days · RTM HQ 90 days · CRF HQ 30 days · SH1 never · MET HQ 400 days
 */
describe('dashboard API', () => {
  let t: TestContext;
  const as = {} as Record<Who, Headers>;
  const rep = { gao: 0, guo: 0, shi: 0 };

  beforeAll(async () => {
    t = await buildTestApp();
    const hqUnit = await makeOrgUnit(t.db, { kind: 'hq' });
    const south = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const gz = await makeOrgUnit(t.db, { kind: 'city', parentId: south.id });
    const east = await makeOrgUnit(t.db, { kind: 'region', parentId: hqUnit.id });
    const sh = await makeOrgUnit(t.db, { kind: 'city', parentId: east.id });

    const gao = await makeUser(t.db, { role: 'rep', orgUnitId: sz.id, displayName: 'Gao' });
    const guo = await makeUser(t.db, { role: 'rep', orgUnitId: gz.id, displayName: 'Guo' });
    const shi = await makeUser(t.db, { role: 'rep', orgUnitId: sh.id, displayName: 'Shi' });
    const promoter = await makeUser(t.db, { role: 'promoter', orgUnitId: sz.id, displayName: 'Pan' });
    Object.assign(rep, { gao: gao.id, guo: guo.id, shi: shi.id });

    const wmt = await makeAccount(t.db, { code: 'WMT', tier: 'key' });
    const rtm = await makeAccount(t.db, { code: 'RTM', tier: 'key' });
    const crf = await makeAccount(t.db, { code: 'CRF', tier: 'core' });
    const met = await makeAccount(t.db, { code: 'MET', tier: 'potential' });

    const sz1 = await makeStore(t.db, {
      accountId: wmt.id,
      floorArea: 6000,
      orgUnitId: sz.id,
      repIds: [gao.id, promoter.id],
    });
    await makeStore(t.db, {
      accountId: wmt.id,
      format: 'supermarket',
      floorArea: 2500,
      orgUnitId: sz.id,
      repIds: [gao.id],
    });
    const gz1 = await makeStore(t.db, {
      accountId: wmt.id,
      format: 'warehouse_club',
      floorArea: 12000,
      orgUnitId: gz.id,
      repIds: [guo.id],
    });
    await makeStore(t.db, { accountId: rtm.id, floorArea: null, orgUnitId: sz.id, repIds: [gao.id] });
    const sh1 = await makeStore(t.db, {
      accountId: crf.id,
      floorArea: 1500,
      orgUnitId: sh.id,
      repIds: [shi.id],
    });
    await makeStore(t.db, { accountId: crf.id, format: 'convenience', floorArea: 100, orgUnitId: sh.id });

    await makeContact(t.db, { accountId: wmt.id, lastContactedOn: daysAgo(5) });
    await makeContact(t.db, { storeId: sz1.id, role: 'store_manager' });
    await makeContact(t.db, { storeId: gz1.id, role: 'store_manager', lastContactedOn: daysAgo(120) });
    await makeContact(t.db, { accountId: rtm.id, lastContactedOn: daysAgo(90) });
    await makeContact(t.db, { accountId: crf.id, lastContactedOn: daysAgo(30) });
    await makeContact(t.db, { storeId: sh1.id, role: 'section_head' });
    await makeContact(t.db, { accountId: met.id, lastContactedOn: daysAgo(400) });

    const users = {
      hq: await makeUser(t.db, { role: 'hq_ops', orgUnitId: hqUnit.id }),
      finance: await makeUser(t.db, { role: 'finance' }),
      managerSouth: await makeUser(t.db, { role: 'manager', orgUnitId: south.id }),
      managerEast: await makeUser(t.db, { role: 'manager', orgUnitId: east.id }),
      repSz: gao,
      repGz: guo,
      promoter,
      unplaced: await makeUser(t.db, { role: 'assistant', orgUnitId: null }),
    };
    for (const [key, value] of Object.entries(users))
      as[key as Who] = await sessionHeaders(t.app, value.username);
  });
  afterAll(() => t.close());

  const dashboard = async (headers: Headers): Promise<Dashboard> => {
    const response = await t.app.inject({ url: '/api/dashboard', headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Dashboard>();
  };

  it('counts everything for HQ operations and finance', async () => {
    const expected: Dashboard = {
      accountsByTier: [
        { tier: 'key', count: 2 },
        { tier: 'core', count: 1 },
        { tier: 'potential', count: 1 },
      ],
      storesByClass: [
        { storeClass: 'A', count: 2 },
        { storeClass: 'B', count: 1 },
        { storeClass: 'C', count: 2 },
        { storeClass: null, count: 1 },
      ],
      storesByFormat: [
        { format: 'convenience', count: 1 },
        { format: 'hypermarket', count: 3 },
        { format: 'supermarket', count: 1 },
        { format: 'warehouse_club', count: 1 },
      ],
      storesPerRep: [
        { repId: rep.gao, repName: 'Gao', count: 3 },
        { repId: rep.guo, repName: 'Guo', count: 1 },
        { repId: rep.shi, repName: 'Shi', count: 1 },
      ],
      staleContacts: { days: 90, count: 5, total: 7 },
      totals: { accounts: 4, stores: 6, contacts: 7 },
    };
    expect(await dashboard(as.hq)).toEqual(expected);
    expect(await dashboard(as.finance)).toEqual(expected);
  });

  it('counts only a rep’s own stores, their accounts and the contacts they can see', async () => {
    expect(await dashboard(as.repSz)).toEqual({
      accountsByTier: [{ tier: 'key', count: 2 }],
      storesByClass: [
        { storeClass: 'A', count: 1 },
        { storeClass: 'B', count: 1 },
        { storeClass: null, count: 1 },
      ],
      storesByFormat: [
        { format: 'hypermarket', count: 2 },
        { format: 'supermarket', count: 1 },
      ],
      storesPerRep: [{ repId: rep.gao, repName: 'Gao', count: 3 }],
      // WMT HQ (5 days), SZ1's manager (never), RTM HQ (90 days): two of three are stale.
      staleContacts: { days: 90, count: 2, total: 3 },
      totals: { accounts: 2, stores: 3, contacts: 3 },
    });
    expect(await dashboard(as.repGz)).toEqual({
      accountsByTier: [{ tier: 'key', count: 1 }],
      storesByClass: [{ storeClass: 'A', count: 1 }],
      storesByFormat: [{ format: 'warehouse_club', count: 1 }],
      storesPerRep: [{ repId: rep.guo, repName: 'Guo', count: 1 }],
      staleContacts: { days: 90, count: 1, total: 2 },
      totals: { accounts: 1, stores: 1, contacts: 2 },
    });
  });

  it('gives the same figures to a script with an API token', async () => {
    const scriptUser = await makeUser(t.db, { role: 'hq_ops' });
    const response = await t.app.inject({
      url: '/api/dashboard',
      headers: await tokenHeaders(t.database, scriptUser.actor),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Dashboard>().totals).toEqual({ accounts: 4, stores: 6, contacts: 7 });
  });

  it('counts a promoter’s store and its own people only', async () => {
    expect(await dashboard(as.promoter)).toEqual({
      accountsByTier: [{ tier: 'key', count: 1 }],
      storesByClass: [{ storeClass: 'A', count: 1 }],
      storesByFormat: [{ format: 'hypermarket', count: 1 }],
      storesPerRep: [{ repId: rep.gao, repName: 'Gao', count: 1 }],
      staleContacts: { days: 90, count: 1, total: 1 },
      totals: { accounts: 1, stores: 1, contacts: 1 },
    });
  });

  it('counts a manager’s org subtree, not another region', async () => {
    expect(await dashboard(as.managerSouth)).toEqual({
      accountsByTier: [{ tier: 'key', count: 2 }],
      storesByClass: [
        { storeClass: 'A', count: 2 },
        { storeClass: 'B', count: 1 },
        { storeClass: null, count: 1 },
      ],
      storesByFormat: [
        { format: 'hypermarket', count: 2 },
        { format: 'supermarket', count: 1 },
        { format: 'warehouse_club', count: 1 },
      ],
      storesPerRep: [
        { repId: rep.gao, repName: 'Gao', count: 3 },
        { repId: rep.guo, repName: 'Guo', count: 1 },
      ],
      staleContacts: { days: 90, count: 3, total: 4 },
      totals: { accounts: 2, stores: 4, contacts: 4 },
    });
    expect(await dashboard(as.managerEast)).toEqual({
      accountsByTier: [{ tier: 'core', count: 1 }],
      storesByClass: [{ storeClass: 'C', count: 2 }],
      storesByFormat: [
        { format: 'convenience', count: 1 },
        { format: 'hypermarket', count: 1 },
      ],
      storesPerRep: [{ repId: rep.shi, repName: 'Shi', count: 1 }],
      staleContacts: { days: 90, count: 1, total: 2 },
      totals: { accounts: 1, stores: 2, contacts: 2 },
    });
  });

  it('shows nothing to an assistant without an org unit, and asks who is calling', async () => {
    expect(await dashboard(as.unplaced)).toEqual({
      accountsByTier: [],
      storesByClass: [],
      storesByFormat: [],
      storesPerRep: [],
      staleContacts: { days: 90, count: 0, total: 0 },
      totals: { accounts: 0, stores: 0, contacts: 0 },
    });
    const anonymous = await t.app.inject({ url: '/api/dashboard' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in first' } });
  });
});
