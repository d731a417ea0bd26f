import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { businessToday } from '../src/core/common/time';
import { baseUrl, launchBrowser, signIn } from './browser';

/**
 * Issue 3's journey: an HQ KA operator imports a chain's sell-out export (GBK, the chain's own columns) in the
 * browser, maps its columns once, watches it apply, imports the same file again (nothing changes), sends a
 * bad file (row, column and reason; nothing applied), undoes the import, and reads 沃尔玛's month on the dashboard.
 */
describe('journey: 沃尔玛 sell-out — import, re-import, bad file, undo, dashboard', () => {
  let browser: Browser;
  let page: Page;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'endcap-sales-journey-'));
  const day = businessToday();
  let accountId: number;
  let goodFile: string;
  let badFile: string;
  let rows = 0;
  let firstJobId: number;

  const getJson = async <T>(url: string): Promise<T> => {
    const response = await page.request.get(`${baseUrl()}${url}`);
    expect(response.status(), url).toBe(200);
    return (await response.json()) as T;
  };
  /** 沃尔玛's sell-out on the journey's day, from the sales API: what the imports really left in the database. */
  const dayTotals = async () => {
    const body = await getJson<{ totals: { amount: number | null; units: number | null } }>(
      `/api/analytics/sales?measures=amount,units&from=${day}&to=${day}&accountId=${accountId}`,
    );
    return { amount: body.totals.amount ?? 0, units: body.totals.units ?? 0 };
  };
  const jobIdFromUrl = () => Number(/\/imports\/(\d+)$/.exec(page.url())![1]);

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('signs in and writes a GBK export of 沃尔玛 stores × item codes for one day', async () => {
    await signIn(page, 'hq');
    const accounts = await getJson<{ items: { id: number; code: string }[] }>('/api/accounts?q=WMT');
    accountId = accounts.items.find((account) => account.code === 'WMT')!.id;
    const stores = await getJson<{ items: { code: string; status: string }[] }>(
      `/api/stores?accountId=${accountId}&limit=60`,
    );
    const items = await getJson<{ items: { itemCode: string }[] }>(
      `/api/item-codes?accountId=${accountId}&limit=20`,
    );
    expect(stores.items.length).toBeGreaterThan(10);
    expect(items.items.length).toBeGreaterThan(5);
    // The chain's columns, in its order, with its Chinese headers; amounts in yuan.
    const lines = ['门店编号,门店名称,商品编码,销售日期,销售数量,销售金额'];
    for (const store of stores.items)
      for (const [index, item] of items.items.entries()) {
        lines.push(
          `${store.code},沃尔玛,${item.itemCode},${day},${1 + (index % 5)},${(12.5 * (1 + (index % 5))).toFixed(2)}`,
        );
        rows++;
      }
    goodFile = path.join(workDir, 'walmart-sellout.csv');
    fs.writeFileSync(goodFile, iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk'));
    // The same export with an unknown store, a negative quantity and a date that is not one.
    const bad = [...lines.slice(0, 3)];
    bad.push(`NO-SUCH-STORE,沃尔玛,${items.items[0].itemCode},${day},1,12.50`);
    bad.push(`${stores.items[0].code},沃尔玛,${items.items[1].itemCode},${day},-3,12.50`);
    bad.push(`${stores.items[1].code},沃尔玛,${items.items[2].itemCode},2026-13-45,2,25.00`);
    badFile = path.join(workDir, 'walmart-sellout-bad.csv');
    fs.writeFileSync(badFile, iconv.encode(`${bad.join('\r\n')}\r\n`, 'gbk'));
    expect(await dayTotals()).toEqual({ amount: 0, units: 0 });
  });

  async function chooseImport(file: string) {
    await page.goto(`${baseUrl()}/imports`);
    await page.getByTestId('import-kind').waitFor();
    await page.getByTestId('import-account').click();
    await page.keyboard.type('沃尔玛');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '沃尔玛' })
      .first()
      .click();
    await page.getByTestId('import-file').setInputFiles(file);
  }

  it('maps the columns from a preview on first use, imports the file and sees it applied', async () => {
    await chooseImport(goodFile);
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    // The preview shows the file's rows, decoded from GBK.
    await expect(mapping.getByText('门店编号').first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('import-preview').getByText('沃尔玛').first().isVisible()).resolves.toBe(
      true,
    );
    await page.getByTestId('import-start').click();
    await page.waitForURL(/\/imports\/\d+$/);
    firstJobId = jobIdFromUrl();
    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-applied').waitFor({ timeout: 30_000 });
    const job = await getJson<{ status: string; rowsRead: number; rowsApplied: number }>(
      `/api/imports/${firstJobId}`,
    );
    expect(job).toMatchObject({ status: 'applied', rowsRead: rows, rowsApplied: rows });
    const totals = await dayTotals();
    expect(totals.units).toBeGreaterThan(rows); // 1–5 units a row
    expect(totals.amount).toBe(totals.units * 1250);
  });

  it('imports the same file again with the saved profile: flagged as the same file, nothing double-counted', async () => {
    const before = await dayTotals();
    await chooseImport(goodFile);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-start').click();
    await page.waitForURL(/\/imports\/\d+$/);
    const secondJobId = jobIdFromUrl();
    expect(secondJobId).not.toBe(firstJobId);
    await page.getByTestId('import-applied').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-same-file').waitFor();
    const job = await getJson<{ rowsApplied: number; rowsUnchanged: number }>(`/api/imports/${secondJobId}`);
    expect(job).toMatchObject({ rowsApplied: 0, rowsUnchanged: rows });
    expect(await dayTotals()).toEqual(before);
  });

  it('rejects a bad file with row, column and reason for each problem, and applies nothing', async () => {
    const before = await dayTotals();
    await chooseImport(badFile);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-start').click();
    await page.waitForURL(/\/imports\/\d+$/);
    const report = page.getByTestId('import-errors');
    await report.waitFor({ timeout: 30_000 });
    const text = await report.innerText();
    expect(text).toContain('NO-SUCH-STORE');
    expect(text).toContain('-3');
    expect(text).toContain('2026-13-45');
    const job = await getJson<{
      status: string;
      errorCount: number;
      errors: { row: number; column: string }[];
    }>(`/api/imports/${jobIdFromUrl()}`);
    expect(job.status).toBe('rejected');
    expect(job.errorCount).toBe(3);
    // Data rows are numbered as the spreadsheet shows them: the header is row 1.
    expect(job.errors.map((problem) => [problem.row, problem.column])).toEqual([
      [4, '门店编号'],
      [5, '销售数量'],
      [6, '销售日期'],
    ]);
    expect(await dayTotals()).toEqual(before);
  });

  it('undoes the first import: the day is empty again', async () => {
    await page.goto(`${baseUrl()}/imports/${firstJobId}`);
    await page.getByTestId('import-undo').click();
    await page.getByTestId('import-undo-confirm').click();
    await page.getByTestId('import-status').getByText('已撤销').waitFor({ timeout: 30_000 });
    expect(await dayTotals()).toEqual({ amount: 0, units: 0 });
  });

  it('answers how 沃尔玛 did this month from the dashboard: KPIs against last year and target, by class, stock-outs', async () => {
    await page.goto(`${baseUrl()}/sales?accountId=${accountId}`);
    const amount = page.getByTestId('sales-kpi-amount');
    await amount.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await amount.innerText()).toMatch(/¥|万/);
    expect(await page.getByTestId('sales-kpi-yoy').innerText()).toMatch(/%/);
    expect(await page.getByTestId('sales-kpi-achievement').innerText()).toMatch(/%/);
    await page.getByTestId('sales-trend-chart').locator('canvas').first().waitFor();
    await page.getByTestId('sales-by-class').locator('canvas, table').first().waitFor();
    await page.getByTestId('sales-stockout-panel').waitFor();
    expect(new URL(page.url()).searchParams.get('accountId')).toBe(String(accountId));
  });
});
