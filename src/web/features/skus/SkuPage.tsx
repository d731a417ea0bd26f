import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Result, Space, Spin, Table } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ItemCode, Sku } from '../../../core/catalog/catalog.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatYuan } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { OwnershipTag, SkuStatusTag } from './sku-tags';
import { SkuFormDrawer } from './SkuFormDrawer';
import { SkuListings } from './SkuListings';
import { SkuStock } from './SkuStock';
import { SkuSales } from './SkuSales';
import { useDeleteSku, useItemCodes, useSku } from './skus.api';

/** `/skus/:id`: the SKU's profile and item codes, its sales, distribution and launch, and where it is listed. */
export function SkuPage() {
  const { t } = useTranslation('skus');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const skuId = Number(useParams().id);
  const canWrite = useCan('writeSkus');
  const sku = useSku(skuId);
  const remove = useDeleteSku();
  const [editing, setEditing] = useState(false);

  if (sku.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (sku.error || !sku.data) {
    return (
      <Result
        status={sku.error instanceof ApiError && sku.error.status === 404 ? '404' : 'error'}
        title={<ErrorAlert error={sku.error} />}
        extra={<Link to="/skus">{t('common:actions.back')}</Link>}
      />
    );
  }
  const data = sku.data;

  function onDelete() {
    remove.mutate(data.id, {
      onSuccess: () => {
        message.success(t('common:deleted'));
        navigate('/skus', { replace: true });
      },
      onError: notifyError,
    });
  }

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            {data.name}
            <OwnershipTag sku={data} />
            <SkuStatusTag status={data.status} />
          </Space>
        }
        subtitle={[data.code, data.brand, data.packSize].filter(Boolean).join(' · ')}
        extra={
          canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="sku-edit">
                {t('common:actions.edit')}
              </Button>
              <Popconfirm
                title={t('deleteConfirm', { name: data.name })}
                onConfirm={onDelete}
                okButtonProps={{ danger: true }}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common:actions.delete')}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <SkuProfile sku={data} />
      <SkuSales sku={data} />
      <SkuStock sku={data} />
      <SkuListings sku={data} />
      <SkuFormDrawer
        open={editing}
        sku={data}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </>
  );
}

function SkuProfile({ sku }: { sku: Sku }) {
  const { t } = useTranslation('skus');
  const locale = currentLocale();
  const itemCodes = useItemCodes(sku.id);
  const price = (fen: number | null) => formatYuan(fen, locale);
  return (
    <Card size="small" title={t('profile')} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'code', label: t('field.code'), children: sku.code },
          { key: 'barcode', label: t('field.barcode'), children: sku.barcode ?? '—' },
          { key: 'brand', label: t('field.brand'), children: sku.brand },
          {
            key: 'isOwn',
            label: t('field.isOwn'),
            children: sku.isOwn ? t('own') : `${t('competitor')} · ${sku.competitorCompany ?? ''}`,
          },
          { key: 'category', label: t('field.category'), children: sku.category },
          { key: 'flavour', label: t('field.flavour'), children: sku.flavour ?? '—' },
          {
            key: 'packSize',
            label: t('field.packSize'),
            children: [sku.packSize, sku.unit].filter(Boolean).join(' / ') || '—',
          },
          {
            key: 'casePack',
            label: t('field.casePack'),
            children: sku.casePack ? t('casePackUnit', { count: sku.casePack }) : '—',
          },
          { key: 'listPrice', label: t('field.listPrice'), children: price(sku.listPriceFen) },
          { key: 'floorPrice', label: t('field.floorPrice'), children: price(sku.floorPriceFen) },
          { key: 'retailPrice', label: t('field.retailPrice'), children: price(sku.retailPriceFen) },
          { key: 'standardCost', label: t('field.standardCost'), children: price(sku.standardCostFen) },
          {
            key: 'shelfLifeDays',
            label: t('field.shelfLifeDays'),
            children: sku.shelfLifeDays ? t('days', { count: sku.shelfLifeDays }) : '—',
          },
          { key: 'launchedOn', label: t('field.launchedOn'), children: formatDate(sku.launchedOn) },
          { key: 'updatedAt', label: t('field.updatedAt'), children: formatDateTime(sku.updatedAt, locale) },
        ]}
      />
      <ErrorAlert error={itemCodes.error} />
      <Table<ItemCode>
        style={{ marginTop: 12 }}
        size="small"
        rowKey={(row) => `${row.accountId}:${row.itemCode}`}
        loading={itemCodes.isLoading}
        dataSource={itemCodes.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        title={() => t('itemCodes')}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noItemCodes')} /> }}
        columns={[
          {
            title: t('itemCode.account'),
            dataIndex: 'accountCode',
            render: (_code: string, row) => <Link to={`/accounts/${row.accountId}`}>{row.accountCode}</Link>,
          },
          { title: t('itemCode.code'), dataIndex: 'itemCode' },
        ]}
      />
    </Card>
  );
}
