import { timingSafeEqual } from 'node:crypto';
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
    // The browser sends the cookie with any request, so an unsafe one must also prove it came from our page:
    // public routes included (signing out), except sign-in, which replaces whatever session the browser holds.
    if (
      request.authMethod === 'session' &&
      unsafeMethods.has(request.method) &&
      !request.routeOptions.config?.startsSession
    ) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.sessionCsrfToken ?? '')) {
        throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (access.kind === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
    if (!isAllowed(access, request.actor.role)) throw new AppError('forbidden', 'Your role may not do this');
  });
}

async function identify(request: FastifyRequest, db: Db): Promise<void> {
  const authorization = request.headers.authorization;
  const bearer = /^bearer\s+(.+)$/i.exec(authorization ?? '');
  if (bearer) {
    const actor = await resolveApiToken(db, bearer[1].trim());
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

/** Compares secrets in constant time, so response timing does not reveal how much of a guess was right. */
function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && b.length > 0 && timingSafeEqual(a, b);
}
