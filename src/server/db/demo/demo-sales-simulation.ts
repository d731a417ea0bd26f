import type { BulkSession } from '../bulk';
import { asciiBytes, CsvBatch } from './csv-batch';
import {
  Part,
  gaussian,
  streamOf,
  type AccountPlan,
  type CatalogItem,
  type DemoSalesInput,
  type ListingPlan,
  type StorePlan,
  type Timeline,
} from './demo-sales-plan';
import type { Random } from './random';

/** Rows per COPY batch: a short pause of the event loop each on PGlite, flat memory everywhere. */
export const BATCH_ROWS = 50_000;

export interface FactTotals {
  sellOut: number;
  inventory: number;
  sellIn: number;
  /** Amount (fen) and units per account × month and per rep × month, from the first simulated day: targets. */
  accountAmount: Float64Array;
  accountUnits: Float64Array;
  repAmount: Float64Array;
  repUnits: Float64Array;
}

/** Average units per shopper's purchase: a bag, sometimes two or three. */
const BASKET_MEAN = 1.35;

/** Units sold on a day with the given expected units: purchases are Poisson, baskets of 1–6. */
function demandOf(random: Random, mean: number): number {
  const purchases = poisson(random, mean / BASKET_MEAN);
  let units = 0;
  for (let n = 0; n < purchases; n++) {
    const roll = random.next();
    units += roll < 0.76 ? 1 : roll < 0.93 ? 2 : roll < 0.98 ? 3 : 4 + Math.floor(random.next() * 3);
  }
  return units;
}

function poisson(random: Random, mean: number): number {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count++;
    product *= random.next();
  }
  return count;
}

/**
 * Runs each store's days in order: deliveries arrive, shoppers buy (never more than is on the shelf), the chain
 * orders on its review day up to cover × expected sales in whole inner packs, and the stock at the end of snapshot
 * days is recorded. Before the history's first day only the expected sales are counted (last year's actuals behind
 * the targets); stock starts there. Rows come out in primary-key order (store, date, SKU), so the tables end up
 * clustered by store, in COPY batches.
 */
export async function simulateAndCopy(
  session: BulkSession,
  input: DemoSalesInput,
  catalog: CatalogItem[],
  accountPlans: AccountPlan[],
  storePlans: StorePlan[],
  timeline: Timeline,
  progress: (message: string) => void,
): Promise<FactTotals> {
  const { days, historyFrom, dates, seasonRows, monthIndex, isSnapshot } = timeline;
  const monthCount = timeline.months.length;
  const totals: FactTotals = {
    sellOut: 0,
    inventory: 0,
    sellIn: 0,
    accountAmount: new Float64Array(accountPlans.length * monthCount),
    accountUnits: new Float64Array(accountPlans.length * monthCount),
    repAmount: new Float64Array(input.reps.length * monthCount),
    repUnits: new Float64Array(input.reps.length * monthCount),
  };
  const dateBytes = dates.map(asciiBytes);
  const invoicePrices = accountPlans.map((plan) =>
    Int32Array.from(catalog, (item) => Math.round(item.listPriceFen * plan.invoicePriceLevel)),
  );
  const invoiceSequence = new Int32Array(days + 1);
  const invoiceNumber = (day: number) =>
    `XS${dates[day].replace(/-/g, '')}${String(++invoiceSequence[day]).padStart(5, '0')}`;
  // Distributor-served accounts: our invoices go to the distributor, per account and week, in whole cases.
  const firstMonday = historyFrom < days ? historyFrom - timeline.weekday[historyFrom] : days;
  const weekCount = Math.max(0, Math.ceil((days - firstMonday) / 7));
  const distributorUnits = new Float64Array(accountPlans.length * weekCount * catalog.length);

  const sellOutRows = new CsvBatch();
  const inventoryRows = new CsvBatch();
  const sellInRows = new CsvBatch();
  const flush = async () => {
    if (sellOutRows.rows > 0)
      await session.copyCsv(
        'sell_out',
        ['store_id', 'date', 'sku_id', 'units', 'amount_fen'],
        [sellOutRows.take()],
      );
    if (inventoryRows.rows > 0)
      await session.copyCsv('inventory', ['store_id', 'date', 'sku_id', 'on_hand'], [inventoryRows.take()]);
    if (sellInRows.rows > 0)
      await session.copyCsv(
        'sell_in',
        ['account_id', 'store_id', 'sku_id', 'date', 'invoice_no', 'units', 'price_fen', 'amount_fen'],
        [sellInRows.take()],
      );
  };
  const writeSellIn = (
    accountId: number,
    storeId: number | null,
    item: CatalogItem,
    day: number,
    invoice: string,
    units: number,
    price: number,
  ) => {
    sellInRows.int(accountId).comma();
    if (storeId !== null) sellInRows.int(storeId);
    sellInRows.comma().int(item.skuId).comma().raw(dateBytes[day]).comma().text(invoice).comma();
    sellInRows
      .int(units)
      .comma()
      .int(price)
      .comma()
      .int(units * price)
      .endRow();
    totals.sellIn++;
  };

  const startedAt = Date.now();
  let reportedAt = startedAt;
  for (const plan of storePlans) {
    const { listings, account } = plan;
    const count = listings.length;
    if (count === 0) continue;
    const random = streamOf(input.seed, Part.simulation, plan.index);
    const accountIndex = account.index;
    const isDirect = account.account.tradeType === 'hq_direct';
    const lead = account.leadTimeDays;
    const review = account.reviewPeriodDays;
    const cover = lead + review + account.safetyDays;
    const participates = account.slots.map(() => random.chance(account.participation));
    const storeId = plan.store.id;
    const accountId = account.account.id;
    const prices = invoicePrices[accountIndex];
    const accountRow = accountIndex * monthCount;
    const repRow = plan.repIndex * monthCount;
    const invoices = new Map<number, string>();
    const onHand = new Int32Array(count);
    const onOrder = new Int32Array(count);
    // Orders in transit, by arrival day modulo 8 (lead times are under a week).
    const arrivals = new Int32Array(count * 8);

    const expectedAt = (listing: ListingPlan, t: number) => {
      const day = Math.min(days - 1, Math.max(0, t));
      const slotIndex = account.slotByDay[day];
      const promo =
        slotIndex >= 0 && participates[slotIndex] ? account.slots[slotIndex].lift[listing.item.index] : 1;
      return listing.base * seasonRows[listing.item.seasonRow][day] * account.trend[day] * promo;
    };
    /** What the chain's ordering system expects to sell over the cover period. */
    const coverNeed = (listing: ListingPlan, t: number) => {
      const ahead =
        expectedAt(listing, t + lead) +
        expectedAt(listing, t + lead + (review >> 1)) +
        expectedAt(listing, t + cover);
      const observed = t >= listing.phantomFrom ? 0.2 : t >= listing.declineFrom ? listing.declineFactor : 1;
      return (cover * ahead * observed * (t >= plan.declineFrom ? 0.4 : 1)) / 3;
    };
    const sellIn = (day: number, listing: ListingPlan, units: number) => {
      if (day < historyFrom || day >= days) return;
      const item = listing.item;
      if (isDirect) {
        let invoice = invoices.get(day);
        if (invoice === undefined) {
          invoice = invoiceNumber(day);
          invoices.set(day, invoice);
        }
        writeSellIn(accountId, storeId, item, day, invoice, units, prices[item.index]);
      } else {
        const week = Math.floor((day - firstMonday) / 7);
        distributorUnits[(accountIndex * weekCount + week) * catalog.length + item.index] += units;
      }
    };

    const firstDay = Math.max(0, plan.openDay);
    const lastDay = Math.min(days, plan.closeDay);
    const stockFrom = Math.max(firstDay, historyFrom);
    for (let t = firstDay; t < lastDay; t++) {
      const slotIndex = account.slotByDay[t];
      const slot = slotIndex >= 0 && participates[slotIndex] ? account.slots[slotIndex] : null;
      const dayFactor =
        plan.weekday[timeline.weekday[t]] * account.trend[t] * (t >= plan.declineFrom ? 0.4 : 1);
      const month = monthIndex[t];

      if (t < stockFrom) {
        // Before the history: expected sales only, for last year's actuals.
        for (let j = 0; j < count; j++) {
          const listing = listings[j];
          if (t < listing.listedDay || t >= listing.delistedDay) continue;
          const item = listing.item;
          let mean = listing.base * seasonRows[item.seasonRow][t] * dayFactor;
          let price = listing.shelfPriceFen;
          if (slot !== null && slot.lift[item.index] !== 1) {
            mean *= slot.lift[item.index];
            price = promotionPrice(listing, slot.priceFactor[item.index]);
          }
          totals.accountAmount[accountRow + month] += mean * price;
          totals.accountUnits[accountRow + month] += mean;
          if (repRow >= 0) {
            totals.repAmount[repRow + month] += mean * price;
            totals.repUnits[repRow + month] += mean;
          }
        }
        continue;
      }
      if (t === stockFrom) {
        // Stock on the first day: what the chain's ordering keeps, plus part of an inner pack.
        for (let j = 0; j < count; j++) {
          const listing = listings[j];
          if (listing.listedDay < t && listing.delistedDay > t)
            onHand[j] = Math.ceil(coverNeed(listing, t)) + random.int(0, listing.item.orderMultiple);
        }
      }

      const selling = t < plan.renovationFrom;
      const snapshot = isSnapshot[t] === 1;
      const isReview = selling && (t + plan.reviewOffset) % review === 0;
      const date = dateBytes[t];
      for (let j = 0; j < count; j++) {
        const listing = listings[j];
        if (t < listing.listedDay || t >= listing.delistedDay) continue;
        const item = listing.item;
        const ring = j * 8 + (t & 7);
        if (arrivals[ring] > 0) {
          onHand[j] += arrivals[ring];
          onOrder[j] -= arrivals[ring];
          arrivals[ring] = 0;
        }
        if (t === listing.listedDay) {
          // The first order (首单) arrives with the listing.
          const units =
            Math.max(1, Math.ceil(coverNeed(listing, t) / item.orderMultiple)) * item.orderMultiple;
          onHand[j] += units;
          sellIn(t, listing, units);
        }
        if (t === listing.supplyStopFrom && listing.stockCapAtStop >= 0) {
          // Damaged or written-off stock found at a count, and no delivery since.
          onHand[j] = Math.min(onHand[j], listing.stockCapAtStop);
        }
        if (selling && onHand[j] > 0 && t < listing.phantomFrom) {
          let mean = listing.base * seasonRows[item.seasonRow][t] * dayFactor;
          let price = listing.shelfPriceFen;
          if (slot !== null && slot.lift[item.index] !== 1) {
            mean *= slot.lift[item.index];
            price = promotionPrice(listing, slot.priceFactor[item.index]);
          }
          if (item.isNew && t - listing.listedDay < 14) mean *= 1.4;
          if (t >= listing.declineFrom) mean *= listing.declineFactor;
          let units = demandOf(random, mean);
          if (units > onHand[j]) units = onHand[j];
          if (units > 0) {
            onHand[j] -= units;
            const amount = units * price;
            sellOutRows.int(storeId).comma().raw(date).comma().int(item.skuId).comma().int(units).comma();
            sellOutRows.int(amount).endRow();
            totals.sellOut++;
            totals.accountAmount[accountRow + month] += amount;
            totals.accountUnits[accountRow + month] += units;
            if (repRow >= 0) {
              totals.repAmount[repRow + month] += amount;
              totals.repUnits[repRow + month] += units;
            }
          }
        }
        if (isReview && t < listing.supplyStopFrom) {
          const need = coverNeed(listing, t) - onHand[j] - onOrder[j];
          if (need > 0) {
            const units = Math.ceil(need / item.orderMultiple) * item.orderMultiple;
            arrivals[j * 8 + ((t + lead) & 7)] += units;
            onOrder[j] += units;
            sellIn(t + 1, listing, units);
          }
        }
        if (snapshot) {
          inventoryRows
            .int(storeId)
            .comma()
            .raw(date)
            .comma()
            .int(item.skuId)
            .comma()
            .int(onHand[j])
            .endRow();
          totals.inventory++;
        }
      }
    }

    if (sellOutRows.rows >= BATCH_ROWS || inventoryRows.rows >= BATCH_ROWS) {
      await flush();
      if (Date.now() - reportedAt > 5000) {
        reportedAt = Date.now();
        const seconds = (reportedAt - startedAt) / 1000;
        progress(
          `sell-out: ${totals.sellOut.toLocaleString('en')} rows, store ${plan.index + 1}/${input.stores.length}, ` +
            `${Math.round((totals.sellOut + totals.inventory + totals.sellIn) / seconds).toLocaleString('en')} rows/s`,
        );
      }
    }
  }

  // Whole cases to the distributor; what is left over stays in its warehouse for the next period.
  for (const plan of accountPlans) {
    if (plan.account.tradeType !== 'distributor' || weekCount === 0) continue;
    const periodWeeks = plan.invoicePeriodDays / 7;
    const periodInvoices = new Map<number, string>();
    for (const item of catalog) {
      let carried = 0;
      for (let week = 0; week < weekCount; week += periodWeeks) {
        let need = 0;
        for (let w = week; w < Math.min(weekCount, week + periodWeeks); w++)
          need += distributorUnits[(plan.index * weekCount + w) * catalog.length + item.index];
        if (need === 0) continue;
        const toShip = need - carried;
        const units = toShip > 0 ? Math.ceil(toShip / item.sku.casePack) * item.sku.casePack : 0;
        carried += units - need;
        if (units === 0) continue;
        const day = Math.min(days - 1, Math.max(historyFrom, firstMonday + week * 7));
        let invoice = periodInvoices.get(day);
        if (invoice === undefined) {
          invoice = invoiceNumber(day);
          periodInvoices.set(day, invoice);
        }
        writeSellIn(plan.account.id, null, item, day, invoice, units, invoicePrices[plan.index][item.index]);
      }
    }
  }
  await flush();
  const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
  progress(
    `facts: ${totals.sellOut.toLocaleString('en')} sell-out, ${totals.inventory.toLocaleString('en')} stock, ` +
      `${totals.sellIn.toLocaleString('en')} sell-in rows in ${seconds.toFixed(1)} s`,
  );
  return totals;
}

/** A special price (特价), never below the KA floor price. */
const promotionPrice = (listing: ListingPlan, factor: number) =>
  Math.ceil((listing.shelfPriceFen * Math.max(factor, listing.promoPriceFactorFloor)) / 10) * 10;
