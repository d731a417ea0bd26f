import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { addDays, businessToday } from '../../../core/common/time';
import { parseSort, type ListResponse } from '../../../core/common/list';
import {
  contactRoles,
  contactSortKeys,
  type Contact,
  type ContactInput,
  type ContactListQuery,
  type ContactUpdate,
} from '../../../core/contacts/contacts.contract';
import type { Db } from '../../db/client';
import { containsPattern, countAll, enumRank, orderByColumn, toIso } from '../../db/sql-helpers';
import { AppError, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { accounts } from '../accounts/accounts.table';
import { recordAuditEvent } from '../audit/audit.service';
import { visibleAccountIdsSql, visibleStoreIdsSql } from '../stores/store-scope';
import { stores } from '../stores/stores.table';
import { contacts } from './contacts.table';

const contactColumns = {
  id: contacts.id,
  accountId: contacts.accountId,
  accountName: accounts.name,
  storeId: contacts.storeId,
  storeName: stores.name,
  name: contacts.name,
  role: contacts.role,
  title: contacts.title,
  phone: contacts.phone,
  wechat: contacts.wechat,
  email: contacts.email,
  birthday: contacts.birthday,
  notes: contacts.notes,
  lastContactedOn: contacts.lastContactedOn,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};

type ContactRow = Omit<Contact, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toContact = (row: ContactRow): Contact => ({
  ...row,
  createdAt: toIso(row.createdAt)!,
  updatedAt: toIso(row.updatedAt)!,
});

/**
 * A store contact is visible with its store; an account-level contact (an HQ buyer)
 * with its account, so a rep sees the HQ people of the chains whose stores they work.
 * A promoter works inside one store: its people, not the chain's HQ buyers and their relationship notes.
 */
export function contactScope(actor: Actor): SQL | undefined {
  const storeIds = visibleStoreIdsSql(actor);
  const accountIds = visibleAccountIdsSql(actor);
  if (!storeIds || !accountIds) return undefined;
  const ofStores = sql`${contacts.storeId} in ${storeIds}`;
  if (actor.role === 'promoter') return ofStores;
  return or(ofStores, and(isNull(contacts.storeId), sql`${contacts.accountId} in ${accountIds}`));
}

export function contactListConditions(
  actor: Actor,
  query: Omit<ContactListQuery, 'limit' | 'offset' | 'sort'>,
) {
  const conditions: (SQL | undefined)[] = [contactScope(actor)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(
        ilike(contacts.name, pattern),
        ilike(contacts.phone, pattern),
        ilike(contacts.wechat, pattern),
        ilike(contacts.title, pattern),
      ),
    );
  }
  if (query.accountId) conditions.push(inArray(contacts.accountId, query.accountId));
  if (query.storeId) conditions.push(inArray(contacts.storeId, query.storeId));
  if (query.role) conditions.push(inArray(contacts.role, query.role));
  if (query.staleDays) {
    const cutoff = addDays(businessToday(), -query.staleDays);
    conditions.push(or(isNull(contacts.lastContactedOn), sql`${contacts.lastContactedOn} <= ${cutoff}`));
  }
  return and(...conditions);
}

const sortColumns = {
  name: contacts.name,
  role: enumRank(contacts.role, contactRoles),
  accountName: accounts.name,
  storeName: stores.name,
  lastContactedOn: contacts.lastContactedOn,
  updatedAt: contacts.updatedAt,
};

export async function listContacts(
  db: Db,
  actor: Actor,
  query: ContactListQuery,
): Promise<ListResponse<Contact>> {
  const where = contactListConditions(actor, query);
  const sort = parseSort(query.sort, contactSortKeys, 'name');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(contactColumns)
      .from(contacts)
      .innerJoin(accounts, eq(accounts.id, contacts.accountId))
      .leftJoin(stores, eq(stores.id, contacts.storeId))
      .where(where)
      .orderBy(orderByColumn(sortColumns[sort.key], sort.descending), contacts.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(contacts).where(where),
  ]);
  return { items: rows.map(toContact), total };
}

export async function getContact(db: Db, actor: Actor, id: number): Promise<Contact> {
  const [row] = await db
    .select(contactColumns)
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(stores, eq(stores.id, contacts.storeId))
    .where(and(eq(contacts.id, id), contactScope(actor)));
  if (!row) throw notFound('Contact');
  return toContact(row);
}

/**
 * Where a contact may be placed by this actor: the store must be in their scope (its account is then implied),
 * an account-only contact needs an account they can read. Returns the account id to store.
 */
export async function resolveContactPlacement(
  db: Db,
  actor: Actor,
  accountId: number | null | undefined,
  storeId: number | null | undefined,
): Promise<{ accountId: number; storeId: number | null }> {
  if (storeId != null) {
    const storeIds = visibleStoreIdsSql(actor);
    const [store] = await db
      .select({ id: stores.id, accountId: stores.accountId })
      .from(stores)
      .where(and(eq(stores.id, storeId), storeIds ? sql`${stores.id} in ${storeIds}` : undefined));
    if (!store) throw invalid('storeId', 'unknown store, or outside your scope');
    if (accountId != null && accountId !== store.accountId)
      throw invalid('accountId', 'the store belongs to another account');
    return { accountId: store.accountId, storeId: store.id };
  }
  if (accountId == null) throw invalid('accountId', 'a contact needs an account or a store');
  const accountIds = visibleAccountIdsSql(actor);
  const [account] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), accountIds ? sql`${accounts.id} in ${accountIds}` : undefined));
  if (!account) throw invalid('accountId', 'unknown account, or outside your scope');
  return { accountId: account.id, storeId: null };
}

export async function createContact(db: Db, actor: Actor, input: ContactInput): Promise<Contact> {
  return db.transaction(async (tx) => {
    const placement = await resolveContactPlacement(tx, actor, input.accountId, input.storeId);
    const [{ id }] = await tx
      .insert(contacts)
      .values({ ...emptyToNull(input), ...placement })
      .returning({ id: contacts.id });
    const created = await getContact(tx, actor, id);
    await recordAuditEvent(tx, actor, 'contact', id, 'create', null, auditView(created));
    return created;
  });
}

export async function updateContact(
  db: Db,
  actor: Actor,
  id: number,
  input: ContactUpdate,
): Promise<Contact> {
  return db.transaction(async (tx) => {
    const before = await getContact(tx, actor, id);
    const movesPlacement = input.accountId !== undefined || input.storeId !== undefined;
    const placement = movesPlacement
      ? await resolveContactPlacement(
          tx,
          actor,
          input.accountId !== undefined ? input.accountId : input.storeId === null ? before.accountId : null,
          input.storeId !== undefined ? input.storeId : before.storeId,
        )
      : {};
    await tx
      .update(contacts)
      .set({ ...emptyToNull(input), ...placement, updatedAt: new Date() })
      .where(eq(contacts.id, id));
    const after = await getContact(tx, actor, id);
    await recordAuditEvent(tx, actor, 'contact', id, 'update', auditView(before), auditView(after));
    return after;
  });
}

export async function deleteContact(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getContact(tx, actor, id);
    await tx.delete(contacts).where(eq(contacts.id, id));
    await recordAuditEvent(tx, actor, 'contact', id, 'delete', auditView(before), null);
  });
}

export async function countStaleContacts(db: Db, actor: Actor, days: number) {
  const cutoff = addDays(businessToday(), -days);
  const scope = contactScope(actor);
  const [row] = await db
    .select({
      total: countAll,
      stale:
        sql<number>`count(*) filter (where ${contacts.lastContactedOn} is null or ${contacts.lastContactedOn} <= ${cutoff})::int`.mapWith(
          Number,
        ),
    })
    .from(contacts)
    .where(scope);
  return row;
}

function invalid(field: string, message: string) {
  return new AppError('validation_failed', message, [{ path: `body.${field}`, message }]);
}

/** The contact's own fields (placement is resolved separately); empty strings from forms become NULL. */
function emptyToNull<T extends { accountId?: unknown; storeId?: unknown }>(
  input: T,
): Omit<T, 'accountId' | 'storeId'> {
  const { accountId: _a, storeId: _s, ...rest } = input;
  return Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, value === '' ? null : value]),
  ) as Omit<T, 'accountId' | 'storeId'>;
}

function auditView(contact: Contact) {
  const { createdAt: _c, updatedAt: _u, accountName: _a, storeName: _s, ...rest } = contact;
  return rest;
}
