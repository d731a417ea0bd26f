import type { ImportResult } from '../../../core/common/imports';
import { and, eq, inArray } from 'drizzle-orm';
import { accountCodeSchema } from '../../../core/accounts/accounts.contract';
import { labelOf, optionsOf } from '../../../core/common/enum-labels';
import type { ImportProblem } from '../../../core/common/errors';
import {
  contactInputSchema,
  type ContactListQuery,
  type ContactRole,
} from '../../../core/contacts/contacts.contract';
import { storeCodeSchema } from '../../../core/stores/stores.contract';
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
import { accounts } from '../accounts/accounts.table';
import { recordAuditEvents, type AuditEventInput } from '../audit/audit.service';
import { inScope, visibleAccountIdsSql, visibleStoreIdsSql } from '../stores/store-scope';
import { findStoresByAccountCodes } from '../stores/stores.service';
import { stores } from '../stores/stores.table';
import { contactListConditions, listContacts } from './contacts.service';
import { contacts } from './contacts.table';

/**
 * Contacts in and out of Excel, with the store import's rules (see stores.import.ts), plus:
 * - A contact is matched by account + store (blank for an HQ contact of the account) + name, because contacts
 *   have no code of their own. The same key twice in one file is a row error, and so is a key that already
 *   matches two contacts in Endcap (we could not tell which one the row means).
 * - Scope is the API's (resolveContactPlacement): a store contact needs a store in the user's scope,
 *   an account contact an account they can see. Unknown and out-of-scope look the same, so nothing leaks.
 */

export const MAX_EXPORT_ROWS = 50_000;

type ContactColumnKey =
  | 'accountCode'
  | 'accountName'
  | 'storeCode'
  | 'storeName'
  | 'name'
  | 'role'
  | 'title'
  | 'phone'
  | 'wechat'
  | 'email'
  | 'birthday'
  | 'notes'
  | 'lastContactedOn';

const roleLabels = optionsOf('contactRole', 'zh-CN')
  .map((option) => option.label)
  .join('、');

export const contactColumns: readonly ImportColumn<ContactColumnKey>[] = [
  {
    key: 'accountCode',
    header: '客户编码',
    alias: 'accountCode',
    required: true,
    text: true,
    help: 'KA系统（客户）的编码，如 WMT。',
  },
  {
    key: 'accountName',
    header: '客户名称',
    alias: 'accountName',
    readOnly: true,
    help: '只读，导出时供查看；导入时忽略。',
  },
  {
    key: 'storeCode',
    header: '门店编码',
    alias: 'storeCode',
    text: true,
    help: '门店联系人填该客户的门店编码；总部联系人（如总部采购）留空。门店须在您的权限范围内。',
  },
  {
    key: 'storeName',
    header: '门店名称',
    alias: 'storeName',
    readOnly: true,
    width: 24,
    help: '只读，导出时供查看；导入时忽略。',
  },
  {
    key: 'name',
    header: '姓名',
    alias: 'name',
    required: true,
    help: '最多60字。客户编码 + 门店编码 + 姓名 识别一位联系人。',
  },
  { key: 'role', header: '角色', alias: 'role', required: true, help: `允许值：${roleLabels}。` },
  { key: 'title', header: '职务', alias: 'title', help: '如 生鲜部经理，可留空。' },
  {
    key: 'phone',
    header: '电话',
    alias: 'phone',
    otherNames: ['手机', '手机号', '联系电话'],
    text: true,
    width: 16,
    help: '数字、空格和 + - ( )，可留空。',
  },
  { key: 'wechat', header: '微信', alias: 'wechat', otherNames: ['微信号'], help: '可留空。' },
  {
    key: 'email',
    header: '邮箱',
    alias: 'email',
    otherNames: ['电子邮件', 'e-mail'],
    width: 24,
    help: '可留空。',
  },
  { key: 'birthday', header: '生日', alias: 'birthday', width: 12, help: '日期，如 1985-03-12，可留空。' },
  {
    key: 'notes',
    header: '客情备注',
    alias: 'notes',
    otherNames: ['备注', '客情'],
    width: 40,
    help: '客情关系、喜好、值得记住的日子，最多4000字，可留空。',
  },
  {
    key: 'lastContactedOn',
    header: '最近联系日期',
    alias: 'lastContactedOn',
    width: 14,
    help: '日期，如 2026-01-15，可留空。',
  },
];

const importColumns = contactColumns.filter((column) => !column.readOnly);
const fields = contactInputSchema.shape;

interface ContactValues {
  role: ContactRole;
  title: string | null;
  phone: string | null;
  wechat: string | null;
  email: string | null;
  birthday: string | null;
  notes: string | null;
  lastContactedOn: string | null;
}
const valueKeys = [
  'role',
  'title',
  'phone',
  'wechat',
  'email',
  'birthday',
  'notes',
  'lastContactedOn',
] as const satisfies readonly (keyof ContactValues)[];

interface ContactDraft {
  reader: RowReader<ContactColumnKey>;
  accountCode: string | undefined;
  /** null: an account (HQ) contact. */
  storeCode: string | null | undefined;
  name: string | undefined;
  values: Partial<ContactValues>;
}

type ContactRow = typeof contacts.$inferSelect;

export async function importContacts(
  db: Db,
  actor: Actor,
  file: { buffer: Buffer; fileName: string },
  options: { dryRun?: boolean } = {},
): Promise<ImportResult> {
  const sheet = await readSpreadsheet(file.buffer, file.fileName);
  const { headerOf, problems: headerProblems, ignored } = matchHeaders(sheet.headers, contactColumns);
  if (headerProblems.length) throw importRejected(headerProblems, sheet.rows.length);
  if (sheet.rows.length === 0)
    throw new AppError('validation_failed', 'The file has a header row but no contacts');

  const problems: ImportProblem[] = [];
  const drafts = sheet.rows.map((row) => readContactRow(rowReader(row, headerOf, problems, contactColumns)));

  return db.transaction(async (tx) => {
    const accountIdByCode = await visibleAccountsByCode(
      tx,
      actor,
      distinct(drafts.map((draft) => draft.accountCode)),
    );
    const storeKeys = drafts.flatMap((draft) => {
      const accountId = draft.accountCode === undefined ? undefined : accountIdByCode.get(draft.accountCode);
      return accountId !== undefined && draft.storeCode ? [{ accountId, code: draft.storeCode }] : [];
    });
    const storeIdByKey = await visibleStoresByKey(tx, actor, storeKeys);
    const existing = await loadExistingContacts(
      tx,
      [...accountIdByCode.values()],
      distinct(drafts.map((draft) => draft.name)),
    );

    const firstRowOfKey = new Map<string, number>();
    const plans: {
      accountId: number;
      storeId: number | null;
      name: string;
      current: ContactRow | undefined;
      values: ContactValues;
    }[] = [];
    for (const draft of drafts) {
      const { reader } = draft;
      const rowProblems = problems.length;
      const accountId = draft.accountCode === undefined ? undefined : accountIdByCode.get(draft.accountCode);
      if (draft.accountCode !== undefined && accountId === undefined) {
        reader.report('accountCode', 'unknown account code, or outside your scope');
      }
      let storeId: number | null | undefined = draft.storeCode === null ? null : undefined;
      if (accountId !== undefined && draft.storeCode) {
        storeId = storeIdByKey.get(storeKey(accountId, draft.storeCode));
        if (storeId === undefined)
          reader.report('storeCode', 'unknown store code for this account, or outside your scope');
      }
      if (accountId === undefined || storeId === undefined || draft.name === undefined) continue;

      const key = contactKey(accountId, storeId, draft.name);
      const firstRow = firstRowOfKey.get(key);
      if (firstRow !== undefined) {
        reader.report('name', `the same account, store and name as row ${firstRow}`);
        continue;
      }
      firstRowOfKey.set(key, reader.rowNumber);
      const matches = existing.get(key) ?? [];
      if (matches.length > 1) {
        reader.report(
          'name',
          `${matches.length} contacts with this name already exist here; rename one in Endcap first`,
        );
        continue;
      }
      if (problems.length > rowProblems) continue;
      const current = matches[0];
      const values = {} as Record<keyof ContactValues, unknown>;
      for (const field of valueKeys) {
        const fromFile = draft.values[field];
        values[field] = fromFile !== undefined ? fromFile : current ? current[field] : null;
      }
      plans.push({ accountId, storeId, name: draft.name, current, values: values as ContactValues });
    }
    if (problems.length) throw importRejected(problems, sheet.rows.length);

    const toCreate = plans.filter((plan) => !plan.current);
    const toUpdate = plans.filter(
      (plan) => plan.current && valueKeys.some((field) => plan.current![field] !== plan.values[field]),
    );
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
      const before = plan.current!;
      const [after] = await tx
        .update(contacts)
        .set({ ...plan.values, updatedAt: now })
        .where(eq(contacts.id, before.id))
        .returning();
      events.push({
        entity: 'contact',
        entityId: before.id,
        action: 'update',
        before: auditView(before),
        after: auditView(after),
      });
    }
    for (const batch of inBatches(toCreate, 500)) {
      const inserted = await tx
        .insert(contacts)
        .values(
          batch.map((plan) => ({
            accountId: plan.accountId,
            storeId: plan.storeId,
            name: plan.name,
            ...plan.values,
          })),
        )
        .returning();
      for (const row of inserted) {
        events.push({
          entity: 'contact',
          entityId: row.id,
          action: 'create',
          before: null,
          after: auditView(row),
        });
      }
    }
    await recordAuditEvents(tx, actor, events);
    return result;
  });
}

function readContactRow(reader: RowReader<ContactColumnKey>): ContactDraft {
  return {
    reader,
    accountCode: reader.text('accountCode', accountCodeSchema, true) ?? undefined,
    // Without a 门店编码 column every row is an account contact, as with a blank cell.
    storeCode: reader.raw('storeCode') === undefined ? null : reader.text('storeCode', storeCodeSchema),
    name: reader.text('name', fields.name, true) ?? undefined,
    values: {
      role: reader.choice('role', 'contactRole', true) ?? undefined,
      title: reader.text('title', fields.title),
      phone: reader.text('phone', fields.phone),
      wechat: reader.text('wechat', fields.wechat),
      email: reader.text('email', fields.email),
      birthday: reader.date('birthday'),
      notes: reader.text('notes', fields.notes),
      lastContactedOn: reader.date('lastContactedOn'),
    },
  };
}

/** Account ids by code, only for accounts the actor may see (resolveContactPlacement's rule for HQ contacts). */
async function visibleAccountsByCode(db: Db, actor: Actor, codes: string[]): Promise<Map<string, number>> {
  const found = await findAccountsByCodes(db, codes);
  const visibleIds = visibleAccountIdsSql(actor);
  if (!visibleIds || found.length === 0) return new Map(found.map((account) => [account.code, account.id]));
  const visible = new Set<number>();
  for (const batch of inBatches(found.map((account) => account.id))) {
    const rows = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(inArray(accounts.id, batch), inScope(accounts.id, visibleIds)));
    for (const row of rows) visible.add(row.id);
  }
  return new Map(
    found.filter((account) => visible.has(account.id)).map((account) => [account.code, account.id]),
  );
}

/** Store ids by (account, code), only for stores in the actor's scope. */
async function visibleStoresByKey(
  db: Db,
  actor: Actor,
  keys: { accountId: number; code: string }[],
): Promise<Map<string, number>> {
  const wanted = new Set(keys.map((key) => storeKey(key.accountId, key.code)));
  const found = (await findStoresByAccountCodes(db, keys)).filter((store) =>
    wanted.has(storeKey(store.accountId, store.code)),
  );
  const visibleIds = visibleStoreIdsSql(actor);
  let visible: Set<number> | null = null;
  if (visibleIds && found.length) {
    visible = new Set();
    for (const batch of inBatches(found.map((store) => store.id))) {
      const rows = await db
        .select({ id: stores.id })
        .from(stores)
        .where(and(inArray(stores.id, batch), inScope(stores.id, visibleIds)));
      for (const row of rows) visible.add(row.id);
    }
  }
  return new Map(
    found
      .filter((store) => !visible || visible.has(store.id))
      .map((store) => [storeKey(store.accountId, store.code), store.id]),
  );
}

/** Contacts that a row could match, grouped by key; more than one under a key is ambiguous. */
async function loadExistingContacts(
  db: Db,
  accountIds: number[],
  names: string[],
): Promise<Map<string, ContactRow[]>> {
  const byKey = new Map<string, ContactRow[]>();
  if (accountIds.length === 0 || names.length === 0) return byKey;
  for (const batch of inBatches(names)) {
    const rows = await db
      .select()
      .from(contacts)
      .where(and(inArray(contacts.accountId, accountIds), inArray(contacts.name, batch)))
      .orderBy(contacts.id);
    for (const row of rows) {
      const key = contactKey(row.accountId, row.storeId, row.name);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
  }
  return byKey;
}

const storeKey = (accountId: number, code: string) => `${accountId}\u0000${code}`;
const contactKey = (accountId: number, storeId: number | null, name: string) =>
  `${accountId}\u0000${storeId ?? ''}\u0000${name}`;

/** The shape contacts.service audits (its auditView). */
function auditView(row: ContactRow) {
  const { createdAt: _created, updatedAt: _updated, ...rest } = row;
  return rest;
}

// ——— Export and template ———

const sheetColumns = (columns: readonly ImportColumn<ContactColumnKey>[]) =>
  columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
    text: column.text,
  }));

/** The filtered list with the template's columns (plus read-only names), so it can be edited and imported again. */
export async function exportContacts(
  db: Db,
  actor: Actor,
  query: Omit<ContactListQuery, 'limit' | 'offset'>,
): Promise<Buffer> {
  const { items, total } = await listContacts(db, actor, { ...query, limit: MAX_EXPORT_ROWS, offset: 0 });
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'validation_failed',
      `The list has ${total} contacts; narrow the filters to at most ${MAX_EXPORT_ROWS.toLocaleString('en')} to export`,
    );
  }
  // The list shows names; the file needs the codes that identify account and store on import.
  const codeRows = await db
    .select({ id: contacts.id, accountCode: accounts.code, storeCode: stores.code })
    .from(contacts)
    .innerJoin(accounts, eq(accounts.id, contacts.accountId))
    .leftJoin(stores, eq(stores.id, contacts.storeId))
    .where(contactListConditions(actor, query));
  const codesById = new Map(codeRows.map((row) => [row.id, row]));
  const rows = items.map((contact) => ({
    accountCode: codesById.get(contact.id)?.accountCode ?? null,
    accountName: contact.accountName,
    storeCode: codesById.get(contact.id)?.storeCode ?? null,
    storeName: contact.storeName,
    name: contact.name,
    role: labelOf('contactRole', contact.role, 'zh-CN'),
    title: contact.title,
    phone: contact.phone,
    wechat: contact.wechat,
    email: contact.email,
    birthday: contact.birthday,
    notes: contact.notes,
    lastContactedOn: contact.lastContactedOn,
  }));
  return writeXlsx([{ name: '联系人', columns: sheetColumns(contactColumns), rows }]);
}

export async function contactTemplate(): Promise<Buffer> {
  const example: Record<ContactColumnKey, unknown> = {
    accountCode: 'WMT',
    accountName: null,
    storeCode: 'SZ001',
    storeName: null,
    name: '张伟',
    role: labelOf('contactRole', 'store_manager', 'zh-CN'),
    title: '店长',
    phone: '13800138000',
    wechat: 'zhangwei_sz',
    email: 'zhang.wei@example.com',
    birthday: '1985-03-12',
    notes: '喜欢喝茶；周一、周四上午巡店',
    lastContactedOn: '2026-01-15',
  };
  return writeXlsx([
    { name: '联系人', columns: sheetColumns(importColumns), rows: [example] },
    {
      name: '说明',
      columns: [
        { header: '列名', key: 'header', width: 16 },
        { header: '英文列名', key: 'alias', width: 16 },
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
          '客户编码 + 门店编码（总部联系人留空）+ 姓名 识别一位联系人：再次导入会更新该联系人，不会重复创建。',
          '同一文件中同一客户、门店和姓名只能出现一次；同一门店有两位同名联系人时，请先在系统中区分姓名再导入。',
          '整个文件全部正确才会导入：有任何错误时一行也不导入，并列出每个错误的行号、列名和原因。',
          '空白单元格表示“无值”，会清空该字段；文件中没有的列不做修改。',
          '导出的文件可以直接修改后再导入；“客户名称”“门店名称”为只读列，导入时忽略。',
        ].map((help) => ({ header: '导入规则', help })),
      ],
    },
  ]);
}
