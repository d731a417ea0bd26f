/**
 * The plan behind the demo's sales: a timeline of days, each account's prices, promotions and ordering, each store's
 * range (listings) and volume. Everything is drawn from seeded streams, so the same seed gives the same plan.
 */

import type {
  AccountStatus,
  AccountTier,
  StoreFormat,
  TradeType,
} from '../../../core/accounts/accounts.contract';
import { addDays } from '../../../core/common/time';
import type { StoreClass } from '../../../core/stores/store-class';
import type { StoreStatus } from '../../../core/stores/stores.contract';
import {
  epochDay,
  fridayOnOrBefore,
  holidaySlotStarts,
  seasonalFactor,
  weekdayFactors,
  weekdayOf,
  type SlotTheme,
} from './demo-calendar';
import { itemCodeStyleOf, type DemoSku, type PackFit, type SeasonProfile } from './demo-skus';
import { createRandom, type Random } from './random';

/** How much sales data a scale makes. Both scales run the same code; only these sizes differ. */
export interface DemoSalesSizes {
  /** Stores, unless the caller names a number. */
  stores: number;
  /** Sell-out from the first day of the month this many months before the current one, up to yesterday. */
  historyMonths: number;
  /** Multiplies how many of our products a store carries (the range is capped by the catalogue). */
  rangeFactor: number;
  /** Multiplies every product's rate of sale: more units, and more days with a sale. */
  velocity: number;
  /** Weekly (Monday) stock snapshots before the last 28 daily ones; null: over the whole history. */
  weeklyStockWeeks: number | null;
}

/** Daily stock snapshots for the last four weeks: days of supply and out-of-stock alerts look at these. */
export const DAILY_STOCK_DAYS = 28;
/** A day that never comes: not delisted, no event. */
export const NEVER = 1_000_000;

export interface DemoSalesAccount {
  id: number;
  code: string;
  tier: AccountTier;
  tradeType: TradeType;
  status: AccountStatus;
}

export interface DemoSalesStore {
  id: number;
  accountId: number;
  format: StoreFormat;
  storeClass: StoreClass | null;
  status: StoreStatus;
  openedOn: string | null;
  potential: number | null;
}

export interface DemoSalesInput {
  seed: number;
  /** The anchor of the rolling history: sell-out runs up to the day before. */
  today: string;
  sizes: DemoSalesSizes;
  /** Days of sell-out up to yesterday instead of the scale's months (0: the catalogue and listings only). */
  historyDays?: number;
  /** In the demo's order (demoAccounts). */
  accounts: DemoSalesAccount[];
  stores: DemoSalesStore[];
  /** Each rep's stores, for the per-rep targets. */
  reps: { userId: number; storeIds: number[] }[];
  onProgress?: (message: string) => void;
}

// ---------------------------------------------------------------- plan types

export interface CatalogItem {
  index: number;
  skuId: number;
  sku: DemoSku;
  launchDay: number;
  discontinuedDay: number;
  isNew: boolean;
  listPriceFen: number;
  floorPriceFen: number;
  retailPriceFen: number;
  orderMultiple: number;
  seasonRow: number;
}

export interface PromotionSlot {
  start: number;
  end: number;
  /** Per catalogue item: 1 when not on promotion. */
  lift: Float32Array;
  priceFactor: Float32Array;
}

export interface AccountPlan {
  index: number;
  account: DemoSalesAccount;
  /** Shelf prices of this chain against the suggested retail price. */
  shelfPriceLevel: number;
  /** Our invoice price against the list price (off-invoice terms). */
  invoicePriceLevel: number;
  volume: number;
  /** Per day index: growth brings each day to today's level. */
  trend: Float32Array;
  leadTimeDays: number;
  reviewPeriodDays: number;
  safetyDays: number;
  hasSupplySettings: boolean;
  slots: PromotionSlot[];
  slotByDay: Int16Array;
  participation: number;
  itemCodes: Map<CatalogItem, string>;
  targetUplift: number;
  /** Distributor-served accounts are invoiced per account and week (fortnight for small ones). */
  invoicePeriodDays: number;
}

/** A store × SKU listing and how it sells. Days are timeline indexes; NEVER: does not happen. */
export interface ListingPlan {
  item: CatalogItem;
  listedDay: number;
  /** First day it is no longer carried. */
  delistedDay: number;
  /** Expected units a day before seasons, weekdays, promotions and trend. */
  base: number;
  shelfPriceFen: number;
  /** The KA floor price as a share of the shelf price: no special price goes below it. */
  promoPriceFactorFloor: number;
  /** A sharp decline (a competitor's floor stack, a lost facing) from this day, by this factor. */
  declineFrom: number;
  declineFactor: number;
  /** No more deliveries from this day; the stock found then is cut to stockCapAtStop (-1: left as it is). */
  supplyStopFrom: number;
  stockCapAtStop: number;
  /** No sales from this day although there is stock (the product is missing from the shelf). */
  phantomFrom: number;
}

export interface StorePlan {
  /** Position among the stores by id: the store's own random streams. */
  index: number;
  store: DemoSalesStore;
  account: AccountPlan;
  weekday: number[];
  openDay: number;
  closeDay: number;
  renovationFrom: number;
  /** The whole store declines from this day (a competitor opened next door). */
  declineFrom: number;
  /** Which day of the review period the chain orders on. */
  reviewOffset: number;
  repIndex: number;
  listings: ListingPlan[];
}

/** Day indexes count from the first simulated day; the timeline keeps per-day lookups. */
export interface Timeline {
  start: number;
  days: number;
  historyFrom: number;
  dates: string[];
  weekday: Uint8Array;
  monthIndex: Uint16Array;
  months: string[];
  isSnapshot: Uint8Array;
  seasonRows: Float32Array[];
}

export const seasonProfiles: SeasonProfile[] = ['candy', 'chocolate', 'biscuit', 'nuts', 'jelly', 'gift'];

/** Each part of the sales data draws from its own stream, apart from the master data's streams. */
export function streamOf(seed: number, part: number, index = 0): Random {
  let hash = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(part + 101, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 15), 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  return createRandom((hash ^ (hash >>> 13)) >>> 0);
}

export const Part = { accounts: 1, stores: 2, simulation: 3, targets: 4, promotions: 5 } as const;

export function createTimeline(
  start: string,
  end: string,
  historyFrom: string,
  sizes: DemoSalesSizes,
): Timeline {
  const startDay = epochDay(start);
  const days = Math.max(0, epochDay(end) - startDay + 1);
  const dates: string[] = [];
  const weekday = new Uint8Array(days);
  const monthIndex = new Uint16Array(days);
  const months: string[] = [];
  const isSnapshot = new Uint8Array(days);
  const historyIndex = epochDay(historyFrom) - startDay;
  const dailyFrom = days - DAILY_STOCK_DAYS;
  const weeklyFrom = sizes.weeklyStockWeeks === null ? historyIndex : dailyFrom - 7 * sizes.weeklyStockWeeks;
  for (let t = 0; t < days; t++) {
    const date = addDays(start, t);
    dates.push(date);
    weekday[t] = weekdayOf(startDay + t);
    const month = `${date.slice(0, 7)}-01`;
    if (months[months.length - 1] !== month) months.push(month);
    monthIndex[t] = months.length - 1;
    const inHistory = t >= historyIndex;
    isSnapshot[t] = inHistory && (t >= dailyFrom || (t >= weeklyFrom && weekday[t] === 0)) ? 1 : 0;
  }
  const seasonRows = seasonProfiles.map((profile) =>
    Float32Array.from(dates, (date) => seasonalFactor(profile, date)),
  );
  return {
    start: startDay,
    days,
    historyFrom: historyIndex,
    dates,
    weekday,
    monthIndex,
    months,
    isSnapshot,
    seasonRows,
  };
}

export const dayOf = (timeline: Timeline, isoDate: string) => epochDay(isoDate) - timeline.start;
export const dateOf = (timeline: Timeline, day: number) =>
  day >= 0 && day < timeline.days ? timeline.dates[day] : addDays(timeline.dates[0] ?? '2000-01-01', day);

// ---------------------------------------------------------------- accounts

export function planAccounts(
  input: DemoSalesInput,
  catalog: CatalogItem[],
  timeline: Timeline,
): AccountPlan[] {
  const today = timeline.days; // day index of today
  const storeCounts = new Map<number, number>();
  for (const store of input.stores)
    storeCounts.set(store.accountId, (storeCounts.get(store.accountId) ?? 0) + 1);
  return input.accounts.map((account, index) => {
    // Promotions depend on the dates the history spans: drawn from a stream of their own, they leave the account's
    // character (volume, growth, prices) the same whatever day the demo is loaded.
    const random = streamOf(input.seed, Part.accounts, index);
    const isKey = account.tier === 'key';
    const growth = account.status === 'paused' ? random.float(-0.22, -0.12) : random.float(-0.05, 0.15);
    const trend = new Float32Array(timeline.days);
    for (let t = 0; t < timeline.days; t++) trend[t] = (1 + growth) ** ((t - today) / 365);
    const participation = isKey ? 0.85 : account.tier === 'core' ? 0.65 : 0.45;
    const { slots, slotByDay } = planPromotions(
      streamOf(input.seed, Part.promotions, index),
      catalog,
      timeline,
      isKey ? 5 : 3,
    );
    const style = itemCodeStyleOf(account.code, index);
    const itemCodes = new Map<CatalogItem, string>();
    if (account.status !== 'prospect') {
      let number = random.int(1, 10 ** Math.min(style.digits - 1, 5));
      for (const item of catalog) {
        if (item.sku.status === 'planned') continue;
        number += random.int(1, 37);
        itemCodes.set(item, `${style.prefix}${String(number).padStart(style.digits, '0')}`);
      }
    }
    const leadTimeDays = account.tradeType === 'distributor' ? random.int(2, 3) : random.int(2, 5);
    return {
      index,
      account,
      shelfPriceLevel: random.float(0.96, 1.03),
      invoicePriceLevel: isKey ? random.float(0.95, 0.98) : random.float(0.97, 1),
      volume: random.float(0.75, 1.3),
      trend,
      leadTimeDays,
      reviewPeriodDays: 7,
      safetyDays: random.int(3, 5),
      hasSupplySettings: isKey && account.status !== 'prospect',
      slots,
      slotByDay,
      participation,
      itemCodes,
      targetUplift: random.float(1.08, 1.15),
      invoicePeriodDays: (storeCounts.get(account.id) ?? 0) < 25 ? 14 : 7,
    };
  });
}

/** Which products a DM slot puts on promotion, by its theme. */
const themeFit: Record<SlotTheme, Partial<Record<SeasonProfile, number>>> = {
  spring: { candy: 3, gift: 4, nuts: 3, chocolate: 1 },
  midAutumn: { gift: 4, nuts: 3, chocolate: 2, biscuit: 2 },
  holiday: { candy: 2, chocolate: 1, biscuit: 1, nuts: 1, jelly: 1 },
  summer: { jelly: 4, candy: 1, biscuit: 1 },
  regular: { candy: 2, chocolate: 1, biscuit: 1, nuts: 1, jelly: 1 },
};

/**
 * The chain's DM slots with our products in them: every holiday slot, and a few ordinary ones. A slot runs Friday to
 * the Thursday of the week after next; promoted products sell 1.5–2.4 times their usual rate at a special price.
 */
function planPromotions(
  random: Random,
  catalog: CatalogItem[],
  timeline: Timeline,
  regularPerYear: number,
): { slots: PromotionSlot[]; slotByDay: Int16Array } {
  const endDay = timeline.start + timeline.days - 1;
  const candidates = holidaySlotStarts(timeline.start, endDay).filter(() => random.chance(0.8));
  const years = timeline.days / 365;
  for (let n = Math.round(regularPerYear * years); n > 0; n--) {
    candidates.push({
      start: fridayOnOrBefore(timeline.start + random.int(0, Math.max(0, timeline.days - 1))),
      theme: 'regular',
    });
  }
  candidates.sort((a, b) => a.start - b.start);
  const slots: PromotionSlot[] = [];
  const slotByDay = new Int16Array(timeline.days).fill(-1);
  let lastEnd = -NEVER;
  for (const candidate of candidates) {
    const start = candidate.start - timeline.start;
    if (start <= lastEnd + 7) continue;
    const lift = new Float32Array(catalog.length).fill(1);
    const priceFactor = new Float32Array(catalog.length).fill(1);
    const fit = themeFit[candidate.theme];
    const pool = catalog.filter(
      (item) => (fit[item.sku.season] ?? 0) > 0 && item.sku.status !== 'planned' && item.launchDay < start,
    );
    const promoted = weightedSample(
      random,
      pool,
      pool.map((item) => (fit[item.sku.season] ?? 0) * item.sku.reach),
      random.int(2, 5),
    );
    for (const item of promoted) {
      lift[item.index] = random.float(1.5, 2.4);
      priceFactor[item.index] = random.float(0.8, 0.9);
    }
    const slot = { start, end: start + 13, lift, priceFactor };
    slots.push(slot);
    for (let t = Math.max(0, start); t <= Math.min(timeline.days - 1, slot.end); t++)
      slotByDay[t] = slots.length - 1;
    lastEnd = slot.end;
  }
  return { slots, slotByDay };
}

// ---------------------------------------------------------------- stores and listings

const formatVolume: Record<StoreFormat, number> = {
  hypermarket: 1,
  warehouse_club: 1.25,
  supermarket: 0.5,
  fresh_supermarket: 0.35,
  convenience: 0.3,
  department_store: 0.3,
  mall: 0.25,
};
const classVolume = { A: 1.15, B: 0.85, C: 0.65 } as const;

/** How many of our products a store carries: A-class hypermarkets most, convenience stores a handful. */
function rangeSizeOf(random: Random, store: DemoSalesStore): number {
  switch (store.format) {
    case 'hypermarket':
      return store.storeClass === 'A' ? random.int(14, 20) : random.int(10, 14);
    case 'warehouse_club':
      return random.int(8, 12);
    case 'supermarket':
      return store.storeClass === 'B'
        ? random.int(7, 11)
        : store.storeClass === 'C'
          ? random.int(5, 8)
          : random.int(6, 9);
    case 'fresh_supermarket':
      return random.int(4, 6);
    case 'convenience':
      return random.int(3, 5);
    case 'department_store':
      return random.int(4, 7);
    case 'mall':
      return random.int(3, 6);
  }
}

const fitWeights: Record<StoreFormat, Record<PackFit, number>> = {
  hypermarket: { small: 1, regular: 1, big: 1, gift: 1.2 },
  warehouse_club: { small: 0.2, regular: 0.7, big: 4, gift: 2 },
  supermarket: { small: 1.2, regular: 1, big: 0.7, gift: 0.6 },
  fresh_supermarket: { small: 1.5, regular: 1, big: 0.4, gift: 0.4 },
  convenience: { small: 4, regular: 0.6, big: 0.05, gift: 0.05 },
  department_store: { small: 0.8, regular: 0.6, big: 0.3, gift: 5 },
  mall: { small: 0.8, regular: 0.6, big: 0.3, gift: 5 },
};
/** Clubs sell the family packs, convenience stores the small ones. */
const fitVolume: Record<StoreFormat, Record<PackFit, number>> = {
  hypermarket: { small: 1, regular: 1, big: 1, gift: 1 },
  warehouse_club: { small: 0.5, regular: 0.8, big: 1.6, gift: 1.3 },
  supermarket: { small: 1.1, regular: 1, big: 0.8, gift: 0.7 },
  fresh_supermarket: { small: 1.2, regular: 1, big: 0.6, gift: 0.5 },
  convenience: { small: 1.4, regular: 0.6, big: 0.3, gift: 0.3 },
  department_store: { small: 0.8, regular: 0.7, big: 0.5, gift: 1.5 },
  mall: { small: 0.8, regular: 0.7, big: 0.5, gift: 1.5 },
};

export function planStores(
  input: DemoSalesInput,
  catalog: CatalogItem[],
  accountPlans: AccountPlan[],
  timeline: Timeline,
): StorePlan[] {
  const accountsById = new Map(accountPlans.map((plan) => [plan.account.id, plan]));
  const repOfStore = new Map<number, number>();
  input.reps.forEach((rep, repIndex) => {
    for (const storeId of rep.storeIds) if (!repOfStore.has(storeId)) repOfStore.set(storeId, repIndex);
  });
  const today = timeline.days;
  const rangeItems = catalog.filter((item) => item.sku.status !== 'planned' && item.launchDay < today);
  const plans: StorePlan[] = [];
  [...input.stores]
    .sort((a, b) => a.id - b.id)
    .forEach((store, index) => {
      const account = accountsById.get(store.accountId);
      if (!account || account.account.status === 'prospect') return;
      if (store.status === 'planned' || store.openedOn === null) return;
      const random = streamOf(input.seed, Part.stores, index);
      const openDay = dayOf(timeline, store.openedOn);
      const closeDay = store.status === 'closed' ? today - random.int(30, 300) : NEVER;
      if (openDay >= today || closeDay <= openDay + 30) return;
      const isOpen = store.status === 'open';
      const storeVolume =
        formatVolume[store.format] *
        (store.storeClass ? classVolume[store.storeClass] : 0.85) *
        (0.6 + 0.15 * (store.potential ?? 3)) *
        account.volume *
        logNormal(random, 0.3) *
        input.sizes.velocity;

      const size = Math.min(
        rangeItems.length,
        Math.round(rangeSizeOf(random, store) * input.sizes.rangeFactor),
      );
      const chosen = weightedSample(
        random,
        rangeItems,
        rangeItems.map((item) => item.sku.reach * fitWeights[store.format][item.sku.fit]),
        size,
      ).sort((a, b) => a.skuId - b.skuId);

      const listings: ListingPlan[] = [];
      for (const item of chosen) {
        // The same draws for every product whatever today is, so that loading the demo a day later changes little.
        const [rollout, delay, extension, extensionDay, delisting, delistingDay, priceLevel] = Array.from(
          { length: 7 },
          () => random.next(),
        );
        const volume = logNormal(random, 0.45);
        let listedDay: number;
        let delistedDay = NEVER;
        if (item.isNew) {
          // A launch rolls out store by store over about three months: more stores list it week by week.
          listedDay = Math.max(openDay, item.launchDay + 3 + Math.floor(90 * rollout ** 1.4));
        } else {
          listedDay = Math.max(openDay, item.launchDay) + Math.floor(46 * delay);
          // Range extensions: some stores took the product on only this year.
          if (extension < 0.06) listedDay = Math.max(listedDay, today - 20 - Math.floor(311 * extensionDay));
          if (delisting < 0.025) delistedDay = today - 15 - Math.floor(286 * delistingDay);
        }
        delistedDay = Math.min(delistedDay, item.discontinuedDay, closeDay);
        if (listedDay >= today || delistedDay <= listedDay + 14) continue;
        const level = Math.min(1.04, account.shelfPriceLevel * (0.98 + 0.04 * priceLevel));
        const shelfPriceFen = Math.max(item.floorPriceFen, shelfPrice(item.retailPriceFen * level));
        listings.push({
          item,
          listedDay,
          delistedDay,
          base: item.sku.velocity * storeVolume * fitVolume[store.format][item.sku.fit] * volume,
          shelfPriceFen,
          promoPriceFactorFloor: item.floorPriceFen / shelfPriceFen,
          declineFrom: NEVER,
          declineFactor: 1,
          supplyStopFrom: NEVER,
          stockCapAtStop: -1,
          phantomFrom: NEVER,
        });
      }
      const activeAtEnd = (listing: ListingPlan) =>
        isOpen && listing.delistedDay === NEVER && listing.listedDay < today - 45;
      // Problems for the alerts page: supply breaks that empty the shelf, low stock, products that stopped selling
      // although in stock, and sharp declines.
      for (const listing of listings) {
        const roll = random.next();
        if (!activeAtEnd(listing)) continue;
        if (roll < 0.012) {
          listing.supplyStopFrom = today - random.int(10, 24);
          listing.stockCapAtStop = random.int(0, 2);
        } else if (roll < 0.037) {
          listing.supplyStopFrom = today - random.int(2, 5);
          listing.stockCapAtStop = Math.max(1, Math.round(listing.base * random.int(2, 5)));
        } else if (roll < 0.043) {
          listing.phantomFrom = today - random.int(15, 30);
        } else if (roll < 0.053) {
          listing.declineFrom = today - random.int(14, 35);
          listing.declineFactor = random.float(0.2, 0.4);
        }
      }
      plans.push({
        index,
        store,
        account,
        weekday: store.format === 'convenience' ? weekdayFactors.convenience : weekdayFactors.regular,
        openDay,
        closeDay,
        renovationFrom: store.status === 'renovating' ? today - random.int(7, 45) : NEVER,
        declineFrom: isOpen && random.chance(0.007) ? today - random.int(21, 35) : NEVER,
        reviewOffset: random.int(0, 6),
        repIndex: repOfStore.get(store.id) ?? -1,
        listings,
      });
    });
  return plans;
}

/** Shelf prices in whole jiao; from 10 yuan up, the nearest one ending in 9 jiao (x.90), as chains price them. */
function shelfPrice(fenValue: number): number {
  const jiao = fenValue / 10;
  return (jiao < 100 ? Math.round(jiao) : Math.round((jiao + 1) / 10) * 10 - 1) * 10;
}

function logNormal(random: Random, sigma: number): number {
  return Math.exp(sigma * gaussian(random) - (sigma * sigma) / 2);
}

export function gaussian(random: Random): number {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Up to `count` distinct items, each drawn with its weight among those left. */
function weightedSample<T>(random: Random, items: T[], weights: number[], count: number): T[] {
  const left = items
    .map((item, index) => ({ item, weight: weights[index] }))
    .filter((entry) => entry.weight > 0);
  const chosen: T[] = [];
  while (chosen.length < count && left.length > 0) {
    const total = left.reduce((sum, entry) => sum + entry.weight, 0);
    let roll = random.next() * total;
    let pick = left.length - 1;
    for (let i = 0; i < left.length; i++) {
      roll -= left[i].weight;
      if (roll < 0) {
        pick = i;
        break;
      }
    }
    chosen.push(left[pick].item);
    left.splice(pick, 1);
  }
  return chosen;
}
