import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { BUSINESS_TIME_ZONE } from '../../../core/common/time';
import type {
  AuditAction,
  AuditEntity,
  AuditEvent,
  AuditListQuery,
} from '../../../core/audit/audit.contract';
import type { ListResponse } from '../../../core/common/list';
import type { Db } from '../../db/client';
import { changedFields, containsPattern, countAll, toIso } from '../../db/sql-helpers';
import type { Actor } from '../../http/access';
import { users } from '../users/users.table';
import { auditEvents } from './audit.table';

type Snapshot = Record<string, unknown>;

export interface AuditEventInput {
  entity: AuditEntity;
  entityId: number;
  action: AuditAction;
  before: Snapshot | null;
  after: Snapshot | null;
}

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
  await recordAuditEvents(db, actor, [{ entity, entityId, action, before, after }]);
}

/** Many events in few statements, for imports that change thousands of records in one transaction. */
export async function recordAuditEvents(db: Db, actor: Actor, events: AuditEventInput[]): Promise<void> {
  const rows = [];
  for (const event of events) {
    let before = event.before;
    let after = event.after;
    if (event.action === 'update' && before && after) {
      const diff = changedFields(before, after);
      if (!diff) continue;
      before = diff.before;
      after = diff.after;
    }
    rows.push({
      actorId: actor.id > 0 ? actor.id : null,
      entity: event.entity,
      entityId: event.entityId,
      action: event.action,
      before,
      after,
    });
  }
  for (let start = 0; start < rows.length; start += 500) {
    await db.insert(auditEvents).values(rows.slice(start, start + 500));
  }
}

export async function listAuditEvents(db: Db, query: AuditListQuery): Promise<ListResponse<AuditEvent>> {
  const conditions: SQL[] = [];
  if (query.entity) conditions.push(inArray(auditEvents.entity, query.entity));
  if (query.entityId) conditions.push(eq(auditEvents.entityId, query.entityId));
  if (query.actorId) conditions.push(eq(auditEvents.actorId, query.actorId));
  if (query.action) conditions.push(inArray(auditEvents.action, query.action));
  // Dates are whole days in the business time zone.
  if (query.from)
    conditions.push(
      sql`${auditEvents.at} >= (${query.from}::date)::timestamp at time zone ${BUSINESS_TIME_ZONE}`,
    );
  if (query.to)
    conditions.push(
      sql`${auditEvents.at} < (${query.to}::date + 1)::timestamp at time zone ${BUSINESS_TIME_ZONE}`,
    );
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      sql`(${auditEvents.before}::text ilike ${pattern} or ${auditEvents.after}::text ilike ${pattern})`,
    );
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
