import { useEffect, useMemo, useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgUnitKinds, type OrgUnit, type OrgUnitKind } from '../../../core/org/org.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { orgUnitPath, subtreeIds, useOrgUnits } from '../../components/org-units';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { ApiError } from '../../lib/api';
import { useEnumOptions } from '../../lib/enums';
import { useCreateOrgUnit, useUpdateOrgUnit } from './org-units.api';

export type OrgUnitDialog =
  | { mode: 'create'; parent: OrgUnit | null }
  | { mode: 'rename'; unit: OrgUnit }
  | { mode: 'move'; unit: OrgUnit };

interface FormValues {
  code?: string;
  name?: string;
  kind?: OrgUnitKind;
  parentId?: number | null;
}

// Same rule as orgUnitInputSchema.code in core/org/org.contract.ts.
const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The next level down: a region under HQ, a city under a province… */
function childKindOf(parent: OrgUnit | null): OrgUnitKind {
  if (!parent) return 'hq';
  const index = orgUnitKinds.indexOf(parent.kind);
  return orgUnitKinds[Math.min(index + 1, orgUnitKinds.length - 1)];
}

/** Create a unit, rename it (name, code, kind) or move it under another parent. */
export function OrgUnitModal({ dialog, onClose }: { dialog: OrgUnitDialog | null; onClose: () => void }) {
  const { t } = useTranslation('orgUnits');
  const { message } = App.useApp();
  const kindOptions = useEnumOptions('orgUnitKind');
  const { data: units = [] } = useOrgUnits();
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const unit = dialog && dialog.mode !== 'create' ? dialog.unit : null;
  const blocked = useMemo(
    () => (dialog?.mode === 'move' ? subtreeIds(units, dialog.unit.id) : undefined),
    [dialog, units],
  );

  useEffect(() => {
    if (!dialog) return;
    setError(null);
    form.resetFields();
    if (dialog.mode === 'create') form.setFieldsValue({ kind: childKindOf(dialog.parent) });
    else
      form.setFieldsValue({
        code: dialog.unit.code,
        name: dialog.unit.name,
        kind: dialog.unit.kind,
        parentId: dialog.unit.parentId,
      });
  }, [dialog, form]);

  async function submit(values: FormValues) {
    if (!dialog) return;
    setError(null);
    try {
      if (dialog.mode === 'create') {
        const created = await create.mutateAsync({
          code: values.code!.trim(),
          name: values.name!.trim(),
          kind: values.kind!,
          parentId: dialog.parent?.id ?? null,
        });
        message.success(t('created', { name: created.name }));
      } else if (dialog.mode === 'rename') {
        await update.mutateAsync({
          id: dialog.unit.id,
          changes: { code: values.code!.trim(), name: values.name!.trim(), kind: values.kind! },
        });
        message.success(t('common:saved'));
      } else {
        await update.mutateAsync({ id: dialog.unit.id, changes: { parentId: values.parentId ?? null } });
        message.success(t('common:saved'));
      }
      onClose();
    } catch (caught) {
      setError(caught);
      if (
        caught instanceof ApiError &&
        (caught.details as { field?: string } | undefined)?.field === 'code'
      ) {
        form.setFields([{ name: 'code', errors: [caught.message] }]);
      }
    }
  }

  const title =
    dialog?.mode === 'create'
      ? dialog.parent
        ? t('createUnder', { parent: dialog.parent.name })
        : t('createTitle')
      : dialog?.mode === 'rename'
        ? t('renameTitle', { name: dialog.unit.name })
        : dialog?.mode === 'move'
          ? t('moveTitle', { name: dialog.unit.name })
          : '';
  const showsIdentity = dialog?.mode === 'create' || dialog?.mode === 'rename';

  return (
    <Modal
      open={dialog !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common:actions.save')}
      cancelText={t('common:actions.cancel')}
      confirmLoading={create.isPending || update.isPending}
      forceRender
    >
      <ErrorAlert error={error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {showsIdentity && (
          <>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('required', { field: t('fields.name') }) },
                { max: 80 },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('fields.code')}
              extra={t('codeHint')}
              rules={[
                { required: true, message: t('required', { field: t('fields.code') }) },
                { pattern: CODE_PATTERN, message: t('codeRule') },
                { max: 40 },
              ]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
              <Select options={kindOptions} />
            </Form.Item>
          </>
        )}
        {dialog?.mode === 'create' && (
          <Form.Item label={t('fields.parent')}>
            <Typography.Text>
              {dialog.parent ? orgUnitPath(units, dialog.parent.id) : t('topLevel')}
            </Typography.Text>
          </Form.Item>
        )}
        {dialog?.mode === 'move' && unit && (
          <>
            <Typography.Paragraph type="secondary">{t('moveHint')}</Typography.Paragraph>
            <Form.Item name="parentId" label={t('fields.parent')}>
              <OrgUnitTreeSelect
                disabledIds={blocked}
                placeholder={t('topLevel')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
