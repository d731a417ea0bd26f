import { Table, Tag } from 'antd';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListResponse } from '../../core/common/list';
import { addDays, businessToday } from '../../core/common/time';
import { STALE_CONTACT_DAYS, type Contact } from '../../core/contacts/contacts.contract';
import { api } from '../lib/api';
import { useEnumLabel } from '../lib/enums';
import { formatDate } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';

/** `/contacts?…&returnTo=` — the contacts page owns the contact form and comes back here after saving. */
export function contactsPath(query: Record<string, string | number>, returnTo: string) {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  params.set('returnTo', returnTo);
  return `/contacts?${params.toString()}`;
}

/** An account's or a store's contacts, by name (up to 200: a chain's people, not a mailing list). */
export function useContactsOf(owner: { accountId: number } | { storeId: number }) {
  const query = { ...owner, sort: 'name', limit: 200 };
  return useQuery({
    queryKey: ['contacts', query],
    queryFn: () => api.get<ListResponse<Contact>>('/api/contacts', query),
  });
}

/**
 * The contacts of an account or store page: name (a link to edit them when the user may), role, where they sit
 * (account pages: store or HQ), phone, WeChat, and when we last spoke — never in red, stale in orange.
 */
export function ContactsTable({
  contacts,
  canWrite,
  returnTo,
  showWhere = false,
  emptyText,
}: {
  contacts: UseQueryResult<ListResponse<Contact>>;
  canWrite: boolean;
  returnTo: string;
  showWhere?: boolean;
  emptyText?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const staleBefore = addDays(businessToday(), -STALE_CONTACT_DAYS);
  return (
    <>
      <ErrorAlert error={contacts.error} />
      <Table<Contact>
        rowKey="id"
        size="small"
        loading={contacts.isLoading}
        dataSource={contacts.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={emptyText ? { emptyText } : undefined}
        columns={[
          {
            title: t('common:contact.name'),
            dataIndex: 'name',
            fixed: 'start',
            render: (name: string, contact) =>
              canWrite ? <Link to={contactsPath({ edit: contact.id }, returnTo)}>{name}</Link> : name,
          },
          {
            title: t('common:contact.role'),
            dataIndex: 'role',
            render: (role: Contact['role']) => label('contactRole', role),
          },
          ...(showWhere
            ? [
                {
                  title: t('common:contact.where'),
                  dataIndex: 'storeName',
                  render: (storeName: string | null, contact: Contact) =>
                    contact.storeId ? (
                      <Link to={`/stores/${contact.storeId}`}>{storeName}</Link>
                    ) : (
                      <Tag color="geekblue">{t('common:contact.hq')}</Tag>
                    ),
                },
              ]
            : []),
          {
            title: t('common:contact.phone'),
            dataIndex: 'phone',
            render: (phone: string | null) => (phone ? <a href={`tel:${phone}`}>{phone}</a> : '—'),
          },
          {
            title: t('common:contact.wechat'),
            dataIndex: 'wechat',
            render: (wechat: string | null) => wechat ?? '—',
          },
          {
            title: t('common:contact.lastContactedOn'),
            dataIndex: 'lastContactedOn',
            render: (date: string | null) =>
              !date ? (
                <Tag color="red">{t('common:contact.never')}</Tag>
              ) : date <= staleBefore ? (
                <Tag color="orange">{formatDate(date)}</Tag>
              ) : (
                formatDate(date)
              ),
          },
        ]}
      />
    </>
  );
}
