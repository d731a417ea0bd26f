import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { resolveApiToken, resolveSession } from '../modules/auth/auth.service';
import { AppError } from './app-error';
import { isAllowed, type AccessPolicy } from './access';

export const SESSION_COOKIE = 'endcap_session';
export const CSRF_HEADER = 'x-csrf-token';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every /api route must say who may call it; registering one that does not is a startup error. */
export function registerAccessCheck(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('sessionCsrfToken', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: AccessPolicy } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access policy`);
  });
}

/** Finds who is calling (bearer token or session cookie), then enforces the route's policy and CSRF. */
export function registerAuthHook(app: FastifyInstance, db: Db): void {
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files, docs, and unknown routes (answered 404)
    await identify(request, db);
    if (access.kind === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
    if (request.authMethod === 'session' && unsafeMethods.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== request.sessionCsrfToken) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (!isAllowed(access, request.actor.role)) throw new AppError('forbidden', 'Your role may not do this');
  });
}

async function identify(request: FastifyRequest, db: Db): Promise<void> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const actor = await resolveApiToken(db, authorization.slice(7).trim());
    if (!actor) throw new AppError('unauthenticated', 'The API token is not valid');
    request.actor = actor;
    request.authMethod = 'token';
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const session = await resolveSession(db, cookie);
  if (!session) return;
  request.actor = session.actor;
  request.authMethod = 'session';
  request.sessionCsrfToken = session.csrfToken;
}
