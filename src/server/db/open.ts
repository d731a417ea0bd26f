import type { Config } from '../config';
import { migrateDatabase, openDatabase, type Database } from './client';

/** The database the configuration names, migrated: PostgreSQL with DATABASE_URL, else PGlite in the data folder. */
export async function openConfiguredDatabase(
  config: Config,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ url: config.databaseUrl })
    : await openDatabase({ dataDir: config.dataDir });
  if (options.migrate !== false) {
    try {
      await migrateDatabase(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
