import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { shiftMonths } from '../../core/analytics/periods';
import type { SalesResponse, SalesRow } from '../../core/analytics/analytics.contract';
import { businessToday } from '../../core/common/time';
import { api } from '../lib/api';
import { formatNumber, formatWan, formatYuan } from '../lib/format';
import { currentLocale } from '../lib/i18n';
import { LazyEChart, type ChartOption } from './LazyEChart';

const THIS_YEAR = '#1f6feb';
const LAST_YEAR = '#b0b7c3';

/** A number out of a sales row (dimension values and measures share the row), or null. */
export const measureOf = (row: SalesRow | undefined, key: string): number | null => {
  const value = row?.[key];
  return typeof value === 'number' ? value : null;
};

/** The last `months` calendar months up to today, this month included (so far): the trend's range. */
export function trendRange(months = 13, today = businessToday()): { from: string; to: string } {
  return { from: shiftMonths(`${today.slice(0, 7)}-01`, -(months - 1)), to: today };
}

/** Every month of a range as "YYYY-MM", so months without sales still take their place on the axis. */
export function monthsOf(range: { from: string; to: string }): string[] {
  const months: string[] = [];
  for (let month = `${range.from.slice(0, 7)}-01`; month <= range.to; month = shiftMonths(month, 1))
    months.push(month.slice(0, 7));
  return months;
}

export type SalesFilter = { storeId?: number; skuId?: number; accountId?: number };

/** Sell-out by month over the trend range, each month with the same month a year earlier. */
export function useSalesTrend(filter: SalesFilter, enabled = true) {
  const range = trendRange();
  const query = { measures: 'amount,units', by: 'month', compare: 'yoy', ...range, ...filter };
  return {
    range,
    ...useQuery({
      queryKey: ['sales', query],
      queryFn: () => api.get<SalesResponse>('/api/analytics/sales', query),
      enabled,
      staleTime: 60_000,
    }),
  };
}

/**
 * A small line chart of a monthly sales series against the same months last year (dashed), for a store's or
 * a SKU's page. Amounts are fen, shown in 万 on the axis and exactly in the tooltip. Its width follows its
 * container, so it fits a phone.
 */
export function SalesTrendChart({
  rows,
  range,
  measure = 'amount',
  names,
  height = 260,
  ariaLabel,
}: {
  rows: SalesRow[];
  range: { from: string; to: string };
  measure?: 'amount' | 'units';
  names: { current: string; previous: string };
  height?: number;
  ariaLabel?: string;
}) {
  const { from, to } = range;
  const { current: currentName, previous: previousName } = names;
  const option = useMemo((): ChartOption => {
    const locale = currentLocale();
    const months = monthsOf({ from, to });
    const byPeriod = new Map(rows.map((row) => [String(row.period), row]));
    const current = months.map((month) => measureOf(byPeriod.get(month), measure));
    const previous = months.map((month) => byPeriod.get(month)?.compare?.[measure] ?? null);
    const axis = (value: number) =>
      measure === 'amount' ? formatWan(value, locale) : formatNumber(value, locale);
    const exact = (value: number | null) =>
      value == null ? '—' : measure === 'amount' ? formatYuan(value, locale) : formatNumber(value, locale);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => exact(value as number | null) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: axis } },
      series: [
        {
          type: 'line',
          name: currentName,
          smooth: 0.25,
          symbolSize: 6,
          itemStyle: { color: THIS_YEAR },
          areaStyle: { opacity: 0.08 },
          data: current,
        },
        {
          type: 'line',
          name: previousName,
          smooth: 0.25,
          symbolSize: 4,
          itemStyle: { color: LAST_YEAR },
          lineStyle: { type: 'dashed', width: 2 },
          data: previous,
        },
      ],
    };
  }, [rows, from, to, measure, currentName, previousName]);
  return <LazyEChart option={option} height={height} ariaLabel={ariaLabel} />;
}
