import type { StoreFormat } from '../../../core/accounts/accounts.contract';
import type { Role } from '../../../core/auth/roles';
import { addDays, businessToday } from '../../../core/common/time';
import type { ContactRole } from '../../../core/contacts/contacts.contract';
import type { OrgUnitKind } from '../../../core/org/org.contract';
import { classifyStore, type StoreClass } from '../../../core/stores/store-class';
import type { StoreStatus } from '../../../core/stores/stores.contract';
import { hashPassword } from '../../modules/users/password';
import { sql } from 'drizzle-orm';
import { withBulkTransaction } from '../bulk';
import type { Database } from '../client';
import { queryRows } from '../sql-helpers';
import { accounts, contacts, orgUnits, storeAssignments, stores, users } from '../schema';
import { demoAccounts, type DemoAccount } from './demo-accounts';
import { demoScales, seedDemoSales, type DemoSalesSummary, type DemoScale } from './demo-sales';
import { createRandom, type Random } from './random';
import {
  contactNotes,
  contactTitles,
  demoCities,
  demoRegions,
  genericTradeAreas,
  givenNames,
  roadNames,
  storeLocations,
  surnames,
  type DemoCity,
  type RegionCode,
} from './reference-data';

export const DEMO_PASSWORD = 'endcap-demo';

export const demoLogins: { username: string; role: Role; label: string }[] = [
  { username: 'admin', role: 'admin', label: 'System administrator' },
  { username: 'hq', role: 'hq_ops', label: 'HQ KA operations' },
  { username: 'manager', role: 'manager', label: 'East China region manager' },
  { username: 'rep', role: 'rep', label: 'KA rep in East China' },
  { username: 'promoter', role: 'promoter', label: "Promoter in the rep's stores" },
  { username: 'finance', role: 'finance', label: 'Finance' },
];

export interface DemoOptions {
  seed?: number;
  /** Default: the scale's (2,000 standard, 5,000 large). */
  stores?: number;
  /** 'standard' (first start) or 'large' (the benchmark scale, ~50 million sell-out rows, meant for PostgreSQL). */
  scale?: DemoScale;
  /** Days of sales history up to yesterday instead of the scale's 13 months (tests; 0: catalogue and listings only). */
  historyDays?: number;
  /** The day the rolling sales history ends before (default: today in China). */
  today?: string;
  /** Progress of the long stages, for the command line. */
  onProgress?: (message: string) => void;
}

export interface DemoSummary extends DemoSalesSummary {
  accounts: number;
  stores: number;
  cities: number;
  orgUnits: number;
  users: number;
  reps: number;
  contacts: number;
}

/** Opening dates are counted back from a fixed day, so the same seed gives the same stores on any day. */
const DEMO_ANCHOR_DATE = '2026-11-01';
const DEMO_MANAGER_REGION: RegionCode = 'EAST';
const CHUNK_SIZE = 500;
/** A rep works 20–80 stores; a city with more than this many gets a second rep. */
const STORES_PER_REP = 60;
const MIN_STORES_PER_REP = 20;
const MAX_STORES_PER_REP = 80;

type StoreRow = typeof stores.$inferInsert;
type ContactRow = typeof contacts.$inferInsert;

interface PlannedStore {
  key: string;
  accountCode: string;
  city: DemoCity;
  row: Omit<StoreRow, 'accountId' | 'orgUnitId'>;
}

interface PlannedUser {
  username: string;
  displayName: string;
  phone: string;
  role: Role;
  orgUnitCode: string;
}

interface PlannedContact {
  accountCode: string;
  storeKey: string | null;
  row: Omit<ContactRow, 'accountId' | 'storeId'>;
}

interface PlannedOrgUnit {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentCode: string | null;
}

interface DemoPlan {
  orgUnits: PlannedOrgUnit[];
  stores: PlannedStore[];
  users: PlannedUser[];
  assignments: { storeKey: string; username: string }[];
  contacts: PlannedContact[];
}

/** Demo data goes only into a database with no users and no accounts, so it never mixes with real data. */
export async function isDatabaseEmpty(db: Database['db']): Promise<boolean> {
  const [row] = await queryRows<{ users: number; accounts: number }>(
    db,
    sql`select (select count(*)::int from users) as users, (select count(*)::int from accounts) as accounts`,
  );
  return Number(row.users) === 0 && Number(row.accounts) === 0;
}

/**
 * Loads the demo company's KA business into an empty database: the 40 KA systems, their stores across China,
 * the sales organisation with its users and store assignments, the contacts, then the products and two years of
 * sales (demo-sales.ts). One transaction, so a first start that is killed half-way leaves an empty database
 * (and loads the demo again next time); bulk inserts and COPY; no audit events (nobody did anything yet).
 * The same seed, options and "today" always give the same data.
 */
export async function seedDemoData(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const seed = options.seed ?? 1;
  const sizes = demoScales[options.scale ?? 'standard'];
  const storeCount = options.stores ?? sizes.stores;
  const today = options.today ?? businessToday();
  if (!Number.isInteger(seed)) throw new Error('The demo seed must be a whole number');
  if (!Number.isInteger(storeCount) || storeCount < 0)
    throw new Error('The demo store count must be a whole number');

  // Contacts and the sales history are dated from today: "not contacted for 90 days", this month's sales and their
  // year-on-year comparison must stay meaningful whenever the demo is loaded.
  const plan = planDemoData(seed, storeCount, today);
  // argon2 takes ~30 ms a hash: one hash serves every demo user.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return withBulkTransaction(database, async (session) => {
    const tx = session.db;
    const accountIds = new Map<string, number>();
    const accountRows = await insertInChunks(demoAccounts.map(toAccountRow), (chunk) =>
      tx.insert(accounts).values(chunk).returning({ id: accounts.id, code: accounts.code }),
    );
    for (const row of accountRows) accountIds.set(row.code, row.id);

    const orgUnitIds = new Map<string, number>();
    // Parents first: each level needs the ids of the one above.
    for (const kind of ['hq', 'region', 'city'] as const) {
      const level = plan.orgUnits.filter((unit) => unit.kind === kind);
      const rows = await insertInChunks(level, (chunk) =>
        tx
          .insert(orgUnits)
          .values(
            chunk.map((unit) => ({
              code: unit.code,
              name: unit.name,
              kind: unit.kind,
              parentId: unit.parentCode === null ? null : idOf(orgUnitIds, unit.parentCode),
            })),
          )
          .returning({ id: orgUnits.id, code: orgUnits.code }),
      );
      for (const row of rows) orgUnitIds.set(row.code, row.id);
    }

    const storeIds = new Map<string, number>();
    const storeRows = await insertInChunks(plan.stores, (chunk) =>
      tx
        .insert(stores)
        .values(
          chunk.map((store) => ({
            ...store.row,
            accountId: idOf(accountIds, store.accountCode),
            orgUnitId: idOf(orgUnitIds, cityUnitCode(store.city)),
          })),
        )
        .returning({ id: stores.id, accountId: stores.accountId, code: stores.code }),
    );
    const accountCodes = new Map([...accountIds].map(([code, id]) => [id, code]));
    for (const row of storeRows) storeIds.set(`${accountCodes.get(row.accountId)}/${row.code}`, row.id);

    const userIds = new Map<string, number>();
    const userRows = await insertInChunks(plan.users, (chunk) =>
      tx
        .insert(users)
        .values(
          chunk.map((user) => ({
            username: user.username,
            displayName: user.displayName,
            phone: user.phone,
            role: user.role,
            orgUnitId: idOf(orgUnitIds, user.orgUnitCode),
            passwordHash,
          })),
        )
        .returning({ id: users.id, username: users.username }),
    );
    for (const row of userRows) userIds.set(row.username, row.id);

    await insertInChunks(plan.assignments, async (chunk) => {
      await tx.insert(storeAssignments).values(
        chunk.map((assignment) => ({
          storeId: idOf(storeIds, assignment.storeKey),
          userId: idOf(userIds, assignment.username),
        })),
      );
      return [];
    });

    await insertInChunks(plan.contacts, async (chunk) => {
      await tx.insert(contacts).values(
        chunk.map((contact) => ({
          ...contact.row,
          accountId: idOf(accountIds, contact.accountCode),
          storeId: contact.storeKey === null ? null : idOf(storeIds, contact.storeKey),
        })),
      );
      return [];
    });

    const reps = plan.users
      .filter((user) => user.role === 'rep')
      .map((user) => ({
        userId: idOf(userIds, user.username),
        storeIds: plan.assignments
          .filter((assignment) => assignment.username === user.username)
          .map((assignment) => idOf(storeIds, assignment.storeKey)),
      }));
    const sales = await seedDemoSales(session, {
      seed,
      today,
      sizes,
      historyDays: options.historyDays,
      accounts: demoAccounts.map((account) => ({ ...account, id: idOf(accountIds, account.code) })),
      stores: plan.stores.map((store) => ({
        id: idOf(storeIds, store.key),
        accountId: idOf(accountIds, store.accountCode),
        format: store.row.format,
        storeClass: store.row.storeClass ?? null,
        status: store.row.status ?? 'open',
        openedOn: store.row.openedOn ?? null,
        potential: store.row.potential ?? null,
      })),
      reps,
      onProgress: options.onProgress,
    });

    return {
      accounts: accountRows.length,
      stores: storeRows.length,
      cities: new Set(plan.stores.map((store) => store.city.name)).size,
      orgUnits: orgUnitIds.size,
      users: userRows.length,
      reps: reps.length,
      contacts: plan.contacts.length,
      ...sales,
    };
  });
}

async function insertInChunks<Row, Result>(
  rows: Row[],
  insert: (chunk: Row[]) => Promise<Result[]>,
): Promise<Result[]> {
  const results: Result[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    results.push(...(await insert(rows.slice(start, start + CHUNK_SIZE))));
  }
  return results;
}

function idOf(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Demo data refers to an unknown row: ${key}`);
  return id;
}

function toAccountRow(account: DemoAccount): typeof accounts.$inferInsert {
  return {
    code: account.code,
    name: account.name,
    tier: account.tier,
    tradeType: account.tradeType,
    formats: account.formats.map(([format]) => format),
    hqCity: account.hqCity,
    status: account.status,
    houseRules: account.houseRules ?? {},
    notes: account.notes ?? null,
  };
}

const cityUnitCode = (city: DemoCity) => city.pinyin.toUpperCase();

/** Each part of the data draws from its own stream, so changing how contacts are made leaves the stores alone. */
function streamOf(seed: number, part: number): Random {
  return createRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(part + 1, 0x85ebca6b)) >>> 0);
}

function planDemoData(seed: number, storeCount: number, today: string): DemoPlan {
  const names = createNameMaker(streamOf(seed, 3));
  const plannedStores = planStores(streamOf(seed, 1), storeCount);
  const cities = demoCities.filter((city) => plannedStores.some((store) => store.city === city));
  const orgUnitPlan: PlannedOrgUnit[] = [
    { code: 'HQ', name: '总部', kind: 'hq', parentCode: null },
    ...demoRegions.map((region) => ({
      code: region.code,
      name: region.name,
      kind: 'region' as const,
      parentCode: 'HQ',
    })),
    ...cities.map((city) => ({
      code: cityUnitCode(city),
      name: city.name,
      kind: 'city' as const,
      parentCode: city.region,
    })),
  ];
  const { users: plannedUsers, assignments } = planPeople(streamOf(seed, 2), names, plannedStores);
  const plannedContacts = planContacts(streamOf(seed, 4), names, plannedStores, today);
  return {
    orgUnits: orgUnitPlan,
    stores: plannedStores,
    users: plannedUsers,
    assignments,
    contacts: plannedContacts,
  };
}

// ---------------------------------------------------------------- stores

const citySizeWeight = { 1: 10, 2: 4, 3: 1.2 } as const;

function planStores(random: Random, storeCount: number): PlannedStore[] {
  const counts = apportion(
    demoAccounts.map((account) => account.storeWeight),
    storeCount,
  );
  const planned: PlannedStore[] = [];
  demoAccounts.forEach((account, index) => {
    const cityWeights = footprintOf(account);
    const nextCode = createStoreCoder(random, account);
    const usedNames = new Set<string>();
    for (let n = 0; n < counts[index]; n++) {
      const city = random.weighted(cityWeights);
      const format = random.weighted(account.formats);
      const floorArea = random.chance(0.03) ? null : floorAreaOf(random, format);
      const storeClass = classifyStore(floorArea);
      const district = random.pick(city.districts);
      const tradeArea =
        city.tradeAreas.length > 0 && random.chance(0.8)
          ? random.pick(city.tradeAreas)
          : random.pick(genericTradeAreas);
      const status = random.weighted<StoreStatus>([
        ['open', 93],
        ['renovating', 2],
        ['closed', 2.5],
        ['planned', 2.5],
      ]);
      const code = nextCode(city);
      const spread = city.size === 1 ? 0.16 : 0.09;
      planned.push({
        key: `${account.code}/${code}`,
        accountCode: account.code,
        city,
        row: {
          code,
          name: storeNameOf(random, account, format, city, district, tradeArea, usedNames),
          format,
          floorArea,
          storeClass,
          province: city.province,
          city: city.name,
          district,
          address: addressOf(random, format, district),
          tradeArea,
          latitude: round6(city.latitude + (random.next() + random.next() - 1) * spread),
          longitude: round6(city.longitude + (random.next() + random.next() - 1) * spread),
          dailyTraffic: random.chance(0.05) ? null : dailyTrafficOf(random, format, floorArea),
          potential: potentialOf(random, storeClass),
          openedOn: openedOnOf(random, account, status),
          status,
        },
      });
    }
  });
  return planned;
}

/** Splits a total by weights into whole numbers that add up exactly (largest remainder). */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - counts.reduce((acc, count) => acc + count, 0);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index]++;
  }
  return counts;
}

/** Where a chain's stores are: national chains by city size, regional ones mostly in their home province. */
function footprintOf(account: DemoAccount): [DemoCity, number][] {
  const home = demoCities.find((city) => city.name === account.homeCity);
  const homeProvince = account.footprint === 'national' ? null : (home?.province ?? account.footprint[0]);
  const candidates = demoCities.filter(
    (city) =>
      (account.footprint === 'national' || account.footprint.includes(city.province)) &&
      (!account.bigCitiesOnly || city.size <= 2),
  );
  return (candidates.length > 0 ? candidates : demoCities).map((city) => {
    let weight: number = citySizeWeight[city.size];
    if (city.province === homeProvince) weight *= 4;
    if (city === home) weight *= account.footprint === 'national' ? 1.5 : 2.5;
    return [city, weight];
  });
}

/** Store codes in the chain's own style, unique within the chain. */
function createStoreCoder(random: Random, account: DemoAccount): (city: DemoCity) => string {
  const style = account.storeCodes;
  let number = style.kind === 'number' ? style.start : 1;
  const perCity = new Map<string, number>();
  return (city) => {
    switch (style.kind) {
      case 'number': {
        const code = String(number).padStart(style.digits, '0');
        number += random.int(1, 2);
        return code;
      }
      case 'prefix': {
        const code = `${style.prefix}${String(number).padStart(style.digits, '0')}`;
        number += random.int(1, 2);
        return code;
      }
      case 'city': {
        // Cities can share initials (苏州 and 深圳 are both SZ): one counter per prefix keeps codes unique.
        const next = (perCity.get(city.abbr) ?? 0) + random.int(1, 2);
        perCity.set(city.abbr, next);
        return `${city.abbr}-${String(next).padStart(style.digits, '0')}`;
      }
    }
  };
}

function floorAreaOf(random: Random, format: StoreFormat): number {
  const roundTo = (value: number, step: number) => Math.round(value / step) * step;
  switch (format) {
    case 'hypermarket':
      return random.chance(0.08)
        ? roundTo(random.float(3500, 4990), 10)
        : roundTo(6000 + 14000 * random.next() ** 1.6, 100);
    case 'warehouse_club':
      return roundTo(random.float(10000, 15500), 100);
    case 'supermarket':
      return roundTo(800 + 3700 * random.next() ** 1.3, 10);
    case 'fresh_supermarket':
      return roundTo(random.float(500, 2500), 10);
    case 'convenience':
      return roundTo(random.float(60, 200), 5);
    case 'department_store':
      return roundTo(random.float(8000, 30000), 100);
    case 'mall':
      return roundTo(random.float(30000, 120000), 1000);
  }
}

function dailyTrafficOf(random: Random, format: StoreFormat, floorArea: number | null): number {
  const roundTo10 = (value: number) => Math.round(value / 10) * 10;
  switch (format) {
    case 'convenience':
      return roundTo10(random.float(200, 1200));
    case 'warehouse_club':
      return roundTo10(random.float(1500, 5000));
    default: {
      const area = floorArea ?? (format === 'hypermarket' ? 9000 : 1500);
      return roundTo10(area * random.float(0.35, 0.9) + random.float(200, 600));
    }
  }
}

function potentialOf(random: Random, storeClass: StoreClass | null): number {
  switch (storeClass) {
    case 'A':
      return random.weighted([
        [3, 30],
        [4, 40],
        [5, 30],
      ]);
    case 'B':
      return random.weighted([
        [2, 25],
        [3, 45],
        [4, 25],
        [5, 5],
      ]);
    case 'C':
      return random.weighted([
        [1, 30],
        [2, 40],
        [3, 25],
        [4, 5],
      ]);
    case null:
      return random.int(1, 3);
  }
}

function openedOnOf(random: Random, account: DemoAccount, status: StoreStatus): string {
  if (status === 'planned') return addDays(DEMO_ANCHOR_DATE, random.int(20, 300));
  const first = `${Math.max(account.since, 1995)}-03-01`;
  const span = daysBetween(first, addDays(DEMO_ANCHOR_DATE, -90));
  // Chains opened most of their stores in the last fifteen years.
  return addDays(first, Math.floor(span * random.next() ** 0.6));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const chineseOrdinals = ['二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** '沃尔玛深圳蛇口店', named after the trade area or the district; a second store in the same place is '…二店'. */
function storeNameOf(
  random: Random,
  account: DemoAccount,
  format: StoreFormat,
  city: DemoCity,
  district: string,
  tradeArea: string,
  usedNames: Set<string>,
): string {
  const subBanner = account.subBanners?.find((banner) => banner.cities.includes(city.name));
  const banner =
    format === 'hypermarket' && subBanner && random.chance(subBanner.share)
      ? subBanner.name
      : (account.banners?.[format] ?? account.name);
  const districtPlace = district.replace(/(新区|回族区|街道|区|镇)$/, '');
  const places = random.chance(0.55) ? [tradeArea, districtPlace] : [districtPlace, tradeArea];
  const candidates = [
    ...places.map((place) => `${banner}${city.name}${place}店`),
    ...chineseOrdinals.map((ordinal) => `${banner}${city.name}${places[0]}${ordinal}店`),
  ];
  let name = candidates.find((candidate) => !usedNames.has(candidate));
  for (let n = 11; name === undefined; n++) {
    const candidate = `${banner}${city.name}${places[0]}${n}店`;
    if (!usedNames.has(candidate)) name = candidate;
  }
  usedNames.add(name);
  return name;
}

function addressOf(random: Random, format: StoreFormat, district: string): string {
  const street = `${district}${random.pick(roadNames)}${random.int(1, 888)}号`;
  const isBigBox = format === 'hypermarket' || format === 'warehouse_club';
  return isBigBox && random.chance(0.4) ? `${street}${random.pick(storeLocations)}` : street;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

// ---------------------------------------------------------------- people

interface PersonName {
  name: string;
  pinyin: string;
}

interface NameMaker {
  person(): PersonName;
  /** A login name from the person's pinyin, unique among the demo users. */
  username(person: PersonName): string;
  phone(): string;
}

function createNameMaker(random: Random): NameMaker {
  const taken = new Set(demoLogins.map((login) => login.username));
  return {
    person: () => {
      const [surname, surnamePinyin] = random.weighted(
        surnames.map(([name, pinyin, weight]) => [[name, pinyin], weight] as const),
      );
      const [given, givenPinyin] = random.pick(givenNames);
      return { name: `${surname}${given}`, pinyin: `${surnamePinyin}${givenPinyin}` };
    },
    username: (person) => {
      let username = person.pinyin;
      for (let n = 2; taken.has(username); n++) username = `${person.pinyin}${n}`;
      taken.add(username);
      return username;
    },
    phone: () =>
      `1${random.pick(['3', '3', '5', '5', '8', '8', '7', '9', '6', '4'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
  };
}

/** A rep's patch: the stores of one city, a slice of a big city, or a few small cities of one region. */
interface Territory {
  region: RegionCode;
  homeCity: DemoCity;
  stores: PlannedStore[];
}

function planPeople(
  random: Random,
  names: NameMaker,
  plannedStores: PlannedStore[],
): { users: PlannedUser[]; assignments: { storeKey: string; username: string }[] } {
  const plannedUsers: PlannedUser[] = [];
  const assignments: { storeKey: string; username: string }[] = [];
  const addUser = (
    person: PersonName,
    role: Role,
    orgUnitCode: string,
    username = names.username(person),
  ) => {
    plannedUsers.push({ username, displayName: person.name, phone: names.phone(), role, orgUnitCode });
    return username;
  };

  addUser({ name: '陈静', pinyin: 'chenjing' }, 'admin', 'HQ', 'admin');
  addUser({ name: '周涛', pinyin: 'zhoutao' }, 'hq_ops', 'HQ', 'hq');
  addUser({ name: '刘芳', pinyin: 'liufang' }, 'finance', 'HQ', 'finance');
  addUser(names.person(), 'hq_ops', 'HQ');
  for (const region of demoRegions) {
    if (region.code === DEMO_MANAGER_REGION)
      addUser({ name: '王磊', pinyin: 'wanglei' }, 'manager', region.code, 'manager');
    else addUser(names.person(), 'manager', region.code);
    addUser(names.person(), 'assistant', region.code);
  }

  const territories = planTerritories(plannedStores);
  const demoRepTerritory =
    territories.find((territory) => territory.region === DEMO_MANAGER_REGION) ?? territories[0];
  const repTerritories = new Map<string, Territory>();
  for (const territory of territories) {
    const username =
      territory === demoRepTerritory
        ? addUser({ name: '李娜', pinyin: 'lina' }, 'rep', cityUnitCode(territory.homeCity), 'rep')
        : addUser(names.person(), 'rep', cityUnitCode(territory.homeCity));
    repTerritories.set(username, territory);
    for (const store of territory.stores) assignments.push({ storeKey: store.key, username });
  }
  if (!demoRepTerritory) {
    // Too few stores to give anyone a patch: the demo rep still has to be able to log in.
    addUser({ name: '李娜', pinyin: 'lina' }, 'rep', DEMO_MANAGER_REGION, 'rep');
  }

  // Promoters work the big stores: the demo promoter two of the demo rep's, a few others elsewhere.
  const promoterStores = (territory: Territory) =>
    territory.stores
      .filter((store) => store.row.format === 'hypermarket' || store.row.format === 'warehouse_club')
      .sort((a, b) => (b.row.floorArea ?? 0) - (a.row.floorArea ?? 0) || compare(a.key, b.key))
      .slice(0, random.int(1, 2));
  const promoted = [...repTerritories.values()].filter(
    (territory, index) => territory === demoRepTerritory || index % 6 === 3,
  );
  for (const territory of promoted) {
    const storesOfPromoter = promoterStores(territory);
    const first = storesOfPromoter[0] ?? territory.stores[0];
    if (!first) continue;
    const orgUnitCode = cityUnitCode(first.city);
    const username =
      territory === demoRepTerritory
        ? addUser({ name: '张秀英', pinyin: 'zhangxiuying' }, 'promoter', orgUnitCode, 'promoter')
        : addUser(names.person(), 'promoter', orgUnitCode);
    for (const store of storesOfPromoter.length > 0 ? storesOfPromoter : [first]) {
      assignments.push({ storeKey: store.key, username });
    }
  }
  if (!plannedUsers.some((user) => user.username === 'promoter')) {
    addUser({ name: '张秀英', pinyin: 'zhangxiuying' }, 'promoter', DEMO_MANAGER_REGION, 'promoter');
  }
  return { users: plannedUsers, assignments };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every working store (open or renovating) gets one rep. A city with enough stores is split between reps
 * by district; small cities nearby are pooled so that each rep has 20–80 stores where the numbers allow.
 */
function planTerritories(plannedStores: PlannedStore[]): Territory[] {
  const territories: Territory[] = [];
  for (const region of demoRegions) {
    const byCity = new Map<DemoCity, PlannedStore[]>();
    for (const store of plannedStores) {
      if (
        store.city.region !== region.code ||
        (store.row.status !== 'open' && store.row.status !== 'renovating')
      )
        continue;
      byCity.set(store.city, [...(byCity.get(store.city) ?? []), store]);
    }
    const cities = [...byCity.keys()].sort(
      (a, b) =>
        byCity.get(b)!.length - byCity.get(a)!.length || demoCities.indexOf(a) - demoCities.indexOf(b),
    );
    const regionTerritories: Territory[] = [];
    for (const city of cities.filter((candidate) => byCity.get(candidate)!.length >= MIN_STORES_PER_REP)) {
      const cityStores = byCity
        .get(city)!
        .sort((a, b) => compare(a.row.district ?? '', b.row.district ?? '') || compare(a.key, b.key));
      const parts = Math.ceil(cityStores.length / STORES_PER_REP);
      for (let part = 0; part < parts; part++) {
        const from = Math.round((part * cityStores.length) / parts);
        const to = Math.round(((part + 1) * cityStores.length) / parts);
        regionTerritories.push({ region: region.code, homeCity: city, stores: cityStores.slice(from, to) });
      }
    }
    const small = cities.filter((candidate) => byCity.get(candidate)!.length < MIN_STORES_PER_REP);
    while (small.length > 0) {
      const home = small.shift()!;
      const territory: Territory = { region: region.code, homeCity: home, stores: [...byCity.get(home)!] };
      while (territory.stores.length < MIN_STORES_PER_REP + 5 && small.length > 0) {
        const nearest = small.reduce((best, candidate) =>
          distance(home, candidate) < distance(home, best) ? candidate : best,
        );
        if (territory.stores.length + byCity.get(nearest)!.length > STORES_PER_REP) break;
        territory.stores.push(...byCity.get(nearest)!);
        small.splice(small.indexOf(nearest), 1);
      }
      const others = regionTerritories.filter(
        (other) => other.stores.length + territory.stores.length <= MAX_STORES_PER_REP,
      );
      if (territory.stores.length < MIN_STORES_PER_REP && others.length > 0) {
        const nearest = others.reduce((best, other) =>
          distance(home, other.homeCity) < distance(home, best.homeCity) ? other : best,
        );
        nearest.stores.push(...territory.stores);
      } else {
        regionTerritories.push(territory);
      }
    }
    territories.push(...regionTerritories);
  }
  return territories;
}

const distance = (a: DemoCity, b: DemoCity) =>
  (a.latitude - b.latitude) ** 2 + (a.longitude - b.longitude) ** 2;

// ---------------------------------------------------------------- contacts

function planContacts(
  random: Random,
  names: NameMaker,
  plannedStores: PlannedStore[],
  today: string,
): PlannedContact[] {
  const planned: PlannedContact[] = [];
  const contactOf = (
    accountCode: string,
    storeKey: string | null,
    role: Exclude<ContactRole, 'other'>,
    recency: number,
  ): PlannedContact => {
    const person = names.person();
    const hasBirthday = random.chance(0.35);
    const noteCount = random.weighted([
      [0, 45],
      [1, 45],
      [2, 10],
    ]);
    return {
      accountCode,
      storeKey,
      row: {
        name: person.name,
        role,
        title: random.pick(contactTitles[role]),
        phone: random.chance(0.92) ? names.phone() : null,
        wechat: random.chance(0.7)
          ? `${person.pinyin}${random.chance(0.5) ? '_' : ''}${random.int(1, 9999)}`
          : null,
        email:
          storeKey === null && random.chance(0.6)
            ? `${person.pinyin}@${accountCode.toLowerCase()}.example.com`
            : null,
        birthday: hasBirthday ? addDays(`${random.int(1965, 1998)}-01-01`, random.int(0, 364)) : null,
        notes: noteCount === 0 ? null : random.sample(contactNotes, noteCount).join(''),
        // Some contacts were never called; the rest spread over the last ~200 days, more of them recently.
        lastContactedOn: random.chance(0.12)
          ? null
          : addDays(today, -Math.floor(200 * random.next() ** recency)),
      },
    };
  };

  for (const account of demoAccounts) {
    const roles: Exclude<ContactRole, 'other'>[] = ['buyer', 'category_manager', 'finance', 'buyer'];
    for (const role of roles.slice(0, random.int(2, 4)))
      planned.push(contactOf(account.code, null, role, 1.8));
  }
  for (const store of plannedStores) {
    if (store.row.status === 'closed' || store.row.status === 'planned' || !random.chance(0.6)) continue;
    planned.push(contactOf(store.accountCode, store.key, 'store_manager', 1.4));
    if (random.chance(0.45)) planned.push(contactOf(store.accountCode, store.key, 'section_head', 1.4));
  }
  return planned;
}
