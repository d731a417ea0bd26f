import { useMemo, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Progress,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { SalesRow } from '../../../core/analytics/analytics.contract';
import type { DistributionRow, Sku } from '../../../core/catalog/catalog.contract';
import type { ListResponse } from '../../../core/common/list';
import { addDays, businessToday } from '../../../core/common/time';
import { AccountSelect } from '../../components/AccountSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyEChart } from '../../components/LazyEChart';
import { ChangeValue, formatPercent } from '../../components/MeasureValue';
import { measureOf, SalesTrendChart, useSalesTrend } from '../../components/SalesTrendChart';
import { api } from '../../lib/api';
import { formatNumber, formatWan, formatYuan } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { launchChart } from './sku-charts';
import { isSalesPeriod, periodRange, salesPeriods, type SalesPeriod } from './sales-periods';
import { useDistribution, useLaunch, useSales } from './skus.api';

/** A product counts as new for a year after its launch: that is when the launch view says something. */
const NEW_FOR_DAYS = 365;
const MAX_ACCOUNTS = 30;

export function SkuSales({ sku }: { sku: Sku }) {
  const { t } = useTranslation('skus');
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const period: SalesPeriod = isSalesPeriod(params.get('period'))
    ? (params.get('period') as SalesPeriod)
    : 'thisMonth';
  const range = periodRange(period);
  const today = businessToday();
  const isNew =
    sku.status === 'planned' || (sku.launchedOn !== null && sku.launchedOn >= addDays(today, -NEW_FOR_DAYS));

  return (
    <>
      <SkuTrend skuId={sku.id} />
      <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('period.label')}</Typography.Text>
        <Segmented<SalesPeriod>
          size={isPhone ? 'large' : 'middle'}
          value={period}
          options={salesPeriods.map((value) => ({ value, label: t(`period.${value}`) }))}
          onChange={(value) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (value === 'thisMonth') next.delete('period');
                else next.set('period', value);
                return next;
              },
              { replace: true },
            )
          }
          data-testid="sku-period"
        />
        <Typography.Text type="secondary">
          {range.from} ~ {range.to}
        </Typography.Text>
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <TopStores skuId={sku.id} range={range} />
        </Col>
        <Col xs={24} lg={12}>
          <Distribution skuId={sku.id} range={range} />
        </Col>
        {isNew && (
          <Col xs={24}>
            <LaunchProgress sku={sku} />
          </Col>
        )}
      </Row>
    </>
  );
}

function SkuTrend({ skuId }: { skuId: number }) {
  const { t } = useTranslation('skus');
  const trend = useSalesTrend({ skuId });
  const locale = currentLocale();
  const names = useMemo(() => ({ current: t('trend.current'), previous: t('trend.previous') }), [t]);
  const rows = trend.data?.rows ?? [];
  const total = trend.data?.totals.amount ?? null;
  const previous = trend.data?.compareTotals?.amount ?? null;
  return (
    <Card
      size="small"
      title={t('trend.title')}
      style={{ marginBottom: 16 }}
      extra={
        trend.data && (
          <Flex gap={8} align="baseline">
            <Typography.Text strong data-testid="sku-trend-total">
              {formatWan(total, locale)}
            </Typography.Text>
            <ChangeValue value={total != null && previous ? (total - previous) / previous : null} />
          </Flex>
        )
      }
    >
      <ErrorAlert error={trend.error} />
      {trend.isLoading && <Skeleton active />}
      {trend.data && rows.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trend.empty')} />
      )}
      {rows.length > 0 && (
        <SalesTrendChart rows={rows} range={trend.range} names={names} ariaLabel={t('trend.title')} />
      )}
    </Card>
  );
}

function TopStores({ skuId, range }: { skuId: number; range: { from: string; to: string } }) {
  const { t } = useTranslation('skus');
  const locale = currentLocale();
  const sales = useSales({
    measures: 'amount,units',
    by: 'store',
    compare: 'yoy',
    order: '-amount',
    limit: 10,
    skuId,
    ...range,
  });
  return (
    <Card size="small" title={t('topStores.title')} style={{ height: '100%' }}>
      <ErrorAlert error={sales.error} />
      <Table<SalesRow>
        size="small"
        data-testid="sku-top-stores"
        rowKey={(row) => String(row.storeId)}
        loading={sales.isLoading}
        dataSource={sales.data?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('topStores.store'),
            key: 'store',
            render: (_value, row) => (
              <Link to={`/stores/${String(row.storeId)}`}>{String(row.storeName)}</Link>
            ),
          },
          {
            title: t('topStores.amount'),
            key: 'amount',
            align: 'right',
            render: (_value, row) => formatYuan(measureOf(row, 'amount'), locale),
          },
          {
            title: t('topStores.units'),
            key: 'units',
            align: 'right',
            render: (_value, row) => formatNumber(measureOf(row, 'units'), locale),
          },
          {
            title: t('topStores.yoy'),
            key: 'yoy',
            align: 'right',
            render: (_value, row) => <ChangeValue value={row.change?.amount ?? null} />,
          },
        ]}
      />
    </Card>
  );
}

function ShareBar({ value, testId }: { value: number | null; testId?: string }) {
  return (
    <Flex align="center" gap={8} style={{ minWidth: 120 }}>
      <Progress percent={value == null ? 0 : Math.round(value * 1000) / 10} showInfo={false} size="small" />
      <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {formatPercent(value)}
      </span>
    </Flex>
  );
}

/** The share of target stores that list the SKU and that sold it, overall and account by account. */
function Distribution({ skuId, range }: { skuId: number; range: { from: string; to: string } }) {
  const { t } = useTranslation('skus');
  const locale = currentLocale();
  const overall = useDistribution({ skuId, ...range });
  const accounts = useQuery({
    queryKey: ['accounts', { sort: 'name', limit: MAX_ACCOUNTS }],
    queryFn: () => api.get<ListResponse<Account>>('/api/accounts', { sort: 'name', limit: MAX_ACCOUNTS }),
    staleTime: 5 * 60_000,
  });
  const byAccount = useDistributionByAccount(skuId, range, accounts.data?.items ?? []);
  const row = overall.data?.rows[0];
  return (
    <Card size="small" title={t('distribution.title')} style={{ height: '100%' }}>
      <ErrorAlert error={overall.error} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('distribution.hint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12}>
          <Statistic
            title={t('distribution.listed')}
            loading={overall.isLoading}
            value={formatPercent(row?.listedShare ?? null)}
            valueRender={(node) => <span data-testid="sku-listed-share">{node}</span>}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatNumber(row?.listedStores ?? 0, locale)} / {formatNumber(row?.targetStores ?? 0, locale)}
          </Typography.Text>
        </Col>
        <Col xs={12}>
          <Statistic
            title={t('distribution.sold')}
            loading={overall.isLoading}
            value={formatPercent(row?.soldShare ?? null)}
            valueRender={(node) => <span data-testid="sku-sold-share">{node}</span>}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatNumber(row?.soldStores ?? 0, locale)} / {formatNumber(row?.targetStores ?? 0, locale)}
          </Typography.Text>
        </Col>
      </Row>
      <Table<{ account: Account; row: DistributionRow | undefined }>
        style={{ marginTop: 12 }}
        size="small"
        title={() => t('distribution.byAccount')}
        rowKey={(item) => item.account.id}
        loading={accounts.isLoading}
        dataSource={byAccount.filter((item) => (item.row?.targetStores ?? 0) > 0)}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('distribution.empty')} />,
        }}
        columns={[
          {
            title: t('distribution.account'),
            key: 'account',
            render: (_value, item) => <Link to={`/accounts/${item.account.id}`}>{item.account.name}</Link>,
          },
          {
            title: t('distribution.targetStores'),
            key: 'target',
            align: 'right',
            render: (_value, item) => formatNumber(item.row?.targetStores ?? 0, locale),
          },
          {
            title: t('distribution.listed'),
            key: 'listed',
            render: (_value, item) => <ShareBar value={item.row?.listedShare ?? null} />,
          },
          {
            title: t('distribution.sold'),
            key: 'sold',
            render: (_value, item) => <ShareBar value={item.row?.soldShare ?? null} />,
          },
        ]}
      />
    </Card>
  );
}

/**
 * The distribution API answers per SKU, not per account, so each account is one request (accounts are few:
 * a supplier sells into tens of chains, not thousands).
 */
function useDistributionByAccount(skuId: number, range: { from: string; to: string }, accounts: Account[]) {
  const results = useQueries({
    queries: accounts.map((account) => {
      const query = { skuId, accountId: account.id, ...range };
      return {
        queryKey: ['distribution', query],
        queryFn: () => api.get<{ rows: DistributionRow[] }>('/api/analytics/distribution', query),
        staleTime: 60_000,
      };
    }),
  });
  return accounts.map((account, index) => ({ account, row: results[index]?.data?.rows[0] }));
}

function LaunchProgress({ sku }: { sku: Sku }) {
  const { t } = useTranslation('skus');
  const isPhone = !Grid.useBreakpoint().md;
  const locale = currentLocale();
  const [accountId, setAccountId] = useState<number | null>(null);
  const to = businessToday();
  const from = sku.launchedOn && sku.launchedOn < to ? sku.launchedOn : undefined;
  const launch = useLaunch(sku.id, { from, to, accountId: accountId ?? undefined }, true);
  const option = useMemo(
    () =>
      launch.data
        ? launchChart(launch.data, {
            listed: t('launch.listed'),
            selling: t('launch.selling'),
            target: t('launch.target'),
          })
        : null,
    [launch.data, t],
  );
  const last = launch.data?.weeks.at(-1);
  const target = launch.data?.targetStores ?? 0;
  return (
    <Card
      size="small"
      title={t('launch.title')}
      data-testid="sku-launch"
      extra={
        <AccountSelect
          allowClear
          size="small"
          placeholder={t('launch.allAccounts')}
          aria-label={t('distribution.account')}
          value={accountId}
          onChange={(value) => setAccountId(typeof value === 'number' ? value : null)}
          style={{ width: isPhone ? 140 : 180 }}
        />
      }
    >
      <ErrorAlert error={launch.error} />
      {launch.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('launch.hint', { count: target })}
          {last &&
            target > 0 &&
            ` · ${t('launch.latest', {
              listed: formatNumber(last.listedStores, locale),
              listedShare: formatPercent(last.listedStores / target),
              selling: formatNumber(last.sellingStores, locale),
              sellingShare: formatPercent(last.sellingStores / target),
            })}`}
        </Typography.Paragraph>
      )}
      {launch.isLoading && <Skeleton active />}
      {option && <LazyEChart option={option} height={260} ariaLabel={t('launch.title')} />}
    </Card>
  );
}
