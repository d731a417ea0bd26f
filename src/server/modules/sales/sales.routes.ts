import { z } from 'zod';
import {
  supplySettingsInputSchema,
  supplySettingsListQuerySchema,
  supplySettingsRowSchema,
} from '../../../core/analytics/analytics.contract';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import {
  salesTargetInputSchema,
  salesTargetListQuerySchema,
  salesTargetSchema,
  sellInListQuerySchema,
  sellInPostResultSchema,
  sellInPostSchema,
  sellInRecordSchema,
} from '../../../core/sales/sales.contract';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import {
  deleteSalesTarget,
  listSalesTargets,
  listSellIn,
  listSupplySettings,
  postSellIn,
  saveSalesTarget,
  saveSupplySettings,
} from './sales.service';

const tags = ['sales'];

export function registerSalesRoutes(app: App, { database: { db } }: RouteContext): void {
  app.post(
    '/api/sell-in',
    {
      config: { access: allow(permissions.postSellIn) },
      schema: {
        tags,
        summary: 'Post sell-in (invoice lines) from an ERP; matched on account + invoice no. + SKU + store',
        description:
          'Up to 10,000 lines, amounts in fen. Posting the same lines again updates them. Any bad line ' +
          '(unknown account, store or SKU, a store of another account, a line twice) rejects all with 400.',
        body: sellInPostSchema,
        response: { 200: sellInPostResultSchema },
      },
    },
    async (request) => postSellIn(db, actorOf(request), request.body),
  );

  app.get(
    '/api/sell-in',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Sell-in lines in your scope (store lines with the store, account lines with the account)',
        querystring: sellInListQuerySchema,
        response: { 200: listResponseSchema(sellInRecordSchema) },
      },
    },
    async (request) => listSellIn(db, actorOf(request), request.query),
  );

  app.get(
    '/api/targets',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Monthly sales targets you may see',
        querystring: salesTargetListQuerySchema,
        response: { 200: listResponseSchema(salesTargetSchema) },
      },
    },
    async (request) => listSalesTargets(db, actorOf(request), request.query),
  );

  app.post(
    '/api/targets',
    {
      config: { access: allow(permissions.writeTargets) },
      schema: {
        tags,
        summary: "Set one month's target for the company, an account, a store, a rep or an org unit",
        description: 'Replaces the target of the same scope, id and month if there is one.',
        body: salesTargetInputSchema,
        response: { 200: salesTargetSchema },
      },
    },
    async (request) => saveSalesTarget(db, actorOf(request), request.body),
  );

  app.delete(
    '/api/targets/:id',
    {
      config: { access: allow(permissions.writeTargets) },
      schema: { tags, summary: 'Delete a target', params: idParamSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteSalesTarget(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/supply-settings',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          "Each account's lead time, review period, safety days and averaging window (defaults where unset)",
        querystring: supplySettingsListQuerySchema,
        response: { 200: listResponseSchema(supplySettingsRowSchema) },
      },
    },
    async (request) => listSupplySettings(db, actorOf(request), request.query),
  );

  app.put(
    '/api/supply-settings/:accountId',
    {
      config: { access: allow(permissions.writeSupplySettings) },
      schema: {
        tags,
        summary: "Save an account's supply settings (the order-suggestion formula's days)",
        params: z.object({ accountId: z.coerce.number().int().positive() }),
        body: supplySettingsInputSchema,
        response: { 200: supplySettingsRowSchema },
      },
    },
    async (request) => saveSupplySettings(db, actorOf(request), request.params.accountId, request.body),
  );
}
