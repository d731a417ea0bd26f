import type { ImportResult } from '../../../core/common/imports';
import { and, eq, inArray } from 'drizzle-orm';
import { accountCodeSchema, type StoreFormat } from '../../../core/accounts/accounts.contract';
import { labelOf, optionsOf } from '../../../core/common/enum-labels';
import type { ImportProblem } from '../../../core/common/errors';
import { classifyStore } from '../../../core/stores/store-class';
import {
  storeInputSchema,
  type StoreListQuery,
  type StoreStatus,
} from '../../../core/stores/stores.contract';
import type { Db } from '../../db/client';
import { AppError } from '../../http/app-error';
import type { Actor } from '../../http/access';
import {
  distinct,
  importRejected,
  inBatches,
  matchHeaders,
  readSpreadsheet,
  rowReader,
  writeXlsx,
  type ImportColumn,
  type RowReader,
} from '../../lib/spreadsheet';
import { findAccountsByCodes } from '../accounts/accounts.service';
import { recordAuditEvents, type AuditEventInput } from '../audit/audit.service';
import { listOrgUnits } from '../org-units/org-units.service';
import { findUsersByIds, findUsersByUsernames, isFieldRole } from '../users/users.service';
import { listStores, replaceAssignments, writableOrgUnitIds } from './stores.service';
import { storeAssignments, stores } from './stores.table';

/**
 * Stores in and out of Excel. The rules a user relies on (also written on the template's 说明 sheet):
 * - A store is matched by account code + store code: re-importing a file updates those stores, never duplicates them,
 *   and a file that changes nothing changes nothing (no write, no audit event). A key may appear once per file.
 * - A column missing from the file leaves that field as it is; a blank cell means "no value" and clears it.
 *   Three fields cannot be "no value" and so keep their current value when blank, or take the default on a new store:
 *   状态 (default open), 所属组织编码 for managers and assistants (default their own unit), and 负责代表 —
 *   a blank reps cell keeps the store's reps, because clearing them by accident would take the stores out of
 *   those reps' scope; "无" (or "-", "none") removes them all.
 * - Any problem in any row rejects the whole file, with every problem listed; nothing is written.
 */

export const MAX_EXPORT_ROWS = 50_000;

type StoreColumnKey =
  | 'accountCode'
  | 'accountName'
  | 'code'
  | 'name'
  | 'format'
  | 'floorArea'
  | 'storeClass'
  | 'province'
  | 'city'
  | 'district'
  | 'address'
  | 'tradeArea'
  | 'latitude'
  | 'longitude'
  | 'dailyTraffic'
  | 'potential'
  | 'openedOn'
  | 'status'
  | 'orgUnitCode'
  | 'reps';

const formatLabels = optionsOf('storeFormat', 'zh-CN')
  .map((option) => option.label)
  .join('、');
const statusLabels = optionsOf('storeStatus', 'zh-CN')
  .map((option) => option.label)
  .join('、');
const CLEAR_REPS = ['无', '-', 'none'];

/** In sheet order. Read-only columns are exported for reading and ignored on import. */
export const storeColumns: readonly ImportColumn<StoreColumnKey>[] = [
  {
    key: 'accountCode',
    header: '客户编码',
    alias: 'accountCode',
    required: true,
    text: true,
    help: `KA系统（客户）的编码，须已在系统中建立，如 WMT。与门店编码一起识别门店。`,
  },
  {
    key: 'accountName',
    header: '客户名称',
    alias: 'accountName',
    readOnly: true,
    help: '只读，导出时供查看；导入时忽略。',
  },
  {
    key: 'code',
    header: '门店编码',
    alias: 'storeCode',
    required: true,
    text: true,
    help: '该客户内唯一的门店编号（系统自己的门店号），最多40字符。',
  },
  { key: 'name', header: '门店名称', alias: 'name', required: true, width: 28, help: '最多120字。' },
  { key: 'format', header: '业态', alias: 'format', required: true, help: `允许值：${formatLabels}。` },
  {
    key: 'floorArea',
    header: '营业面积(㎡)',
    alias: 'floorArea',
    otherNames: ['营业面积', '面积'],
    width: 14,
    help: '正整数，平方米。卖场等级由面积计算：A ≥ 5000，B ≥ 2000，C < 2000；留空为未分级。',
  },
  {
    key: 'storeClass',
    header: '卖场等级',
    alias: 'storeClass',
    readOnly: true,
    help: '只读，由营业面积计算；导入时忽略。',
  },
  { key: 'province', header: '省份', alias: 'province', required: true, help: '如 广东。' },
  { key: 'city', header: '城市', alias: 'city', required: true, help: '如 深圳。' },
  { key: 'district', header: '区县', alias: 'district', help: '可留空。' },
  { key: 'address', header: '地址', alias: 'address', width: 30, help: '可留空，最多200字。' },
  { key: 'tradeArea', header: '商圈', alias: 'tradeArea', help: '可留空。' },
  { key: 'latitude', header: '纬度', alias: 'latitude', help: '-90 到 90 的小数，可留空。' },
  { key: 'longitude', header: '经度', alias: 'longitude', help: '-180 到 180 的小数，可留空。' },
  { key: 'dailyTraffic', header: '日客流', alias: 'dailyTraffic', help: '每日客流人次，非负整数，可留空。' },
  {
    key: 'potential',
    header: '潜力(1-5)',
    alias: 'potential',
    otherNames: ['潜力'],
    width: 12,
    help: '1 到 5 的整数，可留空。',
  },
  {
    key: 'openedOn',
    header: '开业日期',
    alias: 'openedOn',
    width: 12,
    help: '日期，如 2026-05-01 或 2026/5/1，可留空。',
  },
  {
    key: 'status',
    header: '状态',
    alias: 'status',
    help: `允许值：${statusLabels}。留空：新门店为“营业”，已有门店保持不变。`,
  },
  {
    key: 'orgUnitCode',
    header: '所属组织编码',
    alias: 'orgUnitCode',
    text: true,
    help: '组织架构中的组织编码。留空：总部角色为“无组织”；经理和助理的新门店归入本人所在组织，已有门店保持不变。经理和助理只能填本人组织及其下级。',
  },
  {
    key: 'reps',
    header: '负责代表',
    alias: 'reps',
    otherNames: ['代表'],
    width: 20,
    help: '在职KA代表或促销员的用户名，多个用 , ， ; 或 、 分隔；填写后替换门店的全部负责人。留空：已有门店保持原负责人；填“无”移除全部负责人。',
  },
];

const importColumns = storeColumns.filter((column) => !column.readOnly);
const fields = storeInputSchema.shape;

/** What one row says, before codes are looked up. `undefined` = the column is absent or the cell has a problem. */
interface StoreDraft {
  reader: RowReader<StoreColumnKey>;
  accountCode: string | undefined;
  code: string | undefined;
  values: Partial<StoreValues>;
  orgUnitCode: string | null | undefined;
  /** Usernames to assign; 'clear' removes every rep; null (blank cell) keeps the current reps. */
  reps: string[] | 'clear' | null | undefined;
}

/** The fields an import sets; the store's own columns except its key and its derived class. */
interface StoreValues {
  name: string;
  format: StoreFormat;
  floorArea: number | null;
  province: string;
  city: string;
  district: string | null;
  address: string | null;
  tradeArea: string | null;
  latitude: number | null;
  longitude: number | null;
  dailyTraffic: number | null;
  potential: number | null;
  openedOn: string | null;
  status: StoreStatus;
}

const valueKeys = [
  'name',
  'format',
  'floorArea',
  'province',
  'city',
  'district',
  'address',
  'tradeArea',
  'latitude',
  'longitude',
  'dailyTraffic',
  'potential',
  'openedOn',
  'status',
] as const satisfies readonly (keyof StoreValues)[];

type StoreRow = typeof stores.$inferSelect;

export async function importStores(
  db: Db,
  actor: Actor,
  file: { buffer: Buffer; fileName: string },
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const sheet = await readSpreadsheet(file.buffer, file.fileName);
  const { headerOf, problems: headerProblems, ignored } = matchHeaders(sheet.headers, storeColumns);
  // Without its key columns no row can be read; say so once rather than once per row.
  if (headerProblems.length) throw importRejected(headerProblems, sheet.rows.length);
  if (sheet.rows.length === 0)
    throw new AppError('validation_failed', 'The file has a header row but no stores');

  const problems: ImportProblem[] = [];
  const drafts = sheet.rows.map((row) => readStoreRow(rowReader(row, headerOf, problems, storeColumns)));

  // Validation and writes share one transaction, so what was checked is what gets written.
  return db.transaction(async (tx) => {
    const accountCodes = distinct(drafts.map((draft) => draft.accountCode));
    const accountIdByCode = new Map(
      (await findAccountsByCodes(tx, accountCodes)).map((account) => [account.code, account.id]),
    );
    const orgUnitIdByCode = new Map((await listOrgUnits(tx)).map((unit) => [unit.code, unit.id]));
    const usernames = distinct(drafts.flatMap((draft) => (Array.isArray(draft.reps) ? draft.reps : [])));
    const userByName = new Map(
      (await findUsersByUsernames(tx, usernames)).map((user) => [user.username, user]),
    );
    const writable = await writableOrgUnitIds(tx, actor);
    const canWrite = (orgUnitId: number | null) =>
      writable === 'all' || (orgUnitId !== null && writable.has(orgUnitId));

    const existing = await loadExistingStores(
      tx,
      [...accountIdByCode.values()],
      distinct(drafts.map((draft) => draft.code)),
    );

    const firstRowOfKey = new Map<string, number>();
    const plans: {
      draft: StoreDraft;
      accountId: number;
      existing: ExistingStore | undefined;
      state: StoreState;
    }[] = [];
    for (const draft of drafts) {
      const { reader } = draft;
      const rowProblems = problems.length;
      const accountId = draft.accountCode === undefined ? undefined : accountIdByCode.get(draft.accountCode);
      if (draft.accountCode !== undefined && accountId === undefined)
        reader.report('accountCode', 'unknown account code');

      let current: ExistingStore | undefined;
      if (accountId !== undefined && draft.code !== undefined) {
        const key = storeKey(accountId, draft.code);
        const firstRow = firstRowOfKey.get(key);
        if (firstRow !== undefined)
          reader.report('code', `the same account and store code as row ${firstRow}`);
        else firstRowOfKey.set(key, reader.rowNumber);
        current = existing.get(key);
        // Say that it exists (the unique key would refuse a copy anyway) but nothing of what it holds.
        if (current && !canWrite(current.row.orgUnitId)) {
          reader.report(
            'code',
            'this store exists outside your org unit; ask HQ or its manager to change it',
          );
          continue;
        }
      }

      const orgUnitId = resolveOrgUnit(draft, current, actor, writable, orgUnitIdByCode);
      if (orgUnitId !== undefined && !canWrite(orgUnitId)) {
        reader.report(
          'orgUnitCode',
          orgUnitId === null
            ? 'you have no org unit; ask an admin to set yours'
            : 'the org unit is outside your own',
          reader.raw('orgUnitCode') ?? null,
        );
      }
      const repIds = resolveReps(draft, current, userByName, writable);

      if (
        problems.length > rowProblems ||
        accountId === undefined ||
        orgUnitId === undefined ||
        repIds === undefined
      )
        continue;
      const state = desiredState(draft, current, orgUnitId, repIds);
      if (state) plans.push({ draft, accountId, existing: current, state });
    }
    if (problems.length) throw importRejected(problems, sheet.rows.length);

    const toCreate = plans.filter((plan) => !plan.existing);
    const toUpdate = plans.filter((plan) => plan.existing && !sameState(plan.existing, plan.state));
    const result: ImportResult = {
      status: options.dryRun ? 'valid' : 'applied',
      rowsRead: sheet.rows.length,
      created: toCreate.length,
      updated: toUpdate.length,
      unchanged: plans.length - toCreate.length - toUpdate.length,
      ignoredColumns: ignored,
    };
    if (options.dryRun) return result;

    const now = new Date();
    const events: AuditEventInput[] = [];
    for (const plan of toUpdate) {
      const before = plan.existing!;
      const { repIds, ...columns } = plan.state;
      await tx
        .update(stores)
        .set({ ...columns, updatedAt: now })
        .where(eq(stores.id, before.row.id));
      if (!sameIds(before.repIds, repIds)) await replaceAssignments(tx, before.row.id, repIds);
      events.push({
        entity: 'store',
        entityId: before.row.id,
        action: 'update',
        before: auditView(before.row, before.repIds),
        after: auditView({ ...before.row, ...columns }, repIds),
      });
    }
    for (const batch of inBatches(toCreate, 500)) {
      const inserted = await tx
        .insert(stores)
        .values(
          batch.map((plan) => ({
            ...withoutReps(plan.state),
            accountId: plan.accountId,
            code: plan.draft.code!,
          })),
        )
        .returning();
      const byKey = new Map(inserted.map((row) => [storeKey(row.accountId, row.code), row]));
      const assignments = batch.flatMap((plan) => {
        const row = byKey.get(storeKey(plan.accountId, plan.draft.code!))!;
        return plan.state.repIds.map((userId) => ({ storeId: row.id, userId }));
      });
      if (assignments.length) await tx.insert(storeAssignments).values(assignments);
      for (const plan of batch) {
        const row = byKey.get(storeKey(plan.accountId, plan.draft.code!))!;
        events.push({
          entity: 'store',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditView(row, plan.state.repIds),
        });
      }
    }
    await recordAuditEvents(tx, actor, events);
    return result;
  });
}

function readStoreRow(reader: RowReader<StoreColumnKey>): StoreDraft {
  // Read in sheet order, so a row's problems are listed left to right.
  const accountCode = reader.text('accountCode', accountCodeSchema, true) ?? undefined;
  const code = reader.text('code', fields.code, true) ?? undefined;
  const values: Partial<StoreValues> = {
    name: reader.text('name', fields.name, true) ?? undefined,
    format: reader.choice('format', 'storeFormat', true) ?? undefined,
    floorArea: reader.number('floorArea', fields.floorArea),
    province: reader.text('province', fields.province, true) ?? undefined,
    city: reader.text('city', fields.city, true) ?? undefined,
    district: reader.text('district', fields.district),
    address: reader.text('address', fields.address),
    tradeArea: reader.text('tradeArea', fields.tradeArea),
    latitude: reader.number('latitude', fields.latitude),
    longitude: reader.number('longitude', fields.longitude),
    dailyTraffic: reader.number('dailyTraffic', fields.dailyTraffic),
    potential: reader.number('potential', fields.potential),
    openedOn: reader.date('openedOn'),
    // Blank status keeps the current one (or opens a new store): a store always has a status.
    status: reader.choice('status', 'storeStatus') ?? undefined,
  };
  return {
    reader,
    accountCode,
    code,
    values,
    orgUnitCode: reader.text('orgUnitCode', fields.code),
    reps: readReps(reader),
  };
}

function readReps(reader: RowReader<StoreColumnKey>): StoreDraft['reps'] {
  const text = reader.raw('reps');
  if (text === undefined) return undefined;
  if (text === '') return null;
  if (CLEAR_REPS.includes(text.toLowerCase())) return 'clear';
  const names = distinct(
    text
      .split(/[,，;；、\s]+/)
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  if (names.length === 0) return null; // only separators: as good as blank
  if (names.length > 50) return reader.report('reps', 'at most 50 reps per store');
  return names;
}

function resolveOrgUnit(
  draft: StoreDraft,
  current: ExistingStore | undefined,
  actor: Actor,
  writable: Set<number> | 'all',
  orgUnitIdByCode: Map<string, number>,
): number | null | undefined {
  if (draft.orgUnitCode) {
    const id = orgUnitIdByCode.get(draft.orgUnitCode);
    return id ?? draft.reader.report('orgUnitCode', 'unknown org unit code');
  }
  if (draft.orgUnitCode === null && writable === 'all') return null;
  if (draft.orgUnitCode === undefined && draft.reader.raw('orgUnitCode') !== undefined) return undefined; // bad cell
  // Absent column, or a blank cell for a manager (who cannot leave a store without a unit).
  if (current) return current.row.orgUnitId;
  return writable === 'all' ? null : actor.orgUnitId;
}

/** The same rules as checkRepIds in stores.service, on users looked up once for the whole file. */
function resolveReps(
  draft: StoreDraft,
  current: ExistingStore | undefined,
  userByName: Map<string, Awaited<ReturnType<typeof findUsersByUsernames>>[number]>,
  writable: Set<number> | 'all',
): number[] | undefined {
  if (draft.reps === undefined && draft.reader.raw('reps') !== undefined) return undefined; // bad cell
  if (draft.reps === 'clear') return [];
  if (!Array.isArray(draft.reps)) return current?.repIds ?? [];
  const ids: number[] = [];
  let ok = true;
  for (const name of draft.reps) {
    const user = userByName.get(name);
    const problem = !user
      ? `unknown user "${name}"`
      : !isFieldRole(user.role)
        ? `${name} is not a rep or promoter`
        : !user.isActive
          ? `${name} is not active`
          : writable !== 'all' && (user.orgUnitId === null || !writable.has(user.orgUnitId))
            ? `${name} is outside your org unit`
            : null;
    if (user && !problem) {
      ids.push(user.id);
    } else {
      draft.reader.report('reps', problem ?? name);
      ok = false;
    }
  }
  return ok ? ids.sort((a, b) => a - b) : undefined;
}

/** The store as the row wants it: file values where the column is present, else the current or default value. */
type StoreState = StoreValues & {
  orgUnitId: number | null;
  storeClass: ReturnType<typeof classifyStore>;
  repIds: number[];
};

function desiredState(
  draft: StoreDraft,
  current: ExistingStore | undefined,
  orgUnitId: number | null,
  repIds: number[],
): StoreState | null {
  const values = {} as Record<keyof StoreValues, unknown>;
  for (const key of valueKeys) {
    const fromFile = draft.values[key];
    values[key] =
      fromFile !== undefined ? fromFile : current ? current.row[key] : key === 'status' ? 'open' : null;
  }
  const state = values as StoreValues;
  // Required columns are always in the file, so a missing one here means the row had a problem.
  if (!state.name || !state.format || !state.province || !state.city) return null;
  return { ...state, orgUnitId, storeClass: classifyStore(state.floorArea), repIds };
}

function sameState(current: ExistingStore, state: StoreState): boolean {
  const { row } = current;
  return (
    valueKeys.every((key) => sameValue(row[key], state[key])) &&
    row.orgUnitId === state.orgUnitId &&
    row.storeClass === state.storeClass &&
    sameIds(current.repIds, state.repIds)
  );
}

/** Coordinates written to Excel and read back may differ in the 16th digit; that is not a change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

function withoutReps(state: StoreState) {
  const { repIds: _repIds, ...columns } = state;
  return columns;
}

/** The shape stores.service audits (its auditView), built from table rows without re-reading each store. */
function auditView(row: Omit<StoreRow, 'createdAt' | 'updatedAt'>, repIds: number[]) {
  return {
    id: row.id,
    accountId: row.accountId,
    code: row.code,
    name: row.name,
    format: row.format,
    floorArea: row.floorArea,
    storeClass: row.storeClass,
    province: row.province,
    city: row.city,
    district: row.district,
    address: row.address,
    tradeArea: row.tradeArea,
    latitude: row.latitude,
    longitude: row.longitude,
    dailyTraffic: row.dailyTraffic,
    potential: row.potential,
    openedOn: row.openedOn,
    status: row.status,
    orgUnitId: row.orgUnitId,
    repIds,
  };
}

interface ExistingStore {
  row: StoreRow;
  /** Sorted, so that comparing with the file does not depend on order. */
  repIds: number[];
}

async function loadExistingStores(
  db: Db,
  accountIds: number[],
  codes: string[],
): Promise<Map<string, ExistingStore>> {
  const found = new Map<string, ExistingStore>();
  if (accountIds.length === 0 || codes.length === 0) return found;
  for (const batch of inBatches(codes)) {
    const rows = await db
      .select()
      .from(stores)
      .where(and(inArray(stores.accountId, accountIds), inArray(stores.code, batch)));
    for (const row of rows) found.set(storeKey(row.accountId, row.code), { row, repIds: [] });
  }
  const byId = new Map([...found.values()].map((store) => [store.row.id, store]));
  for (const batch of inBatches([...byId.keys()])) {
    const assignments = await db
      .select()
      .from(storeAssignments)
      .where(inArray(storeAssignments.storeId, batch));
    for (const assignment of assignments) byId.get(assignment.storeId)!.repIds.push(assignment.userId);
  }
  for (const store of found.values()) store.repIds.sort((a, b) => a - b);
  return found;
}

const storeKey = (accountId: number, code: string) => `${accountId}\u0000${code}`;

// ——— Export and template ———

const sheetColumns = (columns: readonly ImportColumn<StoreColumnKey>[]) =>
  columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    text: column.text,
  }));

/** The filtered list as the template's columns plus read-only ones, so export → edit → import round-trips. */
export async function exportStores(
  db: Db,
  actor: Actor,
  query: Omit<StoreListQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const { items, total } = await listStores(db, actor, { ...query, limit: MAX_EXPORT_ROWS, offset: 0 });
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'validation_failed',
      `The list has ${total} stores; narrow the filters to at most ${MAX_EXPORT_ROWS.toLocaleString('en')} to export`,
    );
  }
  const orgUnitCodeById = new Map((await listOrgUnits(db)).map((unit) => [unit.id, unit.code]));
  const repIds = distinct(items.flatMap((store) => store.reps.map((rep) => rep.id)));
  const usernameById = new Map<number, string>();
  for (const batch of inBatches(repIds)) {
    for (const user of await findUsersByIds(db, batch)) usernameById.set(user.id, user.username);
  }
  const rows = items.map((store) => ({
    accountCode: store.accountCode,
    accountName: store.accountName,
    code: store.code,
    name: store.name,
    format: labelOf('storeFormat', store.format, 'zh-CN'),
    floorArea: store.floorArea,
    storeClass: store.storeClass,
    province: store.province,
    city: store.city,
    district: store.district,
    address: store.address,
    tradeArea: store.tradeArea,
    latitude: store.latitude,
    longitude: store.longitude,
    dailyTraffic: store.dailyTraffic,
    potential: store.potential,
    openedOn: store.openedOn,
    status: labelOf('storeStatus', store.status, 'zh-CN'),
    orgUnitCode: store.orgUnitId === null ? null : (orgUnitCodeById.get(store.orgUnitId) ?? null),
    reps: store.reps
      .map((rep) => usernameById.get(rep.id) ?? '')
      .filter(Boolean)
      .join(', '),
  }));
  return writeXlsx([{ name: '门店', columns: sheetColumns(storeColumns), rows }]);
}

/** The import template: the header row, one example row, and a 说明 sheet with every column and rule. */
export async function storeTemplate(): Promise<Buffer> {
  const example: Record<StoreColumnKey, unknown> = {
    accountCode: 'WMT',
    accountName: null,
    code: 'SZ001',
    name: '沃尔玛深圳蛇口店',
    format: labelOf('storeFormat', 'hypermarket', 'zh-CN'),
    floorArea: 8000,
    storeClass: null,
    province: '广东',
    city: '深圳',
    district: '南山区',
    address: '蛇口工业八路1号',
    tradeArea: '蛇口商圈',
    latitude: 22.4839,
    longitude: 113.9186,
    dailyTraffic: 12000,
    potential: 4,
    openedOn: '2015-06-18',
    status: labelOf('storeStatus', 'open', 'zh-CN'),
    orgUnitCode: '',
    reps: 'rep01, rep02',
  };
  return writeXlsx([
    { name: '门店', columns: sheetColumns(importColumns), rows: [example] },
    {
      name: '说明',
      columns: [
        { header: '列名', key: 'header', width: 16 },
        { header: '英文列名', key: 'alias', width: 14 },
        { header: '必填', key: 'required', width: 6 },
        { header: '说明', key: 'help', width: 90 },
      ],
      rows: [
        ...importColumns.map((column) => ({
          header: column.header,
          alias: column.alias,
          required: column.required ? '是' : '否',
          help: column.help,
        })),
        {},
        ...[
          '客户编码 + 门店编码 识别一家门店：再次导入会更新已有门店，不会重复创建；同一文件中同一客户编码 + 门店编码只能出现一次。',
          '整个文件全部正确才会导入：有任何错误时一行也不导入，并列出每个错误的行号、列名和原因。',
          '空白单元格表示“无值”，会清空该字段；文件中没有的列不做修改。状态、负责代表等例外见上。',
          '导出的文件可以直接修改后再导入；“客户名称”“卖场等级”等只读列在导入时忽略。',
          '列名也可以用英文列名；业态和状态也可以填英文或代码（如 hypermarket）。',
        ].map((help) => ({ header: '导入规则', help })),
      ],
    },
  ]);
}
