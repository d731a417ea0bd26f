import { z } from 'zod';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import {
  storeInputSchema,
  storeListQuerySchema,
  storeSchema,
  storeUpdateSchema,
} from '../../../core/stores/stores.contract';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { importQuerySchema, importResultSchema } from '../../../core/common/imports';
import { readUpload, sendXlsx } from '../../lib/spreadsheet';
import { exportStores, importStores, storeTemplate } from './stores.import';
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
        description:
          'Filters take one value or a comma-separated list; `storeClass=none` finds stores without an area.',
        querystring: storeListQuerySchema,
        response: { 200: listResponseSchema(storeSchema) },
      },
    },
    async (request) => listStores(db, actorOf(request), request.query),
  );

  // Static paths: find-my-way matches them before the /:id route below, whatever the order.
  app.get(
    '/api/stores/import-template.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Download the store import template (.xlsx, with a 说明 sheet)' },
    },
    async (_request, reply) => sendXlsx(reply, 'stores-import-template', await storeTemplate(), false),
  );

  app.get(
    '/api/stores/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Export the stores in your scope that match the list filters (.xlsx)',
        description:
          'Same filters and sort as `GET /api/stores`; at most 50,000 stores. The file can be edited and imported again.',
        querystring: storeListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'stores', await exportStores(db, actorOf(request), request.query)),
  );

  app.post(
    '/api/stores/import',
    {
      config: { access: allow(permissions.importStores) },
      schema: {
        tags,
        summary: 'Import stores from .xlsx or .csv (UTF-8 or GBK), matched by account code + store code',
        description:
          'multipart/form-data with one field `file`. `dryRun=true` checks the file without writing. ' +
          'A file with any problem answers 422 `import_rejected` with every problem as `{row, column, value, reason}` and applies nothing.',
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importStores(db, actorOf(request), await readUpload(request), { dryRun: request.query.dryRun }),
  );

  app.get(
    '/api/stores/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'One store', params: idParamSchema, response: { 200: storeSchema } },
    },
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
      schema: {
        tags,
        summary: 'Change a store',
        params: idParamSchema,
        body: storeUpdateSchema,
        response: { 200: storeSchema },
      },
    },
    async (request) => updateStore(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/stores/:id',
    {
      config: { access: allow(permissions.writeStores) },
      schema: {
        tags,
        summary: 'Delete a store without contacts',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteStore(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
