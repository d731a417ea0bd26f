import { eq, sql, type SQL } from 'drizzle-orm';
import type { OrgUnit, OrgUnitInput } from '../../../core/org/org.contract';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';
import { AppError, conflict, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { recordAuditEvent } from '../audit/audit.service';
import { orgUnits } from './org-units.table';

const orgUnitColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
};

/**
 * The whole tree in display order: each unit right after its parent, siblings by code. Ordering by
 * parent id would not do: a unit moved under a newer one would come before its parent. The tree is small.
 */
export async function listOrgUnits(db: Db): Promise<OrgUnit[]> {
  return queryRows<OrgUnit>(
    db,
    sql`with recursive tree as (
      select id, code, name, kind, parent_id, array[code] as path from org_units where parent_id is null
      union all
      select child.id, child.code, child.name, child.kind, child.parent_id, tree.path || child.code
      from org_units child join tree on child.parent_id = tree.id
    ) select id, code, name, kind, parent_id as "parentId" from tree order by path`,
  );
}

export async function getOrgUnit(db: Db, id: number): Promise<OrgUnit> {
  const [row] = await db.select(orgUnitColumns).from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw notFound('Org unit');
  return row;
}

/** A subquery of the ids in the subtree under `rootId`, the root included (`union` ends even on a cycle). */
export function orgSubtreeIdsSql(rootId: number): SQL {
  return sql`(with recursive subtree(id) as (
      select ${rootId}::int
      union
      select child.id from org_units child join subtree on child.parent_id = subtree.id
    ) select id from subtree)`;
}

export async function getOrgSubtreeIds(db: Db, rootId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from ${orgSubtreeIdsSql(rootId)} as s`);
  return rows.map((row) => Number(row.id));
}

export async function isInOrgSubtree(db: Db, rootId: number, orgUnitId: number): Promise<boolean> {
  return (await getOrgSubtreeIds(db, rootId)).includes(orgUnitId);
}

export async function createOrgUnit(db: Db, actor: Actor, input: OrgUnitInput): Promise<OrgUnit> {
  return db.transaction(async (tx) => {
    if (input.parentId !== null) await getOrgUnit(tx, input.parentId);
    await assertCodeFree(tx, input.code);
    const [row] = await tx.insert(orgUnits).values(input).returning(orgUnitColumns);
    await recordAuditEvent(tx, actor, 'org_unit', row.id, 'create', null, row);
    return row;
  });
}

export async function updateOrgUnit(
  db: Db,
  actor: Actor,
  id: number,
  input: Partial<OrgUnitInput>,
): Promise<OrgUnit> {
  return db.transaction(async (tx) => {
    const before = await getOrgUnit(tx, id);
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code);
    if (input.parentId !== undefined && input.parentId !== null) {
      // Two moves checked at the same time could together close a loop; take turns.
      await tx.execute(sql`lock table org_units in share row exclusive mode`);
      await getOrgUnit(tx, input.parentId);
      // Moving a unit under itself or under one of its descendants would cut the tree loose.
      if ((await getOrgSubtreeIds(tx, id)).includes(input.parentId)) {
        throw new AppError('business_rule', 'An org unit cannot be moved under itself or its descendants');
      }
    }
    const [row] = await tx
      .update(orgUnits)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(orgUnits.id, id))
      .returning(orgUnitColumns);
    await recordAuditEvent(tx, actor, 'org_unit', id, 'update', before, row);
    return row;
  });
}

export async function deleteOrgUnit(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getOrgUnit(tx, id);
    const [usage] = await queryRows<{ children: number; users: number; stores: number }>(
      tx,
      sql`select
        (select count(*)::int from org_units where parent_id = ${id}) as children,
        (select count(*)::int from users where org_unit_id = ${id}) as users,
        (select count(*)::int from stores where org_unit_id = ${id}) as stores`,
    );
    if (Number(usage.children) + Number(usage.users) + Number(usage.stores) > 0) {
      throw conflict('The org unit still has child units, users or stores', {
        children: Number(usage.children),
        users: Number(usage.users),
        stores: Number(usage.stores),
      });
    }
    await tx.delete(orgUnits).where(eq(orgUnits.id, id));
    await recordAuditEvent(tx, actor, 'org_unit', id, 'delete', before, null);
  });
}

async function assertCodeFree(db: Db, code: string) {
  const [existing] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  if (existing) throw conflict(`Org unit code ${code} is already used`, { field: 'code' });
}
