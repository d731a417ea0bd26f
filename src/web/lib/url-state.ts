import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface TableState {
  page: number;
  pageSize: number;
  sort?: string;
  q?: string;
  filters: Record<string, string>;
}

/**
 * A list's search, filters, sort and page live in the URL, so a filtered list can be bookmarked,
 * shared in WeChat, and survives the back button.
 */
export function useTableUrlState(filterKeys: readonly string[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const state: TableState = useMemo(() => {
    const filters: Record<string, string> = {};
    for (const key of filterKeys) {
      const value = params.get(key);
      if (value) filters[key] = value;
    }
    return {
      page: Math.max(1, Number(params.get('page')) || 1),
      pageSize: Math.min(500, Number(params.get('pageSize')) || defaultPageSize),
      sort: params.get('sort') ?? undefined,
      q: params.get('q') ?? undefined,
      filters,
    };
    // filterKeys is a constant list per page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, defaultPageSize]);

  const update = useCallback(
    (changes: Partial<Omit<TableState, 'filters'>> & { filters?: Record<string, string | undefined> }) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          const set = (key: string, value: string | number | undefined) => {
            if (value === undefined || value === '' || value === null) next.delete(key);
            else next.set(key, String(value));
          };
          if ('q' in changes) set('q', changes.q);
          if ('sort' in changes) set('sort', changes.sort);
          if (changes.pageSize !== undefined)
            set('pageSize', changes.pageSize === defaultPageSize ? undefined : changes.pageSize);
          for (const [key, value] of Object.entries(changes.filters ?? {})) set(key, value);
          // Changing what is shown starts again at page 1.
          const resetsPage =
            'q' in changes ||
            'sort' in changes ||
            changes.filters !== undefined ||
            changes.pageSize !== undefined;
          set(
            'page',
            changes.page !== undefined
              ? changes.page === 1
                ? undefined
                : changes.page
              : resetsPage
                ? undefined
                : (previous.get('page') ?? undefined),
          );
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaultPageSize],
  );

  /** The list API's query: q, sort, filters, limit and offset. */
  const apiQuery = useMemo(
    () => ({
      ...state.filters,
      q: state.q,
      sort: state.sort,
      limit: state.pageSize,
      offset: (state.page - 1) * state.pageSize,
    }),
    [state],
  );
  return { state, update, apiQuery };
}
