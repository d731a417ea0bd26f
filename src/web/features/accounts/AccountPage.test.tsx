import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { houseRuleSections, type Account } from '../../../core/accounts/accounts.contract';
import { renderPage } from '../../test/render';
import { AccountPage } from './AccountPage';
import { accountsDictionary } from './accounts.dictionary';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const walmart: Account = {
  id: 1,
  code: 'WMT',
  name: '沃尔玛',
  tier: 'key',
  tradeType: 'hq_direct',
  formats: ['hypermarket', 'warehouse_club'],
  hqCity: '深圳',
  status: 'active',
  houseRules: {
    promoterRules: {
      rule: '除畅销品牌化妆品外，不允许厂家派驻导购员，抓到会处以重罚；新品推广及大力度促销时可以派驻临时PCC（3个月）。',
      countermeasure: '促销员派驻一般不能通过总部洽谈，可以与门店主管协调派驻便衣PCC，但要加强培训。',
    },
    feeRequirements: { rule: '重大年节收取节庆费，200–500元/店不等。', countermeasure: '' },
  },
  notes: null,
  storeCount: 130,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const api = {
  'GET /api/accounts/1': () => walmart,
  'GET /api/stores': () => ({ items: [], total: 0 }),
  'GET /api/contacts': () => ({ items: [], total: 0 }),
};

const renderAccount = (role: 'hq_ops' | 'rep', extraApi: Record<string, () => unknown> = {}) =>
  renderPage(<AccountPage />, {
    role,
    path: '/accounts/1',
    routePath: '/accounts/:id',
    dictionaries: { accounts: accountsDictionary },
    api: { ...api, ...extraApi },
  });

describe('AccountPage', () => {
  it('shows the ten house-rule sections with Walmart’s rule and our countermeasure, and links to its stores', async () => {
    renderAccount('rep');
    expect(await screen.findByText(/不允许厂家派驻导购员/)).toBeTruthy();
    expect(screen.getByText(/可以与门店主管协调派驻便衣PCC/)).toBeTruthy();
    for (const section of houseRuleSections) expect(screen.getByTestId(`house-rule-${section}`)).toBeTruthy();
    expect(screen.getByText('1. 背景现状和文化')).toBeTruthy();
    expect(screen.getByText('9. 导购员管理制度')).toBeTruthy();
    expect(screen.getByText('10. 罚款措施')).toBeTruthy();
    // A rep reads the rules but does not edit or delete the account.
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('删除')).toBeNull();
    expect(screen.getByTestId('account-stores-link').getAttribute('href')).toBe('/stores?accountId=1');
  });

  it('lets HQ operations change one section, sending only that section', async () => {
    const { calls } = renderAccount('hq_ops', { 'PATCH /api/accounts/1': () => walmart });
    const card = within(await screen.findByTestId('house-rule-penalties'));
    await user.click(card.getByText('编辑'));
    await user.click(card.getByLabelText('我方对策'));
    await user.paste('严格执行促销员规定');
    await user.click(card.getByText('保 存'));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    expect(calls.find((call) => call.method === 'PATCH')!.body).toEqual({
      houseRules: { penalties: { rule: '', countermeasure: '严格执行促销员规定' } },
    });
  });

  it('explains why an account with stores cannot be deleted', async () => {
    renderAccount('hq_ops', {
      'DELETE /api/accounts/1': () => {
        throw {
          status: 409,
          error: {
            code: 'conflict',
            message: 'The account still has stores or contacts; set its status to exited instead',
            details: { stores: 130, contacts: 4 },
          },
        };
      },
    });
    await user.click(await screen.findByText('删除'));
    await user.click(await screen.findByText('确 定'));
    expect(await screen.findByText(/该客户还有 130 家门店、4 个联系人，不能删除/)).toBeTruthy();
  });
});
