import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SalesResponse, StockRow } from '../../../core/analytics/analytics.contract';
import type { Listing, ListingInput } from '../../../core/catalog/catalog.contract';
import type { ListResponse } from '../../../core/common/list';
import type { User } from '../../../core/org/org.contract';
import type { Store, StoreInput, StoreUpdate } from '../../../core/stores/stores.contract';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

export function useStores(query: Query) {
  return useQuery({
    queryKey: ['stores', query],
    queryFn: () => api.get<ListResponse<Store>>('/api/stores', query),
    placeholderData: keepPreviousData,
  });
}

export function useStore(id: number) {
  return useQuery({ queryKey: ['stores', id], queryFn: () => api.get<Store>(`/api/stores/${id}`) });
}

/** A store's change also changes its account's store count. */
function useInvalidateStores() {
  const queryClient = useQueryClient();
  return (exceptId?: number) =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: ['stores'],
        predicate: (query) => query.queryKey[1] !== exceptId,
      }),
      queryClient.invalidateQueries({ queryKey: ['accounts'] }),
    ]);
}

export function useSaveStore(id: number | null) {
  const invalidate = useInvalidateStores();
  return useMutation({
    mutationFn: (input: StoreInput | StoreUpdate) =>
      id === null ? api.post<Store>('/api/stores', input) : api.patch<Store>(`/api/stores/${id}`, input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteStore() {
  const invalidate = useInvalidateStores();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/stores/${id}`),
    // Not the deleted store's own query: it would answer 404 while its page is still open.
    onSuccess: (_result, id) => invalidate(id),
  });
}

/** After an import: every list and count may have changed. */
export function useRefreshAfterImport() {
  const invalidate = useInvalidateStores();
  return () => void invalidate();
}

/**
 * Active reps and promoters, who can be assigned to stores. Reading users needs `readUsers`
 * (reps and promoters get 403), so callers pass whether to ask at all.
 */
export function useFieldUsers(enabled: boolean) {
  const query = { role: 'rep,promoter', isActive: 'true', sort: 'displayName', limit: 1000 };
  const result = useQuery({
    queryKey: ['users', query],
    queryFn: () => api.get<ListResponse<User>>('/api/users', query),
    enabled,
    staleTime: 5 * 60_000,
  });
  return { users: result.data?.items ?? [], isLoading: result.isLoading };
}

export function useStoreSales(query: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: ['sales', query],
    queryFn: () => api.get<SalesResponse>('/api/analytics/sales', query),
    enabled,
    staleTime: 60_000,
  });
}

/** Every SKU with stock or a listing in the store, the shortest days of supply first. */
export function useStoreStock(storeId: number) {
  const query = { storeId, sort: 'daysOfSupply', limit: 1000 };
  return useQuery({
    queryKey: ['stock', query],
    queryFn: () => api.get<ListResponse<StockRow>>('/api/stock', query),
  });
}

export function useStoreListings(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: ['listings', query],
    queryFn: () => api.get<ListResponse<Listing>>('/api/listings', query),
    placeholderData: keepPreviousData,
  });
}

/** Lists a SKU in a store, or delists it (the same upsert with `delistedOn`). */
export function useSaveListing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ListingInput) => api.post<Listing>('/api/listings', input),
    onSuccess: () =>
      Promise.all(
        ['listings', 'stock', 'distribution'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      ),
  });
}
