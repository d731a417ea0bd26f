import { useMemo, useState, type ReactNode } from 'react';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Grid,
  Row,
  Segmented,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import { RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Alert, SalesResponse, SalesRow } from '../../../core/analytics/analytics.contract';
import { shiftMonths } from '../../../core/analytics/periods';
import { scopeKindOf } from '../../../core/auth/roles';
import { businessToday } from '../../../core/common/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterBar } from '../../components/FilterBar';
import { LazyEChart } from '../../components/LazyEChart';
import { changeOf, ChangeValue, formatMeasure, formatPercent } from '../../components/MeasureValue';
import { PageHeader } from '../../components/PageHeader';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useEnumLabel } from '../../lib/enums';
import { useCurrentUser } from '../../lib/session';
import { achievementBars, comparedBars, rankedChangeBars, trendChart } from './sales-charts';
import { useSalesFigures, useStockAlerts, type SalesApiQuery } from './sales.api';
import { fieldOf, filtersFromParams, measureOf, monthRange, type SalesFilterKey } from './sales-query';
import { SalesFilterControls } from './SalesFilterControls';

const FILTER_KEYS = [
  'accountId',
  'regionId',
  'city',
  'storeClass',
  'format',
  'brand',
] as const satisfies readonly SalesFilterKey[];
const CHART_HEIGHT = 280;
const RANK_ROW_HEIGHT = 26;
const STORE_CLASSES = ['A', 'B', 'C', null] as const;
const alertColors: Record<Alert['type'], string> = {
  out_of_stock: 'red',
  low_stock: 'orange',
  no_sales: 'purple',
  decline: 'gold',
};

const wan = (value: number | null) => formatMeasure('amount', value, { compact: true });

function ChartCard({
  title,
  extra,
  isEmpty,
  isLoading,
  testId,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  isEmpty: boolean;
  isLoading?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card
      title={title}
      extra={extra}
      size="small"
      loading={isLoading}
      styles={{ body: { padding: 12 } }}
      style={{ height: '100%' }}
      data-testid={testId}
    >
      {isEmpty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ margin: '48px 0' }} /> : children}
    </Card>
  );
}

function KpiCard({
  title,
  value,
  testId,
  loading,
  children,
}: {
  title: string;
  value: string;
  testId: string;
  loading: boolean;
  children?: ReactNode;
}) {
  return (
    <Card size="small" loading={loading} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div data-testid={testId} style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4 }}>
        {value}
      </div>
      <Flex wrap gap={4} justify="space-between" style={{ fontSize: 12 }}>
        {children}
      </Flex>
    </Card>
  );
}

/**
 * The sales dashboard for one month: KPIs against last year and target, the 13-month trend, the split by
 * account, store class and format, rankings of SKUs and stores, and the stock alerts to act on. Every filter
 * lives in the URL, so a shared link shows the same view; the server limits the figures to the user's scope.
 */
export function SalesDashboardPage() {
  const { t } = useTranslation('sales');
  const label = useEnumLabel();
  const user = useCurrentUser();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : today.slice(0, 7);
  const { from, to } = monthRange(month, today);
  const filterKey = FILTER_KEYS.map((key) => params.get(key) ?? '').join('&');
  const filters = useMemo(
    () => filtersFromParams(params, FILTER_KEYS),
    // the filters change only when one of their values does
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filterKey],
  );
  const scopeKind = scopeKindOf(user.role);
  // Account targets are for those who see whole chains; a manager's are per rep; a rep's own is the KPI.
  const achievementBy = scopeKind === 'all' ? 'account' : scopeKind === 'org_subtree' ? 'rep' : null;
  const [skuEnd, setSkuEnd] = useState<'top' | 'bottom'>('top');
  const [storeEnd, setStoreEnd] = useState<'top' | 'bottom'>('top');

  const queries = useMemo(() => {
    const base: SalesApiQuery = { ...filters, from, to };
    const ranking = (by: string, end: 'top' | 'bottom'): SalesApiQuery => ({
      ...base,
      measures: 'amount',
      by,
      compare: 'yoy',
      order: end === 'top' ? '-amount' : 'amount',
      limit: 10,
      ...(by === 'sku' ? { isOwn: 'true' } : {}),
    });
    return {
      kpi: {
        ...base,
        measures: 'amount,units,avgPrice,weekendShare,target,achievement',
        compare: 'yoy',
      },
      trend: {
        ...base,
        from: shiftMonths(from, -12),
        measures: 'amount',
        by: 'month',
        compare: 'yoy',
      },
      byAccount: { ...base, measures: 'amount', by: 'account', compare: 'yoy', order: '-amount', limit: 15 },
      byClass: { ...base, measures: 'amount', by: 'storeClass', compare: 'yoy' },
      byFormat: { ...base, measures: 'amount', by: 'format', compare: 'yoy', order: '-amount' },
      achievement: achievementBy && {
        ...base,
        measures: 'amount,target,achievement',
        by: achievementBy,
        order: '-target',
        limit: 15,
      },
      skus: ranking('sku', skuEnd),
      stores: ranking('store', storeEnd),
    } satisfies Record<string, SalesApiQuery | null>;
  }, [filters, from, to, skuEnd, storeEnd, achievementBy]);

  const kpi = useSalesFigures(queries.kpi);
  const trend = useSalesFigures(queries.trend);
  const byAccount = useSalesFigures(queries.byAccount);
  const byClass = useSalesFigures(queries.byClass);
  const byFormat = useSalesFigures(queries.byFormat);
  const achievement = useSalesFigures(queries.achievement);
  const skus = useSalesFigures(queries.skus);
  const stores = useSalesFigures(queries.stores);
  const alerts = useStockAlerts(filters.accountId, isPhone ? 5 : 8);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const totals = kpi.data?.totals;
  const compareTotals = kpi.data?.compareTotals;
  const comparisonRange = kpi.data?.meta.comparisonRange;
  const names = { current: t('dashboard.charts.thisYear'), previous: t('dashboard.charts.lastYear') };
  const classLabel = (value: string | number | null) => (value ? `${value}` : t('classNone'));

  const charts = useMemo(() => {
    const rowsOf = (response: SalesResponse | undefined) => response?.rows ?? [];
    const trendRows = rowsOf(trend.data);
    const accountRows = rowsOf(byAccount.data);
    const classRows = STORE_CLASSES.map((storeClass) =>
      rowsOf(byClass.data).find((row) => fieldOf(row, 'storeClass') === storeClass),
    );
    const formatRows = rowsOf(byFormat.data);
    const targetRows = rowsOf(achievement.data).filter((row) => (measureOf(row, 'target') ?? 0) > 0);
    return {
      trend: trendChart({
        periods: trendRows.map((row) => String(fieldOf(row, 'period'))),
        current: trendRows.map((row) => measureOf(row, 'amount')),
        // Nothing sold a year earlier is, for a chart, no history yet: a gap rather than a line along zero.
        previous: trendRows.map((row) => measureOf(row, 'amount', 'compare') || null),
        names,
        format: wan,
      }),
      accountRows,
      byAccount: rankedChangeBars({
        names: accountRows.map((row) => String(fieldOf(row, 'accountName'))),
        values: accountRows.map((row) => measureOf(row, 'amount')),
        changes: accountRows.map((row) => measureOf(row, 'amount', 'change')),
        seriesName: t('dashboard.kpi.amount'),
        format: wan,
      }),
      classRows,
      byClass: comparedBars({
        names: STORE_CLASSES.map(classLabel),
        current: classRows.map((row) => measureOf(row, 'amount') ?? 0),
        previous: classRows.map((row) => measureOf(row, 'amount', 'compare') ?? 0),
        seriesNames: names,
        format: wan,
      }),
      formatRows,
      byFormat: rankedChangeBars({
        names: formatRows.map((row) => label('storeFormat', String(fieldOf(row, 'format')))),
        values: formatRows.map((row) => measureOf(row, 'amount')),
        changes: formatRows.map((row) => measureOf(row, 'amount', 'change')),
        seriesName: t('dashboard.kpi.amount'),
        format: wan,
        color: '#36b37e',
      }),
      targetRows,
      achievement: achievementBars({
        names: targetRows.map((row) =>
          String(fieldOf(row, achievementBy === 'rep' ? 'repName' : 'accountName')),
        ),
        achievements: targetRows.map((row) => measureOf(row, 'achievement')),
        seriesName: t('dashboard.kpi.achievement'),
        targetName: t('dashboard.charts.targetLine'),
      }),
    };
    // label and names follow the language, which t() also tracks
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trend.data, byAccount.data, byClass.data, byFormat.data, achievement.data, achievementBy, t]);

  const rankColumns = (kind: 'sku' | 'store') => [
    {
      title: t('dashboard.columns.rank'),
      key: 'rank',
      width: 36,
      render: (_value: unknown, _row: SalesRow, index: number) => index + 1,
    },
    {
      title: t(`dashboard.columns.${kind}`),
      key: 'name',
      // a phone has no room to cut names short usefully: they wrap there
      ellipsis: !isPhone,
      render: (_value: unknown, row: SalesRow) => (
        <Link to={kind === 'sku' ? `/skus/${fieldOf(row, 'skuId')}` : `/stores/${fieldOf(row, 'storeId')}`}>
          {fieldOf(row, kind === 'sku' ? 'skuName' : 'storeName')}
          {/* SKUs of one name differ by pack size: the code tells them apart. */}
          {!isPhone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {fieldOf(row, kind === 'sku' ? 'skuCode' : 'storeCode')}
            </Typography.Text>
          )}
        </Link>
      ),
    },
    {
      title: t('dashboard.columns.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_value: unknown, row: SalesRow) => wan(measureOf(row, 'amount')),
    },
    {
      title: t('dashboard.columns.yoy'),
      key: 'yoy',
      align: 'right' as const,
      render: (_value: unknown, row: SalesRow) => <ChangeValue value={measureOf(row, 'amount', 'change')} />,
    },
  ];

  const rankingCard = (
    kind: 'sku' | 'store',
    result: ReturnType<typeof useSalesFigures>,
    end: 'top' | 'bottom',
    setEnd: (end: 'top' | 'bottom') => void,
  ) => (
    <ChartCard
      title={t(`dashboard.charts.${kind}s`)}
      testId={`sales-${kind}-ranking`}
      extra={
        <Segmented<'top' | 'bottom'>
          size="small"
          value={end}
          onChange={setEnd}
          options={[
            { value: 'top', label: t('dashboard.charts.top') },
            { value: 'bottom', label: t('dashboard.charts.bottom') },
          ]}
        />
      }
      isEmpty={false}
    >
      <Table<SalesRow>
        size="small"
        rowKey={(row) => String(fieldOf(row, kind === 'sku' ? 'skuId' : 'storeId'))}
        columns={rankColumns(kind)}
        dataSource={result.data?.rows}
        loading={result.isFetching}
        pagination={false}
      />
    </ChartCard>
  );

  const amountChange = changeOf(totals?.amount, compareTotals?.amount);
  const unitsChange = changeOf(totals?.units, compareTotals?.units);
  const alertsLink = `/alerts?type=out_of_stock,low_stock${filters.accountId ? `&accountId=${filters.accountId}` : ''}`;

  return (
    <div>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          <>
            {t(`scope.${scopeKind}`)} · {t('dashboard.range', { from, to })}
            {comparisonRange && ` · ${t('dashboard.compareRange', comparisonRange)}`}
          </>
        }
      />
      <FilterBar
        filtersLabel={t('filters.label')}
        activeCount={Object.keys(filters).length}
        search={
          <DatePicker
            picker="month"
            allowClear={false}
            inputReadOnly={isPhone}
            aria-label={t('filters.month')}
            data-testid="filter-month"
            value={dayjs(`${month}-01`)}
            disabledDate={(date) => date.format('YYYY-MM') > today.slice(0, 7)}
            onChange={(date) => setParam('month', date ? date.format('YYYY-MM') : undefined)}
            style={{ width: isPhone ? '100%' : 140 }}
            size={isPhone ? 'large' : 'middle'}
          />
        }
        filters={
          <SalesFilterControls
            keys={FILTER_KEYS}
            filters={filters}
            isPhone={isPhone}
            onChange={(key, value) => setParam(key, value)}
          />
        }
      />
      <ErrorAlert error={kpi.error ?? trend.error} />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <KpiCard
            title={t('dashboard.kpi.amount')}
            value={wan(totals?.amount ?? null)}
            testId="sales-kpi-amount"
            loading={kpi.isLoading}
          >
            <span>
              {t('dashboard.kpi.yoy')} <ChangeValue value={amountChange} data-testid="sales-kpi-yoy" />
            </span>
            <Typography.Text type="secondary">
              {t('dashboard.kpi.lastYear', { value: wan(compareTotals?.amount ?? null) })}
            </Typography.Text>
          </KpiCard>
        </Col>
        <Col xs={12} md={6}>
          <KpiCard
            title={t('dashboard.kpi.units')}
            value={formatMeasure('units', totals?.units)}
            testId="sales-kpi-units"
            loading={kpi.isLoading}
          >
            <span>
              {t('dashboard.kpi.yoy')} <ChangeValue value={unitsChange} />
            </span>
            <Typography.Text type="secondary">
              {t('dashboard.kpi.avgPrice', { value: formatMeasure('avgPrice', totals?.avgPrice) })}
            </Typography.Text>
          </KpiCard>
        </Col>
        <Col xs={12} md={6}>
          <KpiCard
            title={t('dashboard.kpi.achievement')}
            value={formatPercent(totals?.achievement)}
            testId="sales-kpi-achievement"
            loading={kpi.isLoading}
          >
            <Typography.Text type="secondary">
              {totals?.target
                ? t('dashboard.kpi.target', { value: wan(totals.target) })
                : t('dashboard.kpi.noTarget')}
            </Typography.Text>
          </KpiCard>
        </Col>
        <Col xs={12} md={6}>
          <KpiCard
            title={t('dashboard.kpi.weekendShare')}
            value={formatPercent(totals?.weekendShare)}
            testId="sales-kpi-weekend"
            loading={kpi.isLoading}
          >
            <Typography.Text type="secondary">
              {t('dashboard.kpi.lastYear', { value: formatPercent(compareTotals?.weekendShare) })}
            </Typography.Text>
          </KpiCard>
        </Col>

        <Col xs={24} lg={16}>
          <ChartCard
            title={t('dashboard.charts.trend')}
            isEmpty={!trend.isLoading && !trend.data?.rows.length}
            isLoading={trend.isLoading}
          >
            <div data-testid="sales-trend-chart">
              <LazyEChart
                option={charts.trend}
                height={CHART_HEIGHT}
                ariaLabel={t('dashboard.charts.trend')}
              />
            </div>
          </ChartCard>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={t('dashboard.stockout.title')}
            extra={
              <Link to={alertsLink}>
                {t('dashboard.stockout.viewAll', { count: alerts.data?.total ?? 0 })} <RightOutlined />
              </Link>
            }
            style={{ height: '100%' }}
            data-testid="sales-stockout-panel"
          >
            <ErrorAlert error={alerts.error} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.stockout.hint')}
            </Typography.Text>
            {alerts.isLoading ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : alerts.data?.items.length ? (
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {alerts.data.items.map((alert) => (
                  <li
                    key={`${alert.type}-${alert.storeId}-${alert.skuId}`}
                    style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
                  >
                    <Flex gap={6} align="center" wrap>
                      <Tag color={alertColors[alert.type]} style={{ marginInlineEnd: 0 }}>
                        {label('alertType', alert.type)}
                      </Tag>
                      <Link to={`/stores/${alert.storeId}`}>{alert.storeName}</Link>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <Link to={`/skus/${alert.skuId}`} style={{ color: 'inherit' }}>
                        {alert.skuName}
                      </Link>
                      {alert.since && ` · ${t('dashboard.stockout.since', { date: alert.since })}`}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.stockout.none')} />
            )}
          </Card>
        </Col>

        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.charts.byClass')}
            testId="sales-by-class"
            isEmpty={!byClass.isLoading && !byClass.data?.rows.length}
            isLoading={byClass.isLoading}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.charts.clickHint')}
              </Typography.Text>
            }
          >
            <LazyEChart
              option={charts.byClass}
              height={220}
              ariaLabel={t('dashboard.charts.byClass')}
              onItemClick={(event) => {
                const storeClass = STORE_CLASSES[event.dataIndex];
                if (storeClass) setParam('storeClass', storeClass);
              }}
            />
            <Table
              size="small"
              pagination={false}
              rowKey={(row) => String(row.storeClass)}
              dataSource={STORE_CLASSES.map((storeClass, index) => ({
                storeClass,
                row: charts.classRows[index],
              })).filter((item) => item.row)}
              columns={[
                {
                  title: t('dashboard.columns.storeClass'),
                  key: 'storeClass',
                  render: (_value, item) =>
                    item.storeClass ? <StoreClassTag value={item.storeClass} /> : t('classNone'),
                },
                {
                  title: t('dashboard.columns.amount'),
                  key: 'amount',
                  align: 'right',
                  render: (_value, item) => wan(measureOf(item.row, 'amount')),
                },
                {
                  title: t('dashboard.kpi.lastYear', { value: '' }).trim(),
                  key: 'compare',
                  align: 'right',
                  render: (_value, item) => wan(measureOf(item.row, 'amount', 'compare')),
                },
                {
                  title: t('dashboard.columns.yoy'),
                  key: 'yoy',
                  align: 'right',
                  render: (_value, item) => <ChangeValue value={measureOf(item.row, 'amount', 'change')} />,
                },
              ]}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ChartCard
            title={t('dashboard.charts.byFormat')}
            isEmpty={!byFormat.isLoading && !charts.formatRows.length}
            isLoading={byFormat.isLoading}
          >
            <LazyEChart
              option={charts.byFormat}
              height={Math.max(160, charts.formatRows.length * 36 + 24)}
              ariaLabel={t('dashboard.charts.byFormat')}
            />
          </ChartCard>
        </Col>

        <Col xs={24} lg={achievementBy ? 12 : 24}>
          <ChartCard
            title={t('dashboard.charts.byAccount')}
            isEmpty={!byAccount.isLoading && !charts.accountRows.length}
            isLoading={byAccount.isLoading}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dashboard.charts.clickHint')}
              </Typography.Text>
            }
          >
            <LazyEChart
              option={charts.byAccount}
              height={Math.max(160, charts.accountRows.length * RANK_ROW_HEIGHT + 24)}
              ariaLabel={t('dashboard.charts.byAccount')}
              onItemClick={(event) => {
                const id = fieldOf(charts.accountRows[event.dataIndex], 'accountId');
                if (id != null) setParam('accountId', String(id));
              }}
            />
          </ChartCard>
        </Col>
        {achievementBy && (
          <Col xs={24} lg={12}>
            <ChartCard
              title={t(`dashboard.charts.achievement.${achievementBy}`)}
              isEmpty={false}
              isLoading={achievement.isLoading}
            >
              {charts.targetRows.length ? (
                <LazyEChart
                  option={charts.achievement}
                  height={Math.max(160, charts.targetRows.length * RANK_ROW_HEIGHT + 24)}
                  ariaLabel={t(`dashboard.charts.achievement.${achievementBy}`)}
                />
              ) : (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('dashboard.charts.noTargets')}
                  style={{ margin: '48px 0' }}
                />
              )}
            </ChartCard>
          </Col>
        )}

        <Col xs={24} lg={12}>
          {rankingCard('sku', skus, skuEnd, setSkuEnd)}
        </Col>
        <Col xs={24} lg={12}>
          {rankingCard('store', stores, storeEnd, setStoreEnd)}
        </Col>
      </Row>
    </div>
  );
}
