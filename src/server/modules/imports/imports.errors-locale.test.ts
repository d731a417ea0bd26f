import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, sessionHeaders, tokenHeaders, type TestContext } from '../../test/test-app';
import { makeUser } from '../../test/factories';
import { setUserLocale } from '../users/users.service';
import { csvOf, makeImportWorld, runImport, SELL_OUT_HEADER, type ImportWorld } from './imports.testing';

/**
 * errors.csv is read by people: its reasons are in the language of the user asking. The job detail (JSON) keeps
 * the English reasons scripts match on, whoever asks.
 */
describe('the problem report of an import, in the user’s language', () => {
  let t: TestContext;
  let w: ImportWorld;
  let jobId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    w = await makeImportWorld(t.db);
    const admin = await sessionHeaders(t.app, w.admin.username);
    const job = await runImport(
      t.app,
      admin,
      { kind: 'sellout', account: w.account.code },
      'bad.csv',
      csvOf([
        SELL_OUT_HEADER,
        ['E001', '1001', '2026-04-01', 'abc', '10'],
        ['X999', '1001', '2026-04-01', 1, '10'],
        ['E001', '1002', '2026-04-31', 1, '10'],
      ]),
    );
    expect(job.status).toBe('rejected');
    jobId = job.id;
  });
  afterAll(() => t.close());

  const englishReasons = [
    'must be a number',
    "unknown store code: not one of this account's stores",
    'not a valid date; write it as 2026-05-01 or 20260501',
  ];

  async function report(headers: Record<string, string>) {
    const csv = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}/errors.csv`, headers });
    expect(csv.statusCode).toBe(200);
    return csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
  }

  async function detailReasons(headers: Record<string, string>) {
    const detail = await t.app.inject({ method: 'GET', url: `/api/imports/${jobId}`, headers });
    expect(detail.statusCode).toBe(200);
    return (detail.json() as { errors: { reason: string }[] }).errors.map((problem) => problem.reason);
  }

  it('writes Chinese reasons for a zh-CN user, and the JSON stays English', async () => {
    const headers = await sessionHeaders(t.app, w.admin.username);
    expect(await report(headers)).toEqual([
      '行,列,值,问题',
      '2,销量,abc,必须是数字',
      '3,门店编码,X999,未知门店编码：不是该客户的门店',
      '4,销售日期,2026-04-31,不是有效日期，请写成 2026-05-01 或 20260501',
    ]);
    expect(await detailReasons(headers)).toEqual(englishReasons);
  });

  it('writes English reasons for a user who chose English, by session or by API token', async () => {
    const english = await makeUser(t.db, { role: 'hq_ops' });
    await setUserLocale(t.db, english.id, 'en');
    for (const headers of [
      await sessionHeaders(t.app, english.username),
      await tokenHeaders(t.database, { ...english.actor, locale: 'en' }),
    ]) {
      const lines = await report(headers);
      expect(lines.slice(1)).toEqual([
        '2,销量,abc,must be a number',
        "3,门店编码,X999,unknown store code: not one of this account's stores",
        '4,销售日期,2026-04-31,not a valid date; write it as 2026-05-01 or 20260501',
      ]);
      expect(await detailReasons(headers)).toEqual(englishReasons);
    }
  });

  it('follows the user’s choice when it changes', async () => {
    const user = await makeUser(t.db, { role: 'hq_ops' });
    const headers = await sessionHeaders(t.app, user.username);
    expect((await report(headers))[1]).toBe('2,销量,abc,必须是数字');
    const changed = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/preferences',
      headers,
      payload: { locale: 'en' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await report(headers))[1]).toBe('2,销量,abc,must be a number');
  });
});
