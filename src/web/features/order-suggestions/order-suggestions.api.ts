import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OrderSuggestion,
  SupplySettingsInput,
  SupplySettingsRow,
} from '../../../core/analytics/analytics.contract';
import type { ListResponse } from '../../../core/common/list';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

export function useOrderSuggestions(query: Query) {
  return useQuery({
    queryKey: ['order-suggestions', query],
    queryFn: () => api.get<ListResponse<OrderSuggestion>>('/api/order-suggestions', query),
    placeholderData: keepPreviousData,
  });
}

export const exportOrderSuggestions = (query: Query) =>
  api.download('/api/order-suggestions/export.xlsx', query);

const SETTINGS_KEY = ['supply-settings'] as const;

/** Every account's replenishment settings the user may see, the defaults where none were saved. */
export function useSupplySettings(enabled: boolean) {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.get<ListResponse<SupplySettingsRow>>('/api/supply-settings'),
    enabled,
  });
}

export function useSaveSupplySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, settings }: { accountId: number; settings: SupplySettingsInput }) =>
      api.put<SupplySettingsRow>(`/api/supply-settings/${accountId}`, settings),
    // New settings change every suggestion of the account.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: SETTINGS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['order-suggestions'] }),
      ]),
  });
}
