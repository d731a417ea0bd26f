import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Grid,
  Input,
  Row,
  Select,
  Spin,
  Typography,
  Upload,
} from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '../../../core/auth/roles';
import type { ColumnMappingInput, ImportProfile } from '../../../core/imports/imports.contract';
import { importKinds, type ImportKind } from '../../../core/imports/imports.enums';
import { AccountSelect } from '../../components/AccountSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotifyError } from '../../components/useNotifyError';
import { api } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { useCurrentUser } from '../../lib/session';
import { ColumnMapping } from './ColumnMapping';
import { useImportProfiles, usePreviewImport, useStartImport } from './imports.api';
import {
  mappingFor,
  missingFields,
  needsAccount,
  needsMapping,
  permissionOfKind,
  sameMapping,
  templatePathOf,
} from './mapping-fields';

type Encoding = 'auto' | 'utf8' | 'gbk';
const NEW_MAPPING = 0;

/**
 * A new import in three moves: what and whose (kind, account), the file (previewed, with its columns mapped
 * unless a saved profile already knows them), then start, which opens the job's page to watch it run.
 */
export function NewImportCard() {
  const { t } = useTranslation('imports');
  const label = useEnumLabel();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const isPhone = !Grid.useBreakpoint().md;
  const user = useCurrentUser();
  const kinds = importKinds.filter((kind) => can(user.role, permissionOfKind[kind]));

  const [kind, setKind] = useState<ImportKind>(kinds[0] ?? 'sellout');
  const [accountId, setAccountId] = useState<number | null>(null);
  const [profileId, setProfileId] = useState<number | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMappingInput>({});
  const [saveAsProfile, setSaveAsProfile] = useState(false);
  const [profileName, setProfileName] = useState('');

  const isMapped = needsMapping(kind);
  const profiles = useImportProfiles(accountId, kind, isMapped);
  const profileItems = useMemo(() => profiles.data?.items ?? [], [profiles.data]);
  const profile: ImportProfile | undefined = profileItems.find((item) => item.id === profileId);
  const preview = usePreviewImport();
  const start = useStartImport();
  const accountMissing = needsAccount(kind) && accountId === null;

  // The most recently saved profile is the likeliest; without one, the columns are mapped by hand.
  useEffect(() => {
    if (!profiles.data) return;
    const newest = [...profileItems].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    setProfileId(newest?.id ?? NEW_MAPPING);
  }, [profiles.data, profileItems]);

  // What the mapping starts from: the profile's, or the server's guess from the headers.
  useEffect(() => {
    if (!preview.data) return;
    const base = profile ? profile.mapping : preview.data.suggestedMapping;
    setMapping(mappingFor(kind, base));
    setSaveAsProfile(!profile && profileItems.length === 0);
    setProfileName(profile?.name ?? t('profileNameDefault'));
  }, [preview.data, profile, kind, profileItems.length, t]);

  function resetFile() {
    setFile(null);
    setMapping({});
    preview.reset();
    start.reset();
  }

  function chooseFile(chosen: File) {
    setFile(chosen);
    start.reset();
    if (isMapped)
      preview.mutate({ kind, accountId, file: chosen, encoding: encoding === 'auto' ? undefined : encoding });
  }

  const kindMapping = mappingFor(kind, mapping);
  const missing = isMapped ? missingFields(kind, kindMapping) : [];
  const columnsMissingFromFile =
    preview.data && Object.values(kindMapping).some((header) => !preview.data!.headers.includes(header!));
  const usesProfileAsIs =
    profile !== undefined && sameMapping(mappingFor(kind, profile.mapping), kindMapping);
  const canStart =
    file !== null &&
    !accountMissing &&
    (!isMapped || (preview.data !== undefined && missing.length === 0 && !columnsMissingFromFile));

  function onStart() {
    if (!file || !canStart) return;
    start.mutate(
      {
        kind,
        accountId,
        file,
        profile: isMapped && usesProfileAsIs ? profile!.name : undefined,
        mapping: isMapped && !usesProfileAsIs ? kindMapping : undefined,
        encoding: encoding === 'auto' ? undefined : encoding,
        saveProfile:
          isMapped && saveAsProfile && !usesProfileAsIs && accountId !== null
            ? profileName.trim() || t('profileNameDefault')
            : undefined,
      },
      { onSuccess: (job) => navigate(`/imports/${job.id}`), onError: notifyError },
    );
  }

  const size = isPhone ? 'large' : 'middle';
  const templatePath = templatePathOf[kind];
  return (
    <Card size="small" title={t('newImport')} style={{ marginBottom: 16 }}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('kind')} htmlFor="import-kind">
              <Select<ImportKind>
                id="import-kind"
                data-testid="import-kind"
                size={size}
                value={kind}
                options={kinds.map((value) => ({ value, label: label('importKind', value) }))}
                onChange={(value) => {
                  setKind(value);
                  setProfileId(null);
                  resetFile();
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item
              label={t('account')}
              htmlFor="import-account"
              extra={needsAccount(kind) ? undefined : t('accountOptional')}
            >
              <AccountSelect
                id="import-account"
                data-testid="import-account"
                size={size}
                allowClear
                placeholder={t('account')}
                value={accountId}
                onChange={(value) => {
                  setAccountId(typeof value === 'number' ? value : null);
                  setProfileId(null);
                  resetFile();
                }}
              />
            </Form.Item>
          </Col>
          {isMapped && (
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('profile')} htmlFor="import-profile" extra={t('profileHint')}>
                <Select<number>
                  id="import-profile"
                  data-testid="import-profile"
                  size={size}
                  disabled={accountId === null}
                  loading={profiles.isFetching}
                  value={profileId ?? undefined}
                  options={[
                    ...profileItems.map((item) => ({ value: item.id, label: item.name })),
                    { value: NEW_MAPPING, label: t('profileNew') },
                  ]}
                  onChange={setProfileId}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t('encoding')} htmlFor="import-encoding">
              <Select<Encoding>
                id="import-encoding"
                size={size}
                value={encoding}
                onChange={(value) => {
                  setEncoding(value);
                  // The preview shows the file as read: read it again the way it was asked for.
                  if (file && isMapped)
                    preview.mutate({ kind, accountId, file, encoding: value === 'auto' ? undefined : value });
                }}
                options={[
                  { value: 'auto', label: t('encodingAuto') },
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK / GB18030' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {templatePath && (
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('sheetHint')}</Typography.Text>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void api.download(templatePath)}>
            {t('template')}
          </Button>
        </Flex>
      )}
      {accountMissing && (
        <Alert type="info" showIcon title={t('accountRequired')} style={{ marginBottom: 12 }} />
      )}
      <Upload.Dragger
        data-testid="import-file"
        accept=".csv,.txt,.xlsx"
        maxCount={1}
        disabled={accountMissing}
        beforeUpload={(chosen) => {
          chooseFile(chosen);
          return false;
        }}
        onRemove={() => resetFile()}
        fileList={file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('drop')}</p>
        <Typography.Text type="secondary">{t('dropHint')}</Typography.Text>
      </Upload.Dragger>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={preview.error} />
        {preview.isPending && (
          <Flex gap={8} align="center">
            <Spin size="small" /> {t('previewing')}
          </Flex>
        )}
        {isMapped && preview.data && file && (
          <ColumnMapping kind={kind} preview={preview.data} mapping={kindMapping} onChange={setMapping} />
        )}
      </div>
      <Flex justify="end" align="center" gap={12} wrap style={{ marginTop: 16 }}>
        {isMapped && preview.data && !usesProfileAsIs && accountId !== null && (
          <Flex align="center" gap={8} wrap>
            <Checkbox checked={saveAsProfile} onChange={(event) => setSaveAsProfile(event.target.checked)}>
              {t('saveProfile')}
            </Checkbox>
            {saveAsProfile && (
              <Input
                aria-label={t('profileName')}
                placeholder={t('profileName')}
                value={profileName}
                maxLength={60}
                onChange={(event) => setProfileName(event.target.value)}
                style={{ width: isPhone ? '100%' : 180 }}
              />
            )}
          </Flex>
        )}
        <Button
          type="primary"
          size={size}
          icon={<CloudUploadOutlined />}
          disabled={!canStart}
          loading={start.isPending}
          onClick={onStart}
          data-testid="import-start"
          block={isPhone}
        >
          {start.isPending ? t('uploading') : t('start')}
        </Button>
      </Flex>
    </Card>
  );
}
