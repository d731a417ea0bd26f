import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ImportRejection } from '../../core/common/imports';
import { renderPage } from '../test/render';
import { ImportDialog } from './ImportDialog';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const rejection: ImportRejection = {
  rowsRead: 3,
  errorCount: 2,
  errors: [
    { row: 2, column: '营业面积', value: 'abc', reason: 'must be a number' },
    { row: 3, column: '门店编码', value: 'S1', reason: 'the same account and store code as row 2' },
  ],
};

function renderDialog() {
  return renderPage(
    <ImportDialog
      open
      title="导入门店"
      importPath="/api/stores/import"
      templatePath="/api/stores/import-template.xlsx"
      onClose={vi.fn()}
      onApplied={vi.fn()}
    />,
    {
      api: {
        'POST /api/stores/import': () => {
          throw {
            status: 422,
            error: {
              code: 'import_rejected',
              message: 'The file has 2 problems; nothing was imported',
              details: rejection,
            },
          };
        },
      },
    },
  );
}

async function importFile() {
  const dialog = await screen.findByRole('dialog');
  const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
  await user.upload(input, new File(['门店编码\nS1\n'], 'stores.csv', { type: 'text/csv' }));
  await user.click(within(dialog).getByTestId('import-submit'));
  return within(await screen.findByTestId('import-rejected'));
}

describe('ImportDialog', () => {
  it('lists a rejected file’s problems with their reasons in Chinese', async () => {
    const { calls } = renderDialog();
    const report = await importFile();
    await waitFor(() => expect(calls.some((call) => call.url.pathname === '/api/stores/import')).toBe(true));
    const rows = report.getAllByRole('row');
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '营业面积', 'abc', '必须是数字']);
    expect(report.getByText('与第 2 行的客户和门店编码重复')).toBeTruthy();
    expect(report.queryByText('must be a number')).toBeNull();
  });

  it('keeps them English for a user who chose English', async () => {
    localStorage.setItem('endcap.locale', 'en');
    try {
      renderDialog();
      const report = await importFile();
      expect(report.getByText('must be a number')).toBeTruthy();
      expect(report.getByText('the same account and store code as row 2')).toBeTruthy();
    } finally {
      localStorage.removeItem('endcap.locale');
    }
  });
});
