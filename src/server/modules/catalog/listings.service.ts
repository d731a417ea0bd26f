import { and, eq, gt, ilike, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import {
  listingSortKeys,
  type Listing,
  type ListingInput,
  type ListingListQuery,
} from '../../../core/catalog/catalog.contract';
import { parseSort, type ListResponse } from '../../../core/common/list';
import { businessToday } from '../../../core/common/time';
import type { Db } from '../../db/client';
import { containsPattern, countAll, orderByColumn } from '../../db/sql-helpers';
import { AppError, forbidden, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { accounts } from '../accounts/accounts.table';
import { inScope, visibleStoreIdsSql } from '../stores/store-scope';
import { writableOrgUnitIds } from '../stores/stores.service';
import { stores } from '../stores/stores.table';
import { listings, skus } from './catalog.table';

/*
 * A listing is one row per store × SKU: listing again after a delisting moves its dates (the latest period is
 * what a rep acts on). `delistedOn` is the first day the store no longer carries the SKU, so a listing is
 * active on day d when listedOn ≤ d < delistedOn.
 */

const listingColumns = {
  storeId: listings.storeId,
  storeCode: stores.code,
  storeName: stores.name,
  accountId: stores.accountId,
  accountName: accounts.name,
  skuId: listings.skuId,
  skuCode: skus.code,
  skuName: skus.name,
  listedOn: listings.listedOn,
  delistedOn: listings.delistedOn,
};

const sortColumns = {
  accountName: accounts.name,
  storeCode: stores.code,
  storeName: stores.name,
  skuCode: skus.code,
  skuName: skus.name,
  listedOn: listings.listedOn,
  delistedOn: listings.delistedOn,
};

/** Listings carried on a day: listed on or before it, not delisted by then. */
export const isActiveOn = (day: string): SQL =>
  and(lte(listings.listedOn, day), or(isNull(listings.delistedOn), gt(listings.delistedOn, day)))!;

/** The WHERE clause of a listing list: the stores the actor sees, plus the filters. Exports reuse it. */
export function listingListConditions(
  actor: Actor,
  query: Omit<ListingListQuery, 'limit' | 'offset' | 'sort'>,
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inScope(listings.storeId, visibleStoreIdsSql(actor))];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(stores.code, pattern),
        ilike(stores.name, pattern),
        ilike(skus.code, pattern),
        ilike(skus.name, pattern),
        ilike(skus.barcode, pattern),
      ),
    );
  }
  if (query.storeId) conditions.push(inArray(listings.storeId, query.storeId));
  if (query.skuId) conditions.push(inArray(listings.skuId, query.skuId));
  if (query.accountId) conditions.push(inArray(stores.accountId, query.accountId));
  // With includeDelisted the list is every listing record whatever its dates: the history view.
  if (!query.includeDelisted) conditions.push(isActiveOn(query.activeOn ?? businessToday()));
  return and(...conditions);
}

export async function listListings(
  db: Db,
  actor: Actor,
  query: ListingListQuery,
): Promise<ListResponse<Listing>> {
  const where = listingListConditions(actor, query);
  const sort = parseSort(query.sort, listingSortKeys, 'storeCode');
  const [items, [{ total }]] = await Promise.all([
    db
      .select(listingColumns)
      .from(listings)
      .innerJoin(stores, eq(stores.id, listings.storeId))
      .innerJoin(accounts, eq(accounts.id, stores.accountId))
      .innerJoin(skus, eq(skus.id, listings.skuId))
      .where(where)
      .orderBy(
        orderByColumn(sortColumns[sort.key], sort.descending),
        stores.accountId,
        stores.code,
        skus.code,
      )
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: countAll })
      .from(listings)
      .innerJoin(stores, eq(stores.id, listings.storeId))
      .innerJoin(skus, eq(skus.id, listings.skuId))
      .where(where),
  ]);
  return { items, total };
}

export async function getListing(db: Db, actor: Actor, storeId: number, skuId: number): Promise<Listing> {
  const [row] = await db
    .select(listingColumns)
    .from(listings)
    .innerJoin(stores, eq(stores.id, listings.storeId))
    .innerJoin(accounts, eq(accounts.id, stores.accountId))
    .innerJoin(skus, eq(skus.id, listings.skuId))
    .where(
      and(
        eq(listings.storeId, storeId),
        eq(listings.skuId, skuId),
        inScope(listings.storeId, visibleStoreIdsSql(actor)),
      ),
    );
  if (!row) throw notFound('Listing');
  return row;
}

/**
 * A store the actor may change listings of: one they can see (else 404, so it does not leak) and, for managers
 * and assistants, one of their org subtree — the stores module's write rule.
 */
export async function getStoreForListingWrite(db: Db, actor: Actor, storeId: number) {
  const [store] = await db
    .select({ id: stores.id, orgUnitId: stores.orgUnitId })
    .from(stores)
    .where(and(eq(stores.id, storeId), inScope(stores.id, visibleStoreIdsSql(actor))));
  if (!store) throw notFound('Store');
  const writable = await writableOrgUnitIds(db, actor);
  if (writable !== 'all' && (store.orgUnitId === null || !writable.has(store.orgUnitId))) {
    throw forbidden('The store is outside your org unit');
  }
  return store;
}

/** Lists a SKU in a store, or changes the dates of its listing (relist: a new listedOn and no delistedOn). */
export async function upsertListing(db: Db, actor: Actor, input: ListingInput): Promise<Listing> {
  return db.transaction(async (tx) => {
    await getStoreForListingWrite(tx, actor, input.storeId);
    const [sku] = await tx.select({ id: skus.id }).from(skus).where(eq(skus.id, input.skuId));
    if (!sku) {
      throw new AppError('validation_failed', 'The SKU does not exist', [
        { path: 'body.skuId', message: 'unknown SKU' },
      ]);
    }
    const values = {
      storeId: input.storeId,
      skuId: input.skuId,
      listedOn: input.listedOn,
      delistedOn: input.delistedOn ?? null,
    };
    await tx
      .insert(listings)
      .values(values)
      .onConflictDoUpdate({
        target: [listings.storeId, listings.skuId],
        set: { listedOn: values.listedOn, delistedOn: values.delistedOn },
      });
    return getListing(tx, actor, input.storeId, input.skuId);
  });
}

/** Removes a listing entered by mistake; a SKU that left the shelf is delisted (a date) instead. */
export async function deleteListing(db: Db, actor: Actor, storeId: number, skuId: number): Promise<void> {
  await db.transaction(async (tx) => {
    await getListing(tx, actor, storeId, skuId);
    await getStoreForListingWrite(tx, actor, storeId);
    await tx.delete(listings).where(and(eq(listings.storeId, storeId), eq(listings.skuId, skuId)));
  });
}
