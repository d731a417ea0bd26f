import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, Form, Grid, Modal, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Listing } from '../../../core/catalog/catalog.contract';
import { addDays, businessToday } from '../../../core/common/time';
import { DateStringPicker } from '../../components/DateStringPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePagedList } from '../../components/usePagedList';
import { SkuSelect } from '../../components/SkuSelect';
import { formatDate } from '../../lib/format';
import { useCan } from '../../lib/session';
import { useSaveListing, useStoreListings } from './stores.api';

const PAGE_SIZE = 50;

/** The SKUs a store carries, with their listing dates; those who manage listings add and delist here. */
export function StoreListingsTab({ storeId }: { storeId: number }) {
  const { t } = useTranslation('stores');
  const isPhone = !Grid.useBreakpoint().md;
  const canWrite = useCan('writeListings');
  const today = businessToday();
  const [includeDelisted, setIncludeDelisted] = useState(false);
  const paging = usePagedList(PAGE_SIZE);
  const [adding, setAdding] = useState(false);
  const [delisting, setDelisting] = useState<Listing | null>(null);
  const listings = useStoreListings({
    storeId,
    includeDelisted: includeDelisted ? 'true' : undefined,
    sort: 'skuCode',
    limit: paging.limit,
    offset: paging.offset,
  });
  const isActive = (row: Listing) => !row.delistedOn || row.delistedOn > today;
  const listedIds = useMemo(
    () => new Set((listings.data?.items ?? []).filter(isActive).map((row) => row.skuId)),
    // isActive only reads today, which changes with the data's day anyway
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [listings.data],
  );

  return (
    <Card
      size="small"
      title={t('listing.title')}
      extra={
        <Flex gap={8} align="center" wrap>
          <Checkbox
            checked={includeDelisted}
            onChange={(event) => {
              setIncludeDelisted(event.target.checked);
              paging.setPage(1);
            }}
          >
            {t('listing.includeDelisted')}
          </Checkbox>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              size={isPhone ? 'large' : 'middle'}
              onClick={() => setAdding(true)}
              data-testid="store-add-listing"
            >
              {t('listing.add')}
            </Button>
          )}
        </Flex>
      }
    >
      <ErrorAlert error={listings.error} />
      <Table<Listing>
        size="small"
        data-testid="store-listings"
        rowKey={(row) => `${row.skuId}:${row.listedOn}`}
        loading={listings.isFetching}
        dataSource={listings.data?.items}
        pagination={paging.pagination(listings.data?.total)}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('listing.empty')} />,
        }}
        columns={[
          {
            title: t('listing.sku'),
            key: 'sku',
            fixed: 'start',
            render: (_value, row) => (
              <Link to={`/skus/${row.skuId}`}>
                {row.skuCode} {row.skuName}
              </Link>
            ),
          },
          { title: t('listing.listedOn'), dataIndex: 'listedOn', render: formatDate },
          { title: t('listing.delistedOn'), dataIndex: 'delistedOn', render: formatDate },
          {
            title: t('listing.status'),
            key: 'status',
            render: (_value, row) =>
              isActive(row) ? (
                <Tag color="green">{t('listing.active')}</Tag>
              ) : (
                <Tag>{t('listing.delisted')}</Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  render: (_value: unknown, row: Listing) =>
                    !row.delistedOn ? (
                      <Button size="small" danger onClick={() => setDelisting(row)}>
                        {t('listing.delist')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <AddListingModal
        open={adding}
        storeId={storeId}
        listedIds={listedIds}
        onClose={() => setAdding(false)}
      />
      <DelistModal listing={delisting} onClose={() => setDelisting(null)} />
    </Card>
  );
}

function AddListingModal({
  open,
  storeId,
  listedIds,
  onClose,
}: {
  open: boolean;
  storeId: number;
  listedIds: ReadonlySet<number>;
  onClose: () => void;
}) {
  const { t } = useTranslation('stores');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ skuId: number | null; listedOn: string | null }>();
  const save = useSaveListing();
  const required = (field: string) => [
    { required: true, message: t('listing.required', { field: t(`listing.${field}`) }) },
  ];
  return (
    <Modal
      open={open}
      title={t('listing.addTitle')}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'listing-save' }}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ skuId: null, listedOn: businessToday() }}
        onFinish={(values) =>
          save.mutate(
            { storeId, skuId: values.skuId!, listedOn: values.listedOn!, delistedOn: null },
            {
              onSuccess: () => {
                message.success(t('common:saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item name="skuId" label={t('listing.sku')} rules={required('sku')}>
          <SkuSelect isOwn excludeIds={listedIds} placeholder={t('listing.sku')} data-testid="listing-sku" />
        </Form.Item>
        <Form.Item name="listedOn" label={t('listing.listedOn')} rules={required('listedOn')}>
          <DateStringPicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Delisting is the listing's upsert with the first day it is no longer sold (after the listing date). */
function DelistModal({ listing, onClose }: { listing: Listing | null; onClose: () => void }) {
  const { t } = useTranslation('stores');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ delistedOn: string | null }>();
  const save = useSaveListing();
  const today = businessToday();
  const earliest = listing ? addDays(listing.listedOn, 1) : today;
  return (
    <Modal
      open={listing !== null}
      title={listing ? t('listing.delistTitle', { name: listing.skuName }) : ''}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true, loading: save.isPending, 'data-testid': 'delist-save' }}
      okText={t('listing.delist')}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ delistedOn: today > earliest ? today : earliest }}
        onFinish={(values) =>
          listing &&
          save.mutate(
            {
              storeId: listing.storeId,
              skuId: listing.skuId,
              listedOn: listing.listedOn,
              delistedOn: values.delistedOn,
            },
            {
              onSuccess: () => {
                message.success(t('common:saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="delistedOn"
          label={t('listing.delistedOn')}
          extra={<Typography.Text type="secondary">{t('listing.delistedOnHint')}</Typography.Text>}
          rules={[{ required: true, message: t('listing.required', { field: t('listing.delistedOn') }) }]}
        >
          <DateStringPicker
            style={{ width: '100%' }}
            disabledDate={(date) => date.format('YYYY-MM-DD') < earliest}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
