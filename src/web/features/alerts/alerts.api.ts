import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Alert } from '../../../core/analytics/analytics.contract';
import type { ListResponse } from '../../../core/common/list';
import { api } from '../../lib/api';

/** The most alerts one answer may hold (the API's limit). */
export const ALERTS_LIMIT = 5000;

/**
 * Every alert of every type for the account, store and rep filters, in one request. The server works out all
 * alerts on each call (seconds on the embedded database) and pages afterwards, so one call that brings them
 * all, counted and paged here, costs a fifth of a call per type plus one for the page.
 */
export function useAlerts(filters: Record<string, string | undefined>) {
  const query = { ...filters, limit: ALERTS_LIMIT };
  return useQuery({
    queryKey: ['alerts', query],
    queryFn: () => api.get<ListResponse<Alert>>('/api/alerts', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
