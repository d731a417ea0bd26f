import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Grid, Result, Spin, Table } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '../../../core/auth/roles';
import type { ImportProblem } from '../../../core/common/errors';
import type { ImportJobDetail } from '../../../core/imports/imports.contract';
import { localizeReason } from '../../../core/imports/problem-reasons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isJobRunning, JobProgress } from '../../components/JobProgress';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { api, ApiError } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useCurrentUser } from '../../lib/session';
import { useImportJob, useRefreshAfterImport, useUndoImport } from './imports.api';
import { permissionOfKind } from './mapping-fields';

/** File sizes as people read them: 12.4 MB. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * `/imports/:id`: one job. While it runs, its progress (asked for every second, so leaving and coming back
 * shows it again); afterwards what it applied, or why it was rejected, row by row.
 */
export function ImportJobPage() {
  const { t } = useTranslation('imports');
  const id = Number(useParams().id);
  const job = useImportJob(id);
  const refresh = useRefreshAfterImport();
  const status = job.data?.status;
  const previous = useRef(status);
  // When the job finishes while we watch, every figure it touched is out of date.
  useEffect(() => {
    if (previous.current && isJobRunning(previous.current) && status && !isJobRunning(status))
      void refresh(id);
    previous.current = status;
  }, [status, id, refresh]);

  if (job.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (job.error || !job.data) {
    return (
      <Result
        status={job.error instanceof ApiError && job.error.status === 404 ? '404' : 'error'}
        title={<ErrorAlert error={job.error} />}
        extra={<Link to="/imports">{t('back')}</Link>}
      />
    );
  }
  return <ImportJobView job={job.data} />;
}

function ImportJobView({ job }: { job: ImportJobDetail }) {
  const { t } = useTranslation('imports');
  const label = useEnumLabel();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const user = useCurrentUser();
  const isPhone = !Grid.useBreakpoint().md;
  const locale = currentLocale();
  const undo = useUndoImport(job.id);
  const [downloading, setDownloading] = useState(false);
  const size = isPhone ? 'large' : 'middle';
  const canUndo = job.canUndo && can(user.role, permissionOfKind[job.kind]);

  function confirmUndo() {
    modal.confirm({
      title: t('undoTitle', { id: job.id }),
      content: t('undoConfirm', { rows: formatNumber(job.rowsApplied, locale) }),
      okText: t('undo'),
      okButtonProps: { danger: true, 'data-testid': 'import-undo-confirm' },
      cancelText: t('common:actions.cancel'),
      onOk: () =>
        undo.mutateAsync().then(
          () => void message.success(t('undoDone')),
          (error: unknown) => notifyError(error),
        ),
    });
  }

  async function downloadReport() {
    setDownloading(true);
    try {
      await api.download(`/api/imports/${job.id}/errors.csv`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('job.title', { id: job.id })}
        subtitle={job.fileName}
        extra={
          <>
            <LinkButton to="/imports" icon={<ArrowLeftOutlined />} size={size}>
              {t('back')}
            </LinkButton>
            {canUndo && (
              <Button
                danger
                icon={<UndoOutlined />}
                size={size}
                loading={undo.isPending}
                onClick={confirmUndo}
                data-testid="import-undo"
              >
                {t('undo')}
              </Button>
            )}
          </>
        }
      />
      {job.sameFileAs !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-same-file"
          style={{ marginBottom: 16 }}
          title={
            <Trans
              t={t}
              i18nKey="result.sameFile"
              values={{ id: job.sameFileAs }}
              components={{ job: <Link to={`/imports/${job.sameFileAs}`} /> }}
            />
          }
          description={t('result.sameFileHint')}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <JobProgress
          job={job}
          testId="import"
          statusLabel={label('importStatus', job.status)}
          labels={{
            status: t('job.status'),
            rowsRead: t('job.rowsRead'),
            rowsPerSecond: t('job.rowsPerSecond'),
            eta: t('job.eta'),
          }}
        />
      </Card>
      <JobOutcome job={job} onDownload={() => void downloadReport()} downloading={downloading} />
      <Card size="small" style={{ marginTop: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'file', label: t('job.file'), children: job.fileName },
            { key: 'size', label: t('job.size'), children: formatBytes(job.fileSize) },
            { key: 'kind', label: t('job.kind'), children: label('importKind', job.kind) },
            {
              key: 'account',
              label: t('job.account'),
              children: job.accountId ? (
                <Link to={`/accounts/${job.accountId}`}>{job.accountName}</Link>
              ) : (
                '—'
              ),
            },
            { key: 'createdBy', label: t('job.createdBy'), children: job.createdByName ?? '—' },
            { key: 'createdAt', label: t('job.createdAt'), children: formatDateTime(job.createdAt, locale) },
          ]}
        />
      </Card>
    </>
  );
}

function JobOutcome({
  job,
  onDownload,
  downloading,
}: {
  job: ImportJobDetail;
  onDownload: () => void;
  downloading: boolean;
}) {
  const { t } = useTranslation('imports');
  const locale = currentLocale();
  switch (job.status) {
    case 'queued':
    case 'running':
      return null;
    case 'applied':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="import-applied"
          title={t('result.applied')}
          description={
            <>
              <div>
                {t('result.appliedDetail', {
                  applied: formatNumber(job.rowsApplied, locale),
                  unchanged: formatNumber(job.rowsUnchanged, locale),
                })}
              </div>
              {job.dateFrom && (
                <div>
                  {t('result.dateRange', { from: formatDate(job.dateFrom), to: formatDate(job.dateTo) })}
                </div>
              )}
            </>
          }
        />
      );
    case 'undone':
      return (
        <Alert
          type="info"
          showIcon
          title={t('result.undone')}
          description={job.undoneAt ? formatDateTime(job.undoneAt, locale) : undefined}
        />
      );
    case 'failed':
      return (
        <Alert type="error" showIcon title={t('result.failed')} description={job.message ?? undefined} />
      );
    case 'rejected':
      return (
        <Card
          size="small"
          data-testid="import-errors"
          title={t('result.rejected', { count: formatNumber(job.errorCount, locale) })}
        >
          <Flex vertical gap={8}>
            <Alert
              type="error"
              showIcon
              title={t('result.rejectedDetail', {
                rows: formatNumber(job.rowsRead, locale),
                shown: formatNumber(job.errors.length, locale),
              })}
              action={
                <Button
                  icon={<DownloadOutlined />}
                  loading={downloading}
                  onClick={onDownload}
                  data-testid="import-report"
                >
                  {t('result.downloadReport')}
                </Button>
              }
            />
            <Table<ImportProblem>
              size="small"
              rowKey={(problem) => `${problem.row}:${problem.column}:${problem.reason}`}
              dataSource={job.errors}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('common:import.row'), dataIndex: 'row', width: 80, align: 'right' },
                { title: t('common:import.column'), dataIndex: 'column', width: 140 },
                {
                  title: t('common:import.value'),
                  dataIndex: 'value',
                  width: 180,
                  render: (value: string | null) => value ?? '',
                },
                {
                  title: t('common:import.reason'),
                  dataIndex: 'reason',
                  // The API's reasons are English (scripts rely on them); people read them in their language.
                  render: (reason: string) => localizeReason(reason, locale),
                },
              ]}
            />
          </Flex>
        </Card>
      );
  }
}
