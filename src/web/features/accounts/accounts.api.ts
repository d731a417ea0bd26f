import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountInput, AccountUpdate } from '../../../core/accounts/accounts.contract';
import type { ListResponse } from '../../../core/common/list';
import type { Store } from '../../../core/stores/stores.contract';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

export function useAccounts(query: Query) {
  return useQuery({
    queryKey: ['accounts', query],
    queryFn: () => api.get<ListResponse<Account>>('/api/accounts', query),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: number) {
  return useQuery({ queryKey: ['accounts', id], queryFn: () => api.get<Account>(`/api/accounts/${id}`) });
}

/** The account's stores, from the stores API (the cache key is the stores list's, so store edits refresh it). */
export function useAccountStores(accountId: number, limit: number) {
  const query = { accountId, sort: 'code', limit };
  return useQuery({
    queryKey: ['stores', query],
    queryFn: () => api.get<ListResponse<Store>>('/api/stores', query),
  });
}

export function useSaveAccount(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput | AccountUpdate) =>
      id === null
        ? api.post<Account>('/api/accounts', input)
        : api.patch<Account>(`/api/accounts/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/accounts/${id}`),
    // Only the lists: the deleted account's own query would answer 404 while its page is still open.
    onSuccess: (_result, id) =>
      queryClient.invalidateQueries({
        queryKey: ['accounts'],
        predicate: (query) => query.queryKey[1] !== id,
      }),
  });
}
