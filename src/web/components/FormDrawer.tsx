import type { ReactNode } from 'react';
import { Button, ConfigProvider, Drawer, Flex, Grid } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The side panel a create/edit form lives in: full screen on a phone with large fields, with Cancel and Save
 * at the bottom where a thumb reaches them. Its content is dropped on close, so a form reopens fresh.
 */
export function FormDrawer({
  open,
  title,
  onClose,
  onSave,
  saving,
  width = 560,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSave: () => void;
  saving?: boolean;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isPhone ? '100%' : width}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button size={isPhone ? 'large' : 'middle'} onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button
            size={isPhone ? 'large' : 'middle'}
            type="primary"
            loading={saving}
            onClick={onSave}
            data-testid="form-save"
          >
            {t('actions.save')}
          </Button>
        </Flex>
      }
    >
      {/* Bigger fields on a phone: easier to hit with a thumb. */}
      <ConfigProvider componentSize={isPhone ? 'large' : undefined}>{children}</ConfigProvider>
    </Drawer>
  );
}
