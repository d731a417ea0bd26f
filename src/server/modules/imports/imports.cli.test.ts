import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';
import { createApiToken } from '../auth/auth.service';
import { buildTestApp, type TestContext } from '../../test/test-app';
import { recoverInterruptedImports } from './imports.runner';
import { csvOf, makeImportWorld, SELL_OUT_HEADER } from './imports.testing';

/** `endcap import` as scripts run it: a child process, in-process on a PGlite folder or through a server. */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const root = path.resolve(import.meta.dirname, '../../../..');

function endcap(
  args: string[],
  env: Record<string, string>,
  onStderr?: (text: string, kill: () => void) => void,
) {
  const clean = { ...process.env };
  for (const name of ['DATABASE_URL', 'ENDCAP_DATA_DIR', 'ENDCAP_URL', 'ENDCAP_TOKEN']) delete clean[name];
  const child = spawn(process.execPath, ['bin/endcap.mjs', ...args], {
    cwd: root,
    env: { ...clean, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr, () => child.kill('SIGKILL'));
  });
  return new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const lastLine = (text: string) => JSON.parse(text.trim().split('\n').at(-1)!) as unknown;

describe.skipIf(process.env.ENDCAP_TEST_DB === 'postgres')('endcap import on an embedded data folder', () => {
  let dir: string;
  let accountCode: string;
  let folder: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-cli-'));
    folder = path.join(dir, 'data');
    const database = await openDatabase({ dataDir: folder });
    await migrateDatabase(database);
    accountCode = (await makeImportWorld(database.db)).account.code;
    await database.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const env = () => ({ ENDCAP_DATA_DIR: folder });

  it('prints progress on stderr and one JSON line last on stdout; exit 0 applied, 1 rejected, 2 usage', async () => {
    const good = write('good.csv', csvOf([SELL_OUT_HEADER, ['E001', '1001', '2026-01-01', 2, '3.5']]));
    const applied = await endcap(['import', 'sellout', good, '--account', accountCode], env());
    expect(applied.code, applied.stderr).toBe(0);
    expect(lastLine(applied.stdout)).toEqual({ status: 'applied', rowsRead: 1, rowsApplied: 1, errors: 0 });

    const bad = write('bad.csv', csvOf([SELL_OUT_HEADER, ['X1', '1001', '2026-01-01', 2, '3.5']]));
    const rejected = await endcap(['import', 'sellout', bad, '--account', accountCode], env());
    expect(rejected.code).toBe(1);
    expect(lastLine(rejected.stdout)).toEqual({ status: 'rejected', rowsRead: 1, rowsApplied: 0, errors: 1 });
    expect(rejected.stderr).toContain('row 2, 门店编码 "X1": unknown store code');

    const mapping = write('mapping.json', JSON.stringify({ amount: '金额' }));
    const unmapped = await endcap(
      ['import', 'sellout', good, '--account', accountCode, '--mapping', mapping],
      env(),
    );
    expect(unmapped.code).toBe(1);
    expect(lastLine(unmapped.stdout)).toMatchObject({ status: 'rejected', rowsRead: 0 });

    expect((await endcap(['import', 'receipts', good, '--account', accountCode], env())).code).toBe(2);
    const noAccount = await endcap(['import', 'sellout', good], env());
    expect(noAccount.code).toBe(2);
    expect(noAccount.stderr).toMatch(/needs its account/);
  });

  it('says how to import while a server holds the data folder', async () => {
    const database = await openDatabase({ dataDir: folder });
    try {
      const good = write('locked.csv', csvOf([SELL_OUT_HEADER, ['E001', '1001', '2026-01-02', 1, '1']]));
      const locked = await endcap(['import', 'sellout', good, '--account', accountCode], env());
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/in use by process .*ENDCAP_URL.*ENDCAP_TOKEN/s);
    } finally {
      await database.close();
    }
  });

  it('leaves no rows when killed mid-import; the job is marked failed on the next start', async () => {
    // 2,000,000 rows take seconds to read; progress is first printed after one. The same few keys repeat, so
    // this file could never apply — if the kill came too late, the exit code says so.
    const big = path.join(dir, 'big.csv');
    const out = fs.openSync(big, 'w');
    fs.writeSync(out, `${SELL_OUT_HEADER.join(',')}\n`);
    const block = Array.from(
      { length: 10_000 },
      (_, n) => `E00${(n % 2) + 1},100${n % 3 ? 1 : 2},2026-02-01,1,1\n`,
    ).join('');
    for (let n = 0; n < 200; n++) fs.writeSync(out, block);
    fs.closeSync(out);
    const killed = await endcap(['import', 'sellout', big, '--account', accountCode], env(), (text, kill) => {
      if (/sellout: [\d,]+ rows/.test(text)) kill();
    });
    expect(killed.code).toBeNull();
    const database = await openDatabase({ dataDir: folder });
    try {
      expect(await recoverInterruptedImports(database)).toBe(1);
      const [job] = await queryRows<{ status: string; message: string }>(
        database.db,
        sql`select status, message from import_jobs where file_name = 'big.csv'`,
      );
      expect(job).toEqual({ status: 'failed', message: 'interrupted by a restart; nothing was applied' });
      const [{ count }] = await queryRows<{ count: number }>(
        database.db,
        sql`select count(*)::int as count from sell_out where date >= '2026-02-01'`,
      );
      expect(Number(count)).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe('endcap import through a running server', () => {
  let t: TestContext;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-cli-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uploads the file with the token, follows the job, and prints the same outcome', async () => {
    const w = await makeImportWorld(t.db);
    const { token } = await createApiToken(t.db, w.admin.actor, { name: 'script' });
    const file = path.join(dir, 'pos.csv');
    fs.writeFileSync(file, csvOf([SELL_OUT_HEADER, ['E002', '1002', '2026-03-01', 4, '8']]));
    const run = await endcap(['import', 'sellout', file, '--account', w.account.code], {
      ENDCAP_URL: url,
      ENDCAP_TOKEN: token,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toEqual({ status: 'applied', rowsRead: 1, rowsApplied: 1, errors: 0 });
    const jobs = await queryRows<{ createdBy: number }>(
      t.db,
      sql`select created_by as "createdBy" from import_jobs`,
    );
    expect(jobs.map((job) => Number(job.createdBy))).toEqual([w.admin.id]);

    const refused = await endcap(['import', 'sellout', file, '--account', w.account.code], {
      ENDCAP_URL: url,
      ENDCAP_TOKEN: 'ecp_wrong',
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/401/);
  });
});
