import { z } from 'zod';
import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import {
  contactInputSchema,
  contactListQuerySchema,
  contactSchema,
  contactUpdateSchema,
} from '../../../core/contacts/contacts.contract';
import { allow, anyUser } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { importQuerySchema, importResultSchema } from '../../../core/common/imports';
import { readUpload, sendXlsx } from '../../lib/spreadsheet';
import { contactTemplate, exportContacts, importContacts } from './contacts.import';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.service';

const tags = ['contacts'];

export function registerContactRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/contacts',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'List the contacts in your scope',
        description: '`staleDays=90` lists contacts not touched for 90 days or never.',
        querystring: contactListQuerySchema,
        response: { 200: listResponseSchema(contactSchema) },
      },
    },
    async (request) => listContacts(db, actorOf(request), request.query),
  );

  // Static paths: find-my-way matches them before the /:id route below, whatever the order.
  app.get(
    '/api/contacts/import-template.xlsx',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'Download the contact import template (.xlsx, with a 说明 sheet)' },
    },
    async (_request, reply) => sendXlsx(reply, 'contacts-import-template', await contactTemplate(), false),
  );

  app.get(
    '/api/contacts/export.xlsx',
    {
      config: { access: anyUser },
      schema: {
        tags,
        summary: 'Export the contacts in your scope that match the list filters (.xlsx)',
        description:
          'Same filters and sort as `GET /api/contacts`; at most 50,000 contacts. The file can be edited and imported again.',
        querystring: contactListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, 'contacts', await exportContacts(db, actorOf(request), request.query)),
  );

  app.post(
    '/api/contacts/import',
    {
      config: { access: allow(permissions.importContacts) },
      schema: {
        tags,
        summary: 'Import contacts from .xlsx or .csv (UTF-8 or GBK), matched by account + store + name',
        description:
          'multipart/form-data with one field `file`. `dryRun=true` checks the file without writing. ' +
          'A file with any problem answers 422 `import_rejected` with every problem as `{row, column, value, reason}` and applies nothing.',
        consumes: ['multipart/form-data'],
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importContacts(db, actorOf(request), await readUpload(request), { dryRun: request.query.dryRun }),
  );

  app.get(
    '/api/contacts/:id',
    {
      config: { access: anyUser },
      schema: { tags, summary: 'One contact', params: idParamSchema, response: { 200: contactSchema } },
    },
    async (request) => getContact(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/contacts',
    {
      config: { access: allow(permissions.writeContacts) },
      schema: {
        tags,
        summary: 'Create a contact of an account or store',
        body: contactInputSchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createContact(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/contacts/:id',
    {
      config: { access: allow(permissions.writeContacts) },
      schema: {
        tags,
        summary: 'Change a contact',
        params: idParamSchema,
        body: contactUpdateSchema,
        response: { 200: contactSchema },
      },
    },
    async (request) => updateContact(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/contacts/:id',
    {
      config: { access: allow(permissions.writeContacts) },
      schema: { tags, summary: 'Delete a contact', params: idParamSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteContact(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
