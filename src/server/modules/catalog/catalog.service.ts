import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { skuStatuses } from '../../../core/catalog/catalog.enums';
import {
  isOwnershipConsistent,
  itemCodeSortKeys,
  skuSortKeys,
  type ItemCode,
  type ItemCodeInput,
  type ItemCodeListQuery,
  type Sku,
  type SkuInput,
  type SkuListQuery,
  type SkuUpdate,
} from '../../../core/catalog/catalog.contract';
import { parseSort, type ListResponse } from '../../../core/common/list';
import type { Db } from '../../db/client';
import { containsPattern, countAll, enumRank, orderByColumn, queryRows, toIso } from '../../db/sql-helpers';
import { AppError, conflict, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { accounts } from '../accounts/accounts.table';
import { recordAuditEvent } from '../audit/audit.service';
import { inScope, visibleAccountIdsSql } from '../stores/store-scope';
import { accountItemCodes, skus } from './catalog.table';

/*
 * SKUs are company master data, like the org tree: every signed-in user reads all of them (a rep needs the whole
 * range to record a competitor's product or a new listing), and they say nothing about a customer. What a SKU
 * sold, and where it is listed, is customer data and is scoped where it is read (listings, distribution, launch).
 */

type SkuRow = typeof skus.$inferSelect;
export const toSku = (row: SkuRow): Sku => ({
  ...row,
  createdAt: toIso(row.createdAt)!,
  updatedAt: toIso(row.updatedAt)!,
});

const skuSortColumns = {
  code: skus.code,
  name: skus.name,
  brand: skus.brand,
  category: skus.category,
  listPriceFen: skus.listPriceFen,
  status: enumRank(skus.status, skuStatuses),
  updatedAt: skus.updatedAt,
};

/** The WHERE clause of a SKU list; exports reuse it. */
export function skuListConditions(query: Omit<SkuListQuery, 'limit' | 'offset' | 'sort'>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(skus.code, pattern),
        ilike(skus.name, pattern),
        ilike(skus.barcode, pattern),
        ilike(skus.brand, pattern),
      ),
    );
  }
  if (query.barcode) conditions.push(eq(skus.barcode, query.barcode));
  if (query.brand) conditions.push(inArray(skus.brand, query.brand));
  if (query.category) conditions.push(inArray(skus.category, query.category));
  if (query.isOwn !== undefined) conditions.push(eq(skus.isOwn, query.isOwn));
  if (query.status) conditions.push(inArray(skus.status, query.status));
  return and(...conditions);
}

export async function listSkus(db: Db, _actor: Actor, query: SkuListQuery): Promise<ListResponse<Sku>> {
  const where = skuListConditions(query);
  const sort = parseSort(query.sort, skuSortKeys, 'code');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(skus)
      .where(where)
      .orderBy(orderByColumn(skuSortColumns[sort.key], sort.descending), skus.code)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(skus).where(where),
  ]);
  return { items: rows.map(toSku), total };
}

export async function getSku(db: Db, _actor: Actor, id: number): Promise<Sku> {
  const [row] = await db.select().from(skus).where(eq(skus.id, id));
  if (!row) throw notFound('SKU');
  return toSku(row);
}

export async function createSku(db: Db, actor: Actor, input: SkuInput): Promise<Sku> {
  return db.transaction(async (tx) => {
    await assertUnique(tx, input.code, input.barcode ?? null);
    const [row] = await tx
      .insert(skus)
      .values({ ...input, competitorCompany: input.isOwn ? null : (input.competitorCompany ?? null) })
      .returning();
    const created = toSku(row);
    await recordAuditEvent(tx, actor, 'sku', row.id, 'create', null, auditView(created));
    return created;
  });
}

export async function updateSku(db: Db, actor: Actor, id: number, input: SkuUpdate): Promise<Sku> {
  return db.transaction(async (tx) => {
    const before = await getSku(tx, actor, id);
    const isOwn = input.isOwn ?? before.isOwn;
    const competitorCompany = isOwn
      ? null
      : input.competitorCompany !== undefined
        ? input.competitorCompany
        : before.competitorCompany;
    if (!isOwnershipConsistent({ isOwn, competitorCompany })) {
      throw new AppError('validation_failed', 'A competitor SKU needs its company', [
        { path: 'body.competitorCompany', message: 'a competitor SKU needs its company' },
      ]);
    }
    const code = input.code ?? before.code;
    const barcode = input.barcode !== undefined ? input.barcode : before.barcode;
    if (code !== before.code || barcode !== before.barcode) await assertUnique(tx, code, barcode, id);
    const [row] = await tx
      .update(skus)
      .set({ ...input, competitorCompany, updatedAt: new Date() })
      .where(eq(skus.id, id))
      .returning();
    const after = toSku(row);
    await recordAuditEvent(tx, actor, 'sku', id, 'update', auditView(before), auditView(after));
    return after;
  });
}

/** What still refers to a SKU, so deleting it would lose history; such a SKU is discontinued instead. */
export async function countSkuReferences(db: Db, skuId: number) {
  // Sell-out is checked through its store × SKU × month rollup, which every sell-out change refreshes in the
  // same transaction: the raw table is keyed by store first and could only be searched by SKU with a full scan.
  const [row] = await queryRows<Record<'sellOut' | 'inventory' | 'sellIn' | 'listings', boolean>>(
    db,
    sql`select
      exists (select 1 from sales_store_sku_month where sku_id = ${skuId}) as "sellOut",
      exists (select 1 from inventory where sku_id = ${skuId}) as "inventory",
      exists (select 1 from sell_in where sku_id = ${skuId}) as "sellIn",
      exists (select 1 from listings where sku_id = ${skuId}) as "listings"`,
  );
  return row;
}

export async function deleteSku(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getSku(tx, actor, id);
    const references = await countSkuReferences(tx, id);
    const kinds = Object.entries(references)
      .filter(([, present]) => present)
      .map(([kind]) => kind);
    if (kinds.length) {
      throw conflict(
        `The SKU has ${kinds.join(', ')}; set its status to discontinued instead of deleting it`,
        { references: kinds },
      );
    }
    // Its item codes go with it (they only mean something for this SKU).
    await tx.delete(skus).where(eq(skus.id, id));
    await recordAuditEvent(tx, actor, 'sku', id, 'delete', auditView(before), null);
  });
}

async function assertUnique(db: Db, code: string, barcode: string | null, exceptId?: number) {
  const clashes = await db
    .select({ id: skus.id, code: skus.code, barcode: skus.barcode })
    .from(skus)
    .where(or(eq(skus.code, code), barcode === null ? undefined : eq(skus.barcode, barcode)));
  for (const clash of clashes) {
    if (clash.id === exceptId) continue;
    if (clash.code === code) throw conflict(`A SKU with code ${code} already exists`, { field: 'code' });
    throw conflict(`The barcode ${barcode} already belongs to SKU ${clash.code}`, { field: 'barcode' });
  }
}

export function auditView(sku: Sku) {
  const { createdAt: _c, updatedAt: _u, ...rest } = sku;
  return rest;
}

// ——— Account item codes ———

const itemCodeColumns = {
  accountId: accountItemCodes.accountId,
  accountCode: accounts.code,
  itemCode: accountItemCodes.itemCode,
  skuId: accountItemCodes.skuId,
  skuCode: skus.code,
  skuName: skus.name,
};
const itemCodeSortColumns = {
  accountCode: accounts.code,
  itemCode: accountItemCodes.itemCode,
  skuCode: skus.code,
  skuName: skus.name,
};

/** The WHERE clause of an item-code list: accounts the actor can read, plus the filters. */
export function itemCodeListConditions(
  actor: Actor,
  query: Omit<ItemCodeListQuery, 'limit' | 'offset' | 'sort'>,
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inScope(accountItemCodes.accountId, visibleAccountIdsSql(actor))];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(ilike(accountItemCodes.itemCode, pattern), ilike(skus.code, pattern), ilike(skus.name, pattern)),
    );
  }
  if (query.accountId) conditions.push(inArray(accountItemCodes.accountId, query.accountId));
  if (query.skuId) conditions.push(inArray(accountItemCodes.skuId, query.skuId));
  return and(...conditions);
}

export async function listItemCodes(
  db: Db,
  actor: Actor,
  query: ItemCodeListQuery,
): Promise<ListResponse<ItemCode>> {
  const where = itemCodeListConditions(actor, query);
  const sort = parseSort(query.sort, itemCodeSortKeys, 'accountCode');
  const from = () =>
    db
      .select(itemCodeColumns)
      .from(accountItemCodes)
      .innerJoin(accounts, eq(accounts.id, accountItemCodes.accountId))
      .innerJoin(skus, eq(skus.id, accountItemCodes.skuId));
  const [items, [{ total }]] = await Promise.all([
    from()
      .where(where)
      .orderBy(
        orderByColumn(itemCodeSortColumns[sort.key], sort.descending),
        accounts.code,
        accountItemCodes.itemCode,
      )
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: countAll })
      .from(accountItemCodes)
      .innerJoin(accounts, eq(accounts.id, accountItemCodes.accountId))
      .innerJoin(skus, eq(skus.id, accountItemCodes.skuId))
      .where(where),
  ]);
  return { items, total };
}

/** Maps an account's item code to a SKU, replacing what the code meant before. */
export async function upsertItemCode(db: Db, actor: Actor, input: ItemCodeInput): Promise<ItemCode> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.id, input.accountId), inScope(accounts.id, visibleAccountIdsSql(actor))));
    if (!account) throw notFound('Account');
    const [sku] = await tx.select({ id: skus.id }).from(skus).where(eq(skus.id, input.skuId));
    if (!sku) {
      throw new AppError('validation_failed', 'The SKU does not exist', [
        { path: 'body.skuId', message: 'unknown SKU' },
      ]);
    }
    await tx
      .insert(accountItemCodes)
      .values(input)
      .onConflictDoUpdate({
        target: [accountItemCodes.accountId, accountItemCodes.itemCode],
        set: { skuId: input.skuId },
      });
    return getItemCode(tx, actor, input.accountId, input.itemCode);
  });
}

export async function getItemCode(db: Db, actor: Actor, accountId: number, itemCode: string) {
  const [row] = await db
    .select(itemCodeColumns)
    .from(accountItemCodes)
    .innerJoin(accounts, eq(accounts.id, accountItemCodes.accountId))
    .innerJoin(skus, eq(skus.id, accountItemCodes.skuId))
    .where(
      and(
        eq(accountItemCodes.accountId, accountId),
        eq(accountItemCodes.itemCode, itemCode),
        inScope(accountItemCodes.accountId, visibleAccountIdsSql(actor)),
      ),
    );
  if (!row) throw notFound('Item code');
  return row;
}

export async function deleteItemCode(db: Db, actor: Actor, accountId: number, itemCode: string) {
  await db.transaction(async (tx) => {
    await getItemCode(tx, actor, accountId, itemCode);
    await tx
      .delete(accountItemCodes)
      .where(and(eq(accountItemCodes.accountId, accountId), eq(accountItemCodes.itemCode, itemCode)));
  });
}

export interface SkuCodes {
  /** The account's own item codes (客户商品编码). */
  byItemCode: Map<string, number>;
  byBarcode: Map<string, number>;
  /** Our SKU codes (品项编码). */
  byCode: Map<string, number>;
}

/**
 * Every way a file of one account may name a SKU, loaded once so that an import resolves millions of rows in memory.
 * The catalog is small (hundreds to a few thousand SKUs), so loading all of it is cheaper than looking codes up.
 */
export async function resolveSkuCodes(db: Db, accountId: number): Promise<SkuCodes> {
  const [codes, all] = await Promise.all([
    db
      .select({ itemCode: accountItemCodes.itemCode, skuId: accountItemCodes.skuId })
      .from(accountItemCodes)
      .where(eq(accountItemCodes.accountId, accountId)),
    db.select({ id: skus.id, code: skus.code, barcode: skus.barcode }).from(skus),
  ]);
  const byBarcode = new Map<string, number>();
  for (const sku of all) if (sku.barcode) byBarcode.set(sku.barcode, sku.id);
  return {
    byItemCode: new Map(codes.map((row) => [row.itemCode, row.skuId])),
    byBarcode,
    byCode: new Map(all.map((sku) => [sku.code, sku.id])),
  };
}
