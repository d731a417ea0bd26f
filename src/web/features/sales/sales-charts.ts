import type { ChartOption } from '../../components/LazyEChart';
import { formatChange, formatPercent } from '../../components/MeasureValue';

/** Pure option builders: names and formatters come in already translated, so charts follow the language. */

const THIS_YEAR = '#1f6feb';
const LAST_YEAR = '#b0b7c3';
const GOOD = '#36b37e';
const SHORT = '#f5a623';

type Format = (value: number | null) => string;

const valueOrNull = (value: number | null) => (value == null ? null : value);

/** Months on the x axis: this year's figures as bars, the same months last year as a line over them. */
export function trendChart(input: {
  periods: string[];
  current: (number | null)[];
  previous: (number | null)[];
  names: { current: string; previous: string };
  format: Format;
}): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => input.format(value as number | null) },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: input.periods },
    yAxis: {
      type: 'value',
      splitNumber: 4,
      axisLabel: { formatter: (value: number) => input.format(value) },
    },
    series: [
      {
        type: 'bar',
        name: input.names.current,
        barMaxWidth: 28,
        itemStyle: { color: THIS_YEAR },
        data: input.current.map(valueOrNull),
      },
      {
        type: 'line',
        name: input.names.previous,
        symbolSize: 6,
        itemStyle: { color: LAST_YEAR },
        lineStyle: { type: 'dashed', width: 2 },
        data: input.previous.map(valueOrNull),
      },
    ],
  };
}

/** Horizontal bars, biggest on top, each labelled with its value and its change (when compared). */
export function rankedChangeBars(input: {
  names: string[];
  values: (number | null)[];
  changes?: (number | null)[];
  seriesName: string;
  format: Format;
  color?: string;
}): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => input.format(value as number | null),
    },
    // Room on the right for the labels, which sit after the bars so that short bars keep them readable.
    grid: { left: 8, right: input.changes ? 112 : 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitNumber: 2, axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.names,
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        barMaxWidth: 18,
        itemStyle: { color: input.color ?? THIS_YEAR },
        data: input.values.map((value, index) => {
          const change = input.changes?.[index];
          return {
            value: valueOrNull(value),
            label: {
              show: true,
              position: 'right',
              formatter:
                change === undefined
                  ? input.format(value)
                  : `${input.format(value)}  ${formatChange(change)}`,
            },
          };
        }),
      },
    ],
  };
}

/** Grouped vertical bars, this period against the comparison period, for a few categories (store classes). */
export function comparedBars(input: {
  names: string[];
  current: (number | null)[];
  previous: (number | null)[];
  seriesNames: { current: string; previous: string };
  format: Format;
}): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => input.format(value as number | null),
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: input.names },
    yAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { formatter: (value: number) => input.format(value) },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesNames.current,
        barMaxWidth: 40,
        itemStyle: { color: THIS_YEAR },
        label: { show: true, position: 'top', formatter: (item) => input.format(item.value as number) },
        data: input.current.map(valueOrNull),
      },
      {
        type: 'bar',
        name: input.seriesNames.previous,
        barMaxWidth: 40,
        itemStyle: { color: LAST_YEAR },
        data: input.previous.map(valueOrNull),
      },
    ],
  };
}

/** Achievement (amount ÷ target) per account as horizontal bars: green from 100%, orange below, a line at 100%. */
export function achievementBars(input: {
  names: string[];
  achievements: (number | null)[];
  targetName: string;
  seriesName: string;
}): ChartOption {
  const highest = Math.max(1.2, ...input.achievements.map((value) => value ?? 0));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatPercent(value as number | null),
    },
    grid: { left: 8, right: 24, top: 20, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      max: Math.ceil(highest * 10) / 10,
      splitNumber: 3,
      axisLabel: { formatter: (value: number) => formatPercent(value) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.names,
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesName,
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (item) => formatPercent(item.value as number) },
        data: input.achievements.map((value) => ({
          value: valueOrNull(value),
          itemStyle: { color: (value ?? 0) >= 1 ? GOOD : SHORT },
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#e5484d', width: 1.5 },
          // the y axis runs top-down (inverse), so 'start' puts the label above the bars
          label: { formatter: input.targetName, position: 'start' },
          data: [{ xAxis: 1 }],
        },
      },
    ],
  };
}

/** The report builder's chart of one measure over one dimension: a line over time, bars otherwise. */
export function reportChart(input: {
  names: string[];
  values: (number | null)[];
  compareValues?: (number | null)[];
  seriesNames: { current: string; previous: string };
  isTime: boolean;
  format: Format;
}): ChartOption {
  if (input.isTime) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value) => input.format(value as number | null) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: input.names },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => input.format(value) } },
      dataZoom: input.names.length > 40 ? [{ type: 'slider', bottom: 24, height: 16 }] : undefined,
      series: [
        {
          type: 'line',
          name: input.seriesNames.current,
          itemStyle: { color: THIS_YEAR },
          data: input.values.map(valueOrNull),
        },
        ...(input.compareValues
          ? [
              {
                type: 'line' as const,
                name: input.seriesNames.previous,
                itemStyle: { color: LAST_YEAR },
                lineStyle: { type: 'dashed' as const },
                data: input.compareValues.map(valueOrNull),
              },
            ]
          : []),
      ],
    };
  }
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => input.format(value as number | null),
    },
    legend: input.compareValues ? { bottom: 0 } : undefined,
    grid: { left: 8, right: 16, top: 8, bottom: input.compareValues ? 32 : 8, containLabel: true },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { formatter: (value: number) => input.format(value) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.names,
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: input.seriesNames.current,
        barMaxWidth: 18,
        itemStyle: { color: THIS_YEAR },
        data: input.values.map(valueOrNull),
      },
      ...(input.compareValues
        ? [
            {
              type: 'bar' as const,
              name: input.seriesNames.previous,
              barMaxWidth: 18,
              itemStyle: { color: LAST_YEAR },
              data: input.compareValues.map(valueOrNull),
            },
          ]
        : []),
    ],
  };
}
