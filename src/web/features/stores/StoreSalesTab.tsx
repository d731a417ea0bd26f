import { useMemo } from 'react';
import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SalesRow } from '../../../core/analytics/analytics.contract';
import { businessToday } from '../../../core/common/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChangeValue, formatPercent } from '../../components/MeasureValue';
import { measureOf, SalesTrendChart, useSalesTrend } from '../../components/SalesTrendChart';
import { formatNumber, formatWan, formatYuan } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useStoreSales } from './stores.api';

/** A store's sell-out: 13 months against last year, this month against last year and target, its top SKUs. */
export function StoreSalesTab({ storeId }: { storeId: number }) {
  const { t } = useTranslation('stores');
  const locale = currentLocale();
  const today = businessToday();
  const month = { from: `${today.slice(0, 7)}-01`, to: today };
  const trend = useSalesTrend({ storeId });
  const names = useMemo(() => ({ current: t('sales.current'), previous: t('sales.previous') }), [t]);
  const thisMonth = useStoreSales({
    measures: 'amount,units,target,achievement',
    compare: 'yoy',
    storeId,
    ...month,
  });
  const topSkus = useStoreSales({
    measures: 'amount,units',
    by: 'sku',
    compare: 'yoy',
    order: '-amount',
    limit: 10,
    storeId,
    ...month,
  });

  const totals = thisMonth.data?.totals;
  const previous = thisMonth.data?.compareTotals;
  const amount = totals?.amount ?? null;
  const target = totals?.target ?? null;
  const achievement = totals?.achievement ?? (amount != null && target ? amount / target : null);
  const yoy = amount != null && previous?.amount ? (amount - previous.amount) / previous.amount : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('sales.thisMonth', month)}>
        <ErrorAlert error={thisMonth.error} />
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sales.amount')}
              loading={thisMonth.isLoading}
              value={formatWan(amount, locale)}
              valueRender={(node) => <span data-testid="store-month-amount">{node}</span>}
            />
            <ChangeValue value={yoy} style={{ fontSize: 12 }} />{' '}
            <Typography.Text type="secondary">{t('sales.yoy')}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sales.units')}
              loading={thisMonth.isLoading}
              value={formatNumber(totals?.units ?? null, locale)}
            />
          </Col>
          <Col xs={24} md={12}>
            {target ? (
              <>
                <Typography.Text type="secondary">
                  {t('sales.achievement')} · {t('sales.target')} {formatWan(target, locale)}
                </Typography.Text>
                <Progress
                  percent={Math.round((achievement ?? 0) * 1000) / 10}
                  status={(achievement ?? 0) >= 1 ? 'success' : 'active'}
                  format={() => formatPercent(achievement)}
                  data-testid="store-month-achievement"
                />
              </>
            ) : (
              !thisMonth.isLoading && (
                <Typography.Text type="secondary">{t('sales.noTarget')}</Typography.Text>
              )
            )}
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('sales.trend')}>
        <ErrorAlert error={trend.error} />
        {trend.isLoading && <Skeleton active />}
        {trend.data && trend.data.rows.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.empty')} />
        )}
        {trend.data && trend.data.rows.length > 0 && (
          <SalesTrendChart
            rows={trend.data.rows}
            range={trend.range}
            names={names}
            ariaLabel={t('sales.trend')}
          />
        )}
      </Card>
      <Card size="small" title={t('sales.topSkus')}>
        <ErrorAlert error={topSkus.error} />
        <Table<SalesRow>
          size="small"
          data-testid="store-top-skus"
          rowKey={(row) => String(row.skuId)}
          loading={topSkus.isLoading}
          dataSource={topSkus.data?.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.empty')} />,
          }}
          columns={[
            {
              title: t('sales.sku'),
              key: 'sku',
              fixed: 'start',
              render: (_value, row) => (
                <Link to={`/skus/${String(row.skuId)}`}>
                  {String(row.skuCode)} {String(row.skuName)}
                </Link>
              ),
            },
            {
              title: t('sales.amount'),
              key: 'amount',
              align: 'right',
              render: (_value, row) => formatYuan(measureOf(row, 'amount'), locale),
            },
            {
              title: t('sales.units'),
              key: 'units',
              align: 'right',
              render: (_value, row) => formatNumber(measureOf(row, 'units'), locale),
            },
            {
              title: t('sales.yoy'),
              key: 'yoy',
              align: 'right',
              render: (_value, row) => <ChangeValue value={row.change?.amount ?? null} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
