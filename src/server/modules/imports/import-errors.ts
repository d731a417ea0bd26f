import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { csvField } from '../../db/bulk';
import type { ProblemSink } from './imports.rows';

/** The columns of import_errors that a problem file fills, in its order. */
export const importErrorColumns = ['job_id', 'row', '"column"', 'value', 'reason'] as const;

const clean = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 200);

/**
 * Every problem of a file, written to a temporary CSV as the rows are read, so that a file with millions of bad
 * rows does not fill memory; it is copied into import_errors once the import is decided. One problem per line.
 */
export class ProblemFile implements ProblemSink {
  count = 0;
  readonly path: string;
  private buffer = '';
  private out: fs.WriteStream;

  constructor(private readonly jobId: number) {
    this.path = path.join(os.tmpdir(), `endcap-import-${jobId}-problems-${randomUUID()}.csv`);
    this.out = fs.createWriteStream(this.path);
  }

  report(row: number, column: string, value: string | null, reason: string): void {
    this.count++;
    this.buffer += `${this.jobId},${row},${csvField(clean(column))},${value === null ? '' : csvField(clean(value))},${csvField(reason)}\n`;
    if (this.buffer.length > 65_536) this.flush();
  }

  /** Waits while the disk catches up, so the buffer cannot grow without bound. */
  async drained(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  private flush() {
    if (this.buffer) this.out.write(this.buffer);
    this.buffer = '';
  }

  /** Starts over (an import that reads the file a second time). */
  async reset(): Promise<void> {
    this.buffer = '';
    await this.closeStream();
    this.count = 0;
    this.out = fs.createWriteStream(this.path);
  }

  /** The problems as CSV chunks of whole lines, for COPY. */
  async *chunks(): AsyncGenerator<string> {
    this.flush();
    await this.closeStream();
    let rest = '';
    for await (const text of fs.createReadStream(this.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const joined = rest + (text as string);
      const end = joined.lastIndexOf('\n') + 1;
      if (end > 0) yield joined.slice(0, end);
      rest = joined.slice(end);
    }
    if (rest) yield rest;
    this.out = fs.createWriteStream(this.path, { flags: 'a' });
  }

  async dispose(): Promise<void> {
    await this.closeStream();
    await fs.promises.rm(this.path, { force: true });
  }

  private async closeStream() {
    if (this.out.closed || this.out.destroyed) return;
    this.out.end();
    await once(this.out, 'close');
  }
}
