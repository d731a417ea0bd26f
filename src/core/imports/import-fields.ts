import type { ColumnMappingInput } from './imports.contract';
import type { ImportKind, MappingField } from './imports.enums';

/**
 * Which of our fields each kind of fact file needs, and the headers chains and ERPs use for them, so a file maps
 * itself on first use and the mapping screen can suggest the rest. Sheet kinds (skus, listings, item_codes) use
 * the catalog's own template columns and take no mapping.
 */
export const mappedImportKinds = ['sellout', 'inventory', 'sellin', 'targets'] as const;
export type MappedImportKind = (typeof mappedImportKinds)[number];

export const isMappedKind = (kind: ImportKind): kind is MappedImportKind =>
  (mappedImportKinds as readonly string[]).includes(kind);

/** The ways a file may name the SKU, in the order an import tries them on each row. */
export const skuFields = ['itemCode', 'barcode', 'skuCode'] as const satisfies readonly MappingField[];

export interface KindFields {
  /** Each entry must have a column; an array means "any one of these". */
  required: readonly (MappingField | readonly MappingField[])[];
  optional: readonly MappingField[];
}

export const kindFields: Record<MappedImportKind, KindFields> = {
  sellout: { required: ['storeCode', skuFields, 'date', 'units', 'amount'], optional: [] },
  inventory: { required: ['storeCode', skuFields, 'date', 'onHand'], optional: [] },
  sellin: {
    required: ['invoiceNo', 'date', skuFields, 'units', 'amount'],
    optional: ['storeCode', 'price'],
  },
  targets: { required: ['month', 'scope', 'amount'], optional: ['ref', 'units'] },
};

/** Every field a kind reads, required first. */
export function fieldsOfKind(kind: MappedImportKind): MappingField[] {
  const { required, optional } = kindFields[kind];
  return [...required.flatMap((entry) => (typeof entry === 'string' ? [entry] : [...entry])), ...optional];
}

/** Headers people give each field in their exports, Chinese and English. Compared loosely (see headerKey). */
export const fieldHeaderNames: Record<MappingField, readonly string[]> = {
  storeCode: [
    '门店编码',
    '门店代码',
    '门店编号',
    '门店号',
    '店号',
    '店铺编码',
    '店铺代码',
    'storeCode',
    'store',
  ],
  itemCode: [
    '商品编码',
    '商品代码',
    '商品编号',
    '商品号',
    '货号',
    '商品货号',
    '单品编码',
    'itemCode',
    'article',
  ],
  barcode: ['条码', '商品条码', '条形码', '国际条码', 'barcode', 'ean'],
  skuCode: ['品项编码', 'SKU编码', 'sku', 'skuCode'],
  date: ['日期', '销售日期', '业务日期', '库存日期', '单据日期', '发票日期', '开票日期', '发货日期', 'date'],
  units: ['销量', '数量', '销售数量', '销售数', '件数', 'units', 'qty', 'quantity', '目标数量'],
  amount: ['销售额', '金额', '销售金额', '含税金额', '含税销售额', '目标金额', '目标', 'amount', 'sales'],
  onHand: ['库存', '库存数量', '现有库存', '期末库存', '库存数', 'onHand', 'stock'],
  invoiceNo: ['发票号', '发票号码', '单据号', '单号', '出货单号', '订单号', 'invoiceNo', 'invoice'],
  price: ['单价', '价格', '供价', '进价', 'price', 'unitPrice'],
  month: ['月份', '目标月份', '月', 'month'],
  scope: ['目标类型', '范围', '层级', '类型', 'scope'],
  ref: ['对象', '对象编码', '目标对象', '编码', 'ref'],
};

/** Header text compared loosely: full-width characters, case, spaces and underscores do not matter. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/** Our field → the file's header, for every field of the kind whose usual header the file has. */
export function suggestMapping(kind: MappedImportKind, headers: readonly string[]): ColumnMappingInput {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const mapping: ColumnMappingInput = {};
  const used = new Set<string>();
  for (const field of fieldsOfKind(kind)) {
    for (const name of fieldHeaderNames[field]) {
      const header = byKey.get(headerKey(name));
      if (header !== undefined && !used.has(header)) {
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** The required fields (or groups, "itemCode | barcode | skuCode") that a mapping leaves without a column. */
export function missingFields(kind: MappedImportKind, mapping: ColumnMappingInput): string[] {
  return kindFields[kind].required
    .filter((entry) => (typeof entry === 'string' ? !mapping[entry] : !entry.some((field) => mapping[field])))
    .map((entry) => (typeof entry === 'string' ? entry : entry.join(' | ')));
}
