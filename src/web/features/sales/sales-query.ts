import type { SalesDimension, SalesMeasure, SalesRow } from '../../../core/analytics/analytics.contract';
import { salesDimensions, salesMeasures } from '../../../core/analytics/analytics.contract';
import { shiftMonths, timeGrains, type TimeGrain } from '../../../core/analytics/periods';
import { addDays } from '../../../core/common/time';

/** The filters of the sales API that pages keep in the URL, each a comma-separated list as the API takes it. */
export const salesFilterKeys = [
  'accountId',
  'regionId',
  'province',
  'city',
  'storeClass',
  'format',
  'repId',
  'brand',
  'category',
  'storeId',
  'skuId',
  'isOwn',
] as const;
export type SalesFilterKey = (typeof salesFilterKeys)[number];
export type SalesFilters = Partial<Record<SalesFilterKey, string>>;

export function filtersFromParams(
  params: URLSearchParams,
  keys: readonly SalesFilterKey[] = salesFilterKeys,
) {
  const filters: SalesFilters = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export const isTimeGrain = (dimension: string): dimension is TimeGrain =>
  (timeGrains as readonly string[]).includes(dimension);

/** Last day of the month that starts on `firstOfMonth`. */
export const monthEnd = (firstOfMonth: string) => addDays(shiftMonths(firstOfMonth, 1), -1);

/**
 * The dates a month covers for a dashboard: the whole month, or up to today while it is running, so that
 * the year-on-year comparison is the same days last year rather than a whole month against a part.
 */
export function monthRange(month: string, today: string): { from: string; to: string } {
  const from = `${month}-01`;
  const end = monthEnd(from);
  return { from, to: end < today ? end : today };
}

export type QuickPeriod = 'thisMonth' | 'lastMonth' | 'thisYear' | 'last12Months';
export const quickPeriods: QuickPeriod[] = ['thisMonth', 'lastMonth', 'thisYear', 'last12Months'];

export function quickPeriodRange(period: QuickPeriod, today: string): { from: string; to: string } {
  const thisMonth = `${today.slice(0, 7)}-01`;
  switch (period) {
    case 'thisMonth':
      return { from: thisMonth, to: today };
    case 'lastMonth':
      return { from: shiftMonths(thisMonth, -1), to: addDays(thisMonth, -1) };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last12Months':
      return { from: shiftMonths(thisMonth, -11), to: today };
  }
}

/** A measure of a row (or of its `compare`/`change` part): a number, or null when the API has none. */
export function measureOf(
  row: SalesRow | undefined,
  measure: string,
  part?: 'compare' | 'change',
): number | null {
  if (!row) return null;
  const holder = part ? row[part] : row;
  const value = (holder as Record<string, unknown> | undefined)?.[measure];
  return typeof value === 'number' ? value : null;
}

/** A dimension value held as text or id in a row ("accountName", "period", "storeClass"…). */
export function fieldOf(row: SalesRow, key: string): string | number | null {
  const value = row[key];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** Where each dimension's value sits in a row: its id (for links and keys) and its name (for people). */
export const dimensionFields: Record<SalesDimension, { id: string; name: string; code?: string }> = {
  account: { id: 'accountId', name: 'accountName' },
  store: { id: 'storeId', name: 'storeName', code: 'storeCode' },
  city: { id: 'city', name: 'city' },
  province: { id: 'province', name: 'province' },
  region: { id: 'regionId', name: 'regionName' },
  rep: { id: 'repId', name: 'repName' },
  storeClass: { id: 'storeClass', name: 'storeClass' },
  format: { id: 'format', name: 'format' },
  sku: { id: 'skuId', name: 'skuName', code: 'skuCode' },
  brand: { id: 'brand', name: 'brand' },
  category: { id: 'category', name: 'category' },
  day: { id: 'periodStart', name: 'period' },
  week: { id: 'periodStart', name: 'period' },
  month: { id: 'periodStart', name: 'period' },
  quarter: { id: 'periodStart', name: 'period' },
  year: { id: 'periodStart', name: 'period' },
};

/** A stable React key for a row: the ids of its dimensions. */
export const rowKeyOf = (row: SalesRow, dimensions: readonly SalesDimension[]) =>
  dimensions.map((dimension) => String(fieldOf(row, dimensionFields[dimension].id))).join('|') || 'total';

/**
 * A report's whole definition, as the URL keeps it so that a report can be bookmarked and shared:
 * measures, dimensions and at most one time grain (`by`), the period, the comparison, order, top N and filters.
 */
export interface ReportDefinition {
  measures: SalesMeasure[];
  dimensions: SalesDimension[];
  grain: TimeGrain | null;
  from: string;
  to: string;
  compare: 'yoy' | 'pop' | null;
  order: string | null;
  limit: number | null;
  filters: SalesFilters;
}

const pick = <T extends string>(values: readonly T[], text: string | null): T[] =>
  (text ?? '')
    .split(',')
    .filter((value, index, all): value is T => values.includes(value as T) && all.indexOf(value) === index);

export function definitionFromParams(params: URLSearchParams, today: string): ReportDefinition {
  const by = pick(salesDimensions, params.get('by'));
  const period = quickPeriodRange('thisMonth', today);
  const compare = params.get('compare');
  const limit = Number(params.get('limit'));
  return {
    measures: params.has('measures') ? pick(salesMeasures, params.get('measures')) : ['amount', 'units'],
    dimensions: params.has('by') ? by.filter((dimension) => !isTimeGrain(dimension)) : ['account'],
    grain: by.find(isTimeGrain) ?? null,
    from: params.get('from') ?? period.from,
    to: params.get('to') ?? period.to,
    compare: compare === 'yoy' || compare === 'pop' ? compare : null,
    order: params.get('order'),
    limit: Number.isInteger(limit) && limit > 0 ? limit : null,
    filters: filtersFromParams(params),
  };
}

/** The `by` list: the chosen dimensions, then the time grain. */
export const byOf = (definition: ReportDefinition): SalesDimension[] =>
  definition.grain ? [...definition.dimensions, definition.grain] : definition.dimensions;

/** The sales API's query for a definition; also the URL's search parameters, so the two cannot drift. */
export function queryOfDefinition(definition: ReportDefinition): Record<string, string> {
  const query: Record<string, string> = {
    measures: definition.measures.join(','),
    by: byOf(definition).join(','),
    from: definition.from,
    to: definition.to,
  };
  if (definition.compare) query.compare = definition.compare;
  if (definition.order) query.order = definition.order;
  if (definition.limit) query.limit = String(definition.limit);
  for (const [key, value] of Object.entries(definition.filters)) if (value) query[key] = value;
  return query;
}
