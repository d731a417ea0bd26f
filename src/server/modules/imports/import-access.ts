import { sql } from 'drizzle-orm';
import { can } from '../../../core/auth/roles';
import { importPermissionOf } from '../../../core/imports/imports.contract';
import type { ImportKind } from '../../../core/imports/imports.enums';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';
import { forbidden, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { visibleAccountIdsSql } from '../stores/store-scope';

export function requireImportPermission(actor: Actor, kind: ImportKind): void {
  if (!can(actor.role, importPermissionOf[kind])) throw forbidden(`You may not import ${kind} files`);
}

/** The account a file belongs to, by id or code; one outside the actor's scope is "not found". */
export async function resolveImportAccount(
  db: Db,
  actor: Actor,
  request: { account?: string; accountId?: number },
): Promise<{ id: number; code: string; name: string } | null> {
  if (request.account === undefined && request.accountId === undefined) return null;
  const visible = visibleAccountIdsSql(actor);
  const [row] = await queryRows<{ id: number; code: string; name: string }>(
    db,
    sql`select id, code, name from accounts
      where ${request.accountId !== undefined ? sql`id = ${request.accountId}` : sql`code = ${request.account}`}
      ${visible ? sql`and id in ${visible}` : sql``}`,
  );
  if (!row) throw notFound('Account');
  return { ...row, id: Number(row.id) };
}
