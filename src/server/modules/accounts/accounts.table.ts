import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import {
  accountStatuses,
  accountTiers,
  tradeTypes,
  type HouseRules,
  type StoreFormat,
} from '../../../core/accounts/accounts.contract';

export const accounts = pgTable(
  'accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    tier: text('tier', { enum: accountTiers }).notNull(),
    tradeType: text('trade_type', { enum: tradeTypes }).notNull(),
    formats: text('formats')
      .array()
      .$type<StoreFormat[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    hqCity: text('hq_city'),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    houseRules: jsonb('house_rules').$type<HouseRules>().notNull().default({}),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('accounts_name_idx').on(table.name)],
);
