import type {
  OrderSuggestion,
  OrderSuggestionQuery,
  SalesMeasure,
  SalesQuery,
} from '../../../core/analytics/analytics.contract';
import { timeGrains, type TimeGrain } from '../../../core/analytics/periods';
import type { Locale } from '../../../core/auth/auth.contract';
import { labelOf } from '../../../core/common/enum-labels';
import { fenToYuanText } from '../../../core/common/money';
import type { Db } from '../../db/client';
import { writeXlsx, type SheetColumn } from '../../lib/spreadsheet';
import type { Actor } from '../../http/access';
import { querySales } from './sales-query.service';
import { listOrderSuggestions } from './stock.service';

/** At most this many lines in an order-suggestion file: a whole region's list still fits. */
export const MAX_SUGGESTION_EXPORT_ROWS = 50_000;

const words = {
  storeCode: { 'zh-CN': '门店编码', en: 'Store code' },
  skuCode: { 'zh-CN': '品项编码', en: 'SKU code' },
  yoy: { 'zh-CN': '同期', en: 'last year' },
  pop: { 'zh-CN': '上期', en: 'previous period' },
  change: { 'zh-CN': '变化', en: 'change' },
  yuan: { 'zh-CN': '(元)', en: ' (yuan)' },
} satisfies Record<string, Record<Locale, string>>;

/** Measures in fen are written in yuan, the unit people read in Excel. */
const moneyMeasures: readonly SalesMeasure[] = ['amount', 'avgPrice', 'target'];

const yuan = (fen: unknown) => (typeof fen === 'number' ? Number(fenToYuanText(fen)) : null);

/** The report builder's export: the rows of the same question, one column per dimension and measure. */
export async function exportSales(db: Db, actor: Actor, query: SalesQuery): Promise<Buffer> {
  const answer = await querySales(db, actor, query);
  const locale = actor.locale;
  const dimension = (value: Parameters<typeof labelOf<'salesDimension'>>[1]) =>
    labelOf('salesDimension', value, locale);
  const columns: SheetColumn[] = [];
  for (const by of [...new Set(query.by)]) {
    if ((timeGrains as readonly string[]).includes(by)) {
      columns.push({ header: dimension(by as TimeGrain), key: 'period', text: true });
      continue;
    }
    switch (by) {
      case 'account':
        columns.push({ header: dimension('account'), key: 'accountName' });
        break;
      case 'store':
        columns.push({ header: words.storeCode[locale], key: 'storeCode', text: true });
        columns.push({ header: dimension('store'), key: 'storeName' });
        break;
      case 'region':
        columns.push({ header: dimension('region'), key: 'regionName' });
        break;
      case 'rep':
        columns.push({ header: dimension('rep'), key: 'repName' });
        break;
      case 'sku':
        columns.push({ header: words.skuCode[locale], key: 'skuCode', text: true });
        columns.push({ header: dimension('sku'), key: 'skuName' });
        break;
      default:
        columns.push({ header: dimension(by), key: by });
    }
  }
  const measures = [...new Set(query.measures)];
  const measureHeader = (measure: SalesMeasure) =>
    labelOf('salesMeasure', measure, locale) + (moneyMeasures.includes(measure) ? words.yuan[locale] : '');
  for (const measure of measures) columns.push({ header: measureHeader(measure), key: measure });
  if (query.compare) {
    const side = words[query.compare][locale];
    for (const measure of measures) {
      columns.push({ header: `${measureHeader(measure)} ${side}`, key: `compare.${measure}` });
    }
    for (const measure of measures) {
      columns.push({
        header: `${labelOf('salesMeasure', measure, locale)} ${words.change[locale]}`,
        key: `change.${measure}`,
      });
    }
  }
  const rows = answer.rows.map((row) => {
    const cells: Record<string, unknown> = { ...row };
    if (typeof row.format === 'string') cells.format = labelOf('storeFormat', row.format, locale);
    const compare = (row.compare ?? {}) as Record<string, number | null>;
    const change = (row.change ?? {}) as Record<string, number | null>;
    for (const measure of measures) {
      const money = moneyMeasures.includes(measure);
      cells[measure] = money ? yuan(row[measure]) : row[measure];
      cells[`compare.${measure}`] = money ? yuan(compare[measure]) : compare[measure];
      cells[`change.${measure}`] = change[measure];
    }
    return cells;
  });
  return writeXlsx([{ name: labelOf('salesMeasure', 'amount', locale), columns, rows }]);
}

const suggestionWords = {
  account: { 'zh-CN': '客户', en: 'Account' },
  storeCode: words.storeCode,
  store: { 'zh-CN': '门店', en: 'Store' },
  skuCode: words.skuCode,
  sku: { 'zh-CN': '品项', en: 'SKU' },
  averageDailyUnits: { 'zh-CN': '日均销量', en: 'Average daily units' },
  onHand: { 'zh-CN': '库存', en: 'On hand' },
  onHandDate: { 'zh-CN': '盘点日期', en: 'Counted on' },
  onOrder: { 'zh-CN': '在途', en: 'On order' },
  coverDays: { 'zh-CN': '覆盖天数', en: 'Cover days' },
  daysOfSupply: { 'zh-CN': '库存天数', en: 'Days of supply' },
  suggestedUnits: { 'zh-CN': '建议订货(件)', en: 'Suggested units' },
  suggestedCases: { 'zh-CN': '建议订货(箱)', en: 'Suggested cases' },
  sheet: { 'zh-CN': '建议订货', en: 'Order suggestions' },
} satisfies Record<string, Record<Locale, string>>;

/** The rep's order list as a sheet to send to the store or the distributor. */
export async function exportOrderSuggestions(
  db: Db,
  actor: Actor,
  query: Omit<OrderSuggestionQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const { items } = await listOrderSuggestions(db, actor, {
    ...query,
    limit: MAX_SUGGESTION_EXPORT_ROWS,
    offset: 0,
  });
  const locale = actor.locale;
  const column = (key: keyof typeof suggestionWords, cellKey: string = key, text = false): SheetColumn => ({
    header: suggestionWords[key][locale],
    key: cellKey,
    text,
  });
  const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return writeXlsx([
    {
      name: suggestionWords.sheet[locale],
      columns: [
        column('account', 'accountName'),
        column('storeCode', 'storeCode', true),
        column('store', 'storeName'),
        column('skuCode', 'skuCode', true),
        column('sku', 'skuName'),
        column('averageDailyUnits'),
        column('onHand'),
        column('onHandDate'),
        column('onOrder'),
        column('coverDays'),
        column('daysOfSupply'),
        column('suggestedUnits'),
        column('suggestedCases'),
      ],
      rows: items.map((item: OrderSuggestion) => ({
        ...item,
        averageDailyUnits: round2(item.averageDailyUnits),
        daysOfSupply: round2(item.daysOfSupply),
      })),
    },
  ]);
}
