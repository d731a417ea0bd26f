import type { ImportProblem } from '../../../core/common/errors';
import {
  fieldHeaderNames,
  fieldsOfKind,
  headerKey,
  missingFields,
  suggestMapping,
  type MappedImportKind,
} from '../../../core/imports/import-fields';
import type { MappingField } from '../../../core/imports/imports.enums';
import type { ColumnMapping } from './imports.table';
import type { ColumnIndexes } from './imports.rows';

/**
 * The mapping an import runs with: the one given (a saved profile or the request's) wins; fields it leaves out are
 * matched by their usual headers. Headers are compared loosely, and the file's own spelling is kept.
 */
export function resolveMapping(
  kind: MappedImportKind,
  headers: readonly string[],
  headerRowNumber: number,
  given: ColumnMapping | null,
): { mapping: ColumnMapping; problems: ImportProblem[] } {
  const byKey = new Map(
    headers.filter((header) => header !== '').map((header) => [headerKey(header), header]),
  );
  const mapping: ColumnMapping = {};
  const problems: ImportProblem[] = [];
  for (const [field, wanted] of Object.entries(given ?? {}) as [MappingField, string | undefined][]) {
    if (!wanted) continue;
    const header = headers.includes(wanted) ? wanted : byKey.get(headerKey(wanted));
    if (header === undefined) {
      problems.push({
        row: headerRowNumber,
        column: wanted,
        value: null,
        reason: `the mapping names column "${wanted}" for ${field}, but the file has no such column`,
      });
    } else if (fieldsOfKind(kind).includes(field)) {
      mapping[field] = header;
    }
  }
  const used = new Set(Object.values(mapping));
  const suggested = suggestMapping(
    kind,
    headers.filter((header) => !used.has(header)),
  );
  for (const [field, header] of Object.entries(suggested) as [MappingField, string][]) {
    if (mapping[field] === undefined) mapping[field] = header;
  }
  for (const missing of missingFields(kind, mapping)) {
    // "storeCode (门店编码)", "itemCode (商品编码) | barcode (条码) | skuCode (品项编码)"
    const named = missing
      .split(' | ')
      .map((field) => `${field} (${fieldHeaderNames[field as MappingField][0]})`)
      .join(' | ');
    problems.push({
      row: headerRowNumber,
      column: missing,
      value: null,
      reason: `no column for ${named}: add it to the file or map it to one of the file's columns (${headers.join(', ')})`,
    });
  }
  return { mapping, problems };
}

/** Where each mapped header is; problems for headers the file does not have (a file changed since it was mapped). */
export function columnIndexes(
  headers: readonly string[],
  headerRowNumber: number,
  mapping: ColumnMapping,
): { indexes: ColumnIndexes; problems: ImportProblem[] } {
  const indexes: ColumnIndexes = {};
  const problems: ImportProblem[] = [];
  for (const [field, header] of Object.entries(mapping) as [MappingField, string | undefined][]) {
    if (!header) continue;
    const index = headers.indexOf(header);
    if (index === -1) {
      problems.push({
        row: headerRowNumber,
        column: header,
        value: null,
        reason: 'column not found in the file',
      });
    } else {
      indexes[field] = { index, header };
    }
  }
  return { indexes, problems };
}
