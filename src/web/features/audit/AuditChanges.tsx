import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../core/audit/audit.contract';

interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** Every field an event recorded, in a stable order: the changed ones of an update, all of a create or delete. */
export function changedFieldsOf(event: AuditEvent): ChangeRow[] {
  const fields = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return fields.map((field) => ({ field, before: event.before?.[field], after: event.after?.[field] }));
}

function Value({ value, side }: { value: unknown; side: 'before' | 'after' }) {
  const { t } = useTranslation('audit');
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">{t('empty')}</Typography.Text>;
  const text =
    typeof value === 'boolean'
      ? t(value ? 'common:yes' : 'common:no')
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return (
    <Typography.Text
      delete={side === 'before'}
      type={side === 'before' ? 'secondary' : undefined}
      style={{ wordBreak: 'break-word' }}
    >
      {text}
    </Typography.Text>
  );
}

/** Before → after of each field of one audit event (the expanded row). */
export function AuditChanges({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const rows = changedFieldsOf(event);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('change.none')}</Typography.Text>;
  return (
    <Table<ChangeRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid={`audit-changes-${event.id}`}
      columns={[
        {
          title: t('change.field'),
          dataIndex: 'field',
          width: 180,
          render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
        },
        ...(event.action === 'create'
          ? []
          : [
              {
                title: t('change.before'),
                key: 'before',
                render: (_: unknown, row: ChangeRow) => <Value value={row.before} side="before" />,
              },
            ]),
        ...(event.action === 'delete'
          ? []
          : [
              {
                title: t('change.after'),
                key: 'after',
                render: (_: unknown, row: ChangeRow) => <Value value={row.after} side="after" />,
              },
            ]),
      ]}
    />
  );
}
