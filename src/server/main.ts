import type { Config } from './config';
import { buildApp } from './app';
import { openConfiguredDatabase } from './db/open';
import { DEMO_PASSWORD, demoLogins, isDatabaseEmpty, seedDemoData } from './db/demo/demo-data';
import { recoverInterruptedImports } from './modules/imports/imports.runner';

/** Opens and migrates the database, loads the demo on first start in demo mode, listens, and shuts down cleanly. */
export async function startServer(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const startedAt = Date.now();
  const database = await openConfiguredDatabase(config);
  // An import cut off by a crash or kill never committed: say so in its history.
  const interrupted = await recoverInterruptedImports(database);
  if (interrupted) console.log(`${interrupted} interrupted import(s) marked failed.`);
  if (config.demo && (await isDatabaseEmpty(database.db))) {
    console.log('Loading demo data (first start)…');
    await seedDemoData(database, {});
  }
  const app = await buildApp({ database, config, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  console.log(
    `\nEndcap is running at ${url}  (database: ${database.kind}, ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
  );
  console.log(`API docs: ${url}/api/docs`);
  if (config.demo) {
    console.log(
      `Demo logins (password ${DEMO_PASSWORD}): ${demoLogins.map((login) => `${login.username} (${login.label})`).join(', ')}`,
    );
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close();
      await database.close();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: shutting down…`);
      close().then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
  return { url, close };
}
