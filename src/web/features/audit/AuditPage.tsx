import { DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  auditActions,
  auditEntities,
  type AuditAction,
  type AuditEvent,
} from '../../../core/audit/audit.contract';
import type { ListResponse } from '../../../core/common/list';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useTableUrlState } from '../../lib/url-state';
import { AuditChanges, changedFieldsOf } from './AuditChanges';

const FILTER_KEYS = ['entity', 'action', 'from', 'to', 'entityId', 'actorId'] as const;
const actionColors: Record<AuditAction, string> = { create: 'green', update: 'blue', delete: 'red' };

/** Who changed what and when. Filters live in the URL, so a link can open one record's history (?entity=store&entityId=12). */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const locale = currentLocale();
  const { state, update, apiQuery } = useTableUrlState(FILTER_KEYS, 50);
  const query = useQuery({
    queryKey: ['audit-events', apiQuery],
    queryFn: () => api.get<ListResponse<AuditEvent>>('/api/audit-events', apiQuery),
    placeholderData: keepPreviousData,
  });
  const { from, to, entityId, actorId } = state.filters;

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('columns.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at, locale)}</span>,
    },
    {
      title: t('columns.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('system')}</Typography.Text>,
    },
    {
      title: t('columns.entity'),
      dataIndex: 'entity',
      key: 'entity',
      render: (entity: string) => t(`entity.${entity}`),
    },
    {
      title: t('columns.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: AuditAction) => <Tag color={actionColors[action]}>{t(`action.${action}`)}</Tag>,
    },
    { title: t('columns.entityId'), dataIndex: 'entityId', key: 'entityId', responsive: ['sm'] },
    {
      title: t('columns.fields'),
      key: 'fields',
      responsive: ['md'],
      render: (_, event) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
          {changedFieldsOf(event)
            .map((row) => row.field)
            .join(', ')}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={state.q}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 220, maxWidth: '100%' }}
        />
        <Select
          allowClear
          placeholder={t('filters.entity')}
          aria-label={t('columns.entity')}
          value={state.filters.entity}
          onChange={(entity?: string) => update({ filters: { entity } })}
          options={auditEntities.map((entity) => ({ value: entity, label: t(`entity.${entity}`) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('filters.action')}
          aria-label={t('columns.action')}
          value={state.filters.action}
          onChange={(action?: string) => update({ filters: { action } })}
          options={auditActions.map((action) => ({ value: action, label: t(`action.${action}`) }))}
          style={{ width: 120 }}
        />
        {/* Two pickers rather than a range picker: its double calendar does not fit a phone. */}
        <DatePicker
          placeholder={t('filters.from')}
          aria-label={t('filters.from')}
          value={from ? dayjs(from) : null}
          maxDate={to ? dayjs(to) : undefined}
          onChange={(date) => update({ filters: { from: date ? date.format('YYYY-MM-DD') : undefined } })}
          inputReadOnly
          style={{ width: 140 }}
        />
        <DatePicker
          placeholder={t('filters.to')}
          aria-label={t('filters.to')}
          value={to ? dayjs(to) : null}
          minDate={from ? dayjs(from) : undefined}
          onChange={(date) => update({ filters: { to: date ? date.format('YYYY-MM-DD') : undefined } })}
          inputReadOnly
          style={{ width: 140 }}
        />
        {entityId && (
          <Tag
            closable
            onClose={() => update({ filters: { entityId: undefined } })}
            style={{ alignSelf: 'center' }}
          >
            {t('entityIdFilter', { id: entityId })}
          </Tag>
        )}
        {actorId && (
          <Tag
            closable
            onClose={() => update({ filters: { actorId: undefined } })}
            style={{ alignSelf: 'center' }}
          >
            {t('actorIdFilter', { id: actorId })}
          </Tag>
        )}
      </Flex>
      <ErrorAlert error={query.error} />
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (event) => <AuditChanges event={event} />, expandRowByClick: true }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common:list.total', { total }),
        }}
        onChange={(pagination, _filters, _sorter, extra) => {
          if (extra.action === 'paginate')
            update({ page: pagination.current ?? 1, pageSize: pagination.pageSize });
        }}
      />
    </div>
  );
}
