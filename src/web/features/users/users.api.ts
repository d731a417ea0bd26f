import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse } from '../../../core/common/list';
import type { User, UserCreate, UserUpdate } from '../../../core/org/org.contract';
import { api } from '../../lib/api';

const USERS_KEY = ['users'] as const;

export function useUsers(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: () => api.get<ListResponse<User>>('/api/users', query),
    placeholderData: keepPreviousData,
  });
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; changes: UserUpdate } | { id: null; user: UserCreate }) =>
      input.id === null
        ? api.post<User>('/api/users', input.user)
        : api.patch<User>(`/api/users/${input.id}`, input.changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
