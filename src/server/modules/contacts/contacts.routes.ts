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

  app.get(
    '/api/contacts/:id',
    { config: { access: anyUser }, schema: { tags, summary: 'One contact', params: idParamSchema, response: { 200: contactSchema } } },
    async (request) => getContact(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/contacts',
    {
      config: { access: allow(permissions.writeContacts) },
      schema: { tags, summary: 'Create a contact of an account or store', body: contactInputSchema, response: { 201: contactSchema } },
    },
    async (request, reply) => reply.status(201).send(await createContact(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/contacts/:id',
    {
      config: { access: allow(permissions.writeContacts) },
      schema: { tags, summary: 'Change a contact', params: idParamSchema, body: contactUpdateSchema, response: { 200: contactSchema } },
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
