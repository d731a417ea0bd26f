import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StockRow } from '../../../core/analytics/analytics.contract';
import type { Sku } from '../../../core/catalog/catalog.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { formatDate, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useSkuStock } from './skus.api';

const PAGE_SIZE = 20;
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Where the SKU is about to run out: each store's latest count, daily sell-out and days of supply, the tightest
 * first (out of stock at the top), so a KA manager sees which stores to call before the shelf is empty.
 */
export function SkuStock({ sku }: { sku: Sku }) {
  const { t } = useTranslation('skus');
  const locale = currentLocale();
  const paging = usePagedList(PAGE_SIZE);
  const stock = useSkuStock({
    skuId: sku.id,
    sort: 'daysOfSupply',
    limit: paging.limit,
    offset: paging.offset,
  });
  return (
    <Card
      size="small"
      title={t('stock.title')}
      style={{ marginBottom: 16 }}
      extra={
        stock.data && (
          <Typography.Text type="secondary" data-testid="sku-stock-summary">
            {t('stock.summary', { total: formatNumber(stock.data.total, locale) })}
          </Typography.Text>
        )
      }
    >
      <ErrorAlert error={stock.error} />
      <Table<StockRow>
        data-testid="sku-stock"
        size="small"
        rowKey="storeId"
        loading={stock.isFetching}
        dataSource={stock.data?.items}
        pagination={paging.pagination(stock.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.empty')} /> }}
        columns={[
          {
            title: t('stock.store'),
            key: 'store',
            fixed: 'start',
            render: (_value, row) => (
              <>
                <Link to={`/stores/${row.storeId}`}>{row.storeName}</Link>
                <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                  {row.accountName}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('stock.onHand'),
            dataIndex: 'onHand',
            align: 'right',
            render: (onHand: number | null) =>
              onHand === null ? (
                '—'
              ) : onHand <= 0 ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {t('stock.outOfStock')}
                </Tag>
              ) : (
                formatNumber(onHand, locale)
              ),
          },
          {
            title: t('stock.daysOfSupply'),
            dataIndex: 'daysOfSupply',
            align: 'right',
            render: (days: number | null, row) =>
              row.onHand === null
                ? '—'
                : days === null
                  ? t('stock.notSelling')
                  : t('stock.days', { value: formatNumber(round1(days), locale) }),
          },
          {
            title: t('stock.averageDailyUnits'),
            dataIndex: 'averageDailyUnits',
            align: 'right',
            render: (units: number) => formatNumber(round1(units), locale),
          },
          { title: t('stock.countedOn'), dataIndex: 'onHandDate', render: formatDate },
        ]}
      />
    </Card>
  );
}
