import { z } from 'zod';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema } from '../../../core/common/list';
import { orgUnitInputSchema, orgUnitSchema } from '../../../core/org/org.contract';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { createOrgUnit, deleteOrgUnit, getOrgUnit, listOrgUnits, updateOrgUnit } from './org-units.service';

const tags = ['org-units'];

export function registerOrgUnitRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/org-units',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'The whole org tree as a flat list (parentId links)',
        response: { 200: z.object({ items: z.array(orgUnitSchema), total: z.number().int() }) },
      },
    },
    async () => {
      const items = await listOrgUnits(db);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/org-units/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'One org unit', params: idParamSchema, response: { 200: orgUnitSchema } },
    },
    async (request) => getOrgUnit(db, request.params.id),
  );

  app.post(
    '/api/org-units',
    {
      config: { access: allow(permissions.manageOrgUnits) },
      schema: {
        tags,
        summary: 'Create an org unit',
        body: orgUnitInputSchema,
        response: { 201: orgUnitSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrgUnit(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/org-units/:id',
    {
      config: { access: allow(permissions.manageOrgUnits) },
      schema: {
        tags,
        summary: 'Rename or move an org unit',
        params: idParamSchema,
        body: orgUnitInputSchema.partial(),
        response: { 200: orgUnitSchema },
      },
    },
    async (request) => updateOrgUnit(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/org-units/:id',
    {
      config: { access: allow(permissions.manageOrgUnits) },
      schema: {
        tags,
        summary: 'Delete an empty org unit',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteOrgUnit(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
