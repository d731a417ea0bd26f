import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEvent } from '../../../core/audit/audit.contract';
import { renderPage } from '../../test/render';
import { auditDictionary } from './audit.dictionary';
import { AuditPage } from './AuditPage';

const events: AuditEvent[] = [
  {
    id: 42,
    at: '2026-03-04T05:06:07.000Z',
    actorId: 1,
    actorName: '管理员',
    entity: 'store',
    entityId: 12,
    action: 'update',
    before: { name: '沃尔玛深圳南山店', floorArea: 4800, isKeyStore: false },
    after: { name: '沃尔玛南山旗舰店', floorArea: 5200, isKeyStore: true },
  },
  {
    id: 41,
    at: '2026-03-03T01:00:00.000Z',
    actorId: null,
    actorName: null,
    entity: 'user',
    entityId: 3,
    action: 'create',
    before: null,
    after: { username: 'gao' },
  },
];

describe('AuditPage', () => {
  it('lists events and expands one to show each field before and after', async () => {
    const { calls } = renderPage(<AuditPage />, {
      path: '/audit?entity=store&from=2026-03-01',
      dictionaries: { audit: auditDictionary },
      api: { 'GET /api/audit-events': () => ({ items: events, total: 2 }) },
    });
    const storeEvent = within((await screen.findByText('管理员')).closest('tr') as HTMLElement);
    expect(storeEvent.getByText('门店')).toBeTruthy();
    expect(storeEvent.getByText('修改')).toBeTruthy();
    const userEvent41 = within(screen.getByText('系统').closest('tr') as HTMLElement);
    expect(userEvent41.getByText('用户')).toBeTruthy();
    expect(userEvent41.getByText('新建')).toBeTruthy();
    const query = Object.fromEntries(
      calls.find((call) => call.url.pathname === '/api/audit-events')!.url.searchParams,
    );
    expect(query).toEqual({ entity: 'store', from: '2026-03-01', limit: '50', offset: '0' });

    expect(screen.queryByTestId('audit-changes-42')).toBeNull();
    await userEvent.click(screen.getAllByRole('button', { name: '展开行' })[0]);
    const changes = within(await screen.findByTestId('audit-changes-42'));
    const row = (field: string) => changes.getByText(field).closest('tr') as HTMLElement;
    expect(within(row('name')).getByText('沃尔玛深圳南山店')).toBeTruthy();
    expect(within(row('name')).getByText('沃尔玛南山旗舰店')).toBeTruthy();
    expect(within(row('floorArea')).getByText('4800')).toBeTruthy();
    expect(within(row('floorArea')).getByText('5200')).toBeTruthy();
    expect(within(row('isKeyStore')).getByText('否')).toBeTruthy();
    expect(within(row('isKeyStore')).getByText('是')).toBeTruthy();
  });
});
