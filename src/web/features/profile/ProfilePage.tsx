import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Segmented, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/auth/auth.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { orgUnitPath, useOrgUnits } from '../../components/org-units';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { api, ApiError } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { currentLocale, setLocale } from '../../lib/i18n';
import { useCurrentUser } from '../../lib/session';
import { ApiTokensCard } from './ApiTokensCard';

function MyInfoCard() {
  const { t } = useTranslation('profile');
  const user = useCurrentUser();
  const enumLabel = useEnumLabel();
  const { data: units = [] } = useOrgUnits();
  return (
    <Card title={t('info.title')} size="small" style={{ height: '100%' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('info.displayName')}>{user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('info.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('info.role')}>{enumLabel('userRole', user.role)}</Descriptions.Item>
        <Descriptions.Item label={t('info.orgUnit')}>
          {user.orgUnitId === null ? t('info.none') : orgUnitPath(units, user.orgUnitId) || '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The same as the user menu's language switch: this browser at once, the account in the background. */
function LanguageCard() {
  const { t } = useTranslation('profile');
  const notifyError = useNotifyError();
  async function change(next: Locale) {
    await setLocale(next);
    try {
      await api.put('/api/auth/me/preferences', { locale: next });
    } catch (error) {
      notifyError(error);
    }
  }
  return (
    <Card title={t('language.title')} size="small" style={{ height: '100%' }}>
      <Segmented<Locale>
        size="large"
        value={currentLocale()}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
        onChange={(value) => void change(value)}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('language.hint')}
      </Typography.Paragraph>
    </Card>
  );
}

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function PasswordCard() {
  const { t } = useTranslation('profile');
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [error, setError] = useState<unknown>(null);
  const change = useMutation({
    mutationFn: (values: PasswordValues) =>
      api.post('/api/auth/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
  });

  async function submit(values: PasswordValues) {
    setError(null);
    try {
      await change.mutateAsync(values);
      form.resetFields();
      message.success(t('password.changed'));
    } catch (caught) {
      const wrongCurrent =
        caught instanceof ApiError &&
        Array.isArray(caught.details) &&
        (caught.details as { path?: string }[]).some((item) => item.path === 'body.currentPassword');
      if (wrongCurrent) form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
      else setError(caught);
    }
  }

  const required = (field: string) => ({
    required: true,
    message: t('password.required', { field: t(`password.${field}`) }),
  });
  return (
    <Card title={t('password.title')} size="small" style={{ height: '100%' }}>
      <ErrorAlert error={error} />
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        style={{ maxWidth: 400 }}
      >
        <Form.Item name="currentPassword" label={t('password.current')} rules={[required('current')]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.next')}
          extra={t('password.hint')}
          rules={[required('next'), { min: 8, message: t('password.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            required('confirm'),
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** My settings: who I am, my language, my password and my API tokens. */
export function ProfilePage() {
  const { t } = useTranslation('profile');
  return (
    <div>
      <PageHeader title={t('title')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={8}>
          <MyInfoCard />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <LanguageCard />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <PasswordCard />
        </Col>
        <Col xs={24}>
          <ApiTokensCard />
        </Col>
      </Row>
    </div>
  );
}
