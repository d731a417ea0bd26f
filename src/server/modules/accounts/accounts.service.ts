import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  accountSortKeys,
  accountStatuses,
  accountTiers,
  type Account,
  type AccountInput,
  type AccountListQuery,
  type AccountUpdate,
} from '../../../core/accounts/accounts.contract';
import { parseSort, type ListResponse } from '../../../core/common/list';
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
import { conflict, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { recordAuditEvent } from '../audit/audit.service';
import { inScope, visibleAccountIdsSql, visibleStoreIdsSql } from '../stores/store-scope';
import { accounts } from './accounts.table';

/** Stores of the account that the actor can see, so a rep's "store count" is their own. */
function storeCountSql(actor: Actor) {
  const storeIds = visibleStoreIdsSql(actor);
  const scope = storeIds ? sql` and s.id in ${storeIds}` : sql``;
  return sql<number>`(select count(*)::int from stores s where s.account_id = ${ref(accounts.id)}${scope})`.mapWith(
    Number,
  );
}

function accountColumns(actor: Actor) {
  return {
    id: accounts.id,
    code: accounts.code,
    name: accounts.name,
    tier: accounts.tier,
    tradeType: accounts.tradeType,
    formats: accounts.formats,
    hqCity: accounts.hqCity,
    status: accounts.status,
    houseRules: accounts.houseRules,
    notes: accounts.notes,
    storeCount: storeCountSql(actor),
    createdAt: accounts.createdAt,
    updatedAt: accounts.updatedAt,
  };
}

type AccountRow = Omit<Account, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
/**
 * A promoter works on a store floor for the chain's own staff to see: they get the account's name and profile,
 * not our negotiating notes (house-rule countermeasures, internal notes).
 */
const toAccount =
  (actor: Actor) =>
  (row: AccountRow): Account => ({
    ...row,
    ...(actor.role === 'promoter' ? { houseRules: {}, notes: null } : {}),
    createdAt: toIso(row.createdAt)!,
    updatedAt: toIso(row.updatedAt)!,
  });

export async function listAccounts(
  db: Db,
  actor: Actor,
  query: AccountListQuery,
): Promise<ListResponse<Account>> {
  const conditions: (SQL | undefined)[] = [inScope(accounts.id, visibleAccountIdsSql(actor))];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(ilike(accounts.name, pattern), ilike(accounts.code, pattern), ilike(accounts.hqCity, pattern)),
    );
  }
  if (query.tier) conditions.push(inArray(accounts.tier, query.tier));
  if (query.tradeType) conditions.push(inArray(accounts.tradeType, query.tradeType));
  if (query.status) conditions.push(inArray(accounts.status, query.status));
  if (query.format) conditions.push(sql`${accounts.formats} && ${sql.param(query.format)}::text[]`);
  const where = and(...conditions);

  const columns = accountColumns(actor);
  const sortColumns = {
    ...columns,
    tier: enumRank(accounts.tier, accountTiers),
    status: enumRank(accounts.status, accountStatuses),
  };
  const sort = parseSort(query.sort, accountSortKeys, 'name');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(accounts)
      .where(where)
      .orderBy(orderByColumn(sortColumns[sort.key], sort.descending), accounts.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(accounts).where(where),
  ]);
  return { items: rows.map(toAccount(actor)), total };
}

/** An account the actor may read; one outside their scope is "not found", so its existence does not leak. */
export async function getAccount(db: Db, actor: Actor, id: number): Promise<Account> {
  const [row] = await db
    .select(accountColumns(actor))
    .from(accounts)
    .where(and(eq(accounts.id, id), inScope(accounts.id, visibleAccountIdsSql(actor))));
  if (!row) throw notFound('Account');
  return toAccount(actor)(row);
}

/** Accounts by code, for imports that name accounts the way the chains' files do. */
export async function findAccountsByCodes(
  db: Db,
  codes: string[],
): Promise<{ id: number; code: string; name: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ id: accounts.id, code: accounts.code, name: accounts.name })
    .from(accounts)
    .where(inArray(accounts.code, codes));
}

export async function createAccount(db: Db, actor: Actor, input: AccountInput): Promise<Account> {
  return db.transaction(async (tx) => {
    await assertUnique(tx, input.code, input.name);
    const [{ id }] = await tx
      .insert(accounts)
      .values({ ...input, hqCity: input.hqCity ?? null, notes: input.notes ?? null })
      .returning({ id: accounts.id });
    const created = await getAccount(tx, actor, id);
    await recordAuditEvent(tx, actor, 'account', id, 'create', null, auditView(created));
    return created;
  });
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: number,
  input: AccountUpdate,
): Promise<Account> {
  return db.transaction(async (tx) => {
    const before = await getAccount(tx, actor, id);
    await assertUnique(tx, input.code, input.name, id);
    const houseRules = input.houseRules ? { ...before.houseRules, ...input.houseRules } : undefined;
    await tx
      .update(accounts)
      .set({ ...input, ...(houseRules ? { houseRules } : {}), updatedAt: new Date() })
      .where(eq(accounts.id, id));
    const after = await getAccount(tx, actor, id);
    await recordAuditEvent(tx, actor, 'account', id, 'update', auditView(before), auditView(after));
    return after;
  });
}

export async function deleteAccount(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getAccount(tx, actor, id);
    const rows = await queryRows<{ stores: number; contacts: number }>(
      tx,
      sql`select
      (select count(*)::int from stores where account_id = ${id}) as stores,
      (select count(*)::int from contacts where account_id = ${id}) as contacts`,
    );
    const usage = { stores: Number(rows[0].stores), contacts: Number(rows[0].contacts) };
    if (usage.stores + usage.contacts > 0) {
      throw conflict('The account still has stores or contacts; set its status to exited instead', usage);
    }
    await tx.delete(accounts).where(eq(accounts.id, id));
    await recordAuditEvent(tx, actor, 'account', id, 'delete', auditView(before), null);
  });
}

export async function countAccountsByTier(db: Db, actor: Actor) {
  const rows = await db
    .select({ tier: accounts.tier, count: countAll })
    .from(accounts)
    .where(inScope(accounts.id, visibleAccountIdsSql(actor)))
    .groupBy(accounts.tier);
  return rows;
}

async function assertUnique(db: Db, code: string | undefined, name: string | undefined, exceptId?: number) {
  if (code === undefined && name === undefined) return;
  const matches = await db
    .select({ id: accounts.id, code: accounts.code, name: accounts.name })
    .from(accounts)
    .where(
      or(
        code !== undefined ? eq(accounts.code, code) : undefined,
        name !== undefined ? eq(accounts.name, name) : undefined,
      ),
    );
  const clash = matches.find((row) => row.id !== exceptId);
  if (clash) {
    const field = clash.code === code ? 'code' : 'name';
    throw conflict(`An account with this ${field} already exists`, { field, id: clash.id });
  }
}

function auditView(account: Account) {
  const { storeCount: _count, createdAt: _created, updatedAt: _updated, ...rest } = account;
  return rest;
}
