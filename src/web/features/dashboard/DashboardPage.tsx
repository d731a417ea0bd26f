import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { scopeKindOf } from '../../../core/auth/roles';
import type { Dashboard } from '../../../core/dashboard/dashboard.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LazyEChart } from '../../components/LazyEChart';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { useCurrentUser } from '../../lib/session';
import {
  byCountDescending,
  classBars,
  PER_REP_ROW_HEIGHT,
  PER_REP_VISIBLE_ROWS,
  rankedBars,
  tierDonut,
} from './dashboard-charts';

const CHART_HEIGHT = 280;

function ChartCard({
  title,
  extra,
  isEmpty,
  children,
}: {
  title: string;
  extra?: ReactNode;
  isEmpty: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      title={title}
      extra={extra}
      size="small"
      styles={{ body: { padding: 12 } }}
      style={{ height: '100%' }}
    >
      {isEmpty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: CHART_HEIGHT - 40 }} />
      ) : (
        children
      )}
    </Card>
  );
}

function StatCard({
  title,
  value,
  testId,
  loading,
  footer,
}: {
  title: string;
  value?: number;
  testId: string;
  loading: boolean;
  footer?: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value ?? 0}
        loading={loading}
        valueRender={(node) => <span data-testid={testId}>{node}</span>}
      />
      {footer}
    </Card>
  );
}

/** The home page: counts and four charts, each already limited by the server to what the user may see. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const enumLabel = useEnumLabel();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard') });
  const data = query.data;
  const isFieldRole = scopeKindOf(user.role) === 'assigned_stores';

  const classLabel = (key: string) => t(`storeClass.${key}`);
  const formats = useMemo(() => byCountDescending(data?.storesByFormat ?? []), [data]);
  const reps = useMemo(() => byCountDescending(data?.storesPerRep ?? []), [data]);
  const stale = data?.staleContacts;
  const stalePercent = stale && stale.total > 0 ? Math.round((stale.count / stale.total) * 100) : 0;

  const options = useMemo(() => {
    if (!data) return null;
    return {
      tier: tierDonut(data.accountsByTier, (tier) => enumLabel('accountTier', tier)),
      storeClass: classBars(data.storesByClass, classLabel, t('charts.stores')),
      format: rankedBars(
        formats.map((row) => enumLabel('storeFormat', row.format)),
        formats.map((row) => row.count),
        t('charts.stores'),
        '#36b37e',
      ),
      perRep: rankedBars(
        reps.map((row) => row.repName),
        reps.map((row) => row.count),
        t('charts.stores'),
      ),
    };
    // enumLabel and classLabel follow the language, which t() also tracks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, formats, reps, t]);

  const perRepHeight = Math.max(120, reps.length * PER_REP_ROW_HEIGHT + 24);
  const clickHint = (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('charts.clickHint')}
    </Typography.Text>
  );

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t(`scope.${scopeKindOf(user.role)}`)} />
      <ErrorAlert error={query.error} />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <StatCard
            title={t('totals.accounts')}
            value={data?.totals.accounts}
            testId="dashboard-total-accounts"
            loading={query.isLoading}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('totals.stores')}
            value={data?.totals.stores}
            testId="dashboard-total-stores"
            loading={query.isLoading}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('totals.contacts')}
            value={data?.totals.contacts}
            testId="dashboard-total-contacts"
            loading={query.isLoading}
          />
        </Col>
        <Col xs={12} md={6}>
          <StatCard
            title={t('totals.stale', { days: stale?.days ?? 90 })}
            value={stale?.count}
            testId="dashboard-stale-contacts"
            loading={query.isLoading}
            footer={
              stale && (
                <div
                  style={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    justifyContent: 'space-between',
                    gap: 4,
                    marginTop: 4,
                  }}
                >
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('totals.staleShare', { percent: stalePercent })}
                  </Typography.Text>
                  <Link to={`/contacts?staleDays=${stale.days}`} data-testid="dashboard-stale-link">
                    {t('totals.viewStale')} <RightOutlined />
                  </Link>
                </div>
              )
            }
          />
        </Col>

        {options && data && (
          <>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('charts.accountsByTier')}
                extra={clickHint}
                isEmpty={data.accountsByTier.length === 0}
              >
                <LazyEChart
                  option={options.tier}
                  height={CHART_HEIGHT}
                  ariaLabel={t('charts.accountsByTier')}
                  onItemClick={(event) => {
                    const row = data.accountsByTier[event.dataIndex];
                    if (row) navigate(`/accounts?tier=${row.tier}`);
                  }}
                />
              </ChartCard>
            </Col>
            <Col xs={24} lg={12}>
              <ChartCard
                title={t('charts.storesByClass')}
                extra={clickHint}
                isEmpty={data.storesByClass.length === 0}
              >
                <LazyEChart
                  option={options.storeClass}
                  height={CHART_HEIGHT}
                  ariaLabel={t('charts.storesByClass')}
                  onItemClick={(event) =>
                    navigate(`/stores?storeClass=${['A', 'B', 'C', 'none'][event.dataIndex]}`)
                  }
                />
              </ChartCard>
            </Col>
            <Col xs={24} lg={isFieldRole ? 24 : 12}>
              <ChartCard title={t('charts.storesByFormat')} extra={clickHint} isEmpty={formats.length === 0}>
                <LazyEChart
                  option={options.format}
                  height={Math.max(200, formats.length * 44 + 48)}
                  ariaLabel={t('charts.storesByFormat')}
                  onItemClick={(event) => {
                    const row = formats[event.dataIndex];
                    if (row) navigate(`/stores?format=${row.format}`);
                  }}
                />
              </ChartCard>
            </Col>
            {/* A rep's own bar says nothing new; the ranking is for those who lead reps. */}
            {!isFieldRole && (
              <Col xs={24} lg={12}>
                <ChartCard title={t('charts.storesPerRep')} isEmpty={reps.length === 0}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('charts.perRepHint', { total: reps.length, shown: PER_REP_VISIBLE_ROWS })}
                  </Typography.Text>
                  <div
                    data-testid="dashboard-per-rep"
                    style={{
                      maxHeight: PER_REP_VISIBLE_ROWS * PER_REP_ROW_HEIGHT + 24,
                      overflowY: 'auto',
                      marginTop: 4,
                    }}
                  >
                    <LazyEChart
                      option={options.perRep}
                      height={perRepHeight}
                      ariaLabel={t('charts.storesPerRep')}
                      onItemClick={(event) => {
                        const row = reps[event.dataIndex];
                        if (row) navigate(`/stores?repId=${row.repId}`);
                      }}
                    />
                  </div>
                </ChartCard>
              </Col>
            )}
          </>
        )}
      </Row>
    </div>
  );
}
