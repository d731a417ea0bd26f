import { z } from 'zod';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import { storeInputSchema, storeListQuerySchema, storeSchema, storeUpdateSchema } from '../../../core/stores/stores.contract';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { createStore, deleteStore, getStore, listStores, updateStore } from './stores.service';

const tags = ['stores'];

export function registerStoreRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/stores',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List the stores in your scope',
        description: 'Filters take one value or a comma-separated list; `storeClass=none` finds stores without an area.',
        querystring: storeListQuerySchema,
        response: { 200: listResponseSchema(storeSchema) },
      },
    },
    async (request) => listStores(db, actorOf(request), request.query),
  );

  app.get(
    '/api/stores/:id',
    { config: { access: anyUser }, schema: { tags, summary: 'One store', params: idParamSchema, response: { 200: storeSchema } } },
    async (request) => getStore(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/stores',
    {
      config: { access: allow(permissions.writeStores) },
      schema: {
        tags,
        summary: 'Create a store; its class follows from the floor area',
        body: storeInputSchema,
        response: { 201: storeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createStore(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/stores/:id',
    {
      config: { access: allow(permissions.writeStores) },
      schema: { tags, summary: 'Change a store', params: idParamSchema, body: storeUpdateSchema, response: { 200: storeSchema } },
    },
    async (request) => updateStore(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/stores/:id',
    {
      config: { access: allow(permissions.writeStores) },
      schema: { tags, summary: 'Delete a store without contacts', params: idParamSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteStore(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
