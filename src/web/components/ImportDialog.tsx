import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../core/common/errors';
import type { ImportRejection, ImportResult } from '../../core/common/imports';
import { localizeReason } from '../../core/imports/problem-reasons';
import { api, ApiError } from '../lib/api';
import { currentLocale } from '../lib/i18n';
import { ErrorAlert } from './ErrorAlert';

export type { ImportResult };

/**
 * Upload an .xlsx/.csv, then either the counts of what was applied or the full problem list
 * (row, column, value, reason). A rejected file changes nothing, and the dialog says so.
 */
export function ImportDialog({
  open,
  title,
  importPath,
  templatePath,
  onClose,
  onApplied,
}: {
  open: boolean;
  title: string;
  importPath: string;
  templatePath: string;
  onClose: () => void;
  onApplied: (result: ImportResult) => void;
}) {
  const { t } = useTranslation('common');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rejected, setRejected] = useState<ImportRejection | null>(null);
  const [error, setError] = useState<unknown>(null);

  function reset() {
    setFile(null);
    setResult(null);
    setRejected(null);
    setError(null);
  }

  async function submit() {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setRejected(null);
    setError(null);
    try {
      const applied = await api.upload<ImportResult>(importPath, file, file.name);
      setResult(applied);
      onApplied(applied);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'import_rejected')
        setRejected(caught.details as ImportRejection);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={860}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={[
        <Button key="template" icon={<DownloadOutlined />} onClick={() => void api.download(templatePath)}>
          {t('actions.template')}
        </Button>,
        <Button
          key="close"
          onClick={() => {
            reset();
            onClose();
          }}
        >
          {t('actions.close')}
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!file}
          loading={busy}
          onClick={() => void submit()}
          data-testid="import-submit"
        >
          {t('actions.import')}
        </Button>,
      ]}
    >
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setResult(null);
          setRejected(null);
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('import.drop')}</p>
        <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="import-applied"
            title={t('import.applied')}
            description={
              <Descriptions size="small" column={4}>
                <Descriptions.Item label={t('import.rowsRead')}>{result.rowsRead}</Descriptions.Item>
                <Descriptions.Item label={t('import.created')}>{result.created}</Descriptions.Item>
                <Descriptions.Item label={t('import.updated')}>{result.updated}</Descriptions.Item>
                <Descriptions.Item label={t('import.unchanged')}>{result.unchanged}</Descriptions.Item>
              </Descriptions>
            }
          />
        )}
        {rejected && (
          <div data-testid="import-rejected">
            <Alert
              type="error"
              showIcon
              title={t('errors.import_rejected')}
              description={t('import.problems', { count: rejected.errorCount, rows: rejected.rowsRead })}
              style={{ marginBottom: 12 }}
            />
            <Table<ImportProblem>
              size="small"
              rowKey={(problem) => `${problem.row}:${problem.column}:${problem.reason}`}
              dataSource={rejected.errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 70 },
                { title: t('import.column'), dataIndex: 'column', width: 140 },
                {
                  title: t('import.value'),
                  dataIndex: 'value',
                  width: 160,
                  render: (value: string | null) => value ?? '',
                },
                {
                  title: t('import.reason'),
                  dataIndex: 'reason',
                  // The API's reasons are English (scripts rely on them); people read them in their language.
                  render: (reason: string) => localizeReason(reason, currentLocale()),
                },
              ]}
            />
          </div>
        )}
      </div>
    </Modal>
  );
}
