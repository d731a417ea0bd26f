import { eq, sql } from 'drizzle-orm';
import type {
  ItemCodeListQuery,
  ListingListQuery,
  SkuListQuery,
} from '../../../core/catalog/catalog.contract';
import { labelOf } from '../../../core/common/enum-labels';
import { fenToYuanText } from '../../../core/common/money';
import type { Db } from '../../db/client';
import { countAll, ref } from '../../db/sql-helpers';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { writeXlsx, type ImportColumn } from '../../lib/spreadsheet';
import { accounts } from '../accounts/accounts.table';
import { stores } from '../stores/stores.table';
import { itemCodeColumns, listingColumns, skuColumns } from './catalog.import';
import { itemCodeListConditions, skuListConditions } from './catalog.service';
import { accountItemCodes, listings, skus } from './catalog.table';
import { listingListConditions } from './listings.service';

/**
 * Templates and exports of the catalog sheets. An export writes every column of its template (plus read-only ones
 * for reading), in the import's units — prices in yuan, enums as their Chinese labels — so that editing an export
 * and importing it again changes only what was edited.
 */

export const MAX_EXPORT_ROWS = 50_000;

const sheetColumns = <K extends string>(columns: readonly ImportColumn<K>[]) =>
  columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    text: column.text,
  }));

/** A price in fen as Excel should show it: a number of yuan (12.5), which reads back as the same fen. */
const yuanCell = (fen: number | null) => (fen === null ? null : Number(fenToYuanText(fen)));

function assertExportable(total: number, noun: string) {
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'validation_failed',
      `The list has ${total} ${noun}; narrow the filters to at most ${MAX_EXPORT_ROWS.toLocaleString('en')} to export`,
    );
  }
}

/** A template: the header row, one example row, and a 说明 sheet with every column and the rules. */
async function templateWorkbook<K extends string>(
  sheetName: string,
  columns: readonly ImportColumn<K>[],
  example: Partial<Record<K, unknown>>,
  rules: string[],
  /** Columns required in an uploaded file, though an import for a named account may leave them out. */
  alsoRequired: K[] = [],
): Promise<Buffer> {
  const importColumns = columns.filter((column) => !column.readOnly);
  return writeXlsx([
    { name: sheetName, columns: sheetColumns(importColumns), rows: [example] },
    {
      name: '说明',
      columns: [
        { header: '列名', key: 'header', width: 16 },
        { header: '英文列名', key: 'alias', width: 16 },
        { header: '必填', key: 'required', width: 6 },
        { header: '说明', key: 'help', width: 90 },
      ],
      rows: [
        ...importColumns.map((column) => ({
          header: column.header,
          alias: column.alias,
          required: column.required || alsoRequired.includes(column.key) ? '是' : '否',
          help: column.help,
        })),
        {},
        ...[
          ...rules,
          '整个文件全部正确才会导入：有任何错误时一行也不导入，并列出每个错误的行号、列名和原因。',
          '导出的文件可以直接修改后再导入；只读列在导入时忽略。列名也可以用英文列名。',
        ].map((help) => ({ header: '导入规则', help })),
      ],
    },
  ]);
}

// ——— SKUs ———

export async function skuTemplate(): Promise<Buffer> {
  return templateWorkbook(
    '品项',
    skuColumns,
    {
      code: 'BX-120-ORG',
      barcode: '6901028075831',
      name: '脆脆饼干 原味 120g',
      brand: '脆脆',
      isOwn: '本品',
      competitorCompany: null,
      category: '饼干',
      flavour: '原味',
      packSize: '120g',
      unit: '袋',
      casePack: 24,
      listPriceFen: 6.8,
      floorPriceFen: 8.9,
      retailPriceFen: 9.9,
      standardCostFen: 4.2,
      shelfLifeDays: 270,
      status: labelOf('skuStatus', 'active', 'zh-CN'),
      launchedOn: '2026-03-01',
    },
    [
      '品项编码 识别一个品项：再次导入会更新已有品项，不会重复创建；同一文件中同一品项编码、同一条码只能出现一次。',
      '空白单元格表示“无值”，会清空该字段；文件中没有的列不做修改。本品/竞品、状态留空时保持不变（新品项为本品、在售）。',
      '价格以元填写（如 12.50），系统按分保存，多于两位的小数四舍五入到分。',
    ],
  );
}

export async function exportSkus(
  db: Db,
  _actor: Actor,
  query: Omit<SkuListQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const where = skuListConditions(query);
  const [{ total }] = await db.select({ total: countAll }).from(skus).where(where);
  assertExportable(total, 'SKUs');
  const rows = await db.select().from(skus).where(where).orderBy(skus.code);
  return writeXlsx([
    {
      name: '品项',
      columns: sheetColumns(skuColumns),
      rows: rows.map((sku) => ({
        code: sku.code,
        barcode: sku.barcode,
        name: sku.name,
        brand: sku.brand,
        isOwn: sku.isOwn ? '本品' : '竞品',
        competitorCompany: sku.competitorCompany,
        category: sku.category,
        flavour: sku.flavour,
        packSize: sku.packSize,
        unit: sku.unit,
        casePack: sku.casePack,
        listPriceFen: yuanCell(sku.listPriceFen),
        floorPriceFen: yuanCell(sku.floorPriceFen),
        retailPriceFen: yuanCell(sku.retailPriceFen),
        standardCostFen: yuanCell(sku.standardCostFen),
        shelfLifeDays: sku.shelfLifeDays,
        status: labelOf('skuStatus', sku.status, 'zh-CN'),
        launchedOn: sku.launchedOn,
      })),
    },
  ]);
}

// ——— Account item codes ———

export async function itemCodeTemplate(): Promise<Buffer> {
  return templateWorkbook(
    '客户商品编码',
    itemCodeColumns,
    { accountCode: 'WMT', itemCode: '100234567', skuCode: 'BX-120-ORG', barcode: '6901028075831' },
    [
      '客户编码 + 客户商品编码 识别一条对应关系：再次导入会改为新的品项，不会重复；同一文件中同一对只能出现一次。',
      '一个品项在同一客户可以有多个客户商品编码。导入销售、库存数据时用这些编码找到品项。',
    ],
    ['accountCode'],
  );
}

export async function exportItemCodes(
  db: Db,
  actor: Actor,
  query: Omit<ItemCodeListQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const where = itemCodeListConditions(actor, query);
  const [{ total }] = await db
    .select({ total: countAll })
    .from(accountItemCodes)
    .innerJoin(accounts, eq(accounts.id, accountItemCodes.accountId))
    .innerJoin(skus, eq(skus.id, accountItemCodes.skuId))
    .where(where);
  assertExportable(total, 'item codes');
  const rows = await db
    .select({
      accountCode: accounts.code,
      accountName: accounts.name,
      itemCode: accountItemCodes.itemCode,
      skuCode: skus.code,
      barcode: skus.barcode,
      skuName: skus.name,
    })
    .from(accountItemCodes)
    .innerJoin(accounts, eq(accounts.id, accountItemCodes.accountId))
    .innerJoin(skus, eq(skus.id, accountItemCodes.skuId))
    .where(where)
    .orderBy(accounts.code, accountItemCodes.itemCode);
  return writeXlsx([{ name: '客户商品编码', columns: sheetColumns(itemCodeColumns), rows }]);
}

// ——— Listings ———

export async function listingTemplate(): Promise<Buffer> {
  return templateWorkbook(
    '门店品项',
    listingColumns,
    {
      accountCode: 'WMT',
      storeCode: 'SZ001',
      skuCode: 'BX-120-ORG',
      listedOn: '2026-03-01',
      delistedOn: null,
    },
    [
      '门店（客户编码 + 门店编码）× 品项 识别一条进场记录：再次导入会更新日期，不会重复；同一文件中同一门店和品项只能出现一次。',
      '重新进场：填写新的进场日期并清空退场日期。只能导入您权限范围内门店的进场记录。',
    ],
    ['accountCode'],
  );
}

export async function exportListings(
  db: Db,
  actor: Actor,
  query: Omit<ListingListQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const where = listingListConditions(actor, query);
  const [{ total }] = await db
    .select({ total: countAll })
    .from(listings)
    .innerJoin(stores, eq(stores.id, listings.storeId))
    .innerJoin(skus, eq(skus.id, listings.skuId))
    .where(where);
  assertExportable(total, 'listings');
  const rows = await db
    .select({
      accountCode: accounts.code,
      accountName: accounts.name,
      storeCode: stores.code,
      storeName: stores.name,
      skuCode: skus.code,
      // One of the account's codes for the SKU, so the sheet can be matched against the chain's own lists.
      itemCode: sql<string | null>`(select min(aic.item_code) from account_item_codes aic
        where aic.account_id = ${ref(stores.accountId)} and aic.sku_id = ${ref(listings.skuId)})`,
      barcode: skus.barcode,
      skuName: skus.name,
      listedOn: listings.listedOn,
      delistedOn: listings.delistedOn,
    })
    .from(listings)
    .innerJoin(stores, eq(stores.id, listings.storeId))
    .innerJoin(accounts, eq(accounts.id, stores.accountId))
    .innerJoin(skus, eq(skus.id, listings.skuId))
    .where(where)
    .orderBy(accounts.code, stores.code, skus.code);
  return writeXlsx([{ name: '门店品项', columns: sheetColumns(listingColumns), rows }]);
}
