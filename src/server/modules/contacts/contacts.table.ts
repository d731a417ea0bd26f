import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contactRoles } from '../../../core/contacts/contacts.contract';
import { accounts } from '../accounts/accounts.table';
import { stores } from '../stores/stores.table';

export const contacts = pgTable(
  'contacts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Always set: a store contact also carries the store's account, so account pages list everyone. */
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    storeId: integer('store_id').references(() => stores.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    role: text('role', { enum: contactRoles }).notNull(),
    title: text('title'),
    phone: text('phone'),
    wechat: text('wechat'),
    email: text('email'),
    birthday: date('birthday', { mode: 'string' }),
    notes: text('notes'),
    lastContactedOn: date('last_contacted_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('contacts_account_idx').on(table.accountId),
    index('contacts_store_idx').on(table.storeId),
  ],
);
