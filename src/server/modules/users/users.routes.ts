import { permissions } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import {
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '../../../core/org/org.contract';
import { allow } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import { deleteSessionsOfUser } from '../auth/auth.service';
import { createUser, getUser, listUsers, updateUser } from './users.service';

const tags = ['users'];

export function registerUserRoutes(app: App, { database: { db } }: RouteContext): void {
  app.get(
    '/api/users',
    {
      config: { access: allow(permissions.readUsers) },
      schema: {
        tags,
        summary: 'List users (managers see their org subtree)',
        querystring: userListQuerySchema,
        response: { 200: listResponseSchema(userSchema) },
      },
    },
    async (request) => listUsers(db, actorOf(request), request.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: allow(permissions.readUsers) },
      schema: { tags, summary: 'One user', params: idParamSchema, response: { 200: userSchema } },
    },
    async (request) => getUser(db, actorOf(request), request.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { access: allow(permissions.manageUsers) },
      schema: { tags, summary: 'Create a user', body: userCreateSchema, response: { 201: userSchema } },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: allow(permissions.manageUsers) },
      schema: {
        tags,
        summary: 'Change a user; deactivating or resetting the password signs them out everywhere',
        params: idParamSchema,
        body: userUpdateSchema,
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const user = await updateUser(db, actorOf(request), request.params.id, request.body);
      if (request.body.isActive === false || request.body.password) await deleteSessionsOfUser(db, user.id);
      return user;
    },
  );
}
