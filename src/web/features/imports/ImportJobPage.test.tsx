import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ImportJobDetail } from '../../../core/imports/imports.contract';
import { renderPage } from '../../test/render';
import { importsDictionary } from './imports.dictionary';
import { ImportJobPage } from './ImportJobPage';

const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

const job = (overrides: Partial<ImportJobDetail>): ImportJobDetail => ({
  id: 7,
  kind: 'sellout',
  status: 'running',
  accountId: 1,
  accountName: '沃尔玛',
  profileId: 3,
  fileName: 'walmart-pos-2026-11.csv',
  fileHash: 'abc',
  fileSize: 52_428_800,
  rowsRead: 1_250_000,
  rowsApplied: 0,
  rowsUnchanged: 0,
  errorCount: 0,
  progress: 0.42,
  rowsPerSecond: 183_456.4,
  etaSeconds: 65,
  message: null,
  dateFrom: null,
  dateTo: null,
  createdBy: 1,
  createdByName: '测试用户',
  createdAt: '2026-11-20T02:00:00.000Z',
  startedAt: '2026-11-20T02:00:01.000Z',
  finishedAt: null,
  undoneAt: null,
  sameFileAs: null,
  canUndo: false,
  errors: [],
  ...overrides,
});

function renderJob(detail: ImportJobDetail, extra: Record<string, () => unknown> = {}) {
  return renderPage(<ImportJobPage />, {
    role: 'manager',
    path: `/imports/${detail.id}`,
    routePath: '/imports/:id',
    dictionaries: { imports: importsDictionary },
    api: { [`GET /api/imports/${detail.id}`]: () => detail, ...extra },
  });
}

describe('ImportJobPage', () => {
  it('shows a running import’s progress: bar, rows read, rows per second, time left', async () => {
    renderJob(job({}));
    expect((await screen.findByTestId('import-status')).textContent).toBe('导入中');
    expect(screen.getByTestId('import-progress').textContent).toContain('42%');
    expect(screen.getByText('1,250,000')).toBeTruthy();
    expect(screen.getByTestId('import-rate').textContent).toBe('183,456');
    expect(screen.getByText('1 分 05 秒')).toBeTruthy();
    expect(screen.getByText('50.0 MB')).toBeTruthy();
    expect(screen.queryByTestId('import-undo')).toBeNull();
  });

  it('lists a rejected file’s problems by row, column, value and reason, with the full report to download', async () => {
    renderJob(
      job({
        status: 'rejected',
        rowsRead: 3_000,
        errorCount: 1_234,
        progress: 1,
        message: null,
        errors: [
          { row: 2, column: '门店编号', value: '9999', reason: '沃尔玛没有这个门店编码' },
          { row: 5, column: '销售数量', value: '-3', reason: '数量不能为负' },
          { row: 6, column: '销售数量', value: 'abc', reason: 'must be a number' },
          {
            row: 7,
            column: '门店编号',
            value: 'X1',
            reason: "unknown store code: not one of this account's stores",
          },
        ],
        canUndo: false,
      }),
    );
    const report = within(await screen.findByTestId('import-errors'));
    expect(report.getByText('文件有 1,234 个问题，未导入任何数据')).toBeTruthy();
    const rows = report.getAllByRole('row');
    expect(
      within(rows[0])
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['行', '列', '值', '原因']);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '门店编号', '9999', '沃尔玛没有这个门店编码']);
    expect(report.getByText('数量不能为负')).toBeTruthy();
    // The API's reasons are English; a Chinese user reads them in Chinese.
    expect(
      within(rows[3])
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['6', '销售数量', 'abc', '必须是数字']);
    expect(report.getByText('未知门店编码：不是该客户的门店')).toBeTruthy();
    expect(report.queryByText('must be a number')).toBeNull();
    expect(report.getByRole('button', { name: /下载完整问题清单/ })).toBeTruthy();
    expect(screen.getByTestId('import-status').textContent).toBe('已拒绝');
    expect(screen.queryByTestId('import-undo')).toBeNull();
  });

  it('shows the reasons in English to a user who chose English', async () => {
    localStorage.setItem('endcap.locale', 'en');
    try {
      renderJob(
        job({
          status: 'rejected',
          rowsRead: 2,
          errorCount: 1,
          progress: 1,
          errors: [{ row: 2, column: 'qty', value: 'abc', reason: 'must be a number' }],
        }),
      );
      const report = within(await screen.findByTestId('import-errors'));
      expect(report.getByText('must be a number')).toBeTruthy();
      expect(report.queryByText('必须是数字')).toBeNull();
    } finally {
      localStorage.removeItem('endcap.locale');
    }
  });

  it('offers undo only when the job can be undone, after a confirmation, and warns about a repeated file', async () => {
    let undone = false;
    const applied = job({
      status: 'applied',
      rowsRead: 3_000,
      rowsApplied: 2_990,
      rowsUnchanged: 10,
      progress: 1,
      dateFrom: '2026-11-01',
      dateTo: '2026-11-19',
      sameFileAs: 5,
      canUndo: true,
    });
    const { calls } = renderJob(applied, {
      'POST /api/imports/7/undo': () => {
        undone = true;
        return { ...applied, status: 'undone', canUndo: false };
      },
      'GET /api/imports/7': () =>
        undone
          ? { ...applied, status: 'undone', canUndo: false, undoneAt: '2026-11-20T03:00:00.000Z' }
          : applied,
    });
    expect(await screen.findByText('新增或变更 2,990 行，10 行与已有数据相同')).toBeTruthy();
    expect(screen.getByText('日期范围：2026-11-01 至 2026-11-19')).toBeTruthy();
    expect(screen.getByTestId('import-same-file').textContent).toContain('这个文件与导入 #5完全相同');
    expect(
      within(screen.getByTestId('import-same-file'))
        .getByRole('link', { name: '导入 #5' })
        .getAttribute('href'),
    ).toBe('/imports/5');

    await user.click(screen.getByTestId('import-undo'));
    const dialog = within(await screen.findByRole('dialog'));
    expect(
      dialog.getByText('这次导入写入的 2,990 行将被删除，被它替换的数据会恢复，相关汇总重新计算。'),
    ).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: '撤销导入' }));
    await waitFor(() => expect(calls.some((call) => call.url.pathname === '/api/imports/7/undo')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('import-status').textContent).toBe('已撤销'));
    expect(screen.queryByTestId('import-undo')).toBeNull();
  });
});
