import { sql } from 'drizzle-orm';
import { scopeKindOf } from '../../../core/auth/roles';
import { optionsOf, parseEnumLabel } from '../../../core/common/enum-labels';
import { parseYuanToFen } from '../../../core/common/money';
import { parseMonth, parseQuantity, parseSalesDate } from '../../../core/imports/import-cells';
import { skuFields, type MappedImportKind } from '../../../core/imports/import-fields';
import type { MappingField } from '../../../core/imports/imports.enums';
import type { Db } from '../../db/client';
import { csvField } from '../../db/bulk';
import { queryRows } from '../../db/sql-helpers';
import type { Actor } from '../../http/access';
import { resolveSkuCodes, type SkuCodes } from '../catalog/catalog.service';
import { getOrgSubtreeIds, listOrgUnits } from '../org-units/org-units.service';
import { storeCodesOfAccount } from '../stores/stores.service';

/**
 * Checking each row of a fact file and turning it into a line for the staging table. Everything a row is checked
 * against (store codes, SKU codes, who may write which store) is loaded once, so millions of rows are checked in
 * memory, without a query per row.
 */

/** Where each mapped field is in the file. */
export type ColumnIndexes = Partial<Record<MappingField, { index: number; header: string }>>;

export interface ProblemSink {
  report(row: number, column: string, value: string | null, reason: string): void;
}

/** What the valid rows covered: the range a rollup refresh and the job's history need. */
export interface RowStats {
  rows: number;
  minDate: string | null;
  maxDate: string | null;
  storeIds: Set<number>;
}

export const emptyStats = (): RowStats => ({ rows: 0, minDate: null, maxDate: null, storeIds: new Set() });

/** A row's fact columns as CSV (factTables[kind].columns order), or null when the row has problems. */
export type RowValidator = (rowNumber: number, values: string[]) => string | null;

interface StoreRef {
  id: number;
  orgUnitId: number | null;
}

export interface RowContext {
  kind: MappedImportKind;
  accountId: number | null;
  stores: Map<string, StoreRef>;
  skus: SkuCodes;
  /** Null: the actor may write every store. */
  writableStore: ((store: StoreRef) => boolean) | null;
  accountsByCode: Map<string, number>;
  repsByUsername: Map<string, number>;
  orgUnitsByCode: Map<string, number>;
}

/** Loads what the rows of one file are checked against. */
export async function loadRowContext(
  db: Db,
  actor: Actor,
  kind: MappedImportKind,
  accountId: number | null,
): Promise<RowContext> {
  const empty: SkuCodes = { byItemCode: new Map(), byBarcode: new Map(), byCode: new Map() };
  const context: RowContext = {
    kind,
    accountId,
    stores: accountId === null ? new Map() : await storeCodesOfAccount(db, accountId),
    skus: kind === 'targets' || accountId === null ? empty : await resolveSkuCodes(db, accountId),
    writableStore: await writableStoreCheck(db, actor),
    accountsByCode: new Map(),
    repsByUsername: new Map(),
    orgUnitsByCode: new Map(),
  };
  if (kind === 'targets') {
    const accounts = await queryRows<{ id: number; code: string }>(db, sqlAccounts);
    context.accountsByCode = new Map(accounts.map((row) => [row.code, Number(row.id)]));
    const reps = await queryRows<{ id: number; username: string }>(db, sqlReps);
    context.repsByUsername = new Map(reps.map((row) => [row.username, Number(row.id)]));
    context.orgUnitsByCode = new Map((await listOrgUnits(db)).map((unit) => [unit.code, unit.id]));
  }
  return context;
}

const sqlAccounts = sql`select id, code from accounts`;
const sqlReps = sql`select id, username from users where role = 'rep'`;

/** Managers and assistants write the stores of their org subtree; HQ roles any store (docs/decisions/0003). */
async function writableStoreCheck(db: Db, actor: Actor): Promise<((store: StoreRef) => boolean) | null> {
  switch (scopeKindOf(actor.role)) {
    case 'all':
      return null;
    case 'org_subtree': {
      const units = new Set(actor.orgUnitId === null ? [] : await getOrgSubtreeIds(db, actor.orgUnitId));
      return (store) => store.orgUnitId !== null && units.has(store.orgUnitId);
    }
    case 'assigned_stores': {
      const rows = await queryRows<{ storeId: number }>(
        db,
        sql`select store_id as "storeId" from store_assignments where user_id = ${actor.id}`,
      );
      const ids = new Set(rows.map((row) => Number(row.storeId)));
      return (store) => ids.has(store.id);
    }
  }
}

const skuReason: Record<(typeof skuFields)[number], string> = {
  itemCode: "unknown item code: not in this account's item codes",
  barcode: 'unknown barcode: no SKU has it',
  skuCode: 'unknown SKU code',
};

const scopeLabels = optionsOf('targetScope', 'zh-CN')
  .map((option) => option.label)
  .join('、');

export function createRowValidator(
  context: RowContext,
  columns: ColumnIndexes,
  sink: ProblemSink,
  stats: RowStats,
): RowValidator {
  const cell = (values: string[], field: MappingField): string => {
    const column = columns[field];
    if (!column) return '';
    const value = values[column.index];
    return value === undefined ? '' : value.trim();
  };
  const headerOf = (field: MappingField) => columns[field]?.header ?? field;
  let rowNumber = 0;
  let ok = true;
  const report = (field: MappingField, value: string, reason: string) => {
    sink.report(rowNumber, headerOf(field), value === '' ? null : value, reason);
    ok = false;
  };

  // Dates repeat on every row of a day: parse each text once.
  const dates = new Map<string, string | null>();
  const dateOf = (values: string[], field: 'date' | 'month'): string => {
    const text = cell(values, field);
    let date = dates.get(text);
    if (date === undefined) {
      date = field === 'date' ? parseSalesDate(text) : parseMonth(text);
      if (dates.size < 100_000) dates.set(text, date);
    }
    if (date === null) {
      report(
        field,
        text,
        text === ''
          ? 'required'
          : field === 'date'
            ? 'not a valid date; write it as 2026-05-01 or 20260501'
            : 'not a valid month; write it as 2026-05',
      );
      return '';
    }
    if (stats.minDate === null || date < stats.minDate) stats.minDate = date;
    if (stats.maxDate === null || date > stats.maxDate) stats.maxDate = date;
    return date;
  };

  const storeByCode = (code: string, field: MappingField): number | null => {
    const store = context.stores.get(code);
    if (!store) {
      report(field, code, "unknown store code: not one of this account's stores");
      return null;
    }
    if (context.writableStore && !context.writableStore(store)) {
      report(field, code, 'the store is outside your org unit');
      return null;
    }
    return store.id;
  };
  const storeOf = (values: string[], required: boolean): number | null => {
    const code = cell(values, 'storeCode');
    if (code === '') {
      if (required) report('storeCode', code, 'required');
      return null;
    }
    return storeByCode(code, 'storeCode');
  };

  const skuColumns = skuFields.filter((field) => columns[field]);
  const skuMaps = {
    itemCode: context.skus.byItemCode,
    barcode: context.skus.byBarcode,
    skuCode: context.skus.byCode,
  };
  const skuOf = (values: string[]): number => {
    for (const field of skuColumns) {
      const code = cell(values, field);
      if (code === '') continue;
      const id = skuMaps[field].get(code);
      if (id === undefined) report(field, code, skuReason[field]);
      return id ?? 0;
    }
    report(skuColumns[0] ?? 'itemCode', '', 'required');
    return 0;
  };

  const quantityOf = (values: string[], field: 'units' | 'onHand', required = true): number | null => {
    const text = cell(values, field);
    if (text === '' && !required) return null;
    const quantity = parseQuantity(text);
    if (typeof quantity === 'string') {
      report(field, text, text === '' ? 'required' : quantity);
      return null;
    }
    return quantity;
  };

  // Amounts repeat too (a few prices times small quantities): parse each text once, up to a bound.
  const amounts = new Map<string, number | null>();
  const fenOf = (values: string[], field: 'amount' | 'price', required = true): number | null => {
    const text = cell(values, field);
    if (text === '') {
      if (required) report(field, text, 'required');
      return null;
    }
    let fen = amounts.get(text);
    if (fen === undefined) {
      fen = parseYuanToFen(text);
      if (amounts.size < 100_000) amounts.set(text, fen);
    }
    if (fen === null) report(field, text, 'not an amount in yuan, e.g. 1234.50');
    else if (fen < 0) report(field, text, 'must not be negative');
    return fen;
  };

  const begin = (row: number) => {
    rowNumber = row;
    ok = true;
  };
  const accept = (line: string, storeId: number | null): string => {
    stats.rows++;
    if (storeId !== null) stats.storeIds.add(storeId);
    return line;
  };

  switch (context.kind) {
    case 'sellout':
      return (row, values) => {
        begin(row);
        const storeId = storeOf(values, true);
        const skuId = skuOf(values);
        const date = dateOf(values, 'date');
        const units = quantityOf(values, 'units');
        const amount = fenOf(values, 'amount');
        return ok ? accept(`${storeId},${date},${skuId},${units},${amount}`, storeId) : null;
      };
    case 'inventory':
      return (row, values) => {
        begin(row);
        const storeId = storeOf(values, true);
        const skuId = skuOf(values);
        const date = dateOf(values, 'date');
        const onHand = quantityOf(values, 'onHand');
        return ok ? accept(`${storeId},${date},${skuId},${onHand}`, storeId) : null;
      };
    case 'sellin':
      return (row, values) => {
        begin(row);
        const invoiceNo = cell(values, 'invoiceNo');
        if (invoiceNo === '') report('invoiceNo', invoiceNo, 'required');
        else if (invoiceNo.length > 60) report('invoiceNo', invoiceNo, 'at most 60 characters');
        const storeId = columns.storeCode ? storeOf(values, false) : null;
        const skuId = skuOf(values);
        const date = dateOf(values, 'date');
        const units = quantityOf(values, 'units');
        const price = fenOf(values, 'price', false);
        const amount = fenOf(values, 'amount');
        if (price !== null && price > 2_147_483_647) report('price', cell(values, 'price'), 'too large');
        return ok
          ? accept(
              `${context.accountId},${storeId ?? ''},${skuId},${date},${csvField(invoiceNo)},${units},${price ?? ''},${amount}`,
              storeId,
            )
          : null;
      };
    case 'targets':
      return (row, values) => {
        begin(row);
        const month = dateOf(values, 'month');
        const scopeText = cell(values, 'scope');
        const scope = parseEnumLabel('targetScope', scopeText);
        if (!scope)
          report(
            'scope',
            scopeText,
            scopeText === '' ? 'required' : `unknown value; use one of ${scopeLabels}`,
          );
        const ref = cell(values, 'ref');
        const ids = { account: '', store: '', rep: '', org_unit: '' };
        const lookUp = (map: Map<string, number>, what: string): string => {
          if (ref === '') {
            report('ref', ref, `required: the ${what}`);
            return '';
          }
          const id = map.get(ref);
          if (id === undefined) report('ref', ref, `unknown ${what}`);
          return id === undefined ? '' : String(id);
        };
        let storeId: number | null = null;
        switch (scope) {
          case 'company':
            if (ref !== '') report('ref', ref, 'leave blank for a company target');
            break;
          case 'account':
            ids.account = lookUp(context.accountsByCode, 'account code');
            break;
          case 'store':
            if (context.accountId === null) report('ref', ref, 'store targets need the account of the file');
            else {
              if (ref === '') report('ref', ref, 'required: the store code');
              else storeId = storeByCode(ref, 'ref');
              ids.store = storeId === null ? '' : String(storeId);
            }
            break;
          case 'rep':
            ids.rep = lookUp(context.repsByUsername, 'rep (username)');
            break;
          case 'org_unit':
            ids.org_unit = lookUp(context.orgUnitsByCode, 'org unit code');
            break;
        }
        const amount = fenOf(values, 'amount');
        const units = quantityOf(values, 'units', false);
        return ok
          ? accept(
              `${month},${scope},${ids.account},${ids.store},${ids.rep},${ids.org_unit},${amount},${units ?? ''}`,
              null,
            )
          : null;
      };
  }
}
