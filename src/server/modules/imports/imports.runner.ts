import fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import type { ImportProblem } from '../../../core/common/errors';
import type { MappedImportKind } from '../../../core/imports/import-fields';
import type { MappingField } from '../../../core/imports/imports.enums';
import type { Database, Db } from '../../db/client';
import { withBulkTransaction } from '../../db/bulk';
import { queryRows } from '../../db/sql-helpers';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { refreshSalesRollups } from '../analytics/rollups.service';
import { importItemCodes, importListings, importSkus } from '../catalog/catalog.import';
import {
  countDuplicateKeys,
  createStagingTableSql,
  duplicateRowsSql,
  factRowsExist,
  factTables,
  insertStaged,
  stagingColumns,
  supersededRowsSql,
  upsertStaged,
  type FactChange,
} from '../sales/sales.merge';
import { importErrorColumns, ProblemFile } from './import-errors';
import { columnIndexes } from './imports.mapping';
import { openRowSource, UnreadableFileError, type RowSource, type RowVisitor } from './imports.reader';
import {
  createRowValidator,
  emptyStats,
  loadRowContext,
  type RowContext,
  type RowStats,
} from './imports.rows';
import { importErrors, importJobs } from './imports.table';

/**
 * Runs an import job: reads the file once, streaming, checks every row, and applies all of it in one transaction
 * or nothing (docs/decisions/0004-exactly-once-sales-imports.md). One job at a time per process.
 */

export interface ImportFile {
  path: string;
  fileName: string;
  size: number;
  hash: string;
  /** Delete the file when the job ends (an upload's temporary copy; not a CLI user's own file). */
  removeWhenDone: boolean;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  fileSize: number;
}

export interface RunOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside the import's transaction after the facts are written, before the job is marked applied (tests). */
  beforeCommit?: () => Promise<void> | void;
}

type JobRow = typeof importJobs.$inferSelect;

/**
 * Lines are handed on in pieces of a few thousand rows: small enough to die young in V8's scavenger (gathering
 * 50,000 made garbage collection the bottleneck), and PGlite gathers pieces into COPYs of about 50,000 rows, each
 * a short pause of the event loop.
 */
const PIECE_ROWS = 5000;
const PGLITE_COPY_BYTES = 2 * 1024 * 1024;
const STAGE = 'import_stage';
const PROGRESS_INTERVAL_MS = 1000;

// ——— The queue: one import at a time in this process (PGlite has one connection anyway) ———

let queueTail: Promise<void> = Promise.resolve();

/** Runs `work` after everything queued before it (imports and undos never overlap in one process). */
export function runExclusive<T>(work: () => Promise<T>): Promise<T> {
  const result = queueTail.then(work);
  queueTail = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

/** Jobs waiting in this process's queue, kept alive for recoverInterruptedImports of other processes. */
const waiting = new Map<number, Database>();
let waitingTimer: NodeJS.Timeout | null = null;

function touchWaitingJobs() {
  for (const [jobId, database] of waiting) {
    void database.db
      .execute(sql`update import_jobs set heartbeat_at = now() where id = ${jobId} and status = 'queued'`)
      .catch(() => undefined);
  }
}

/** Queues a recorded job; the request that created it has already answered. */
export function enqueueImport(
  database: Database,
  actor: Actor,
  jobId: number,
  file: ImportFile,
  options: RunOptions = {},
): void {
  waiting.set(jobId, database);
  if (!waitingTimer) {
    waitingTimer = setInterval(touchWaitingJobs, 15_000);
    waitingTimer.unref();
  }
  void runExclusive(() => {
    waiting.delete(jobId);
    if (waiting.size === 0 && waitingTimer) {
      clearInterval(waitingTimer);
      waitingTimer = null;
    }
    return runImportJob(database, actor, jobId, file, options);
  }).catch(() => undefined);
}

/** Resolves once every queued import has finished (tests, and a clean shutdown). */
export async function whenImportsIdle(): Promise<void> {
  let tail: Promise<void>;
  do {
    tail = queueTail;
    await tail;
  } while (tail !== queueTail);
}

/**
 * Jobs left 'running' or 'queued' by a process that died: their transaction never committed, so nothing of them
 * was applied. On PGlite this process owns the data folder, so every such job is dead; on PostgreSQL only those
 * whose heartbeat stopped (another server may be running one).
 */
export async function recoverInterruptedImports(
  database: Database,
  options: { staleSeconds?: number } = {},
): Promise<number> {
  const stale =
    database.kind === 'pglite'
      ? sql`true`
      : sql`coalesce(heartbeat_at, created_at) < now() - make_interval(secs => ${options.staleSeconds ?? 60})`;
  const rows = await queryRows<{ id: number }>(
    database.db,
    sql`update import_jobs
      set status = 'failed', message = 'interrupted by a restart; nothing was applied', finished_at = now()
      where status in ('queued', 'running') and ${stale}
      returning id`,
  );
  return rows.length;
}

// ——— Running one job ———

export async function runImportJob(
  database: Database,
  actor: Actor,
  jobId: number,
  file: ImportFile,
  options: RunOptions = {},
): Promise<void> {
  const db = database.db;
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) throw new Error(`import job ${jobId} not found`);
  await db
    .update(importJobs)
    .set({ status: 'running', startedAt: new Date(), heartbeatAt: new Date() })
    .where(eq(importJobs.id, jobId));
  const progress = new JobProgress(database, job, options.onProgress);
  const problems = new ProblemFile(jobId);
  try {
    if (job.kind === 'skus' || job.kind === 'listings' || job.kind === 'item_codes') {
      await runSheetImport(database, actor, job, file);
    } else {
      await runFactImport(database, actor, job, file, { progress, problems, options });
    }
  } catch (error) {
    await progress.stop();
    if (error instanceof UnreadableFileError) {
      await rejectWith(db, job, progress.rowsRead, [
        { row: 1, column: '', value: null, reason: error.message },
      ]);
    } else {
      const message =
        error instanceof AppError && error.code !== 'internal'
          ? error.message
          : `the import failed and nothing was applied: ${(error as Error).message}`;
      await db
        .update(importJobs)
        .set({ status: 'failed', message, finishedAt: new Date(), rowsRead: progress.rowsRead })
        .where(eq(importJobs.id, jobId))
        .catch(() => undefined);
      if (!(error instanceof AppError)) console.error(`import ${jobId} failed:`, error);
    }
  } finally {
    await progress.stop();
    await problems.dispose().catch(() => undefined);
    if (file.removeWhenDone) await fs.promises.rm(file.path, { force: true }).catch(() => undefined);
  }
}

/** Rows read and bytes read, written to the job about once a second (the API computes rows/s and ETA from them). */
class JobProgress {
  rowsRead = 0;
  source: RowSource | null = null;
  private timer: NodeJS.Timeout | null;
  private pending: Promise<unknown> | null = null;

  constructor(
    private readonly database: Database,
    private readonly job: JobRow,
    private readonly onProgress?: (progress: ImportProgress) => void,
  ) {
    this.timer = setInterval(() => this.flush(), PROGRESS_INTERVAL_MS);
    this.timer.unref();
  }

  get bytesRead(): number {
    return this.source?.bytesRead() ?? 0;
  }

  private flush() {
    this.onProgress?.({ rowsRead: this.rowsRead, bytesRead: this.bytesRead, fileSize: this.job.fileSize });
    if (this.pending) return;
    this.pending = this.database.db
      .execute(
        sql`update import_jobs set rows_read = ${this.rowsRead}, bytes_read = ${this.bytesRead}, heartbeat_at = now()
          where id = ${this.job.id} and status = 'running'`,
      )
      .catch(() => undefined)
      .finally(() => (this.pending = null));
  }

  /** PGlite: a query outside the import's transaction would only wait for it. */
  pause() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async stop() {
    this.pause();
    await this.pending;
  }
}

// ——— Fact files: sell-out, inventory, sell-in, targets ———

interface FactRun {
  progress: JobProgress;
  problems: ProblemFile;
  options: RunOptions;
}

type CopyCsv = (table: string, columns: readonly string[], chunks: AsyncIterable<string>) => Promise<void>;

/** How the staged path reaches the database: PostgreSQL inside one transaction, PGlite staging outside it. */
interface StagedDriver {
  db: Db;
  copy: CopyCsv;
  /** Runs the writes all-or-nothing: a savepoint in PostgreSQL's transaction, PGlite's one transaction. */
  write<T>(work: (db: Db) => Promise<T>): Promise<T>;
}

interface FactPlan {
  job: JobRow;
  kind: MappedImportKind;
  file: ImportFile;
  context: RowContext;
}

async function runFactImport(database: Database, actor: Actor, job: JobRow, file: ImportFile, run: FactRun) {
  const kind = job.kind as MappedImportKind;
  const plan: FactPlan = {
    job,
    kind,
    file,
    context: await loadRowContext(database.db, actor, kind, job.accountId),
  };
  if (database.kind === 'postgres') {
    await withBulkTransaction(database, async (session) => {
      const db = session.db;
      // Staging, duplicate checks and rollups group millions of rows: give them memory instead of temp files.
      await db.execute(sql`set local work_mem = '256MB'`);
      await db.execute(createStagingTableSql(kind, STAGE, { onCommitDrop: true }));
      const copy: CopyCsv = (table, columns, chunks) => session.copyCsv(table, columns, chunks);
      if ((kind === 'sellout' || kind === 'inventory') && (await copyDirectly(db, copy, plan, run))) return;
      await stageAndMerge({ db, copy, write: (work) => inSavepoint(db, 'merge', work) }, plan, run);
    });
    return;
  }
  // PGlite: staging runs outside the transaction, so the server keeps answering while the file is read; the
  // temporary table is this process's own and disappears with it.
  const pglite = database.pglite!;
  const copy: CopyCsv = async (table, columns, pieces) => {
    const send = async (gathered: string[]) => {
      await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob(gathered),
      });
      await nextTurn();
    };
    let gathered: string[] = [];
    let bytes = 0;
    for await (const piece of pieces) {
      gathered.push(piece);
      bytes += piece.length;
      if (bytes >= PGLITE_COPY_BYTES) {
        await send(gathered);
        gathered = [];
        bytes = 0;
      }
    }
    if (gathered.length) await send(gathered);
  };
  await database.db.execute(sql.raw(`drop table if exists ${STAGE}`));
  await database.db.execute(createStagingTableSql(kind, STAGE));
  try {
    await stageAndMerge(
      {
        db: database.db,
        copy,
        write: (work) => {
          run.progress.pause();
          return withBulkTransaction(database, (session) => work(session.db));
        },
      },
      plan,
      run,
    );
  } finally {
    await database.db.execute(sql.raw(`drop table if exists ${STAGE}`));
  }
}

async function inSavepoint<T>(db: Db, name: string, work: (db: Db) => Promise<T>): Promise<T> {
  await db.execute(sql.raw(`savepoint ${name}`));
  try {
    const result = await work(db);
    await db.execute(sql.raw(`release savepoint ${name}`));
    return result;
  } catch (error) {
    await db.execute(sql.raw(`rollback to savepoint ${name}`));
    throw error;
  }
}

/** Reads the file and checks its rows; valid rows come out as CSV text, PIECE_ROWS lines at a time, for COPY. */
async function* checkedLines(
  plan: FactPlan,
  run: FactRun,
  stats: RowStats,
  line: (rowNumber: number, body: string) => string,
  stopAtProblem: { stopped: boolean } | null,
): AsyncGenerator<string> {
  const source = await openRowSource(plan.file.path, plan.file.fileName, {
    encoding: plan.job.options.encoding,
  });
  run.progress.source = source;
  try {
    const { indexes, problems } = columnIndexes(
      source.headers,
      source.headerRowNumber,
      plan.job.mapping ?? {},
    );
    for (const problem of problems)
      run.problems.report(problem.row, problem.column, problem.value, problem.reason);
    if (problems.length) {
      if (stopAtProblem) stopAtProblem.stopped = true;
      return;
    }
    const validate = createRowValidator(plan.context, indexes, run.problems, stats);
    let lines: string[] = [];
    let stopped = false;
    const visit: RowVisitor = (rowNumber, values) => {
      if (stopped) return;
      run.progress.rowsRead++;
      const body = validate(rowNumber, values);
      if (body !== null) lines.push(line(rowNumber, body));
      else if (stopAtProblem) stopped = stopAtProblem.stopped = true;
    };
    for await (const _piece of source.rows(visit)) {
      if (stopped) return;
      if (lines.length >= PIECE_ROWS) {
        yield lines.join('');
        lines = [];
      }
      await run.problems.drained();
    }
    if (lines.length) yield lines.join('');
  } finally {
    source.close();
  }
}

/**
 * PostgreSQL's fast path for a sell-out or inventory file of new data (the usual case: the next days of a chain's
 * export): rows are copied straight into the fact table while the file is read. The first row whose key exists
 * (a re-import, an overlap, a duplicate within the file) or that has a problem ends it: everything is rolled back
 * and the file is read again through staging. Answers false when it gave up.
 */
async function copyDirectly(db: Db, copy: CopyCsv, plan: FactPlan, run: FactRun): Promise<boolean> {
  const { table, columns } = factTables[plan.kind];
  const stats = emptyStats();
  const state = { stopped: false };
  await db.execute(sql`savepoint direct_copy`);
  try {
    await copy(
      table,
      [...columns.map(([name]) => name), 'import_id'],
      checkedLines(plan, run, stats, (_row, body) => `${body},${plan.job.id}\n`, state),
    );
  } catch (error) {
    if (postgresCodeOf(error) !== '23505') throw error;
    state.stopped = true;
  }
  if (state.stopped) {
    await db.execute(sql`rollback to savepoint direct_copy`);
    await run.problems.reset();
    run.progress.rowsRead = 0;
    return false;
  }
  await db.execute(sql`release savepoint direct_copy`);
  const change: FactChange = {
    rows: stats.rows,
    storeIds: [...stats.storeIds],
    from: stats.minDate,
    to: stats.maxDate,
  };
  await run.options.beforeCommit?.();
  await afterWrite(db, plan.kind, change);
  await markApplied(db, plan.job, {
    rowsRead: run.progress.rowsRead,
    applied: stats.rows,
    unchanged: 0,
    stats,
  });
  return true;
}

/**
 * The general path: every valid row into the staging table, then checks (problems, duplicate keys) and one
 * set-wise write — a plain insert when none of the file's keys exist yet, else an upsert that keeps what it replaces.
 */
async function stageAndMerge(driver: StagedDriver, plan: FactPlan, run: FactRun): Promise<void> {
  const { kind, job } = plan;
  const stats = emptyStats();
  await driver.copy(
    STAGE,
    stagingColumns(kind),
    checkedLines(plan, run, stats, (rowNumber, body) => `${rowNumber},${body}\n`, null),
  );
  const rowsRead = run.progress.rowsRead;
  if (run.problems.count > 0) {
    await rejectStaged(driver, plan, run, rowsRead);
    return;
  }
  const fresh =
    stats.rows > 0 &&
    !(await factRowsExist(driver.db, kind, {
      stage: STAGE,
      storeIds: [...stats.storeIds],
      from: stats.minDate ?? undefined,
      to: stats.maxDate ?? undefined,
    }));
  if (fresh) {
    try {
      await driver.write(async (db) => {
        const rows = await insertStaged(db, kind, STAGE, job.id);
        await run.options.beforeCommit?.();
        await afterWrite(db, kind, {
          rows,
          storeIds: [...stats.storeIds],
          from: stats.minDate,
          to: stats.maxDate,
        });
        await markApplied(db, job, { rowsRead, applied: rows, unchanged: 0, stats });
      });
      return;
    } catch (error) {
      // A key twice in the file (or written meanwhile by another process): the careful path finds out which.
      if (postgresCodeOf(error) !== '23505') throw error;
    }
  }
  if ((await countDuplicateKeys(driver.db, kind, STAGE)) > 0) {
    await rejectStaged(driver, plan, run, rowsRead);
    return;
  }
  await driver.write(async (db) => {
    await db.execute(sql`insert into import_superseded (job_id, kind, row, previous_import_id)
      select ${job.id}, ${kind}, row, previous_import_id from (${supersededRowsSql(kind, STAGE)}) superseded`);
    const change = await upsertStaged(db, kind, STAGE, job.id);
    await run.options.beforeCommit?.();
    await afterWrite(db, kind, change);
    await markApplied(db, job, {
      rowsRead,
      applied: change.rows,
      unchanged: stats.rows - change.rows,
      stats,
    });
  });
}

/** Sell-out's rollups follow in the same transaction, so figures and facts always commit together. */
async function afterWrite(db: Db, kind: MappedImportKind, change: FactChange) {
  if (kind !== 'sellout' || change.rows === 0 || !change.from || !change.to) return;
  await refreshSalesRollups(db, { storeIds: change.storeIds, from: change.from, to: change.to });
}

const duplicateWords: Record<MappedImportKind, string> = {
  sellout: 'store, SKU and date',
  inventory: 'store, SKU and date',
  sellin: 'invoice, SKU and store',
  targets: 'scope, owner and month',
};

/** Stores every problem (the file's, then duplicate keys found in staging) and marks the job rejected. */
async function rejectStaged(driver: StagedDriver, plan: FactPlan, run: FactRun, rowsRead: number) {
  const { job, kind } = plan;
  const mapping = job.mapping ?? {};
  const keyColumns = keyFields[kind]
    .map((field) => mapping[field])
    .filter(Boolean)
    .join(' + ');
  await driver.copy('import_errors', importErrorColumns, run.problems.chunks());
  const [duplicates] = await queryRows<{ count: number }>(
    driver.db,
    sql`with inserted as (
        insert into import_errors (job_id, row, "column", value, reason)
        select ${job.id}, row_no, ${keyColumns}, null,
          ${`duplicate: the same ${duplicateWords[kind]} as row `} || first_row
        from (${duplicateRowsSql(kind, STAGE)}) d
        returning 1)
      select count(*)::int as count from inserted`,
  );
  const errorCount = run.problems.count + Number(duplicates.count);
  await markRejected(driver.db, job, rowsRead, errorCount);
}

const keyFields: Record<MappedImportKind, readonly MappingField[]> = {
  sellout: ['storeCode', 'itemCode', 'barcode', 'skuCode', 'date'],
  inventory: ['storeCode', 'itemCode', 'barcode', 'skuCode', 'date'],
  sellin: ['invoiceNo', 'itemCode', 'barcode', 'skuCode', 'storeCode'],
  targets: ['scope', 'ref', 'month'],
};

// ——— Sheet files: SKUs, listings, item codes (the catalog's importers, run as a job) ———

async function runSheetImport(
  database: Database,
  actor: Actor,
  job: JobRow,
  file: ImportFile,
): Promise<void> {
  const importer = { skus: importSkus, listings: importListings, item_codes: importItemCodes }[
    job.kind as 'skus' | 'listings' | 'item_codes'
  ];
  const buffer = await fs.promises.readFile(file.path);
  try {
    const result = await importer(
      database.db,
      actor,
      { buffer, fileName: file.fileName },
      { accountId: job.accountId ?? undefined },
    );
    await markApplied(database.db, job, {
      rowsRead: result.rowsRead,
      applied: result.created + result.updated,
      unchanged: result.unchanged,
      stats: null,
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'internal') throw error;
    const details = error.details as
      { rowsRead?: number; errorCount?: number; errors?: ImportProblem[] } | undefined;
    const found =
      error.code === 'import_rejected' && details?.errors
        ? details.errors
        : [{ row: 1, column: '', value: null, reason: error.message }];
    await rejectWith(database.db, job, details?.rowsRead ?? 0, found, details?.errorCount);
  }
}

// ——— Results ———

async function markApplied(
  db: Db,
  job: JobRow,
  result: { rowsRead: number; applied: number; unchanged: number; stats: RowStats | null },
) {
  await db
    .update(importJobs)
    .set({
      status: 'applied',
      rowsRead: result.rowsRead,
      rowsApplied: result.applied,
      rowsUnchanged: result.unchanged,
      bytesRead: job.fileSize,
      errorCount: 0,
      dateFrom: result.stats?.minDate ?? null,
      dateTo: result.stats?.maxDate ?? null,
      message: null,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    })
    .where(eq(importJobs.id, job.id));
}

async function markRejected(db: Db, job: JobRow, rowsRead: number, errorCount: number) {
  await db
    .update(importJobs)
    .set({
      status: 'rejected',
      rowsRead,
      rowsApplied: 0,
      rowsUnchanged: 0,
      errorCount,
      message: `The file has ${errorCount} ${errorCount === 1 ? 'problem' : 'problems'}; nothing was imported`,
      finishedAt: new Date(),
      heartbeatAt: new Date(),
    })
    .where(eq(importJobs.id, job.id));
}

/** A rejection whose problems are known in full here (a file that cannot be read, a sheet importer's answer). */
async function rejectWith(db: Db, job: JobRow, rowsRead: number, problems: ImportProblem[], total?: number) {
  for (let start = 0; start < problems.length; start += 1000) {
    await db.insert(importErrors).values(
      problems.slice(start, start + 1000).map((problem) => ({
        jobId: job.id,
        row: problem.row,
        column: problem.column,
        value: problem.value,
        reason: problem.reason,
      })),
    );
  }
  await markRejected(db, job, rowsRead, total ?? problems.length);
}

function postgresCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
