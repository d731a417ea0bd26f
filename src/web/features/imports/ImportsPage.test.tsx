import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Account } from '../../../core/accounts/accounts.contract';
import type { ImportJob, ImportPreview, ImportProfile } from '../../../core/imports/imports.contract';
import { renderPage } from '../../test/render';
import { importsDictionary } from './imports.dictionary';
import { ImportsPage } from './ImportsPage';

// Ant Design nests deeply; checking pointer-events on every ancestor makes each click take seconds in jsdom.
const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const walmart = { id: 1, code: 'WMT', name: '沃尔玛' } as Account;

const preview: ImportPreview = {
  encoding: 'gbk',
  headers: ['门店编号', '商品编码', '销售日期', '销售数量', '销售金额', '备注'],
  rows: [
    {
      门店编号: '1001',
      商品编码: 'W-88001',
      销售日期: '2026-11-01',
      销售数量: '12',
      销售金额: '154.80',
      备注: '',
    },
    {
      门店编号: '1002',
      商品编码: 'W-88001',
      销售日期: '2026-11-01',
      销售数量: '7',
      销售金额: '90.30',
      备注: '',
    },
  ],
  // The server's guess found everything but the amount column.
  suggestedMapping: { storeCode: '门店编号', itemCode: '商品编码', date: '销售日期', units: '销售数量' },
};

const job = (overrides: Partial<ImportJob>): ImportJob => ({
  id: 42,
  kind: 'sellout',
  status: 'queued',
  accountId: 1,
  accountName: '沃尔玛',
  profileId: null,
  fileName: 'pos.csv',
  fileHash: 'abc',
  fileSize: 120,
  rowsRead: 0,
  rowsApplied: 0,
  rowsUnchanged: 0,
  errorCount: 0,
  progress: 0,
  rowsPerSecond: null,
  etaSeconds: null,
  message: null,
  dateFrom: null,
  dateTo: null,
  createdBy: 1,
  createdByName: '测试用户',
  createdAt: '2026-11-20T02:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  undoneAt: null,
  sameFileAs: null,
  canUndo: false,
  ...overrides,
});

const fieldsOf = (body: unknown) => [...(body as FormData).entries()].map(([name]) => name);

/**
 * Selects open on mouse-down; a bare event rather than user.click, whose extra pointer and focus events each
 * re-render the whole card, slow in jsdom (each render recomputes styles of a page full of Ant Design parts).
 */
const openSelect = (testId: string) =>
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));

async function chooseAccount() {
  openSelect('import-account');
  await user.click(await screen.findByText('沃尔玛', { selector: '.ant-select-item-option-content span' }));
}

describe('ImportsPage', () => {
  it('prefills the mapping from the preview, asks for the missing column, and sends the mapping', async () => {
    const { calls, router } = renderPage(<ImportsPage />, {
      role: 'manager',
      path: '/imports',
      routePath: '/imports',
      extraRoutes: [{ path: '/imports/:id', element: <p>job page</p> }],
      dictionaries: { imports: importsDictionary },
      api: {
        'GET /api/accounts': () => ({ items: [walmart], total: 1 }),
        'GET /api/import-profiles': () => ({ items: [] }),
        'GET /api/imports': () => ({ items: [job({ id: 41, status: 'applied' })], total: 1 }),
        'POST /api/imports/preview': () => preview,
        'POST /api/imports': () => job({}),
      },
    });
    // The history lists earlier imports.
    expect(await within(screen.getByTestId('import-history')).findByText('#41')).toBeTruthy();

    await chooseAccount();
    const file = new File(['门店编号,商品编码\n1001,W-88001\n'], 'pos.csv', { type: 'text/csv' });
    await user.upload(screen.getByTestId('import-file'), file);

    const mapping = within(await screen.findByTestId('import-mapping'));
    expect(within(screen.getByTestId('import-preview')).getByText('154.80')).toBeTruthy();
    expect(mapping.getByText('识别的编码：GBK')).toBeTruthy();
    // Prefilled from the guess; the amount is still to map, so the import cannot start yet.
    expect(within(screen.getByTestId('mapping-storeCode')).getByTitle('门店编号')).toBeTruthy();
    expect(within(screen.getByTestId('mapping-date')).getByTitle('销售日期')).toBeTruthy();
    expect(mapping.getByText('还需映射：金额')).toBeTruthy();
    const start = screen.getByRole('button', { name: /开始导入/ });
    expect(start.hasAttribute('disabled')).toBe(true);

    openSelect('mapping-amount');
    await user.click(await screen.findByTitle('销售金额', { exact: true }));
    await waitFor(() => expect(mapping.queryByText(/还需映射/)).toBeNull());

    // The preview was asked for with the kind and the account, the file last.
    const previewCall = calls.find((call) => call.url.pathname === '/api/imports/preview')!;
    expect(fieldsOf(previewCall.body)).toEqual(['kind', 'accountId', 'file']);

    // No saved profile yet: saving the mapping as one is proposed.
    expect(screen.getByRole('checkbox', { name: '保存为导入方案' })).toHaveProperty('checked', true);
    // Typed at once: user.type re-renders the preview per keystroke, slow in jsdom.
    fireEvent.change(screen.getByLabelText('方案名称'), { target: { value: '沃尔玛 POS' } });

    await user.click(start);
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/42'));
    const sent = calls.find((call) => call.method === 'POST' && call.url.pathname === '/api/imports')!;
    const form = sent.body as FormData;
    expect(fieldsOf(form)).toEqual(['kind', 'accountId', 'mapping', 'saveProfile', 'file']);
    expect(form.get('kind')).toBe('sellout');
    expect(form.get('accountId')).toBe('1');
    expect(JSON.parse(String(form.get('mapping')))).toEqual({
      storeCode: '门店编号',
      itemCode: '商品编码',
      date: '销售日期',
      units: '销售数量',
      amount: '销售金额',
    });
    expect(form.get('saveProfile')).toBe('沃尔玛 POS');
    expect((form.get('file') as File).name).toBe('pos.csv');
  });

  it('uses a saved profile as it is: sends its name, not a mapping', async () => {
    const profile: ImportProfile = {
      id: 3,
      accountId: 1,
      accountCode: 'WMT',
      kind: 'sellout',
      name: '沃尔玛 POS',
      mapping: { ...preview.suggestedMapping, amount: '销售金额' },
      options: {},
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const { calls, router } = renderPage(<ImportsPage />, {
      role: 'hq_ops',
      path: '/imports',
      routePath: '/imports',
      extraRoutes: [{ path: '/imports/:id', element: <p>job page</p> }],
      dictionaries: { imports: importsDictionary },
      api: {
        'GET /api/accounts': () => ({ items: [walmart], total: 1 }),
        'GET /api/import-profiles': () => ({ items: [profile] }),
        'GET /api/imports': () => ({ items: [], total: 0 }),
        'POST /api/imports/preview': () => preview,
        'POST /api/imports': () => job({}),
      },
    });
    await chooseAccount();
    expect(await within(screen.getByTestId('import-profile')).findByTitle('沃尔玛 POS')).toBeTruthy();
    await user.upload(screen.getByTestId('import-file'), new File(['x'], 'pos.csv', { type: 'text/csv' }));
    expect(within(await screen.findByTestId('mapping-amount')).getByTitle('销售金额')).toBeTruthy();
    expect(screen.queryByText('保存为导入方案')).toBeNull();

    await user.click(screen.getByTestId('import-start'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/imports/42'));
    const form = calls.find((call) => call.method === 'POST' && call.url.pathname === '/api/imports')!
      .body as FormData;
    expect(fieldsOf(form)).toEqual(['kind', 'accountId', 'profile', 'file']);
    expect(form.get('profile')).toBe('沃尔玛 POS');
  });
});
