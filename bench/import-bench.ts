import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../src/server/db/client';
import { generateSellOutCsv, SELL_OUT_HEADERS } from './generate-sellout';

/**
 * The import benchmark (the file's dates, from 2023-01-01, lie before the large demo's two years, so the run
 * adds new days and clearing them touches nothing else): one generated sell-out file of an account with about 2,000 stores × 40 SKUs, loaded
 * (1) with `psql \copy` into a table keyed like sell_out (the baseline: the machine's limit),
 * (2) with `endcap import` on the same PostgreSQL, and (3) with `endcap import` on a fresh PGlite folder.
 * Each import runs as its own process, timed from spawn to exit, its peak memory read from /usr/bin/time -v.
 */
export interface ImportBenchOptions {
  /** A PostgreSQL database with Endcap's schema and the account's stores, SKUs and item codes. */
  databaseUrl: string;
  accountCode: string;
  rows: number;
  /** Rows for the PGlite run (0 skips it). */
  pgliteRows?: number;
  workDir?: string;
  log?: (line: string) => void;
}

export interface ImportBenchResult {
  rows: number;
  fileMegabytes: number;
  baselineRowsPerSecond: number;
  endcapRowsPerSecond: number;
  ratio: number;
  endcapPeakMegabytes: number | null;
  pgliteRows: number;
  pgliteRowsPerSecond: number | null;
  pglitePeakMegabytes: number | null;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

interface Run {
  seconds: number;
  peakMegabytes: number | null;
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs a command, timing it from spawn to exit; with /usr/bin/time -v when there, for the peak RSS. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const useTime = fs.existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const child = spawn(useTime ? '/usr/bin/time' : command, useTime ? ['-v', command, ...args] : args, {
    cwd: root,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ seconds, peakMegabytes: rss ? Number(rss[1]) / 1024 : null, stdout, stderr, code });
    });
  });
}

function check(run: Run, what: string) {
  if (run.code !== 0) throw new Error(`${what} failed (${run.code}):\n${run.stderr.slice(-2000)}`);
}

export async function benchImport(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const log = options.log ?? (() => undefined);
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-bench-'));
  const ownDir = options.workDir === undefined;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const [account] = (
      await client.query<{ id: number }>('select id from accounts where code = $1', [options.accountCode])
    ).rows;
    if (!account) throw new Error(`no account ${options.accountCode} in ${options.databaseUrl}`);
    const stores = (
      await client.query<{ code: string }>('select code from stores where account_id = $1 order by code', [
        account.id,
      ])
    ).rows.map((row) => row.code);
    const items = (
      await client.query<{ item_code: string }>(
        'select item_code from account_item_codes where account_id = $1 order by item_code limit 40',
        [account.id],
      )
    ).rows.map((row) => row.item_code);
    log(`account ${options.accountCode}: ${stores.length} stores × ${items.length} item codes`);

    const file = path.join(workDir, 'sellout.csv');
    const generated = await generateSellOutCsv({
      path: file,
      rows: options.rows,
      storeCodes: stores,
      itemCodes: items,
      from: '2023-01-01',
    });
    log(
      `generated ${generated.rows} rows (${(generated.bytes / 1e6).toFixed(0)} MB), ${generated.dateFrom}…${generated.dateTo}`,
    );

    // Start from the same state: none of the file's rows stored yet.
    const clearImported = async () => {
      await client.query(
        `delete from sell_out where store_id in (select id from stores where account_id = $1) and date between $2 and $3`,
        [account.id, generated.dateFrom, generated.dateTo],
      );
      for (const table of ['sales_store_day', 'sales_store_sku_month', 'sales_store_month']) {
        const column = table === 'sales_store_day' ? 'date' : 'month';
        await client.query(
          `delete from ${table} where store_id in (select id from stores where account_id = $1)
            and ${column} between date_trunc('month', $2::date)::date and $3`,
          [account.id, generated.dateFrom, generated.dateTo],
        );
      }
      await client.query('vacuum analyze sell_out');
    };
    await clearImported();

    await client.query('drop table if exists bench_sellout_baseline');
    await client.query(`create table bench_sellout_baseline (store_code text not null, item_code text not null,
      date date not null, units int not null, amount numeric(14, 2) not null, primary key (store_code, date, item_code))`);
    const baseline = await timed('psql', [
      options.databaseUrl,
      '-c',
      `\\copy bench_sellout_baseline (${['store_code', 'item_code', 'date', 'units', 'amount'].join(', ')}) from '${file}' with (format csv, header true)`,
    ]);
    check(baseline, 'psql \\copy');
    await client.query('drop table bench_sellout_baseline');
    log(`baseline: ${baseline.seconds.toFixed(1)} s`);

    const endcap = await timed(
      'node',
      ['bin/endcap.mjs', 'import', 'sellout', file, '--account', options.accountCode],
      { DATABASE_URL: options.databaseUrl },
    );
    check(endcap, 'endcap import (PostgreSQL)');
    log(`endcap on PostgreSQL: ${endcap.seconds.toFixed(1)} s, ${endcap.stdout.trim()}`);
    await clearImported();

    let pglite: Run | null = null;
    const pgliteRows = Math.min(options.pgliteRows ?? options.rows, options.rows);
    if (pgliteRows > 0) {
      const dataDir = path.join(workDir, 'pglite');
      const pgliteFile = path.join(workDir, 'sellout-pglite.csv');
      await generateSellOutCsv({
        path: pgliteFile,
        rows: pgliteRows,
        storeCodes: stores,
        itemCodes: items,
        from: '2023-01-01',
      });
      await seedPglite(dataDir, options.accountCode, stores, items);
      pglite = await timed(
        'node',
        ['bin/endcap.mjs', 'import', 'sellout', pgliteFile, '--account', options.accountCode],
        { ENDCAP_DATA_DIR: dataDir, DATABASE_URL: '' },
      );
      check(pglite, 'endcap import (PGlite)');
      log(`endcap on PGlite: ${pglite.seconds.toFixed(1)} s, ${pglite.stdout.trim()}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(pgliteFile, { force: true });
    }
    fs.rmSync(file, { force: true });

    const baselineRate = options.rows / baseline.seconds;
    const endcapRate = options.rows / endcap.seconds;
    return {
      rows: options.rows,
      fileMegabytes: generated.bytes / 1e6,
      baselineRowsPerSecond: Math.round(baselineRate),
      endcapRowsPerSecond: Math.round(endcapRate),
      ratio: endcapRate / baselineRate,
      endcapPeakMegabytes: endcap.peakMegabytes,
      pgliteRows,
      pgliteRowsPerSecond: pglite ? Math.round(pgliteRows / pglite.seconds) : null,
      pglitePeakMegabytes: pglite?.peakMegabytes ?? null,
    };
  } finally {
    await client.end();
    if (ownDir) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** A fresh PGlite folder with just what the file needs: the account, its stores, SKUs and item codes. */
async function seedPglite(dataDir: string, accountCode: string, stores: string[], items: string[]) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  const database = await openDatabase({ dataDir });
  try {
    await migrateDatabase(database);
    const db = database.pglite!;
    const [{ id }] = (
      await db.query<{ id: number }>(
        `insert into accounts (code, name, tier, trade_type) values ($1, $1, 'key', 'hq_direct') returning id`,
        [accountCode],
      )
    ).rows;
    await db.query(
      `insert into stores (account_id, code, name, format, province, city)
        select $1, code, code, 'hypermarket', '广东', '深圳' from unnest($2::text[]) code`,
      [id, stores],
    );
    await db.query(
      `insert into skus (code, name, brand, category) select 'B' || code, code, 'Bench', 'Candy' from unnest($1::text[]) code`,
      [items],
    );
    await db.query(
      `insert into account_item_codes (account_id, item_code, sku_id) select $1, substr(code, 2), id from skus`,
      [id],
    );
  } finally {
    await database.close();
  }
}

// `npx tsx bench/import-bench.ts postgres://… ACCOUNT ROWS [PGLITE_ROWS]` prints `name: value unit` lines.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [databaseUrl, accountCode, rows = '5000000', pgliteRows] = process.argv.slice(2);
  if (!databaseUrl || !accountCode) {
    console.error(
      `usage: import-bench.ts DATABASE_URL ACCOUNT_CODE [ROWS] [PGLITE_ROWS]  (file columns: ${SELL_OUT_HEADERS.join(',')})`,
    );
    process.exit(2);
  }
  const result = await benchImport({
    databaseUrl,
    accountCode,
    rows: Number(rows),
    pgliteRows: pgliteRows === undefined ? undefined : Number(pgliteRows),
    log: (line) => console.error(line),
  });
  console.log(`import baseline psql copy: ${result.baselineRowsPerSecond} rows/s`);
  console.log(`import endcap postgres: ${result.endcapRowsPerSecond} rows/s`);
  console.log(`import endcap/baseline: ${result.ratio.toFixed(2)} ratio`);
  if (result.endcapPeakMegabytes !== null)
    console.log(`import endcap peak memory: ${result.endcapPeakMegabytes.toFixed(0)} MB`);
  if (result.pgliteRowsPerSecond !== null)
    console.log(`import endcap pglite: ${result.pgliteRowsPerSecond} rows/s`);
  if (result.pglitePeakMegabytes !== null)
    console.log(`import endcap pglite peak memory: ${result.pglitePeakMegabytes.toFixed(0)} MB`);
}
