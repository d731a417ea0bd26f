import { type AnyPgColumn, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const orgUnits = pgTable(
  'org_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['hq', 'region', 'province', 'city', 'team'] }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('org_units_parent_idx').on(table.parentId)],
);
