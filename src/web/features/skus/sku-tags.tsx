import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sku } from '../../../core/catalog/catalog.contract';
import { useEnumLabel } from '../../lib/enums';

const statusColors: Record<Sku['status'], string> = {
  planned: 'purple',
  active: 'green',
  discontinued: 'default',
};

export function SkuStatusTag({ status }: { status: Sku['status'] }) {
  const label = useEnumLabel();
  return <Tag color={statusColors[status]}>{label('skuStatus', status)}</Tag>;
}

/** Ours in blue, a competitor's in orange with its company on hover. */
export function OwnershipTag({ sku }: { sku: Pick<Sku, 'isOwn' | 'competitorCompany'> }) {
  const { t } = useTranslation('skus');
  return sku.isOwn ? (
    <Tag color="blue">{t('own')}</Tag>
  ) : (
    <Tag color="orange" title={sku.competitorCompany ?? undefined}>
      {t('competitor')}
    </Tag>
  );
}
