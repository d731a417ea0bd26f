import fs from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../db/client';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new PostgreSQL
 * database cloned from the migrated template when the project runs with ENDCAP_TEST_DB=postgres.
 */
export async function createTestDatabase(): Promise<Database> {
  if (process.env.ENDCAP_TEST_DB === 'postgres') return createPostgresTestDatabase();
  const dumpPath = inject('pgliteDumpPath');
  if (dumpPath && fs.existsSync(dumpPath)) {
    return openDatabase({ memory: true, loadDataDir: new Blob([fs.readFileSync(dumpPath)]) });
  }
  const database = await openDatabase({ memory: true });
  await migrateDatabase(database);
  return database;
}

let counter = 0;

async function createPostgresTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplateName');
  if (!adminUrl || !template) throw new Error('TEST_DATABASE_URL and the template database are required');
  const name = `endcap_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  // Dropping the database WITH (FORCE) ends connections the pool is still closing; that is expected here.
  database.pool!.on('error', () => undefined);
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`).finally(() => cleanup.end());
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    pgTemplateName: string;
  }
}
