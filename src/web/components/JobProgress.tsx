import { Col, Progress, Row, Statistic, Tag } from 'antd';
import type { Locale } from '../../core/auth/auth.contract';
import { formatNumber } from '../lib/format';
import { currentLocale } from '../lib/i18n';

/** What a long job reports while it runs (an import, a big export). */
export interface JobProgressState {
  status: string;
  progress: number | null;
  rowsRead: number;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
}

/** The words the bar shows, in the caller's language (components have no dictionary of their own). */
export interface JobProgressLabels {
  status: string;
  rowsRead: string;
  rowsPerSecond: string;
  eta: string;
}

const statusColors: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  applied: 'success',
  rejected: 'error',
  failed: 'error',
  undone: 'warning',
};

export const isJobRunning = (status: string) => status === 'queued' || status === 'running';

/** Seconds as "1 分 05 秒" / "1 m 05 s"; hours only when there are some. */
export function formatDuration(seconds: number | null, locale: Locale = currentLocale()): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const units = locale === 'en' ? ['h', 'm', 's'] : ['小时', '分', '秒'];
  const parts: string[] = [];
  if (hours) parts.push(`${hours} ${units[0]}`);
  if (hours || minutes) parts.push(`${minutes} ${units[1]}`);
  parts.push(`${hours || minutes ? String(rest).padStart(2, '0') : rest} ${units[2]}`);
  return parts.join(' ');
}

/**
 * A job's progress bar (by bytes read, as the server measures it), with rows read, rows per second and the
 * time left. A finished job shows a full bar, green when applied, red when rejected or failed.
 */
export function JobProgress({
  job,
  statusLabel,
  labels,
  testId = 'job',
}: {
  job: JobProgressState;
  statusLabel: string;
  labels: JobProgressLabels;
  /** Prefix of the test ids: `<prefix>-progress`, `<prefix>-status`, `<prefix>-rate`. */
  testId?: string;
}) {
  const locale = currentLocale();
  const running = isJobRunning(job.status);
  const percent = running
    ? Math.min(99, Math.floor((job.progress ?? 0) * 100))
    : job.status === 'applied' || job.status === 'rejected' || job.status === 'undone'
      ? 100
      : Math.floor((job.progress ?? 0) * 100);
  const barStatus =
    job.status === 'running'
      ? 'active'
      : job.status === 'applied'
        ? 'success'
        : job.status === 'rejected' || job.status === 'failed'
          ? 'exception'
          : 'normal';
  return (
    <div>
      <Progress
        percent={percent}
        status={barStatus}
        data-testid={`${testId}-progress`}
        aria-label={statusLabel}
      />
      <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={labels.status}
            valueRender={() => (
              <Tag color={statusColors[job.status] ?? 'default'} data-testid={`${testId}-status`}>
                {statusLabel}
              </Tag>
            )}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={labels.rowsRead}
            value={job.rowsRead}
            formatter={(value) => formatNumber(Number(value), locale)}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={labels.rowsPerSecond}
            value={job.rowsPerSecond == null ? '—' : formatNumber(Math.round(job.rowsPerSecond), locale)}
            valueRender={(node) => <span data-testid={`${testId}-rate`}>{node}</span>}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={labels.eta} value={running ? formatDuration(job.etaSeconds, locale) : '—'} />
        </Col>
      </Row>
    </div>
  );
}
