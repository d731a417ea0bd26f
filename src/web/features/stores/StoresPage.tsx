import { useMemo, useState } from 'react';
import { Button, Grid, Select, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { storeClasses } from '../../../core/stores/store-class';
import type { Store } from '../../../core/stores/stores.contract';
import { AccountSelect } from '../../components/AccountSelect';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { ImportDialog } from '../../components/ImportDialog';
import { PageHeader } from '../../components/PageHeader';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useNotifyError } from '../../components/useNotifyError';
import { ListSearch } from '../../components/ListSearch';
import { opensRow } from '../../components/row-link';
import { useUrlTable } from '../../components/useUrlTable';
import { api } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { formatArea } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { chinaProvinces } from './china-provinces';
import { useFieldUsers, useRefreshAfterImport, useStores } from './stores.api';
import { StoreFormDrawer } from './StoreFormDrawer';

const FILTER_KEYS = ['accountId', 'province', 'city', 'storeClass', 'format', 'repId', 'status'] as const;
const DEFAULT_SORT = 'accountName';
const provinceOptions = chinaProvinces.map((name) => ({ value: name, label: name }));

export function StoresPage() {
  const { t } = useTranslation('stores');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeStores');
  const canImport = useCan('importStores');
  const canReadUsers = useCan('readUsers');
  const url = useTableUrlState(FILTER_KEYS);
  const { update } = url;
  // Unsorted, a list of many chains' stores reads best chain by chain (store codes repeat across chains).
  const state = useMemo(() => ({ ...url.state, sort: url.state.sort ?? DEFAULT_SORT }), [url.state]);
  const apiQuery = useMemo(() => ({ ...url.apiQuery, sort: state.sort }), [url.apiQuery, state.sort]);
  const list = useStores(apiQuery);
  const table = useUrlTable<Store>(state, update, list.data?.total);
  const fieldUsers = useFieldUsers(canReadUsers);
  const refreshAfterImport = useRefreshAfterImport();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const size = isPhone ? 'large' : 'middle';
  const filterWidth = (desktop: number) => ({ width: isPhone ? '100%' : desktop });
  const setFilter = (
    key: (typeof FILTER_KEYS)[number],
    values: (string | number)[] | string | number | undefined | null,
  ) =>
    update({
      filters: {
        [key]: Array.isArray(values)
          ? values.join(',') || undefined
          : values == null || values === ''
            ? undefined
            : String(values),
      },
    });

  async function onExport() {
    setExporting(true);
    try {
      await api.download('/api/stores/export.xlsx', { ...state.filters, q: state.q, sort: state.sort });
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const filters = [
    <AccountSelect
      key="accountId"
      mode="multiple"
      allowClear
      placeholder={t('field.account')}
      aria-label={t('field.account')}
      data-testid="filter-accountId"
      value={csvValues(state.filters.accountId).map(Number)}
      onChange={(ids) => setFilter('accountId', (ids as number[] | null) ?? [])}
      style={filterWidth(200)}
      size={size}
    />,
    <Select
      key="province"
      mode="tags"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.province')}
      aria-label={t('field.province')}
      data-testid="filter-province"
      options={provinceOptions}
      value={csvValues(state.filters.province)}
      onChange={(values: string[]) => setFilter('province', values)}
      style={filterWidth(150)}
      size={size}
    />,
    <Select
      key="city"
      mode="tags"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.city')}
      aria-label={t('field.city')}
      title={t('tagsHint')}
      data-testid="filter-city"
      notFoundContent={null}
      value={csvValues(state.filters.city)}
      onChange={(values: string[]) => setFilter('city', values)}
      style={filterWidth(140)}
      size={size}
    />,
    <Select
      key="storeClass"
      mode="multiple"
      allowClear
      placeholder={t('field.storeClass')}
      aria-label={t('field.storeClass')}
      data-testid="filter-storeClass"
      options={[
        ...storeClasses.map((value) => ({ value, label: value })),
        { value: 'none', label: t('classNone') },
      ]}
      value={csvValues(state.filters.storeClass)}
      onChange={(values: string[]) => setFilter('storeClass', values)}
      style={filterWidth(140)}
      size={size}
    />,
    <EnumSelect
      key="format"
      kind="storeFormat"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.format')}
      aria-label={t('field.format')}
      data-testid="filter-format"
      value={csvValues(state.filters.format)}
      onChange={(values: string[]) => setFilter('format', values)}
      style={filterWidth(160)}
      size={size}
    />,
    canReadUsers && (
      <Select
        key="repId"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('field.reps')}
        aria-label={t('field.reps')}
        data-testid="filter-repId"
        loading={fieldUsers.isLoading}
        options={fieldUsers.users.map((user) => ({
          value: user.id,
          label: `${user.displayName}（${label('userRole', user.role)}）`,
        }))}
        value={state.filters.repId ? Number(state.filters.repId) : undefined}
        onChange={(id: number | undefined) => setFilter('repId', id)}
        style={filterWidth(170)}
        size={size}
      />
    ),
    <EnumSelect
      key="status"
      kind="storeStatus"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.status')}
      aria-label={t('field.status')}
      data-testid="filter-status"
      value={csvValues(state.filters.status)}
      onChange={(values: string[]) => setFilter('status', values)}
      style={filterWidth(140)}
      size={size}
    />,
  ];

  const columns: TableColumnsType<Store> = [
    {
      title: t('field.code'),
      dataIndex: 'code',
      key: 'code',
      fixed: 'start',
      width: isPhone ? 84 : 110,
      sorter: true,
      sortOrder: table.sortOrder('code'),
      render: (code: string, store) => <Link to={`/stores/${store.id}`}>{code}</Link>,
    },
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, store) => <Link to={`/stores/${store.id}`}>{name}</Link>,
    },
    {
      title: t('field.account'),
      dataIndex: 'accountName',
      key: 'accountName',
      sorter: true,
      sortOrder: table.sortOrder('accountName'),
      render: (name: string, store) => <Link to={`/accounts/${store.accountId}`}>{name}</Link>,
    },
    {
      title: t('field.format'),
      dataIndex: 'format',
      key: 'format',
      sorter: true,
      sortOrder: table.sortOrder('format'),
      render: (format: Store['format']) => label('storeFormat', format),
    },
    {
      title: t('field.floorArea'),
      dataIndex: 'floorArea',
      key: 'floorArea',
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrder('floorArea'),
      render: (area: number | null) => formatArea(area, currentLocale()),
    },
    {
      title: t('field.storeClass'),
      dataIndex: 'storeClass',
      key: 'storeClass',
      align: 'center',
      sorter: true,
      sortOrder: table.sortOrder('storeClass'),
      render: (value: Store['storeClass']) => <StoreClassTag value={value} />,
    },
    {
      title: t('field.location'),
      key: 'city',
      sorter: true,
      sortOrder: table.sortOrder('city'),
      render: (_value, store) => `${store.province} / ${store.city}`,
    },
    {
      title: t('field.reps'),
      dataIndex: 'reps',
      render: (reps: Store['reps']) => (reps.length ? reps.map((rep) => rep.displayName).join('、') : '—'),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (status: Store['status']) => label('storeStatus', status),
    },
  ];

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
              data-testid="stores-export"
              aria-label={t('common:actions.export')}
            >
              {!isPhone && t('common:actions.export')}
            </Button>
            {canImport && (
              <Button
                icon={<UploadOutlined />}
                size={size}
                onClick={() => setImporting(true)}
                data-testid="stores-import"
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
                onClick={() => setCreating(true)}
                data-testid="stores-create"
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
      <div data-testid="stores-table">
        <Table<Store>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{ ...table.pagination, simple: isPhone }}
          onChange={table.onChange}
          scroll={{ x: 'max-content' }}
          size={isPhone ? 'small' : 'middle'}
          onRow={opensRow<Store>(navigate, (store) => `/stores/${store.id}`)}
        />
      </div>
      <StoreFormDrawer
        open={creating}
        store={null}
        defaultAccountId={
          csvValues(state.filters.accountId).length === 1 ? Number(state.filters.accountId) : undefined
        }
        onClose={() => setCreating(false)}
        onSaved={(store) => {
          setCreating(false);
          navigate(`/stores/${store.id}`);
        }}
      />
      <ImportDialog
        open={importing}
        title={t('importTitle')}
        importPath="/api/stores/import"
        templatePath="/api/stores/import-template.xlsx"
        onClose={() => setImporting(false)}
        onApplied={refreshAfterImport}
      />
    </>
  );
}
