import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../../core/auth/roles';
import { roles, scopeKindOf } from '../../../core/auth/roles';
import type { Locale } from '../../../core/auth/auth.contract';
import { parseSort, type ListResponse } from '../../../core/common/list';
import type { User, UserCreate, UserListQuery, UserUpdate } from '../../../core/org/org.contract';
import type { Db } from '../../db/client';
import { containsPattern, countAll, enumRank, orderByColumn, toIso } from '../../db/sql-helpers';
import { AppError, conflict, forbidden, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { recordAuditEvent } from '../audit/audit.service';
import { getOrgUnit, orgSubtreeIdsSql } from '../org-units/org-units.service';
import { orgUnits } from '../org-units/org-units.table';
import { hashPassword } from './password';
import { users } from './users.table';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  phone: users.phone,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  isActive: users.isActive,
  locale: users.locale,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

const userSortKeys = ['username', 'displayName', 'role', 'lastLoginAt'] as const;
const sortColumns = {
  username: users.username,
  displayName: users.displayName,
  role: enumRank(users.role, roles),
  lastLoginAt: users.lastLoginAt,
};

type UserRow = { lastLoginAt: Date | null; createdAt: Date } & Omit<User, 'lastLoginAt' | 'createdAt'>;
const toUser = (row: UserRow): User => ({
  ...row,
  lastLoginAt: toIso(row.lastLoginAt),
  createdAt: toIso(row.createdAt)!,
});

/** Users an actor may see: everyone for HQ roles, their org subtree for managers, themselves otherwise. */
function userScope(actor: Actor): SQL | undefined {
  switch (scopeKindOf(actor.role)) {
    case 'all':
      return undefined;
    case 'org_subtree':
      return actor.orgUnitId === null
        ? eq(users.id, actor.id)
        : or(eq(users.id, actor.id), sql`${users.orgUnitId} in ${orgSubtreeIdsSql(actor.orgUnitId)}`);
    case 'assigned_stores':
      return eq(users.id, actor.id);
  }
}

export async function listUsers(db: Db, actor: Actor, query: UserListQuery): Promise<ListResponse<User>> {
  const conditions: (SQL | undefined)[] = [userScope(actor)];
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      or(ilike(users.username, pattern), ilike(users.displayName, pattern), ilike(users.phone, pattern)),
    );
  }
  if (query.role) conditions.push(inArray(users.role, query.role));
  if (query.orgUnitId) conditions.push(sql`${users.orgUnitId} in ${orgSubtreeIdsSql(query.orgUnitId)}`);
  if (query.isActive !== undefined) conditions.push(eq(users.isActive, query.isActive));
  const where = and(...conditions);
  const sort = parseSort(query.sort, userSortKeys, 'username');
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(where)
      .orderBy(orderByColumn(sortColumns[sort.key], sort.descending), users.id)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total };
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<User> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, id), userScope(actor)));
  if (!row) throw notFound('User');
  return toUser(row);
}

/** For sign-in only: includes the password hash. */
export async function findUserForLogin(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  return row ?? null;
}

export async function findActiveUserById(db: Db, id: number) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), eq(users.isActive, true)));
  return row ?? null;
}

/** Users with the given ids and roles, for checks such as "every assigned rep is a rep". */
export async function findUsersByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      orgUnitId: users.orgUnitId,
      isActive: users.isActive,
    })
    .from(users)
    .where(inArray(users.id, ids));
}

export async function findUsersByUsernames(db: Db, usernames: string[]) {
  if (usernames.length === 0) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      orgUnitId: users.orgUnitId,
      isActive: users.isActive,
    })
    .from(users)
    .where(
      inArray(
        users.username,
        usernames.map((name) => name.toLowerCase()),
      ),
    );
}

export async function createUser(db: Db, actor: Actor, input: UserCreate): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (input.orgUnitId != null) await assertOrgUnitExists(tx, input.orgUnitId);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.username));
    if (existing) throw conflict(`Username ${input.username} is taken`, { field: 'username' });
    const [{ id }] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phone: input.phone ?? null,
        role: input.role,
        orgUnitId: input.orgUnitId ?? null,
        isActive: input.isActive,
        passwordHash,
      })
      .returning({ id: users.id });
    const created = await getUser(tx, actor, id);
    await recordAuditEvent(tx, actor, 'user', id, 'create', null, auditView(created));
    return created;
  });
}

export async function updateUser(db: Db, actor: Actor, id: number, input: UserUpdate): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (tx) => {
    const before = await getUser(tx, actor, id);
    if (input.orgUnitId != null) await assertOrgUnitExists(tx, input.orgUnitId);
    if (id === actor.id && (input.isActive === false || (input.role && input.role !== actor.role))) {
      // An admin locking themselves out (or demoting themselves) is almost always a slip.
      throw forbidden('You cannot deactivate yourself or change your own role');
    }
    const { password: _password, ...fields } = input;
    await tx
      .update(users)
      .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
      .where(eq(users.id, id));
    const after = await getUser(tx, actor, id);
    await recordAuditEvent(
      tx,
      actor,
      'user',
      id,
      'update',
      { ...auditView(before), passwordChanged: false },
      {
        ...auditView(after),
        passwordChanged: Boolean(passwordHash),
      },
    );
    return after;
  });
}

export async function setUserPassword(db: Db, actor: Actor, id: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id));
    await recordAuditEvent(
      tx,
      actor,
      'user',
      id,
      'update',
      { passwordChanged: false },
      { passwordChanged: true },
    );
  });
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function markUserLogin(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

export async function countUsers(db: Db): Promise<number> {
  const [{ total }] = await db.select({ total: countAll }).from(users);
  return total;
}

/** A bad org unit id in the request body is the client's input error, not a missing resource. */
async function assertOrgUnitExists(db: Db, orgUnitId: number): Promise<void> {
  try {
    await getOrgUnit(db, orgUnitId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('validation_failed', 'The org unit does not exist', [
        { path: 'body.orgUnitId', message: 'unknown org unit' },
      ]);
    }
    throw error;
  }
}

/** Whether the user can be given stores to work: reps and promoters. */
export const isFieldRole = (role: Role) => role === 'rep' || role === 'promoter';

function auditView(user: User) {
  const { lastLoginAt: _lastLogin, createdAt: _created, orgUnitName: _orgName, ...rest } = user;
  return rest;
}
