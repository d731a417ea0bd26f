import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Pagination,
  Spin,
  Switch,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrderSuggestion } from '../../../core/analytics/analytics.contract';
import { scopeKindOf } from '../../../core/auth/roles';
import { AccountSelect } from '../../components/AccountSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { RepSelect } from '../../components/RepSelect';
import { PageHeader } from '../../components/PageHeader';
import { StoreSelect } from '../../components/StoreSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useUrlTable } from '../../components/useUrlTable';
import { formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan, useCurrentUser } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { exportOrderSuggestions, useOrderSuggestions } from './order-suggestions.api';
import { SupplySettingsPanel } from './SupplySettingsPanel';

const FILTER_KEYS = ['repId', 'accountId', 'storeId', 'onlyPositive'] as const;

const oneDecimal = (value: number | null) =>
  value == null ? null : formatNumber(Math.round(value * 10) / 10, currentLocale());
const byStoreThenSku = (a: OrderSuggestion, b: OrderSuggestion) =>
  a.accountName.localeCompare(b.accountName, 'zh-CN') ||
  a.storeCode.localeCompare(b.storeCode) ||
  a.skuCode.localeCompare(b.skuCode);

/** The lines of one store, in the order the table shows them. */
function groupByStore(lines: OrderSuggestion[]) {
  const groups = new Map<number, OrderSuggestion[]>();
  for (const line of [...lines].sort(byStoreThenSku)) {
    const group = groups.get(line.storeId) ?? [];
    group.push(line);
    groups.set(line.storeId, group);
  }
  return [...groups.values()];
}

/**
 * What each store should order, per SKU, from its sell-out, last stock count and shipments on the way.
 * A rep sees their own stores' list (the server scopes it); a manager can pick a rep. On a phone the list
 * is one card per store, the suggested quantity large enough to read in an aisle.
 */
export function OrderSuggestionsPage() {
  const { t } = useTranslation('orderSuggestions');
  const user = useCurrentUser();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const canEditSettings = useCan('writeSupplySettings');
  const { state, update, apiQuery } = useTableUrlState(FILTER_KEYS, 100);
  const list = useOrderSuggestions(apiQuery);
  const table = useUrlTable<OrderSuggestion>(state, update, list.data?.total);
  const [exporting, setExporting] = useState(false);
  const { repId, accountId, storeId } = state.filters;
  const onlyPositive = state.filters.onlyPositive !== 'false';
  const size = isPhone ? 'large' : 'middle';
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | number | null | undefined) =>
    update({ filters: { [key]: value == null || value === '' ? undefined : String(value) } });
  const groups = useMemo(() => groupByStore(list.data?.items ?? []), [list.data]);

  async function onExport() {
    setExporting(true);
    try {
      await exportOrderSuggestions(state.filters);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const storeLink = (line: OrderSuggestion) => (
    <Link to={`/stores/${line.storeId}`}>
      {line.storeName}
      <Typography.Text type="secondary"> {line.storeCode}</Typography.Text>
    </Link>
  );
  const suggested = (line: OrderSuggestion) => (
    <span data-testid="suggested">
      <strong>{formatNumber(line.suggestedUnits, currentLocale())}</strong>
      {line.suggestedCases != null && (
        <Typography.Text type="secondary"> （{t('cases', { count: line.suggestedCases })}）</Typography.Text>
      )}
    </span>
  );
  const onHand = (line: OrderSuggestion) =>
    line.onHand == null ? (
      <Typography.Text type="secondary">{t('noCount')}</Typography.Text>
    ) : (
      <>
        {formatNumber(line.onHand, currentLocale())}
        {line.onHandDate && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            @{line.onHandDate.slice(5)}
          </Typography.Text>
        )}
      </>
    );
  const daysOfSupply = (line: OrderSuggestion) =>
    line.daysOfSupply == null ? (
      <Typography.Text type="secondary">{t('notSelling')}</Typography.Text>
    ) : (
      <Typography.Text type={line.daysOfSupply < line.coverDays ? 'danger' : undefined}>
        {oneDecimal(line.daysOfSupply)}
      </Typography.Text>
    );
  const numeric = <K extends keyof OrderSuggestion>(key: K) => ({
    key,
    dataIndex: key,
    align: 'right' as const,
    sorter: (a: OrderSuggestion, b: OrderSuggestion) => Number(a[key] ?? -1) - Number(b[key] ?? -1),
  });

  const columns: TableColumnsType<OrderSuggestion> = [
    {
      title: t('field.store'),
      key: 'store',
      fixed: 'start',
      sorter: byStoreThenSku,
      defaultSortOrder: 'ascend',
      render: (_value, line) => storeLink(line),
    },
    { title: t('field.account'), dataIndex: 'accountName', key: 'accountName' },
    {
      title: t('field.sku'),
      key: 'sku',
      sorter: (a, b) => a.skuCode.localeCompare(b.skuCode),
      render: (_value, line) => (
        <Link to={`/skus/${line.skuId}`}>
          {line.skuName}
          <Typography.Text type="secondary"> {line.skuCode}</Typography.Text>
        </Link>
      ),
    },
    { ...numeric('averageDailyUnits'), title: t('field.averageDailyUnits'), render: oneDecimal },
    { ...numeric('onHand'), title: t('field.onHand'), render: (_value, line) => onHand(line) },
    { ...numeric('onOrder'), title: t('field.onOrder') },
    {
      ...numeric('daysOfSupply'),
      title: t('field.daysOfSupply'),
      render: (_value, line) => daysOfSupply(line),
    },
    { ...numeric('coverDays'), title: t('field.coverDays') },
    {
      ...numeric('suggestedUnits'),
      title: t('field.suggestedUnits'),
      render: (_value, line) => suggested(line),
    },
  ];

  const storeCards = (
    <Spin spinning={list.isFetching}>
      <Flex vertical gap={12} data-testid="order-suggestion-cards">
        {groups.length === 0 && !list.isLoading && <Empty />}
        {groups.map((lines) => (
          <Card
            key={lines[0].storeId}
            size="small"
            title={<span style={{ fontSize: 16 }}>{storeLink(lines[0])}</span>}
            extra={<Typography.Text type="secondary">{t('lines', { count: lines.length })}</Typography.Text>}
            styles={{ body: { padding: 0 } }}
          >
            {lines.map((line) => (
              <Link
                key={line.skuId}
                to={`/skus/${line.skuId}`}
                style={{
                  display: 'flex',
                  justifyContent: 'space-between',
                  alignItems: 'center',
                  gap: 12,
                  minHeight: 56,
                  padding: '8px 12px',
                  borderTop: '1px solid #f0f0f0',
                  color: 'inherit',
                }}
              >
                <div style={{ minWidth: 0 }}>
                  <div style={{ fontSize: 15 }}>{line.skuName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('field.onHand')} {line.onHand ?? '—'} · {t('field.onOrder')} {line.onOrder} ·{' '}
                    {t('field.averageDailyUnits')} {oneDecimal(line.averageDailyUnits)} ·{' '}
                    {t('field.daysOfSupply')}{' '}
                    {line.daysOfSupply == null ? t('notSelling') : oneDecimal(line.daysOfSupply)}
                  </Typography.Text>
                </div>
                <div style={{ textAlign: 'right', flex: 'none' }}>
                  <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.2 }}>{line.suggestedUnits}</div>
                  {line.suggestedCases != null && (
                    <Typography.Text type="secondary">
                      {t('cases', { count: line.suggestedCases })}
                    </Typography.Text>
                  )}
                </div>
              </Link>
            ))}
          </Card>
        ))}
        {(list.data?.total ?? 0) > state.pageSize && (
          <Pagination
            simple
            align="center"
            current={state.page}
            pageSize={state.pageSize}
            total={list.data?.total}
            onChange={(page) => update({ page })}
          />
        )}
      </Flex>
    </Spin>
  );

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={`${t(`scope.${scopeKindOf(user.role)}`)}${isPhone ? '' : ` · ${t('subtitle')}`}`}
        extra={
          <Button
            icon={<DownloadOutlined />}
            size={size}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="order-suggestions-export"
            aria-label={t('common:actions.export')}
          >
            {!isPhone && t('common:actions.export')}
          </Button>
        }
      />
      <SupplySettingsPanel canEdit={canEditSettings} isPhone={isPhone} />
      <FilterBar
        filtersLabel={t('filters')}
        activeCount={[repId, accountId, storeId].filter(Boolean).length}
        search={
          <Flex align="center" gap={8} style={{ minHeight: isPhone ? 40 : undefined }}>
            <Switch
              checked={onlyPositive}
              onChange={(checked) => setFilter('onlyPositive', checked ? undefined : 'false')}
              aria-label={t('onlyPositive')}
              data-testid="order-suggestions-only-positive"
            />
            <span>{t('onlyPositive')}</span>
          </Flex>
        }
        filters={[
          <RepSelect
            key="repId"
            allowClear
            size={size}
            placeholder={t('field.rep')}
            aria-label={t('field.rep')}
            data-testid="filter-repId"
            value={repId ? Number(repId) : undefined}
            onChange={(id) => setFilter('repId', id as number | undefined)}
            style={{ width: isPhone ? '100%' : 170 }}
          />,
          <AccountSelect
            key="accountId"
            mode="multiple"
            allowClear
            size={size}
            placeholder={t('field.account')}
            aria-label={t('field.account')}
            data-testid="filter-accountId"
            value={csvValues(accountId).map(Number)}
            onChange={(ids) => setFilter('accountId', ((ids as number[] | null) ?? []).join(','))}
            style={{ width: isPhone ? '100%' : 200 }}
          />,
          <StoreSelect
            key="storeId"
            allowClear
            size={size}
            placeholder={t('field.store')}
            aria-label={t('field.store')}
            data-testid="filter-storeId"
            accountIds={csvValues(accountId).map(Number)}
            value={storeId ? Number(storeId) : null}
            onChange={(id) => setFilter('storeId', id)}
            style={{ width: isPhone ? '100%' : 240 }}
          />,
        ]}
      />
      <ErrorAlert error={list.error} />
      {isPhone ? (
        storeCards
      ) : (
        <div data-testid="order-suggestions-table">
          <Table<OrderSuggestion>
            rowKey={(line) => `${line.storeId}-${line.skuId}`}
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            pagination={{ ...table.pagination, pageSizeOptions: [100, 200, 500] }}
            // Sorting is within the loaded page (the API has no sort); only paging goes to the URL.
            onChange={(pagination, filters, sorter, extra) => {
              if (extra.action === 'paginate') table.onChange?.(pagination, filters, sorter, extra);
            }}
            scroll={{ x: 'max-content' }}
          />
        </div>
      )}
    </>
  );
}
