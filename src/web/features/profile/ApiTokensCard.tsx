import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreateApiToken } from '../../../core/auth/auth.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotifyError } from '../../components/useNotifyError';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';

const TOKENS_KEY = ['api-tokens'] as const;

/** Personal API tokens: the list (never the secrets), creation showing the secret once, revocation. */
export function ApiTokensCard() {
  const { t } = useTranslation('profile');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [form] = Form.useForm<{ name: string; expiresInDays?: number | null }>();
  const [created, setCreated] = useState<(ApiToken & { token: string }) | null>(null);
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => (await api.get<{ items: ApiToken[] }>('/api/auth/tokens')).items,
  });
  const create = useMutation({
    mutationFn: (input: CreateApiToken) => api.post<ApiToken & { token: string }>('/api/auth/tokens', input),
    onSuccess: (token) => {
      setCreated(token);
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete(`/api/auth/tokens/${id}`),
    onSuccess: () => {
      message.success(t('tokens.revoked'));
      return queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
    onError: notifyError,
  });
  const curl = `curl -H "Authorization: Bearer <token>" ${window.location.origin}/api/stores`;

  return (
    <Card title={t('tokens.title')} size="small">
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>

      {created && (
        <Alert
          type="warning"
          showIcon
          data-testid="token-secret"
          style={{ marginBottom: 16 }}
          title={t('tokens.createdTitle', { name: created.name })}
          description={
            <>
              <Typography.Paragraph>{t('tokens.secretWarning')}</Typography.Paragraph>
              <Typography.Paragraph
                copyable={{ text: created.token }}
                code
                style={{ wordBreak: 'break-all', fontSize: 14 }}
              >
                {created.token}
              </Typography.Paragraph>
              <Button onClick={() => setCreated(null)}>{t('tokens.saved')}</Button>
            </>
          }
        />
      )}

      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="inline"
        onFinish={(values) =>
          create.mutate({
            name: values.name.trim(),
            ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
          })
        }
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('tokens.required') }, { max: 80 }]}
        >
          <Input placeholder={t('tokens.namePlaceholder')} style={{ width: 200 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')}>
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            placeholder={t('tokens.expiresPlaceholder')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Form.Item>
      </Form>

      <ErrorAlert error={tokens.error} />
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={tokens.isLoading}
        dataSource={tokens.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('tokens.empty') }}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
          {
            title: t('tokens.prefix'),
            dataIndex: 'prefix',
            key: 'prefix',
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          {
            title: t('tokens.createdAt'),
            dataIndex: 'createdAt',
            key: 'createdAt',
            render: (at: string) => formatDateTime(at, locale),
          },
          {
            title: t('tokens.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            key: 'lastUsedAt',
            render: (at: string | null) =>
              at ? (
                formatDateTime(at, locale)
              ) : (
                <Typography.Text type="secondary">{t('tokens.never')}</Typography.Text>
              ),
          },
          {
            title: t('tokens.expiresAt'),
            dataIndex: 'expiresAt',
            key: 'expiresAt',
            render: (at: string | null) =>
              !at ? (
                <Typography.Text type="secondary">{t('tokens.noExpiry')}</Typography.Text>
              ) : new Date(at).getTime() < Date.now() ? (
                <Tag color="red">{t('tokens.expired')}</Tag>
              ) : (
                formatDateTime(at, locale)
              ),
          },
          {
            key: 'actions',
            render: (_, token) => (
              <Popconfirm
                title={t('tokens.revokeConfirm', { name: token.name })}
                okText={t('tokens.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common:actions.cancel')}
                onConfirm={() => revoke.mutateAsync(token.id).catch(() => undefined)}
              >
                <Button danger type="link" icon={<DeleteOutlined />}>
                  {t('tokens.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />

      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 4 }}>
        {t('tokens.usage')}
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: curl }}
        code
        style={{ wordBreak: 'break-all' }}
        data-testid="token-curl"
      >
        {curl}
      </Typography.Paragraph>
      <Typography.Link href="/api/docs" target="_blank" rel="noreferrer">
        {t('tokens.docs')}
      </Typography.Link>
    </Card>
  );
}
