import { Card, Grid, Progress, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ImportJob } from '../../../core/imports/imports.contract';
import { AccountSelect } from '../../components/AccountSelect';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { csvValues, FilterBar } from '../../components/FilterBar';
import { isJobRunning } from '../../components/JobProgress';
import { PageHeader } from '../../components/PageHeader';
import { ListSearch } from '../../components/ListSearch';
import { opensRow } from '../../components/row-link';
import { useUrlTable } from '../../components/useUrlTable';
import { useEnumLabel } from '../../lib/enums';
import { formatDateTime, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useTableUrlState } from '../../lib/url-state';
import { useImportJobs } from './imports.api';
import { NewImportCard } from './NewImportCard';

const FILTER_KEYS = ['kind', 'status', 'accountId'] as const;

const importStatusColors: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  applied: 'success',
  rejected: 'error',
  failed: 'error',
  undone: 'warning',
};

/** `/imports`: start an import, and the history of who imported what, filterable in the URL. */
export function ImportsPage() {
  const { t } = useTranslation('imports');
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <>
      <PageHeader title={t('title')} subtitle={isPhone ? undefined : t('subtitle')} />
      <NewImportCard />
      <ImportHistory />
    </>
  );
}

function ImportHistory() {
  const { t } = useTranslation('imports');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const locale = currentLocale();
  const url = useTableUrlState(FILTER_KEYS);
  const { state, update } = url;
  const list = useImportJobs(url.apiQuery);
  const table = useUrlTable<ImportJob>(state, update, list.data?.total);

  const size = isPhone ? 'large' : 'middle';
  const filterWidth = (desktop: number) => ({ width: isPhone ? '100%' : desktop });
  const setFilter = (key: (typeof FILTER_KEYS)[number], values: (string | number)[]) =>
    update({ filters: { [key]: values.join(',') || undefined } });

  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('history.id'),
      dataIndex: 'id',
      fixed: 'start',
      width: 72,
      render: (id: number) => <Link to={`/imports/${id}`}>#{id}</Link>,
    },
    {
      title: t('history.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at, locale),
    },
    {
      title: t('history.createdBy'),
      dataIndex: 'createdByName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('history.fileName'),
      dataIndex: 'fileName',
      ellipsis: true,
      render: (name: string, job) => <Link to={`/imports/${job.id}`}>{name}</Link>,
    },
    {
      title: t('history.kind'),
      dataIndex: 'kind',
      render: (kind: ImportJob['kind']) => label('importKind', kind),
    },
    { title: t('history.account'), dataIndex: 'accountName', render: (name: string | null) => name ?? '—' },
    {
      title: t('history.status'),
      dataIndex: 'status',
      render: (status: ImportJob['status'], job) =>
        isJobRunning(status) ? (
          <Progress
            percent={Math.floor((job.progress ?? 0) * 100)}
            size="small"
            status="active"
            style={{ width: 120 }}
          />
        ) : (
          <Tag color={importStatusColors[status]}>{label('importStatus', status)}</Tag>
        ),
    },
    {
      title: t('history.rows'),
      key: 'rows',
      align: 'right',
      render: (_value, job) =>
        t('history.rowsValue', {
          applied: formatNumber(job.rowsApplied, locale),
          read: formatNumber(job.rowsRead, locale),
        }),
    },
  ];

  return (
    <Card size="small" title={t('history.title')}>
      <FilterBar
        filtersLabel={t('history.filters')}
        activeCount={Object.keys(state.filters).length}
        search={
          <ListSearch
            q={state.q}
            onSearch={(q) => update({ q })}
            placeholder={t('history.search')}
            label={t('history.search')}
            width={220}
            size={size}
          />
        }
        filters={[
          <EnumSelect
            key="kind"
            kind="importKind"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('history.kind')}
            aria-label={t('history.kind')}
            data-testid="history-kind"
            value={csvValues(state.filters.kind)}
            onChange={(values: string[]) => setFilter('kind', values)}
            style={filterWidth(180)}
            size={size}
          />,
          <EnumSelect
            key="status"
            kind="importStatus"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('history.status')}
            aria-label={t('history.status')}
            data-testid="history-status"
            value={csvValues(state.filters.status)}
            onChange={(values: string[]) => setFilter('status', values)}
            style={filterWidth(160)}
            size={size}
          />,
          <AccountSelect
            key="accountId"
            mode="multiple"
            allowClear
            placeholder={t('history.account')}
            aria-label={t('history.account')}
            data-testid="history-accountId"
            value={csvValues(state.filters.accountId).map(Number)}
            onChange={(ids) => setFilter('accountId', (ids as number[] | null) ?? [])}
            style={filterWidth(200)}
            size={size}
          />,
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table<ImportJob>
        data-testid="import-history"
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isLoading}
        pagination={{ ...table.pagination, simple: isPhone }}
        onChange={table.onChange}
        scroll={{ x: 'max-content' }}
        size={isPhone ? 'small' : 'middle'}
        onRow={opensRow<ImportJob>(navigate, (job) => `/imports/${job.id}`)}
      />
    </Card>
  );
}
