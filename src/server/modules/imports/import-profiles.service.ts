import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ListResponse } from '../../../core/common/list';
import { isMappedKind } from '../../../core/imports/import-fields';
import type {
  ImportProfile,
  ImportProfileUpdate,
  importProfileInputSchema,
} from '../../../core/imports/imports.contract';
import type { ImportKind } from '../../../core/imports/imports.enums';
import type { Db } from '../../db/client';
import { queryRows, toIso } from '../../db/sql-helpers';
import { AppError, conflict, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { visibleAccountIdsSql } from '../stores/store-scope';
import { requireImportPermission, resolveImportAccount } from './import-access';
import { importProfiles, type ColumnMapping, type ImportOptions } from './imports.table';
import type { z } from 'zod';

/** Saved column mappings: how one account's exports of one kind name our fields. */

type ProfileInput = z.output<typeof importProfileInputSchema>;

interface ProfileRow {
  id: number;
  accountId: number;
  accountCode: string;
  kind: ImportKind;
  name: string;
  mapping: ColumnMapping;
  options: ImportOptions;
  updatedAt: Date | string;
}

const profileSelect = sql`select p.id, p.account_id as "accountId", a.code as "accountCode", p.kind, p.name,
    p.mapping, p.options, p.updated_at as "updatedAt"
  from import_profiles p join accounts a on a.id = p.account_id`;

const toProfile = (row: ProfileRow): ImportProfile => ({
  ...row,
  id: Number(row.id),
  accountId: Number(row.accountId),
  updatedAt: toIso(row.updatedAt)!,
});

function visibleProfiles(actor: Actor): SQL[] {
  const accounts = visibleAccountIdsSql(actor);
  return accounts ? [sql`p.account_id in ${accounts}`] : [];
}

const whereAll = (conditions: SQL[]) =>
  conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;

export async function listImportProfiles(
  db: Db,
  actor: Actor,
  query: { accountId?: number[]; kind?: ImportKind[] },
): Promise<ListResponse<ImportProfile>> {
  const conditions = visibleProfiles(actor);
  if (query.accountId) conditions.push(sql`p.account_id = any(${sql.param(query.accountId)}::int[])`);
  if (query.kind) conditions.push(sql`p.kind = any(${sql.param(query.kind)}::text[])`);
  const rows = await queryRows<ProfileRow>(
    db,
    sql`${profileSelect} ${whereAll(conditions)} order by a.code, p.kind, p.name`,
  );
  return { items: rows.map(toProfile), total: rows.length };
}

async function getImportProfile(db: Db, actor: Actor, id: number): Promise<ImportProfile> {
  const [row] = await queryRows<ProfileRow>(
    db,
    sql`${profileSelect} ${whereAll([sql`p.id = ${id}`, ...visibleProfiles(actor)])}`,
  );
  if (!row) throw notFound('Import profile');
  return toProfile(row);
}

/** A profile by name, for an import (the caller has checked the account). */
export async function findImportProfile(
  db: Db,
  accountId: number,
  kind: ImportKind,
  name: string,
): Promise<{ id: number; mapping: ColumnMapping; options: ImportOptions } | null> {
  const [row] = await db
    .select({ id: importProfiles.id, mapping: importProfiles.mapping, options: importProfiles.options })
    .from(importProfiles)
    .where(
      and(
        eq(importProfiles.accountId, accountId),
        eq(importProfiles.kind, kind),
        eq(importProfiles.name, name),
      ),
    );
  return row ?? null;
}

/** Saves a mapping under a name, replacing the one of the same name (an import's `saveProfile`). */
export async function upsertImportProfile(
  db: Db,
  accountId: number,
  kind: ImportKind,
  name: string,
  mapping: ColumnMapping,
  options: ImportOptions,
): Promise<{ id: number }> {
  const [row] = await db
    .insert(importProfiles)
    .values({ accountId, kind, name, mapping, options })
    .onConflictDoUpdate({
      target: [importProfiles.accountId, importProfiles.kind, importProfiles.name],
      set: { mapping, options, updatedAt: new Date() },
    })
    .returning({ id: importProfiles.id });
  return row;
}

function requireMappedKind(kind: ImportKind) {
  if (!isMappedKind(kind)) {
    throw new AppError(
      'validation_failed',
      `${kind} files use their template's columns and take no mapping`,
      [{ path: 'body.kind', message: 'not a mapped kind' }],
    );
  }
}

async function assertNameFree(db: Db, accountId: number, kind: ImportKind, name: string, exceptId?: number) {
  const found = await findImportProfile(db, accountId, kind, name);
  if (found && found.id !== exceptId)
    throw conflict(`This account already has a ${kind} profile named "${name}"`);
}

export async function createImportProfile(db: Db, actor: Actor, input: ProfileInput): Promise<ImportProfile> {
  requireImportPermission(actor, input.kind);
  requireMappedKind(input.kind);
  await resolveImportAccount(db, actor, { accountId: input.accountId });
  await assertNameFree(db, input.accountId, input.kind, input.name);
  const [{ id }] = await db
    .insert(importProfiles)
    .values({
      accountId: input.accountId,
      kind: input.kind,
      name: input.name,
      mapping: input.mapping,
      options: input.options,
    })
    .returning({ id: importProfiles.id });
  return getImportProfile(db, actor, id);
}

export async function updateImportProfile(
  db: Db,
  actor: Actor,
  id: number,
  input: ImportProfileUpdate,
): Promise<ImportProfile> {
  const before = await getImportProfile(db, actor, id);
  requireImportPermission(actor, before.kind);
  if (input.name !== undefined) await assertNameFree(db, before.accountId, before.kind, input.name, id);
  await db
    .update(importProfiles)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(importProfiles.id, id));
  return getImportProfile(db, actor, id);
}

export async function deleteImportProfile(db: Db, actor: Actor, id: number): Promise<void> {
  const before = await getImportProfile(db, actor, id);
  requireImportPermission(actor, before.kind);
  await db.delete(importProfiles).where(eq(importProfiles.id, id));
}
