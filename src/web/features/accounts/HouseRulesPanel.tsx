import { useState } from 'react';
import { App, Button, Card, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  houseRuleSections,
  type Account,
  type HouseRule,
  type HouseRuleSection,
} from '../../../core/accounts/accounts.contract';
import { useNotifyError } from '../../components/useNotifyError';
import { useEnumLabel } from '../../lib/enums';
import { useSaveAccount } from './accounts.api';

/** The ten sections of an account's house rules: the chain's rule beside our countermeasure (对策). */
export function HouseRulesPanel({ account, canEdit }: { account: Account; canEdit: boolean }) {
  const label = useEnumLabel();
  return (
    <Flex vertical gap={12}>
      {houseRuleSections.map((section, index) => (
        <HouseRuleCard
          key={section}
          account={account}
          section={section}
          title={`${index + 1}. ${label('houseRuleSection', section)}`}
          canEdit={canEdit}
        />
      ))}
    </Flex>
  );
}

function HouseRuleCard({
  account,
  section,
  title,
  canEdit,
}: {
  account: Account;
  section: HouseRuleSection;
  title: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveAccount(account.id);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<HouseRule>();
  const rule = account.houseRules[section];

  async function onFinish(values: HouseRule) {
    try {
      await save.mutateAsync({
        houseRules: { [section]: { rule: values.rule ?? '', countermeasure: values.countermeasure ?? '' } },
      });
      message.success(t('common:saved'));
      setEditing(false);
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Card
      size="small"
      title={title}
      data-testid={`house-rule-${section}`}
      extra={
        canEdit &&
        !editing && (
          <Button
            type="link"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            aria-label={`${t('editSection')} ${title}`}
          >
            {t('editSection')}
          </Button>
        )
      }
    >
      {editing ? (
        <Form<HouseRule>
          form={form}
          layout="vertical"
          initialValues={{ rule: rule?.rule ?? '', countermeasure: rule?.countermeasure ?? '' }}
          onFinish={(values) => void onFinish(values)}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="rule" label={t('rule')}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={4000} showCount />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="countermeasure" label={t('countermeasure')}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={4000} showCount />
              </Form.Item>
            </Col>
          </Row>
          <Flex justify="end" gap={8}>
            <Button onClick={() => setEditing(false)}>{t('common:actions.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common:actions.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <Row gutter={[16, 12]}>
          <Col xs={24} md={12}>
            <RuleText heading={t('rule')} text={rule?.rule} empty={t('notFilled')} />
          </Col>
          <Col xs={24} md={12}>
            <div style={{ borderInlineStart: '3px solid #52c41a', paddingInlineStart: 12 }}>
              <RuleText heading={t('countermeasure')} text={rule?.countermeasure} empty={t('notFilled')} />
            </div>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function RuleText({ heading, text, empty }: { heading: string; text: string | undefined; empty: string }) {
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {heading}
      </Typography.Text>
      {text ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {text}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary" italic style={{ marginBottom: 0 }}>
          {empty}
        </Typography.Paragraph>
      )}
    </>
  );
}
