import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../core/common/errors';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';
import { makeUser, TEST_PASSWORD } from '../../test/factories';
import { users } from '../users/users.table';
import { apiTokens, sessions } from './auth.table';

type Headers = Record<string, string>;
type TestUser = Awaited<ReturnType<typeof makeUser>>;

function expectError(response: Response, status: number, code: ErrorCode) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<{ error: { code: string; message: string } }>();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error;
}

/** No stack frames, file paths or SQL in an answer meant for clients. */
function expectNoInternals(response: Response) {
  expect(response.body).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node_modules|stack/i);
  expect(response.body).not.toMatch(/\b(select|insert into|update \w+ set|delete from)\b/i);
}

const sessionCookie = (response: Response) =>
  response.cookies.find((cookie) => cookie.name === 'endcap_session');

describe('auth API', () => {
  let t: TestContext;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;

  // trustProxy so x-forwarded-proto counts; a limit of 3 so the limiter is cheap to reach.
  beforeAll(async () => {
    t = await buildTestApp({ trustProxy: true, loginLimit: 3 });
    alice = await makeUser(t.db, { role: 'rep', username: 'alice', displayName: 'Alice' });
    bob = await makeUser(t.db, { role: 'rep', username: 'bob' });
    admin = await makeUser(t.db, { role: 'admin' });
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, remoteAddress = '127.0.0.1', headers: Headers = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers,
    });

  describe('sign-in', () => {
    it('answers the user and a CSRF token and sets an HttpOnly, SameSite=Lax session cookie', async () => {
      const before = Date.now();
      const response = await login('alice', TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toEqual({
        user: {
          id: alice.id,
          username: 'alice',
          displayName: 'Alice',
          role: 'rep',
          orgUnitId: null,
          locale: 'zh-CN',
        },
        csrfToken: expect.stringMatching(/^[\w-]{24,}$/),
      });
      const cookie = sessionCookie(response);
      expect(cookie).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[\w-]{32,}$/);
      expect(cookie?.value).not.toBe(body.csrfToken);
      // The default session lasts 14 days.
      const expires = cookie?.expires?.getTime() ?? 0;
      expect(expires).toBeGreaterThan(before + 14 * 86_400_000 - 60_000);
      expect(expires).toBeLessThan(Date.now() + 14 * 86_400_000 + 60_000);
    });

    it('marks the cookie Secure behind an https proxy', async () => {
      const response = await login('alice', TEST_PASSWORD, '127.0.0.1', { 'x-forwarded-proto': 'https' });
      expect(response.statusCode).toBe(200);
      expect(sessionCookie(response)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    });

    it('takes the username in any case and with surrounding spaces', async () => {
      const response = await login('  ALICE ', TEST_PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json().user.id).toBe(alice.id);
    });

    it('answers a wrong password and an unknown user with the same 401, so usernames do not leak', async () => {
      const wrongPassword = await login('alice', 'not-the-password', '10.0.1.1');
      const unknownUser = await login('nobody-here', TEST_PASSWORD, '10.0.1.1');
      const first = expectError(wrongPassword, 401, 'invalid_credentials');
      const second = expectError(unknownUser, 401, 'invalid_credentials');
      expect(second).toEqual(first);
      expect(wrongPassword.body).not.toContain('alice');
      expect(sessionCookie(wrongPassword)).toBeUndefined();
    });

    it('refuses an inactive user even with the right password', async () => {
      const retired = await makeUser(t.db, { isActive: false });
      const response = await login(retired.username, TEST_PASSWORD, '10.0.2.1');
      expect(expectError(response, 401, 'invalid_credentials').message).toBe('Wrong username or password');
      expect(sessionCookie(response)).toBeUndefined();
    });

    it('answers 400 with field paths for a malformed sign-in', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: '' },
      });
      const error = expectError(response, 400, 'validation_failed');
      expect(error).toMatchObject({
        details: expect.arrayContaining([
          expect.objectContaining({ path: 'body.username' }),
          expect.objectContaining({ path: 'body.password' }),
        ]),
      });
    });
  });

  describe('sessions and CSRF', () => {
    it('answers 401 unauthenticated without a session or with an unknown cookie', async () => {
      expectError(await t.app.inject({ url: '/api/auth/me' }), 401, 'unauthenticated');
      expectError(
        await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'endcap_session=forged' } }),
        401,
        'unauthenticated',
      );
      expectError(
        await t.app.inject({ method: 'POST', url: '/api/auth/tokens', payload: { name: 'x' } }),
        401,
        'unauthenticated',
      );
    });

    it('GET /api/auth/me returns the user and the session’s CSRF token', async () => {
      const headers = await sessionHeaders(t.app, 'bob');
      const response = await t.app.inject({ url: '/api/auth/me', headers: { cookie: headers.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        user: {
          id: bob.id,
          username: 'bob',
          displayName: bob.displayName,
          role: 'rep',
          orgUnitId: null,
          locale: 'zh-CN',
        },
        csrfToken: headers['x-csrf-token'],
      });
    });

    it('needs the x-csrf-token header on every unsafe request of a cookie session, and none on GET', async () => {
      const headers = await sessionHeaders(t.app, 'bob');
      const cookieOnly = { cookie: headers.cookie };
      const otherSession = await sessionHeaders(t.app, 'bob');
      expect(otherSession['x-csrf-token']).not.toBe(headers['x-csrf-token']);

      const attempts = [
        { method: 'POST' as const, url: '/api/auth/tokens', payload: { name: 'csrf' } },
        { method: 'PUT' as const, url: '/api/auth/me/preferences', payload: { locale: 'en' } },
        {
          method: 'POST' as const,
          url: '/api/auth/me/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'stolen-password' },
        },
        { method: 'DELETE' as const, url: '/api/auth/tokens/1' },
      ];
      for (const attempt of attempts) {
        expectError(await t.app.inject({ ...attempt, headers: cookieOnly }), 403, 'csrf_failed');
        expectError(
          await t.app.inject({ ...attempt, headers: { ...cookieOnly, 'x-csrf-token': 'wrong' } }),
          403,
          'csrf_failed',
        );
        // A token belongs to its own session.
        expectError(
          await t.app.inject({
            ...attempt,
            headers: { ...cookieOnly, 'x-csrf-token': otherSession['x-csrf-token'] },
          }),
          403,
          'csrf_failed',
        );
      }
      // Nothing of the above happened.
      const tokens = await t.app.inject({ url: '/api/auth/tokens', headers: cookieOnly });
      expect(tokens.json().items.map((token: { name: string }) => token.name)).not.toContain('csrf');
      expect((await t.app.inject({ url: '/api/auth/me', headers: cookieOnly })).json().user.locale).toBe(
        'zh-CN',
      );
      expect((await login('bob', TEST_PASSWORD)).statusCode).toBe(200);

      const withToken = await t.app.inject({
        method: 'PUT',
        url: '/api/auth/me/preferences',
        headers,
        payload: { locale: 'zh-CN' },
      });
      expect(withToken.statusCode).toBe(200);
    });

    it('PATCH on another module needs the header too', async () => {
      const headers = await sessionHeaders(t.app, admin.username);
      const refused = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${bob.id}`,
        headers: { cookie: headers.cookie },
        payload: { displayName: 'Hijacked' },
      });
      expectError(refused, 403, 'csrf_failed');
      const [row] = await t.db
        .select({ displayName: users.displayName })
        .from(users)
        .where(eq(users.id, bob.id));
      expect(row.displayName).toBe(bob.displayName);
    });

    it('ends a session when it expires', async () => {
      const headers = await sessionHeaders(t.app, 'bob');
      const tokenHash = createHash('sha256')
        .update(headers.cookie.replace('endcap_session=', ''))
        .digest('hex');
      await t.db
        .update(sessions)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(sessions.tokenHash, tokenHash));
      expectError(await t.app.inject({ url: '/api/auth/me', headers }), 401, 'unauthenticated');
    });

    it('signs out: the cookie is cleared and no longer works', async () => {
      const headers = await sessionHeaders(t.app, 'alice');
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      const cleared = sessionCookie(response);
      expect(cleared?.value).toBe('');
      expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
      expectError(await t.app.inject({ url: '/api/auth/me', headers }), 401, 'unauthenticated');
      // Signing out twice, or without a session, is harmless.
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    });

    it('refuses to sign out a live session without its CSRF token', async () => {
      const headers = await sessionHeaders(t.app, 'alice');
      const forged = await t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: headers.cookie },
      });
      expectError(forged, 403, 'csrf_failed');
      expect((await t.app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(200);
    });

    it('lets a browser with a live session sign in again without a CSRF token', async () => {
      const headers = await sessionHeaders(t.app, 'alice');
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie: headers.cookie },
        payload: { username: 'bob', password: TEST_PASSWORD },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json().user.id).toBe(bob.id);
    });
  });

  describe('personal API tokens', () => {
    it('creates a token whose secret is shown once and kept only as a hash', async () => {
      const headers = await sessionHeaders(t.app, 'alice');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers,
        payload: { name: 'ERP sync' },
      });
      expect(created.statusCode).toBe(201);
      const token = created.json();
      expect(token).toEqual({
        id: expect.any(Number),
        name: 'ERP sync',
        prefix: token.token.slice(0, 10),
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
        token: expect.stringMatching(/^ecp_[\w-]{40,}$/),
      });

      const listed = await t.app.inject({ url: '/api/auth/tokens', headers });
      expect(listed.statusCode).toBe(200);
      const item = listed.json().items.find((candidate: { id: number }) => candidate.id === token.id);
      expect(item).toEqual({
        id: token.id,
        name: 'ERP sync',
        prefix: token.prefix,
        createdAt: token.createdAt,
        lastUsedAt: null,
        expiresAt: null,
      });
      expect(listed.body).not.toContain(token.token);
      expect(listed.body).not.toContain('tokenHash');

      const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.tokenHash).not.toContain(token.token);

      const me = await t.app.inject({
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${token.token}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual({
        user: expect.objectContaining({ id: alice.id, username: 'alice' }),
        csrfToken: '',
      });
      const afterUse = await t.app.inject({ url: '/api/auth/tokens', headers });
      expect(
        afterUse.json().items.find((candidate: { id: number }) => candidate.id === token.id).lastUsedAt,
      ).toEqual(expect.any(String));
    });

    it('needs no CSRF header for bearer calls', async () => {
      const bearer = await tokenHeaders(t.database, bob.actor);
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: bearer,
        payload: { name: 'script' },
      });
      expect(created.statusCode).toBe(201);
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/auth/me/preferences',
        headers: bearer,
        payload: { locale: 'zh-CN' },
      });
      expect(saved.statusCode).toBe(200);
    });

    it('revokes a token, which then gets 401', async () => {
      const headers = await sessionHeaders(t.app, 'alice');
      const token = (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers,
          payload: { name: 'to revoke' },
        })
      ).json();
      const bearer = { authorization: `Bearer ${token.token}` };
      expect((await t.app.inject({ url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);

      const revoked = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${token.id}`, headers });
      expect(revoked.statusCode).toBe(204);
      expectError(await t.app.inject({ url: '/api/auth/me', headers: bearer }), 401, 'unauthenticated');
      const listed = await t.app.inject({ url: '/api/auth/tokens', headers });
      expect(listed.json().items.map((item: { id: number }) => item.id)).not.toContain(token.id);
      expectError(
        await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${token.id}`, headers }),
        404,
        'not_found',
      );
    });

    it('does not let one user revoke another’s token (404)', async () => {
      const aliceHeaders = await sessionHeaders(t.app, 'alice');
      const token = (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: aliceHeaders,
          payload: { name: 'mine' },
        })
      ).json();
      const bobBearer = await tokenHeaders(t.database, bob.actor);
      expectError(
        await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${token.id}`, headers: bobBearer }),
        404,
        'not_found',
      );
      const bobList = await t.app.inject({ url: '/api/auth/tokens', headers: bobBearer });
      expect(bobList.json().items.map((item: { id: number }) => item.id)).not.toContain(token.id);
      expect(
        (await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token.token}` } }))
          .statusCode,
      ).toBe(200);
    });

    it('refuses expired, unknown and malformed tokens', async () => {
      const bearer = await tokenHeaders(t.database, alice.actor);
      const created = (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/tokens',
          headers: bearer,
          payload: { name: 'short-lived', expiresInDays: 1 },
        })
      ).json();
      const expiresIn = new Date(created.expiresAt).getTime() - Date.now();
      expect(expiresIn).toBeGreaterThan(86_400_000 - 60_000);
      expect(expiresIn).toBeLessThanOrEqual(86_400_000);
      const own = { authorization: `Bearer ${created.token}` };
      expect((await t.app.inject({ url: '/api/auth/me', headers: own })).statusCode).toBe(200);

      await t.db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.id, created.id));
      expectError(await t.app.inject({ url: '/api/auth/me', headers: own }), 401, 'unauthenticated');
      expectError(
        await t.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer ecp_unknown' } }),
        401,
        'unauthenticated',
      );
      expectError(
        await t.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer not-ours' } }),
        401,
        'unauthenticated',
      );
    });

    it('validates the token request', async () => {
      const bearer = await tokenHeaders(t.database, alice.actor);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: bearer,
        payload: { name: ' ', expiresInDays: 0 },
      });
      const error = expectError(response, 400, 'validation_failed');
      expect(error).toMatchObject({
        details: expect.arrayContaining([
          expect.objectContaining({ path: 'body.name' }),
          expect.objectContaining({ path: 'body.expiresInDays' }),
        ]),
      });
      expectError(
        await t.app.inject({ method: 'DELETE', url: '/api/auth/tokens/abc', headers: bearer }),
        400,
        'validation_failed',
      );
    });
  });

  describe('passwords and preferences', () => {
    it('stores passwords as argon2id hashes and never returns them', async () => {
      const rows = await t.db
        .select({ username: users.username, passwordHash: users.passwordHash })
        .from(users);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

      const headers = await sessionHeaders(t.app, admin.username);
      const answers = [
        await login('alice', TEST_PASSWORD),
        await t.app.inject({ url: '/api/auth/me', headers }),
        await t.app.inject({ url: '/api/users', headers }),
        await t.app.inject({ url: `/api/users/${alice.id}`, headers }),
      ];
      for (const answer of answers) {
        expect(answer.statusCode).toBe(200);
        expect(answer.body).not.toMatch(/"password(Hash)?"|\$argon2/);
      }
    });

    it('changes the password only with the right current password', async () => {
      const carol = await makeUser(t.db, { username: 'carol' });
      const headers = await sessionHeaders(t.app, 'carol');
      const change = (payload: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/api/auth/me/password', headers, payload });

      const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'brand-new-secret' });
      expect(expectError(wrong, 400, 'validation_failed')).toMatchObject({
        details: [{ path: 'body.currentPassword' }],
      });
      const tooShort = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });
      expect(expectError(tooShort, 400, 'validation_failed')).toMatchObject({
        details: [{ path: 'body.newPassword' }],
      });
      expect((await login('carol', TEST_PASSWORD)).statusCode).toBe(200);

      const changed = await change({ currentPassword: TEST_PASSWORD, newPassword: 'brand-new-secret' });
      expect(changed.statusCode).toBe(204);
      expectError(await login('carol', TEST_PASSWORD, '10.0.3.1'), 401, 'invalid_credentials');
      const fresh = await login('carol', 'brand-new-secret');
      expect(fresh.statusCode).toBe(200);
      expect(fresh.json().user.id).toBe(carol.id);
      const [row] = await t.db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, carol.id));
      expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
    });

    it('saves the language, which the next sign-in returns', async () => {
      const dave = await makeUser(t.db, { username: 'dave' });
      const headers = await sessionHeaders(t.app, 'dave');
      const saved = await t.app.inject({
        method: 'PUT',
        url: '/api/auth/me/preferences',
        headers,
        payload: { locale: 'en' },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toEqual({ locale: 'en' });
      expect((await t.app.inject({ url: '/api/auth/me', headers })).json().user.locale).toBe('en');
      const again = await login('dave', TEST_PASSWORD);
      expect(again.json().user).toMatchObject({ id: dave.id, locale: 'en' });

      const invalid = await t.app.inject({
        method: 'PUT',
        url: '/api/auth/me/preferences',
        headers,
        payload: { locale: 'fr' },
      });
      expect(expectError(invalid, 400, 'validation_failed')).toMatchObject({
        details: [{ path: 'body.locale' }],
      });
    });
  });

  describe('sign-in rate limit (3 failures per username, 9 per address)', () => {
    it('locks a username after 3 failures, even with the right password and from another address', async () => {
      await makeUser(t.db, { username: 'erin' });
      for (let attempt = 0; attempt < 3; attempt++) {
        expectError(await login('erin', 'guess-' + attempt, '10.1.0.1'), 401, 'invalid_credentials');
      }
      const locked = await login('erin', TEST_PASSWORD, '10.1.0.1');
      const error = expectError(locked, 429, 'rate_limited');
      expect(error).toMatchObject({ details: { retryAfterSeconds: expect.any(Number) } });
      expect(sessionCookie(locked)).toBeUndefined();
      expectError(await login('ERIN', TEST_PASSWORD, '10.1.0.2'), 429, 'rate_limited');
      // Another username from the same address still signs in.
      expect((await login('bob', TEST_PASSWORD, '10.1.0.1')).statusCode).toBe(200);
    });

    it('locks an address after 3 × limit failures, whichever usernames it tried', async () => {
      const address = '10.2.0.1';
      for (const name of ['ghost-a', 'ghost-b', 'ghost-c']) {
        for (let attempt = 0; attempt < 3; attempt++) {
          // The ninth failure is still answered as a failure; the lock applies from the next attempt.
          if (name === 'ghost-c' && attempt === 2) {
            expect((await login('bob', TEST_PASSWORD, address)).statusCode).toBe(200);
          }
          expectError(await login(name, 'guess', address), 401, 'invalid_credentials');
        }
      }
      expectError(await login('bob', TEST_PASSWORD, address), 429, 'rate_limited');
      expect((await login('bob', TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    });

    it('resets a username’s count on a successful sign-in', async () => {
      await makeUser(t.db, { username: 'frank' });
      const address = '10.3.0.1';
      for (let round = 0; round < 2; round++) {
        expectError(await login('frank', 'guess-1', address), 401, 'invalid_credentials');
        expectError(await login('frank', 'guess-2', address), 401, 'invalid_credentials');
        expect((await login('frank', TEST_PASSWORD, address)).statusCode).toBe(200);
      }
    });
  });

  describe('the closed error shape', () => {
    it('answers malformed JSON with 400 validation_failed and no internals', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"username": "alice", ',
      });
      expectError(response, 400, 'validation_failed');
      expect(Object.keys(response.json().error).sort()).toEqual(['code', 'message']);
      expectNoInternals(response);
    });

    it('answers a body of an unknown type with 400 validation_failed', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/xml' },
        payload: '<login><username>alice</username></login>',
      });
      expectError(response, 400, 'validation_failed');
      expectNoInternals(response);
    });

    it('answers an unknown /api route with a JSON 404, signed in or not', async () => {
      const anonymous = await t.app.inject({ url: '/api/no-such-thing?x=1' });
      expect(expectError(anonymous, 404, 'not_found').message).toBe('No route GET /api/no-such-thing');
      const headers = await sessionHeaders(t.app, 'bob');
      expectError(
        await t.app.inject({ method: 'DELETE', url: '/api/auth/nothing', headers }),
        404,
        'not_found',
      );
    });

    it('answers a database conflict with 409 and a database failure with 500, without SQL or stack traces', async () => {
      // Constraints the service does not know about, so the database itself refuses the insert.
      await t.db.execute(
        sql`create unique index api_tokens_test_name_idx on api_tokens (user_id, name) where name like 'dup-%'`,
      );
      await t.db.execute(sql`create function api_tokens_test_boom() returns trigger language plpgsql as $$
        begin
          if new.name = 'boom' then raise exception 'select password_hash from users where id = %', new.user_id; end if;
          return new;
        end $$`);
      await t.db.execute(
        sql`create trigger api_tokens_test_boom before insert on api_tokens for each row execute function api_tokens_test_boom()`,
      );
      try {
        const bearer = await tokenHeaders(t.database, bob.actor);
        const create = (name: string) =>
          t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: bearer, payload: { name } });
        expect((await create('dup-1')).statusCode).toBe(201);

        const duplicate = await create('dup-1');
        expect(duplicate.json()).toEqual({
          error: { code: 'conflict', message: 'The change conflicts with existing data' },
        });
        expect(duplicate.statusCode).toBe(409);
        expectNoInternals(duplicate);
        expect(duplicate.body).not.toContain('api_tokens');

        const failure = await create('boom');
        expect(failure.statusCode).toBe(500);
        expect(failure.json()).toEqual({
          error: { code: 'internal', message: expect.stringMatching(/^Internal error \(request [\w-]+\)$/) },
        });
        expectNoInternals(failure);
        expect(failure.body).not.toContain('password_hash');
      } finally {
        await t.db.execute(sql`drop trigger api_tokens_test_boom on api_tokens`);
        await t.db.execute(sql`drop function api_tokens_test_boom()`);
        await t.db.execute(sql`drop index api_tokens_test_name_idx`);
      }
    });
  });
});

describe('changing one’s own password', () => {
  it('ends the user’s other sessions and keeps the one that made the change', async () => {
    const t = await buildTestApp();
    try {
      const user = await makeUser(t.db, { role: 'rep' });
      const phone = await sessionHeaders(t.app, user.username);
      const laptop = await sessionHeaders(t.app, user.username);
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/auth/me/password',
        headers: laptop,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await t.app.inject({ url: '/api/auth/me', headers: laptop })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/auth/me', headers: phone })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('sign-in options', () => {
  it('names the demo logins only in demo mode', async () => {
    const plain = await buildTestApp();
    const demo = await buildTestApp({ demo: true });
    try {
      const none = await plain.app.inject({ url: '/api/auth/sign-in-options' });
      expect(none.json()).toEqual({ demoLogins: [], demoPassword: null });
      const listed = await demo.app.inject({ url: '/api/auth/sign-in-options' });
      expect(listed.json()).toEqual({
        demoLogins: ['admin', 'hq', 'manager', 'rep', 'promoter', 'finance'],
        demoPassword: 'endcap-demo',
      });
    } finally {
      await plain.close();
      await demo.close();
    }
  });
});
