import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { scopeKindOf } from '../../../core/auth/roles';
import type { Actor } from '../../http/access';
import { orgSubtreeIdsSql } from '../org-units/org-units.service';

/**
 * The data scope of every module starts here: the stores an actor may see.
 * null means "all stores"; otherwise a subquery of store ids that other modules filter by.
 * Reps and promoters see the stores assigned to them; managers and assistants their org subtree.
 */
export function visibleStoreIdsSql(actor: Actor): SQL | null {
  switch (scopeKindOf(actor.role)) {
    case 'all':
      return null;
    case 'org_subtree':
      return actor.orgUnitId === null
        ? sql`(select null::int where false)`
        : sql`(select id from stores where org_unit_id in ${orgSubtreeIdsSql(actor.orgUnitId)})`;
    case 'assigned_stores':
      return sql`(select store_id from store_assignments where user_id = ${actor.id})`;
  }
}

/** Accounts an actor may read: all, or those with at least one store in scope. */
export function visibleAccountIdsSql(actor: Actor): SQL | null {
  const storeIds = visibleStoreIdsSql(actor);
  return storeIds && sql`(select distinct account_id from stores where id in ${storeIds})`;
}

/** `column in (visible ids)`, or nothing to add when the actor sees everything. */
export function inScope(column: AnyColumn | SQL, ids: SQL | null): SQL | undefined {
  return ids ? sql`${column} in ${ids}` : undefined;
}
