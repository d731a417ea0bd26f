import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { optionsOf, parseEnumLabel, type EnumKind, type EnumValue } from '../../core/common/enum-labels';
import type { ImportProblem } from '../../core/common/errors';
import { businessToday } from '../../core/common/time';
import { parseSalesDate } from '../../core/imports/import-cells';
import { AppError } from '../http/app-error';

/**
 * Reading and writing the spreadsheets people keep: .xlsx from Excel/WPS and .csv as Chinese Excel saves it.
 * Generic on purpose: every import (stores, contacts, sales data) goes through readSpreadsheet,
 * every export through writeXlsx.
 */

export const MAX_IMPORT_ROWS = 20_000;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SpreadsheetRow {
  /** The row number Excel shows: the header is row 1 (or later, when blank rows come first). */
  rowNumber: number;
  /** Trimmed text of every named column, '' when blank. */
  cells: Record<string, string>;
}

export interface Spreadsheet {
  headers: string[];
  rows: SpreadsheetRow[];
}

const invalidFile = (message: string, details?: unknown) =>
  new AppError('validation_failed', message, details);

export async function readSpreadsheet(buffer: Buffer, fileName: string): Promise<Spreadsheet> {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'xls')
    throw invalidFile('Excel 97-2003 (.xls) files are not supported: save the file as .xlsx or .csv');
  if (extension !== 'xlsx' && extension !== 'csv')
    throw invalidFile(`Only .xlsx and .csv files can be imported, not "${fileName}"`);
  if (buffer.length === 0) throw invalidFile('The file is empty');
  const grid = extension === 'xlsx' ? await readXlsxGrid(buffer) : readCsvGrid(buffer);
  return toSpreadsheet(grid);
}

/** Rows of cell texts with their spreadsheet row numbers; blank rows already dropped. */
type Grid = { rowNumber: number; values: string[] }[];

function toSpreadsheet(grid: Grid): Spreadsheet {
  const [headerRow, ...dataRows] = grid;
  if (!headerRow) throw invalidFile('The file is empty');
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw invalidFile(
      `The file has ${dataRows.length} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en')} can be imported at once, split it`,
    );
  }
  const headers = headerRow.values.map((value) => value.trim());
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    if (header === '') return;
    const first = seen.get(header);
    if (first !== undefined) {
      throw invalidFile(
        `The column "${header}" appears twice (columns ${columnLetter(first)} and ${columnLetter(index)})`,
      );
    }
    seen.set(header, index);
  });
  const rows = dataRows.map(({ rowNumber, values }) => {
    const cells: Record<string, string> = {};
    headers.forEach((header, index) => {
      // Columns without a header cannot be mapped to a field: their cells are not read.
      if (header !== '') cells[header] = (values[index] ?? '').trim();
    });
    return { rowNumber, cells };
  });
  return { headers: headers.filter((header) => header !== ''), rows };
}

async function readXlsxGrid(buffer: Buffer): Promise<Grid> {
  // An .xlsx is a zip; anything else (an .xls or a .csv renamed) would fail deep inside exceljs.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw invalidFile('The file is not an .xlsx workbook (was it renamed from .xls or .csv?)');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its Buffer against ES2023's ArrayBuffer-only Uint8Array; the runtime takes any Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw invalidFile('The .xlsx file could not be read; open it in Excel and save it again');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalidFile('The workbook has no worksheet');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw invalidFile(
      `The sheet has ${sheet.actualRowCount - 1} rows; at most ${MAX_IMPORT_ROWS.toLocaleString('en')} can be imported at once, split it`,
    );
  }
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    for (let index = 0; index < values.length; index++) values[index] ??= '';
    if (values.some((value) => value.trim() !== '')) grid.push({ rowNumber, values });
  });
  return grid;
}

/** The text a person sees in a cell: dates as YYYY-MM-DD, numbers without grouping, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText))
      return object.richText.map((part: { text?: unknown }) => cellText(part.text)).join('');
    if ('formula' in object || 'sharedFormula' in object) return cellText(object.result);
    if ('hyperlink' in object) return cellText(object.text);
    if (typeof object.error === 'string') return object.error;
    if ('text' in object) return cellText(object.text);
  }
  return String(value);
}

/** Excel shows 15 significant digits; a sum stored as 5999.999999999999 is the 6000 the user saw. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(15));
  // Plain digits, never "1e-7": codes and amounts must read back as typed.
  return Math.abs(rounded) >= 1e21 || Math.abs(rounded) < 1e-6
    ? rounded.toLocaleString('en', { useGrouping: false, maximumFractionDigits: 20 })
    : String(rounded);
}

/** exceljs gives date cells as UTC instants of the wall-clock time Excel stored. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function readCsvGrid(buffer: Buffer): Grid {
  const text = decodeCsv(buffer);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw invalidFile(`The CSV file could not be read: ${(error as Error).message}`);
  }
  // Excel numbers a CSV's records, not its lines: a quoted cell with line breaks is one row.
  return records
    .map((values, index) => ({ rowNumber: index + 1, values }))
    .filter((row) => row.values.some((value) => value.trim() !== ''));
}

/**
 * Chinese Excel saves "CSV" in the system code page (GBK) and "CSV UTF-8" with a BOM; others save UTF-8 without one.
 * Bytes that are valid UTF-8 are read as UTF-8 (GBK text almost never is); the rest as GB18030, a superset of GBK.
 * "Unicode text" (UTF-16 with a BOM, tab-separated) is read too.
 */
export function decodeCsv(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (character: string) => firstLine.split(character).length - 1;
  const commas = count(',');
  if (count('\t') > commas) return '\t';
  if (count(';') > commas) return ';';
  return ',';
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  /** Keep what users type as text (codes with leading zeros, phone numbers) instead of letting Excel make numbers. */
  text?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, unknown>[];
}

/** One workbook, a sheet per spec, with a bold header row that stays in view while scrolling. */
export async function writeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Endcap';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? Math.max(10, Math.min(40, displayWidth(column.header) + 2)),
      ...(column.text ? { style: { numFmt: '@' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) {
      const values: Record<string, ExcelJS.CellValue> = {};
      for (const column of spec.columns) values[column.key] = toCellValue(row[column.key]);
      sheet.addRow(values);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toCellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  return String(value);
}

/** Chinese characters take two columns of width in Excel. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u2e80-\uffff]/.test(character) ? 2 : 1;
  return width;
}

// ——— Shared by the importers: mapping headers to fields, reading cell texts, reporting problems ———

/** A column of an import/export sheet: the Chinese header is written, the English one is accepted too. */
export interface ImportColumn<K extends string> {
  key: K;
  header: string;
  alias: string;
  /** Other headers people use for the same column in their own sheets. */
  otherNames?: readonly string[];
  required?: boolean;
  /** Written by exports for reading; ignored on import. */
  readOnly?: boolean;
  width?: number;
  text?: boolean;
  /** The template's 说明 line for the column. */
  help: string;
}

export interface HeaderMatch<K extends string> {
  /** The header text, as it appears in the file, of each column present. */
  headerOf: Partial<Record<K, string>>;
  problems: ImportProblem[];
  /** Headers the importer does not know, so the user can see what was not read. */
  ignored: string[];
}

/** Header text compared loosely: full-width brackets, ㎡ vs m2, case and spaces do not matter. */
function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

export function matchHeaders<K extends string>(
  headers: string[],
  columns: readonly ImportColumn<K>[],
): HeaderMatch<K> {
  const byName = new Map<string, ImportColumn<K>>();
  for (const column of columns) {
    for (const name of [column.header, column.alias, ...(column.otherNames ?? [])])
      byName.set(headerKey(name), column);
  }
  const headerOf: Partial<Record<K, string>> = {};
  const problems: ImportProblem[] = [];
  const ignored: string[] = [];
  for (const header of headers) {
    const column = byName.get(headerKey(header));
    if (!column) {
      ignored.push(header);
    } else if (column.readOnly) {
      continue;
    } else if (headerOf[column.key] !== undefined) {
      problems.push({
        row: 1,
        column: header,
        value: header,
        reason: `the same column as "${headerOf[column.key]}"`,
      });
    } else {
      headerOf[column.key] = header;
    }
  }
  for (const column of columns) {
    if (column.required && !column.readOnly && headerOf[column.key] === undefined) {
      problems.push({
        row: 1,
        column: column.header,
        value: null,
        reason: `required column is missing (header "${column.header}" or "${column.alias}")`,
      });
    }
  }
  return { headerOf, problems, ignored };
}

/** The distinct values that are set, for looking codes up once per file. */
export function distinct<T>(values: (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((value): value is T => value !== null && value !== undefined))];
}

/** Batches for `in (…)` lists and multi-row inserts, well under PostgreSQL's 65,535 parameters per statement. */
export function inBatches<T>(items: T[], size = 5000): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}

/** The one answer to a file with problems: every problem by row and column, and nothing applied. */
export function importRejected(problems: ImportProblem[], rowsRead: number): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const noun = sorted.length === 1 ? 'problem' : 'problems';
  return new AppError('import_rejected', `The file has ${sorted.length} ${noun}; nothing was imported`, {
    rowsRead,
    errorCount: sorted.length,
    errors: sorted.slice(0, 1000),
  });
}

/** A number as people type it: "6,000", " 6000 ", full-width digits. NaN when it is not one. */
export function parseNumberText(text: string): number {
  const cleaned = text
    .normalize('NFKC')
    .trim()
    .replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

/**
 * A calendar date as Chinese spreadsheets write it (2026-05-01, 2026/5/1, 2026.5.1, 2026年5月1日, 20260501,
 * optionally with a midnight time): the one rule the sales imports use too. Null when it is not a real date.
 */
export function parseDateText(text: string): string | null {
  return parseSalesDate(text.trim());
}

/** Why one cell fails a zod check, in words for a spreadsheet user; null when it passes. */
export function cellIssue(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return 'not valid';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'required' : `at least ${issue.minimum} characters`;
      return `must be at least ${issue.minimum.toLocaleString('en')}`;
    case 'too_big':
      if (issue.origin === 'string') return `at most ${issue.maximum} characters`;
      return `must be at most ${issue.maximum.toLocaleString('en')}`;
    case 'invalid_type':
      return issue.expected === 'int' ? 'must be a whole number' : `must be a ${issue.expected}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'not a valid email address';
      if (issue.format === 'date') return 'not a valid date; write it as 2026-05-01';
      return issue.message;
    default:
      return issue.message;
  }
}

/**
 * Reads the cells of one row against the columns found in the header. Every reader answers
 * `undefined` when the column is not in the file (the field is left as it is) or the cell has a problem
 * (recorded in `problems`), `null` for a blank cell, and the value otherwise.
 */
export function rowReader<K extends string>(
  row: SpreadsheetRow,
  headerOf: Partial<Record<K, string>>,
  problems: ImportProblem[],
  columns: readonly ImportColumn<K>[],
) {
  const raw = (key: K): string | undefined => {
    const header = headerOf[key];
    return header === undefined ? undefined : (row.cells[header] ?? '');
  };
  const report = (key: K, reason: string, value: string | null = raw(key) ?? null): undefined => {
    // A problem about a column the file lacks (a default that does not fit) names the column's usual header.
    const column = headerOf[key] ?? columns.find((candidate) => candidate.key === key)?.header ?? key;
    problems.push({ row: row.rowNumber, column, value: value === '' ? null : value, reason });
    return undefined;
  };
  return {
    rowNumber: row.rowNumber,
    raw,
    report,
    text(key: K, schema: z.ZodType, required = false): string | null | undefined {
      const value = raw(key);
      if (value === undefined) return undefined;
      if (value === '') return required ? report(key, 'required') : null;
      const issue = cellIssue(schema, value);
      return issue ? report(key, issue) : value;
    },
    number(key: K, schema: z.ZodType): number | null | undefined {
      const value = raw(key);
      if (value === undefined) return undefined;
      if (value === '') return null;
      const parsed = parseNumberText(value);
      if (Number.isNaN(parsed)) return report(key, 'must be a number');
      const issue = cellIssue(schema, parsed);
      return issue ? report(key, issue) : parsed;
    },
    date(key: K): string | null | undefined {
      const value = raw(key);
      if (value === undefined) return undefined;
      if (value === '') return null;
      return parseDateText(value) ?? report(key, 'not a valid date; write it as 2026-05-01');
    },
    choice<E extends EnumKind>(key: K, kind: E, required = false): EnumValue<E> | null | undefined {
      const value = raw(key);
      if (value === undefined) return undefined;
      if (value === '') return required ? report(key, 'required') : null;
      const parsed = parseEnumLabel(kind, value);
      if (parsed) return parsed;
      const allowed = optionsOf(kind, 'zh-CN')
        .map((option) => option.label)
        .join('、');
      return report(key, `unknown value; use one of ${allowed}`);
    },
  };
}
export type RowReader<K extends string> = ReturnType<typeof rowReader<K>>;

/** The answer of every import: what was (or, for a dry run, would be) applied. */
// ——— HTTP: the upload in, the workbook out ———

/** The one file of a multipart upload, in a field named "file". */
export async function readUpload(request: FastifyRequest): Promise<{ buffer: Buffer; fileName: string }> {
  const missing = () =>
    invalidFile('Send the file as multipart/form-data in a field named "file"', [
      { path: 'body.file', message: 'required' },
    ]);
  if (!request.isMultipart()) throw missing();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw missing();
  const buffer = await part.toBuffer();
  return { buffer, fileName: part.filename || 'upload' };
}

/** Sends a workbook as a download named like "stores-2026-11-25.xlsx" (dated in the business time zone). */
export function sendXlsx(reply: FastifyReply, baseName: string, buffer: Buffer, dated = true) {
  const fileName = `${baseName}${dated ? `-${businessToday()}` : ''}.xlsx`;
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(buffer);
}
