import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { ApiToken, CreateApiToken, SessionUser } from '../../../core/auth/auth.contract';
import type { Db } from '../../db/client';
import { toIso } from '../../db/sql-helpers';
import { AppError, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { findActiveUserById, findUserForLogin, markUserLogin, setUserPassword } from '../users/users.service';
import { verifyAgainstDummy, verifyPassword } from '../users/password';
import { apiTokens, sessions } from './auth.table';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

type UserRow = NonNullable<Awaited<ReturnType<typeof findActiveUserById>>>;
const toActor = (user: UserRow): Actor => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  orgUnitId: user.orgUnitId,
  locale: user.locale,
});
export const toSessionUser = (actor: Actor): SessionUser => ({ ...actor });

/** Checks a username and password; throws invalid_credentials without saying which was wrong. */
export async function verifyCredentials(db: Db, username: string, password: string): Promise<Actor> {
  const user = await findUserForLogin(db, username);
  if (!user) {
    await verifyAgainstDummy(password);
    throw new AppError('invalid_credentials', 'Wrong username or password');
  }
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || !user.isActive) throw new AppError('invalid_credentials', 'Wrong username or password');
  return toActor(user);
}

export async function createSession(
  db: Db,
  actor: Actor,
  options: { days: number; ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + options.days * 86_400_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: actor.id,
    csrfToken,
    expiresAt,
    ip: options.ip ?? null,
    userAgent: options.userAgent?.slice(0, 300) ?? null,
  });
  await markUserLogin(db, actor.id);
  // Expired sessions are swept at sign-in, which is frequent enough to keep the table small.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!session) return null;
  const user = await findActiveUserById(db, session.userId);
  return user ? { actor: toActor(user), csrfToken: session.csrfToken } : null;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * A user changes their own password: the current one must be right. Their other sessions end
 * (a changed password is often a reaction to a lost phone); the session making the change stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentSessionToken: string | undefined,
): Promise<void> {
  const user = await findUserForLogin(db, actor.username);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is wrong', [
      { path: 'body.currentPassword', message: 'wrong password' },
    ]);
  }
  await setUserPassword(db, actor, actor.id, input.newPassword);
  const keep = currentSessionToken ? sha256(currentSessionToken) : '';
  await db.delete(sessions).where(and(eq(sessions.userId, actor.id), ne(sessions.tokenHash, keep)));
}

const TOKEN_PREFIX = 'ecp_';

export async function createApiToken(
  db: Db,
  actor: Actor,
  input: CreateApiToken,
): Promise<ApiToken & { token: string }> {
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: input.name,
      tokenHash: sha256(token),
      prefix: token.slice(0, 10),
      expiresAt,
    })
    .returning();
  return { ...toApiToken(row), token };
}

export async function listApiTokens(db: Db, actor: Actor): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

export async function revokeApiToken(db: Db, actor: Actor, id: number): Promise<void> {
  const result = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (result.length === 0) throw notFound('API token');
}

export async function resolveApiToken(db: Db, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = new Date();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  if (!row) return null;
  const user = await findActiveUserById(db, row.userId);
  if (!user) return null;
  // Record use at most once a minute, so a busy script does not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return toActor(user);
}

function toApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: toIso(row.createdAt)!,
    lastUsedAt: toIso(row.lastUsedAt),
    expiresAt: toIso(row.expiresAt),
  };
}
