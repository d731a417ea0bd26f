import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, OrgUnitInput } from '../../../core/org/org.contract';
import { ORG_UNITS_QUERY_KEY } from '../../components/org-units';
import { api } from '../../lib/api';

/** Every change refetches the tree (and the user lists, which show unit names). */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ORG_UNITS_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
    ]);
}

export function useCreateOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (input: OrgUnitInput) => api.post<OrgUnit>('/api/org-units', input),
    onSuccess: invalidate,
  });
}

export function useUpdateOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: Partial<OrgUnitInput> }) =>
      api.patch<OrgUnit>(`/api/org-units/${id}`, changes),
    onSuccess: invalidate,
  });
}

export function useDeleteOrgUnit() {
  const invalidate = useInvalidateOrg();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/org-units/${id}`),
    onSuccess: invalidate,
  });
}
