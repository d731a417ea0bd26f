import { sql } from 'drizzle-orm';
import type { ImportJobDetail } from '../../../core/imports/imports.contract';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/sql-helpers';
import { systemActor } from '../../http/access';
import type { App } from '../../http/types';
import { makeAccount, makeOrgUnit, makeStore, makeUser } from '../../test/factories';
import { createSku, upsertItemCode } from '../catalog/catalog.service';
import { whenImportsIdle } from './imports.runner';

/**
 * Test helpers of the import API tests: a chain with stores in two regions, SKUs known by item code and barcode,
 * and one call that uploads a file and waits for its job.
 */
export async function makeImportWorld(db: Db) {
  const hq = await makeOrgUnit(db, { kind: 'hq' });
  const east = await makeOrgUnit(db, { kind: 'region', parentId: hq.id });
  const west = await makeOrgUnit(db, { kind: 'region', parentId: hq.id });
  const account = await makeAccount(db);
  const stores = {
    east1: await makeStore(db, { accountId: account.id, code: 'E001', orgUnitId: east.id }),
    east2: await makeStore(db, { accountId: account.id, code: 'E002', orgUnitId: east.id }),
    west1: await makeStore(db, { accountId: account.id, code: 'W001', orgUnitId: west.id }),
  };
  const sku = async (code: string, barcode: string | null) =>
    createSku(db, systemActor, {
      code,
      barcode,
      name: `SKU ${code}`,
      brand: '甜心',
      category: '糖果',
      isOwn: true,
      status: 'active',
    });
  const skus = {
    candy: await sku(`C${account.id}`, '6901234567892'),
    gum: await sku(`G${account.id}`, null),
  };
  await upsertItemCode(db, systemActor, { accountId: account.id, itemCode: '1001', skuId: skus.candy.id });
  await upsertItemCode(db, systemActor, { accountId: account.id, itemCode: '1002', skuId: skus.gum.id });
  const admin = await makeUser(db, { role: 'admin', orgUnitId: hq.id });
  const eastManager = await makeUser(db, { role: 'manager', orgUnitId: east.id });
  return { hq, east, west, account, stores, skus, admin, eastManager };
}

export type ImportWorld = Awaited<ReturnType<typeof makeImportWorld>>;

/** A multipart body: text fields first, then the file, as a browser's FormData sends them. */
export function importUpload(
  fields: Record<string, string>,
  fileName: string,
  content: Buffer | string,
  headers: Record<string, string>,
) {
  const boundary = `----endcap${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads a file, waits for its job to finish, and answers the job's detail (or the upload's error answer). */
export async function runImport(
  app: App,
  headers: Record<string, string>,
  fields: Record<string, string>,
  fileName: string,
  content: Buffer | string,
): Promise<ImportJobDetail> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/imports',
    ...importUpload(fields, fileName, content, headers),
  });
  if (response.statusCode !== 202)
    throw new Error(`upload answered ${response.statusCode}: ${response.body}`);
  await whenImportsIdle();
  const detail = await app.inject({ method: 'GET', url: `/api/imports/${response.json().id}`, headers });
  return detail.json() as ImportJobDetail;
}

/** A CSV as chain portals export it (LF line ends, no BOM). */
export const csvOf = (rows: (string | number)[][]) => rows.map((row) => row.join(',')).join('\n') + '\n';

export const SELL_OUT_HEADER = ['门店编码', '商品编码', '销售日期', '销量', '销售额'];

/** Sell-out facts and the day rollup of some stores, for comparing after imports and undos. */
export async function sellOutState(db: Db, storeIds: number[]) {
  const facts = await queryRows<{
    storeId: number;
    date: string;
    skuId: number;
    units: number;
    amountFen: number;
  }>(
    db,
    sql`select store_id as "storeId", date::text as date, sku_id as "skuId", units, amount_fen::float8 as "amountFen"
      from sell_out where store_id = any(${sql.param(storeIds)}::int[]) order by store_id, date, sku_id`,
  );
  const rollupMismatches = await queryRows<{ storeId: number }>(
    db,
    sql`select coalesce(f.store_id, r.store_id) as "storeId"
      from (select store_id, date, sum(units) as units, sum(amount_fen) as amount from sell_out
            where store_id = any(${sql.param(storeIds)}::int[]) group by store_id, date) f
      full join (select store_id, date, units, amount_fen as amount from sales_store_day
            where store_id = any(${sql.param(storeIds)}::int[])) r on r.store_id = f.store_id and r.date = f.date
      where f.units is distinct from r.units or f.amount is distinct from r.amount`,
  );
  const monthMismatches = await queryRows<{ storeId: number }>(
    db,
    sql`select coalesce(f.store_id, r.store_id) as "storeId"
      from (select store_id, date_trunc('month', date)::date as month, sku_id, sum(units) as units,
              sum(amount_fen) as amount from sell_out where store_id = any(${sql.param(storeIds)}::int[])
            group by 1, 2, 3) f
      full join (select store_id, month, sku_id, units, amount_fen as amount from sales_store_sku_month
            where store_id = any(${sql.param(storeIds)}::int[])) r
        on r.store_id = f.store_id and r.month = f.month and r.sku_id = f.sku_id
      where f.units is distinct from r.units or f.amount is distinct from r.amount`,
  );
  return {
    facts: facts.map((row) => ({ ...row, units: Number(row.units), amountFen: Number(row.amountFen) })),
    rollupsMatch: rollupMismatches.length === 0 && monthMismatches.length === 0,
  };
}
