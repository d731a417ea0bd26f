import { auditEventSchema, auditListQuerySchema } from '../../../core/audit/audit.contract';
import { permissions } from '../../../core/auth/roles';
import { listResponseSchema } from '../../../core/common/list';
import { allow } from '../../http/access';
import type { App, RouteContext } from '../../http/types';
import { listAuditEvents } from './audit.service';

export function registerAuditRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/audit-events',
    {
      config: { access: allow(permissions.readAudit) },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what and when, newest first',
        querystring: auditListQuerySchema,
        response: { 200: listResponseSchema(auditEventSchema) },
      },
    },
    async (request) => listAuditEvents(db, request.query),
  );
}
