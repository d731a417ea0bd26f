import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { cellText } from '../../lib/spreadsheet';
import { CsvRecordReader, guessDelimiter } from './csv-records';

/**
 * Reads an uploaded chain export row by row without holding it in memory: .csv (UTF-8, GB18030/GBK or UTF-16,
 * detected from the first bytes unless told) or .xlsx (exceljs's streaming reader, first worksheet).
 */

export type FileEncoding = 'utf8' | 'gbk' | 'utf16';

/** Receives each non-blank row: its number as a spreadsheet shows it (CSV: the record number) and its cells. */
export type RowVisitor = (rowNumber: number, values: string[]) => void;

export interface RowSource {
  /** Null for .xlsx. */
  encoding: FileEncoding | null;
  headers: string[];
  headerRowNumber: number;
  /**
   * Reads the rest of the file, handing each row to `visit` as it is parsed (so a row's objects die young), and
   * yields after every piece of the file, when the caller can write out what it gathered. Iterate once.
   */
  rows(visit: RowVisitor): AsyncGenerator<void>;
  /** Bytes of the file read so far, for progress. */
  bytesRead(): number;
  close(): void;
}

/** A file that cannot be read as a table: the import is rejected with this as its one problem. */
export class UnreadableFileError extends Error {}

/** Read size: big enough for few round trips, small enough that a piece's rows do not outlive a scavenge. */
const READ_CHUNK = 1 << 16;
/** .xlsx rows between yields. */
const XLSX_PIECE_ROWS = 2000;

export function fileTypeOf(fileName: string): 'csv' | 'xlsx' {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xls')
    throw new UnreadableFileError(
      'Excel 97-2003 (.xls) files are not supported: save the file as .xlsx or .csv',
    );
  throw new UnreadableFileError(`Only .csv and .xlsx files can be imported, not "${fileName}"`);
}

type Pump = (visit: RowVisitor) => AsyncGenerator<void>;

/** Opens the file and reads up to its header row. */
export async function openRowSource(
  path: string,
  fileName: string,
  options: { encoding?: 'utf8' | 'gbk' } = {},
): Promise<RowSource> {
  const type = fileTypeOf(fileName);
  const stat = await fs.promises.stat(path);
  if (stat.size === 0) throw new UnreadableFileError('The file is empty');
  let encoding: FileEncoding | null = null;
  const magic = await firstBytes(path, 4);
  if (type === 'csv') {
    encoding = options.encoding ?? (await detectEncoding(path));
  } else if (magic.length < 4 || magic.readUInt32LE(0) !== 0x04034b50) {
    throw new UnreadableFileError('The file is not an .xlsx workbook (was it renamed from .xls or .csv?)');
  }
  const counter = { bytes: 0 };
  const input = fs.createReadStream(path, { highWaterMark: READ_CHUNK });
  // Counted as the reader consumes the file, so progress follows the parsing, not the disk.
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      callback(null, chunk);
    },
  });
  input.pipe(counted);
  const pump: Pump = type === 'csv' ? csvPump(counted, encoding!, magic) : xlsxPump(counted);
  // The header is the first non-blank row; rows parsed with it are kept for the caller.
  let header: { rowNumber: number; values: string[] } | undefined;
  const early: { rowNumber: number; values: string[] }[] = [];
  let visitor: RowVisitor | null = null;
  const pieces = pump((rowNumber, values) => {
    if (visitor) visitor(rowNumber, values);
    else if (header) early.push({ rowNumber, values });
    else header = { rowNumber, values };
  });
  const close = () => {
    input.destroy();
    counted.destroy();
    void pieces.return(undefined).catch(() => undefined);
  };
  try {
    while (!header) if ((await pieces.next()).done) break;
  } catch (error) {
    close();
    throw error;
  }
  if (!header) {
    close();
    throw new UnreadableFileError('The file has no rows');
  }
  const headers = header.values.map((value) => value.trim());
  return {
    encoding,
    headers,
    headerRowNumber: header.rowNumber,
    async *rows(visit) {
      for (const row of early.splice(0)) visit(row.rowNumber, row.values);
      visitor = visit;
      yield;
      for (;;) {
        const next = await pieces.next();
        if (next.done) return;
        yield;
      }
    },
    bytesRead: () => counter.bytes,
    close,
  };
}

async function firstBytes(path: string, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Chinese Excel saves "CSV" in GBK and "CSV UTF-8" with a BOM; other tools write UTF-8 without one. Text that is
 * valid UTF-8 in the first 64 KB is read as UTF-8 (GBK text almost never is); otherwise as GB18030, GBK's superset.
 */
export async function detectEncoding(path: string): Promise<FileEncoding> {
  const sample = await firstBytes(path, 65_536);
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))
    return 'utf16';
  try {
    // stream: true tolerates a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf8';
  } catch {
    return 'gbk';
  }
}

function textDecoder(encoding: FileEncoding, bom: Buffer): (chunk: Buffer | null) => string {
  if (encoding === 'utf8') {
    const decoder = new TextDecoder('utf-8'); // drops a BOM
    return (chunk) => (chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
  }
  const name = encoding === 'gbk' ? 'gb18030' : bom[0] === 0xfe ? 'utf16be' : 'utf16le';
  const decoder = iconv.getDecoder(name); // drops a BOM
  return (chunk) => (chunk ? decoder.write(chunk) : (decoder.end() ?? ''));
}

function csvPump(input: Readable, encoding: FileEncoding, bom: Buffer): Pump {
  return async function* (visit) {
    const decode = textDecoder(encoding, bom);
    let reader: CsvRecordReader | undefined;
    let recordNumber = 0;
    const onRecord = (values: string[]) => {
      recordNumber++;
      // Excel numbers a CSV's records, blank ones included; blank rows (",,,," too) are skipped, not read.
      if (values[0].trim() === '' && values.every((value) => value.trim() === '')) return;
      visit(recordNumber, values);
    };
    let text = '';
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        text += decode(chunk);
        if (!reader) {
          const lineEnd = text.indexOf('\n');
          if (lineEnd === -1 && text.length < 65_536) continue;
          reader = new CsvRecordReader(guessDelimiter(text.slice(0, lineEnd === -1 ? undefined : lineEnd)));
        }
        reader.push(text, onRecord);
        text = '';
        yield;
      }
      text += decode(null);
      reader ??= new CsvRecordReader(guessDelimiter(text.split('\n', 1)[0]));
      if (text) reader.push(text, onRecord);
      reader.end(onRecord);
    } catch (error) {
      if (error instanceof Error && /quoted cell/.test(error.message))
        throw new UnreadableFileError(
          `The CSV file could not be read after row ${recordNumber}: ${error.message}`,
        );
      throw error;
    }
    yield;
  };
}

function xlsxPump(input: Readable): Pump {
  return async function* (visit) {
    // Styles are needed to tell date cells from numbers.
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let count = 0;
    try {
      for await (const worksheet of workbook) {
        for await (const row of worksheet) {
          const cells = row.values as unknown[];
          const values: string[] = [];
          let blank = true;
          for (let column = 1; column < cells.length; column++) {
            const text = cellText(cells[column]);
            values.push(text);
            if (blank && text.trim() !== '') blank = false;
          }
          if (blank) continue;
          visit(row.number, values);
          if (++count % XLSX_PIECE_ROWS === 0) yield;
        }
        break; // the first worksheet only
      }
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      throw new UnreadableFileError(
        `The .xlsx file could not be read (${(error as Error).message}); open it in Excel and save it again`,
      );
    }
    yield;
  };
}
