import { and, eq, inArray, sql } from 'drizzle-orm';
import { accountCodeSchema } from '../../../core/accounts/accounts.contract';
import { can, type Permission } from '../../../core/auth/roles';
import type { SkuStatus } from '../../../core/catalog/catalog.enums';
import { itemCodeInputSchema, skuInputSchema } from '../../../core/catalog/catalog.contract';
import { optionsOf } from '../../../core/common/enum-labels';
import type { ImportProblem } from '../../../core/common/errors';
import type { ImportResult } from '../../../core/common/imports';
import { parseYuanToFen } from '../../../core/common/money';
import { storeCodeSchema } from '../../../core/stores/stores.contract';
import type { Db } from '../../db/client';
import { AppError, forbidden } from '../../http/app-error';
import type { Actor } from '../../http/access';
import {
  distinct,
  importRejected,
  inBatches,
  matchHeaders,
  readSpreadsheet,
  rowReader,
  type ImportColumn,
  type RowReader,
  type Spreadsheet,
} from '../../lib/spreadsheet';
import { findAccountsByCodes } from '../accounts/accounts.service';
import { accounts } from '../accounts/accounts.table';
import { recordAuditEvents, type AuditEventInput } from '../audit/audit.service';
import { inScope, visibleAccountIdsSql } from '../stores/store-scope';
import { findStoresByAccountCodes, writableOrgUnitIds } from '../stores/stores.service';
import { auditView, resolveSkuCodes, toSku, type SkuCodes } from './catalog.service';
import { accountItemCodes, listings, skus } from './catalog.table';

/**
 * SKUs, account item codes and listings in from Excel/CSV, with the store import's rules (stores.import.ts), also
 * written on each template's 说明 sheet:
 * - Rows are matched on natural keys — a SKU by 品项编码, an item code by 客户编码 + 客户商品编码, a listing by
 *   store (客户编码 + 门店编码) × SKU — so re-importing a file changes nothing, and a key may appear once per file.
 * - A column missing from the file leaves that field as it is; a blank cell clears it, except fields that cannot be
 *   empty (a SKU's 本品/竞品 and 状态, a listing's 进场日期), which keep their value, or take the default when new.
 * - Any problem in any row rejects the whole file, every problem listed by row, column, value and reason.
 * - A file may name SKUs by our 品项编码, by the account's 客户商品编码, or by 条码; when a row has more than one,
 *   they must name the same SKU.
 * - `accountId` (the account a job or the command line names): rows take it when the file has no 客户编码 column or
 *   the cell is blank; a row naming another account is a problem, since the file was meant for that account.
 * The export of each list writes the template's columns, so an exported file re-imports unchanged.
 */

export type ImportFile = { buffer: Buffer; fileName: string };
export type ImportOptions = { dryRun?: boolean; accountId?: number };

const statusLabels = optionsOf('skuStatus', 'zh-CN')
  .map((option) => option.label)
  .join('、');
const OWN_WORDS = ['本品', '自有', '我司', 'own', 'ours', 'true', '是', 'y', 'yes', '1'];
const COMPETITOR_WORDS = ['竞品', '竞争品', 'competitor', 'false', '否', 'n', 'no', '0'];

function requirePermission(actor: Actor, permission: Permission) {
  // The routes check this too; the import job API and the command line call these functions directly.
  if (!can(actor.role, permission)) throw forbidden();
}

async function readSheet<K extends string>(
  file: ImportFile,
  columns: readonly ImportColumn<K>[],
  extraHeaderProblems: (headerOf: Partial<Record<K, string>>) => ImportProblem[],
  noun: string,
) {
  const sheet: Spreadsheet = await readSpreadsheet(file.buffer, file.fileName);
  const matched = matchHeaders(sheet.headers, columns);
  const headerProblems = [...matched.problems, ...extraHeaderProblems(matched.headerOf)];
  // Without its key columns no row can be read; say so once rather than once per row.
  if (headerProblems.length) throw importRejected(headerProblems, sheet.rows.length);
  if (sheet.rows.length === 0)
    throw new AppError('validation_failed', `The file has a header row but no ${noun}`);
  return { sheet, headerOf: matched.headerOf, ignored: matched.ignored };
}

/** A header problem when none of the columns that can name a SKU is in the file. */
function skuColumnsProblem<K extends string>(
  headerOf: Partial<Record<K, string>>,
  columns: readonly ImportColumn<K>[],
  keys: K[],
): ImportProblem[] {
  if (keys.some((key) => headerOf[key] !== undefined)) return [];
  const headers = keys.map((key) => columns.find((column) => column.key === key)!.header);
  return [
    {
      row: 1,
      column: headers[0],
      value: null,
      reason: `a column naming the SKU is missing (${headers.join(' or ')})`,
    },
  ];
}

/** The 客户编码 column is required unless the caller names the account. */
function accountColumnProblem<K extends string>(
  headerOf: Partial<Record<K, string>>,
  key: K,
  options: ImportOptions,
): ImportProblem[] {
  if (headerOf[key] !== undefined || options.accountId !== undefined) return [];
  return [
    {
      row: 1,
      column: '客户编码',
      value: null,
      reason: 'required column is missing (header "客户编码" or "accountCode")',
    },
  ];
}

/** Account ids by code, only for accounts the actor may see; the others read as unknown, so nothing leaks. */
async function visibleAccountsByCode(db: Db, actor: Actor, codes: string[]): Promise<Map<string, number>> {
  const found = await findAccountsByCodes(db, codes);
  const visibleIds = visibleAccountIdsSql(actor);
  if (!visibleIds || found.length === 0) return new Map(found.map((account) => [account.code, account.id]));
  const visible = new Set<number>();
  for (const batch of inBatches(found.map((account) => account.id))) {
    const rows = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(inArray(accounts.id, batch), inScope(accounts.id, visibleIds)));
    for (const row of rows) visible.add(row.id);
  }
  return new Map(
    found.filter((account) => visible.has(account.id)).map((account) => [account.code, account.id]),
  );
}

/** The account named by the caller (options.accountId), checked once: it must exist and be visible. */
async function optionAccount(db: Db, actor: Actor, options: ImportOptions) {
  if (options.accountId === undefined) return undefined;
  const [row] = await db
    .select({ id: accounts.id, code: accounts.code })
    .from(accounts)
    .where(and(eq(accounts.id, options.accountId), inScope(accounts.id, visibleAccountIdsSql(actor))));
  if (!row) throw new AppError('validation_failed', 'The account to import for does not exist');
  return row;
}

/**
 * The account of one row: the 客户编码 cell, or the caller's account when there is no such column or the cell is
 * blank. Undefined (with a problem reported) when it is unknown, out of scope, or not the caller's account.
 */
function rowAccount<K extends string>(
  reader: RowReader<K>,
  key: K,
  accountIdByCode: Map<string, number>,
  fallback: { id: number; code: string } | undefined,
): number | undefined {
  const raw = reader.raw(key);
  if (raw === undefined || raw === '') {
    if (fallback) return fallback.id;
    reader.report(key, 'required');
    return undefined;
  }
  if (reader.text(key, accountCodeSchema) == null) return undefined; // a bad cell, reported
  const accountId = accountIdByCode.get(raw);
  if (accountId === undefined) return reader.report(key, 'unknown account code, or outside your scope');
  if (fallback && accountId !== fallback.id)
    return reader.report(key, `this file is imported for account ${fallback.code}`);
  return accountId;
}

function readFen<K extends string>(reader: RowReader<K>, key: K): number | null | undefined {
  const text = reader.raw(key);
  if (text === undefined) return undefined;
  if (text === '') return null;
  const fen = parseYuanToFen(text);
  if (fen === null) return reader.report(key, 'must be an amount in yuan, like 12.50');
  if (fen < 0) return reader.report(key, 'must not be negative');
  if (fen > 100_000_000) return reader.report(key, 'must be at most 1,000,000 yuan');
  return fen;
}

// ——— SKUs ———

type SkuColumnKey =
  | 'code'
  | 'barcode'
  | 'name'
  | 'brand'
  | 'isOwn'
  | 'competitorCompany'
  | 'category'
  | 'flavour'
  | 'packSize'
  | 'unit'
  | 'casePack'
  | 'listPriceFen'
  | 'floorPriceFen'
  | 'retailPriceFen'
  | 'standardCostFen'
  | 'shelfLifeDays'
  | 'status'
  | 'launchedOn';

export const skuColumns: readonly ImportColumn<SkuColumnKey>[] = [
  {
    key: 'code',
    header: '品项编码',
    alias: 'skuCode',
    otherNames: ['code', '商品编码', 'SKU编码'],
    required: true,
    text: true,
    help: '我司的品项编码，唯一；字母、数字、“.”、“-”、“_”，最多40字符。再次导入同一编码会更新该品项。',
  },
  {
    key: 'barcode',
    header: '条码',
    alias: 'barcode',
    otherNames: ['商品条码', '国际条码', 'EAN'],
    text: true,
    width: 16,
    help: 'EAN-13、EAN-8 或 UPC-A，校验位须正确；不能与其他品项重复。可留空。',
  },
  {
    key: 'name',
    header: '品名',
    alias: 'name',
    otherNames: ['品项名称', '商品名称'],
    required: true,
    width: 24,
    help: '最多120字。',
  },
  { key: 'brand', header: '品牌', alias: 'brand', required: true, help: '最多60字。' },
  {
    key: 'isOwn',
    header: '本品/竞品',
    alias: 'isOwn',
    otherNames: ['本品竞品'],
    help: '“本品”（我司产品）或“竞品”。留空：新品项为本品，已有品项保持不变。',
  },
  {
    key: 'competitorCompany',
    header: '竞品公司',
    alias: 'competitorCompany',
    otherNames: ['竞品厂家'],
    help: '竞品必填（生产企业）；本品留空。',
  },
  { key: 'category', header: '品类', alias: 'category', required: true, help: '如 饼干、糖果，最多60字。' },
  { key: 'flavour', header: '口味', alias: 'flavour', help: '可留空。' },
  {
    key: 'packSize',
    header: '规格',
    alias: 'packSize',
    otherNames: ['包装'],
    help: '如 120g、6×25g，可留空。',
  },
  { key: 'unit', header: '单位', alias: 'unit', help: '如 袋、盒，可留空。' },
  {
    key: 'casePack',
    header: '箱规',
    alias: 'casePack',
    otherNames: ['装箱数'],
    help: '每箱件数，正整数，可留空。',
  },
  {
    key: 'listPriceFen',
    header: '供价(元)',
    alias: 'listPrice',
    otherNames: ['供价'],
    width: 12,
    help: '我司给客户的供货价，元，最多两位小数（更多位四舍五入到分），可留空。',
  },
  {
    key: 'floorPriceFen',
    header: 'KA最低售价(元)',
    alias: 'floorPrice',
    otherNames: ['统一最低售价', '最低售价'],
    width: 16,
    help: 'KA卖场允许的最低零售价（统一最低售价），元，可留空。',
  },
  {
    key: 'retailPriceFen',
    header: '建议零售价(元)',
    alias: 'retailPrice',
    otherNames: ['建议零售价', '零售价'],
    width: 16,
    help: '元，可留空。',
  },
  {
    key: 'standardCostFen',
    header: '标准成本(元)',
    alias: 'standardCost',
    otherNames: ['标准成本'],
    width: 14,
    help: '元，可留空。',
  },
  {
    key: 'shelfLifeDays',
    header: '保质期(天)',
    alias: 'shelfLifeDays',
    otherNames: ['保质期'],
    width: 12,
    help: '天数，1 到 3650 的整数，可留空。',
  },
  {
    key: 'status',
    header: '状态',
    alias: 'status',
    help: `允许值：${statusLabels}。留空：新品项为“在售”，已有品项保持不变。`,
  },
  {
    key: 'launchedOn',
    header: '上市日期',
    alias: 'launchedOn',
    width: 12,
    help: '日期，如 2026-03-01，可留空。',
  },
];

const skuFields = skuInputSchema.shape;

interface SkuValues {
  barcode: string | null;
  name: string;
  brand: string;
  isOwn: boolean;
  competitorCompany: string | null;
  category: string;
  flavour: string | null;
  packSize: string | null;
  unit: string | null;
  casePack: number | null;
  listPriceFen: number | null;
  floorPriceFen: number | null;
  retailPriceFen: number | null;
  standardCostFen: number | null;
  shelfLifeDays: number | null;
  status: SkuStatus;
  launchedOn: string | null;
}
const skuValueKeys = [
  'barcode',
  'name',
  'brand',
  'isOwn',
  'competitorCompany',
  'category',
  'flavour',
  'packSize',
  'unit',
  'casePack',
  'listPriceFen',
  'floorPriceFen',
  'retailPriceFen',
  'standardCostFen',
  'shelfLifeDays',
  'status',
  'launchedOn',
] as const satisfies readonly (keyof SkuValues)[];

type SkuRow = typeof skus.$inferSelect;

function readIsOwn(reader: RowReader<SkuColumnKey>): boolean | null | undefined {
  const text = reader.raw('isOwn');
  if (text === undefined) return undefined;
  if (text === '') return null;
  const word = text.normalize('NFKC').trim().toLowerCase();
  if (OWN_WORDS.includes(word)) return true;
  if (COMPETITOR_WORDS.includes(word)) return false;
  return reader.report('isOwn', 'unknown value; use 本品 or 竞品');
}

export async function importSkus(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  requirePermission(actor, 'writeSkus');
  const { sheet, headerOf, ignored } = await readSheet(file, skuColumns, () => [], 'SKUs');
  const problems: ImportProblem[] = [];
  const drafts = sheet.rows.map((row) => {
    const reader = rowReader(row, headerOf, problems, skuColumns);
    // In sheet order, so a row's problems read left to right.
    const code = reader.text('code', skuFields.code, true) ?? undefined;
    const values: Partial<Record<keyof SkuValues, unknown>> = {
      barcode: reader.text('barcode', skuFields.barcode),
      name: reader.text('name', skuFields.name, true) ?? undefined,
      brand: reader.text('brand', skuFields.brand, true) ?? undefined,
      // Blank keeps the current value (or makes a new SKU ours): a SKU is always one or the other.
      isOwn: readIsOwn(reader) ?? undefined,
      competitorCompany: reader.text('competitorCompany', skuFields.competitorCompany),
      category: reader.text('category', skuFields.category, true) ?? undefined,
      flavour: reader.text('flavour', skuFields.flavour),
      packSize: reader.text('packSize', skuFields.packSize),
      unit: reader.text('unit', skuFields.unit),
      casePack: reader.number('casePack', skuFields.casePack),
      listPriceFen: readFen(reader, 'listPriceFen'),
      floorPriceFen: readFen(reader, 'floorPriceFen'),
      retailPriceFen: readFen(reader, 'retailPriceFen'),
      standardCostFen: readFen(reader, 'standardCostFen'),
      shelfLifeDays: reader.number('shelfLifeDays', skuFields.shelfLifeDays),
      status: reader.choice('status', 'skuStatus') ?? undefined,
      launchedOn: reader.date('launchedOn'),
    };
    return { reader, code, values };
  });

  return db.transaction(async (tx) => {
    const existing = new Map<string, SkuRow>();
    for (const batch of inBatches(distinct(drafts.map((draft) => draft.code)))) {
      for (const row of await tx.select().from(skus).where(inArray(skus.code, batch)))
        existing.set(row.code, row);
    }
    const codesInFile = new Set(distinct(drafts.map((draft) => draft.code)));
    const barcodes = distinct(drafts.map((draft) => draft.values.barcode as string | null | undefined));
    // Barcodes held by SKUs the file does not touch: taking one of them is a clash.
    const barcodeOwner = new Map<string, string>();
    for (const batch of inBatches(barcodes)) {
      const rows = await tx
        .select({ code: skus.code, barcode: skus.barcode })
        .from(skus)
        .where(inArray(skus.barcode, batch));
      for (const row of rows) if (!codesInFile.has(row.code)) barcodeOwner.set(row.barcode!, row.code);
    }

    const firstRowOfCode = new Map<string, number>();
    const firstRowOfBarcode = new Map<string, number>();
    const plans: { code: string; current: SkuRow | undefined; values: SkuValues }[] = [];
    for (const { reader, code, values: fromFile } of drafts) {
      const rowProblems = problems.length;
      if (code !== undefined) {
        const firstRow = firstRowOfCode.get(code);
        if (firstRow !== undefined) reader.report('code', `the same SKU code as row ${firstRow}`);
        else firstRowOfCode.set(code, reader.rowNumber);
      }
      const current = code === undefined ? undefined : existing.get(code);
      const values = {} as Record<keyof SkuValues, unknown>;
      for (const key of skuValueKeys) {
        const value = fromFile[key];
        values[key] =
          value !== undefined
            ? value
            : current
              ? current[key]
              : key === 'isOwn'
                ? true
                : key === 'status'
                  ? 'active'
                  : null;
      }
      const state = values as SkuValues;
      // Ownership is checked on what the SKU becomes, once both of its cells read well.
      const cellFailed = (key: 'isOwn' | 'competitorCompany') =>
        Boolean(reader.raw(key)) && fromFile[key] === undefined;
      if (!cellFailed('isOwn') && !cellFailed('competitorCompany')) {
        if (state.isOwn && state.competitorCompany && fromFile.competitorCompany !== undefined) {
          reader.report(
            'competitorCompany',
            'an own SKU (本品) has no competitor company; clear it or mark the SKU 竞品',
          );
        } else if (!state.isOwn && !state.competitorCompany) {
          if (reader.raw('competitorCompany') !== undefined)
            reader.report('competitorCompany', 'a competitor SKU (竞品) needs its company');
          else reader.report('isOwn', 'a competitor SKU (竞品) needs its company: add the 竞品公司 column');
        }
      }
      if (state.isOwn) state.competitorCompany = null;
      if (typeof fromFile.barcode === 'string') {
        const barcode = fromFile.barcode;
        const firstRow = firstRowOfBarcode.get(barcode);
        if (firstRow !== undefined) reader.report('barcode', `the same barcode as row ${firstRow}`);
        else firstRowOfBarcode.set(barcode, reader.rowNumber);
        const owner = barcodeOwner.get(barcode);
        if (owner !== undefined) reader.report('barcode', `the barcode already belongs to SKU ${owner}`);
      }
      if (problems.length > rowProblems || code === undefined) continue;
      // Required columns are always in the file, so a missing value here means the row had a problem.
      if (!state.name || !state.brand || !state.category) continue;
      plans.push({ code, current, values: state });
    }
    if (problems.length) throw importRejected(problems, sheet.rows.length);

    const toCreate = plans.filter((plan) => !plan.current);
    const toUpdate = plans.filter(
      (plan) => plan.current && skuValueKeys.some((key) => plan.current![key] !== plan.values[key]),
    );
    const result: ImportResult = {
      status: options.dryRun ? 'valid' : 'applied',
      rowsRead: sheet.rows.length,
      created: toCreate.length,
      updated: toUpdate.length,
      unchanged: plans.length - toCreate.length - toUpdate.length,
      ignoredColumns: ignored,
    };
    if (options.dryRun) return result;

    const now = new Date();
    const events: AuditEventInput[] = [];
    // Barcodes may move between SKUs of the file (a swap): free the moving ones first, so no statement clashes.
    const moving = toUpdate.filter(
      (plan) => plan.current!.barcode !== null && plan.current!.barcode !== plan.values.barcode,
    );
    for (const batch of inBatches(moving.map((plan) => plan.current!.id))) {
      await tx.update(skus).set({ barcode: null }).where(inArray(skus.id, batch));
    }
    for (const plan of toUpdate) {
      const [after] = await tx
        .update(skus)
        .set({ ...plan.values, updatedAt: now })
        .where(eq(skus.id, plan.current!.id))
        .returning();
      events.push({
        entity: 'sku',
        entityId: after.id,
        action: 'update',
        before: auditView(toSku(plan.current!)),
        after: auditView(toSku(after)),
      });
    }
    for (const batch of inBatches(toCreate, 500)) {
      const inserted = await tx
        .insert(skus)
        .values(batch.map((plan) => ({ code: plan.code, ...plan.values })))
        .returning();
      for (const row of inserted) {
        events.push({
          entity: 'sku',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditView(toSku(row)),
        });
      }
    }
    await recordAuditEvents(tx, actor, events);
    return result;
  });
}

// ——— Account item codes ———

type ItemCodeColumnKey = 'accountCode' | 'accountName' | 'itemCode' | 'skuCode' | 'barcode' | 'skuName';

export const itemCodeColumns: readonly ImportColumn<ItemCodeColumnKey>[] = [
  {
    key: 'accountCode',
    header: '客户编码',
    alias: 'accountCode',
    text: true,
    help: 'KA系统（客户）的编码，如 WMT。按客户导入时可省略此列。',
  },
  {
    key: 'accountName',
    header: '客户名称',
    alias: 'accountName',
    readOnly: true,
    help: '只读，导入时忽略。',
  },
  {
    key: 'itemCode',
    header: '客户商品编码',
    alias: 'itemCode',
    otherNames: ['客户货号', '商品编号'],
    required: true,
    text: true,
    help: '客户系统中该商品的编码（其销售、库存报表里的编码），最多40字符。客户编码 + 客户商品编码 识别一条对应关系。',
  },
  {
    key: 'skuCode',
    header: '品项编码',
    alias: 'skuCode',
    text: true,
    help: '对应的我司品项编码。品项编码和条码至少填一个；都填时须是同一品项。',
  },
  { key: 'barcode', header: '条码', alias: 'barcode', text: true, width: 16, help: '对应品项的条码。' },
  { key: 'skuName', header: '品名', alias: 'skuName', readOnly: true, width: 24, help: '只读，导入时忽略。' },
];

const pairKey = (a: number, b: number | string) => `${a}\u0000${b}`;

/**
 * The SKU a row names, by any of the columns it has (our code, the account's item code, the barcode); when it
 * names it more than one way, they must agree. Undefined, with a problem reported, when it names none or several.
 */
function rowSku<K extends string>(
  reader: RowReader<K>,
  ways: { key: K; map: Map<string, number> | undefined; what: string }[],
  skuCodeById: Map<number, string>,
): number | undefined {
  let found: { id: number; key: K } | undefined;
  let named = false;
  for (const way of ways) {
    const text = reader.raw(way.key);
    if (!text) continue;
    named = true;
    if (!way.map) return undefined;
    const id = way.map.get(text);
    if (id === undefined) {
      reader.report(way.key, `unknown ${way.what}`);
      return undefined;
    }
    if (found && found.id !== id) {
      reader.report(
        way.key,
        `names SKU ${skuCodeById.get(id) ?? id}, but the row's other columns name ${skuCodeById.get(found.id) ?? found.id}`,
      );
      return undefined;
    }
    found = { id, key: way.key };
  }
  if (!named)
    reader.report(ways.find((way) => reader.raw(way.key) !== undefined)!.key, 'required: name the SKU');
  return found?.id;
}

async function allSkuCodes(db: Db) {
  const rows = await db.select({ id: skus.id, code: skus.code, barcode: skus.barcode }).from(skus);
  const byCode = new Map(rows.map((row) => [row.code, row.id]));
  const byBarcode = new Map(rows.filter((row) => row.barcode).map((row) => [row.barcode!, row.id]));
  const codeById = new Map(rows.map((row) => [row.id, row.code]));
  return { byCode, byBarcode, codeById };
}

export async function importItemCodes(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  requirePermission(actor, 'writeSkus');
  const { sheet, headerOf, ignored } = await readSheet(
    file,
    itemCodeColumns,
    (found) => [
      ...accountColumnProblem(found, 'accountCode', options),
      ...skuColumnsProblem(found, itemCodeColumns, ['skuCode', 'barcode']),
    ],
    'item codes',
  );
  const problems: ImportProblem[] = [];
  const readers = sheet.rows.map((row) => rowReader(row, headerOf, problems, itemCodeColumns));

  return db.transaction(async (tx) => {
    const fallback = await optionAccount(tx, actor, options);
    const accountIdByCode = await visibleAccountsByCode(
      tx,
      actor,
      distinct(readers.map((reader) => reader.raw('accountCode') || null)),
    );
    const catalog = await allSkuCodes(tx);
    const firstRowOfKey = new Map<string, number>();
    const plans: { accountId: number; itemCode: string; skuId: number }[] = [];
    for (const reader of readers) {
      const rowProblems = problems.length;
      const accountId = rowAccount(reader, 'accountCode', accountIdByCode, fallback);
      const itemCode = reader.text('itemCode', itemCodeInputSchema.shape.itemCode, true) ?? undefined;
      const skuId = rowSku(
        reader,
        [
          { key: 'skuCode', map: catalog.byCode, what: 'SKU code' },
          { key: 'barcode', map: catalog.byBarcode, what: 'barcode' },
        ],
        catalog.codeById,
      );
      if (accountId !== undefined && itemCode !== undefined) {
        const key = `${accountId}\u0000${itemCode}`;
        const firstRow = firstRowOfKey.get(key);
        if (firstRow !== undefined)
          reader.report('itemCode', `the same account and item code as row ${firstRow}`);
        else firstRowOfKey.set(key, reader.rowNumber);
      }
      if (
        problems.length > rowProblems ||
        accountId === undefined ||
        itemCode === undefined ||
        skuId === undefined
      )
        continue;
      plans.push({ accountId, itemCode, skuId });
    }
    if (problems.length) throw importRejected(problems, sheet.rows.length);

    const current = new Map<string, number>();
    for (const accountId of distinct(plans.map((plan) => plan.accountId))) {
      const codes = distinct(
        plans.filter((plan) => plan.accountId === accountId).map((plan) => plan.itemCode),
      );
      for (const batch of inBatches(codes)) {
        const rows = await tx
          .select()
          .from(accountItemCodes)
          .where(and(eq(accountItemCodes.accountId, accountId), inArray(accountItemCodes.itemCode, batch)));
        for (const row of rows) current.set(`${row.accountId}\u0000${row.itemCode}`, row.skuId);
      }
    }
    const skuOf = (plan: (typeof plans)[number]) => current.get(`${plan.accountId}\u0000${plan.itemCode}`);
    const created = plans.filter((plan) => skuOf(plan) === undefined).length;
    const changed = plans.filter((plan) => skuOf(plan) !== plan.skuId);
    const result: ImportResult = {
      status: options.dryRun ? 'valid' : 'applied',
      rowsRead: sheet.rows.length,
      created,
      updated: changed.length - created,
      unchanged: plans.length - changed.length,
      ignoredColumns: ignored,
    };
    if (options.dryRun) return result;
    for (const batch of inBatches(changed, 1000)) {
      await tx
        .insert(accountItemCodes)
        .values(batch)
        .onConflictDoUpdate({
          target: [accountItemCodes.accountId, accountItemCodes.itemCode],
          set: { skuId: sql`excluded.sku_id` },
        });
    }
    return result;
  });
}

// ——— Listings ———

type ListingColumnKey =
  | 'accountCode'
  | 'accountName'
  | 'storeCode'
  | 'storeName'
  | 'skuCode'
  | 'itemCode'
  | 'barcode'
  | 'skuName'
  | 'listedOn'
  | 'delistedOn';

export const listingColumns: readonly ImportColumn<ListingColumnKey>[] = [
  {
    key: 'accountCode',
    header: '客户编码',
    alias: 'accountCode',
    text: true,
    help: 'KA系统（客户）的编码，如 WMT。按客户导入时可省略此列。',
  },
  {
    key: 'accountName',
    header: '客户名称',
    alias: 'accountName',
    readOnly: true,
    help: '只读，导入时忽略。',
  },
  {
    key: 'storeCode',
    header: '门店编码',
    alias: 'storeCode',
    required: true,
    text: true,
    help: '该客户的门店编码；门店须在您的权限范围内。',
  },
  {
    key: 'storeName',
    header: '门店名称',
    alias: 'storeName',
    readOnly: true,
    width: 24,
    help: '只读，导入时忽略。',
  },
  {
    key: 'skuCode',
    header: '品项编码',
    alias: 'skuCode',
    text: true,
    help: '我司品项编码。品项编码、客户商品编码、条码至少填一个；填多个时须是同一品项。',
  },
  {
    key: 'itemCode',
    header: '客户商品编码',
    alias: 'itemCode',
    text: true,
    help: '客户系统中的商品编码（须已在“客户商品编码”中对应到品项）。',
  },
  { key: 'barcode', header: '条码', alias: 'barcode', text: true, width: 16, help: '品项条码。' },
  { key: 'skuName', header: '品名', alias: 'skuName', readOnly: true, width: 24, help: '只读，导入时忽略。' },
  {
    key: 'listedOn',
    header: '进场日期',
    alias: 'listedOn',
    otherNames: ['卖进日期', '上架日期'],
    required: true,
    width: 12,
    help: '门店开始销售该品项的日期，如 2026-03-01。新的进场必填；已有进场留空时保持不变。',
  },
  {
    key: 'delistedOn',
    header: '退场日期',
    alias: 'delistedOn',
    otherNames: ['下架日期'],
    width: 12,
    help: '门店不再销售的第一天，须晚于进场日期。留空表示仍在售（重新进场时清空）。',
  },
];

export async function importListings(
  db: Db,
  actor: Actor,
  file: ImportFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  requirePermission(actor, 'writeListings');
  const { sheet, headerOf, ignored } = await readSheet(
    file,
    listingColumns,
    (found) => [
      ...accountColumnProblem(found, 'accountCode', options),
      ...skuColumnsProblem(found, listingColumns, ['skuCode', 'itemCode', 'barcode']),
    ],
    'listings',
  );
  const problems: ImportProblem[] = [];
  const readers = sheet.rows.map((row) => rowReader(row, headerOf, problems, listingColumns));

  return db.transaction(async (tx) => {
    const fallback = await optionAccount(tx, actor, options);
    const accountIdByCode = await visibleAccountsByCode(
      tx,
      actor,
      distinct(readers.map((reader) => reader.raw('accountCode') || null)),
    );
    const catalog = await allSkuCodes(tx);
    const codesOfAccount = new Map<number, SkuCodes>();
    for (const accountId of distinct([fallback?.id, ...accountIdByCode.values()]))
      codesOfAccount.set(accountId, await resolveSkuCodes(tx, accountId));
    const writable = await writableOrgUnitIds(tx, actor);

    // First pass: each row's account and store code, so the stores are looked up once for the file.
    const rows = readers.map((reader) => ({
      reader,
      accountId: rowAccount(reader, 'accountCode', accountIdByCode, fallback),
      storeCode: reader.text('storeCode', storeCodeSchema, true) ?? undefined,
    }));
    const storeByKey = new Map<string, { id: number; orgUnitId: number | null }>();
    const storeKeys = rows.flatMap((row) =>
      row.accountId !== undefined && row.storeCode !== undefined
        ? [{ accountId: row.accountId, code: row.storeCode }]
        : [],
    );
    for (const batch of inBatches(storeKeys)) {
      for (const store of await findStoresByAccountCodes(tx, batch))
        storeByKey.set(pairKey(store.accountId, store.code), store);
    }

    const firstRowOfKey = new Map<string, number>();
    const drafts: {
      reader: RowReader<ListingColumnKey>;
      storeId: number;
      skuId: number;
      listedOn: string | null;
      delistedOn: string | null | undefined;
    }[] = [];
    for (const { reader, accountId, storeCode } of rows) {
      const rowProblems = problems.length;
      let storeId: number | undefined;
      if (accountId !== undefined && storeCode !== undefined) {
        const store = storeByKey.get(pairKey(accountId, storeCode));
        // A store outside the actor's reach reads like an unknown one, so its existence does not leak.
        const canWrite =
          store && (writable === 'all' || (store.orgUnitId !== null && writable.has(store.orgUnitId)));
        if (store && canWrite) storeId = store.id;
        else reader.report('storeCode', 'no store with this code for the account in your scope');
      }
      const skuId = rowSku(
        reader,
        [
          { key: 'skuCode', map: catalog.byCode, what: 'SKU code' },
          // Without a known account its item codes cannot be looked up (the account's problem is reported).
          {
            key: 'itemCode',
            map: accountId === undefined ? undefined : codesOfAccount.get(accountId)?.byItemCode,
            what: 'item code for this account',
          },
          { key: 'barcode', map: catalog.byBarcode, what: 'barcode' },
        ],
        catalog.codeById,
      );
      const listedOn = reader.date('listedOn');
      const delistedOn = reader.date('delistedOn');
      if (storeId !== undefined && skuId !== undefined) {
        const key = pairKey(storeId, skuId);
        const firstRow = firstRowOfKey.get(key);
        if (firstRow !== undefined) reader.report('storeCode', `the same store and SKU as row ${firstRow}`);
        else firstRowOfKey.set(key, reader.rowNumber);
      }
      if (
        problems.length > rowProblems ||
        storeId === undefined ||
        skuId === undefined ||
        listedOn === undefined
      )
        continue;
      drafts.push({ reader, storeId, skuId, listedOn, delistedOn });
    }

    const current = new Map<string, { listedOn: string; delistedOn: string | null }>();
    const skuIds = distinct(drafts.map((draft) => draft.skuId));
    for (const batch of inBatches(distinct(drafts.map((draft) => draft.storeId)))) {
      const found = await tx
        .select()
        .from(listings)
        .where(and(inArray(listings.storeId, batch), inArray(listings.skuId, skuIds)));
      for (const row of found) current.set(pairKey(row.storeId, row.skuId), row);
    }
    const plans: (typeof listings.$inferInsert & { isNew: boolean; isChanged: boolean })[] = [];
    for (const draft of drafts) {
      const before = current.get(pairKey(draft.storeId, draft.skuId));
      // A blank 进场日期 keeps the listing's date: a listing always has one.
      const listedOn = draft.listedOn ?? before?.listedOn;
      if (!listedOn) {
        draft.reader.report('listedOn', 'required for a new listing');
        continue;
      }
      const delistedOn = draft.delistedOn !== undefined ? draft.delistedOn : (before?.delistedOn ?? null);
      if (delistedOn !== null && delistedOn <= listedOn) {
        draft.reader.report('delistedOn', `must be after the listing date ${listedOn}`, delistedOn);
        continue;
      }
      plans.push({
        storeId: draft.storeId,
        skuId: draft.skuId,
        listedOn,
        delistedOn,
        isNew: !before,
        isChanged: !before || before.listedOn !== listedOn || before.delistedOn !== delistedOn,
      });
    }
    if (problems.length) throw importRejected(problems, sheet.rows.length);

    const changed = plans.filter((plan) => plan.isChanged);
    const created = plans.filter((plan) => plan.isNew).length;
    const result: ImportResult = {
      status: options.dryRun ? 'valid' : 'applied',
      rowsRead: sheet.rows.length,
      created,
      updated: changed.length - created,
      unchanged: plans.length - changed.length,
      ignoredColumns: ignored,
    };
    if (options.dryRun) return result;
    for (const batch of inBatches(changed, 1000)) {
      await tx
        .insert(listings)
        .values(batch.map(({ isNew: _n, isChanged: _c, ...listing }) => listing))
        .onConflictDoUpdate({
          target: [listings.storeId, listings.skuId],
          set: { listedOn: sql`excluded.listed_on`, delistedOn: sql`excluded.delisted_on` },
        });
    }
    return result;
  });
}
