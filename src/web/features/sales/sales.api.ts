import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Alert, SalesResponse } from '../../../core/analytics/analytics.contract';
import type { ListResponse } from '../../../core/common/list';
import { api } from '../../lib/api';

export type SalesApiQuery = Record<string, string | number | undefined>;

/** One question to the sales API; `null` waits (e.g. until a report is run). */
export function useSalesFigures(query: SalesApiQuery | null) {
  return useQuery({
    queryKey: ['analytics', 'sales', query],
    queryFn: () => api.get<SalesResponse>('/api/analytics/sales', query!),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const downloadSalesReport = (query: SalesApiQuery) =>
  api.download('/api/analytics/sales/export.xlsx', query);

/** The stock alerts the dashboard's "about to run out" panel lists: out of stock first, then low stock. */
export function useStockAlerts(accountId: string | undefined, limit: number) {
  const query = { type: 'out_of_stock,low_stock', accountId, limit };
  return useQuery({
    queryKey: ['alerts', query],
    queryFn: () => api.get<ListResponse<Alert>>('/api/alerts', query),
    staleTime: 60_000,
  });
}
