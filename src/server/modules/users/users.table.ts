import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { roles } from '../../../core/auth/roles';
import { orgUnits } from '../org-units/org-units.table';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    role: text('role', { enum: roles }).notNull(),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    isActive: boolean('is_active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('users_org_unit_idx').on(table.orgUnitId), index('users_role_idx').on(table.role)],
);
