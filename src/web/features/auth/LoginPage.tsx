import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { SignInOptions } from '../../../core/auth/auth.contract';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { currentLocale, setLocale } from '../../lib/i18n';
import { useSession } from '../../lib/session';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<{ title: string; detail?: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  // Only a demo installation names its logins.
  const options = useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => api.get<SignInOptions>('/api/auth/sign-in-options'),
    staleTime: Infinity,
  });

  if (user) return <Navigate to={from} replace />;

  async function onFinish(values: { username: string; password: string }) {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username, values.password);
      navigate(from, { replace: true });
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: '#f0f2f5',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}
        >
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('common:appName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('common:appTagline')}</Typography.Text>
          </div>
          <Segmented
            size="small"
            value={currentLocale()}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(value) => void setLocale(value as 'zh-CN' | 'en')}
          />
        </div>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.title}
            description={error.detail}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
          <Form.Item
            name="username"
            label={t('username')}
            rules={[{ required: true, message: t('required', { field: t('username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('password')}
            rules={[{ required: true, message: t('required', { field: t('password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('submit')}
          </Button>
        </Form>
        {options.data && options.data.demoLogins.length > 0 && (
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}
            data-testid="demo-hint"
          >
            {t('demoHint', {
              logins: options.data.demoLogins.join(' / '),
              password: options.data.demoPassword,
            })}
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
