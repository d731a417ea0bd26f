import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '../../../core/common/time';
import type { AuditAction, AuditEntity, AuditEvent, AuditListQuery } from '../../../core/audit/audit.contract';
import type { ListResponse } from '../../../core/common/list';
import type { Db } from '../../db/client';
import { changedFields, containsPattern, countAll, toIso } from '../../db/sql-helpers';
import type { Actor } from '../../http/access';
import { users } from '../users/users.table';
import { auditEvents } from './audit.table';

type Snapshot = Record<string, unknown>;

/**
 * Writes one audit event in the caller's transaction, so the change and its record commit together.
 * Updates keep only the fields that changed; an update that changed nothing is not recorded.
 */
export async function recordAuditEvent(
  db: Db,
  actor: Actor,
  entity: AuditEntity,
  entityId: number,
  action: AuditAction,
  before: Snapshot | null,
  after: Snapshot | null,
): Promise<void> {
  let beforeValue = before;
  let afterValue = after;
  if (action === 'update' && before && after) {
    const diff = changedFields(before, after);
    if (!diff) return;
    beforeValue = diff.before;
    afterValue = diff.after;
  }
  await db.insert(auditEvents).values({
    actorId: actor.id > 0 ? actor.id : null,
    entity,
    entityId,
    action,
    before: beforeValue,
    after: afterValue,
  });
}

export async function listAuditEvents(db: Db, query: AuditListQuery): Promise<ListResponse<AuditEvent>> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(inArray(auditEvents.entity, query.entity));
  if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditEvents.actorId, query.actorId));
  if (query.action) conditions.push(inArray(auditEvents.action, query.action));
  // Dates are whole days in the business time zone.
  if (query.from) conditions.push(sql`${auditEvents.at} >= (${query.from}::date)::timestamp at time zone ${BUSINESS_TIME_ZONE}`);
  if (query.to) conditions.push(sql`${auditEvents.at} < (${query.to}::date + 1)::timestamp at time zone ${BUSINESS_TIME_ZONE}`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(sql`(${auditEvents.before}::text ilike ${pattern} or ${auditEvents.after}::text ilike ${pattern})`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorId: auditEvents.actorId,
        actorName: users.displayName,
        entity: auditEvents.entity,
        entityId: auditEvents.entityId,
        action: auditEvents.action,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(sql`${auditEvents.at} desc, ${auditEvents.id} desc`)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: countAll }).from(auditEvents).where(where),
  ]);
  return { items: rows.map((row) => ({ ...row, at: toIso(row.at)! })), total };
}
