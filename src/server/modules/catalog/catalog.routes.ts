import { z } from 'zod';
import { permissions } from '../../../core/auth/roles';
import {
  distributionQuerySchema,
  distributionRowSchema,
  itemCodeInputSchema,
  itemCodeKeySchema,
  itemCodeListQuerySchema,
  itemCodeSchema,
  launchQuerySchema,
  launchSchema,
  listingInputSchema,
  listingKeySchema,
  listingListQuerySchema,
  listingSchema,
  skuInputSchema,
  skuListQuerySchema,
  skuSchema,
  skuUpdateSchema,
} from '../../../core/catalog/catalog.contract';
import { importQuerySchema, importResultSchema } from '../../../core/common/imports';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { readUpload, sendXlsx } from '../../lib/spreadsheet';
import {
  exportItemCodes,
  exportListings,
  exportSkus,
  itemCodeTemplate,
  listingTemplate,
  skuTemplate,
} from './catalog.export';
import { importItemCodes, importListings, importSkus } from './catalog.import';
import {
  createSku,
  deleteItemCode,
  deleteSku,
  getSku,
  listItemCodes,
  listSkus,
  updateSku,
  upsertItemCode,
} from './catalog.service';
import { getDistribution, getLaunch } from './distribution.service';
import { deleteListing, listListings, upsertListing } from './listings.service';

const importDescription =
  'multipart/form-data with one field `file` (.xlsx, or .csv in UTF-8 or GBK). `dryRun=true` checks the file without writing. ' +
  'A file with any problem answers 422 `import_rejected` with every problem as `{row, column, value, reason}` and applies nothing.';

export function registerCatalogRoutes(app: App, { database: { db } }: RouteContext): void {
  registerSkuRoutes(app, db);
  registerItemCodeRoutes(app, db);
  registerListingRoutes(app, db);

  app.get(
    '/api/analytics/distribution',
    {
      config: { access: anyUser },
      schema: {
        tags: ['analytics'],
        summary: 'Numeric distribution (铺货率) per SKU: share of target stores listing it and selling it',
        description:
          'Target stores: open stores in your scope matching `accountId`, `storeClass`, `city`. Listed: an active listing on `to`. ' +
          'Sold: sell-out units > 0 on some day from `from` to `to`. Our SKUs unless `skuId` names others.',
        querystring: distributionQuerySchema,
        response: { 200: z.object({ rows: z.array(distributionRowSchema) }) },
      },
    },
    async (request) => getDistribution(db, actorOf(request), request.query),
  );
}

type Db = RouteContext['database']['db'];

function registerSkuRoutes(app: App, db: Db) {
  const tags = ['skus'];
  app.get(
    '/api/skus',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List SKUs (company master data: everyone signed in reads all of them)',
        description: '`q` searches code, name, barcode and brand; `barcode` finds one exact barcode.',
        querystring: skuListQuerySchema,
        response: { 200: listResponseSchema(skuSchema) },
      },
    },
    async (request) => listSkus(db, actorOf(request), request.query),
  );

  // Static paths: find-my-way matches them before /:id, whatever the order.
  app.get(
    '/api/skus/import-template.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Download the SKU import template (.xlsx, with a 说明 sheet)' },
    },
    async (_request, reply) => sendXlsx(reply, 'skus-import-template', await skuTemplate(), false),
  );

  app.get(
    '/api/skus/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Export the SKUs that match the list filters (.xlsx, the import template’s columns)',
        querystring: skuListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => sendXlsx(reply, 'skus', await exportSkus(db, actorOf(request), request.query)),
  );

  app.post(
    '/api/skus/import',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Import SKUs from .xlsx or .csv, matched by SKU code (品项编码)',
        description: importDescription,
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importSkus(db, actorOf(request), await readUpload(request), { dryRun: request.query.dryRun }),
  );

  app.get(
    '/api/skus/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'One SKU', params: idParamSchema, response: { 200: skuSchema } },
    },
    async (request) => getSku(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/skus/:id/launch',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          'A new product’s launch week by week: target stores listing it, stores that have sold it, units',
        description:
          'Target stores: open stores in your scope (optionally of `accountId`). Weeks run Monday to Sunday from `from`, ' +
          'else the SKU’s launch date, else its first listing or sale, to `to` (default today); at most 104 weeks.',
        params: idParamSchema,
        querystring: launchQuerySchema,
        response: { 200: launchSchema },
      },
    },
    async (request) => getLaunch(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/skus',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Create a SKU; the barcode’s check digit is verified and codes and barcodes are unique',
        body: skuInputSchema,
        response: { 201: skuSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSku(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/skus/:id',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Change a SKU',
        params: idParamSchema,
        body: skuUpdateSchema,
        response: { 200: skuSchema },
      },
    },
    async (request) => updateSku(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/skus/:id',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Delete a SKU without sales, stock or listings (409 otherwise: discontinue it instead)',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteSku(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

function registerItemCodeRoutes(app: App, db: Db) {
  const tags = ['skus'];
  app.get(
    '/api/item-codes',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List accounts’ own item codes for our SKUs (accounts in your scope)',
        querystring: itemCodeListQuerySchema,
        response: { 200: listResponseSchema(itemCodeSchema) },
      },
    },
    async (request) => listItemCodes(db, actorOf(request), request.query),
  );

  app.get(
    '/api/item-codes/import-template.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Download the item-code import template (.xlsx, with a 说明 sheet)' },
    },
    async (_request, reply) => sendXlsx(reply, 'item-codes-import-template', await itemCodeTemplate(), false),
  );

  app.get(
    '/api/item-codes/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Export the item codes that match the list filters (.xlsx)',
        querystring: itemCodeListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'item-codes', await exportItemCodes(db, actorOf(request), request.query)),
  );

  app.post(
    '/api/item-codes/import',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Import item codes from .xlsx or .csv, matched by account code + item code',
        description: importDescription,
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importItemCodes(db, actorOf(request), await readUpload(request), { dryRun: request.query.dryRun }),
  );

  app.post(
    '/api/item-codes',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Map an account’s item code to a SKU (replaces what the code meant before)',
        body: itemCodeInputSchema,
        response: { 200: itemCodeSchema },
      },
    },
    async (request) => upsertItemCode(db, actorOf(request), request.body),
  );

  app.delete(
    '/api/item-codes/:accountId/:itemCode',
    {
      config: { access: allow(permissions.writeSkus) },
      schema: {
        tags,
        summary: 'Remove an account’s item code',
        params: itemCodeKeySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteItemCode(db, actorOf(request), request.params.accountId, request.params.itemCode);
      return reply.status(204).send(null);
    },
  );
}

function registerListingRoutes(app: App, db: Db) {
  const tags = ['listings'];
  app.get(
    '/api/listings',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List the listings (store × SKU) of the stores in your scope',
        description:
          'By default the listings active today; `activeOn` picks another day (listed on or before it, not delisted by then). ' +
          '`includeDelisted=true` lists every listing whatever its dates.',
        querystring: listingListQuerySchema,
        response: { 200: listResponseSchema(listingSchema) },
      },
    },
    async (request) => listListings(db, actorOf(request), request.query),
  );

  app.get(
    '/api/listings/import-template.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Download the listing import template (.xlsx, with a 说明 sheet)' },
    },
    async (_request, reply) => sendXlsx(reply, 'listings-import-template', await listingTemplate(), false),
  );

  app.get(
    '/api/listings/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Export the listings in your scope that match the list filters (.xlsx)',
        querystring: listingListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'listings', await exportListings(db, actorOf(request), request.query)),
  );

  app.post(
    '/api/listings/import',
    {
      config: { access: allow(permissions.writeListings) },
      schema: {
        tags,
        summary: 'Import listings from .xlsx or .csv, matched by store × SKU',
        description: importDescription,
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importListings(db, actorOf(request), await readUpload(request), { dryRun: request.query.dryRun }),
  );

  app.post(
    '/api/listings',
    {
      config: { access: allow(permissions.writeListings) },
      schema: {
        tags,
        summary: 'List a SKU in a store, or change its dates (relist: new listedOn, no delistedOn)',
        body: listingInputSchema,
        response: { 200: listingSchema },
      },
    },
    async (request) => upsertListing(db, actorOf(request), request.body),
  );

  app.delete(
    '/api/listings/:storeId/:skuId',
    {
      config: { access: allow(permissions.writeListings) },
      schema: {
        tags,
        summary: 'Remove a listing entered by mistake (a SKU that left the shelf is delisted instead)',
        params: listingKeySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteListing(db, actorOf(request), request.params.storeId, request.params.skuId);
      return reply.status(204).send(null);
    },
  );
}
