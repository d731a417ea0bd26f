import { sql, type SQL } from 'drizzle-orm';
import {
  type SupplySettingsInput,
  type SupplySettingsRecord,
  type SupplySettingsRow,
} from '../../../core/analytics/analytics.contract';
import { defaultSupplySettings } from '../../../core/analytics/replenishment';
import { scopeKindOf } from '../../../core/auth/roles';
import { parseSort, type ListResponse } from '../../../core/common/list';
import {
  salesTargetSortKeys,
  sellInSortKeys,
  type SalesTarget,
  type SalesTargetInput,
  type SalesTargetListQuery,
  type SellInListQuery,
  type SellInPost,
  type SellInPostResult,
  type SellInRecord,
} from '../../../core/sales/sales.contract';
import { targetScopes } from '../../../core/sales/sales.enums';
import type { Db } from '../../db/client';
import { containsPattern, intList, queryRows } from '../../db/sql-helpers';
import { AppError, notFound } from '../../http/app-error';
import type { Actor } from '../../http/access';
import { orgSubtreeIdsSql } from '../org-units/org-units.service';
import { visibleAccountIdsSql, visibleStoreIdsSql } from '../stores/store-scope';

const where = (conditions: SQL[]) =>
  conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;

// ——— Sell-in ———

type Problem = { path: string; message: string };

/**
 * Invoice lines from an ERP. A line is matched on account + invoice number + SKU + store (the key the imports
 * use too), so posting the same lines again updates them instead of adding them twice. All lines or none.
 */
export async function postSellIn(db: Db, actor: Actor, input: SellInPost): Promise<SellInPostResult> {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  input.lines.forEach((line, index) => {
    const key = JSON.stringify([line.accountId, line.invoiceNo, line.skuId, line.storeId ?? null]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ path: `body.lines.${index}`, message: `the same invoice line as line ${earlier}` });
    } else seen.set(key, index);
  });

  const accountIds = [...new Set(input.lines.map((line) => line.accountId))];
  const storeIds = [...new Set(input.lines.flatMap((line) => (line.storeId ? [line.storeId] : [])))];
  const skuIds = [...new Set(input.lines.map((line) => line.skuId))];
  const visibleAccounts = visibleAccountIdsSql(actor);
  const visibleStores = visibleStoreIdsSql(actor);
  const [accounts, stores, skus] = [
    await queryRows<{ id: number }>(
      db,
      sql`select id from accounts where id = any(${intList(accountIds)})
          ${visibleAccounts ? sql`and id in ${visibleAccounts}` : sql``}`,
    ),
    await queryRows<{ id: number; accountId: number }>(
      db,
      sql`select id, account_id as "accountId" from stores where id = any(${intList(storeIds)})
          ${visibleStores ? sql`and id in ${visibleStores}` : sql``}`,
    ),
    await queryRows<{ id: number }>(db, sql`select id from skus where id = any(${intList(skuIds)})`),
  ];
  const knownAccounts = new Set(accounts.map((row) => row.id));
  const storeAccount = new Map(stores.map((row) => [row.id, row.accountId]));
  const knownSkus = new Set(skus.map((row) => row.id));
  input.lines.forEach((line, index) => {
    if (!knownAccounts.has(line.accountId)) {
      problems.push({
        path: `body.lines.${index}.accountId`,
        message: `account ${line.accountId} does not exist`,
      });
    }
    if (line.storeId) {
      const accountId = storeAccount.get(line.storeId);
      if (accountId === undefined) {
        problems.push({
          path: `body.lines.${index}.storeId`,
          message: `store ${line.storeId} does not exist`,
        });
      } else if (accountId !== line.accountId) {
        problems.push({
          path: `body.lines.${index}.storeId`,
          message: `store ${line.storeId} is not a store of account ${line.accountId}`,
        });
      }
    }
    if (!knownSkus.has(line.skuId)) {
      problems.push({ path: `body.lines.${index}.skuId`, message: `SKU ${line.skuId} does not exist` });
    }
  });
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      `${problems.length} problem(s) in the lines; nothing was saved`,
      problems,
    );
  }

  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let start = 0; start < input.lines.length; start += 500) {
      const values = input.lines.slice(start, start + 500).map(
        (line) =>
          sql`(${line.accountId}::int, ${line.storeId ?? null}::int, ${line.skuId}::int, ${line.date}::date,
               ${line.invoiceNo}, ${line.units}::int, ${line.priceFen ?? null}::int, ${line.amountFen}::bigint)`,
      );
      // A posted line belongs to no import any more: undoing an earlier import leaves it alone.
      const rows = await queryRows<{ inserted: boolean }>(
        tx,
        sql`insert into sell_in (account_id, store_id, sku_id, date, invoice_no, units, price_fen, amount_fen)
            values ${sql.join(values, sql`, `)}
            on conflict on constraint sell_in_line_key do update set
              date = excluded.date, units = excluded.units, price_fen = excluded.price_fen,
              amount_fen = excluded.amount_fen, import_id = null
            returning (xmax::text = '0') as inserted`,
      );
      inserted += rows.filter((row) => row.inserted).length;
    }
    return { received: input.lines.length, inserted, updated: input.lines.length - inserted };
  });
}

/** Lines for one store follow the store's scope; account-level lines (no store) follow the account's. */
function sellInScope(actor: Actor): SQL | null {
  const stores = visibleStoreIdsSql(actor);
  const accounts = visibleAccountIdsSql(actor);
  if (!stores || !accounts) return null;
  return sql`(si.store_id in ${stores} or (si.store_id is null and si.account_id in ${accounts}))`;
}

const sellInSortColumns: Record<(typeof sellInSortKeys)[number], string> = {
  date: 'si.date',
  invoiceNo: 'si.invoice_no',
  accountName: 'a.name',
  skuCode: 'k.code',
  units: 'si.units',
  amountFen: 'si.amount_fen',
};

export async function listSellIn(
  db: Db,
  actor: Actor,
  query: SellInListQuery,
): Promise<ListResponse<SellInRecord>> {
  const conditions: SQL[] = [];
  const scope = sellInScope(actor);
  if (scope) conditions.push(scope);
  if (query.accountId) conditions.push(sql`si.account_id = any(${intList(query.accountId)})`);
  if (query.storeId) conditions.push(sql`si.store_id = any(${intList(query.storeId)})`);
  if (query.skuId) conditions.push(sql`si.sku_id = any(${intList(query.skuId)})`);
  if (query.from) conditions.push(sql`si.date >= ${query.from}::date`);
  if (query.to) conditions.push(sql`si.date <= ${query.to}::date`);
  if (query.invoiceNo) conditions.push(sql`si.invoice_no = ${query.invoiceNo}`);
  if (query.q) {
    const pattern = containsPattern(query.q);
    conditions.push(
      sql`(si.invoice_no ilike ${pattern} or k.code ilike ${pattern} or k.name ilike ${pattern})`,
    );
  }
  const sort = query.sort
    ? parseSort(query.sort, sellInSortKeys, 'date')
    : { key: 'date' as const, descending: true };
  const from = sql`from sell_in si
    join accounts a on a.id = si.account_id
    join skus k on k.id = si.sku_id
    left join stores s on s.id = si.store_id
    ${where(conditions)}`;
  const items = await queryRows<SellInRecord>(
    db,
    sql`select si.id::float8 as id, si.account_id as "accountId", a.name as "accountName",
        si.store_id as "storeId", s.name as "storeName", si.sku_id as "skuId", k.code as "skuCode",
        k.name as "skuName", si.date::text as date, si.invoice_no as "invoiceNo", si.units,
        si.price_fen as "priceFen", si.amount_fen::float8 as "amountFen"
      ${from}
      order by ${sql.raw(sellInSortColumns[sort.key])} ${sql.raw(sort.descending ? 'desc' : 'asc')}, si.id desc
      limit ${query.limit} offset ${query.offset}`,
  );
  const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from}`);
  return { items, total };
}

// ——— Targets ———

/**
 * Who sees which targets: the company's are everyone's; an account's or a store's follow their scope; a rep's
 * are visible to the rep and to managers of the rep's org unit; an org unit's to managers of that subtree.
 */
function targetScope(actor: Actor): SQL | null {
  const kind = scopeKindOf(actor.role);
  if (kind === 'all') return null;
  const accounts = visibleAccountIdsSql(actor)!;
  const stores = visibleStoreIdsSql(actor)!;
  const ownPeople =
    kind === 'assigned_stores' || actor.orgUnitId === null
      ? sql`t.user_id = ${actor.id}`
      : sql`t.user_id in (select id from users where org_unit_id in ${orgSubtreeIdsSql(actor.orgUnitId)})`;
  const ownUnits =
    kind === 'org_subtree' && actor.orgUnitId !== null
      ? sql`t.org_unit_id in ${orgSubtreeIdsSql(actor.orgUnitId)}`
      : sql`false`;
  return sql`(t.scope = 'company'
    or (t.scope = 'account' and t.account_id in ${accounts})
    or (t.scope = 'store' and t.store_id in ${stores})
    or (t.scope = 'rep' and ${ownPeople})
    or (t.scope = 'org_unit' and ${ownUnits}))`;
}

const targetLabel = sql`case t.scope
    when 'company' then '—'
    when 'account' then a.name
    when 'store' then s.name
    when 'rep' then u.display_name
    else o.name end`;

const targetSortColumns: Record<(typeof salesTargetSortKeys)[number], SQL> = {
  month: sql`t.month`,
  scope: sql`array_position(${sql.param([...targetScopes])}::text[], t.scope)`,
  label: targetLabel,
  amountFen: sql`t.amount_fen`,
};

const targetSelect = sql`select t.id, t.month::text as month, t.scope, t.account_id as "accountId",
    t.store_id as "storeId", t.user_id as "userId", t.org_unit_id as "orgUnitId",
    ${targetLabel} as label, t.amount_fen::float8 as "amountFen", t.units`;
const targetFrom = sql`from sales_targets t
    left join accounts a on a.id = t.account_id
    left join stores s on s.id = t.store_id
    left join users u on u.id = t.user_id
    left join org_units o on o.id = t.org_unit_id`;

export async function listSalesTargets(
  db: Db,
  actor: Actor,
  query: SalesTargetListQuery,
): Promise<ListResponse<SalesTarget>> {
  const conditions: SQL[] = [];
  const scope = targetScope(actor);
  if (scope) conditions.push(scope);
  if (query.scope) conditions.push(sql`t.scope = any(${sql.param(query.scope)}::text[])`);
  // Months overlapping the dates: a target for November counts for 2026-11-15.
  if (query.from) conditions.push(sql`t.month >= date_trunc('month', ${query.from}::date::timestamp)::date`);
  if (query.to) conditions.push(sql`t.month <= ${query.to}::date`);
  if (query.accountId) {
    conditions.push(
      sql`(t.account_id = any(${intList(query.accountId)}) or s.account_id = any(${intList(query.accountId)}))`,
    );
  }
  if (query.q) conditions.push(sql`${targetLabel} ilike ${containsPattern(query.q)}`);
  const sort = parseSort(query.sort, salesTargetSortKeys, 'month');
  const items = await queryRows<SalesTarget>(
    db,
    sql`${targetSelect} ${targetFrom} ${where(conditions)}
      order by ${targetSortColumns[sort.key]} ${sql.raw(sort.descending ? 'desc' : 'asc')}, t.month, t.scope, label, t.id
      limit ${query.limit} offset ${query.offset}`,
  );
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total ${targetFrom} ${where(conditions)}`,
  );
  return { items, total };
}

async function getSalesTarget(db: Db, actor: Actor, id: number): Promise<SalesTarget> {
  const scope = targetScope(actor);
  const [row] = await queryRows<SalesTarget>(
    db,
    sql`${targetSelect} ${targetFrom} ${where([sql`t.id = ${id}`, ...(scope ? [scope] : [])])}`,
  );
  if (!row) throw notFound('Target');
  return row;
}

/** Sets one month's target for one company/account/store/rep/org unit, replacing the one it had. */
export async function saveSalesTarget(db: Db, actor: Actor, input: SalesTargetInput): Promise<SalesTarget> {
  const ids = {
    accountId: input.scope === 'account' ? input.accountId! : null,
    storeId: input.scope === 'store' ? input.storeId! : null,
    userId: input.scope === 'rep' ? input.userId! : null,
    orgUnitId: input.scope === 'org_unit' ? input.orgUnitId! : null,
  };
  const checks: Record<string, SQL> = {
    accountId: sql`select 1 from accounts where id = ${ids.accountId}`,
    storeId: sql`select 1 from stores where id = ${ids.storeId}`,
    userId: sql`select 1 from users where id = ${ids.userId} and role = 'rep'`,
    orgUnitId: sql`select 1 from org_units where id = ${ids.orgUnitId}`,
  };
  for (const [field, value] of Object.entries(ids)) {
    if (value === null) continue;
    const found = await queryRows(db, checks[field]);
    if (!found.length) {
      const message = field === 'userId' ? `no rep with id ${value}` : `${field} ${value} does not exist`;
      throw new AppError('validation_failed', message, [{ path: `body.${field}`, message }]);
    }
  }
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into sales_targets (month, scope, account_id, store_id, user_id, org_unit_id, amount_fen, units)
        values (${input.month}::date, ${input.scope}, ${ids.accountId}::int, ${ids.storeId}::int, ${ids.userId}::int,
                ${ids.orgUnitId}::int, ${input.amountFen}::bigint, ${input.units ?? null}::int)
        on conflict on constraint sales_targets_key do update set
          amount_fen = excluded.amount_fen, units = excluded.units, import_id = null
        returning id`,
  );
  return getSalesTarget(db, actor, row.id);
}

export async function deleteSalesTarget(db: Db, actor: Actor, id: number): Promise<void> {
  await getSalesTarget(db, actor, id);
  await db.execute(sql`delete from sales_targets where id = ${id}`);
}

// ——— Supply settings ———

/** Every account's settings, the defaults filled in where none were saved: the order-suggestion formula's input. */
export async function getSupplySettingsForAccounts(
  db: Db,
  accountIds: readonly number[],
): Promise<Map<number, SupplySettingsRecord>> {
  const rows = await queryRows<SupplySettingsRecord>(
    db,
    sql`select account_id as "accountId", lead_time_days as "leadTimeDays", review_period_days as "reviewPeriodDays",
          safety_days as "safetyDays", average_window_days as "averageWindowDays"
        from supply_settings where account_id = any(${intList(accountIds)})`,
  );
  const saved = new Map(rows.map((row) => [row.accountId, row]));
  return new Map(accountIds.map((id) => [id, saved.get(id) ?? { accountId: id, ...defaultSupplySettings }]));
}

export async function listSupplySettings(
  db: Db,
  actor: Actor,
  query: { accountId?: number[] },
): Promise<ListResponse<SupplySettingsRow>> {
  const conditions: SQL[] = [];
  const visible = visibleAccountIdsSql(actor);
  if (visible) conditions.push(sql`a.id in ${visible}`);
  if (query.accountId) conditions.push(sql`a.id = any(${intList(query.accountId)})`);
  const d = defaultSupplySettings;
  const items = await queryRows<SupplySettingsRow>(
    db,
    sql`select a.id as "accountId", a.code as "accountCode", a.name as "accountName",
          coalesce(ss.lead_time_days, ${d.leadTimeDays}::int) as "leadTimeDays",
          coalesce(ss.review_period_days, ${d.reviewPeriodDays}::int) as "reviewPeriodDays",
          coalesce(ss.safety_days, ${d.safetyDays}::int) as "safetyDays",
          coalesce(ss.average_window_days, ${d.averageWindowDays}::int) as "averageWindowDays",
          (ss.account_id is null) as "isDefault"
        from accounts a left join supply_settings ss on ss.account_id = a.id
        ${where(conditions)}
        order by a.name, a.id`,
  );
  return { items, total: items.length };
}

export async function saveSupplySettings(
  db: Db,
  actor: Actor,
  accountId: number,
  input: SupplySettingsInput,
): Promise<SupplySettingsRow> {
  const visible = visibleAccountIdsSql(actor);
  const [account] = await queryRows(
    db,
    sql`select 1 from accounts where id = ${accountId} ${visible ? sql`and id in ${visible}` : sql``}`,
  );
  if (!account) throw notFound('Account');
  await db.execute(
    sql`insert into supply_settings (account_id, lead_time_days, review_period_days, safety_days, average_window_days)
        values (${accountId}::int, ${input.leadTimeDays}::int, ${input.reviewPeriodDays}::int, ${input.safetyDays}::int,
                ${input.averageWindowDays}::int)
        on conflict (account_id) do update set lead_time_days = excluded.lead_time_days,
          review_period_days = excluded.review_period_days, safety_days = excluded.safety_days,
          average_window_days = excluded.average_window_days`,
  );
  const { items } = await listSupplySettings(db, actor, { accountId: [accountId] });
  if (!items.length) throw notFound('Account');
  return items[0];
}
