import { eq, sql, type SQL } from 'drizzle-orm';
import { can } from '../../../core/auth/roles';
import type { ListResponse } from '../../../core/common/list';
import { isMappedKind, suggestMapping } from '../../../core/imports/import-fields';
import { localizeReason } from '../../../core/imports/problem-reasons';
import {
  importPermissionOf,
  type ImportJob,
  type ImportJobDetail,
  type ImportPreview,
  type ImportPreviewRequest,
  type ImportRequest,
} from '../../../core/imports/imports.contract';
import { factImportKinds, type ImportKind, type ImportStatus } from '../../../core/imports/imports.enums';
import type { ImportProblem } from '../../../core/common/errors';
import type { Database, Db } from '../../db/client';
import { withBulkTransaction } from '../../db/bulk';
import { containsPattern, queryRows, toIso } from '../../db/sql-helpers';
import { AppError, conflict, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { importRejected } from '../../lib/spreadsheet';
import { refreshSalesRollups } from '../analytics/rollups.service';
import { orgSubtreeIdsSql } from '../org-units/org-units.service';
import { deleteRowsOfImport, restoreRows, type FactKind } from '../sales/sales.merge';
import { resolveMapping } from './imports.mapping';
import { requireImportPermission, resolveImportAccount } from './import-access';
import { findImportProfile, upsertImportProfile } from './import-profiles.service';
import { openRowSource, UnreadableFileError } from './imports.reader';
import { runExclusive, type ImportFile } from './imports.runner';
import { importJobs, type ColumnMapping, type ImportOptions } from './imports.table';

/** The detail answer lists this many problems; the rest are in errors.csv. */
export const DETAIL_ERRORS = 1000;

// Fact files name stores and SKUs by the account's codes; targets and master-data sheets name accounts per row.
const needsAccount = (kind: ImportKind) => kind === 'sellout' || kind === 'inventory' || kind === 'sellin';

/**
 * Records an import of a file that has been saved to disk, after checking what can be checked at once: who may
 * import it, the account, and that every field the kind needs has a column (else 422, nothing recorded).
 * The rows are read by the job (runImportJob).
 */
export async function createImportJob(
  db: Db,
  actor: Actor,
  request: ImportRequest,
  file: ImportFile,
): Promise<ImportJob> {
  const { kind } = request;
  requireImportPermission(actor, kind);
  const account = await resolveImportAccount(db, actor, request);
  if (!account && needsAccount(kind)) {
    throw new AppError('validation_failed', `A ${kind} file needs its account`, [
      { path: 'body.account', message: 'required' },
    ]);
  }
  let mapping: ColumnMapping | null = null;
  let options: ImportOptions = {};
  let profileId: number | null = null;
  if (isMappedKind(kind)) {
    let given: ColumnMapping | null = request.mapping ?? null;
    const profile = account
      ? request.profile
        ? await findImportProfile(db, account.id, kind, request.profile)
        : given
          ? null
          : await findImportProfile(db, account.id, kind, 'default')
      : null;
    if (request.profile && !profile) {
      throw notFound(`Import profile "${request.profile}" of this account for ${kind} files`);
    }
    if (profile) {
      given = profile.mapping;
      options = { ...profile.options };
      profileId = profile.id;
    }
    if (request.encoding) options.encoding = request.encoding;
    const { headers, headerRowNumber } = await readHeaders(file, options);
    const resolved = resolveMapping(kind, headers, headerRowNumber, given);
    if (resolved.problems.length) throw importRejected(resolved.problems, 0);
    mapping = resolved.mapping;
    if (request.saveProfile) {
      if (!account)
        throw new AppError('validation_failed', 'A profile belongs to an account: name the account');
      profileId = (
        await upsertImportProfile(db, account.id, kind, request.saveProfile, mapping, {
          ...(options.encoding ? { encoding: options.encoding } : {}),
        })
      ).id;
    }
  }
  const [{ id }] = await db
    .insert(importJobs)
    .values({
      kind,
      accountId: account?.id ?? null,
      profileId,
      status: 'queued',
      fileName: file.fileName,
      fileHash: file.hash,
      fileSize: file.size,
      mapping,
      options,
      createdBy: actor.id > 0 ? actor.id : null,
      heartbeatAt: new Date(),
    })
    .returning({ id: importJobs.id });
  return getImportJob(db, actor, id);
}

async function readHeaders(file: ImportFile, options: ImportOptions) {
  try {
    const source = await openRowSource(file.path, file.fileName, { encoding: options.encoding });
    source.close();
    return source;
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw importRejected([{ row: 1, column: '', value: null, reason: error.message }], 0);
    }
    throw error;
  }
}

// ——— Reading jobs ———

/** Admin and HQ operations see every import; managers and assistants their subtree's people's; others their own. */
function jobScope(actor: Actor): SQL | null {
  if (actor.role === 'admin' || actor.role === 'hq_ops') return null;
  if ((actor.role === 'manager' || actor.role === 'assistant') && actor.orgUnitId !== null) {
    return sql`(j.created_by = ${actor.id} or j.created_by in
      (select id from users where org_unit_id in ${orgSubtreeIdsSql(actor.orgUnitId)}))`;
  }
  return sql`j.created_by = ${actor.id}`;
}

interface JobRecord {
  id: number;
  kind: ImportKind;
  status: ImportStatus;
  accountId: number | null;
  accountName: string | null;
  profileId: number | null;
  fileName: string;
  fileHash: string;
  fileSize: number;
  rowsRead: number;
  rowsApplied: number;
  rowsUnchanged: number;
  bytesRead: number;
  errorCount: number;
  message: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: Date | string;
  startedAt: Date | string | null;
  finishedAt: Date | string | null;
  undoneAt: Date | string | null;
  sameFileAs: number | null;
  supersededByLater: boolean;
}

const jobSelect = sql`select j.id, j.kind, j.status, j.account_id as "accountId", a.name as "accountName",
    j.profile_id as "profileId", j.file_name as "fileName", j.file_hash as "fileHash", j.file_size::float8 as "fileSize",
    j.rows_read as "rowsRead", j.rows_applied as "rowsApplied", j.rows_unchanged as "rowsUnchanged",
    j.bytes_read::float8 as "bytesRead", j.error_count as "errorCount", j.message,
    j.date_from::text as "dateFrom", j.date_to::text as "dateTo", j.created_by as "createdBy",
    u.display_name as "createdByName", j.created_at as "createdAt", j.started_at as "startedAt",
    j.finished_at as "finishedAt", j.undone_at as "undoneAt",
    (select max(p.id) from import_jobs p
      where p.file_hash = j.file_hash and p.kind = j.kind and p.id < j.id and p.status = 'applied') as "sameFileAs",
    exists (select 1 from import_superseded s join import_jobs l on l.id = s.job_id
      where s.previous_import_id = j.id and l.status = 'applied') as "supersededByLater"
  from import_jobs j
  left join accounts a on a.id = j.account_id
  left join users u on u.id = j.created_by`;

const seconds = (from: Date | string | null, to: Date | string | number | null) =>
  from === null || to === null ? null : (new Date(to).getTime() - new Date(from).getTime()) / 1000;

function toImportJob(actor: Actor, now = Date.now()) {
  return (row: JobRecord): ImportJob => {
    const fileSize = Number(row.fileSize);
    const bytesRead = Number(row.bytesRead);
    const rowsRead = Number(row.rowsRead);
    const running = row.status === 'running';
    const elapsed = seconds(row.startedAt, running ? now : row.finishedAt);
    const progress =
      row.status === 'queued'
        ? 0
        : running
          ? fileSize > 0
            ? Math.min(1, bytesRead / fileSize)
            : null
          : row.status === 'failed'
            ? null
            : 1;
    return {
      id: Number(row.id),
      kind: row.kind,
      status: row.status,
      accountId: row.accountId === null ? null : Number(row.accountId),
      accountName: row.accountName,
      profileId: row.profileId === null ? null : Number(row.profileId),
      fileName: row.fileName,
      fileHash: row.fileHash,
      fileSize,
      rowsRead,
      rowsApplied: Number(row.rowsApplied),
      rowsUnchanged: Number(row.rowsUnchanged),
      errorCount: Number(row.errorCount),
      progress,
      rowsPerSecond: elapsed && elapsed > 0 && rowsRead > 0 ? Math.round(rowsRead / elapsed) : null,
      etaSeconds:
        running && elapsed !== null && bytesRead > 0
          ? Math.max(0, Math.round((elapsed * (fileSize - bytesRead)) / bytesRead))
          : null,
      message: row.message,
      dateFrom: row.dateFrom,
      dateTo: row.dateTo,
      createdBy: row.createdBy === null ? null : Number(row.createdBy),
      createdByName: row.createdByName,
      createdAt: toIso(row.createdAt)!,
      startedAt: toIso(row.startedAt),
      finishedAt: toIso(row.finishedAt),
      undoneAt: toIso(row.undoneAt),
      sameFileAs: row.sameFileAs === null ? null : Number(row.sameFileAs),
      canUndo:
        row.status === 'applied' &&
        (factImportKinds as readonly string[]).includes(row.kind) &&
        !row.supersededByLater &&
        can(actor.role, importPermissionOf[row.kind]),
    };
  };
}

export interface ImportJobListQuery {
  kind?: ImportKind[];
  status?: ImportStatus[];
  accountId?: number[];
  q?: string;
  limit: number;
  offset: number;
}

export async function listImportJobs(
  db: Db,
  actor: Actor,
  query: ImportJobListQuery,
): Promise<ListResponse<ImportJob>> {
  const conditions: SQL[] = [];
  const scope = jobScope(actor);
  if (scope) conditions.push(scope);
  if (query.kind) conditions.push(sql`j.kind = any(${sql.param(query.kind)}::text[])`);
  if (query.status) conditions.push(sql`j.status = any(${sql.param(query.status)}::text[])`);
  if (query.accountId) conditions.push(sql`j.account_id = any(${sql.param(query.accountId)}::int[])`);
  if (query.q) conditions.push(sql`j.file_name ilike ${containsPattern(query.q)}`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await queryRows<JobRecord>(
    db,
    sql`${jobSelect} ${where} order by j.id desc limit ${query.limit} offset ${query.offset}`,
  );
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from import_jobs j ${where}`,
  );
  return { items: rows.map(toImportJob(actor)), total: Number(total) };
}

async function findJobRecord(db: Db, actor: Actor, id: number): Promise<JobRecord> {
  const scope = jobScope(actor);
  const [row] = await queryRows<JobRecord>(
    db,
    sql`${jobSelect} where j.id = ${id} ${scope ? sql`and ${scope}` : sql``}`,
  );
  if (!row) throw notFound('Import');
  return row;
}

export async function getImportJob(db: Db, actor: Actor, id: number): Promise<ImportJob> {
  return toImportJob(actor)(await findJobRecord(db, actor, id));
}

/** A job with its first problems, in sheet order. */
export async function getImportJobDetail(db: Db, actor: Actor, id: number): Promise<ImportJobDetail> {
  const job = await getImportJob(db, actor, id);
  const errors = await queryRows<ImportProblem>(
    db,
    sql`select row, "column", value, reason from import_errors where job_id = ${id}
      order by row, "column" limit ${DETAIL_ERRORS}`,
  );
  return { ...job, errors: errors.map((error) => ({ ...error, row: Number(error.row) })) };
}

/**
 * Every problem as CSV (UTF-8 with a BOM, so Excel reads the Chinese), read from the database page by page. The
 * reasons are in the user's language, for the person who opens the file; the JSON API keeps them in English.
 */
export async function importErrorsCsv(
  db: Db,
  actor: Actor,
  id: number,
): Promise<{ fileName: string; chunks: AsyncGenerator<string> }> {
  await findJobRecord(db, actor, id);
  const quote = (text: string | null) =>
    text === null ? '' : /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  async function* chunks() {
    yield '\ufeff行,列,值,问题\r\n';
    let after = 0;
    for (;;) {
      // Pages end on a row boundary: the next page starts after the last complete row.
      const page = await queryRows<ImportProblem>(
        db,
        sql`select row, "column", value, reason from import_errors where job_id = ${id} and row > ${after}
          order by row, "column" limit 10000`,
      );
      if (page.length === 0) return;
      let rows = page;
      const lastRow = Number(page[page.length - 1].row);
      if (page.length === 10000 && Number(page[0].row) !== lastRow) {
        rows = page.filter((problem) => Number(problem.row) !== lastRow);
      }
      yield rows
        .map(
          (p) =>
            `${p.row},${quote(p.column)},${quote(p.value)},${quote(localizeReason(p.reason, actor.locale))}\r\n`,
        )
        .join('');
      after = Number(rows[rows.length - 1].row);
    }
  }
  return { fileName: `import-${id}-errors.csv`, chunks: chunks() };
}

// ——— Undo ———

/**
 * Takes an applied import back: deletes the rows it wrote and puts back the rows it replaced, then refreshes the
 * rollups. Refused when a later import replaced rows of this one (that one must be undone first), and for master
 * data (SKUs, listings, item codes), which has its own history in the audit log.
 */
export async function undoImportJob(database: Database, actor: Actor, id: number): Promise<ImportJob> {
  const db = database.db;
  const record = await findJobRecord(db, actor, id);
  requireImportPermission(actor, record.kind);
  if (!(factImportKinds as readonly string[]).includes(record.kind)) {
    throw conflict(
      'An import of SKUs, listings or item codes cannot be undone; import the corrected sheet instead',
    );
  }
  const kind = record.kind as FactKind;
  await runExclusive(async () => {
    await withBulkTransaction(database, async ({ db: tx }) => {
      const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for('update');
      if (job.status !== 'applied')
        throw conflict(`Only an applied import can be undone; this one is ${job.status}`);
      const [later] = await queryRows<{ id: number }>(
        tx,
        sql`select l.id from import_superseded s join import_jobs l on l.id = s.job_id
          where s.previous_import_id = ${id} and l.status = 'applied' order by l.id desc limit 1`,
      );
      if (later) {
        throw conflict(`Import ${later.id} replaced rows of this one: undo import ${later.id} first`, {
          importId: Number(later.id),
        });
      }
      const removed = await deleteRowsOfImport(tx, kind, id);
      const restored = await restoreRows(
        tx,
        kind,
        sql`select row from import_superseded where job_id = ${id} and kind = ${kind}`,
      );
      await tx.execute(sql`delete from import_superseded where job_id = ${id}`);
      if (kind === 'sellout') {
        const dates = [removed.from, removed.to, restored.from, restored.to]
          .filter((d): d is string => !!d)
          .sort();
        const storeIds = [...new Set([...removed.storeIds, ...restored.storeIds])];
        if (dates.length)
          await refreshSalesRollups(tx, { storeIds, from: dates[0], to: dates[dates.length - 1] });
      }
      await tx
        .update(importJobs)
        .set({ status: 'undone', undoneAt: new Date(), undoneBy: actor.id > 0 ? actor.id : null })
        .where(eq(importJobs.id, id));
    });
  });
  return getImportJob(db, actor, id);
}

// ——— Preview ———

/** The first rows of a file and a guess of its mapping, for the mapping screen. Nothing is recorded. */
export async function previewImport(
  db: Db,
  actor: Actor,
  request: ImportPreviewRequest,
  file: ImportFile,
): Promise<ImportPreview> {
  requireImportPermission(actor, request.kind);
  const account = await resolveImportAccount(db, actor, request);
  let source;
  try {
    source = await openRowSource(file.path, file.fileName, { encoding: request.encoding });
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      throw importRejected([{ row: 1, column: '', value: null, reason: error.message }], 0);
    }
    throw error;
  }
  const rows: Record<string, string>[] = [];
  try {
    const visit = (_rowNumber: number, values: string[]) => {
      if (rows.length === 10) return;
      const record: Record<string, string> = {};
      source.headers.forEach((header, index) => {
        if (header !== '') record[header] = (values[index] ?? '').trim();
      });
      rows.push(record);
    };
    for await (const _piece of source.rows(visit)) if (rows.length === 10) break;
  } finally {
    source.close();
  }
  const { kind } = request;
  let suggestedMapping: ColumnMapping = {};
  if (isMappedKind(kind)) {
    const profile = account ? await findImportProfile(db, account.id, kind, 'default') : null;
    suggestedMapping = profile
      ? resolveMapping(kind, source.headers, source.headerRowNumber, profile.mapping).mapping
      : suggestMapping(kind, source.headers);
  }
  return {
    encoding: source.encoding ?? 'utf8',
    headers: source.headers.filter((header) => header !== ''),
    rows,
    suggestedMapping,
  };
}
