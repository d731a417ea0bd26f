import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { importKinds, importStatuses, type MappingField } from '../../../core/imports/imports.enums';
import { accounts } from '../accounts/accounts.table';
import { users } from '../users/users.table';

export type ColumnMapping = Partial<Record<MappingField, string>>;
export interface ImportOptions {
  encoding?: 'utf8' | 'gbk';
  /** How the file writes dates when not ISO: e.g. 'YYYYMMDD', 'YYYY/M/D'. Detected when absent. */
  dateFormat?: string;
}

/** A saved column mapping: how one account's export names the fields we read. */
export const importProfiles = pgTable(
  'import_profiles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: importKinds }).notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<ColumnMapping>().notNull(),
    options: jsonb('options').$type<ImportOptions>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique('import_profiles_name_key').on(table.accountId, table.kind, table.name)],
);

/** One import of one file: its progress while it runs, and afterwards its history and result. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: importKinds }).notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    profileId: integer('profile_id').references(() => importProfiles.id, { onDelete: 'set null' }),
    status: text('status', { enum: importStatuses }).notNull().default('queued'),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file, so history shows when the same file came twice. */
    fileHash: text('file_hash').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    mapping: jsonb('mapping').$type<ColumnMapping>(),
    options: jsonb('options').$type<ImportOptions>().notNull().default({}),
    rowsRead: integer('rows_read').notNull().default(0),
    /** Rows written (new or changed). */
    rowsApplied: integer('rows_applied').notNull().default(0),
    /** Rows that matched what was already stored. */
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    /** Bytes of the file read so far, for progress and ETA. */
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    message: text('message'),
    dateFrom: date('date_from', { mode: 'string' }),
    dateTo: date('date_to', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Set by the running import every second or so; a stale one after a restart means it died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: integer('undone_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('import_jobs_created_idx').on(table.createdAt),
    index('import_jobs_hash_idx').on(table.fileHash),
  ],
);

/** Every problem of a rejected import (the API shows the first 1,000; the full list downloads). */
export const importErrors = pgTable(
  'import_errors',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    value: text('value'),
    reason: text('reason').notNull(),
  },
  (table) => [index('import_errors_job_idx').on(table.jobId, table.row)],
);

/**
 * What an import overwrote, so that undoing it can put the earlier values back. Facts of every kind share
 * the shape: the key (store, date, SKU — or the sell-in line), the old values, and which import wrote them.
 */
export const importSuperseded = pgTable(
  'import_superseded',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: importKinds }).notNull(),
    /** The old row as JSON (column names as in its table). */
    row: jsonb('row').$type<Record<string, unknown>>().notNull(),
    previousImportId: integer('previous_import_id'),
  },
  (table) => [
    index('import_superseded_job_idx').on(table.jobId),
    index('import_superseded_prev_idx').on(table.previousImportId),
  ],
);
