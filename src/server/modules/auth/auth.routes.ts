import { z } from 'zod';
import {
  apiTokenSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  loginRequestSchema,
  preferencesSchema,
  sessionResponseSchema,
  signInOptionsSchema,
} from '../../../core/auth/auth.contract';
import { DEMO_PASSWORD, demoLogins } from '../../db/demo/demo-data';
import { idParamSchema } from '../../../core/common/list';
import { passwordSchema } from '../../../core/org/org.contract';
import { AppError } from '../../http/app-error';
import { anyUser, publicAccess } from '../../http/access';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { setUserLocale } from '../users/users.service';
import {
  changeOwnPassword,
  createApiToken,
  createSession,
  deleteSession,
  listApiTokens,
  revokeApiToken,
  toSessionUser,
  verifyCredentials,
} from './auth.service';
import { createLoginLimiter } from './login-limiter';

const tags = ['auth'];

export function registerAuthRoutes(app: App, { database, config }: RouteContext): void {
  const { db } = database;
  const limiter = createLoginLimiter(config.loginLimit);

  app.post(
    '/api/auth/login',
    {
      config: { access: publicAccess, startsSession: true },
      schema: {
        tags,
        summary: 'Sign in with username and password',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      await limiter.assertAllowed(username, request.ip);
      let actor;
      try {
        actor = await verifyCredentials(db, username, password);
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_credentials')
          await limiter.recordFailure(username, request.ip);
        throw error;
      }
      await limiter.recordSuccess(username);
      const session = await createSession(db, actor, {
        days: config.sessionDays,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: session.expiresAt,
      });
      return { user: toSessionUser(actor), csrfToken: session.csrfToken };
    },
  );

  app.get(
    '/api/auth/sign-in-options',
    {
      config: { access: publicAccess },
      schema: {
        tags,
        summary: 'What the sign-in page may show: the demo logins only on a demo installation',
        response: { 200: signInOptionsSchema },
      },
    },
    async () => ({
      demoLogins: config.demo ? demoLogins.map((login) => login.username) : [],
      demoPassword: config.demo ? DEMO_PASSWORD : null,
    }),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: publicAccess }, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'The signed-in user and their CSRF token',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => ({ user: toSessionUser(actorOf(request)), csrfToken: request.sessionCsrfToken ?? '' }),
  );

  app.put(
    '/api/auth/me/preferences',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Save the language of the signed-in user',
        body: preferencesSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => {
      await setUserLocale(db, actorOf(request).id, request.body.locale);
      return request.body;
    },
  );

  app.post(
    '/api/auth/me/password',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Change the signed-in user’s password',
        body: z.object({ currentPassword: z.string().min(1), newPassword: passwordSchema }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), request.body, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'My personal API tokens',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await listApiTokens(db, actorOf(request)) }),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        description: 'Send it as `Authorization: Bearer <token>`; token calls need no CSRF header.',
        body: createApiTokenSchema,
        response: { 201: createdApiTokenSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(db, actorOf(request), request.body)),
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiToken(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
