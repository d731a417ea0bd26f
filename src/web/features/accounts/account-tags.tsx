import { Tag } from 'antd';
import type { AccountStatus, AccountTier } from '../../../core/accounts/accounts.contract';
import { useEnumLabel } from '../../lib/enums';

const tierColors: Record<AccountTier, string> = { key: 'magenta', core: 'blue', potential: 'default' };
const statusColors: Record<AccountStatus, string> = {
  prospect: 'purple',
  active: 'green',
  paused: 'orange',
  exited: 'default',
};

export function TierTag({ tier }: { tier: AccountTier }) {
  const label = useEnumLabel();
  return <Tag color={tierColors[tier]}>{label('accountTier', tier)}</Tag>;
}

export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const label = useEnumLabel();
  return <Tag color={statusColors[status]}>{label('accountStatus', status)}</Tag>;
}
