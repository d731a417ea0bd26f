import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, businessToday } from '../../../core/common/time';
import { classifyStore } from '../../../core/stores/store-class';
import { verifyCredentials } from '../../modules/auth/auth.service';
import { getOrgSubtreeIds } from '../../modules/org-units/org-units.service';
import { createTestDatabase } from '../../test/test-db';
import type { Database } from '../client';
import { accounts, contacts, orgUnits, storeAssignments, stores, users } from '../schema';
import { DEMO_PASSWORD, demoLogins, seedDemoData, type DemoSummary } from './demo-data';

describe('demo data', () => {
  let database: Database;
  let summary: DemoSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedDemoData(database, {});
  });
  afterAll(() => database.close());

  const userByName = async (username: string) => {
    const [row] = await database.db.select().from(users).where(eq(users.username, username));
    return row;
  };
  const storeIdsOf = async (userId: number) =>
    (await database.db.select().from(storeAssignments).where(eq(storeAssignments.userId, userId))).map(
      (row) => row.storeId,
    );

  it('loads the 40 KA systems, with Walmart’s house rules from the seeds', async () => {
    const rows = await database.db.select().from(accounts);
    expect(rows).toHaveLength(40);
    expect(summary.accounts).toBe(40);
    expect(new Set(rows.map((row) => row.code)).size).toBe(40);
    for (const row of rows) expect(row.code).toMatch(/^[A-Z0-9_-]+$/);
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['沃尔玛', '家乐福', '大润发', '新世纪']),
    );
    expect(new Set(rows.map((row) => row.tier))).toEqual(new Set(['key', 'core', 'potential']));
    expect(new Set(rows.map((row) => row.tradeType))).toEqual(new Set(['hq_direct', 'distributor']));

    const walmart = rows.find((row) => row.name === '沃尔玛')!;
    expect(walmart).toMatchObject({ tier: 'key', tradeType: 'hq_direct', hqCity: '深圳', status: 'active' });
    expect(walmart.formats).toEqual(['hypermarket', 'warehouse_club']);
    expect(walmart.houseRules.promotionPolicy?.countermeasure).toContain('6大节假日');
    expect(walmart.houseRules.feeRequirements?.rule).toContain('200–500元/店');
    expect(walmart.houseRules.promoterRules?.countermeasure).toContain('便衣PCC');
    expect(walmart.houseRules.displayRules?.rule).toContain('堆垛');
  });

  it('spreads the stores over at least 60 cities with a plausible A/B/C mix', async () => {
    const rows = await database.db.select().from(stores);
    expect(rows).toHaveLength(2000);
    expect(summary.stores).toBe(2000);
    const cities = new Set(rows.map((row) => row.city));
    expect(cities.size).toBeGreaterThanOrEqual(60);
    expect(summary.cities).toBe(cities.size);

    for (const row of rows) expect(row.storeClass).toBe(classifyStore(row.floorArea));
    for (const storeClass of ['A', 'B', 'C'] as const) {
      const share = rows.filter((row) => row.storeClass === storeClass).length / rows.length;
      expect(share).toBeGreaterThanOrEqual(0.1);
    }
    const unknownArea = rows.filter((row) => row.floorArea === null).length / rows.length;
    expect(unknownArea).toBeGreaterThan(0);
    expect(unknownArea).toBeLessThan(0.06);
    expect(rows.filter((row) => row.status === 'open').length / rows.length).toBeGreaterThan(0.85);

    const codes = rows.map((row) => `${row.accountId}/${row.code}`);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('builds an org tree of HQ, six regions and one unit per city with stores', async () => {
    const units = await database.db.select().from(orgUnits);
    const hq = units.filter((unit) => unit.kind === 'hq');
    const regions = units.filter((unit) => unit.kind === 'region');
    expect(hq).toHaveLength(1);
    expect(hq[0].code).toBe('HQ');
    expect(regions).toHaveLength(6);
    for (const region of regions) expect(region.parentId).toBe(hq[0].id);

    const regionIds = new Set(regions.map((region) => region.id));
    const cityUnits = new Map(units.filter((unit) => unit.kind === 'city').map((unit) => [unit.id, unit]));
    for (const unit of cityUnits.values()) expect(regionIds.has(unit.parentId!)).toBe(true);
    expect(summary.orgUnits).toBe(units.length);

    const storeRows = await database.db
      .select({ city: stores.city, orgUnitId: stores.orgUnitId })
      .from(stores);
    for (const store of storeRows) expect(cityUnits.get(store.orgUnitId!)?.name).toBe(store.city);
  });

  it('gives every open store a rep, and every rep stores of their own region', async () => {
    const reps = await database.db.select().from(users).where(eq(users.role, 'rep'));
    expect(reps.length).toBeGreaterThanOrEqual(30);
    expect(summary.reps).toBe(reps.length);

    const assignments = await database.db
      .select({ userId: storeAssignments.userId, storeId: storeAssignments.storeId, status: stores.status })
      .from(storeAssignments)
      .innerJoin(stores, eq(stores.id, storeAssignments.storeId));
    for (const rep of reps) {
      const own = assignments.filter((assignment) => assignment.userId === rep.id);
      expect(own.length).toBeGreaterThanOrEqual(1);
      expect(own.length).toBeLessThanOrEqual(80);
    }

    const repIds = new Set(reps.map((rep) => rep.id));
    const covered = new Set(assignments.filter((a) => repIds.has(a.userId)).map((a) => a.storeId));
    const openStores = await database.db
      .select({ id: stores.id })
      .from(stores)
      .where(eq(stores.status, 'open'));
    for (const store of openStores) expect(covered.has(store.id)).toBe(true);
  });

  it('creates the six demo logins, all with the demo password', async () => {
    expect(demoLogins.map((login) => login.username)).toEqual([
      'admin',
      'hq',
      'manager',
      'rep',
      'promoter',
      'finance',
    ]);
    for (const login of demoLogins) {
      const actor = await verifyCredentials(database.db, login.username, DEMO_PASSWORD);
      expect(actor.role).toBe(login.role);
      expect(actor.displayName).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    expect(summary.users).toBe((await database.db.select({ id: users.id }).from(users)).length);
  });

  it("puts the demo rep's stores in the demo manager's region, and the promoter in the rep's stores", async () => {
    const manager = await userByName('manager');
    const rep = await userByName('rep');
    const promoter = await userByName('promoter');
    const [region] = await database.db.select().from(orgUnits).where(eq(orgUnits.id, manager.orgUnitId!));
    expect(region.kind).toBe('region');

    const subtree = new Set(await getOrgSubtreeIds(database.db, manager.orgUnitId!));
    expect(subtree.has(rep.orgUnitId!)).toBe(true);
    const repStoreIds = await storeIdsOf(rep.id);
    expect(repStoreIds.length).toBeGreaterThanOrEqual(20);
    const repStores = await database.db.select().from(stores).where(inArray(stores.id, repStoreIds));
    for (const store of repStores) expect(subtree.has(store.orgUnitId!)).toBe(true);

    const promoterStoreIds = await storeIdsOf(promoter.id);
    expect(promoterStoreIds.length).toBeGreaterThanOrEqual(1);
    expect(promoterStoreIds.length).toBeLessThanOrEqual(2);
    for (const id of promoterStoreIds) expect(repStoreIds).toContain(id);
  });

  it('adds HQ contacts for every account and store contacts, some not touched for 90 days', async () => {
    const rows = await database.db.select().from(contacts);
    expect(summary.contacts).toBe(rows.length);
    const hqContacts = rows.filter((row) => row.storeId === null);
    const perAccount = new Map<number, number>();
    for (const row of hqContacts) perAccount.set(row.accountId, (perAccount.get(row.accountId) ?? 0) + 1);
    expect(perAccount.size).toBe(40);
    for (const count of perAccount.values()) expect(count).toBeGreaterThanOrEqual(2);
    for (const count of perAccount.values()) expect(count).toBeLessThanOrEqual(4);
    for (const row of hqContacts) expect(['buyer', 'category_manager', 'finance']).toContain(row.role);

    const storeContacts = rows.filter((row) => row.storeId !== null);
    expect(new Set(storeContacts.map((row) => row.storeId)).size).toBeGreaterThan(1000);
    for (const row of rows) if (row.phone) expect(row.phone).toMatch(/^1[3-9]\d{9}$/);

    const cutoff = addDays(businessToday(), -90);
    const oldest = addDays(businessToday(), -200);
    const never = rows.filter((row) => row.lastContactedOn === null).length;
    const stale = rows.filter((row) => row.lastContactedOn !== null && row.lastContactedOn <= cutoff).length;
    expect(never).toBeGreaterThan(0);
    expect(stale).toBeGreaterThan(rows.length * 0.1);
    expect(rows.length - never - stale).toBeGreaterThan(rows.length * 0.3);
    for (const row of rows) if (row.lastContactedOn) expect(row.lastContactedOn >= oldest).toBe(true);
  });
});

describe('demo data determinism', () => {
  const storesOf = async (seed: number) => {
    const database = await createTestDatabase();
    try {
      await seedDemoData(database, { seed, stores: 300 });
      return await database.db
        .select({
          account: accounts.code,
          code: stores.code,
          name: stores.name,
          format: stores.format,
          floorArea: stores.floorArea,
          city: stores.city,
          district: stores.district,
          latitude: stores.latitude,
          status: stores.status,
          openedOn: stores.openedOn,
        })
        .from(stores)
        .innerJoin(accounts, eq(accounts.id, stores.accountId))
        .orderBy(asc(stores.id));
    } finally {
      await database.close();
    }
  };

  it('gives the same stores for the same seed, and other stores for another seed', async () => {
    const first = await storesOf(7);
    const second = await storesOf(7);
    expect(first).toHaveLength(300);
    expect(second).toEqual(first);
    const other = await storesOf(8);
    expect(other.map((store) => store.name)).not.toEqual(first.map((store) => store.name));
  });
});
