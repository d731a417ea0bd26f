import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StockRow } from '../../../core/analytics/analytics.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useStoreStock } from './stores.api';

/** Under a week of stock is worth a look on the next visit; the order suggestions use the account's own cover. */
const LOW_DAYS = 7;

const isOutOfStock = (row: StockRow) => row.onHand !== null && row.onHand <= 0;
const isLow = (row: StockRow) =>
  !isOutOfStock(row) && row.daysOfSupply !== null && row.daysOfSupply < LOW_DAYS;

/** Per SKU: on hand at the last count, average daily sell-out and days of supply; out of stock in red. */
export function StoreStockTab({ storeId }: { storeId: number }) {
  const { t } = useTranslation('stores');
  const locale = currentLocale();
  const stock = useStoreStock(storeId);
  const rows = stock.data?.items ?? [];
  const outCount = rows.filter(isOutOfStock).length;
  const lowCount = rows.filter(isLow).length;

  return (
    <Card
      size="small"
      title={t('stock.title')}
      extra={
        stock.data && (
          <Typography.Text type="secondary" data-testid="store-stock-summary">
            {t('stock.summary', { total: rows.length, out: outCount, low: lowCount, days: LOW_DAYS })}
          </Typography.Text>
        )
      }
    >
      <ErrorAlert error={stock.error} />
      <Table<StockRow>
        size="small"
        data-testid="store-stock"
        rowKey="skuId"
        loading={stock.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ style: isOutOfStock(row) ? { background: '#fff1f0' } : undefined })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stock.empty')} /> }}
        columns={[
          {
            title: t('stock.sku'),
            key: 'sku',
            fixed: 'start',
            render: (_value, row) => (
              <Space size={4} wrap>
                <Link to={`/skus/${row.skuId}`}>
                  {row.skuCode} {row.skuName}
                </Link>
                {!row.isListed && <Tag>{t('stock.notListed')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('stock.onHand'),
            dataIndex: 'onHand',
            align: 'right',
            render: (onHand: number | null, row) =>
              onHand === null ? (
                <Typography.Text type="secondary">{t('stock.noCount')}</Typography.Text>
              ) : isOutOfStock(row) ? (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  {formatNumber(onHand, locale)} · {t('stock.outOfStock')}
                </Tag>
              ) : (
                formatNumber(onHand, locale)
              ),
          },
          {
            title: t('stock.daysOfSupply'),
            dataIndex: 'daysOfSupply',
            align: 'right',
            render: (days: number | null, row) => {
              if (row.onHand === null) return '—';
              if (days === null)
                return <Typography.Text type="secondary">{t('stock.notSelling')}</Typography.Text>;
              const text = t('stock.days', { value: formatNumber(Math.round(days * 10) / 10, locale) });
              if (isOutOfStock(row)) return <Typography.Text type="danger">{text}</Typography.Text>;
              if (isLow(row))
                return (
                  <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                    {text} · {t('stock.low')}
                  </Tag>
                );
              return text;
            },
          },
          {
            title: t('stock.averageDailyUnits'),
            dataIndex: 'averageDailyUnits',
            align: 'right',
            render: (units: number) => formatNumber(Math.round(units * 10) / 10, locale),
          },
          { title: t('stock.onHandDate'), dataIndex: 'onHandDate', render: formatDate },
        ]}
      />
    </Card>
  );
}
