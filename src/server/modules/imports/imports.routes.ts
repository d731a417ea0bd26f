import fs from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { permissions, type Role } from '../../../core/auth/roles';
import { idParamSchema, listResponseSchema } from '../../../core/common/list';
import {
  importJobDetailSchema,
  importJobListQuerySchema,
  importJobSchema,
  importPreviewRequestSchema,
  importPreviewSchema,
  importProfileInputSchema,
  importProfileListQuerySchema,
  importProfileSchema,
  importProfileUpdateSchema,
  importRequestSchema,
} from '../../../core/imports/imports.contract';
import { allow } from '../../http/access';
import { actorOf, type App, type RouteContext } from '../../http/types';
import {
  createImportProfile,
  deleteImportProfile,
  listImportProfiles,
  updateImportProfile,
} from './import-profiles.service';
import { enqueueImport } from './imports.runner';
import {
  createImportJob,
  getImportJobDetail,
  importErrorsCsv,
  listImportJobs,
  previewImport,
  undoImportJob,
} from './imports.service';
import { parseUploadFields, receiveImportUpload } from './imports.upload';

const tags = ['imports'];

/** Whoever may import some kind of file; the service checks the kind. */
const importers = allow([
  ...new Set<Role>([
    ...permissions.importSales,
    ...permissions.writeTargets,
    ...permissions.writeSkus,
    ...permissions.writeListings,
  ]),
]);

export function registerImportRoutes(app: App, { database }: RouteContext): void {
  const { db } = database;

  app.post(
    '/api/imports',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Import a sell-out, inventory, sell-in, targets, SKU, listing or item-code file as a job',
        description:
          'multipart/form-data: fields `kind`, `account` (code) or `accountId`, optional `profile` (a saved mapping) or ' +
          "`mapping` (JSON: our field → the file's header), `encoding` (utf8|gbk), `saveProfile` (name), then the `file` " +
          'part last (.csv or .xlsx). Answers 202 with the job at once; follow it with `GET /api/imports/:id`. A file ' +
          'without a column for a required field answers 422 and is not recorded. Any bad row rejects the whole file.',
        consumes: ['multipart/form-data'],
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { fields, file } = await receiveImportUpload(request);
      try {
        const job = await createImportJob(db, actor, parseUploadFields(importRequestSchema, fields), file);
        enqueueImport(database, actor, job.id, file);
        return reply.status(202).send(job);
      } catch (error) {
        await fs.promises.rm(file.path, { force: true });
        throw error;
      }
    },
  );

  app.post(
    '/api/imports/preview',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'The detected encoding, headers and first 10 rows of a file, with a suggested mapping',
        description:
          'multipart/form-data: `kind`, optional `account`/`accountId` and `encoding`, then `file`.',
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      const { fields, file } = await receiveImportUpload(request);
      try {
        return await previewImport(
          db,
          actorOf(request),
          parseUploadFields(importPreviewRequestSchema, fields),
          file,
        );
      } finally {
        await fs.promises.rm(file.path, { force: true });
      }
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Import history: who imported which file (SHA-256), when, and with what result',
        querystring: importJobListQuerySchema,
        response: { 200: listResponseSchema(importJobSchema) },
      },
    },
    async (request) => listImportJobs(db, actorOf(request), request.query),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { access: importers },
      schema: {
        tags,
        summary:
          'One import: progress, rows/s and ETA while it runs; its result and first 1,000 problems after',
        params: idParamSchema,
        response: { 200: importJobDetailSchema },
      },
    },
    async (request) => getImportJobDetail(db, actorOf(request), request.params.id),
  );

  app.get(
    '/api/imports/:id/errors.csv',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Every problem of a rejected import (CSV, UTF-8 with BOM)',
        description:
          'Reasons are written in the language of the user (or token owner) asking; the job detail keeps them in English.',
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      const { fileName, chunks } = await importErrorsCsv(db, actorOf(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(chunks));
    },
  );

  app.post(
    '/api/imports/:id/undo',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Undo an applied sell-out, inventory, sell-in or targets import',
        description:
          'Deletes the rows it wrote and restores the values it replaced. 409 when a later import replaced rows of ' +
          'this one (undo that one first), and for SKU, listing and item-code sheets.',
        params: idParamSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => undoImportJob(database, actorOf(request), request.params.id),
  );

  app.get(
    '/api/import-profiles',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Saved column mappings of the accounts in your scope',
        querystring: importProfileListQuerySchema,
        response: { 200: listResponseSchema(importProfileSchema) },
      },
    },
    async (request) => listImportProfiles(db, actorOf(request), request.query),
  );

  app.post(
    '/api/import-profiles',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: "Save a column mapping for one account's files of one kind",
        description:
          'A profile named "default" is used when an import names neither a profile nor a mapping.',
        body: importProfileInputSchema,
        response: { 201: importProfileSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createImportProfile(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/import-profiles/:id',
    {
      config: { access: importers },
      schema: {
        tags,
        summary: 'Rename a profile or change its mapping',
        params: idParamSchema,
        body: importProfileUpdateSchema,
        response: { 200: importProfileSchema },
      },
    },
    async (request) => updateImportProfile(db, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/import-profiles/:id',
    {
      config: { access: importers },
      schema: { tags, summary: 'Delete a profile', params: idParamSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteImportProfile(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
