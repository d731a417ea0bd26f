import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { publicAccess } from './http/access';
import { registerAccessCheck, registerAuthHook } from './http/auth-hook';
import { registerErrorHandler, registerNotFoundHandler } from './http/error-handler';
import { recordRoutes } from './http/route-registry';
import type { App, RouteContext } from './http/types';
import { registerAccountRoutes } from './modules/accounts/accounts.routes';
import { registerAnalyticsRoutes } from './modules/analytics/analytics.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes';
import { registerContactRoutes } from './modules/contacts/contacts.routes';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes';
import { registerImportRoutes } from './modules/imports/imports.routes';
import { registerOrgUnitRoutes } from './modules/org-units/org-units.routes';
import { registerSalesRoutes } from './modules/sales/sales.routes';
import { registerStoreRoutes } from './modules/stores/stores.routes';
import { registerUserRoutes } from './modules/users/users.routes';
import { version } from './version';

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Serve the built web app from config.webRoot (off in API tests). */
  serveWeb?: boolean;
}

/** Every plugin and route, registered explicitly and in one place. */
export async function buildApp({ database, config, serveWeb = false }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Request lines only when debugging; errors are always logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerAccessCheck(app);
  recordRoutes(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Endcap API', version, description: 'Key Account management for FMCG suppliers.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'endcap_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuthHook(app, database.db);

  const context: RouteContext = { database, config };
  app.get(
    '/api/health',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['system'],
        summary: 'Is the server up, and on which database',
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        },
      },
    },
    async () => ({ status: 'ok' as const, db: database.kind, version }),
  );
  app.get('/api/openapi.json', { config: { access: publicAccess }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerAuthRoutes(app, context);
  registerUserRoutes(app, context);
  registerOrgUnitRoutes(app, context);
  registerAccountRoutes(app, context);
  registerStoreRoutes(app, context);
  registerContactRoutes(app, context);
  registerCatalogRoutes(app, context);
  registerAuditRoutes(app, context);
  registerDashboardRoutes(app, context);
  registerSalesRoutes(app, context);
  registerAnalyticsRoutes(app, context);
  registerImportRoutes(app, context);

  const hasWeb =
    serveWeb && config.webRoot !== undefined && fs.existsSync(path.join(config.webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webRoot!,
      // Files are looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      // Hashed assets never change; the shell must be fetched fresh so a new build is picked up.
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  }
  registerNotFoundHandler(app, { serveAppShell: hasWeb });
  return app;
}
