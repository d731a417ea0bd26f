import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the table files; the same files run on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
  casing: undefined,
});
