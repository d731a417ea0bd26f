import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/sql-helpers';
import { systemActor } from '../../http/access';
import { buildTestApp, sessionHeaders, type TestContext } from '../../test/test-app';
import { recoverInterruptedImports, runImportJob } from './imports.runner';
import { createImportJob } from './imports.service';
import {
  csvOf,
  makeImportWorld,
  runImport,
  SELL_OUT_HEADER,
  sellOutState,
  type ImportWorld,
} from './imports.testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Undoing imports, and imports that die half-way: nothing partial is ever left behind. */
describe('undo and interrupted imports', () => {
  let t: TestContext;
  let w: ImportWorld;
  let admin: Record<string, string>;
  let storeIds: number[];
  const fields = () => ({ kind: 'sellout', account: w.account.code });
  const undo = (id: number) =>
    t.app.inject({ method: 'POST', url: `/api/imports/${id}/undo`, headers: admin });

  beforeAll(async () => {
    t = await buildTestApp();
    w = await makeImportWorld(t.db);
    admin = await sessionHeaders(t.app, w.admin.username);
    storeIds = Object.values(w.stores).map((store) => store.id);
  });
  afterAll(() => t.close());

  it('restores what an import replaced, refuses while a later import replaced its rows, and rollups follow', async () => {
    const empty = await sellOutState(t.db, storeIds);
    const first = await runImport(
      t.app,
      admin,
      fields(),
      'a.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-01-01', 1, '10'],
        ['E001', '1001', '2026-01-02', 2, '20'],
      ]),
    );
    const afterFirst = await sellOutState(t.db, storeIds);
    const second = await runImport(
      t.app,
      admin,
      fields(),
      'b.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-01-02', 3, '30'],
        ['E002', '1002', '2026-01-03', 4, '40'],
      ]),
    );
    expect(second).toMatchObject({ status: 'applied', rowsApplied: 2, canUndo: true });

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/imports?kind=sellout&status=applied',
      headers: admin,
    });
    const firstListed = listed.json().items.find((job: { id: number }) => job.id === first.id);
    expect(firstListed.canUndo).toBe(false);
    const refused = await undo(first.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      `Import ${second.id} replaced rows of this one: undo import ${second.id} first`,
    );

    const undone = await undo(second.id);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone', canUndo: false });
    expect(await sellOutState(t.db, storeIds)).toEqual(afterFirst);
    expect((await undo(second.id)).statusCode).toBe(409);

    expect((await undo(first.id)).statusCode).toBe(200);
    const state = await sellOutState(t.db, storeIds);
    expect(state).toEqual(empty);
    expect(state.rollupsMatch).toBe(true);
    const [{ count }] = await queryRows<{ count: number }>(
      t.db,
      sql`select count(*)::int as count from sales_store_day where store_id = any(${sql.param(storeIds)}::int[])`,
    );
    expect(Number(count)).toBe(0);
  });

  it('leaves nothing when an import fails inside its transaction', async () => {
    const before = await sellOutState(t.db, storeIds);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-test-'));
    const filePath = path.join(dir, 'crash.csv');
    fs.writeFileSync(filePath, csvOf([SELL_OUT_HEADER, ['E001', '1002', '2026-02-01', 9, '90']]));
    const file = {
      path: filePath,
      fileName: 'crash.csv',
      size: fs.statSync(filePath).size,
      hash: 'x',
      removeWhenDone: true,
    };
    const job = await createImportJob(t.db, systemActor, { kind: 'sellout', account: w.account.code }, file);
    await runImportJob(t.database, systemActor, job.id, file, {
      beforeCommit: () => {
        throw new Error('power cut');
      },
    });
    const detail = await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: admin });
    expect(detail.json()).toMatchObject({ status: 'failed', canUndo: false });
    expect(detail.json().message).toMatch(/nothing was applied: power cut/);
    expect(await sellOutState(t.db, storeIds)).toEqual(before);
    expect(fs.existsSync(filePath)).toBe(false);
  });

  it('shows progress, rows/s and ETA of a running job, and marks jobs left running by a dead process as failed', async () => {
    const [{ id }] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into import_jobs (kind, status, file_name, file_hash, file_size, bytes_read, rows_read, started_at,
          created_by)
        values ('sellout', 'running', 'x.csv', 'x', 1000, 250, 500, now() - interval '10 seconds', ${w.admin.id})
        returning id`,
    );
    const running = (await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: admin })).json();
    expect(running).toMatchObject({ status: 'running', progress: 0.25, canUndo: false });
    // 500 rows in about 10 s; a quarter of the file in 10 s leaves about 30 s.
    expect(running.rowsPerSecond).toBeGreaterThanOrEqual(45);
    expect(running.rowsPerSecond).toBeLessThanOrEqual(50);
    expect(running.etaSeconds).toBeGreaterThanOrEqual(30);
    expect(running.etaSeconds).toBeLessThanOrEqual(33);

    expect(await recoverInterruptedImports(t.database, { staleSeconds: 0 })).toBeGreaterThanOrEqual(1);
    const detail = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: admin });
    expect(detail.json()).toMatchObject({
      status: 'failed',
      message: 'interrupted by a restart; nothing was applied',
    });
  });
});
