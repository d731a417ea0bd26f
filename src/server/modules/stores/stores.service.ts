import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { scopeKindOf } from '../../../core/auth/roles';
import { parseSort, type ListResponse } from '../../../core/common/list';
import { storeFormats } from '../../../core/accounts/accounts.contract';
import { classifyStore } from '../../../core/stores/store-class';
import {
  storeSortKeys,
  type Store,
  type StoreInput,
  type StoreListQuery,
  type StoreUpdate,
} from '../../../core/stores/stores.contract';
import type { Db } from '../../db/client';
import {
  containsPattern,
  countAll,
  enumRank,
  orderByColumn,
  queryRows,
  ref,
  toIso,
} from '../../db/sql-helpers';
import { AppError, conflict, forbidden, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { accounts } from '../accounts/accounts.table';
import { recordAuditEvent } from '../audit/audit.service';
import { getOrgSubtreeIds, orgSubtreeIdsSql } from '../org-units/org-units.service';
import { orgUnits } from '../org-units/org-units.table';
import { findUsersByIds, isFieldRole } from '../users/users.service';
import { inScope, visibleStoreIdsSql } from './store-scope';
import { storeAssignments, stores } from './stores.table';

const repsSql = sql<{ id: number; displayName: string }[]>`coalesce((
  select json_agg(json_build_object('id', u.id, 'displayName', u.display_name) order by u.display_name)
  from store_assignments sa join users u on u.id = sa.user_id
  where sa.store_id = ${ref(stores.id)}), '[]'::json)`;

const storeColumns = {
  id: stores.id,
  accountId: stores.accountId,
  accountCode: accounts.code,
  accountName: accounts.name,
  code: stores.code,
  name: stores.name,
  format: stores.format,
  floorArea: stores.floorArea,
  storeClass: stores.storeClass,
  province: stores.province,
  city: stores.city,
  district: stores.district,
  address: stores.address,
  tradeArea: stores.tradeArea,
  latitude: stores.latitude,
  longitude: stores.longitude,
  dailyTraffic: stores.dailyTraffic,
  potential: stores.potential,
  openedOn: stores.openedOn,
  status: stores.status,
  orgUnitId: stores.orgUnitId,
  orgUnitName: orgUnits.name,
  reps: repsSql,
  createdAt: stores.createdAt,
  updatedAt: stores.updatedAt,
};

type StoreRow = Omit<Store, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toStore = (row: StoreRow): Store => ({
  ...row,
  createdAt: toIso(row.createdAt)!,
  updatedAt: toIso(row.updatedAt)!,
});

const sortColumns = {
  name: stores.name,
  code: stores.code,
  accountName: accounts.name,
  city: stores.city,
  floorArea: stores.floorArea,
  storeClass: stores.storeClass,
  format: enumRank(stores.format, storeFormats),
  potential: stores.potential,
  openedOn: stores.openedOn,
  updatedAt: stores.updatedAt,
};

/** The WHERE clause of a store list: the actor's scope plus the filters. Exports reuse it. */
export function storeListConditions(
  actor: Actor,
  query: Omit<StoreListQuery, 'limit' | 'offset' | 'sort'>,
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [inScope(stores.id, visibleStoreIdsSql(actor))];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(stores.name, pattern),
        ilike(stores.code, pattern),
        ilike(stores.address, pattern),
        ilike(stores.tradeArea, pattern),
      ),
    );
  }
  if (query.accountId) conditions.push(inArray(stores.accountId, query.accountId));
  if (query.province) conditions.push(inArray(stores.province, query.province));
  if (query.city) conditions.push(inArray(stores.city, query.city));
  if (query.storeClass) {
    const classes = query.storeClass.filter((value) => value !== 'none') as ('A' | 'B' | 'C')[];
    conditions.push(
      or(
        classes.length ? inArray(stores.storeClass, classes) : undefined,
        query.storeClass.includes('none') ? isNull(stores.storeClass) : undefined,
      ),
    );
  }
  if (query.format) conditions.push(inArray(stores.format, query.format));
  if (query.status) conditions.push(inArray(stores.status, query.status));
  if (query.repId) {
    conditions.push(
      sql`${stores.id} in (select store_id from store_assignments where user_id = ${query.repId})`,
    );
  }
  if (query.orgUnitId) conditions.push(sql`${stores.orgUnitId} in ${orgSubtreeIdsSql(query.orgUnitId)}`);
  return and(...conditions);
}

export async function listStores(db: Db, actor: Actor, query: StoreListQuery): Promise<ListResponse<Store>> {
  const where = storeListConditions(actor, query);
  // By chain, then the chain's own store code: six chains each have a store "0001".
  const sort = parseSort(query.sort, storeSortKeys, 'accountName');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(storeColumns)
      .from(stores)
      .innerJoin(accounts, eq(accounts.id, stores.accountId))
      .leftJoin(orgUnits, eq(orgUnits.id, stores.orgUnitId))
      .where(where)
      .orderBy(
        orderByColumn(sortColumns[sort.key], sort.descending),
        stores.accountId,
        stores.code,
        stores.id,
      )
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ total: countAll })
      .from(stores)
      .innerJoin(accounts, eq(accounts.id, stores.accountId))
      .where(where),
  ]);
  return { items: rows.map(toStore), total };
}

export async function getStore(db: Db, actor: Actor, id: number): Promise<Store> {
  const [row] = await db
    .select(storeColumns)
    .from(stores)
    .innerJoin(accounts, eq(accounts.id, stores.accountId))
    .leftJoin(orgUnits, eq(orgUnits.id, stores.orgUnitId))
    .where(and(eq(stores.id, id), inScope(stores.id, visibleStoreIdsSql(actor))));
  if (!row) throw notFound('Store');
  return toStore(row);
}

/** Which org units a store may be put in by this actor: any for HQ roles, their subtree for managers. */
export async function writableOrgUnitIds(db: Db, actor: Actor): Promise<Set<number> | 'all'> {
  if (scopeKindOf(actor.role) === 'all') return 'all';
  if (actor.orgUnitId === null) return new Set();
  return new Set(await getOrgSubtreeIds(db, actor.orgUnitId));
}

/** Checks the reps of a store: real, active reps or promoters, and for managers, people of their own subtree. */
export async function checkRepIds(
  db: Db,
  repIds: number[],
  writable: Set<number> | 'all',
): Promise<string | null> {
  const found = await findUsersByIds(db, repIds);
  for (const id of repIds) {
    const user = found.find((row) => row.id === id);
    if (!user) return `user ${id} does not exist`;
    if (!isFieldRole(user.role)) return `${user.username} is not a rep or promoter`;
    if (!user.isActive) return `${user.username} is not active`;
    if (writable !== 'all' && (user.orgUnitId === null || !writable.has(user.orgUnitId))) {
      return `${user.username} is outside your org unit`;
    }
  }
  return null;
}

export async function createStore(db: Db, actor: Actor, input: StoreInput): Promise<Store> {
  return db.transaction(async (tx) => {
    await getAccountForWrite(tx, input.accountId);
    const orgUnitId = await resolveOrgUnitForWrite(tx, actor, input.orgUnitId ?? null);
    const repIds = [...new Set(input.repIds)];
    const repProblem = await checkRepIds(tx, repIds, await writableOrgUnitIds(tx, actor));
    if (repProblem)
      throw new AppError('validation_failed', repProblem, [{ path: 'body.repIds', message: repProblem }]);
    await assertCodeFree(tx, input.accountId, input.code);
    const { repIds: _repIds, ...fields } = input;
    const [{ id }] = await tx
      .insert(stores)
      .values({ ...fields, orgUnitId, storeClass: classifyStore(input.floorArea) })
      .returning({ id: stores.id });
    if (repIds.length)
      await tx.insert(storeAssignments).values(repIds.map((userId) => ({ storeId: id, userId })));
    const created = await getStore(tx, actor, id);
    await recordAuditEvent(tx, actor, 'store', id, 'create', null, auditView(created));
    return created;
  });
}

export async function updateStore(db: Db, actor: Actor, id: number, input: StoreUpdate): Promise<Store> {
  return db.transaction(async (tx) => {
    const before = await getStore(tx, actor, id);
    const writable = await writableOrgUnitIds(tx, actor);
    if (writable !== 'all' && (before.orgUnitId === null || !writable.has(before.orgUnitId))) {
      throw forbidden('The store is outside your org unit');
    }
    if (input.accountId !== undefined && input.accountId !== before.accountId)
      await getAccountForWrite(tx, input.accountId);
    const accountId = input.accountId ?? before.accountId;
    const code = input.code ?? before.code;
    if (accountId !== before.accountId || code !== before.code) await assertCodeFree(tx, accountId, code, id);
    if (input.orgUnitId === null && writable !== 'all') {
      throw forbidden('A store you manage must stay in your org unit or below it');
    }
    const orgUnitId =
      input.orgUnitId !== undefined
        ? await resolveOrgUnitForWrite(tx, actor, input.orgUnitId)
        : before.orgUnitId;
    const { repIds, ...fields } = input;
    await tx
      .update(stores)
      .set({
        ...fields,
        orgUnitId,
        ...(input.floorArea !== undefined ? { storeClass: classifyStore(input.floorArea) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(stores.id, id));
    if (repIds !== undefined) {
      const unique = [...new Set(repIds)];
      const repProblem = await checkRepIds(tx, unique, writable);
      if (repProblem)
        throw new AppError('validation_failed', repProblem, [{ path: 'body.repIds', message: repProblem }]);
      await replaceAssignments(tx, id, unique);
    }
    const after = await getStore(tx, actor, id);
    await recordAuditEvent(tx, actor, 'store', id, 'update', auditView(before), auditView(after));
    return after;
  });
}

export async function deleteStore(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getStore(tx, actor, id);
    const writable = await writableOrgUnitIds(tx, actor);
    if (writable !== 'all' && (before.orgUnitId === null || !writable.has(before.orgUnitId))) {
      throw forbidden('The store is outside your org unit');
    }
    const rows = await queryRows<{ contacts: number }>(
      tx,
      sql`select count(*)::int as contacts from contacts where store_id = ${id}`,
    );
    if (Number(rows[0].contacts) > 0) {
      throw conflict('The store still has contacts; set its status to closed instead', {
        contacts: Number(rows[0].contacts),
      });
    }
    await tx.delete(stores).where(eq(stores.id, id));
    await recordAuditEvent(tx, actor, 'store', id, 'delete', auditView(before), null);
  });
}

export async function replaceAssignments(db: Db, storeId: number, userIds: number[]): Promise<void> {
  await db.delete(storeAssignments).where(eq(storeAssignments.storeId, storeId));
  if (userIds.length)
    await db.insert(storeAssignments).values(userIds.map((userId) => ({ storeId, userId })));
}

/** Every store of an account by the chain's store code, for imports that resolve codes row by row in memory. */
export async function storeCodesOfAccount(
  db: Db,
  accountId: number,
): Promise<Map<string, { id: number; orgUnitId: number | null }>> {
  const rows = await db
    .select({ id: stores.id, code: stores.code, orgUnitId: stores.orgUnitId })
    .from(stores)
    .where(eq(stores.accountId, accountId));
  return new Map(rows.map((row) => [row.code, { id: row.id, orgUnitId: row.orgUnitId }]));
}

/** Store ids by account and code, for imports keyed the way chains number their stores. */
export async function findStoresByAccountCodes(db: Db, keys: { accountId: number; code: string }[]) {
  if (keys.length === 0) return [];
  const accountIds = [...new Set(keys.map((key) => key.accountId))];
  const codes = [...new Set(keys.map((key) => key.code))];
  const wanted = new Set(keys.map((key) => `${key.accountId}\u0000${key.code}`));
  const candidates = await db
    .select({ id: stores.id, accountId: stores.accountId, code: stores.code, orgUnitId: stores.orgUnitId })
    .from(stores)
    .where(and(inArray(stores.accountId, accountIds), inArray(stores.code, codes)));
  // The two IN lists match every account × code combination; keep only the pairs asked for.
  return candidates.filter((store) => wanted.has(`${store.accountId}\u0000${store.code}`));
}

export async function countStoresBy(db: Db, actor: Actor, dimension: 'storeClass' | 'format') {
  const column = dimension === 'storeClass' ? stores.storeClass : stores.format;
  return db
    .select({ key: column, count: countAll })
    .from(stores)
    .where(inScope(stores.id, visibleStoreIdsSql(actor)))
    .groupBy(column)
    .orderBy(column);
}

export async function countStoresPerRep(db: Db, actor: Actor) {
  const storeIds = visibleStoreIdsSql(actor);
  const rows = await queryRows<{ repId: number; repName: string; count: number }>(
    db,
    sql`
    select u.id as "repId", u.display_name as "repName", count(*)::int as count
    from store_assignments sa join users u on u.id = sa.user_id
    where u.role = 'rep' ${storeIds ? sql`and sa.store_id in ${storeIds}` : sql``}
    group by u.id, u.display_name
    order by count desc, u.display_name`,
  );
  return rows.map((row) => ({ repId: Number(row.repId), repName: row.repName, count: Number(row.count) }));
}

async function getAccountForWrite(db: Db, accountId: number) {
  // Existence only: a manager may open a store of a chain new to their region.
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
  if (!row)
    throw new AppError('validation_failed', 'The account does not exist', [
      { path: 'body.accountId', message: 'unknown account' },
    ]);
}

async function resolveOrgUnitForWrite(
  db: Db,
  actor: Actor,
  orgUnitId: number | null,
): Promise<number | null> {
  const writable = await writableOrgUnitIds(db, actor);
  if (writable === 'all') {
    if (orgUnitId !== null) {
      const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
      if (!row)
        throw new AppError('validation_failed', 'The org unit does not exist', [
          { path: 'body.orgUnitId', message: 'unknown org unit' },
        ]);
    }
    return orgUnitId;
  }
  // A manager's new store lands in their own unit unless they name one of their subtree.
  const target = orgUnitId ?? actor.orgUnitId;
  if (target === null || !writable.has(target))
    throw forbidden('The store must belong to your org unit or below it');
  return target;
}

async function assertCodeFree(db: Db, accountId: number, code: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.accountId, accountId), eq(stores.code, code)));
  if (clash && clash.id !== exceptId) {
    // No id in the answer: the clashing store may be outside the caller's scope.
    throw conflict(`The account already has a store with code ${code}`, { field: 'code' });
  }
}

function auditView(store: Store) {
  const {
    createdAt: _c,
    updatedAt: _u,
    accountCode: _ac,
    accountName: _an,
    orgUnitName: _on,
    reps,
    ...rest
  } = store;
  return { ...rest, repIds: reps.map((rep) => rep.id) };
}
