import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse } from '../../../core/common/list';
import type { Contact, ContactInput, ContactUpdate } from '../../../core/contacts/contacts.contract';
import type { Store } from '../../../core/stores/stores.contract';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

export function useContacts(query: Query) {
  return useQuery({
    queryKey: ['contacts', query],
    queryFn: () => api.get<ListResponse<Contact>>('/api/contacts', query),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: number | null) {
  return useQuery({
    queryKey: ['contacts', id],
    queryFn: () => api.get<Contact>(`/api/contacts/${id}`),
    enabled: id !== null,
  });
}

export function useSaveContact(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput | ContactUpdate) =>
      id === null
        ? api.post<Contact>('/api/contacts', input)
        : api.patch<Contact>(`/api/contacts/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['contacts'] }),
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/contacts/${id}`),
    onSuccess: (_result, id) =>
      queryClient.invalidateQueries({
        queryKey: ['contacts'],
        predicate: (query) => query.queryKey[1] !== id,
      }),
  });
}

export function useRefreshContacts() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['contacts'] });
}

/** Stores to pick from (of one account when chosen), searched on the server. */
export function useStoreOptions(q: string, accountId: number | null | undefined) {
  const query = { q: q || undefined, accountId: accountId ?? undefined, sort: 'name', limit: 50 };
  return useQuery({
    queryKey: ['stores', query],
    queryFn: () => api.get<ListResponse<Store>>('/api/stores', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useStoreById(id: number | null | undefined) {
  return useQuery({
    queryKey: ['stores', id],
    queryFn: () => api.get<Store>(`/api/stores/${id}`),
    enabled: id != null,
    staleTime: 60_000,
  });
}
