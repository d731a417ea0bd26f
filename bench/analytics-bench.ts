import { pathToFileURL } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import type { SalesQuery } from '../src/core/analytics/analytics.contract';
import { salesQuerySchema } from '../src/core/analytics/analytics.contract';
import { shiftMonths } from '../src/core/analytics/periods';
import { addDays } from '../src/core/common/time';
import { openDatabase, type Database } from '../src/server/db/client';
import { systemActor } from '../src/server/http/access';
import { querySales } from '../src/server/modules/analytics/sales-query.service';
import { listAlerts } from '../src/server/modules/analytics/stock.service';
import { alertQuerySchema } from '../src/core/analytics/analytics.contract';
import { queryRows } from '../src/server/db/sql-helpers';

/**
 * The dashboard benchmark: the three questions a KA manager asks most, answered (1) by Endcap's sales query API,
 * which reads the rollups, and (2) by the same question over the raw sell-out facts with index scans switched
 * off (a full scan: what a tool without rollups does). Each is repeated and reported as p50/p95 in ms.
 */
export interface AnalyticsBenchOptions {
  databaseUrl: string;
  /** Repetitions per rollup query (after one warm-up). */
  runs?: number;
  /** Repetitions per full-scan query (each takes seconds at 50M rows). */
  scanRuns?: number;
  log?: (line: string) => void;
}

export interface QueryFigures {
  name: string;
  p50: number;
  p95: number;
  rows: number;
}

export interface AnalyticsBenchResult {
  sellOutRows: number;
  latestDate: string;
  rollup: QueryFigures[];
  fullScan: QueryFigures[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(runs: number, run: () => Promise<number>): Promise<{ times: number[]; rows: number }> {
  let rows = await run(); // warm-up: plans and cache, as on a server that has been up a while
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    rows = await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { times: times.sort((a, b) => a - b), rows };
}

const figures = (name: string, { times, rows }: { times: number[]; rows: number }): QueryFigures => ({
  name,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  rows,
});

const lastDayOf = (month: string) => addDays(shiftMonths(month, 1), -1);

export async function benchAnalytics(options: AnalyticsBenchOptions): Promise<AnalyticsBenchResult> {
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? 30;
  const scanRuns = options.scanRuns ?? 3;
  const database: Database = await openDatabase({ url: options.databaseUrl });
  try {
    const { db } = database;
    const one = async <T>(query: SQL) => (await queryRows<T>(db, query))[0];
    const { rows: sellOutRows } = await one<{ rows: number }>(
      sql`select reltuples::bigint as rows from pg_class where relname = 'sell_out'`,
    );
    const { latest } = await one<{ latest: string }>(
      sql`select max(month)::text as latest from sales_store_month`,
    );
    // The last complete month of data, and the twelve months to it: what the dashboard shows by default.
    const month = shiftMonths(latest, -1);
    const monthEnd = lastDayOf(month);
    const yearFrom = shiftMonths(month, -11);
    const { accountId } = await one<{ accountId: number }>(
      sql`select st.account_id as "accountId" from sales_store_month m join stores st on st.id = m.store_id
          where m.month = ${month} group by 1 order by sum(m.amount_fen) desc limit 1`,
    );
    const { city } = await one<{ city: string }>(
      sql`select st.city from sales_store_month m join stores st on st.id = m.store_id
          where m.month = ${month} group by 1 order by count(*) desc limit 1`,
    );
    log(`sell_out ≈ ${sellOutRows} rows; month ${month}, account ${accountId}, city ${city}`);

    const ask = (query: Record<string, string>) => async () =>
      (await querySales(db, systemActor, salesQuerySchema.parse(query) as SalesQuery)).rows.length;
    const rollup = [
      figures(
        'account×month yoy',
        await measure(
          runs,
          ask({
            measures: 'amount,units',
            by: 'account,month',
            from: yearFrom,
            to: monthEnd,
            compare: 'yoy',
          }),
        ),
      ),
      figures(
        'top 20 skus',
        await measure(
          runs,
          ask({
            measures: 'amount,units',
            by: 'sku',
            accountId: String(accountId),
            from: month,
            to: monthEnd,
            order: '-amount',
            limit: '20',
          }),
        ),
      ),
      figures(
        'city store ranking',
        await measure(
          runs,
          ask({ measures: 'amount,units', by: 'store', city, from: month, to: monthEnd, order: '-amount' }),
        ),
      ),
    ];
    // The dashboard's stock panel: computed on request from the latest counts and recent sell-out (no rollup).
    const alerts = (filter: Record<string, string>) => async () =>
      (
        await listAlerts(
          db,
          systemActor,
          alertQuerySchema.parse({ type: 'out_of_stock,low_stock', limit: '8', ...filter }),
        )
      ).total;
    rollup.push(
      figures(
        'stock alerts one account',
        await measure(Math.min(runs, 10), alerts({ accountId: String(accountId) })),
      ),
      figures('stock alerts all stores', await measure(Math.min(runs, 5), alerts({}))),
    );
    for (const f of rollup) log(`rollup ${f.name}: p50 ${f.p50.toFixed(1)} ms, ${f.rows} rows`);

    // The same answers from the raw facts. Index scans off: a full scan, as without rollups or a fitting index.
    const scan = (query: SQL) => async () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_indexscan = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        await tx.execute(sql`set local enable_indexonlyscan = off`);
        return (await queryRows(tx, query)).length;
      });
    const lastYearFrom = shiftMonths(yearFrom, -12);
    const fullScan = [
      figures(
        'account×month yoy',
        await measure(
          scanRuns,
          scan(sql`select st.account_id, date_trunc('month', so.date) as month,
                     sum(so.amount_fen) as amount, sum(so.units) as units
                   from sell_out so join stores st on st.id = so.store_id
                   where so.date between ${lastYearFrom} and ${monthEnd}
                   group by 1, 2`),
        ),
      ),
      figures(
        'top 20 skus',
        await measure(
          scanRuns,
          scan(sql`select so.sku_id, sum(so.amount_fen) as amount, sum(so.units) as units
                   from sell_out so join stores st on st.id = so.store_id
                   where st.account_id = ${accountId} and so.date between ${month} and ${monthEnd}
                   group by 1 order by 2 desc limit 20`),
        ),
      ),
      figures(
        'city store ranking',
        await measure(
          scanRuns,
          scan(sql`select so.store_id, sum(so.amount_fen) as amount, sum(so.units) as units
                   from sell_out so join stores st on st.id = so.store_id
                   where st.city = ${city} and so.date between ${month} and ${monthEnd}
                   group by 1 order by 2 desc`),
        ),
      ),
    ];
    for (const f of fullScan) log(`full scan ${f.name}: p50 ${f.p50.toFixed(0)} ms, ${f.rows} rows`);
    return { sellOutRows: Number(sellOutRows), latestDate: monthEnd, rollup, fullScan };
  } finally {
    await database.close();
  }
}

export function printAnalytics(result: AnalyticsBenchResult, print: (line: string) => void = console.log) {
  print(`analytics sell-out rows: ${result.sellOutRows} rows`);
  for (const f of result.rollup) {
    print(`analytics ${f.name} p50: ${f.p50.toFixed(1)} ms`);
    print(`analytics ${f.name} p95: ${f.p95.toFixed(1)} ms`);
  }
  for (const f of result.fullScan) {
    print(`analytics ${f.name} full scan p50: ${f.p50.toFixed(0)} ms`);
    print(`analytics ${f.name} full scan p95: ${f.p95.toFixed(0)} ms`);
  }
  result.fullScan.forEach((f, i) =>
    print(`analytics ${result.rollup[i].name} speed-up: ${(f.p50 / result.rollup[i].p50).toFixed(0)} ×`),
  );
}

// `npx tsx bench/analytics-bench.ts postgres://…` on a database seeded with `seed --demo --scale large`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [databaseUrl] = process.argv.slice(2);
  if (!databaseUrl) {
    console.error('usage: analytics-bench.ts DATABASE_URL');
    process.exit(2);
  }
  printAnalytics(await benchAnalytics({ databaseUrl, log: (line) => console.error(line) }));
}
