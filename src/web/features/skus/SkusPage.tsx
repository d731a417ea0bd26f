import { useMemo, useState } from 'react';
import { Button, Dropdown, Grid, Select, Table, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Sku } from '../../../core/catalog/catalog.contract';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { ImportDialog } from '../../components/ImportDialog';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { ListSearch } from '../../components/ListSearch';
import { opensRow } from '../../components/row-link';
import { useUrlTable } from '../../components/useUrlTable';
import { api } from '../../lib/api';
import { formatYuan } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { OwnershipTag, SkuStatusTag } from './sku-tags';
import { useRefreshAfterImport, useSkus } from './skus.api';
import { SkuFormDrawer } from './SkuFormDrawer';

const FILTER_KEYS = ['brand', 'category', 'isOwn', 'status'] as const;
const DEFAULT_SORT = 'code';

/** The three sheets of the catalog, each with an import, a template and an export. */
const sheets = {
  skus: '/api/skus',
  listings: '/api/listings',
  itemCodes: '/api/item-codes',
} as const;
type Sheet = keyof typeof sheets;

export function SkusPage() {
  const { t } = useTranslation('skus');
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const canWriteSkus = useCan('writeSkus');
  const canWriteListings = useCan('writeListings');
  const url = useTableUrlState(FILTER_KEYS);
  const { update } = url;
  const state = useMemo(() => ({ ...url.state, sort: url.state.sort ?? DEFAULT_SORT }), [url.state]);
  const apiQuery = useMemo(() => ({ ...url.apiQuery, sort: state.sort }), [url.apiQuery, state.sort]);
  const list = useSkus(apiQuery);
  const table = useUrlTable<Sku>(state, update, list.data?.total);
  const refreshAfterImport = useRefreshAfterImport();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<Sheet | null>(null);
  const [exporting, setExporting] = useState(false);
  const locale = currentLocale();

  const size = isPhone ? 'large' : 'middle';
  const filterWidth = (desktop: number) => ({ width: isPhone ? '100%' : desktop });
  const setFilter = (key: (typeof FILTER_KEYS)[number], values: string[] | string | undefined) =>
    update({
      filters: { [key]: (Array.isArray(values) ? values.join(',') : values) || undefined },
    });

  const canImport: Record<Sheet, boolean> = {
    skus: canWriteSkus,
    listings: canWriteListings,
    itemCodes: canWriteSkus,
  };
  const importable = (Object.keys(sheets) as Sheet[]).filter((sheet) => canImport[sheet]);

  async function onExport(sheet: Sheet) {
    setExporting(true);
    try {
      // The SKU sheet follows the list's filters; listings and item codes go out whole (as far as one may see).
      const query = sheet === 'skus' ? { ...state.filters, q: state.q, sort: state.sort } : undefined;
      await api.download(`${sheets[sheet]}/export.xlsx`, query);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const filters = [
    <Select
      key="brand"
      mode="tags"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.brand')}
      aria-label={t('field.brand')}
      title={t('tagsHint')}
      data-testid="filter-brand"
      notFoundContent={null}
      value={csvValues(state.filters.brand)}
      onChange={(values: string[]) => setFilter('brand', values)}
      style={filterWidth(150)}
      size={size}
    />,
    <Select
      key="category"
      mode="tags"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.category')}
      aria-label={t('field.category')}
      title={t('tagsHint')}
      data-testid="filter-category"
      notFoundContent={null}
      value={csvValues(state.filters.category)}
      onChange={(values: string[]) => setFilter('category', values)}
      style={filterWidth(150)}
      size={size}
    />,
    <Select
      key="isOwn"
      allowClear
      placeholder={t('field.isOwn')}
      aria-label={t('field.isOwn')}
      data-testid="filter-isOwn"
      options={[
        { value: 'true', label: t('own') },
        { value: 'false', label: t('competitor') },
      ]}
      value={state.filters.isOwn}
      onChange={(value: string | undefined) => setFilter('isOwn', value)}
      style={filterWidth(140)}
      size={size}
    />,
    <EnumSelect
      key="status"
      kind="skuStatus"
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      placeholder={t('field.status')}
      aria-label={t('field.status')}
      data-testid="filter-status"
      value={csvValues(state.filters.status)}
      onChange={(values: string[]) => setFilter('status', values)}
      style={filterWidth(150)}
      size={size}
    />,
  ];

  const price = (fen: number | null) => formatYuan(fen, locale);
  const columns: TableColumnsType<Sku> = [
    {
      title: t('field.code'),
      dataIndex: 'code',
      key: 'code',
      fixed: 'start',
      width: isPhone ? 90 : 120,
      sorter: true,
      sortOrder: table.sortOrder('code'),
      render: (code: string, sku) => <Link to={`/skus/${sku.id}`}>{code}</Link>,
    },
    { title: t('field.barcode'), dataIndex: 'barcode', render: (code: string | null) => code ?? '—' },
    {
      title: t('field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: table.sortOrder('name'),
      render: (name: string, sku) => <Link to={`/skus/${sku.id}`}>{name}</Link>,
    },
    {
      title: t('field.brand'),
      dataIndex: 'brand',
      key: 'brand',
      sorter: true,
      sortOrder: table.sortOrder('brand'),
    },
    {
      title: t('field.isOwn'),
      dataIndex: 'isOwn',
      render: (_isOwn: boolean, sku) => <OwnershipTag sku={sku} />,
    },
    {
      title: t('field.category'),
      dataIndex: 'category',
      key: 'category',
      sorter: true,
      sortOrder: table.sortOrder('category'),
    },
    { title: t('field.flavour'), dataIndex: 'flavour', render: (value: string | null) => value ?? '—' },
    { title: t('field.packSize'), dataIndex: 'packSize', render: (value: string | null) => value ?? '—' },
    {
      title: t('field.listPrice'),
      dataIndex: 'listPriceFen',
      key: 'listPriceFen',
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrder('listPriceFen'),
      render: price,
    },
    { title: t('field.floorPrice'), dataIndex: 'floorPriceFen', align: 'right', render: price },
    {
      title: t('field.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: table.sortOrder('status'),
      render: (status: Sku['status']) => <SkuStatusTag status={status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={isPhone ? undefined : t('subtitle')}
        extra={
          <>
            <Dropdown
              menu={{
                items: (Object.keys(sheets) as Sheet[]).map((sheet) => ({
                  key: sheet,
                  label: t(`exports.${sheet}`),
                })),
                onClick: ({ key }) => void onExport(key as Sheet),
              }}
            >
              <Button
                icon={<DownloadOutlined />}
                size={size}
                loading={exporting}
                data-testid="skus-export"
                aria-label={t('common:actions.export')}
              >
                {!isPhone && t('common:actions.export')}
              </Button>
            </Dropdown>
            {importable.length > 0 && (
              <Dropdown
                menu={{
                  items: importable.map((sheet) => ({ key: sheet, label: t(`imports.${sheet}`) })),
                  onClick: ({ key }) => setImporting(key as Sheet),
                }}
              >
                <Button
                  icon={<UploadOutlined />}
                  size={size}
                  data-testid="skus-import"
                  aria-label={t('common:actions.import')}
                >
                  {!isPhone && t('common:actions.import')}
                </Button>
              </Dropdown>
            )}
            {canWriteSkus && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                size={size}
                onClick={() => setCreating(true)}
                data-testid="skus-create"
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
            width={240}
            size={size}
          />
        }
        filters={filters}
      />
      <ErrorAlert error={list.error} />
      <div data-testid="skus-table">
        <Table<Sku>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{ ...table.pagination, simple: isPhone }}
          onChange={table.onChange}
          scroll={{ x: 'max-content' }}
          size={isPhone ? 'small' : 'middle'}
          onRow={opensRow<Sku>(navigate, (sku) => `/skus/${sku.id}`)}
        />
      </div>
      <SkuFormDrawer
        open={creating}
        sku={null}
        onClose={() => setCreating(false)}
        onSaved={(sku) => {
          setCreating(false);
          navigate(`/skus/${sku.id}`);
        }}
      />
      <ImportDialog
        open={importing !== null}
        title={importing ? t(`imports.${importing}`) : ''}
        importPath={`${sheets[importing ?? 'skus']}/import`}
        templatePath={`${sheets[importing ?? 'skus']}/import-template.xlsx`}
        onClose={() => setImporting(null)}
        onApplied={refreshAfterImport}
      />
    </>
  );
}
