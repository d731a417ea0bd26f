import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Sku } from '../../core/catalog/catalog.contract';
import type { ListResponse } from '../../core/common/list';
import { api } from '../lib/api';
import { useDebouncedValue } from '../lib/use-debounced-value';

/**
 * Pick one SKU, searched on the server by code, name or barcode; `isOwn` limits it to ours (or competitors').
 * SKUs in `excludeIds` (already listed, say) are left out.
 */
export function SkuSelect({
  value,
  onChange,
  isOwn,
  excludeIds,
  ...props
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  isOwn?: boolean;
  excludeIds?: ReadonlySet<number>;
} & Omit<SelectProps<number>, 'value' | 'onChange' | 'options' | 'showSearch' | 'mode'>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const query = {
    q: q || undefined,
    isOwn: isOwn === undefined ? undefined : String(isOwn),
    status: 'active,planned',
    sort: 'code',
    limit: 50,
  };
  const list = useQuery({
    queryKey: ['skus', query],
    queryFn: () => api.get<ListResponse<Sku>>('/api/skus', query),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const skus = (list.data?.items ?? []).filter((sku) => !excludeIds?.has(sku.id) || sku.id === value);
  return (
    <Select<number>
      {...props}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={skus.map((sku) => ({ value: sku.id, label: `${sku.code} ${sku.name}` }))}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={list.isFetching}
    />
  );
}
