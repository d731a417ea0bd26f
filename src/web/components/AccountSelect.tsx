import { useMemo, useState } from 'react';
import { Flex, Select, Typography, type SelectProps } from 'antd';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Account } from '../../core/accounts/accounts.contract';
import type { ListResponse } from '../../core/common/list';
import { api } from '../lib/api';
import { useDebouncedValue } from '../lib/use-debounced-value';

type AccountId = number;

/**
 * Pick one account (or several with mode="multiple"), searched on the server by name, code or HQ city.
 * A chosen account outside the current search still shows its name (fetched by id).
 */
export function AccountSelect({
  value,
  onChange,
  mode,
  ...props
}: {
  value?: AccountId | AccountId[] | null;
  onChange?: (value: AccountId | AccountId[] | null) => void;
  mode?: 'multiple';
} & Omit<
  SelectProps<AccountId | AccountId[]>,
  'value' | 'onChange' | 'mode' | 'options' | 'showSearch' | 'filterOption'
>) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const list = useQuery({
    queryKey: ['accounts', { q, sort: 'name', limit: 50 }],
    queryFn: () => api.get<ListResponse<Account>>('/api/accounts', { q, sort: 'name', limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = value == null ? [] : Array.isArray(value) ? value : [value];
  const missing = chosen.filter((id) => !list.data?.items.some((account) => account.id === id));
  const extra = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['accounts', id],
      queryFn: () => api.get<Account>(`/api/accounts/${id}`),
      staleTime: 60_000,
    })),
  });
  const extraAccounts = extra.map((result) => result.data).filter((account): account is Account => !!account);
  const options = useMemo(() => {
    const seen = new Set<number>();
    return [...extraAccounts, ...(list.data?.items ?? [])]
      .filter((account) => !seen.has(account.id) && seen.add(account.id))
      .map((account) => ({ value: account.id, label: account.name, code: account.code }));
    // extraAccounts is rebuilt each render; its ids are what matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.data, extraAccounts.map((account) => account.id).join(',')]);

  return (
    <Select<AccountId | AccountId[]>
      {...props}
      mode={mode}
      value={mode === 'multiple' ? chosen : chosen[0]}
      onChange={(next) => onChange?.(next ?? (mode === 'multiple' ? [] : null))}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={list.isFetching}
      maxTagCount={mode === 'multiple' ? 'responsive' : undefined}
      optionRender={(option) => (
        <Flex justify="space-between" gap={8}>
          <span>{option.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {(option.data as { code: string }).code}
          </Typography.Text>
        </Flex>
      )}
    />
  );
}
