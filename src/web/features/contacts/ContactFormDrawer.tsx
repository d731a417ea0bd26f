import { useState } from 'react';
import { App, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactInput } from '../../../core/contacts/contacts.contract';
import { AccountSelect } from '../../components/AccountSelect';
import { DateStringPicker } from '../../components/DateStringPicker';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDrawer } from '../../components/FormDrawer';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useSaveContact } from './contacts.api';
import { StoreSelect } from './StoreSelect';

type Values = Required<{ [K in keyof ContactInput]: ContactInput[K] | null }>;

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

/** Create or change a contact: an HQ person of an account, or a person of one of its stores. */
export function ContactFormDrawer({
  open,
  contact,
  defaults,
  onClose,
  onSaved,
}: {
  open: boolean;
  contact: Contact | null;
  defaults?: { accountId?: number; storeId?: number };
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}) {
  const { t } = useTranslation('contacts');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact(contact?.id ?? null);
  const [error, setError] = useState<unknown>(null);
  const accountId = Form.useWatch('accountId', form);

  async function onFinish(values: Values) {
    setError(null);
    const input: ContactInput = {
      accountId: values.accountId ?? null,
      storeId: values.storeId ?? null,
      name: values.name!.trim(),
      role: values.role!,
      title: textOrNull(values.title),
      phone: textOrNull(values.phone),
      wechat: textOrNull(values.wechat),
      email: textOrNull(values.email),
      birthday: values.birthday ?? null,
      notes: textOrNull(values.notes),
      lastContactedOn: values.lastContactedOn ?? null,
    };
    try {
      const saved = await save.mutateAsync(input);
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

  const initialValues: Partial<Values> = contact
    ? {
        accountId: contact.accountId,
        storeId: contact.storeId,
        name: contact.name,
        role: contact.role,
        title: contact.title,
        phone: contact.phone,
        wechat: contact.wechat,
        email: contact.email,
        birthday: contact.birthday,
        notes: contact.notes,
        lastContactedOn: contact.lastContactedOn,
      }
    : {
        accountId: defaults?.accountId ?? null,
        storeId: defaults?.storeId ?? null,
        role: defaults?.storeId ? 'store_manager' : 'buyer',
      };

  return (
    <FormDrawer
      open={open}
      title={contact ? t('editTitle') : t('create')}
      onClose={close}
      onSave={() => form.submit()}
      saving={save.isPending}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="accountId"
              label={t('field.account')}
              dependencies={['storeId']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    value != null || getFieldValue('storeId') != null
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('placementRequired'))),
                }),
              ]}
            >
              <AccountSelect
                allowClear
                placeholder={t('field.account')}
                onChange={(next) => {
                  form.setFieldValue('accountId', next);
                  // A store of another chain no longer fits.
                  if (next !== accountId) form.setFieldValue('storeId', null);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="storeId" label={t('field.store')} extra={t('storeHint')}>
              <StoreSelect
                allowClear
                accountId={accountId}
                placeholder={t('field.store')}
                onChange={(next, store) => {
                  form.setFieldValue('storeId', next);
                  if (store) form.setFieldValue('accountId', store.accountId);
                  void form.validateFields(['accountId']).catch(() => undefined);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={t('field.name')}
              rules={[
                { required: true, whitespace: true, message: t('required', { field: t('field.name') }) },
              ]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="role"
              label={t('field.role')}
              rules={[{ required: true, message: t('required', { field: t('field.role') }) }]}
            >
              <EnumSelect kind="contactRole" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="title" label={t('field.title')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="phone"
              label={t('field.phone')}
              rules={[{ pattern: /^[0-9+\-() ]*$/, message: t('invalidPhone') }]}
            >
              <Input maxLength={30} type="tel" inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="wechat" label={t('field.wechat')}>
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="email"
              label={t('field.email')}
              rules={[{ type: 'email', message: t('invalidEmail') }]}
            >
              <Input maxLength={120} type="email" inputMode="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="birthday" label={t('field.birthday')}>
              <DateStringPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="lastContactedOn" label={t('field.lastContactedOn')}>
              <DateStringPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('field.notes')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
