import { useState } from 'react';
import { Button, Grid, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Account } from '../../../core/accounts/accounts.contract';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ListSearch } from '../../components/ListSearch';
import { opensRow } from '../../components/row-link';
import { useUrlTable } from '../../components/useUrlTable';
import { useEnumLabel } from '../../lib/enums';
import { useCan } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { AccountFormDrawer } from './AccountFormDrawer';
import { AccountStatusTag, TierTag } from './account-tags';
import { useAccounts } from './accounts.api';

const FILTER_KEYS = ['tier', 'tradeType', 'status', 'format'] as const;
/** A supplier sells to a few dozen chains: one page shows them all. */
const PAGE_SIZE = 50;

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeAccounts');
  const { state, update, apiQuery } = useTableUrlState(FILTER_KEYS, PAGE_SIZE);
  const list = useAccounts(apiQuery);
  const table = useUrlTable<Account>(state, update, list.data?.total);
  const [creating, setCreating] = useState(false);

  const filterSelect = (
    key: (typeof FILTER_KEYS)[number],
    kind: 'accountTier' | 'tradeType' | 'accountStatus' | 'storeFormat',
  ) => (
    <EnumSelect
      key={key}
      kind={kind}
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t(`field.${key === 'format' ? 'formats' : key}`)}
      aria-label={t(`field.${key === 'format' ? 'formats' : key}`)}
      data-testid={`filter-${key}`}
      value={csvValues(state.filters[key])}
      onChange={(values: string[]) => update({ filters: { [key]: values.join(',') || undefined } })}
      style={{ width: isPhone ? '100%' : 170 }}
      size={isPhone ? 'large' : 'middle'}
    />
  );

  const columns: TableColumnsType<Account> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'start',
      width: isPhone ? 120 : 180,
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, account) => <Link to={`/accounts/${account.id}`}>{name}</Link>,
    },
    {
      title: t('field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 100,
      sorter: true,
      sortOrder: table.sortOrder('code'),
    },
    {
      title: t('field.tier'),
      dataIndex: 'tier',
      key: 'tier',
      width: 110,
      sorter: true,
      sortOrder: table.sortOrder('tier'),
      render: (tier: Account['tier']) => <TierTag tier={tier} />,
    },
    {
      title: t('field.tradeType'),
      dataIndex: 'tradeType',
      width: 120,
      render: (value: Account['tradeType']) => label('tradeType', value),
    },
    {
      title: t('field.formats'),
      dataIndex: 'formats',
      width: 200,
      render: (formats: Account['formats']) => (
        <Space size={[0, 4]} wrap>
          {formats.map((format) => (
            <Tag key={format}>{label('storeFormat', format)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('field.hqCity'),
      dataIndex: 'hqCity',
      width: 100,
      render: (city: string | null) => city ?? '—',
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      sorter: true,
      sortOrder: table.sortOrder('status'),
      render: (status: Account['status']) => <AccountStatusTag status={status} />,
    },
    {
      title: t('field.storeCount'),
      dataIndex: 'storeCount',
      key: 'storeCount',
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrder('storeCount'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={isPhone ? undefined : t('subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              size={isPhone ? 'large' : 'middle'}
              onClick={() => setCreating(true)}
            >
              {t('create')}
            </Button>
          )
        }
      />
      <FilterBar
        filtersLabel={t('filters')}
        activeCount={Object.keys(state.filters).length}
        search={
          <ListSearch
            q={state.q}
            onSearch={(q) => update({ q })}
            placeholder={t('searchPlaceholder')}
            width={260}
            size={isPhone ? 'large' : 'middle'}
          />
        }
        filters={[
          filterSelect('tier', 'accountTier'),
          filterSelect('tradeType', 'tradeType'),
          filterSelect('status', 'accountStatus'),
          filterSelect('format', 'storeFormat'),
        ]}
      />
      <ErrorAlert error={list.error} />
      <div data-testid="accounts-table">
        <Table<Account>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{ ...table.pagination, simple: isPhone }}
          onChange={table.onChange}
          scroll={{ x: 'max-content' }}
          size={isPhone ? 'small' : 'middle'}
          onRow={opensRow<Account>(navigate, (account) => `/accounts/${account.id}`)}
        />
      </div>
      <AccountFormDrawer
        open={creating}
        account={null}
        onClose={() => setCreating(false)}
        onSaved={(account) => {
          setCreating(false);
          navigate(`/accounts/${account.id}`);
        }}
      />
    </>
  );
}
