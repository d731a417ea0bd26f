/** What an import loads. Fact kinds run as jobs through staging; sheet kinds are master data, applied at once. */
export const importKinds = [
  'sellout',
  'inventory',
  'sellin',
  'targets',
  'skus',
  'listings',
  'item_codes',
] as const;
export type ImportKind = (typeof importKinds)[number];
export const factImportKinds = ['sellout', 'inventory', 'sellin', 'targets'] as const;

export const importStatuses = ['queued', 'running', 'applied', 'rejected', 'failed', 'undone'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Our field names that a column mapping points at file headers. */
export const mappingFields = [
  'storeCode',
  'itemCode',
  'barcode',
  'skuCode',
  'date',
  'units',
  'amount',
  'onHand',
  'invoiceNo',
  'price',
  'month',
  'scope',
  'ref',
] as const;
export type MappingField = (typeof mappingFields)[number];
