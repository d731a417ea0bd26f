import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SalesResponse, StockRow } from '../../../core/analytics/analytics.contract';
import type {
  DistributionRow,
  ItemCode,
  Launch,
  Listing,
  Sku,
  SkuInput,
  SkuUpdate,
} from '../../../core/catalog/catalog.contract';
import type { ListResponse } from '../../../core/common/list';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

export function useSkus(query: Query) {
  return useQuery({
    queryKey: ['skus', query],
    queryFn: () => api.get<ListResponse<Sku>>('/api/skus', query),
    placeholderData: keepPreviousData,
  });
}

export function useSku(id: number) {
  return useQuery({ queryKey: ['skus', id], queryFn: () => api.get<Sku>(`/api/skus/${id}`) });
}

function useInvalidateSkus() {
  const queryClient = useQueryClient();
  return (exceptId?: number) =>
    queryClient.invalidateQueries({
      queryKey: ['skus'],
      predicate: (query) => query.queryKey[1] !== exceptId,
    });
}

export function useSaveSku(id: number | null) {
  const invalidate = useInvalidateSkus();
  return useMutation({
    mutationFn: (input: SkuInput | SkuUpdate) =>
      id === null ? api.post<Sku>('/api/skus', input) : api.patch<Sku>(`/api/skus/${id}`, input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteSku() {
  const invalidate = useInvalidateSkus();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/skus/${id}`),
    // Not the deleted SKU's own query: it would answer 404 while its page is still open.
    onSuccess: (_result, id) => invalidate(id),
  });
}

/** After a sheet import: SKUs, listings and item codes may all have changed. */
export function useRefreshAfterImport() {
  const queryClient = useQueryClient();
  return () =>
    void Promise.all(
      ['skus', 'listings', 'item-codes', 'distribution'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useItemCodes(skuId: number) {
  const query = { skuId, limit: 200 };
  return useQuery({
    queryKey: ['item-codes', query],
    queryFn: () => api.get<ListResponse<ItemCode>>('/api/item-codes', query),
  });
}

export function useSkuListings(query: Query) {
  return useQuery({
    queryKey: ['listings', query],
    queryFn: () => api.get<ListResponse<Listing>>('/api/listings', query),
    placeholderData: keepPreviousData,
  });
}

export function useSkuStock(query: Query) {
  return useQuery({
    queryKey: ['stock', query],
    queryFn: () => api.get<ListResponse<StockRow>>('/api/stock', query),
    placeholderData: keepPreviousData,
  });
}

export function useSales(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['sales', query],
    queryFn: () => api.get<SalesResponse>('/api/analytics/sales', query),
    enabled,
    staleTime: 60_000,
  });
}

export function useDistribution(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['distribution', query],
    queryFn: () => api.get<{ rows: DistributionRow[] }>('/api/analytics/distribution', query),
    enabled,
    staleTime: 60_000,
  });
}

export function useLaunch(skuId: number, query: Query, enabled: boolean) {
  return useQuery({
    queryKey: ['launch', skuId, query],
    queryFn: () => api.get<Launch>(`/api/skus/${skuId}/launch`, query),
    enabled,
    staleTime: 60_000,
  });
}
