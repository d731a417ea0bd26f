import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import type { ImportProblem } from '../../core/common/errors';
import {
  columnMappingSchema,
  type ImportJobDetail,
  type ImportOutcome,
  type ImportRequest,
} from '../../core/imports/imports.contract';
import { importKinds, type ImportKind } from '../../core/imports/imports.enums';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open';
import { AppError } from '../http/app-error';
import { systemActor, type Actor } from '../http/access';
import {
  recoverInterruptedImports,
  runImportJob,
  type ImportProgress,
} from '../modules/imports/imports.runner';
import { createImportJob, getImportJobDetail } from '../modules/imports/imports.service';
import { findUsersByUsernames } from '../modules/users/users.service';

/**
 * `endcap import KIND FILE --account CODE`: one file, all or nothing. Progress goes to stderr; the last line on stdout
 * is one JSON object {"status","rowsRead","rowsApplied","errors"}; exit 0 applied, 1 rejected (or failed), 2 usage.
 * With ENDCAP_URL and ENDCAP_TOKEN it sends the file to that server (the embedded database can only be open in one
 * process); otherwise it opens the database itself.
 */

const cliKinds = ['sellout', 'inventory', 'sellin', 'skus', 'listings', 'targets', 'item_codes'] as const;

interface ImportCommandOptions {
  account?: string;
  profile?: string;
  mapping?: string;
  encoding?: 'utf8' | 'gbk';
  saveProfile?: string;
  as?: string;
}

class UsageError extends Error {}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import a chain export or master-data sheet (.csv or .xlsx), all or nothing\n' +
        'With ENDCAP_URL and ENDCAP_TOKEN set, the file is sent to that server.',
    )
    .addArgument(program.createArgument('<kind>', 'what the file holds').choices(cliKinds))
    .argument('<file>', '.csv (UTF-8 or GBK) or .xlsx')
    .option('--account <code>', 'the account (chain) whose export this is')
    .addOption(new Option('--profile <name>', 'a saved column mapping of the account').conflicts('mapping'))
    .option('--mapping <file.json>', 'our field → the file\'s column header, e.g. {"storeCode":"店号"}')
    .addOption(
      new Option('--encoding <encoding>', 'CSV encoding (detected when absent)').choices(['utf8', 'gbk']),
    )
    .option('--save-profile <name>', 'save the mapping used under this name')
    .option('--as <username>', 'act as this user (in-process only; default: the system)')
    .exitOverride((error) => {
      // Help and version exit 0; anything commander rejects is a usage error.
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action(async (kind: ImportKind, file: string, options: ImportCommandOptions) => {
      try {
        process.exitCode = await runImportCommand(kind, file, options);
      } catch (error) {
        console.error(`endcap import: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = error instanceof UsageError ? 2 : 1;
      }
    });
}

async function runImportCommand(
  kind: ImportKind,
  file: string,
  options: ImportCommandOptions,
): Promise<number> {
  if (!(importKinds as readonly string[]).includes(kind)) throw new UsageError(`unknown kind ${kind}`);
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath)) throw new UsageError(`no such file: ${file}`);
  const request: ImportRequest = {
    kind,
    ...(options.account ? { account: options.account } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.mapping ? { mapping: readMapping(options.mapping) } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.saveProfile ? { saveProfile: options.saveProfile } : {}),
  };
  const url = process.env.ENDCAP_URL;
  const token = process.env.ENDCAP_TOKEN;
  if (url && token) {
    if (options.as) throw new UsageError("--as works in-process only; the server acts as the token's user");
    return importThroughServer(url, token, request, filePath);
  }
  return importInProcess(request, filePath, options.as);
}

function readMapping(file: string) {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the mapping file ${file}: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw new UsageError(
      `the mapping file ${file} is not a mapping of our fields to column headers: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

// ——— Output ———

const interactive = process.stderr.isTTY === true;

function showProgress(kind: string, progress: ImportProgress, startedAt: number) {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(progress.rowsRead / seconds) : 0;
  const percent =
    progress.fileSize > 0
      ? ` ${Math.min(100, Math.floor((progress.bytesRead / progress.fileSize) * 100))}%`
      : '';
  const line = `${kind}: ${progress.rowsRead.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s${percent}`;
  process.stderr.write(interactive ? `\r${line}\x1b[K` : `${line}\n`);
}

function finish(outcome: ImportOutcome, problems: ImportProblem[], more: string | null): number {
  if (interactive) process.stderr.write('\n');
  for (const problem of problems.slice(0, 20)) {
    process.stderr.write(
      `row ${problem.row}, ${problem.column || 'file'}${problem.value === null ? '' : ` "${problem.value}"`}: ${problem.reason}\n`,
    );
  }
  if (outcome.errors > 20 && more) process.stderr.write(`… ${outcome.errors - 20} more: ${more}\n`);
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  return outcome.status === 'applied' ? 0 : 1;
}

const outcomeOf = (job: ImportJobDetail): ImportOutcome => ({
  status: job.status === 'applied' ? 'applied' : 'rejected',
  rowsRead: job.rowsRead,
  rowsApplied: job.rowsApplied,
  errors: job.errorCount,
});

/** A 422 before any job: the file lacks a column the kind needs, or cannot be read. */
function rejectedUpfront(error: AppError): number {
  const details = error.details as { errorCount?: number; errors?: ImportProblem[] } | undefined;
  console.error(error.message);
  return finish(
    { status: 'rejected', rowsRead: 0, rowsApplied: 0, errors: details?.errorCount ?? 1 },
    details?.errors ?? [],
    null,
  );
}

// ——— In-process: the embedded database (or DATABASE_URL) opened here ———

async function importInProcess(request: ImportRequest, filePath: string, username?: string): Promise<number> {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    await recoverInterruptedImports(database);
    let actor: Actor = systemActor;
    if (username) {
      const [user] = await findUsersByUsernames(database.db, [username]);
      if (!user || !user.isActive) throw new UsageError(`no active user ${username}`);
      actor = {
        id: user.id,
        username: user.username,
        displayName: user.username,
        role: user.role,
        orgUnitId: user.orgUnitId,
        locale: 'zh-CN',
      };
    }
    const hash = createHash('sha256');
    await pipeline(fs.createReadStream(filePath), hash);
    const file = {
      path: filePath,
      fileName: path.basename(filePath),
      size: fs.statSync(filePath).size,
      hash: hash.digest('hex'),
      removeWhenDone: false,
    };
    let jobId: number;
    try {
      jobId = (await createImportJob(database.db, actor, request, file)).id;
    } catch (error) {
      if (error instanceof AppError && error.code === 'import_rejected') return rejectedUpfront(error);
      if (error instanceof AppError) throw new UsageError(error.message);
      throw error;
    }
    const startedAt = Date.now();
    await runImportJob(database, actor, jobId, file, {
      onProgress: (progress) => showProgress(request.kind, progress, startedAt),
    });
    const job = await getImportJobDetail(database.db, actor, jobId);
    if (job.status === 'failed') throw new Error(job.message ?? 'the import failed');
    return finish(outcomeOf(job), job.errors, `the full list is in import ${jobId}'s errors.csv`);
  } finally {
    await database.close();
  }
}

// ——— Through a running server: POST /api/imports, then follow the job ———

/** POSTs a streamed body with node:http, which waits for the socket (fetch buffered a whole file in memory). */
function postStream(
  url: URL,
  body: AsyncIterable<Buffer>,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let responded = false;
    let streamError: unknown;
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: 'POST', headers },
      (response) => {
        responded = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    // A server that refuses early (401, 413) may close before the whole file is sent: its answer is what counts.
    request.on('close', () => {
      if (!responded) reject(streamError ?? new Error('the server closed the connection'));
    });
    pipeline(Readable.from(body), request).catch((error: unknown) => (streamError = error));
  });
}

async function importThroughServer(
  baseUrl: string,
  token: string,
  request: ImportRequest,
  filePath: string,
): Promise<number> {
  const headers = { authorization: `Bearer ${token}` };
  const fields: [string, string | undefined][] = [
    ['kind', request.kind],
    ['account', request.account],
    ['profile', request.profile],
    ['mapping', request.mapping && JSON.stringify(request.mapping)],
    ['encoding', request.encoding],
    ['saveProfile', request.saveProfile],
  ];
  const boundary = `----endcap${randomUUID()}`;
  // Built by hand and streamed: FormData with a file Blob made fetch hold the whole file in memory.
  async function* multipart() {
    for (const [name, value] of fields) {
      if (value !== undefined)
        yield Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        );
    }
    const fileName = path.basename(filePath).replace(/["\r\n]/g, '_');
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    yield* fs.createReadStream(filePath) as AsyncIterable<Buffer>;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  const response = await postStream(new URL('/api/imports', baseUrl), multipart(), {
    ...headers,
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  const body = JSON.parse(response.body) as ImportJobDetail & {
    error?: { code: string; message: string; details?: unknown };
  };
  if (body.error) {
    const error = new AppError(body.error.code as AppError['code'], body.error.message, body.error.details);
    if (error.code === 'import_rejected') return rejectedUpfront(error);
    if (response.status >= 500) throw new Error(`${response.status}: ${error.message}`);
    throw new UsageError(`${response.status}: ${error.message}`);
  }
  const startedAt = Date.now();
  let job: ImportJobDetail;
  for (;;) {
    const answer = await fetch(new URL(`/api/imports/${body.id}`, baseUrl), { headers });
    if (!answer.ok) throw new Error(`GET /api/imports/${body.id} answered ${answer.status}`);
    job = (await answer.json()) as ImportJobDetail;
    if (job.status !== 'queued' && job.status !== 'running') break;
    if (job.status === 'running') {
      showProgress(
        request.kind,
        { rowsRead: job.rowsRead, bytesRead: (job.progress ?? 0) * job.fileSize, fileSize: job.fileSize },
        startedAt,
      );
    }
    await sleep(1000);
  }
  if (job.status === 'failed') throw new Error(job.message ?? 'the import failed');
  return finish(outcomeOf(job), job.errors, new URL(`/api/imports/${job.id}/errors.csv`, baseUrl).toString());
}
