import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/org/org.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { useUrlTable } from '../../components/useUrlTable';
import { useEnumLabel, useEnumOptions } from '../../lib/enums';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { UserDrawer } from './UserDrawer';
import { useUsers } from './users.api';

const FILTER_KEYS = ['role', 'orgUnitId', 'isActive'] as const;

/** Everyone who signs in: admins create and edit; managers and assistants read their own subtree. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const enumLabel = useEnumLabel();
  const roleOptions = useEnumOptions('userRole');
  const canManage = useCan('manageUsers');
  const { state, update, apiQuery } = useTableUrlState(FILTER_KEYS);
  const query = useUsers(apiQuery);
  const table = useUrlTable<User>(state, update, query.data?.total);
  const [editing, setEditing] = useState<User | null | undefined>(undefined);
  const locale = currentLocale();

  const columns: ColumnsType<User> = [
    {
      title: t('fields.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: table.sortOrder('username'),
      render: (username: string, user) => (
        <Typography.Text delete={!user.isActive} style={{ whiteSpace: 'nowrap' }}>
          {username}
        </Typography.Text>
      ),
    },
    {
      title: t('fields.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: table.sortOrder('displayName'),
    },
    {
      title: t('fields.role'),
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: table.sortOrder('role'),
      render: (role: User['role']) => enumLabel('userRole', role),
    },
    {
      title: t('fields.orgUnit'),
      dataIndex: 'orgUnitName',
      key: 'orgUnit',
      responsive: ['md'],
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('fields.phone'),
      dataIndex: 'phone',
      key: 'phone',
      responsive: ['lg'],
      render: (phone: string | null) => phone ?? '—',
    },
    {
      title: t('fields.isActive'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (isActive: boolean) => (
        <Tag color={isActive ? 'green' : 'default'}>{isActive ? t('active') : t('inactive')}</Tag>
      ),
    },
    {
      title: t('fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      responsive: ['md'],
      sorter: true,
      sortOrder: table.sortOrder('lastLoginAt'),
      render: (at: string | null) =>
        at ? formatDateTime(at, locale) : <Typography.Text type="secondary">{t('never')}</Typography.Text>,
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_, user) => (
        <Button
          type="link"
          icon={<EditOutlined />}
          aria-label={`${t('common:actions.edit')} ${user.username}`}
          onClick={() => setEditing(user)}
        />
      ),
    });
  }

  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('common:actions.create')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={state.q}
          placeholder={t('searchPlaceholder')}
          aria-label={t('common:actions.search')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder={t('filters.role')}
          aria-label={t('fields.role')}
          options={roleOptions}
          value={state.filters.role}
          onChange={(role?: string) => update({ filters: { role } })}
          style={{ width: 160 }}
        />
        <OrgUnitTreeSelect
          placeholder={t('filters.orgUnit')}
          aria-label={t('fields.orgUnit')}
          value={state.filters.orgUnitId ? Number(state.filters.orgUnitId) : null}
          onChange={(orgUnitId) =>
            update({ filters: { orgUnitId: orgUnitId === null ? undefined : String(orgUnitId) } })
          }
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('filters.isActive')}
          aria-label={t('fields.isActive')}
          value={state.filters.isActive}
          onChange={(isActive?: string) => update({ filters: { isActive } })}
          options={[
            { value: 'true', label: t('active') },
            { value: 'false', label: t('inactive') },
          ]}
          style={{ width: 120 }}
        />
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={table.pagination}
        onChange={table.onChange}
      />
      {canManage && (
        <UserDrawer
          open={editing !== undefined}
          user={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      )}
    </div>
  );
}
