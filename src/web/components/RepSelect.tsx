import { Select, type SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ListResponse } from '../../core/common/list';
import type { User } from '../../core/org/org.contract';
import { api } from '../lib/api';
import { useEnumLabel } from '../lib/enums';
import { useCan } from '../lib/session';

const FIELD_USERS_QUERY = { role: 'rep,promoter', isActive: 'true', sort: 'displayName', limit: 1000 };

/**
 * Pick a rep (or promoter), searched by name. Listing users needs `readUsers`: for anyone else the select is
 * not shown at all (null), so a rep's page never asks for a list it would be refused.
 */
export function RepSelect(props: Omit<SelectProps<number | number[]>, 'options' | 'showSearch' | 'loading'>) {
  const canReadUsers = useCan('readUsers');
  const label = useEnumLabel();
  const users = useQuery({
    queryKey: ['users', FIELD_USERS_QUERY],
    queryFn: () => api.get<ListResponse<User>>('/api/users', FIELD_USERS_QUERY),
    enabled: canReadUsers,
    staleTime: 5 * 60_000,
  });
  if (!canReadUsers) return null;
  return (
    <Select<number | number[]>
      maxTagCount="responsive"
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={users.isLoading}
      options={(users.data?.items ?? []).map((user) => ({
        value: user.id,
        label: `${user.displayName}（${label('userRole', user.role)}）`,
      }))}
    />
  );
}
