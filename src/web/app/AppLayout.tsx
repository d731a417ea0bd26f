import { Suspense, useMemo, useState } from 'react';
import { App as AntApp, Button, Drawer, Dropdown, Grid, Layout, Menu, Spin, Typography } from 'antd';
import {
  GlobalOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Locale } from '../../core/auth/auth.contract';
import { can } from '../../core/auth/roles';
import { labelOf } from '../../core/common/enum-labels';
import { api } from '../lib/api';
import { describeError } from '../lib/errors';
import type { WebFeature } from '../lib/feature';
import { currentLocale, setLocale } from '../lib/i18n';
import { useCurrentUser, useSession } from '../lib/session';

/** The signed-in frame: the menu (a drawer on phones), the user menu with language and sign-out, the page. */
export function AppLayout({ features }: { features: WebFeature[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const locale = currentLocale();

  const navItems = useMemo(
    () =>
      features
        .flatMap((feature) => feature.nav ?? [])
        .filter((item) => !item.permission || can(user.role, item.permission))
        .sort((a, b) => a.order - b.order),
    [features, user.role],
  );
  const selected = navItems
    .filter((item) =>
      item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path),
    )
    .map((item) => item.key);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      onClick={() => setDrawerOpen(false)}
      items={navItems.map((item) => ({
        key: item.key,
        icon: <item.icon />,
        label: <Link to={item.path}>{t(item.labelKey)}</Link>,
      }))}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  async function changeLocale(next: Locale) {
    await setLocale(next);
    try {
      await api.put('/api/auth/me/preferences', { locale: next });
    } catch (error) {
      const { title, detail } = describeError(error, t);
      message.error(detail ? `${title}: ${detail}` : title);
    }
  }

  const userMenu = {
    items: [
      { key: 'profile', icon: <SettingOutlined />, label: t('actions.profile') },
      {
        key: 'language',
        icon: <GlobalOutlined />,
        label: t('shell.language'),
        children: [
          { key: 'zh-CN', label: `中文${locale === 'zh-CN' ? ' ✓' : ''}` },
          { key: 'en', label: `English${locale === 'en' ? ' ✓' : ''}` },
        ],
      },
      { type: 'divider' as const },
      { key: 'logout', icon: <LogoutOutlined />, label: t('actions.logout') },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') void logout().then(() => navigate('/login'));
      else if (key === 'profile') navigate('/profile');
      else if (key === 'zh-CN' || key === 'en') void changeLocale(key);
    },
  };

  const brand = (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit' }}>
      <img src="/favicon.svg" alt="" width={24} height={24} />
      <Typography.Text strong style={{ fontSize: 16 }}>
        {t('appName')}
      </Typography.Text>
    </Link>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px' }}>{brand}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: isPhone ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          {isPhone ? (
            <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <Button
                type="text"
                size="large"
                icon={<MenuOutlined />}
                aria-label={t('shell.menu')}
                onClick={() => setDrawerOpen(true)}
              />
              {brand}
            </div>
          ) : (
            <span />
          )}
          <Dropdown menu={userMenu} trigger={['click']}>
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {user.displayName}
              {!isPhone && (
                <Typography.Text type="secondary">
                  {' '}
                  · {labelOf('userRole', user.role, locale)}
                </Typography.Text>
              )}
            </Button>
          </Dropdown>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 8 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Drawer
        open={isPhone && drawerOpen}
        onClose={() => setDrawerOpen(false)}
        placement="left"
        size={260}
        title={brand}
      >
        {menu}
      </Drawer>
    </Layout>
  );
}
