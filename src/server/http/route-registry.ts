import type { FastifyInstance } from 'fastify';
import type { AccessPolicy } from './access';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: AccessPolicy | undefined;
}

const registries = new WeakMap<object, RegisteredRoute[]>();

/** Keeps the list of API routes with their access policies, for the access test and the docs. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        access: (route.config as { access?: AccessPolicy } | undefined)?.access,
      });
    }
  });
}

export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  return [...(registries.get(app) ?? [])];
}
