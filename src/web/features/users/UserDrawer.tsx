import { useEffect, useState } from 'react';
import { App, Button, Drawer, Flex, Form, Grid, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/auth/roles';
import type { User } from '../../../core/org/org.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { ApiError } from '../../lib/api';
import { useEnumOptions } from '../../lib/enums';
import { useCurrentUser } from '../../lib/session';
import { useSaveUser } from './users.api';

interface UserFormValues {
  username: string;
  displayName: string;
  phone?: string;
  role: Role;
  orgUnitId?: number | null;
  isActive: boolean;
  password?: string;
}

// The same limits as userCreateSchema in core/org/org.contract.ts, with messages in the user's language.
const USERNAME_PATTERN = /^[a-z0-9._-]{2,64}$/;
const PASSWORD_MIN = 8;

/** Create a user (user = null) or edit one; the server's answer (e.g. a taken username) is shown in place. */
export function UserDrawer({
  open,
  user,
  onClose,
}: {
  open: boolean;
  user: User | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const me = useCurrentUser();
  const roleOptions = useEnumOptions('userRole');
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<UserFormValues>();
  const save = useSaveUser();
  const [error, setError] = useState<unknown>(null);
  const isEdit = user !== null;
  const isSelf = user?.id === me.id;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            displayName: user.displayName,
            phone: user.phone ?? '',
            role: user.role,
            orgUnitId: user.orgUnitId,
            isActive: user.isActive,
          }
        : { isActive: true, role: 'rep' },
    );
  }, [open, user, form]);

  async function submit(values: UserFormValues) {
    setError(null);
    const common = {
      displayName: values.displayName.trim(),
      phone: values.phone?.trim() || null,
      role: values.role,
      orgUnitId: values.orgUnitId ?? null,
      isActive: values.isActive,
    };
    try {
      if (user) {
        await save.mutateAsync({
          id: user.id,
          changes: { ...common, ...(values.password ? { password: values.password } : {}) },
        });
        message.success(t('common:saved'));
      } else {
        const created = await save.mutateAsync({
          id: null,
          user: { ...common, username: values.username.trim(), password: values.password ?? '' },
        });
        message.success(t('created', { username: created.username }));
      }
      onClose();
    } catch (caught) {
      setError(caught);
      if (
        caught instanceof ApiError &&
        caught.code === 'conflict' &&
        (caught.details as { field?: string } | undefined)?.field === 'username'
      ) {
        form.setFields([{ name: 'username', errors: [t('usernameTaken')] }]);
      }
    }
  }

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('rules.required', { field: t(`fields.${field}`) }),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('editTitle', { name: user.displayName }) : t('createTitle')}
      size={screens.md ? 480 : '100%'}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="user-save"
          >
            {t('common:actions.save')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        requiredMark="optional"
      >
        <Form.Item
          name="username"
          label={t('fields.username')}
          normalize={(value: string) => value.toLowerCase()}
          rules={
            isEdit ? [] : [required('username'), { pattern: USERNAME_PATTERN, message: t('rules.username') }]
          }
          extra={isEdit ? undefined : t('rules.username')}
        >
          <Input disabled={isEdit} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[required('displayName'), { max: 80 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[{ max: 30 }]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('fields.role')}
          rules={[{ required: true, message: t('rules.required', { field: t('fields.role') }) }]}
          extra={isSelf ? t('selfHint') : undefined}
        >
          <Select options={roleOptions} disabled={isSelf} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('fields.orgUnit')}>
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="isActive"
          label={t('fields.isActive')}
          valuePropName="checked"
          extra={t('inactiveHint')}
        >
          <Switch checkedChildren={t('active')} unCheckedChildren={t('inactive')} disabled={isSelf} />
        </Form.Item>
        <Form.Item
          name="password"
          label={isEdit ? t('fields.newPassword') : t('fields.password')}
          extra={isEdit ? t('resetHint') : t('passwordHint')}
          rules={[
            ...(isEdit
              ? []
              : [{ required: true, message: t('rules.required', { field: t('fields.password') }) }]),
            { min: PASSWORD_MIN, message: t('rules.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
