import { importPermissionOf, type ColumnMappingInput } from '../../../core/imports/imports.contract';
import { isMappedKind, kindFields } from '../../../core/imports/import-fields';
import type { ImportKind, MappingField } from '../../../core/imports/imports.enums';

export type FieldNeed = 'required' | 'either' | 'optional';
export interface KindField {
  field: MappingField;
  /** `either`: at least one of the kind's `either` fields (a product is named by item code, barcode…). */
  need: FieldNeed;
}

/** The fields a fact file must (or may) map, in the order the mapping screen asks for them (core's list). */
export function screenFieldsOf(kind: ImportKind): KindField[] {
  if (!isMappedKind(kind)) return [];
  const { required, optional } = kindFields[kind];
  return [
    ...required.flatMap((entry): KindField[] =>
      typeof entry === 'string'
        ? [{ field: entry, need: 'required' }]
        : entry.map((field) => ({ field, need: 'either' as const })),
    ),
    ...optional.map((field): KindField => ({ field, need: 'optional' })),
  ];
}

/** Kinds whose files come in each chain's own columns, so they need a mapping (sheet kinds use our template). */
export const needsMapping = isMappedKind;

/** Sheet kinds have their own template and endpoints (/api/skus/import-template.xlsx…). */
export const templatePathOf: Partial<Record<ImportKind, string>> = {
  skus: '/api/skus/import-template.xlsx',
  listings: '/api/listings/import-template.xlsx',
  item_codes: '/api/item-codes/import-template.xlsx',
};

/** Sell-out, stock and sell-in are resolved through one account's store and item codes. */
export const needsAccount = (kind: ImportKind) =>
  kind === 'sellout' || kind === 'inventory' || kind === 'sellin';

/** Who may import each kind (core's list); the server checks again. */
export const permissionOfKind = importPermissionOf;

/** What a mapping still lacks: each required field without a column, and each group with none of its fields. */
export function missingFields(kind: ImportKind, mapping: ColumnMappingInput): MappingField[][] {
  if (!isMappedKind(kind)) return [];
  return kindFields[kind].required
    .map((entry) => (typeof entry === 'string' ? [entry] : [...entry]))
    .filter((group) => !group.some((field) => mapping[field]));
}

/** Only the kind's own fields, and only those pointing at a column. */
export function mappingFor(kind: ImportKind, mapping: ColumnMappingInput): ColumnMappingInput {
  const result: ColumnMappingInput = {};
  for (const { field } of screenFieldsOf(kind)) if (mapping[field]) result[field] = mapping[field];
  return result;
}

export const sameMapping = (a: ColumnMappingInput, b: ColumnMappingInput) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as MappingField[]);
  return [...keys].every((key) => (a[key] ?? '') === (b[key] ?? ''));
};
