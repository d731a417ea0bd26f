import { sql } from 'drizzle-orm';
import { shiftMonths } from '../../../core/analytics/periods';
import { addDays } from '../../../core/common/time';
import { refreshSalesRollups } from '../../modules/analytics/rollups.service';
import { csvField, type BulkSession } from '../bulk';
import { salesTargets, skus, supplySettings } from '../schema';
import { withoutIndexes } from './bulk-load';
import { seasonalFactor } from './demo-calendar';
import {
  NEVER,
  Part,
  createTimeline,
  dateOf,
  dayOf,
  planAccounts,
  planStores,
  seasonProfiles,
  streamOf,
  type AccountPlan,
  type CatalogItem,
  type DemoSalesInput,
  type DemoSalesSizes,
  type StorePlan,
  type Timeline,
} from './demo-sales-plan';
import { BATCH_ROWS, simulateAndCopy, type FactTotals } from './demo-sales-simulation';
import {
  demoCompetitorSkus,
  demoOwnSkus,
  ean13,
  launchDateOf,
  orderMultipleOf,
  ownBarcodeOf,
  pricesOf,
  type SeasonProfile,
} from './demo-skus';

export type { DemoSalesInput, DemoSalesSizes } from './demo-sales-plan';

export type DemoScale = 'standard' | 'large';

/**
 * 'standard' is what first start loads (it must stay well under a minute on a 2-core machine with the embedded
 * database: 2.7M sell-out rows seed in ~16 s); two years, so that a 13-month trend has last year beside it; 'large' is the benchmark scale, about 50 million sell-out rows over two years, meant for PostgreSQL.
 */
export const demoScales: Record<DemoScale, DemoSalesSizes> = {
  standard: { stores: 2000, historyMonths: 24, rangeFactor: 1, velocity: 0.6, weeklyStockWeeks: 8 },
  large: { stores: 5000, historyMonths: 24, rangeFactor: 2, velocity: 7, weeklyStockWeeks: null },
};

/** Written by the demo in bulk: loaded without their indexes, which are built once at the end. */
const factTables = [
  'sell_out',
  'inventory',
  'sell_in',
  'sales_store_day',
  'sales_store_month',
  'sales_store_sku_month',
] as const;

export interface DemoSalesSummary {
  skus: number;
  itemCodes: number;
  listings: number;
  sellOut: number;
  inventory: number;
  sellIn: number;
  salesTargets: number;
  supplySettings: number;
  /** The sell-out history, both days included (salesFrom > salesTo when there is none). */
  salesFrom: string;
  salesTo: string;
}

/**
 * Writes the catalogue and the sales history of the demo into the caller's transaction: our SKUs and competitors',
 * each account's item codes, listings, supply settings, and a simulated history of daily sell-out, stock on hand
 * and sell-in (deliveries that follow the stock), monthly targets, then the rollups. The simulation starts on
 * 1 January of last year (targets are last year's actual × 1.08–1.15), writes from the history's first day, and is
 * the same for the same seed and "today": the history rolls with today (YoY for the current month must work), which is
 * its one dependence on the clock.
 */
export async function seedDemoSales(session: BulkSession, input: DemoSalesInput): Promise<DemoSalesSummary> {
  const progress = input.onProgress ?? (() => undefined);
  const yesterday = addDays(input.today, -1);
  const historyFrom =
    input.historyDays !== undefined
      ? addDays(input.today, -input.historyDays)
      : shiftMonths(`${input.today.slice(0, 7)}-01`, -input.sizes.historyMonths);
  const lastYearStart = `${Number(input.today.slice(0, 4)) - 1}-01-01`;
  const timeline = createTimeline(
    historyFrom < lastYearStart ? historyFrom : lastYearStart,
    yesterday,
    historyFrom,
    input.sizes,
  );

  const catalog = await insertSkus(session, input.today, timeline);
  const accountPlans = planAccounts(input, catalog, timeline);
  const storePlans = planStores(input, catalog, accountPlans, timeline);

  const itemCodes = await copyItemCodes(session, accountPlans);
  const listings = await copyListings(session, storePlans, timeline);
  const settings = accountPlans.filter((plan) => plan.hasSupplySettings);
  if (settings.length > 0) {
    await session.db.insert(supplySettings).values(
      settings.map((plan) => ({
        accountId: plan.account.id,
        leadTimeDays: plan.leadTimeDays,
        reviewPeriodDays: plan.reviewPeriodDays,
        safetyDays: plan.safetyDays,
        averageWindowDays: 28,
      })),
    );
  }
  progress(`catalogue: ${catalog.length} own SKUs, ${listings} listings, ${itemCodes} item codes`);

  // Room for the rollups' aggregations and the index builds, for this transaction only.
  const [workMem, maintenanceMem] = session.kind === 'pglite' ? ['64MB', '128MB'] : ['256MB', '1GB'];
  await session.db.execute(sql.raw(`set local work_mem = '${workMem}'`));
  await session.db.execute(sql.raw(`set local maintenance_work_mem = '${maintenanceMem}'`));
  const facts = await withoutIndexes(session.db, factTables, async () => {
    const written = await simulateAndCopy(
      session,
      input,
      catalog,
      accountPlans,
      storePlans,
      timeline,
      progress,
    );
    if (timeline.historyFrom < timeline.days) {
      progress('rollups: refreshing');
      await refreshSalesRollups(session.db, { storeIds: 'all', from: historyFrom, to: yesterday });
    }
    progress('keys and indexes: building');
    return written;
  });
  const targetCount = await insertTargets(session, input, catalog, accountPlans, storePlans, timeline, facts);
  // The embedded database has no autovacuum to gather statistics, and PostgreSQL's comes minutes later:
  // without them the planner guesses (5,000 stores taken for 2,680 made it sort on disk). Every table, once.
  await session.db.execute(sql`analyze`);
  progress('done');
  return {
    skus: catalog.length + demoCompetitorSkus.length,
    itemCodes,
    listings,
    sellOut: facts.sellOut,
    inventory: facts.inventory,
    sellIn: facts.sellIn,
    salesTargets: targetCount,
    supplySettings: settings.length,
    salesFrom: historyFrom,
    salesTo: yesterday,
  };
}

// ---------------------------------------------------------------- catalogue

async function insertSkus(session: BulkSession, today: string, timeline: Timeline): Promise<CatalogItem[]> {
  const ownRows = demoOwnSkus.map((item) => ({
    code: item.code,
    barcode: ownBarcodeOf(item),
    name: item.name,
    brand: item.brand,
    isOwn: true,
    competitorCompany: null,
    category: item.category,
    flavour: item.flavour,
    packSize: item.packSize,
    unit: item.unit,
    casePack: item.casePack,
    ...pricesOf(item.retailYuan, item.season),
    shelfLifeDays: item.shelfLifeDays,
    status: item.status,
    launchedOn: launchDateOf(item, today),
  }));
  const competitorRows = demoCompetitorSkus.map((item) => {
    const retailPriceFen = Math.round(item.retailYuan * 100);
    return {
      code: item.code,
      barcode: ean13(item.barcodePrefix, item.itemReference),
      name: item.name,
      brand: item.brand,
      isOwn: false,
      competitorCompany: item.company,
      category: item.category,
      flavour: item.flavour,
      packSize: item.packSize,
      unit: item.unit,
      casePack: item.casePack,
      retailPriceFen,
      shelfLifeDays: item.shelfLifeDays,
      status: 'active' as const,
    };
  });
  const inserted = await session.db
    .insert(skus)
    .values([...ownRows, ...competitorRows])
    .returning({ id: skus.id, code: skus.code });
  const ids = new Map(inserted.map((row) => [row.code, row.id]));
  const recent = dayOf(timeline, addDays(today, -180));
  return demoOwnSkus.map((item, index) => {
    const prices = pricesOf(item.retailYuan, item.season);
    const launchDay = dayOf(timeline, launchDateOf(item, today));
    return {
      index,
      skuId: ids.get(item.code)!,
      sku: item,
      launchDay,
      discontinuedDay:
        item.discontinuedDaysAgo === undefined
          ? NEVER
          : dayOf(timeline, addDays(today, -item.discontinuedDaysAgo)),
      isNew: launchDay > recent,
      listPriceFen: prices.listPriceFen,
      floorPriceFen: prices.floorPriceFen,
      retailPriceFen: prices.retailPriceFen,
      orderMultiple: orderMultipleOf(item.casePack),
      seasonRow: seasonProfiles.indexOf(item.season),
    };
  });
}

async function copyItemCodes(session: BulkSession, accountPlans: AccountPlan[]): Promise<number> {
  const lines: string[] = [];
  for (const plan of accountPlans) {
    for (const [item, code] of plan.itemCodes)
      lines.push(`${plan.account.id},${csvField(code)},${item.skuId}\n`);
  }
  if (lines.length > 0)
    await session.copyCsv('account_item_codes', ['account_id', 'item_code', 'sku_id'], [lines.join('')]);
  return lines.length;
}

async function copyListings(
  session: BulkSession,
  storePlans: StorePlan[],
  timeline: Timeline,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const plan of storePlans) {
      for (const listing of plan.listings) {
        const delisted = listing.delistedDay === NEVER ? '' : dateOf(timeline, listing.delistedDay);
        lines.push(
          `${plan.store.id},${listing.item.skuId},${dateOf(timeline, listing.listedDay)},${delisted}\n`,
        );
        count++;
      }
      if (lines.length >= BATCH_ROWS) {
        yield lines.join('');
        lines = [];
      }
    }
    if (lines.length > 0) yield lines.join('');
  }
  await session.copyCsv('listings', ['store_id', 'sku_id', 'listed_on', 'delisted_on'], chunks());
  return count;
}

// ---------------------------------------------------------------- targets

/**
 * Monthly targets for the current year: last year's actual of the same month × 1.08–1.15, per account and per rep.
 * January and February are set together (春节合并), because the Spring Festival moves between them: last year's two
 * months × the uplift, split by where the festival falls this year.
 */
async function insertTargets(
  session: BulkSession,
  input: DemoSalesInput,
  catalog: CatalogItem[],
  accountPlans: AccountPlan[],
  storePlans: StorePlan[],
  timeline: Timeline,
  totals: FactTotals,
): Promise<number> {
  const random = streamOf(input.seed, Part.targets);
  const year = Number(input.today.slice(0, 4));
  const monthCount = timeline.months.length;
  const januaryShare = springSplit(catalog, year);
  const rows: (typeof salesTargets.$inferInsert)[] = [];
  const targetsOf = (
    amounts: Float64Array,
    units: Float64Array,
    row: number,
    uplift: number,
    owner: Pick<typeof salesTargets.$inferInsert, 'scope' | 'accountId' | 'userId'>,
  ) => {
    const lastYear = (values: Float64Array, month: number) => {
      const index = timeline.months.indexOf(`${year - 1}-${String(month).padStart(2, '0')}-01`);
      return index < 0 ? 0 : values[row * monthCount + index];
    };
    for (let month = 1; month <= 12; month++) {
      let basis = (values: Float64Array) => lastYear(values, month);
      if (month <= 2) {
        const share = month === 1 ? januaryShare : 1 - januaryShare;
        basis = (values) => (lastYear(values, 1) + lastYear(values, 2)) * share;
      }
      if (basis(amounts) <= 0) continue;
      const factor = uplift * random.float(0.985, 1.015);
      rows.push({
        ...owner,
        month: `${year}-${String(month).padStart(2, '0')}-01`,
        // Targets are set in round hundreds of yuan and tens of units.
        amountFen: Math.round((basis(amounts) * factor) / 10_000) * 10_000,
        units: Math.round((basis(units) * factor) / 10) * 10,
      });
    }
  };
  const accountsWithStores = new Set(storePlans.map((plan) => plan.account.index));
  for (const plan of accountPlans) {
    if (!accountsWithStores.has(plan.index)) continue;
    targetsOf(totals.accountAmount, totals.accountUnits, plan.index, plan.targetUplift, {
      scope: 'account',
      accountId: plan.account.id,
    });
  }
  input.reps.forEach((rep, index) => {
    targetsOf(totals.repAmount, totals.repUnits, index, random.float(1.08, 1.15), {
      scope: 'rep',
      userId: rep.userId,
    });
  });
  for (let start = 0; start < rows.length; start += 500) {
    await session.db.insert(salesTargets).values(rows.slice(start, start + 500));
  }
  return rows.length;
}

/** January's share of January and February's sales in a year, from the seasons of our range (by sales value). */
function springSplit(catalog: CatalogItem[], year: number): number {
  const weights = new Map<SeasonProfile, number>();
  for (const item of catalog)
    weights.set(
      item.sku.season,
      (weights.get(item.sku.season) ?? 0) + item.sku.velocity * item.sku.reach * item.retailPriceFen,
    );
  let january = 0;
  let both = 0;
  for (let date = `${year}-01-01`; date < `${year}-03-01`; date = addDays(date, 1)) {
    let value = 0;
    for (const [profile, weight] of weights) value += weight * seasonalFactor(profile, date);
    both += value;
    if (date < `${year}-02-01`) january += value;
  }
  return january / both;
}
