import { useState } from 'react';
import { App, AutoComplete, Col, Form, Input, InputNumber, Rate, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { classifyStore } from '../../../core/stores/store-class';
import type { Store, StoreInput } from '../../../core/stores/stores.contract';
import { AccountSelect } from '../../components/AccountSelect';
import { DateStringPicker } from '../../components/DateStringPicker';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDrawer } from '../../components/FormDrawer';
import { OrgUnitTreeSelect } from '../../components/OrgUnitTreeSelect';
import { StoreClassTag } from '../../components/StoreClassTag';
import { useEnumLabel } from '../../lib/enums';
import { fieldErrorsOf } from '../../lib/form-errors';
import { useCan } from '../../lib/session';
import { chinaProvinces } from './china-provinces';
import { useFieldUsers, useSaveStore } from './stores.api';

type Values = Omit<StoreInput, 'accountId'> & { accountId: number | null };

const provinceOptions = chinaProvinces.map((name) => ({ value: name }));
const textOrNull = (value: string | null | undefined) => value?.trim() || null;

/** Create or change a store. The class is not entered: it follows from the floor area, shown as you type. */
export function StoreFormDrawer({
  open,
  store,
  defaultAccountId,
  onClose,
  onSaved,
}: {
  open: boolean;
  store: Store | null;
  defaultAccountId?: number;
  onClose: () => void;
  onSaved: (store: Store) => void;
}) {
  const { t } = useTranslation('stores');
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveStore(store?.id ?? null);
  const canWrite = useCan('writeStores');
  const fieldUsers = useFieldUsers(open && canWrite);
  const [error, setError] = useState<unknown>(null);
  const floorArea = Form.useWatch('floorArea', form);
  const storeClass = classifyStore(floorArea);
  const required = (field: string) => [
    { required: true, message: t('required', { field: t(`field.${field}`) }) },
  ];

  const repOptions = [
    ...(store?.reps ?? [])
      .filter((rep) => !fieldUsers.users.some((user) => user.id === rep.id))
      .map((rep) => ({ value: rep.id, label: rep.displayName })),
    ...fieldUsers.users.map((user) => ({
      value: user.id,
      label: `${user.displayName}（${label('userRole', user.role)}）`,
    })),
  ];

  async function onFinish(values: Values) {
    setError(null);
    const input: StoreInput = {
      accountId: values.accountId!,
      code: values.code.trim(),
      name: values.name.trim(),
      format: values.format,
      floorArea: values.floorArea ?? null,
      province: values.province.trim(),
      city: values.city.trim(),
      district: textOrNull(values.district),
      address: textOrNull(values.address),
      tradeArea: textOrNull(values.tradeArea),
      latitude: values.latitude ?? null,
      longitude: values.longitude ?? null,
      dailyTraffic: values.dailyTraffic ?? null,
      potential: values.potential || null,
      openedOn: values.openedOn ?? null,
      status: values.status,
      orgUnitId: values.orgUnitId ?? null,
      repIds: values.repIds ?? [],
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

  const initialValues: Partial<Values> = store
    ? {
        accountId: store.accountId,
        code: store.code,
        name: store.name,
        format: store.format,
        floorArea: store.floorArea,
        province: store.province,
        city: store.city,
        district: store.district,
        address: store.address,
        tradeArea: store.tradeArea,
        latitude: store.latitude,
        longitude: store.longitude,
        dailyTraffic: store.dailyTraffic,
        potential: store.potential,
        openedOn: store.openedOn,
        status: store.status,
        orgUnitId: store.orgUnitId,
        repIds: store.reps.map((rep) => rep.id),
      }
    : { accountId: defaultAccountId ?? null, status: 'open', format: 'hypermarket', repIds: [] };

  return (
    <FormDrawer
      open={open}
      title={store ? t('editTitle') : t('create')}
      onClose={close}
      onSave={() => form.submit()}
      saving={save.isPending}
      width={640}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="accountId" label={t('field.account')} rules={required('account')}>
              <AccountSelect placeholder={t('field.account')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="code" label={t('field.code')} rules={required('code')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="name" label={t('field.name')} rules={required('name')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="format" label={t('field.format')} rules={required('format')}>
              <EnumSelect kind="storeFormat" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="floorArea"
              label={t('field.floorArea')}
              extra={
                <Space size={4} data-testid="store-class-preview">
                  {storeClass ? (
                    <>
                      {t('classWillBe')}
                      <StoreClassTag value={storeClass} />
                    </>
                  ) : (
                    t('classUnknown')
                  )}
                </Space>
              }
            >
              <InputNumber
                min={1}
                max={1_000_000}
                precision={0}
                style={{ width: '100%' }}
                inputMode="numeric"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="province" label={t('field.province')} rules={required('province')}>
              <AutoComplete
                options={provinceOptions}
                showSearch={{ filterOption: (input, option) => !!option?.value.includes(input) }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="city" label={t('field.city')} rules={required('city')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="district" label={t('field.district')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('field.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="tradeArea" label={t('field.tradeArea')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="dailyTraffic" label={t('field.dailyTraffic')}>
              <InputNumber
                min={0}
                max={10_000_000}
                precision={0}
                style={{ width: '100%' }}
                inputMode="numeric"
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="latitude" label={t('field.latitude')}>
              <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="longitude" label={t('field.longitude')}>
              <InputNumber
                min={-180}
                max={180}
                step={0.000001}
                style={{ width: '100%' }}
                inputMode="decimal"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="potential" label={t('field.potential')}>
              <Rate allowClear style={{ fontSize: 24 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="openedOn" label={t('field.openedOn')}>
              <DateStringPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('field.status')} rules={required('status')}>
              <EnumSelect kind="storeStatus" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label={t('field.orgUnit')}>
              <OrgUnitTreeSelect placeholder={t('field.orgUnit')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="repIds"
              label={t('field.reps')}
              extra={<Typography.Text type="secondary">{t('repsHint')}</Typography.Text>}
            >
              <Select
                mode="multiple"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={repOptions}
                loading={fieldUsers.isLoading}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
