import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrgUnit } from '../../../core/org/org.contract';
import { renderPage } from '../../test/render';
import { orgUnitsDictionary } from './org-units.dictionary';
import { OrgUnitsPage } from './OrgUnitsPage';

const units: OrgUnit[] = [
  { id: 1, code: 'HQ', name: '总部', kind: 'hq', parentId: null },
  { id: 2, code: 'SOUTH', name: '华南大区', kind: 'region', parentId: 1 },
  { id: 3, code: 'SOUTH-SZ', name: '深圳', kind: 'city', parentId: 2 },
];

describe('OrgUnitsPage', () => {
  it('shows the tree with kinds, and explains why a unit in use cannot be deleted', async () => {
    renderPage(<OrgUnitsPage />, {
      path: '/org-units',
      dictionaries: { orgUnits: orgUnitsDictionary },
      api: {
        'GET /api/org-units': () => ({ items: units, total: units.length }),
        'DELETE /api/org-units/2': () => {
          throw {
            status: 409,
            error: {
              code: 'conflict',
              message: 'The org unit still has child units, users or stores',
              details: { children: 1, users: 4, stores: 12 },
            },
          };
        },
      },
    });
    const south = await screen.findByTestId('org-unit-SOUTH');
    expect(within(south).getByText('大区')).toBeTruthy();
    // The tree opens on the top level; a search opens the path to what it finds.
    expect(screen.queryByTestId('org-unit-SOUTH-SZ')).toBeNull();
    await userEvent.click(screen.getByLabelText('按名称或编码查找'));
    await userEvent.paste('深圳');
    expect(within(await screen.findByTestId('org-unit-SOUTH-SZ')).getByText('城市')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText('按名称或编码查找'));

    await userEvent.click(
      within(screen.getByTestId('org-unit-SOUTH')).getByRole('button', { name: '华南大区 的操作' }),
    );
    await userEvent.click(await screen.findByText('删除'));
    const confirm = await screen.findByRole('dialog', { name: '删除「华南大区」？' });
    await userEvent.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    expect(
      await screen.findByText('它还有 1 个下级单位、4 名用户、12 家门店。请先移走或删除它们。'),
    ).toBeTruthy();
  });

  it('adds a child unit with the next kind down preselected', async () => {
    const { calls } = renderPage(<OrgUnitsPage />, {
      path: '/org-units',
      dictionaries: { orgUnits: orgUnitsDictionary },
      api: {
        'GET /api/org-units': () => ({ items: units, total: units.length }),
        'POST /api/org-units': () => ({
          id: 4,
          code: 'SOUTH-GZ',
          name: '广州',
          kind: 'province',
          parentId: 2,
        }),
      },
    });
    await userEvent.click(
      within(await screen.findByTestId('org-unit-SOUTH')).getByRole('button', { name: '华南大区 的操作' }),
    );
    await userEvent.click(await screen.findByText('添加下级'));
    const dialog = within(await screen.findByRole('dialog', { name: '在「华南大区」下新建' }));
    await userEvent.click(dialog.getByLabelText('名称'));
    await userEvent.paste('广州');
    await userEvent.click(dialog.getByLabelText('编码'));
    await userEvent.paste('SOUTH-GZ');
    await userEvent.click(dialog.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('已新建 广州')).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      code: 'SOUTH-GZ',
      name: '广州',
      kind: 'province',
      parentId: 2,
    });
  });
});
