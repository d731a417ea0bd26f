import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBulkTransaction } from '../../db/bulk';
import { queryRows } from '../../db/sql-helpers';
import { systemActor } from '../../http/access';
import { makeAccount, makeStore } from '../../test/factories';
import { buildTestApp, type TestContext } from '../../test/test-app';
import { createSku } from '../catalog/catalog.service';
import {
  countDuplicateKeys,
  createStagingTableSql,
  deleteRowsOfImport,
  factRowsExist,
  insertStaged,
  restoreRows,
  stagingColumns,
  supersededRowsSql,
  upsertStaged,
  type FactKind,
} from './sales.merge';

/** The set-wise writes imports make, on a staging table filled by hand (the import tests cover files). */
describe('sales merge', () => {
  let t: TestContext;
  let account: number;
  let store: number;
  let sku: number;

  beforeAll(async () => {
    t = await buildTestApp();
    account = (await makeAccount(t.db)).id;
    store = (await makeStore(t.db, { accountId: account })).id;
    sku = (
      await createSku(t.db, systemActor, {
        code: 'M-1',
        name: 'x',
        brand: 'b',
        category: 'c',
        isOwn: true,
        status: 'active',
      })
    ).id;
  });
  afterAll(() => t.close());

  /** Runs `work` with a staging table holding `lines`, rolled back afterwards unless `keep`. */
  async function withStage<T>(kind: FactKind, lines: string[], work: (db: TestContext['db']) => Promise<T>) {
    return withBulkTransaction(t.database, async (session) => {
      await session.db.execute(createStagingTableSql(kind, 'stage_test', { onCommitDrop: true }));
      await session.copyCsv('stage_test', stagingColumns(kind), [lines.map((line) => `${line}\n`).join('')]);
      return work(session.db);
    });
  }

  const sellIn = (db: TestContext['db'] = t.db) =>
    queryRows<{ storeId: number | null; units: number; importId: number | null }>(
      db,
      sql`select store_id as "storeId", units, import_id as "importId" from sell_in where account_id = ${account}
        order by store_id nulls first`,
    );

  it('inserts, upserts only what changed (keeping what it replaces), and undo puts it back — null store included', async () => {
    const line = (row: number, storeId: number | '', units: number) =>
      `${row},${account},${storeId},${sku},2026-01-02,INV-9,${units},,${units * 100}`;
    await withStage('sellin', [line(1, '', 1), line(2, store, 2)], async (db) => {
      expect(await factRowsExist(db, 'sellin', { stage: 'stage_test' })).toBe(false);
      expect(await insertStaged(db, 'sellin', 'stage_test', 101)).toBe(2);
    });
    const original = await sellIn();
    await withStage('sellin', [line(1, '', 1), line(2, store, 5)], async (db) => {
      expect(await factRowsExist(db, 'sellin', { stage: 'stage_test' })).toBe(true);
      expect(await countDuplicateKeys(db, 'sellin', 'stage_test')).toBe(0);
      await db.execute(
        sql`create temp table kept on commit drop as ${supersededRowsSql('sellin', 'stage_test')}`,
      );
      const kept = await queryRows<{ units: number; previous: number }>(
        db,
        sql`select (row->>'units')::int as units, previous_import_id as previous from kept`,
      );
      expect(kept).toEqual([{ units: 2, previous: 101 }]);
      const change = await upsertStaged(db, 'sellin', 'stage_test', 102);
      expect(change).toEqual({ rows: 1, storeIds: [store], from: '2026-01-02', to: '2026-01-02' });
      expect(await sellIn(db)).toEqual([
        { storeId: null, units: 1, importId: 101 },
        { storeId: store, units: 5, importId: 102 },
      ]);
      expect(await deleteRowsOfImport(db, 'sellin', 102)).toMatchObject({ rows: 1 });
      expect(await restoreRows(db, 'sellin', sql`select row from kept`)).toMatchObject({
        rows: 1,
        storeIds: [store],
      });
    });
    expect(await sellIn()).toEqual(original);
  });

  it('counts keys that repeat, nulls equal', async () => {
    await withStage(
      'sellin',
      [
        `1,${account},,${sku},2026-01-03,A,1,,1`,
        `2,${account},,${sku},2026-01-04,A,1,,1`,
        `3,${account},${store},${sku},2026-01-04,A,1,,1`,
      ],
      async (db) => expect(await countDuplicateKeys(db, 'sellin', 'stage_test')).toBe(1),
    );
  });
});
