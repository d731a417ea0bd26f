import { useState } from 'react';
import { App, Col, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { barcodeKind } from '../../../core/catalog/barcode';
import type { Sku, SkuInput } from '../../../core/catalog/catalog.contract';
import type { SkuStatus } from '../../../core/catalog/catalog.enums';
import { DateStringPicker } from '../../components/DateStringPicker';
import { EnumSelect } from '../../components/EnumSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDrawer } from '../../components/FormDrawer';
import { fieldErrorsOf } from '../../lib/form-errors';
import { barcodeMessage, fenToYuan, yuanToFen } from './sku-form';
import { useSaveSku } from './skus.api';

/** The form's values: prices as yuan text (InputNumber in string mode), everything else as the API has it. */
interface Values {
  code: string;
  barcode?: string | null;
  name: string;
  brand: string;
  isOwn: boolean;
  competitorCompany?: string | null;
  category: string;
  flavour?: string | null;
  packSize?: string | null;
  unit?: string | null;
  casePack?: number | null;
  listPrice?: string | null;
  floorPrice?: string | null;
  retailPrice?: string | null;
  standardCost?: string | null;
  shelfLifeDays?: number | null;
  status: SkuStatus;
  launchedOn?: string | null;
}

/** The API's field for each price input, so a server error on `listPriceFen` lands on the yuan field. */
const priceFields = {
  listPriceFen: 'listPrice',
  floorPriceFen: 'floorPrice',
  retailPriceFen: 'retailPrice',
  standardCostFen: 'standardCost',
} as const;

const textOrNull = (value: string | null | undefined) => value?.trim() || null;

function toSkuInput(values: Values): SkuInput {
  return {
    code: values.code.trim(),
    barcode: textOrNull(values.barcode),
    name: values.name.trim(),
    brand: values.brand.trim(),
    isOwn: values.isOwn,
    competitorCompany: values.isOwn ? null : textOrNull(values.competitorCompany),
    category: values.category.trim(),
    flavour: textOrNull(values.flavour),
    packSize: textOrNull(values.packSize),
    unit: textOrNull(values.unit),
    casePack: values.casePack ?? null,
    listPriceFen: yuanToFen(values.listPrice),
    floorPriceFen: yuanToFen(values.floorPrice),
    retailPriceFen: yuanToFen(values.retailPrice),
    standardCostFen: yuanToFen(values.standardCost),
    shelfLifeDays: values.shelfLifeDays ?? null,
    status: values.status,
    launchedOn: values.launchedOn ?? null,
  };
}

/** Create or change a SKU. Prices are entered in yuan and sent in fen; the barcode's check digit is checked as typed. */
export function SkuFormDrawer({
  open,
  sku,
  onClose,
  onSaved,
}: {
  open: boolean;
  sku: Sku | null;
  onClose: () => void;
  onSaved: (sku: Sku) => void;
}) {
  const { t } = useTranslation('skus');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSku(sku?.id ?? null);
  const [error, setError] = useState<unknown>(null);
  const isOwn = Form.useWatch('isOwn', form) ?? sku?.isOwn ?? true;
  const barcode = (Form.useWatch('barcode', form) ?? '').trim();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('required', { field: t(`field.${field}`) }) },
  ];

  async function onFinish(values: Values) {
    setError(null);
    try {
      const saved = await save.mutateAsync(toSkuInput(values));
      message.success(t('common:saved'));
      onSaved(saved);
    } catch (caught) {
      setError(caught);
      form.setFields(
        fieldErrorsOf(caught).map(({ name, errors }) => ({
          name: (priceFields[name as keyof typeof priceFields] ?? name) as keyof Values,
          errors,
        })),
      );
    }
  }

  const close = () => {
    setError(null);
    onClose();
  };

  const initialValues: Partial<Values> = sku
    ? {
        ...sku,
        listPrice: fenToYuan(sku.listPriceFen),
        floorPrice: fenToYuan(sku.floorPriceFen),
        retailPrice: fenToYuan(sku.retailPriceFen),
        standardCost: fenToYuan(sku.standardCostFen),
      }
    : { isOwn: true, status: 'active' };

  const price = (field: (typeof priceFields)[keyof typeof priceFields]) => (
    <Col xs={12} sm={6}>
      <Form.Item name={field} label={t(`field.${field}`)}>
        <InputNumber<string>
          stringMode
          min="0"
          max="1000000"
          precision={2}
          step="0.1"
          style={{ width: '100%' }}
          inputMode="decimal"
        />
      </Form.Item>
    </Col>
  );

  return (
    <FormDrawer
      open={open}
      title={sku ? t('editTitle') : t('create')}
      onClose={close}
      onSave={() => form.submit()}
      saving={save.isPending}
      width={680}
    >
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void onFinish(values)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item name="code" label={t('field.code')} rules={required('code')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="barcode"
              label={t('field.barcode')}
              validateFirst
              rules={[
                {
                  validator: (_rule, value: string | null | undefined) => {
                    const code = value?.trim();
                    const problem = code ? barcodeMessage(code, t) : null;
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
              extra={
                barcode && barcodeMessage(barcode, t) === null ? (
                  <Typography.Text type="success" data-testid="barcode-valid">
                    {t('barcode.valid', { kind: barcodeKind(barcode) })}
                  </Typography.Text>
                ) : undefined
              }
            >
              <Input maxLength={13} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="name" label={t('field.name')} rules={required('name')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="brand" label={t('field.brand')} rules={required('brand')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label={t('field.category')} rules={required('category')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="isOwn" label={t('field.isOwn')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: true, label: t('own') },
                  { value: false, label: t('competitor') },
                ]}
              />
            </Form.Item>
          </Col>
          {!isOwn && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="competitorCompany"
                label={t('field.competitorCompany')}
                rules={required('competitorCompany')}
              >
                <Input maxLength={80} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} sm={8}>
            <Form.Item name="flavour" label={t('field.flavour')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="packSize" label={t('field.packSize')}>
              <Input maxLength={40} placeholder="120g" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="unit" label={t('field.unit')}>
              <Input maxLength={20} placeholder="袋" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="casePack" label={t('field.casePack')}>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Typography.Text type="secondary">{t('priceHint')}</Typography.Text>
          </Col>
          {price('listPrice')}
          {price('floorPrice')}
          {price('retailPrice')}
          {price('standardCost')}
          <Col xs={12} sm={8}>
            <Form.Item name="shelfLifeDays" label={t('field.shelfLifeDays')}>
              <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="status" label={t('field.status')} rules={[{ required: true }]}>
              <EnumSelect kind="skuStatus" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="launchedOn" label={t('field.launchedOn')}>
              <DateStringPicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
}
