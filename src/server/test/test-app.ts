import { loadConfig } from '../config';
import type { Database } from '../db/client';
import { buildApp } from '../app';
import type { App } from '../http/types';
import { createApiToken } from '../modules/auth/auth.service';
import type { Actor } from '../http/access';
import { createTestDatabase } from './test-db';
import { TEST_PASSWORD } from './factories';

export interface TestContext {
  app: App;
  database: Database;
  db: Database['db'];
  close(): Promise<void>;
}

/** A real app on a fresh database, driven through app.inject (fastify/demo's build(t) helper). */
export async function buildTestApp(
  configOverrides: Parameters<typeof loadConfig>[1] = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { webRoot: undefined, ...configOverrides });
  const app = await buildApp({ database, config });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Headers of a signed-in browser session: the cookie and the CSRF token. */
export async function sessionHeaders(app: App, username: string, password = TEST_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'endcap_session');
  return { cookie: `endcap_session=${cookie!.value}`, 'x-csrf-token': response.json().csrfToken as string };
}

/** Headers of a script using a personal API token (no CSRF header needed). */
export async function tokenHeaders(database: Database, actor: Actor) {
  const token = await createApiToken(database.db, actor, { name: 'test' });
  return { authorization: `Bearer ${token.token}` };
}
