import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './client';
import * as schema from './schema';

/**
 * A transaction that can also bulk-load CSV with COPY: the fastest way into PostgreSQL, on both drivers.
 * `db` runs ordinary Drizzle queries inside the same transaction. Nothing commits unless `work` returns;
 * a throw (or a killed process) leaves the database as it was.
 */
export interface BulkSession {
  db: Db;
  kind: Database['kind'];
  /**
   * COPY CSV text (no header, RFC 4180 quoting) into `table (columns)`. PostgreSQL streams all chunks
   * through one COPY; PGlite copies chunk by chunk (each a short pause of the event loop — keep chunks ~50k rows).
   */
  copyCsv(
    table: string,
    columns: readonly string[],
    chunks: AsyncIterable<string> | Iterable<string>,
  ): Promise<void>;
}

export async function withBulkTransaction<T>(
  database: Database,
  work: (session: BulkSession) => Promise<T>,
): Promise<T> {
  if (database.kind === 'postgres') {
    const client = await database.pool!.connect();
    let failed = false;
    try {
      await client.query('BEGIN');
      const db = drizzlePg({ client, schema }) as unknown as Db;
      const result = await work({
        db,
        kind: 'postgres',
        async copyCsv(table, columns, chunks) {
          const stream = client.query(
            copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
          );
          await pipeline(Readable.from(chunks, { objectMode: false }), stream);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection whose COPY was cut off mid-stream is not safe to reuse.
      client.release(failed ? true : undefined);
    }
  }
  const pglite = database.pglite!;
  return pglite.transaction(async (tx) => {
    const db = drizzlePglite({ client: tx as unknown as PGlite, schema }) as unknown as Db;
    return work({
      db,
      kind: 'pglite',
      async copyCsv(table, columns, chunks) {
        for await (const chunk of chunks) {
          if (chunk.length === 0) continue;
          await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
            blob: new Blob([chunk]),
          });
        }
      },
    });
  });
}

/** One CSV field: quoted only when it must be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}
