import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Popconfirm,
  Result,
  Space,
  Spin,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { Store } from '../../../core/stores/stores.contract';
import { ContactsTable, contactsPath, useContactsOf } from '../../components/ContactsTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useNotifyError } from '../../components/useNotifyError';
import { ApiError } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { formatDateTime, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { AccountFormDrawer } from './AccountFormDrawer';
import { AccountStatusTag, TierTag } from './account-tags';
import { useAccount, useAccountStores, useDeleteAccount } from './accounts.api';
import { HouseRulesPanel } from './HouseRulesPanel';

const TABS = ['houseRules', 'stores', 'contacts'] as const;
type TabKey = (typeof TABS)[number];

export function AccountPage() {
  const { t } = useTranslation('accounts');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const accountId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((key) => key === params.get('tab')) ?? 'houseRules';
  const canWrite = useCan('writeAccounts');
  const account = useAccount(accountId);
  const remove = useDeleteAccount();
  const [editing, setEditing] = useState(false);

  if (account.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (account.error || !account.data) {
    return (
      <Result
        status={account.error instanceof ApiError && account.error.status === 404 ? '404' : 'error'}
        title={<ErrorAlert error={account.error} />}
        extra={<Link to="/accounts">{t('common:actions.back')}</Link>}
      />
    );
  }
  const data = account.data;
  const storesPath = `/stores?accountId=${data.id}`;

  function onDelete() {
    remove.mutate(data.id, {
      onSuccess: () => {
        message.success(t('common:deleted'));
        navigate('/accounts', { replace: true });
      },
      onError: (error) => {
        const usage =
          error instanceof ApiError && error.code === 'conflict'
            ? (error.details as { stores?: number; contacts?: number } | undefined)
            : undefined;
        if (usage && typeof usage.stores === 'number')
          message.error(t('deleteBlocked', { stores: usage.stores, contacts: usage.contacts ?? 0 }), 6);
        else notifyError(error);
      },
    });
  }

  const size = isPhone ? 'large' : 'middle';
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {data.name}
            <TierTag tier={data.tier} />
            <AccountStatusTag status={data.status} />
          </Space>
        }
        subtitle={`${data.code} · ${label('tradeType', data.tradeType)}`}
        extra={
          <>
            <LinkButton to={storesPath} icon={<ShopOutlined />} size={size} data-testid="account-stores-link">
              {t('storesButton', { count: data.storeCount })}
            </LinkButton>
            {canWrite && (
              <Button icon={<EditOutlined />} size={size} onClick={() => setEditing(true)}>
                {t('common:actions.edit')}
              </Button>
            )}
            {canWrite && (
              <Popconfirm
                title={t('deleteConfirm', { name: data.name })}
                onConfirm={onDelete}
                okButtonProps={{ danger: true }}
              >
                <Button danger icon={<DeleteOutlined />} size={size} loading={remove.isPending}>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Card size="small" title={t('profile')} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'code', label: t('field.code'), children: data.code },
            { key: 'tier', label: t('field.tier'), children: label('accountTier', data.tier) },
            { key: 'tradeType', label: t('field.tradeType'), children: label('tradeType', data.tradeType) },
            {
              key: 'formats',
              label: t('field.formats'),
              children: data.formats.length
                ? data.formats.map((format) => label('storeFormat', format)).join('、')
                : '—',
            },
            { key: 'hqCity', label: t('field.hqCity'), children: data.hqCity ?? '—' },
            { key: 'status', label: t('field.status'), children: label('accountStatus', data.status) },
            { key: 'storeCount', label: t('field.storeCount'), children: formatNumber(data.storeCount) },
            {
              key: 'updatedAt',
              label: t('field.updatedAt'),
              children: formatDateTime(data.updatedAt, currentLocale()),
            },
            {
              key: 'notes',
              label: t('field.notes'),
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{data.notes || '—'}</span>,
            },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (key === 'houseRules') next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'houseRules',
            label: t('houseRules'),
            children: <HouseRulesPanel account={data} canEdit={canWrite} />,
          },
          {
            key: 'stores',
            label: `${t('stores')} (${data.storeCount})`,
            children: <AccountStores account={data} storesPath={storesPath} />,
          },
          { key: 'contacts', label: t('contacts'), children: <AccountContacts account={data} /> },
        ]}
      />
      <AccountFormDrawer
        open={editing}
        account={data}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </>
  );
}

const STORES_SHOWN = 50;

function AccountStores({ account, storesPath }: { account: Account; storesPath: string }) {
  const { t } = useTranslation('accounts');
  const label = useEnumLabel();
  const stores = useAccountStores(account.id, STORES_SHOWN);
  const total = stores.data?.total ?? 0;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {total > STORES_SHOWN
            ? t('moreStores', { shown: STORES_SHOWN, total })
            : t('common:list.total', { total })}
        </Typography.Text>
        <Link to={storesPath}>{t('viewInStores')}</Link>
      </Flex>
      <ErrorAlert error={stores.error} />
      <Table<Store>
        rowKey="id"
        size="small"
        loading={stores.isLoading}
        dataSource={stores.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('store.code'),
            dataIndex: 'code',
            fixed: 'start',
            width: 90,
            render: (code: string, store) => <Link to={`/stores/${store.id}`}>{code}</Link>,
          },
          {
            title: t('store.name'),
            dataIndex: 'name',
            render: (name: string, store) => <Link to={`/stores/${store.id}`}>{name}</Link>,
          },
          {
            title: t('store.format'),
            dataIndex: 'format',
            render: (format: Store['format']) => label('storeFormat', format),
          },
          {
            title: t('store.class'),
            dataIndex: 'storeClass',
            align: 'center',
            render: (value: Store['storeClass']) => <StoreClassTag value={value} />,
          },
          { title: t('store.city'), dataIndex: 'city' },
          {
            title: t('store.status'),
            dataIndex: 'status',
            render: (status: Store['status']) => label('storeStatus', status),
          },
        ]}
      />
    </>
  );
}

function AccountContacts({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeContacts');
  const contacts = useContactsOf({ accountId: account.id });
  const returnTo = `/accounts/${account.id}?tab=contacts`;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('common:list.total', { total: contacts.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap>
          <Link to={`/contacts?accountId=${account.id}`}>{t('contacts')} →</Link>
          {canWrite && (
            <LinkButton
              to={contactsPath({ create: 1, accountId: account.id }, returnTo)}
              icon={<PlusOutlined />}
              type="primary"
              size={isPhone ? 'large' : 'middle'}
            >
              {t('addContact')}
            </LinkButton>
          )}
        </Space>
      </Flex>
      <ContactsTable contacts={contacts} canWrite={canWrite} returnTo={returnTo} showWhere />
    </>
  );
}
