import { useState } from 'react';
import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, AccountInput } from '../../../core/accounts/accounts.contract';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDrawer } from '../../components/FormDrawer';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useSaveAccount } from './accounts.api';

type Values = Omit<AccountInput, 'houseRules'>;

/** Create an account, or change its profile; house rules are edited section by section on the account page. */
export function AccountFormDrawer({
  open,
  account,
  onClose,
  onSaved,
}: {
  open: boolean;
  account: Account | null;
  onClose: () => void;
  onSaved: (account: Account) => void;
}) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveAccount(account?.id ?? null);
  const [error, setError] = useState<unknown>(null);
  const required = (field: string) => [
    { required: true, message: t('required', { field: t(`field.${field}`) }) },
  ];

  async function onFinish(values: Values) {
    setError(null);
    try {
      const saved = await save.mutateAsync({
        ...values,
        hqCity: values.hqCity?.trim() || null,
        notes: values.notes?.trim() || null,
      });
      message.success(t('common:saved'));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      form.setFields(
        fieldErrorsOf(caught).map(({ name, errors }) => ({ name: name as keyof Values, errors })),
      );
    }
  }

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <FormDrawer
      open={open}
      title={account ? t('editTitle') : t('create')}
      onClose={close}
      onSave={() => form.submit()}
      saving={save.isPending}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void onFinish(values)}
        initialValues={
          account
            ? {
                code: account.code,
                name: account.name,
                tier: account.tier,
                tradeType: account.tradeType,
                formats: account.formats,
                hqCity: account.hqCity,
                status: account.status,
                notes: account.notes,
              }
            : { tier: 'core', tradeType: 'hq_direct', status: 'active', formats: [] }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label={t('field.name')} rules={required('name')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              label={t('field.code')}
              rules={[...required('code'), { pattern: /^[A-Za-z0-9_-]+$/, message: t('codeHint') }]}
              extra={t('codeHint')}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="tier" label={t('field.tier')} rules={required('tier')}>
              <EnumSelect kind="accountTier" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="tradeType" label={t('field.tradeType')} rules={required('tradeType')}>
              <EnumSelect kind="tradeType" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="formats" label={t('field.formats')}>
              <EnumSelect kind="storeFormat" mode="multiple" allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="hqCity" label={t('field.hqCity')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('field.status')} rules={required('status')}>
              <EnumSelect kind="accountStatus" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('field.notes')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
