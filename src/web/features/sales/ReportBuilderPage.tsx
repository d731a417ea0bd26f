import { useMemo, useState } from 'react';
import {
  Alert as AntAlert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Grid,
  Radio,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SalesDimension, SalesMeasure, SalesRow } from '../../../core/analytics/analytics.contract';
import { timeGrains, type TimeGrain } from '../../../core/analytics/periods';
import { businessToday } from '../../../core/common/time';
import type { StoreClass } from '../../../core/stores/store-class';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyEChart } from '../../components/LazyEChart';
import { changeOf, ChangeValue, formatMeasure } from '../../components/MeasureValue';
import { PageHeader } from '../../components/PageHeader';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useNotifyError } from '../../components/useNotifyError';
import { useEnumLabel, useEnumOptions } from '../../lib/enums';
import { reportChart } from './sales-charts';
import { downloadSalesReport, useSalesFigures } from './sales.api';
import {
  byOf,
  definitionFromParams,
  dimensionFields,
  fieldOf,
  isTimeGrain,
  measureOf,
  queryOfDefinition,
  quickPeriodRange,
  quickPeriods,
  rowKeyOf,
  salesFilterKeys,
  type ReportDefinition,
  type SalesFilterKey,
} from './sales-query';
import { SalesFilterControls } from './SalesFilterControls';

/** The table shows at most this many rows; the export has them all. */
const DISPLAY_LIMIT = 2000;
const CHART_ROWS = 30;
const LIMIT_CHOICES = [10, 20, 50, 100, 500];
const FILTER_KEYS = salesFilterKeys.filter((key) => key !== 'storeId' && key !== 'skuId');
const { RangePicker } = DatePicker;

/**
 * Build a sales report: measures, dimensions (with at most one time grain), a period, a comparison and
 * filters. "Run" writes the definition into the URL, which is what runs it: a bookmarked or shared link
 * shows the same report, and the export asks the server for the same query.
 */
export function ReportBuilderPage() {
  const { t } = useTranslation('sales');
  const label = useEnumLabel();
  const measureOptions = useEnumOptions('salesMeasure');
  const dimensionOptions = useEnumOptions('salesDimension');
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const urlDefinition = useMemo(() => definitionFromParams(params, today), [params, today]);
  const hasRun = params.has('measures') && params.has('from') && params.has('to');
  const [draft, setDraft] = useState<ReportDefinition>(urlDefinition);
  const [exporting, setExporting] = useState(false);

  const runQuery = useMemo(() => {
    if (!hasRun || urlDefinition.measures.length === 0) return null;
    const query = queryOfDefinition(urlDefinition);
    return { ...query, limit: query.limit ?? String(DISPLAY_LIMIT) };
  }, [hasRun, urlDefinition]);
  const figures = useSalesFigures(runQuery);
  const shown = runQuery ? urlDefinition : null;

  const edit = (changes: Partial<ReportDefinition>) => setDraft((previous) => ({ ...previous, ...changes }));
  const setFilter = (key: SalesFilterKey, value: string | undefined) =>
    setDraft((previous) => {
      const filters = { ...previous.filters };
      if (value) filters[key] = value;
      else delete filters[key];
      return { ...previous, filters };
    });

  function run() {
    const next = new URLSearchParams(queryOfDefinition(draft));
    if (next.toString() === params.toString()) void figures.refetch();
    else setParams(next);
  }

  async function onExport() {
    setExporting(true);
    try {
      await downloadSalesReport(queryOfDefinition(urlDefinition));
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  const size: 'large' | 'middle' = isPhone ? 'large' : 'middle';
  const orderOptions = [
    { value: '', label: t('report.orderNone') },
    ...draft.measures.flatMap((measure) => [
      { value: `-${measure}`, label: t('report.descending', { measure: label('salesMeasure', measure) }) },
      { value: measure, label: t('report.ascending', { measure: label('salesMeasure', measure) }) },
    ]),
  ];

  const definitionCard = (
    <Card size="small" title={t('report.definition')} style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div" size={size}>
        <Form.Item label={t('report.measures')} style={{ marginBottom: 12 }}>
          <Checkbox.Group<SalesMeasure>
            options={measureOptions}
            value={draft.measures}
            onChange={(measures) =>
              edit({
                // kept in the contract's order, so columns do not move with the order of the clicks
                measures: measureOptions
                  .map((option) => option.value)
                  .filter((value) => measures.includes(value)),
              })
            }
            data-testid="report-measures"
          />
          {draft.measures.length === 0 && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {t('report.needMeasure')}
            </Typography.Text>
          )}
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item label={t('report.dimensions')} style={{ marginBottom: 12, minWidth: 240, flex: 2 }}>
            <Select<SalesDimension[]>
              mode="multiple"
              allowClear
              aria-label={t('report.dimensions')}
              data-testid="report-dimensions"
              placeholder={t('report.dimensionsPlaceholder')}
              options={dimensionOptions.filter((option) => !isTimeGrain(option.value))}
              optionFilterProp="label"
              value={draft.dimensions}
              onChange={(dimensions) => edit({ dimensions })}
            />
          </Form.Item>
          <Form.Item label={t('report.grain')} style={{ marginBottom: 12, minWidth: 140, flex: 1 }}>
            <Select<TimeGrain | ''>
              aria-label={t('report.grain')}
              data-testid="report-grain"
              options={[
                { value: '', label: t('report.noGrain') },
                ...timeGrains.map((grain) => ({ value: grain, label: label('salesDimension', grain) })),
              ]}
              value={draft.grain ?? ''}
              onChange={(grain) => edit({ grain: grain || null })}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('report.period')} style={{ marginBottom: 12 }}>
          <Flex wrap gap={8} align="center">
            <RangePicker
              allowClear={false}
              inputReadOnly={isPhone}
              aria-label={t('report.period')}
              value={[dayjs(draft.from), dayjs(draft.to)]}
              onChange={(dates) => {
                if (dates?.[0] && dates[1])
                  edit({ from: dates[0].format('YYYY-MM-DD'), to: dates[1].format('YYYY-MM-DD') });
              }}
              style={{ width: isPhone ? '100%' : 260 }}
            />
            {quickPeriods.map((period) => (
              <Button key={period} size={size} onClick={() => edit(quickPeriodRange(period, today))}>
                {t(`report.quick.${period}`)}
              </Button>
            ))}
          </Flex>
        </Form.Item>
        <Flex wrap gap={12}>
          <Form.Item label={t('report.compare')} style={{ marginBottom: 12 }}>
            <Radio.Group
              optionType="button"
              aria-label={t('report.compare')}
              data-testid="report-compare"
              value={draft.compare ?? ''}
              onChange={(event) => edit({ compare: (event.target.value as 'yoy' | 'pop' | '') || null })}
              options={[
                { value: '', label: t('report.compareNone') },
                { value: 'yoy', label: t('report.yoy') },
                { value: 'pop', label: t('report.pop') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('report.order')} style={{ marginBottom: 12, minWidth: 180 }}>
            <Select
              aria-label={t('report.order')}
              options={orderOptions}
              value={draft.order ?? ''}
              onChange={(order: string) => edit({ order: order || null })}
            />
          </Form.Item>
          <Form.Item label={t('report.limit')} style={{ marginBottom: 12, minWidth: 120 }}>
            <Select
              aria-label={t('report.limit')}
              options={[
                { value: 0, label: t('report.limitAll') },
                ...LIMIT_CHOICES.map((count) => ({ value: count, label: t('report.topN', { count }) })),
              ]}
              value={draft.limit ?? 0}
              onChange={(limit: number) => edit({ limit: limit || null })}
            />
          </Form.Item>
        </Flex>
        <Form.Item label={t('report.filters')} style={{ marginBottom: 12 }}>
          <Flex wrap gap={8} vertical={isPhone}>
            <SalesFilterControls
              keys={FILTER_KEYS}
              filters={draft.filters}
              onChange={setFilter}
              isPhone={isPhone}
            />
          </Flex>
        </Form.Item>
        <Flex gap={8} wrap>
          <Button
            type="primary"
            size={size}
            icon={<PlayCircleOutlined />}
            disabled={draft.measures.length === 0}
            onClick={run}
            data-testid="report-run"
          >
            {t('report.run')}
          </Button>
          <Button
            size={size}
            icon={<DownloadOutlined />}
            disabled={!shown}
            loading={exporting}
            onClick={() => void onExport()}
            data-testid="report-export"
          >
            {t('common:actions.export')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );

  return (
    <div>
      <PageHeader title={t('report.title')} subtitle={isPhone ? undefined : t('report.subtitle')} />
      {definitionCard}
      <ErrorAlert error={figures.error} />
      {shown ? (
        <ReportResult
          definition={shown}
          rows={figures.data?.rows ?? []}
          totals={figures.data?.totals}
          compareTotals={figures.data?.compareTotals}
          rowCount={figures.data?.meta.rowCount}
          comparisonRange={figures.data?.meta.comparisonRange}
          loading={figures.isFetching}
          isPhone={isPhone}
        />
      ) : (
        <Card size="small">
          <Empty description={t('report.empty')} />
        </Card>
      )}
    </div>
  );
}

function ReportResult({
  definition,
  rows,
  totals,
  compareTotals,
  rowCount,
  comparisonRange,
  loading,
  isPhone,
}: {
  definition: ReportDefinition;
  rows: SalesRow[];
  totals?: Record<string, number | null>;
  compareTotals?: Record<string, number | null>;
  rowCount?: number;
  comparisonRange?: { from: string; to: string };
  loading: boolean;
  isPhone: boolean;
}) {
  const { t } = useTranslation('sales');
  const label = useEnumLabel();
  const by = byOf(definition);
  const isComparing = definition.compare !== null;

  const textOf = (row: SalesRow, dimension: SalesDimension): string => {
    const value = fieldOf(row, dimensionFields[dimension].name);
    if (dimension === 'storeClass') return value ? String(value) : t('classNone');
    if (dimension === 'format') return label('storeFormat', value == null ? null : String(value));
    return value == null ? '—' : String(value);
  };
  // Time sorts by the period's first day; the rest by name as a Chinese reader expects.
  const compareDimension = (dimension: SalesDimension) => (a: SalesRow, b: SalesRow) =>
    isTimeGrain(dimension)
      ? String(fieldOf(a, 'periodStart')).localeCompare(String(fieldOf(b, 'periodStart')))
      : textOf(a, dimension).localeCompare(textOf(b, dimension), 'zh-CN');
  const compareMeasure = (measure: string, part?: 'compare' | 'change') => (a: SalesRow, b: SalesRow) =>
    (measureOf(a, measure, part) ?? -Infinity) - (measureOf(b, measure, part) ?? -Infinity);

  const renderDimension = (dimension: SalesDimension) => (_value: unknown, row: SalesRow) => {
    const fields = dimensionFields[dimension];
    const text = textOf(row, dimension);
    const code = fields.code ? fieldOf(row, fields.code) : null;
    const id = fieldOf(row, fields.id);
    if (dimension === 'storeClass' && fieldOf(row, 'storeClass'))
      return <StoreClassTag value={fieldOf(row, 'storeClass') as StoreClass} />;
    const links: Partial<Record<SalesDimension, string>> = {
      account: `/accounts/${id}`,
      store: `/stores/${id}`,
      sku: `/skus/${id}`,
    };
    const content = code ? `${text}（${code}）` : text;
    return links[dimension] && id != null ? <Link to={links[dimension]}>{content}</Link> : content;
  };

  const measureColumn = (measure: SalesMeasure, part?: 'compare' | 'change') => ({
    key: part ? `${part}.${measure}` : measure,
    title:
      part === 'compare'
        ? t('report.comparePeriod')
        : part === 'change'
          ? t('report.change')
          : t('report.current'),
    align: 'right' as const,
    sorter: compareMeasure(measure, part),
    defaultSortOrder:
      !part && definition.order?.replace(/^-/, '') === measure
        ? definition.order.startsWith('-')
          ? ('descend' as const)
          : ('ascend' as const)
        : undefined,
    render: (_value: unknown, row: SalesRow) =>
      part === 'change' ? (
        <ChangeValue value={measureOf(row, measure, 'change')} />
      ) : (
        formatMeasure(measure, measureOf(row, measure, part))
      ),
  });

  const isTotalsOnly = by.length === 0;
  const columns: TableColumnsType<SalesRow> = [
    ...(isTotalsOnly
      ? [{ key: 'total', title: '', render: () => <strong>{t('report.total')}</strong> }]
      : []),
    ...by.map((dimension) => ({
      key: dimension,
      title: label('salesDimension', dimension),
      fixed: by.indexOf(dimension) === 0 && !isPhone ? ('start' as const) : undefined,
      sorter: compareDimension(dimension),
      render: renderDimension(dimension),
    })),
    ...definition.measures.map((measure) =>
      isComparing
        ? {
            key: `group.${measure}`,
            title: label('salesMeasure', measure),
            children: [
              measureColumn(measure),
              measureColumn(measure, 'compare'),
              measureColumn(measure, 'change'),
            ],
          }
        : { ...measureColumn(measure), title: label('salesMeasure', measure) },
    ),
  ];

  const chartDimension = by.length === 1 ? by[0] : null;
  const firstMeasure = definition.measures[0];
  const chart = useMemo(() => {
    if (!chartDimension || !firstMeasure) return null;
    const isTime = isTimeGrain(chartDimension);
    const chartRows = isTime
      ? [...rows].sort(compareDimension(chartDimension))
      : [...rows].sort(compareMeasure(firstMeasure)).reverse().slice(0, CHART_ROWS);
    return {
      rowCount: chartRows.length,
      option: reportChart({
        names: chartRows.map((row) => textOf(row, chartDimension)),
        values: chartRows.map((row) => measureOf(row, firstMeasure)),
        compareValues: isComparing
          ? chartRows.map((row) => measureOf(row, firstMeasure, 'compare'))
          : undefined,
        seriesNames: { current: t('report.current'), previous: t('report.comparePeriod') },
        isTime,
        format: (value) => formatMeasure(firstMeasure, value, { compact: true }),
      }),
    };
    // the helpers read only the language, which t() tracks
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, chartDimension, firstMeasure, isComparing, t]);

  // Without dimensions the answer is its totals: one row, shown like any other.
  const totalsRows: SalesRow[] = totals
    ? [
        {
          ...totals,
          ...(compareTotals
            ? {
                compare: compareTotals,
                change: Object.fromEntries(
                  definition.measures.map((measure) => [
                    measure,
                    changeOf(totals[measure], compareTotals[measure]),
                  ]),
                ),
              }
            : {}),
        },
      ]
    : [];

  const summaryCells = () => {
    const cells: React.ReactNode[] = [];
    let index = Math.max(by.length, 1);
    for (const measure of definition.measures) {
      cells.push(
        <Table.Summary.Cell key={measure} index={index++} align="right">
          <strong data-testid={`report-total-${measure}`}>{formatMeasure(measure, totals?.[measure])}</strong>
        </Table.Summary.Cell>,
      );
      if (isComparing) {
        cells.push(
          <Table.Summary.Cell key={`compare.${measure}`} index={index++} align="right">
            {formatMeasure(measure, compareTotals?.[measure])}
          </Table.Summary.Cell>,
          <Table.Summary.Cell key={`change.${measure}`} index={index++} align="right">
            <ChangeValue value={changeOf(totals?.[measure], compareTotals?.[measure])} />
          </Table.Summary.Cell>,
        );
      }
    }
    return cells;
  };

  return (
    <Card
      size="small"
      title={
        <Typography.Text>
          {definition.from} ~ {definition.to}
          {comparisonRange && (
            <Typography.Text type="secondary">
              {' '}
              · {t('report.comparisonRange', comparisonRange)}
            </Typography.Text>
          )}
        </Typography.Text>
      }
      extra={
        rowCount !== undefined && (
          <Typography.Text type="secondary">{t('report.rowCount', { count: rowCount })}</Typography.Text>
        )
      }
    >
      {rowCount !== undefined && rowCount > rows.length && !definition.limit && (
        <AntAlert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('report.truncated', { total: rowCount, shown: rows.length })}
        />
      )}
      {chart && chart.rowCount > 0 && (
        <LazyEChart
          option={chart.option}
          height={isTimeGrain(chartDimension!) ? 280 : Math.max(160, chart.rowCount * 24 + 40)}
          ariaLabel={t('report.chart', {
            measure: label('salesMeasure', firstMeasure),
            dimension: label('salesDimension', chartDimension!),
          })}
        />
      )}
      <div data-testid="report-table">
        <Table<SalesRow>
          rowKey={(row) => rowKeyOf(row, by)}
          columns={columns}
          dataSource={isTotalsOnly ? totalsRows : rows}
          loading={loading}
          size={isPhone ? 'small' : 'middle'}
          scroll={{ x: 'max-content' }}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 500],
            simple: isPhone,
          }}
          summary={() =>
            !isTotalsOnly &&
            rows.length > 0 && (
              <Table.Summary>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={Math.max(by.length, 1)}>
                    <strong>{t('report.total')}</strong>
                  </Table.Summary.Cell>
                  {summaryCells()}
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
      </div>
    </Card>
  );
}
