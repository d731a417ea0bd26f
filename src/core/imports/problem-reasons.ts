import type { Locale } from '../auth/auth.contract';
import { fieldHeaderNames } from './import-fields';

/**
 * The reasons of import problems in the reader's language. The API keeps each reason in English (scripts match on
 * it); screens and errors.csv show it through localizeReason. Every reason the server can emit has one anchored
 * pattern below, with captures for its variable parts (row numbers, limits, headers, codes, lists), tried in order.
 * A reason no pattern knows is shown as it is. src/server/lib/problem-reasons.test.ts reads the importers' sources
 * and fails when a reason has no entry here. Words follow docs/glossary.md.
 */

type Translate = (...parts: string[]) => string;

/** The header a person knows a mapping field by: storeCode → 门店编码. */
const fieldName = (field: string): string =>
  Object.prototype.hasOwnProperty.call(fieldHeaderNames, field)
    ? (fieldHeaderNames[field as keyof typeof fieldHeaderNames][0] ?? field)
    : field;

/** "storeCode (门店编码) | barcode (条码)" → "门店编码或条码". */
const fieldChoices = (named: string): string =>
  named
    .split(' | ')
    .map((part) => /\(([^()]+)\)$/.exec(part)?.[1] ?? fieldName(part.trim()))
    .join('或');

const duplicateKeyWords: Record<string, string> = {
  'store, SKU and date': '门店、品项和日期',
  'invoice, SKU and store': '发票号、品项和门店',
  'scope, owner and month': '目标类型、对象和月份',
};

const valueTypes: Record<string, string> = {
  string: '文本',
  boolean: '是或否',
  date: '日期',
  bigint: '整数',
  array: '列表',
  object: '对象',
};

const fileNouns: Record<string, string> = {
  SKUs: '品项',
  'item codes': '客户商品编码',
  listings: '上架记录',
  stores: '门店',
  contacts: '联系人',
};

const alternatives = (words: Record<string, string>) =>
  Object.keys(words)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const zhReasons: readonly (readonly [RegExp, Translate])[] = [
  // ——— Cells (spreadsheet.ts cellIssue and rowReader, import-cells.ts, the contracts' cell rules) ———
  [/^required$/, () => '必填'],
  [/^not valid$/, () => '无效'],
  [/^must be a number$/, () => '必须是数字'],
  [/^must be a whole number$/, () => '必须是整数'],
  [new RegExp(`^must be an? (${alternatives(valueTypes)})$`), (type) => `必须是${valueTypes[type] ?? type}`],
  [/^must not be negative$/, () => '不能为负数'],
  [/^too large$/, () => '数值过大'],
  [/^at least (\d[\d,]*) characters$/, (n) => `至少 ${n} 个字符`],
  [/^at most (\d[\d,]*) characters$/, (n) => `最多 ${n} 个字符`],
  [/^must be at least (-?\d[\d,.]*)$/, (n) => `不能小于 ${n}`],
  [/^must be at most (-?\d[\d,.]*) yuan$/, (n) => `不能超过 ${n} 元`],
  [/^must be at most (-?\d[\d,.]*)$/, (n) => `不能大于 ${n}`],
  [/^not a valid email address$/, () => '不是有效的邮箱地址'],
  [/^not a valid date; write it as (\S+)$/, (example) => `不是有效日期，请写成 ${example}`],
  [
    /^not a valid date; write it as (\S+) or (\S+)$/,
    (first, second) => `不是有效日期，请写成 ${first} 或 ${second}`,
  ],
  [/^not a valid month; write it as (\S+)$/, (example) => `不是有效月份，请写成 ${example}`],
  [/^not an amount in yuan, e\.g\. (\S+)$/, (example) => `不是以元为单位的金额，例如 ${example}`],
  [/^must be an amount in yuan, like (\S+)$/, (example) => `必须是以元为单位的金额，如 ${example}`],
  [/^unknown value; use one of (.+)$/, (labels) => `无法识别，可填：${labels}`],
  [/^unknown value; use (\S+) or (\S+)$/, (first, second) => `无法识别，请填“${first}”或“${second}”`],
  [/^letters, digits, - and _ only$/, () => '只能包含字母、数字、- 和 _'],
  [/^letters, digits, "\.", "-" and "_" only$/, () => '只能包含字母、数字、“.”、“-”和“_”'],
  [/^digits, spaces and \+ - \( \) only$/, () => '只能包含数字、空格和 + - ( )'],
  [/^a barcode has digits only$/, () => '条码只能包含数字'],
  [
    /^a barcode has 8 \(EAN-8\), 12 \(UPC-A\) or 13 \(EAN-13\) digits$/,
    () => '条码应为 8 位（EAN-8）、12 位（UPC-A）或 13 位（EAN-13）数字',
  ],
  [
    /^wrong check digit: expected (\S+), found (\S+)$/,
    (expected, found) => `校验位错误：应为 ${expected}，实为 ${found}`,
  ],
  // zod's own English, should a cell rule ever fall through to it.
  [/^Invalid string: must match pattern (.+)$/, (pattern) => `格式不正确（应符合 ${pattern}）`],
  [/^Invalid option: expected one of (.+)$/, (options) => `无效选项，可选：${options}`],
  [/^Invalid input(?:: .*)?$/, () => '无效的值'],

  // ——— Headers and mappings ———
  [/^the same column as "(.*)"$/, (header) => `与“${header}”列重复`],
  [
    /^required column is missing \(header "(.*)" or "(.*)"\)$/,
    (header, alias) => `缺少必填列（表头“${header}”或“${alias}”）`,
  ],
  [
    /^a column naming the SKU is missing \((.*)\)$/,
    (headers) => `缺少指明品项的列（${headers.split(' or ').join('或')}）`,
  ],
  [
    /^the mapping names column "(.*)" for (\S+), but the file has no such column$/,
    (column, field) => `映射把“${column}”列用作${fieldName(field)}，但文件中没有这一列`,
  ],
  [
    /^no column for (.+?): add it to the file or map it to one of the file's columns \((.*)\)$/,
    (named, headers) => `缺少${fieldChoices(named)}列：请在文件中添加，或映射到文件中的某一列（${headers}）`,
  ],
  [/^column not found in the file$/, () => '文件中没有这一列'],

  // ——— Codes that name stores, SKUs, accounts, people ———
  [/^unknown store code: not one of this account's stores$/, () => '未知门店编码：不是该客户的门店'],
  [
    /^unknown store code for this account, or outside your scope$/,
    () => '该客户下没有这个门店编码，或不在你的数据范围内',
  ],
  [/^no store with this code for the account in your scope$/, () => '你的数据范围内，该客户没有这个门店编码'],
  [/^the store is outside your org unit$/, () => '该门店不在你的组织范围内'],
  [/^unknown item code: not in this account's item codes$/, () => '未知客户商品编码：不在该客户的商品编码中'],
  [/^unknown barcode: no SKU has it$/, () => '未知条码：没有品项使用这个条码'],
  [/^unknown SKU code$/, () => '未知品项编码'],
  [/^unknown barcode$/, () => '未知条码'],
  [/^unknown item code for this account$/, () => '该客户没有这个客户商品编码'],
  [/^unknown account code$/, () => '未知客户编码'],
  [/^unknown account code, or outside your scope$/, () => '未知客户编码，或不在你的数据范围内'],
  [/^unknown org unit code$/, () => '未知组织编码'],
  [/^unknown rep \(username\)$/, () => '未知KA代表（用户名）'],
  [/^unknown user "(.*)"$/, (name) => `未知用户“${name}”`],
  [/^required: the account code$/, () => '必填：客户编码'],
  [/^required: the store code$/, () => '必填：门店编码'],
  [/^required: the rep \(username\)$/, () => '必填：KA代表的用户名'],
  [/^required: the org unit code$/, () => '必填：组织编码'],
  [/^required: name the SKU$/, () => '必填：请指明品项'],
  [/^this file is imported for account (.+)$/, (code) => `此文件只能导入客户 ${code} 的数据`],
  [
    /^names SKU (.+), but the row's other columns name (.+)$/,
    (named, other) => `指向品项 ${named}，但本行其他列指向品项 ${other}`,
  ],
  [/^the barcode already belongs to SKU (.+)$/, (code) => `该条码已属于品项 ${code}`],

  // ——— Rows that repeat a key ———
  [/^the same SKU code as row (\d+)$/, (row) => `与第 ${row} 行的品项编码重复`],
  [/^the same barcode as row (\d+)$/, (row) => `与第 ${row} 行的条码重复`],
  [/^the same account and item code as row (\d+)$/, (row) => `与第 ${row} 行的客户和客户商品编码重复`],
  [/^the same store and SKU as row (\d+)$/, (row) => `与第 ${row} 行的门店和品项重复`],
  [/^the same account and store code as row (\d+)$/, (row) => `与第 ${row} 行的客户和门店编码重复`],
  [/^the same account, store and name as row (\d+)$/, (row) => `与第 ${row} 行的客户、门店和姓名重复`],
  [
    new RegExp(`^duplicate: the same (${alternatives(duplicateKeyWords)}) as row (\\d+)$`),
    (words, row) => `重复：与第 ${row} 行的${duplicateKeyWords[words] ?? words}相同`,
  ],

  // ——— Rules of SKUs, listings, stores, contacts, targets ———
  [
    /^an own SKU \(本品\) has no competitor company; clear it or mark the SKU 竞品$/,
    () => '本品没有竞品公司：请清空此列，或把品项标为竞品',
  ],
  [/^a competitor SKU \(竞品\) needs its company$/, () => '竞品须填写竞品公司'],
  [
    /^a competitor SKU \(竞品\) needs its company: add the (\S+) column$/,
    (header) => `竞品须填写竞品公司：请添加“${header}”列`,
  ],
  [/^required for a new listing$/, () => '新上架记录必填'],
  [/^must be after the listing date (\S+)$/, (date) => `必须晚于进场日期 ${date}`],
  [
    /^this store exists outside your org unit; ask HQ or its manager to change it$/,
    () => '该门店已存在，但不在你的组织范围内；请总部或负责该门店的经理修改',
  ],
  [/^you have no org unit; ask an admin to set yours$/, () => '你还没有所属组织，请系统管理员设置'],
  [/^the org unit is outside your own$/, () => '该组织不在你的组织范围内'],
  [/^at most (\d+) reps per store$/, (n) => `每个门店最多 ${n} 名负责人`],
  [/^(.+) is not a rep or promoter$/, (name) => `${name} 不是KA代表或促销员`],
  [/^(.+) is not active$/, (name) => `${name} 已停用`],
  [/^(.+) is outside your org unit$/, (name) => `${name} 不在你的组织范围内`],
  [
    /^(\d+) contacts with this name already exist here; rename one in Endcap first$/,
    (n) => `这里已有 ${n} 个同名联系人，请先在 Endcap 中给其中一个改名`,
  ],
  [/^leave blank for a company target$/, () => '公司目标此列留空'],
  [/^store targets need the account of the file$/, () => '门店目标需要指定文件所属的客户'],

  // ——— The file as a whole (a job records why it could not read the file as its one problem) ———
  [
    /^Excel 97-2003 \(\.xls\) files are not supported: save the file as \.xlsx or \.csv$/,
    () => '不支持 Excel 97-2003（.xls）文件：请另存为 .xlsx 或 .csv',
  ],
  [
    /^Only \.(?:csv and \.xlsx|xlsx and \.csv) files can be imported, not "(.*)"$/,
    (name) => `只能导入 .xlsx 或 .csv 文件，不能导入“${name}”`,
  ],
  [/^The file is empty$/, () => '文件是空的'],
  [/^The file has no rows$/, () => '文件中没有任何行'],
  [
    /^The file is not an \.xlsx workbook \(was it renamed from \.xls or \.csv\?\)$/,
    () => '文件不是 .xlsx 工作簿（是否由 .xls 或 .csv 改名而来？）',
  ],
  [
    /^The (?:file|sheet) has (\d[\d,]*) rows; at most (\d[\d,]*) can be imported at once, split it$/,
    (rows, max) => `文件有 ${rows} 行，一次最多导入 ${max} 行，请拆分`,
  ],
  [
    /^The column "(.*)" appears twice \(columns (\S+) and (\S+)\)$/,
    (header, first, second) => `“${header}”列出现了两次（${first} 列和 ${second} 列）`,
  ],
  [
    /^The \.xlsx file could not be read; open it in Excel and save it again$/,
    () => '无法读取 .xlsx 文件，请用 Excel 打开后重新保存',
  ],
  [
    /^The \.xlsx file could not be read \((.*)\); open it in Excel and save it again$/s,
    (detail) => `无法读取 .xlsx 文件（${detail}），请用 Excel 打开后重新保存`,
  ],
  [/^The workbook has no worksheet$/, () => '工作簿中没有工作表'],
  [
    /^The CSV file could not be read after row (\d+): (.*)$/s,
    (row, detail) => `CSV 文件第 ${row} 行之后无法读取：${localizeReason(detail, 'zh-CN')}`,
  ],
  [
    /^The CSV file could not be read: (.*)$/s,
    (detail) => `无法读取 CSV 文件：${localizeReason(detail, 'zh-CN')}`,
  ],
  [
    /^a quoted cell never ends \(a " without its closing "\)$/,
    () => '有一个带引号的单元格没有结束（缺少与 " 配对的引号）',
  ],
  [
    new RegExp(`^The file has a header row but no (${alternatives(fileNouns)})$`),
    (noun) => `文件只有表头，没有${fileNouns[noun] ?? noun}`,
  ],
  [/^The account to import for does not exist$/, () => '要导入的客户不存在'],
  [/^You may not do this$/, () => '你没有权限执行此操作'],
];

/** How many reasons the table knows (for its tests). */
export const reasonPatternCount = zhReasons.length;

/** The index of the table entry that translates a reason, or -1 (for its tests). */
export function reasonPatternIndex(reason: string): number {
  return zhReasons.findIndex(([pattern]) => pattern.test(reason));
}

/** A problem's reason as the user reads it: unchanged in English, in Chinese when the table knows it. */
export function localizeReason(reason: string, locale: Locale): string {
  if (locale !== 'zh-CN') return reason;
  for (const [pattern, translate] of zhReasons) {
    const match = pattern.exec(reason);
    if (match) return translate(...match.slice(1).map((part) => part ?? ''));
  }
  return reason;
}
