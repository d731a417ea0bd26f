import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { benchAnalytics, printAnalytics } from './analytics-bench';
import { benchImport } from './import-bench';

/**
 * `npm run bench`: the figures issues ask for, one per line as `name: value unit`, each against a baseline
 * measured in the same run. Needs PostgreSQL: BENCH_DATABASE_URL (default: endcap_bench on the local server),
 * created and seeded at the benchmark scale (`seed --demo --scale large`, ~50M sell-out rows, a few minutes)
 * on the first run and reused after. Progress goes to stderr; figures to stdout.
 * BENCH_IMPORT_ROWS (default 5,000,000) and BENCH_PGLITE_ROWS (default 1,000,000) size the import runs.
 */
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/endcap_bench';
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000_000);
const pgliteRows = Number(process.env.BENCH_PGLITE_ROWS ?? 1_000_000);
const log = (line: string) => console.error(`bench: ${line}`);

async function ensureBenchDatabase() {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).href,
  });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      log(`creating database ${name}`);
      await admin.query(`create database "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await admin.end();
  }
  const endcap = (...args: string[]) => {
    const result = spawnSync('node', ['bin/endcap.mjs', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`endcap ${args.join(' ')} failed`);
  };
  endcap('migrate');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ accounts: number; sellOut: number }>(
      `select (select count(*) from accounts)::int as accounts,
              (select reltuples from pg_class where relname = 'sell_out')::bigint::int as "sellOut"`,
    );
    if (rows[0].accounts === 0) {
      log('seeding the benchmark scale (seed --demo --scale large); this takes a few minutes once');
      endcap('seed', '--demo', '--scale', 'large');
    } else if (rows[0].sellOut < 40_000_000) {
      throw new Error(
        `${name} holds data but not the benchmark scale (${rows[0].sellOut} sell-out rows): drop it or set BENCH_DATABASE_URL`,
      );
    }
    // The account with the most stores: the import file spans all its stores × 40 item codes.
    const [account] = (
      await client.query<{ code: string }>(
        `select a.code from accounts a join stores s on s.account_id = a.id group by a.code order by count(*) desc limit 1`,
      )
    ).rows;
    return account.code;
  } finally {
    await client.end();
  }
}

const accountCode = await ensureBenchDatabase();
const imported = await benchImport({ databaseUrl, accountCode, rows: importRows, pgliteRows, log });
console.log(`import rows: ${imported.rows} rows`);
console.log(`import baseline psql copy: ${imported.baselineRowsPerSecond} rows/s`);
console.log(`import endcap postgres: ${imported.endcapRowsPerSecond} rows/s`);
console.log(`import endcap/baseline: ${imported.ratio.toFixed(2)} ratio`);
if (imported.endcapPeakMegabytes !== null)
  console.log(`import endcap postgres peak memory: ${imported.endcapPeakMegabytes.toFixed(0)} MB`);
if (imported.pgliteRowsPerSecond !== null) {
  console.log(`import endcap pglite (${imported.pgliteRows} rows): ${imported.pgliteRowsPerSecond} rows/s`);
  console.log(
    `import endcap pglite/baseline: ${(imported.pgliteRowsPerSecond / imported.baselineRowsPerSecond).toFixed(2)} ratio`,
  );
}
if (imported.pglitePeakMegabytes !== null)
  console.log(`import endcap pglite peak memory: ${imported.pglitePeakMegabytes.toFixed(0)} MB`);
printAnalytics(await benchAnalytics({ databaseUrl, log }));
