import { useState } from 'react';
import { Card, Checkbox, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Listing, Sku } from '../../../core/catalog/catalog.contract';
import { businessToday } from '../../../core/common/time';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { formatDate } from '../../lib/format';
import { useSkuListings } from './skus.api';

const PAGE_SIZE = 20;

/** The stores that list the SKU today (and, on request, those that delisted it), chain by chain. */
export function SkuListings({ sku }: { sku: Sku }) {
  const { t } = useTranslation('skus');
  const [includeDelisted, setIncludeDelisted] = useState(false);
  const paging = usePagedList(PAGE_SIZE);
  const today = businessToday();
  const listings = useSkuListings({
    skuId: sku.id,
    includeDelisted: includeDelisted ? 'true' : undefined,
    sort: 'accountName',
    limit: paging.limit,
    offset: paging.offset,
  });
  return (
    <Card
      size="small"
      title={t('listings.title')}
      extra={
        <Checkbox
          checked={includeDelisted}
          onChange={(event) => {
            setIncludeDelisted(event.target.checked);
            paging.setPage(1);
          }}
        >
          {t('listings.includeDelisted')}
        </Checkbox>
      }
    >
      <ErrorAlert error={listings.error} />
      <Table<Listing>
        data-testid="sku-listings"
        size="small"
        rowKey={(row) => `${row.storeId}:${row.listedOn}`}
        loading={listings.isFetching}
        dataSource={listings.data?.items}
        pagination={paging.pagination(listings.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('listings.empty')} />,
        }}
        columns={[
          {
            title: t('listings.store'),
            key: 'store',
            fixed: 'start',
            render: (_value, row) => <Link to={`/stores/${row.storeId}`}>{row.storeName}</Link>,
          },
          {
            title: t('listings.account'),
            dataIndex: 'accountName',
            render: (name: string, row) => <Link to={`/accounts/${row.accountId}`}>{name}</Link>,
          },
          { title: t('listings.listedOn'), dataIndex: 'listedOn', render: formatDate },
          { title: t('listings.delistedOn'), dataIndex: 'delistedOn', render: formatDate },
          {
            title: t('listings.status'),
            key: 'status',
            render: (_value, row) =>
              row.delistedOn && row.delistedOn <= today ? (
                <Tag>{t('listings.delisted')}</Tag>
              ) : (
                <Tag color="green">{t('listings.active')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
