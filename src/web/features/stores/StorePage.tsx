import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Grid,
  Popconfirm,
  Rate,
  Result,
  Space,
  Spin,
  Tabs,
  Tag,
} from 'antd';
import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Store } from '../../../core/stores/stores.contract';
import { ContactsTable, contactsPath, useContactsOf } from '../../components/ContactsTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useNotifyError } from '../../components/useNotifyError';
import { ApiError } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { formatArea, formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useDeleteStore, useStore } from './stores.api';
import { StoreFormDrawer } from './StoreFormDrawer';
import { StoreListingsTab } from './StoreListingsTab';
import { StoreSalesTab } from './StoreSalesTab';
import { StoreStockTab } from './StoreStockTab';

const statusColors: Record<Store['status'], string> = {
  planned: 'purple',
  open: 'green',
  renovating: 'orange',
  closed: 'default',
};

const storeTabs = ['profile', 'sales', 'stock', 'listings'] as const;

/** `/stores/:id`: the profile and contacts, then the store's sales, stock and listings, each a tab (in the URL). */
export function StorePage() {
  const { t } = useTranslation('stores');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const storeId = Number(useParams().id);
  const canWrite = useCan('writeStores');
  const store = useStore(storeId);
  const remove = useDeleteStore();
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = storeTabs.find((key) => key === params.get('tab')) ?? 'profile';

  if (store.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (store.error || !store.data) {
    return (
      <Result
        status={store.error instanceof ApiError && store.error.status === 404 ? '404' : 'error'}
        title={<ErrorAlert error={store.error} />}
        extra={<Link to="/stores">{t('common:actions.back')}</Link>}
      />
    );
  }
  const data = store.data;
  const locale = currentLocale();
  const size = isPhone ? 'large' : 'middle';

  function onDelete() {
    remove.mutate(data.id, {
      onSuccess: () => {
        message.success(t('common:deleted'));
        navigate('/stores', { replace: true });
      },
      onError: (error) => {
        const usage =
          error instanceof ApiError && error.code === 'conflict'
            ? (error.details as { contacts?: number } | undefined)
            : undefined;
        if (usage && typeof usage.contacts === 'number')
          message.error(t('deleteBlocked', { contacts: usage.contacts }), 6);
        else notifyError(error);
      },
    });
  }

  const hasLocation = data.latitude != null && data.longitude != null;
  const profile = (
    <Card size="small" title={t('profile')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'account',
            label: t('field.account'),
            children: <Link to={`/accounts/${data.accountId}`}>{data.accountName}</Link>,
          },
          { key: 'code', label: t('field.code'), children: data.code },
          { key: 'format', label: t('field.format'), children: label('storeFormat', data.format) },
          { key: 'floorArea', label: t('field.floorArea'), children: formatArea(data.floorArea, locale) },
          {
            key: 'storeClass',
            label: t('field.storeClass'),
            children: data.storeClass ? <StoreClassTag value={data.storeClass} /> : t('classNone'),
          },
          { key: 'status', label: t('field.status'), children: label('storeStatus', data.status) },
          {
            key: 'location',
            label: t('field.location'),
            children: [data.province, data.city, data.district].filter(Boolean).join(' / '),
          },
          { key: 'address', label: t('field.address'), children: data.address ?? '—' },
          { key: 'tradeArea', label: t('field.tradeArea'), children: data.tradeArea ?? '—' },
          {
            key: 'coordinates',
            label: t('field.coordinates'),
            children: hasLocation ? (
              <Space size={8} wrap>
                {`${data.latitude!.toFixed(5)}, ${data.longitude!.toFixed(5)}`}
                <a
                  href={`https://uri.amap.com/marker?position=${data.longitude},${data.latitude}&name=${encodeURIComponent(data.name)}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  <EnvironmentOutlined /> {t('map')}
                </a>
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'dailyTraffic',
            label: t('field.dailyTraffic'),
            children:
              data.dailyTraffic == null
                ? '—'
                : t('perDay', { value: formatNumber(data.dailyTraffic, locale) }),
          },
          {
            key: 'potential',
            label: t('field.potential'),
            children: data.potential ? (
              <Rate disabled value={data.potential} style={{ fontSize: 16 }} />
            ) : (
              '—'
            ),
          },
          { key: 'openedOn', label: t('field.openedOn'), children: formatDate(data.openedOn) },
          { key: 'orgUnit', label: t('field.orgUnit'), children: data.orgUnitName ?? '—' },
          {
            key: 'reps',
            label: t('field.reps'),
            children: data.reps.length ? (
              <Space size={[4, 4]} wrap>
                {data.reps.map((rep) => (
                  <Tag key={rep.id}>{rep.displayName}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
          {
            key: 'updatedAt',
            label: t('field.updatedAt'),
            children: formatDateTime(data.updatedAt, locale),
          },
        ]}
      />
    </Card>
  );
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {data.name}
            <StoreClassTag value={data.storeClass} />
            <Tag color={statusColors[data.status]}>{label('storeStatus', data.status)}</Tag>
          </Space>
        }
        subtitle={
          <>
            <Link to={`/accounts/${data.accountId}`}>{data.accountName}</Link> · {data.code}
          </>
        }
        extra={
          canWrite && (
            <>
              <Button
                icon={<EditOutlined />}
                size={size}
                onClick={() => setEditing(true)}
                data-testid="store-edit"
              >
                {t('common:actions.edit')}
              </Button>
              <Popconfirm
                title={t('deleteConfirm', { name: data.name })}
                onConfirm={onDelete}
                okButtonProps={{ danger: true }}
              >
                <Button danger icon={<DeleteOutlined />} size={size} loading={remove.isPending}>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (key === 'profile') next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'profile',
            label: t('tabs.profile'),
            children: (
              <>
                {profile}
                <StoreContacts store={data} />
              </>
            ),
          },
          { key: 'sales', label: t('tabs.sales'), children: <StoreSalesTab storeId={data.id} /> },
          { key: 'stock', label: t('tabs.stock'), children: <StoreStockTab storeId={data.id} /> },
          { key: 'listings', label: t('tabs.listings'), children: <StoreListingsTab storeId={data.id} /> },
        ]}
      />
      <StoreFormDrawer
        open={editing}
        store={data}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </>
  );
}

function StoreContacts({ store }: { store: Store }) {
  const { t } = useTranslation('stores');
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeContacts');
  const contacts = useContactsOf({ storeId: store.id });
  const returnTo = `/stores/${store.id}`;
  return (
    <Card
      size="small"
      title={t('contacts')}
      extra={
        canWrite && (
          <LinkButton
            to={contactsPath({ create: 1, storeId: store.id }, returnTo)}
            type="primary"
            icon={<PlusOutlined />}
            size={isPhone ? 'large' : 'middle'}
            data-testid="store-add-contact"
          >
            {t('addContact')}
          </LinkButton>
        )
      }
    >
      <ContactsTable
        contacts={contacts}
        canWrite={canWrite}
        returnTo={returnTo}
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noContacts')} />}
      />
    </Card>
  );
}
