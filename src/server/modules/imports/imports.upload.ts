import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../../http/app-error';
import type { ImportFile } from './imports.runner';

/** Chain exports of a few million rows are a few hundred MB; anything bigger should be split by month. */
export const MAX_IMPORT_BYTES = 4 * 1024 ** 3;

export const uploadDirectory = () => path.join(os.tmpdir(), 'endcap-uploads');

/**
 * Reads a multipart import request: its text fields, and its `file` part streamed to a temporary file and hashed
 * on the way (SHA-256, for the history's "same file as"), so the upload never sits in memory.
 */
export async function receiveImportUpload(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: ImportFile }> {
  if (!request.isMultipart()) throw missingFile();
  await fs.promises.mkdir(uploadDirectory(), { recursive: true });
  const fields: Record<string, string> = {};
  let file: ImportFile | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
      if (part.type !== 'file') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      const extension = path
        .extname(part.filename || '')
        .toLowerCase()
        .slice(0, 8);
      const target = path.join(uploadDirectory(), `${randomUUID()}${extension}`);
      const hash = createHash('sha256');
      let size = 0;
      file = { path: target, fileName: part.filename || 'upload', size: 0, hash: '', removeWhenDone: true };
      await pipeline(
        part.file,
        new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            hash.update(chunk);
            size += chunk.length;
            callback(null, chunk);
          },
        }),
        fs.createWriteStream(target),
      );
      if (part.file.truncated)
        throw new AppError('payload_too_large', 'The file is larger than 4 GB: split it');
      file.size = size;
      file.hash = hash.digest('hex');
    }
  } catch (error) {
    if (file) await fs.promises.rm(file.path, { force: true });
    throw error;
  }
  if (!file) throw missingFile();
  return { fields, file };
}

const missingFile = () =>
  new AppError('validation_failed', 'Send the file as multipart/form-data in a field named "file"', [
    { path: 'body.file', message: 'required' },
  ]);

/** The multipart text fields checked against a contract, with errors shaped like a JSON body's. */
export function parseUploadFields<S extends z.ZodType>(
  schema: S,
  fields: Record<string, string>,
): z.output<S> {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new AppError('validation_failed', 'The request is not valid', details);
  }
  return parsed.data;
}
