import { Alert, Col, Form, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMappingInput, ImportPreview } from '../../../core/imports/imports.contract';
import type { ImportKind, MappingField } from '../../../core/imports/imports.enums';
import { missingFields, screenFieldsOf, type FieldNeed } from './mapping-fields';

const needColors: Record<FieldNeed, string> = { required: 'red', either: 'orange', optional: 'default' };

/**
 * The mapping screen: the file's first rows, and for each field the kind needs a choice of the file's columns.
 * Columns already mapped are tagged in the preview's header, so a wrong guess shows at a glance.
 */
export function ColumnMapping({
  kind,
  preview,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  preview: ImportPreview;
  mapping: ColumnMappingInput;
  onChange: (mapping: ColumnMappingInput) => void;
}) {
  const { t } = useTranslation('imports');
  const fields = screenFieldsOf(kind);
  const fieldLabel = (field: MappingField) => t(`fields.${field}`);
  const eitherFields = fields.filter((item) => item.need === 'either').map((item) => fieldLabel(item.field));
  const needLabel = (need: FieldNeed) =>
    need === 'either' ? t('mapping.either', { fields: eitherFields.join(' / ') }) : t(`mapping.${need}`);
  const missing = missingFields(kind, mapping);
  const sample = preview.rows[0] ?? {};
  const fieldsOfHeader = (header: string) =>
    fields.filter((item) => mapping[item.field] === header).map((item) => fieldLabel(item.field));

  const firstEither = fields.find((item) => item.need === 'either')?.field;
  const options = preview.headers.map((header) => ({ value: header, label: header }));
  return (
    <div data-testid="import-mapping">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('mapping.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('mapping.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {fields.map(({ field, need }) => {
            const value = mapping[field];
            const isMissingColumn = value !== undefined && !preview.headers.includes(value);
            return (
              <Col key={field} xs={24} sm={12} lg={8}>
                <Form.Item
                  htmlFor={`mapping-${field}`}
                  label={
                    <Space size={4}>
                      {fieldLabel(field)}
                      <Tag color={needColors[need]} style={{ marginInlineEnd: 0 }}>
                        {need === 'either' ? t('mapping.eitherTag') : needLabel(need)}
                      </Tag>
                    </Space>
                  }
                  validateStatus={isMissingColumn ? 'error' : undefined}
                  help={isMissingColumn ? t('mapping.notInFile') : undefined}
                  extra={field === firstEither ? needLabel(need) : undefined}
                  style={{ marginBottom: 12 }}
                >
                  <Select
                    id={`mapping-${field}`}
                    data-testid={`mapping-${field}`}
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder={t('mapping.choose')}
                    value={value}
                    options={options}
                    onChange={(header: string | undefined) => {
                      const next = { ...mapping };
                      if (header) next[field] = header;
                      else delete next[field];
                      onChange(next);
                    }}
                    optionRender={(option) => (
                      <Space size={8}>
                        <span>{option.label}</span>
                        {sample[String(option.value)] && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {sample[String(option.value)]}
                          </Typography.Text>
                        )}
                      </Space>
                    )}
                  />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('mapping.missing', {
            fields: missing.map((group) => group.map(fieldLabel).join(' / ')).join('、'),
          })}
        />
      )}
      <Typography.Text strong>{t('preview', { count: preview.rows.length })}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
        {t('encodingDetected', { encoding: preview.encoding.toUpperCase() })}
      </Typography.Text>
      <Table<Record<string, string>>
        data-testid="import-preview"
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(_row) => preview.rows.indexOf(_row)}
        dataSource={preview.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={preview.headers.map((header) => ({
          key: header,
          dataIndex: header,
          title: (
            <Space size={4} wrap>
              {header}
              {fieldsOfHeader(header).map((label) => (
                <Tag key={label} color="blue" style={{ marginInlineEnd: 0 }}>
                  {label}
                </Tag>
              ))}
            </Space>
          ),
          render: (value: string | undefined) => value ?? '',
        }))}
      />
    </div>
  );
}
