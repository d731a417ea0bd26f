import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SupplySettingsInput } from '../../../core/analytics/analytics.contract';
import { coverDays } from '../../../core/analytics/replenishment';
import { useNotifyError } from '../../components/useNotifyError';
import { useSaveSupplySettings, useSupplySettings } from './order-suggestions.api';

type Settings = SupplySettingsInput;

const FIELDS = [
  { name: 'leadTimeDays', min: 0, max: 120 },
  { name: 'reviewPeriodDays', min: 0, max: 120 },
  { name: 'safetyDays', min: 0, max: 120 },
  { name: 'averageWindowDays', min: 7, max: 365 },
] as const;

/** The formula in words for everyone; below it, for those who may, each account's settings to edit. */
export function SupplySettingsPanel({ canEdit, isPhone }: { canEdit: boolean; isPhone: boolean }) {
  const { t } = useTranslation('orderSuggestions');
  return (
    <Card size="small" title={t('formula.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph strong style={{ marginBottom: 4 }} data-testid="order-formula">
        {t('formula.text')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: canEdit ? 12 : 0, fontSize: 12 }}>
        {t('formula.notes')}
      </Typography.Paragraph>
      {canEdit && <SettingsEditor isPhone={isPhone} />}
    </Card>
  );
}

function SettingsEditor({ isPhone }: { isPhone: boolean }) {
  const { t } = useTranslation('orderSuggestions');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const all = useSupplySettings(true);
  const save = useSaveSupplySettings();
  const [accountId, setAccountId] = useState<number | null>(null);
  const [form] = Form.useForm<Settings>();
  const accounts = all.data?.items ?? [];
  const stored = accounts.find((item) => item.accountId === accountId);
  const values = Form.useWatch([], form) as Settings | undefined;

  useEffect(() => {
    if (stored)
      form.setFieldsValue({
        leadTimeDays: stored.leadTimeDays,
        reviewPeriodDays: stored.reviewPeriodDays,
        safetyDays: stored.safetyDays,
        averageWindowDays: stored.averageWindowDays,
      });
  }, [stored, form]);

  const size = isPhone ? 'large' : 'middle';
  return (
    <div data-testid="supply-settings-editor" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
      <Typography.Text strong>{t('settings.title')}</Typography.Text>
      <Flex wrap gap={8} align="center" style={{ margin: '8px 0' }}>
        <Select<number>
          allowClear
          size={size}
          placeholder={t('settings.pickAccount')}
          aria-label={t('settings.account')}
          data-testid="supply-settings-account"
          loading={all.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={accounts.map((account) => ({
            value: account.accountId,
            label: `${account.accountName}（${account.accountCode}）`,
          }))}
          value={accountId ?? undefined}
          onChange={(id) => setAccountId(id ?? null)}
          style={{ width: isPhone ? '100%' : 280 }}
        />
        {stored?.isDefault && (
          <Typography.Text type="secondary">{t('settings.usingDefaults')}</Typography.Text>
        )}
      </Flex>
      {stored && (
        <Form<Settings>
          form={form}
          layout={isPhone ? 'vertical' : 'inline'}
          size={size}
          onFinish={(settings) =>
            save.mutate(
              { accountId: stored.accountId, settings },
              { onSuccess: () => message.success(t('settings.saved')), onError: notifyError },
            )
          }
        >
          {FIELDS.map((field) => (
            <Form.Item
              key={field.name}
              name={field.name}
              label={t(`settings.${field.name}`)}
              rules={[{ required: true }]}
              style={{ marginBottom: 8 }}
            >
              <InputNumber
                min={field.min}
                max={field.max}
                precision={0}
                style={{ width: isPhone ? '100%' : 90 }}
              />
            </Form.Item>
          ))}
          <Form.Item style={{ marginBottom: 8 }}>
            <Flex gap={8} align="center">
              <Button
                type="primary"
                htmlType="submit"
                loading={save.isPending}
                data-testid="supply-settings-save"
              >
                {t('common:actions.save')}
              </Button>
              {values && (
                <Typography.Text type="secondary">
                  {t('settings.cover', {
                    days: coverDays({
                      leadTimeDays: values.leadTimeDays ?? 0,
                      reviewPeriodDays: values.reviewPeriodDays ?? 0,
                      safetyDays: values.safetyDays ?? 0,
                    }),
                  })}
                </Typography.Text>
              )}
            </Flex>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}
