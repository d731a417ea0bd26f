import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, signIn } from './browser';

/** Every demo role signs in in a real browser and sees its own scope: the menu it may use and only its stores. */
describe('journey: each demo role signs in and sees its scope', () => {
  let browser: Browser;
  const storeTotals = new Map<string, number>();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const cases = [
    { username: 'admin', menu: ['用户', '组织架构', '操作日志'], hidden: [] },
    { username: 'hq', menu: ['客户', '门店', '联系人'], hidden: ['操作日志'] },
    { username: 'manager', menu: ['门店', '用户'], hidden: ['操作日志', '组织架构'] },
    { username: 'rep', menu: ['门店', '联系人'], hidden: ['用户', '操作日志'] },
    { username: 'promoter', menu: ['门店'], hidden: ['用户', '操作日志'] },
    { username: 'finance', menu: ['客户', '门店'], hidden: ['用户', '操作日志'] },
  ];

  for (const { username, menu, hidden } of cases) {
    it(`${username}: the dashboard counts exactly the stores the role may see`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await signIn(page, username);
      const nav = page.locator('.ant-layout-sider .ant-menu');
      for (const item of menu)
        await expect(
          nav.getByText(item, { exact: true }).isVisible(),
          `${username} sees ${item}`,
        ).resolves.toBe(true);
      for (const item of hidden)
        expect(await nav.getByText(item, { exact: true }).count(), `${username} does not see ${item}`).toBe(
          0,
        );

      const api = await (await page.request.get(`${baseUrl()}/api/stores?limit=1`)).json();
      storeTotals.set(username, api.total);
      const shown = await page.getByTestId('dashboard-total-stores').innerText();
      expect(Number(shown.replace(/[^\d]/g, ''))).toBe(api.total);
      await context.close();
    });
  }

  it('scopes narrow from HQ to region to one rep to one promoter', () => {
    const total = storeTotals.get('hq')!;
    expect(storeTotals.get('admin')).toBe(total);
    expect(storeTotals.get('finance')).toBe(total);
    expect(storeTotals.get('manager')!).toBeLessThan(total);
    expect(storeTotals.get('rep')!).toBeLessThan(storeTotals.get('manager')!);
    expect(storeTotals.get('promoter')!).toBeLessThan(storeTotals.get('rep')!);
    expect(storeTotals.get('promoter')!).toBeGreaterThan(0);
  });
});

describe('journey: a rep on a 375-px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('signs in, opens the menu, lists their stores and a store page without the page scrolling sideways', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signIn(page, 'rep');
    await page.getByRole('button', { name: '菜单' }).click();
    await page.locator('.ant-drawer').getByText('门店', { exact: true }).click();
    await page.waitForURL(/\/stores/);
    const table = page.getByTestId('stores-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(375);
    await table.locator('tbody tr.ant-table-row a').first().click();
    await page.waitForURL(/\/stores\/\d+$/);
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });
});
