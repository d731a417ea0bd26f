import { z } from 'zod';
import {
  accountInputSchema,
  accountListQuerySchema,
  accountSchema,
  accountUpdateSchema,
} from '../../../core/accounts/accounts.contract';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from './accounts.service';

const tags = ['accounts'];

export function registerAccountRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/accounts',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List the accounts (retail chains) in your scope',
        querystring: accountListQuerySchema,
        response: { 200: listResponseSchema(accountSchema) },
      },
    },
    async (request) => listAccounts(db, actorOf(request), request.query),
  );

  app.get(
    '/api/accounts/:id',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'One account with its house rules',
        params: idParamSchema,
        response: { 200: accountSchema },
      },
    },
    async (request) => getAccount(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/accounts',
    {
      config: { access: allow(permissions.writeAccounts) },
      schema: {
        tags,
        summary: 'Create an account',
        body: accountInputSchema,
        response: { 201: accountSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccount(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/accounts/:id',
    {
      config: { access: allow(permissions.writeAccounts) },
      schema: {
        tags,
        summary: 'Change an account (any subset of fields)',
        params: idParamSchema,
        body: accountUpdateSchema,
        response: { 200: accountSchema },
      },
    },
    async (request) => updateAccount(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/accounts/:id',
    {
      config: { access: allow(permissions.writeAccounts) },
      schema: {
        tags,
        summary: 'Delete an account without stores or contacts',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteAccount(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
