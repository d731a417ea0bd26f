import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResponse } from '../../core/common/list';
import type { Store } from '../../core/stores/stores.contract';
import { api } from '../lib/api';
import { useDebouncedValue } from '../lib/use-debounced-value';

/**
 * Pick one store, searched on the server by name or code (only stores the user may see), limited to some
 * accounts when `accountIds` is given. A chosen store outside the current search still shows its name.
 */
export function StoreSelect({
  value,
  onChange,
  accountIds,
  ...props
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  accountIds?: readonly number[];
} & Omit<SelectProps<number>, 'value' | 'onChange' | 'options' | 'showSearch' | 'mode'>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const query = { q: q || undefined, accountId: accountIds?.join(',') || undefined, sort: 'name', limit: 50 };
  const list = useQuery({
    queryKey: ['stores', query],
    queryFn: () => api.get<ListResponse<Store>>('/api/stores', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const stores = list.data?.items ?? [];
  const isMissing = value != null && !stores.some((store) => store.id === value);
  const chosen = useQuery({
    queryKey: ['stores', value],
    queryFn: () => api.get<Store>(`/api/stores/${value}`),
    enabled: isMissing,
    staleTime: 60_000,
  });
  const all = isMissing && chosen.data ? [chosen.data, ...stores] : stores;
  return (
    <Select<number>
      {...props}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={all.map((store) => ({ value: store.id, label: `${store.name}（${store.code}）` }))}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={list.isFetching}
    />
  );
}
