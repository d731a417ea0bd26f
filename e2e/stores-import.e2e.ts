import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readSpreadsheet } from '../src/server/lib/spreadsheet';
import { baseUrl, launchBrowser, signIn } from './browser';

/**
 * The journey: an HQ KA operator opens 沃尔玛, filters its stores to class A, imports a stores file with one
 * bad row (sees the problem, nothing applied), fixes it, imports it (applied), and exports the list.
 */
describe('journey: 沃尔玛 stores — filter, import with a bad row, fix, import, export', () => {
  let browser: Browser;
  let page: Page;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-journey-'));

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  const header = '客户编码,门店编码,门店名称,业态,营业面积(㎡),省份,城市,地址\r\n';
  const goodRow = 'WMT,E2E-001,沃尔玛测试一店,大卖场,8000,广东,深圳,南山区测试路1号\r\n';
  const writeCsv = (name: string, rows: string) => {
    const file = path.join(workDir, name);
    fs.writeFileSync(file, header + rows);
    return file;
  };
  const countStores = async (q: string) => {
    const response = await page.request.get(`${baseUrl()}/api/stores?q=${encodeURIComponent(q)}`);
    return (await response.json()).total as number;
  };

  it('signs in and opens 沃尔玛 from the accounts list', async () => {
    await signIn(page, 'hq');
    await page.goto(`${baseUrl()}/accounts`);
    await page.getByTestId('accounts-table').getByText('沃尔玛', { exact: true }).first().click();
    await page.waitForURL(/\/accounts\/\d+$/);
    await expect(page.getByText('沃尔玛').first().isVisible()).resolves.toBe(true);
    await page.getByTestId('account-stores-link').click();
    await page.waitForURL(/\/stores\?.*accountId=\d+/);
  });

  it('filters the account’s stores to class A', async () => {
    await page.getByTestId('stores-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('filter-storeClass').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="A"]').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/storeClass=A/);
    await page.waitForLoadState('networkidle');
    const url = new URL(page.url());
    const listed = await page.request.get(`${baseUrl()}/api/stores${url.search}`);
    const body = await listed.json();
    expect(body.total).toBeGreaterThan(0);
    expect(
      body.items.every(
        (store: { storeClass: string; accountCode: string }) =>
          store.storeClass === 'A' && store.accountCode === 'WMT',
      ),
    ).toBe(true);
    await expect(page.getByTestId('stores-table').getByText(body.items[0].name).isVisible()).resolves.toBe(
      true,
    );
  });

  it('rejects a file with one bad row, shows row, column and reason, and applies nothing', async () => {
    const bad = writeCsv(
      'stores-bad.csv',
      goodRow + 'WMT,E2E-002,沃尔玛测试二店,巨型店,6500,广东,深圳,南山区测试路2号\r\n',
    );
    await page.getByTestId('stores-import').click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-submit').click();
    const report = page.getByTestId('import-rejected');
    await report.waitFor();
    await expect(report.getByText('业态', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(report.getByText('巨型店').isVisible()).resolves.toBe(true);
    await expect(report.locator('td').filter({ hasText: /^3$/ }).first().isVisible()).resolves.toBe(true);
    expect(await countStores('E2E-00')).toBe(0);
  });

  it('imports the fixed file', async () => {
    const fixed = writeCsv(
      'stores-fixed.csv',
      goodRow + 'WMT,E2E-002,沃尔玛测试二店,大卖场,6500,广东,深圳,南山区测试路2号\r\n',
    );
    await page.locator('.ant-modal input[type=file]').setInputFiles(fixed);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-applied').waitFor();
    expect(await countStores('E2E-00')).toBe(2);
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  });

  it('exports the filtered list to .xlsx, new stores included', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stores-export').click(),
    ]);
    const file = path.join(workDir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readSpreadsheet(fs.readFileSync(file), file);
    const codes = sheet.rows.map((row) => row.cells['门店编码']);
    expect(codes).toEqual(expect.arrayContaining(['E2E-001', 'E2E-002']));
    expect(sheet.rows.every((row) => row.cells['客户编码'] === 'WMT' && row.cells['卖场等级'] === 'A')).toBe(
      true,
    );
  });
});
