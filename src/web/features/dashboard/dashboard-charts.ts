import type { Dashboard } from '../../../core/dashboard/dashboard.contract';
import type { ChartOption } from '../../components/LazyEChart';

/** Pure option builders: labels come in already translated, so the charts follow the language switch. */

const tierColors: Record<string, string> = { key: '#1f6feb', core: '#36b37e', potential: '#f5a623' };
const classColors: Record<string, string> = { A: '#1f6feb', B: '#36b37e', C: '#f5a623', none: '#b0b7c3' };

export const PER_REP_ROW_HEIGHT = 28;
export const PER_REP_VISIBLE_ROWS = 15;

/** Counts sit inside the ring and names in the legend, so nothing is cut off on a 375-px phone. */
export function tierDonut(rows: Dashboard['accountsByTier'], label: (tier: string) => string): ChartOption {
  const countByName = new Map(rows.map((row) => [label(row.tier), row.count]));
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      bottom: 0,
      icon: 'circle',
      formatter: (name: string) => `${name} ${countByName.get(name) ?? ''}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['50%', '45%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold', fontSize: 14 },
        labelLine: { show: false },
        data: rows.map((row) => ({
          name: label(row.tier),
          value: row.count,
          itemStyle: { color: tierColors[row.tier] },
        })),
      },
    ],
  };
}

/** A, B, C and unclassified, always all four and in that order, so charts side by side compare. */
export function classBars(
  rows: Dashboard['storesByClass'],
  label: (key: string) => string,
  countName: string,
): ChartOption {
  const keys = ['A', 'B', 'C', 'none'] as const;
  const countOf = (key: string) => rows.find((row) => (row.storeClass ?? 'none') === key)?.count ?? 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: keys.map(label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: countName,
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: keys.map((key) => ({ value: countOf(key), itemStyle: { color: classColors[key] } })),
      },
    ],
  };
}

/** Horizontal bars, biggest on top; shared by formats and reps. */
export function rankedBars(
  names: string[],
  counts: number[],
  countName: string,
  color = '#1f6feb',
): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: countName,
        barMaxWidth: 20,
        itemStyle: { color },
        label: { show: true, position: 'right' },
        data: counts,
      },
    ],
  };
}

export const byCountDescending = <T extends { count: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => b.count - a.count);
