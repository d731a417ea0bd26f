import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { createTestDatabase } from '../test/test-db';
import { queryRows } from './sql-helpers';
import { csvField, withBulkTransaction } from './bulk';

describe('bulk transactions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.execute(sql`create table bulk_probe (a int primary key, b text)`);
  });
  afterAll(() => database.close());

  const count = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from bulk_probe`))[0].n;

  it('copies CSV chunks and sees them within the transaction', async () => {
    const seen = await withBulkTransaction(database, async ({ db, copyCsv }) => {
      await copyCsv('bulk_probe', ['a', 'b'], ['1,x\n2,"y, with comma"\n', `3,${csvField('say "hi"')}\n`]);
      return (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from bulk_probe`))[0].n;
    });
    expect(seen).toBe(3);
    expect(await count()).toBe(3);
    const rows = await queryRows<{ b: string }>(database.db, sql`select b from bulk_probe order by a`);
    expect(rows.map((row) => row.b)).toEqual(['x', 'y, with comma', 'say "hi"']);
  });

  it('rolls everything back when the work throws, COPY included', async () => {
    await expect(
      withBulkTransaction(database, async ({ copyCsv }) => {
        await copyCsv('bulk_probe', ['a', 'b'], ['10,p\n11,q\n']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(3);
  });

  it('rolls back when the COPY itself fails (a duplicate key)', async () => {
    await expect(
      withBulkTransaction(database, async ({ copyCsv }) => {
        await copyCsv('bulk_probe', ['a', 'b'], ['20,r\n', '1,dup\n']);
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(3);
    // The database (and on PostgreSQL the pool) still works afterwards.
    await withBulkTransaction(database, async ({ copyCsv }) => copyCsv('bulk_probe', ['a', 'b'], ['30,s\n']));
    expect(await count()).toBe(4);
  });
});
