import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, businessToday } from '../../../core/common/time';
import { isValidBarcode } from '../../../core/catalog/barcode';
import { classifyStore } from '../../../core/stores/store-class';
import { verifyCredentials } from '../../modules/auth/auth.service';
import { getOrgSubtreeIds } from '../../modules/org-units/org-units.service';
import { createTestDatabase } from '../../test/test-db';
import type { Database } from '../client';
import { accounts, contacts, orgUnits, salesTargets, skus, storeAssignments, stores, users } from '../schema';
import { queryRows } from '../sql-helpers';
import { DEMO_PASSWORD, demoLogins, seedDemoData, type DemoSummary } from './demo-data';

describe('demo data', () => {
  let database: Database;
  let summary: DemoSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    // The master data at full size; the sales history is tested below on fewer stores.
    summary = await seedDemoData(database, { historyDays: 0 });
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
      await seedDemoData(database, { seed, stores: 300, historyDays: 0 });
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

describe('demo sales data', () => {
  // A fixed "today", so the Spring Festival of 2026 is inside the history and every run sees the same data.
  const today = '2026-11-25';
  const yesterday = addDays(today, -1);
  let database: Database;
  let summary: DemoSummary;
  const rows = <T>(query: SQL) => queryRows<T>(database.db, query);
  const one = async <T>(query: SQL) => (await rows<T>(query))[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedDemoData(database, { stores: 150, today });
  });
  afterAll(() => database.close());

  it('has our range and the competitors’, with valid 69x barcodes and three recent launches', async () => {
    const all = await database.db.select().from(skus);
    expect(all).toHaveLength(summary.skus);
    const own = all.filter((sku) => sku.isOwn);
    const competitors = all.filter((sku) => !sku.isOwn);
    expect(own.length).toBeGreaterThanOrEqual(38);
    expect(own.length).toBeLessThanOrEqual(46);
    expect(competitors.length).toBeGreaterThanOrEqual(12);
    for (const sku of all) {
      expect(sku.barcode).toMatch(/^69\d{11}$/);
      expect(isValidBarcode(sku.barcode!)).toBe(true);
    }
    expect(new Set(all.map((sku) => sku.barcode)).size).toBe(all.length);
    expect(new Set(own.map((sku) => sku.category))).toEqual(
      new Set(['硬糖', '软糖', '巧克力', '饼干', '坚果', '果冻', '礼盒']),
    );
    for (const sku of own) {
      expect(sku.competitorCompany).toBeNull();
      expect(sku.standardCostFen!).toBeLessThan(sku.listPriceFen!);
      expect(sku.listPriceFen!).toBeLessThan(sku.floorPriceFen!);
      expect(sku.floorPriceFen!).toBeLessThan(sku.retailPriceFen!);
      expect(sku.casePack).toBeGreaterThan(0);
    }
    for (const sku of competitors) expect(sku.competitorCompany).toBeTruthy();
    expect(competitors.map((sku) => sku.brand)).toEqual(
      expect.arrayContaining(['娃哈哈', '乐百氏', '康师傅', '统一', '百岁山']),
    );
    const launched = own.filter(
      (sku) => sku.status === 'active' && sku.launchedOn! > addDays(today, -150) && sku.launchedOn! < today,
    );
    expect(launched.length).toBeGreaterThanOrEqual(2);
    expect(launched.length).toBeLessThanOrEqual(3);
    expect(own.filter((sku) => sku.status === 'planned')).toHaveLength(1);
  });

  it('numbers our products in each account’s own way', async () => {
    const codes = await rows<{ account: string; itemCode: string; isOwn: boolean }>(sql`
      select a.code as account, c.item_code as "itemCode", s.is_own as "isOwn"
      from account_item_codes c join accounts a on a.id = c.account_id join skus s on s.id = c.sku_id`);
    expect(codes).toHaveLength(summary.itemCodes);
    for (const code of codes) expect(code.isOwn).toBe(true);
    const walmart = codes.filter((code) => code.account === 'WMT');
    expect(walmart.length).toBeGreaterThan(30);
    for (const code of walmart) expect(code.itemCode).toMatch(/^10\d{6}$/);
    const shapes = new Set(codes.map((code) => code.itemCode.replace(/\d/g, '9')));
    expect(shapes.size).toBeGreaterThanOrEqual(4);
  });

  it('lists a range per store: big hypermarkets most, convenience stores few, new products store by store', async () => {
    const listed = await rows<{ format: string; storeClass: string | null; perStore: number }>(sql`
      select st.format, st.store_class as "storeClass", (count(*)::float8 / count(distinct st.id)) as "perStore"
      from listings l join stores st on st.id = l.store_id join skus s on s.id = l.sku_id
      where s.is_own group by 1, 2`);
    const perStore = (format: string, storeClass: string | null) =>
      listed.find((row) => row.format === format && row.storeClass === storeClass)?.perStore ?? 0;
    expect(perStore('hypermarket', 'A')).toBeGreaterThan(12);
    expect(perStore('convenience', 'C')).toBeLessThan(6);
    expect(perStore('hypermarket', 'A')).toBeGreaterThan(2 * perStore('supermarket', 'C'));
    expect((await one<{ n: number }>(sql`select count(*)::int as n from listings`)).n).toBe(summary.listings);
    expect(
      (
        await one<{ n: number }>(sql`
        select count(*)::int as n from listings l join skus s on s.id = l.sku_id
        where not s.is_own or s.status = 'planned' or l.listed_on >= ${today}
          or (l.delisted_on is not null and l.delisted_on <= l.listed_on)`)
      ).n,
    ).toBe(0);

    const [newest] = await database.db
      .select()
      .from(skus)
      .where(and(eq(skus.status, 'active'), eq(skus.isOwn, true)))
      .orderBy(desc(skus.launchedOn))
      .limit(1);
    const progress = await one<{ weekAgo: number; now: number }>(sql`
      select count(*) filter (where listed_on <= ${addDays(today, -8)})::int as "weekAgo", count(*)::int as now
      from listings where sku_id = ${newest.id}`);
    expect(progress.weekAgo).toBeGreaterThan(0);
    expect(progress.now).toBeGreaterThan(progress.weekAgo);

    const discontinued = await one<{ listed: number; stillListed: number }>(sql`
      select count(*)::int as listed, count(*) filter (where l.delisted_on is null)::int as "stillListed"
      from listings l join skus s on s.id = l.sku_id where s.status = 'discontinued'`);
    expect(discontinued.listed).toBeGreaterThan(0);
    expect(discontinued.stillListed).toBe(0);
  });

  it('sells only what a store lists, while it lists it, up to yesterday', async () => {
    const facts = await one<{ n: number; outside: number; first: string; last: string; bad: number }>(sql`
      select count(*)::int as n,
        count(*) filter (where l.store_id is null)::int as outside,
        min(so.date)::text as first, max(so.date)::text as last,
        count(*) filter (where so.units <= 0 or so.amount_fen <= 0)::int as bad
      from sell_out so
      left join listings l on l.store_id = so.store_id and l.sku_id = so.sku_id
        and so.date >= l.listed_on and (l.delisted_on is null or so.date < l.delisted_on)`);
    expect(facts.n).toBe(summary.sellOut);
    expect(facts.n).toBeGreaterThan(50_000);
    expect(facts.outside).toBe(0);
    expect(facts.bad).toBe(0);
    expect(facts.first).toBe('2024-11-01');
    expect(facts.last).toBe(yesterday);
    expect([summary.salesFrom, summary.salesTo]).toEqual(['2024-11-01', yesterday]);

    // Shelf prices stay near the suggested retail price, and no special price goes below the KA floor price.
    const prices = await one<{ belowFloor: number; aboveRetail: number }>(sql`
      select count(*) filter (where so.amount_fen < so.units * s.floor_price_fen)::int as "belowFloor",
        count(*) filter (where so.amount_fen > so.units * s.retail_price_fen * 1.08)::int as "aboveRetail"
      from sell_out so join skus s on s.id = so.sku_id`);
    expect(prices).toEqual({ belowFloor: 0, aboveRetail: 0 });
  });

  it('keeps the rollups equal to the raw facts', async () => {
    const raw = await rows<{ month: string; units: number; amount: number }>(sql`
      select to_char(date, 'YYYY-MM') as month, sum(units)::float8 as units, sum(amount_fen)::float8 as amount
      from sell_out group by 1 order by 1`);
    const rolled = await rows<{ month: string; units: number; amount: number }>(sql`
      select to_char(month, 'YYYY-MM') as month, sum(units)::float8 as units, sum(amount_fen)::float8 as amount
      from sales_store_month group by 1 order by 1`);
    const bySku = await rows<{ month: string; units: number; amount: number }>(sql`
      select to_char(month, 'YYYY-MM') as month, sum(units)::float8 as units, sum(amount_fen)::float8 as amount
      from sales_store_sku_month group by 1 order by 1`);
    expect(raw).toHaveLength(25);
    expect(rolled).toEqual(raw);
    expect(bySku).toEqual(raw);
  });

  it('sells more from Friday to Sunday, and most for the Spring Festival', async () => {
    const week = await one<{ weekend: number; all: number }>(sql`
      select sum(units) filter (where extract(isodow from date) in (5, 6, 7))::float8 as weekend,
        sum(units)::float8 as "all" from sell_out`);
    expect(week.weekend / week.all).toBeGreaterThan(3 / 7);

    // Spring Festival 2026 is on 17 February: the New Year shopping fills January and early February.
    const candy = await rows<{ month: string; units: number }>(sql`
      select to_char(so.date, 'YYYY-MM') as month, sum(so.units)::float8 as units
      from sell_out so join skus s on s.id = so.sku_id
      where s.category in ('硬糖', '软糖') and s.is_own group by 1`);
    const unitsIn = (month: string) => candy.find((row) => row.month === month)?.units ?? 0;
    expect(Math.max(unitsIn('2026-01'), unitsIn('2026-02'))).toBeGreaterThan(1.5 * unitsIn('2026-04'));
    expect(Math.max(unitsIn('2026-01'), unitsIn('2026-02'))).toBeGreaterThan(1.5 * unitsIn('2026-07'));
    const gifts = await one<{ festival: number; summer: number }>(sql`
      select sum(so.units) filter (where so.date between '2026-01-10' and '2026-02-16')::float8 as festival,
        sum(so.units) filter (where so.date between '2026-06-01' and '2026-08-31')::float8 as summer
      from sell_out so join skus s on s.id = so.sku_id where s.category = '礼盒'`);
    expect(gifts.festival).toBeGreaterThan(5 * gifts.summer);
  });

  it('keeps stock consistent with sales and deliveries, with a few shelves empty or running low', async () => {
    const stock = await one<{ n: number; negative: number; outside: number; days: number }>(sql`
      select count(*)::int as n, count(*) filter (where i.on_hand < 0)::int as negative,
        count(*) filter (where l.store_id is null)::int as outside,
        count(distinct i.date) filter (where i.date > ${addDays(today, -29)})::int as days
      from inventory i
      left join listings l on l.store_id = i.store_id and l.sku_id = i.sku_id
        and i.date >= l.listed_on and (l.delisted_on is null or i.date < l.delisted_on)`);
    expect(stock.n).toBe(summary.inventory);
    expect(stock.negative).toBe(0);
    expect(stock.outside).toBe(0);
    expect(stock.days).toBe(28);
    const weekly = await rows<{ weekday: number }>(sql`
      select distinct extract(isodow from date)::int as weekday from inventory where date < ${addDays(today, -28)}`);
    expect(weekly).toEqual([{ weekday: 1 }]);

    // Stock rises only when a delivery invoiced in the days before arrives (stores we deliver to directly).
    const moves = await one<{ days: number; risesWithoutDelivery: number; rises: number }>(sql`
      with moves as (
        select i.store_id, i.sku_id, i.date, i.on_hand - p.on_hand + coalesce(so.units, 0) as arrived
        from inventory i
        join inventory p on p.store_id = i.store_id and p.sku_id = i.sku_id and p.date = i.date - 1
        join stores st on st.id = i.store_id join accounts a on a.id = st.account_id and a.trade_type = 'hq_direct'
        left join sell_out so on so.store_id = i.store_id and so.sku_id = i.sku_id and so.date = i.date)
      select count(*)::int as days, count(*) filter (where arrived > 0)::int as rises,
        count(*) filter (where arrived > 0 and not exists (
          select 1 from sell_in si where si.store_id = moves.store_id and si.sku_id = moves.sku_id
            and si.date between moves.date - 6 and moves.date))::int as "risesWithoutDelivery"
      from moves`);
    expect(moves.days).toBeGreaterThan(1000);
    expect(moves.rises).toBeGreaterThan(0);
    expect(moves.risesWithoutDelivery).toBe(0);

    const lastDay = await one<{ listed: number; empty: number }>(sql`
      select count(*)::int as listed, count(*) filter (where on_hand = 0)::int as empty
      from inventory where date = ${yesterday}`);
    expect(lastDay.empty).toBeGreaterThan(0);
    expect(lastDay.empty).toBeLessThan(lastDay.listed * 0.1);
  });

  it('invoices sell-in in line with sell-out, per store or per distributor-served account', async () => {
    const volume = await one<{ sellIn: number; sellOut: number; lines: number; accountLines: number }>(sql`
      select (select sum(units)::float8 from sell_in) as "sellIn", (select sum(units)::float8 from sell_out) as "sellOut",
        (select count(*)::int from sell_in) as lines,
        (select count(*)::int from sell_in si join accounts a on a.id = si.account_id
          where si.store_id is null and a.trade_type = 'distributor') as "accountLines"`);
    expect(volume.lines).toBe(summary.sellIn);
    expect(volume.sellIn / volume.sellOut).toBeGreaterThan(0.9);
    expect(volume.sellIn / volume.sellOut).toBeLessThan(1.3);
    expect(volume.accountLines).toBeGreaterThan(0);
    const wrong = await one<{ n: number }>(sql`
      select count(*)::int as n from sell_in si join accounts a on a.id = si.account_id
      where (a.trade_type = 'distributor') <> (si.store_id is null)
        or si.amount_fen <> si.units * si.price_fen or si.date < '2024-11-01' or si.date > ${yesterday}`);
    expect(wrong.n).toBe(0);
  });

  it('sets monthly targets for this year at 1.08–1.15 times last year, per account and per rep', async () => {
    const targets = await database.db.select().from(salesTargets);
    expect(targets).toHaveLength(summary.salesTargets);
    const accountTargets = targets.filter((target) => target.scope === 'account');
    const repTargets = targets.filter((target) => target.scope === 'rep');
    const accountsSelling = await one<{ n: number }>(
      sql`select count(distinct st.account_id)::int as n from listings l join stores st on st.id = l.store_id`,
    );
    expect(accountTargets).toHaveLength(accountsSelling.n * 12);
    expect(new Set(accountTargets.map((target) => target.month.slice(0, 4)))).toEqual(new Set(['2026']));
    expect(repTargets.length).toBeGreaterThan(0);
    for (const target of repTargets) expect(target.userId).not.toBeNull();

    for (const [month, lastYear] of [
      ['2026-11-01', '2025-11'],
      ['2026-12-01', '2025-12'],
    ]) {
      const target = accountTargets
        .filter((row) => row.month === month)
        .reduce((sum, row) => sum + row.amountFen, 0);
      const actual = await one<{ amount: number }>(
        sql`select sum(amount_fen)::float8 as amount from sell_out where to_char(date, 'YYYY-MM') = ${lastYear}`,
      );
      expect(target / actual.amount).toBeGreaterThan(1.05);
      expect(target / actual.amount).toBeLessThan(1.18);
    }
  });

  it('sets supply settings for the key accounts', async () => {
    const settings = await rows<{ tier: string; lead: number }>(sql`
      select a.tier, s.lead_time_days as lead from supply_settings s join accounts a on a.id = s.account_id`);
    expect(settings).toHaveLength(summary.supplySettings);
    expect(settings.length).toBeGreaterThan(5);
    for (const row of settings) expect(row.tier).toBe('key');
  });
});

describe('demo sales determinism', () => {
  const totalsOf = async (seed: number) => {
    const database = await createTestDatabase();
    try {
      await seedDemoData(database, { seed, stores: 60, historyDays: 45, today: '2026-11-25' });
      return await queryRows<Record<string, number>>(
        database.db,
        sql`select
          (select count(*)::int from sell_out) as rows, (select sum(units)::float8 from sell_out) as units,
          (select sum(amount_fen)::float8 from sell_out) as amount, (select sum(on_hand)::float8 from inventory) as stock,
          (select sum(amount_fen)::float8 from sell_in) as "sellIn", (select sum(amount_fen)::float8 from sales_targets) as targets,
          (select string_agg(listed_on::text, ',' order by store_id, sku_id) from listings) as listings`,
      );
    } finally {
      await database.close();
    }
  };

  it('gives the same sales for the same seed and "today", and other sales for another seed', async () => {
    const first = await totalsOf(3);
    expect(first[0].rows).toBeGreaterThan(1000);
    expect(await totalsOf(3)).toEqual(first);
    expect((await totalsOf(4))[0].amount).not.toBe(first[0].amount);
  });
});
