import { useMemo } from 'react';
import {
  Alert as AntAlert,
  Button,
  Card,
  Empty,
  Flex,
  Grid,
  Pagination,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { alertTypes, type Alert, type AlertType } from '../../../core/analytics/analytics.contract';
import { scopeKindOf } from '../../../core/auth/roles';
import { AccountSelect } from '../../components/AccountSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { formatChange } from '../../components/MeasureValue';
import { PageHeader } from '../../components/PageHeader';
import { RepSelect } from '../../components/RepSelect';
import { StoreSelect } from '../../components/StoreSelect';
import { useUrlTable } from '../../components/useUrlTable';
import { useEnumLabel } from '../../lib/enums';
import { formatNumber, formatYuan } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCurrentUser } from '../../lib/session';
import { useTableUrlState } from '../../lib/url-state';
import { ALERTS_LIMIT, useAlerts } from './alerts.api';

const FILTER_KEYS = ['type', 'accountId', 'storeId', 'repId'] as const;
const typeColors: Record<AlertType, string> = {
  out_of_stock: 'red',
  low_stock: 'orange',
  no_sales: 'purple',
  decline: 'gold',
};

/** A figure of an alert's detail in words: amounts in yuan, changes with their sign, counts rounded. */
function formatDetailValue(key: string, value: string | number | null): string {
  if (value == null) return '—';
  if (typeof value === 'string') return value;
  if (/Fen$/.test(key)) return formatYuan(value, currentLocale());
  if (/change|ratio|share/i.test(key)) return formatChange(value);
  return formatNumber(Math.round(value * 10) / 10, currentLocale());
}

/** A count beside a type's name, as plain text so that it reads (and copies) as a number. */
function Count({ value, testId }: { value: number | undefined; testId?: string }) {
  if (value === undefined) return null;
  return (
    <span
      data-testid={testId}
      style={{ marginInlineStart: 6, padding: '0 6px', borderRadius: 10, background: 'rgba(0,0,0,0.06)' }}
    >
      {formatNumber(value, currentLocale())}
    </span>
  );
}

function AlertFigures({ detail }: { detail: Alert['detail'] }) {
  const { t } = useTranslation('alerts');
  // A figure the server could not know (null) says nothing; leave it out.
  const entries = Object.entries(detail).filter(([, value]) => value !== null);
  if (!entries.length) return <>—</>;
  return (
    <Flex wrap gap={4} component="span">
      {entries.map(([key, value]) => (
        <Tag key={key} bordered={false} style={{ marginInlineEnd: 0 }}>
          {t(`detail.${key}`, { defaultValue: key })} {formatDetailValue(key, value)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * Alerts to act on: out of stock, low stock, no sales for longer than usual, sharp decline. The type chips
 * show how many of each the other filters leave; every filter is in the URL, so the dashboard can link here.
 */
export function AlertsPage() {
  const { t } = useTranslation('alerts');
  const label = useEnumLabel();
  const user = useCurrentUser();
  const isPhone = !Grid.useBreakpoint().md;
  const { state, update } = useTableUrlState(FILTER_KEYS, 50);
  const { accountId, storeId, repId } = state.filters;
  const list = useAlerts(useMemo(() => ({ accountId, storeId, repId }), [accountId, storeId, repId]));
  const chosenTypes = csvValues(state.filters.type) as AlertType[];
  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const counts = useMemo(() => {
    const byType = Object.fromEntries(alertTypes.map((type) => [type, 0])) as Record<AlertType, number>;
    for (const alert of all) byType[alert.type] += 1;
    return byType;
  }, [all]);
  const shown = useMemo(
    () => (chosenTypes.length ? all.filter((alert) => chosenTypes.includes(alert.type)) : all),
    // chosenTypes is rebuilt each render from the URL value
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [all, state.filters.type],
  );
  const pageItems = shown.slice((state.page - 1) * state.pageSize, state.page * state.pageSize);
  const table = useUrlTable<Alert>(state, update, shown.length);
  const isTruncated = (list.data?.total ?? 0) > all.length;
  const size = isPhone ? 'large' : 'middle';
  const setFilter = (key: (typeof FILTER_KEYS)[number], value: string | number | null | undefined) =>
    update({ filters: { [key]: value == null || value === '' ? undefined : String(value) } });

  function toggleType(type: AlertType) {
    const next = chosenTypes.includes(type)
      ? chosenTypes.filter((chosen) => chosen !== type)
      : alertTypes.filter((value) => value === type || chosenTypes.includes(value));
    setFilter('type', next.join(','));
  }

  const allCount = list.data?.total;
  const typeChips = (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} role="group" aria-label={t('field.type')}>
      <Button
        size={size}
        type={chosenTypes.length === 0 ? 'primary' : 'default'}
        aria-pressed={chosenTypes.length === 0}
        onClick={() => setFilter('type', undefined)}
        data-testid="alerts-type-all"
      >
        {t('allTypes')} <Count value={allCount} />
      </Button>
      {alertTypes.map((type) => (
        <Button
          key={type}
          size={size}
          type={chosenTypes.includes(type) ? 'primary' : 'default'}
          aria-pressed={chosenTypes.includes(type)}
          onClick={() => toggleType(type)}
          data-testid={`alerts-type-${type}`}
        >
          {label('alertType', type)}
          <Count value={list.data ? counts[type] : undefined} testId={`alerts-count-${type}`} />
        </Button>
      ))}
    </Flex>
  );

  const storeLink = (alert: Alert) => (
    <Link to={`/stores/${alert.storeId}`}>
      {alert.storeName}
      <Typography.Text type="secondary"> {alert.storeCode}</Typography.Text>
    </Link>
  );
  const skuLink = (alert: Alert) => (
    <Link to={`/skus/${alert.skuId}`}>
      {alert.skuName}
      <Typography.Text type="secondary"> {alert.skuCode}</Typography.Text>
    </Link>
  );
  const typeTag = (type: AlertType) => (
    <Tag color={typeColors[type]} style={{ marginInlineEnd: 0 }}>
      {label('alertType', type)}
    </Tag>
  );
  const keyOf = (alert: Alert) => `${alert.type}-${alert.storeId}-${alert.skuId}`;

  const columns: TableColumnsType<Alert> = [
    { title: t('field.type'), dataIndex: 'type', key: 'type', width: 110, render: typeTag },
    { title: t('field.store'), key: 'store', render: (_value, alert) => storeLink(alert) },
    { title: t('field.account'), dataIndex: 'accountName', key: 'accountName' },
    { title: t('field.sku'), key: 'sku', render: (_value, alert) => skuLink(alert) },
    {
      title: t('field.figures'),
      dataIndex: 'detail',
      key: 'detail',
      render: (detail: Alert['detail']) => <AlertFigures detail={detail} />,
    },
    {
      title: t('field.since'),
      dataIndex: 'since',
      key: 'since',
      render: (since: string | null) => since ?? '—',
    },
  ];

  const filters = [
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
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={`${t(`scope.${scopeKindOf(user.role)}`)}${isPhone ? '' : ` · ${t('subtitle')}`}`}
      />
      {typeChips}
      <FilterBar
        filtersLabel={t('filters')}
        activeCount={[storeId, repId].filter(Boolean).length}
        search={
          <AccountSelect
            mode="multiple"
            allowClear
            size={size}
            placeholder={t('field.account')}
            aria-label={t('field.account')}
            data-testid="filter-accountId"
            value={csvValues(accountId).map(Number)}
            onChange={(ids) => setFilter('accountId', ((ids as number[] | null) ?? []).join(','))}
            style={{ width: isPhone ? '100%' : 220 }}
          />
        }
        filters={filters}
      />
      <ErrorAlert error={list.error} />
      {isTruncated && (
        <AntAlert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('truncated', { total: list.data?.total, shown: ALERTS_LIMIT })}
        />
      )}
      {isPhone ? (
        <Spin spinning={list.isFetching}>
          <Flex vertical gap={8} data-testid="alerts-cards">
            {list.data && shown.length === 0 && <Empty />}
            {pageItems.map((alert) => (
              <Card key={keyOf(alert)} size="small">
                <Flex gap={8} align="center" wrap>
                  {typeTag(alert.type)}
                  <span style={{ fontSize: 16 }}>{storeLink(alert)}</span>
                </Flex>
                <div style={{ margin: '6px 0' }}>{skuLink(alert)}</div>
                <AlertFigures detail={alert.detail} />
                {alert.since && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                    {t('field.since')} {alert.since} · {alert.accountName}
                  </Typography.Text>
                )}
              </Card>
            ))}
            <Pagination
              simple
              align="center"
              current={state.page}
              pageSize={state.pageSize}
              total={shown.length}
              onChange={(page) => update({ page })}
            />
          </Flex>
        </Spin>
      ) : (
        <div data-testid="alerts-table">
          <Table<Alert>
            rowKey={keyOf}
            columns={columns}
            dataSource={pageItems}
            loading={list.isFetching}
            pagination={table.pagination}
            onChange={table.onChange}
            scroll={{ x: 'max-content' }}
          />
        </div>
      )}
    </>
  );
}
