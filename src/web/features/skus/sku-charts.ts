import type { Launch } from '../../../core/catalog/catalog.contract';
import type { ChartOption } from '../../components/LazyEChart';

/** The target line is drawn once the listed stores reach this share of it. */
const TARGET_IN_VIEW = 0.25;

/** Week by week: stores listing the SKU and stores that have sold it, climbing towards the target stores. */
export function launchChart(
  launch: Launch,
  names: { listed: string; selling: string; target: string },
): ChartOption {
  const weeks = launch.weeks.map((week) => week.weekStart.slice(5));
  // A far-off target would flatten the weekly climb into the x axis; then the card's text states it instead.
  const maxListed = Math.max(0, ...launch.weeks.map((week) => week.listedStores));
  const showTarget = launch.targetStores > 0 && maxListed >= launch.targetStores * TARGET_IN_VIEW;
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: weeks, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: names.listed,
        step: 'end',
        itemStyle: { color: '#1f6feb' },
        areaStyle: { opacity: 0.08 },
        data: launch.weeks.map((week) => week.listedStores),
      },
      {
        type: 'line',
        name: names.selling,
        step: 'end',
        itemStyle: { color: '#36b37e' },
        data: launch.weeks.map((week) => week.sellingStores),
      },
      ...(showTarget
        ? [
            {
              type: 'line' as const,
              name: names.target,
              symbol: 'none',
              itemStyle: { color: '#f5a623' },
              lineStyle: { type: 'dashed' as const },
              data: launch.weeks.map(() => launch.targetStores),
            },
          ]
        : []),
    ],
  };
}
