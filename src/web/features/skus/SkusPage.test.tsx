import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Sku } from '../../../core/catalog/catalog.contract';
import { renderPage } from '../../test/render';
import { skusDictionary } from './skus.dictionary';
import { SkusPage } from './SkusPage';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const sku = (overrides: Partial<Sku>): Sku => ({
  id: 11,
  code: 'SN-1001',
  barcode: '6901234567892',
  name: '海苔薯片 原味',
  brand: '脆乐',
  isOwn: true,
  competitorCompany: null,
  category: '薯片',
  flavour: '原味',
  packSize: '120g',
  unit: '袋',
  casePack: 24,
  listPriceFen: 1290,
  floorPriceFen: 1590,
  retailPriceFen: 1990,
  standardCostFen: 700,
  shelfLifeDays: 270,
  status: 'active',
  launchedOn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

const skus = [
  sku({}),
  sku({ id: 12, code: 'LY-55', name: '乐事 黄瓜味', brand: '乐事', isOwn: false, competitorCompany: '百事' }),
];

describe('SkusPage', () => {
  it('lists SKUs with prices in yuan and sends the URL’s filters to the API', async () => {
    const { calls } = renderPage(<SkusPage />, {
      role: 'rep',
      path: '/skus?isOwn=false&brand=乐事,脆乐&sort=-listPriceFen',
      dictionaries: { skus: skusDictionary },
      api: { 'GET /api/skus': () => ({ items: skus, total: 2 }) },
    });
    const table = within(await screen.findByTestId('skus-table'));
    expect(await table.findByText('海苔薯片 原味')).toBeTruthy();
    expect(table.getAllByText('¥12.90')).toHaveLength(2);
    expect(table.getByText('竞品')).toBeTruthy();
    const list = calls.find((call) => call.url.pathname === '/api/skus')!;
    expect(Object.fromEntries(list.url.searchParams)).toEqual({
      brand: '乐事,脆乐',
      isOwn: 'false',
      sort: '-listPriceFen',
      limit: '20',
      offset: '0',
    });
    // A rep reads the catalog but does not change it.
    expect(screen.queryByTestId('skus-create')).toBeNull();
    expect(screen.queryByTestId('skus-import')).toBeNull();
  });

  it('flags a wrong barcode as it is typed, and sends prices typed in yuan as fen', async () => {
    const { calls } = renderPage(<SkusPage />, {
      role: 'hq_ops',
      path: '/skus',
      extraRoutes: [{ path: '/skus/:id', element: <p>sku page</p> }],
      dictionaries: { skus: skusDictionary },
      api: {
        'GET /api/skus': () => ({ items: [], total: 0 }),
        'POST /api/skus': () => sku({ id: 99 }),
      },
    });
    await user.click(await screen.findByTestId('skus-create'));
    const drawer = within(await screen.findByRole('dialog'));

    const barcode = drawer.getByLabelText('条码');
    await user.type(barcode, '6901234567890');
    expect(await drawer.findByText('校验位错误：应为 2，实际是 0')).toBeTruthy();
    await user.clear(barcode);
    await user.type(barcode, '69012');
    expect(await drawer.findByText('条码应为 8 位（EAN-8）、12 位（UPC-A）或 13 位（EAN-13）')).toBeTruthy();
    await user.clear(barcode);
    await user.type(barcode, '6901234567892');
    expect(await drawer.findByText('EAN-13 校验通过')).toBeTruthy();

    // Typed at once: each keystroke re-renders the whole form, slow in jsdom.
    const fill = (label: string, value: string) =>
      fireEvent.change(drawer.getByLabelText(label), { target: { value } });
    fill('品项编码', 'SN-2001');
    fill('品名', '海苔薯片 麻辣');
    fill('品牌', '脆乐');
    fill('品类', '薯片');
    fill('供价（¥）', '19.9');
    fill('KA最低售价（¥）', '23.45');
    fill('建议零售价（¥）', '29');

    await user.click(screen.getByTestId('form-save'));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({
      code: 'SN-2001',
      barcode: '6901234567892',
      isOwn: true,
      competitorCompany: null,
      listPriceFen: 1990,
      floorPriceFen: 2345,
      retailPriceFen: 2900,
      standardCostFen: null,
      status: 'active',
    });
  });
});
