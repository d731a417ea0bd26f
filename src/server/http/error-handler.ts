import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, httpStatusOf } from './app-error';
import type { ErrorCode } from '../../core/common/errors';

/** PostgreSQL error codes a request can cause; everything else is our bug and becomes a 500. */
const pgConflictCodes = new Set(['23505', '23503', '23P01']);

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((rawError: FastifyError | AppError | Error, request, reply) => {
    // An AppError of code `internal` is our own failure: like any other bug, its text stays in the log.
    if (rawError instanceof AppError && rawError.code !== 'internal') {
      return send(rawError.code, rawError.message, rawError.details);
    }
    const error = rawError as FastifyError & { code?: string; cause?: unknown };
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message,
      }));
      return send('validation_failed', 'The request is not valid', details);
    }
    const pgCode = postgresCodeOf(error);
    if (pgCode && pgConflictCodes.has(pgCode)) {
      // A constraint a service did not check first (a race between two requests).
      return send('conflict', 'The change conflicts with existing data');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return send('payload_too_large', 'The upload is too large');
    }
    if (error.statusCode === 429) {
      return send('rate_limited', 'Too many requests, try again later');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: bad JSON, wrong content type, missing multipart body… The status
      // still comes from the code, so a client sees one status per code (a 415 would be a 400 elsewhere).
      return send(error.statusCode === 404 ? 'not_found' : 'validation_failed', error.message);
    }
    request.log.error({ err: error, reqId: request.id }, 'unhandled error');
    return send('internal', `Internal error (request ${request.id})`);

    function send(code: ErrorCode, message: string, details?: unknown) {
      const body =
        details === undefined ? { error: { code, message } } : { error: { code, message, details } };
      return reply.status(httpStatusOf(code)).send(body);
    }
  });
}

/**
 * Unknown /api paths answer a JSON 404; with the web app served, any other GET gets the app shell,
 * so a bookmarked client-side route (/stores/12) loads.
 */
export function registerNotFoundHandler(app: FastifyInstance, options: { serveAppShell: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.serveAppShell && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    });
  });
}

function postgresCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
