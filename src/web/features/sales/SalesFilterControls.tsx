import { Fragment, useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { storeClasses } from '../../../core/stores/store-class';
import { AccountSelect } from '../../components/AccountSelect';
import { EnumSelect } from '../../components/EnumSelect';
import { csvValues } from '../../components/FilterBar';
import { useOrgUnits } from '../../components/org-units';
import { RepSelect } from '../../components/RepSelect';
import type { SalesFilterKey, SalesFilters } from './sales-query';

/** The filter controls of the sales pages, one per key asked for; each edits a comma-separated value. */
export function SalesFilterControls({
  keys,
  filters,
  onChange,
  isPhone,
}: {
  keys: readonly SalesFilterKey[];
  filters: SalesFilters;
  onChange: (key: SalesFilterKey, value: string | undefined) => void;
  isPhone: boolean;
}) {
  const { t } = useTranslation('sales');
  const orgUnits = useOrgUnits();
  const regionOptions = useMemo(
    () =>
      (orgUnits.data ?? [])
        .filter((unit) => unit.kind === 'region')
        .map((unit) => ({ value: String(unit.id), label: unit.name })),
    [orgUnits.data],
  );
  const size: 'large' | 'middle' = isPhone ? 'large' : 'middle';
  const width = (desktop: number) => ({ width: isPhone ? '100%' : desktop });
  const set = (key: SalesFilterKey) => (values: (string | number)[] | string | number | null | undefined) =>
    onChange(
      key,
      Array.isArray(values)
        ? values.join(',') || undefined
        : values == null
          ? undefined
          : String(values) || undefined,
    );
  const common = (key: SalesFilterKey, label: string) => ({
    allowClear: true,
    placeholder: label,
    'aria-label': label,
    'data-testid': `filter-${key}`,
    size,
  });
  const tags = (key: SalesFilterKey, label: string, desktopWidth: number) => (
    <Select
      {...common(key, label)}
      mode="tags"
      maxTagCount="responsive"
      title={t('filters.tagsHint')}
      notFoundContent={null}
      value={csvValues(filters[key])}
      onChange={set(key)}
      style={width(desktopWidth)}
    />
  );

  const controls: Record<SalesFilterKey, React.ReactNode> = {
    accountId: (
      <AccountSelect
        {...common('accountId', t('filters.account'))}
        mode="multiple"
        value={csvValues(filters.accountId).map(Number)}
        onChange={(ids) => set('accountId')((ids as number[] | null) ?? [])}
        style={width(200)}
      />
    ),
    regionId: (
      <Select
        {...common('regionId', t('filters.region'))}
        mode="multiple"
        maxTagCount="responsive"
        loading={orgUnits.isLoading}
        options={regionOptions}
        value={csvValues(filters.regionId)}
        onChange={set('regionId')}
        style={width(150)}
      />
    ),
    province: tags('province', t('filters.province'), 140),
    city: tags('city', t('filters.city'), 140),
    storeClass: (
      <Select
        {...common('storeClass', t('filters.storeClass'))}
        mode="multiple"
        options={storeClasses.map((value) => ({ value, label: value }))}
        value={csvValues(filters.storeClass)}
        onChange={set('storeClass')}
        style={width(140)}
      />
    ),
    format: (
      <EnumSelect
        {...common('format', t('filters.format'))}
        kind="storeFormat"
        mode="multiple"
        maxTagCount="responsive"
        value={csvValues(filters.format)}
        onChange={set('format')}
        style={width(160)}
      />
    ),
    repId: (
      <RepSelect
        {...common('repId', t('filters.rep'))}
        mode="multiple"
        value={csvValues(filters.repId).map(Number)}
        onChange={(ids) => set('repId')(ids as number[])}
        style={width(170)}
      />
    ),
    brand: tags('brand', t('filters.brand'), 140),
    category: tags('category', t('filters.category'), 140),
    storeId: null,
    skuId: null,
    isOwn: (
      <Select
        {...common('isOwn', t('filters.isOwn'))}
        options={[
          { value: 'true', label: t('filters.own') },
          { value: 'false', label: t('filters.competitor') },
        ]}
        value={filters.isOwn}
        onChange={set('isOwn')}
        style={width(130)}
      />
    ),
  };
  return (
    <>
      {keys.map((key) => (
        <Fragment key={key}>{controls[key]}</Fragment>
      ))}
    </>
  );
}
