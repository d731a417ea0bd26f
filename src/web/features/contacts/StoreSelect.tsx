import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import type { Store } from '../../../core/stores/stores.contract';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useStoreById, useStoreOptions } from './contacts.api';

/** Pick one store, searched by name or code, limited to one account when `accountId` is given. */
export function StoreSelect({
  value,
  onChange,
  accountId,
  ...props
}: {
  value?: number | null;
  onChange?: (value: number | null, store: Store | null) => void;
  accountId?: number | null;
} & Omit<SelectProps<number>, 'value' | 'onChange' | 'options' | 'showSearch'>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const list = useStoreOptions(q, accountId);
  const stores = list.data?.items ?? [];
  const chosen = useStoreById(value != null && !stores.some((store) => store.id === value) ? value : null);
  const all =
    chosen.data && !stores.some((store) => store.id === chosen.data.id) ? [chosen.data, ...stores] : stores;
  return (
    <Select<number>
      {...props}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, all.find((store) => store.id === next) ?? null)}
      options={all.map((store) => ({ value: store.id, label: `${store.name}（${store.code}）` }))}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={list.isFetching}
    />
  );
}
