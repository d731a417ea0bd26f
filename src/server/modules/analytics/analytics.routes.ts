import {
  alertQuerySchema,
  alertSchema,
  orderSuggestionQuerySchema,
  orderSuggestionSchema,
  salesQuerySchema,
  salesResponseSchema,
  stockQuerySchema,
  stockRowSchema,
} from '../../../core/analytics/analytics.contract';
import { listResponseSchema } from '../../../core/common/list';
import { anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { sendXlsx } from '../../lib/spreadsheet';
import { exportOrderSuggestions, exportSales } from './analytics.export';
import { querySales } from './sales-query.service';
import { listAlerts, listOrderSuggestions, listStock } from './stock.service';

const tags = ['analytics'];

export function registerAnalyticsRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/analytics/sales',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Sales figures (sell-out) by any dimensions, with comparison, targets and top/bottom N',
        description:
          'Within your scope. `measures` and `by` are comma-separated; `by` may be empty for totals only and holds at ' +
          'most one time grain. Filters take comma-separated lists. `compare=yoy|pop` adds `compare` and `change` to ' +
          'each row; `order=-amount&limit=20` gives the top 20 (totals still cover everything). `meta.source` names ' +
          'the table that answered: a rollup, or `sell_out` for SKU questions by day or week or over part of a month.',
        querystring: salesQuerySchema,
        response: { 200: salesResponseSchema },
      },
    },
    async (request) => querySales(db, actorOf(request), request.query),
  );

  app.get(
    '/api/analytics/sales/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'The same sales question as a spreadsheet (amounts in yuan)',
        querystring: salesQuerySchema,
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'sales', await exportSales(db, actorOf(request), request.query)),
  );

  app.get(
    '/api/stock',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Stock per store × SKU: latest count, average daily sell-out and days of supply',
        description:
          'Pairs listed on `asOf` (default today) and pairs counted in the 90 days before it. The average is over the ' +
          "account's averaging window (supply settings, default 28 days) ending at `asOf`.",
        querystring: stockQuerySchema,
        response: { 200: listResponseSchema(stockRowSchema) },
      },
    },
    async (request) => listStock(db, actorOf(request), request.query),
  );

  app.get(
    '/api/order-suggestions',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary:
          "A rep's order list: what each listed store × SKU needs to cover lead time, review period and safety days",
        description:
          'cover × average daily sell-out − on hand − on order (sell-in shipped after the last count), never below ' +
          'zero, rounded up to whole cases. A rep gets their own list unless `repId` says otherwise.',
        querystring: orderSuggestionQuerySchema,
        response: { 200: listResponseSchema(orderSuggestionSchema) },
      },
    },
    async (request) => listOrderSuggestions(db, actorOf(request), request.query),
  );

  app.get(
    '/api/order-suggestions/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'The order list as a spreadsheet (same filters)',
        querystring: orderSuggestionQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'order-suggestions', await exportOrderSuggestions(db, actorOf(request), request.query)),
  );

  app.get(
    '/api/alerts',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Out-of-stock, low-stock, no-sales and sharp-decline alerts for the stores in your scope',
        querystring: alertQuerySchema,
        response: { 200: listResponseSchema(alertSchema) },
      },
    },
    async (request) => listAlerts(db, actorOf(request), request.query),
  );
}
