import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { EChartProps } from './EChart';

export type { ChartOption } from './EChart';

const EChart = lazy(() => import('./EChart').then((module) => ({ default: module.EChart })));

/** A chart whose code (echarts, ~1 MB) is fetched only when a page first draws one. */
export function LazyEChart(props: EChartProps) {
  return (
    <Suspense
      fallback={
        <div style={{ height: props.height, overflow: 'hidden' }}>
          <Skeleton active />
        </div>
      }
    >
      <EChart {...props} />
    </Suspense>
  );
}
