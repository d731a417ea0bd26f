import { useEffect, useRef } from 'react';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import type { ComposeOption, ECElementEvent } from 'echarts/core';
import { init, use as registerChartParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart types and components Endcap draws, so the chunk stays small; add more here when a page needs them.
registerChartParts([
  BarChart,
  LineChart,
  PieChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | DataZoomComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | TooltipComponentOption
>;

export interface EChartProps {
  option: ChartOption;
  height: number | string;
  /** Read by screen readers in place of the canvas. */
  ariaLabel?: string;
  /** A click on a bar, slice or point: its series data item. */
  onItemClick?: (event: ECElementEvent) => void;
  style?: React.CSSProperties;
}

/** jsdom (tests) and very old browsers have no 2D canvas; there the chart is simply not drawn. */
function canDraw(): boolean {
  if (typeof HTMLCanvasElement === 'undefined' || /jsdom/i.test(navigator.userAgent)) return false;
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * One ECharts instance on a div: created on mount, given each new option whole, resized with its container,
 * disposed on unmount. Load it through LazyEChart so echarts stays out of the main bundle.
 */
export function EChart({ option, height, ariaLabel, onItemClick, style }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const clickHandler = useRef(onItemClick);
  useEffect(() => {
    clickHandler.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = container.current;
    if (!element || !canDraw()) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={ariaLabel}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined, ...style }}
    />
  );
}
