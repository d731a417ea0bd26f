import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  Grid,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { addDays, businessToday } from '../../../core/common/time';
import { STALE_CONTACT_DAYS, type Contact } from '../../../core/contacts/contacts.contract';
import { AccountSelect } from '../../components/AccountSelect';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { ImportDialog } from '../../components/ImportDialog';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { ListSearch } from '../../components/ListSearch';
import { useUrlTable } from '../../components/useUrlTable';
import { api } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { formatDate } from '../../lib/format';
import { useCan } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { useContact, useContacts, useDeleteContact, useRefreshContacts, useStoreById } from './contacts.api';
import { ContactFormDrawer } from './ContactFormDrawer';

const FILTER_KEYS = ['accountId', 'storeId', 'role', 'staleDays'] as const;

/** Only paths inside the app: `returnTo` comes from the URL, and must not send anyone elsewhere. */
const safeReturnTo = (value: string | null) =>
  value && value.startsWith('/') && !value.startsWith('//') ? value : null;

export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeContacts');
  const canImport = useCan('importContacts');
  const { state, update, apiQuery } = useTableUrlState(FILTER_KEYS);
  const list = useContacts(apiQuery);
  const table = useUrlTable<Contact>(state, update, list.data?.total);
  const remove = useDeleteContact();
  const refresh = useRefreshContacts();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  // The form's state is in the URL too (?create=1 or ?edit=<id>, with &returnTo=), so the account
  // and store pages can open it and get the user back afterwards.
  const [params, setParams] = useSearchParams();
  const creating = canWrite && params.get('create') === '1';
  const editId = canWrite && params.get('edit') ? Number(params.get('edit')) : null;
  const returnTo = safeReturnTo(params.get('returnTo'));
  const editing = useContact(editId);
  const storeFilter = useStoreById(
    state.filters.storeId && !state.filters.storeId.includes(',') ? Number(state.filters.storeId) : null,
  );
  const staleBefore = addDays(businessToday(), -STALE_CONTACT_DAYS);

  function closeForm() {
    if (returnTo) {
      navigate(returnTo);
      return;
    }
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('create');
        next.delete('edit');
        return next;
      },
      { replace: true },
    );
  }
  const openForm = (key: 'create' | 'edit', value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.delete('create');
      next.delete('edit');
      next.delete('returnTo');
      next.set(key, value);
      return next;
    });

  async function onExport() {
    setExporting(true);
    try {
      await api.download('/api/contacts/export.xlsx', { ...state.filters, q: state.q, sort: state.sort });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const size = isPhone ? 'large' : 'middle';
  const filterWidth = (desktop: number) => ({ width: isPhone ? '100%' : desktop });
  const staleDays = state.filters.staleDays;

  const filters = [
    <AccountSelect
      key="accountId"
      mode="multiple"
      allowClear
      placeholder={t('field.account')}
      aria-label={t('field.account')}
      data-testid="filter-accountId"
      value={csvValues(state.filters.accountId).map(Number)}
      onChange={(ids) =>
        update({ filters: { accountId: ((ids as number[] | null) ?? []).join(',') || undefined } })
      }
      style={filterWidth(200)}
      size={size}
    />,
    <EnumSelect
      key="role"
      kind="contactRole"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.role')}
      aria-label={t('field.role')}
      data-testid="filter-role"
      value={csvValues(state.filters.role)}
      onChange={(values: string[]) => update({ filters: { role: values.join(',') || undefined } })}
      style={filterWidth(160)}
      size={size}
    />,
    <Checkbox
      key="staleDays"
      data-testid="filter-staleDays"
      checked={!!staleDays}
      onChange={(event) =>
        update({ filters: { staleDays: event.target.checked ? String(STALE_CONTACT_DAYS) : undefined } })
      }
      style={{ minHeight: isPhone ? 40 : undefined, alignItems: 'center' }}
    >
      {t('stale', { days: staleDays ?? STALE_CONTACT_DAYS })}
    </Checkbox>,
    state.filters.storeId && (
      <Tag
        key="storeId"
        closable
        onClose={() => update({ filters: { storeId: undefined } })}
        style={{ marginInlineEnd: 0, padding: '4px 8px' }}
      >
        {t('storeFilter', { name: storeFilter.data?.name ?? state.filters.storeId })}
      </Tag>
    ),
  ];

  const columns: TableColumnsType<Contact> = [
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'start',
      width: isPhone ? 96 : 130,
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, contact) => (
        <>
          {canWrite ? (
            <Typography.Link onClick={() => openForm('edit', String(contact.id))}>{name}</Typography.Link>
          ) : (
            name
          )}
          {contact.title && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {contact.title}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('field.role'),
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: table.sortOrder('role'),
      render: (role: Contact['role']) => label('contactRole', role),
    },
    {
      title: t('field.account'),
      dataIndex: 'accountName',
      key: 'accountName',
      sorter: true,
      sortOrder: table.sortOrder('accountName'),
      render: (name: string, contact) => <Link to={`/accounts/${contact.accountId}`}>{name}</Link>,
    },
    {
      title: t('field.store'),
      dataIndex: 'storeName',
      key: 'storeName',
      sorter: true,
      sortOrder: table.sortOrder('storeName'),
      render: (name: string | null, contact) =>
        contact.storeId ? (
          <Link to={`/stores/${contact.storeId}`}>{name}</Link>
        ) : (
          <Tag color="geekblue">{t('hq')}</Tag>
        ),
    },
    {
      title: t('field.phone'),
      dataIndex: 'phone',
      render: (phone: string | null) =>
        !phone ? (
          '—'
        ) : isPhone ? (
          <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
        ) : (
          <Typography.Text copyable>{phone}</Typography.Text>
        ),
    },
    { title: t('field.wechat'), dataIndex: 'wechat', render: (wechat: string | null) => wechat ?? '—' },
    {
      title: t('field.lastContactedOn'),
      dataIndex: 'lastContactedOn',
      key: 'lastContactedOn',
      sorter: true,
      sortOrder: table.sortOrder('lastContactedOn'),
      render: (date: string | null) =>
        !date ? (
          <Tag color="red">{t('never')}</Tag>
        ) : date <= staleBefore ? (
          <Tooltip title={t('stale', { days: STALE_CONTACT_DAYS })}>
            <Tag color="orange">{formatDate(date)}</Tag>
          </Tooltip>
        ) : (
          formatDate(date)
        ),
    },
    {
      title: t('field.notes'),
      dataIndex: 'notes',
      width: 220,
      ellipsis: { showTitle: true },
      render: (notes: string | null) => notes ?? '—',
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('field.actions'),
      key: 'actions',
      width: 100,
      render: (_value, contact) => (
        <Space size={0}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={`${t('common:actions.edit')} ${contact.name}`}
            onClick={() => openForm('edit', String(contact.id))}
          />
          <Popconfirm
            title={t('deleteConfirm', { name: contact.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutate(contact.id, {
                onSuccess: () => message.success(t('common:deleted')),
                onError: notifyError,
              })
            }
          >
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={`${t('common:actions.delete')} ${contact.name}`}
            />
          </Popconfirm>
        </Space>
      ),
    });
  }

  // A new contact starts in the account or store the list shows (the store's account once it is known).
  const defaults = {
    accountId:
      csvValues(state.filters.accountId).length === 1
        ? Number(state.filters.accountId)
        : storeFilter.data?.accountId,
    storeId:
      state.filters.storeId && !state.filters.storeId.includes(',')
        ? Number(state.filters.storeId)
        : undefined,
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={isPhone ? undefined : t('subtitle')}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              size={size}
              loading={exporting}
              onClick={() => void onExport()}
              data-testid="contacts-export"
              aria-label={t('common:actions.export')}
            >
              {!isPhone && t('common:actions.export')}
            </Button>
            {canImport && (
              <Button
                icon={<UploadOutlined />}
                size={size}
                onClick={() => setImporting(true)}
                data-testid="contacts-import"
                aria-label={t('common:actions.import')}
              >
                {!isPhone && t('common:actions.import')}
              </Button>
            )}
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                size={size}
                onClick={() => openForm('create', '1')}
                data-testid="contacts-create"
              >
                {t('create')}
              </Button>
            )}
          </>
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
            size={size}
          />
        }
        filters={filters}
      />
      <ErrorAlert error={list.error} />
      <div data-testid="contacts-table">
        <Table<Contact>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{ ...table.pagination, simple: isPhone }}
          onChange={table.onChange}
          scroll={{ x: 'max-content' }}
          size={isPhone ? 'small' : 'middle'}
        />
      </div>
      <ErrorAlert error={editing.error} />
      <ContactFormDrawer
        key={
          creating
            ? `create-${defaults.accountId ?? ''}`
            : `edit-${editId}-${editing.data ? 'loaded' : 'loading'}`
        }
        open={creating || (editId !== null && !!editing.data)}
        contact={creating ? null : (editing.data ?? null)}
        defaults={defaults}
        onClose={closeForm}
        onSaved={closeForm}
      />
      <ImportDialog
        open={importing}
        title={t('importTitle')}
        importPath="/api/contacts/import"
        templatePath="/api/contacts/import-template.xlsx"
        onClose={() => setImporting(false)}
        onApplied={refresh}
      />
    </>
  );
}
