import { z } from 'zod';
import { csvListOf, listQuerySchema } from '../common/list';

export const accountTiers = ['key', 'core', 'potential'] as const;
export type AccountTier = (typeof accountTiers)[number];

export const tradeTypes = ['hq_direct', 'distributor'] as const;
export type TradeType = (typeof tradeTypes)[number];

export const accountStatuses = ['prospect', 'active', 'paused', 'exited'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const storeFormats = [
  'hypermarket',
  'warehouse_club',
  'supermarket',
  'fresh_supermarket',
  'convenience',
  'department_store',
  'mall',
] as const;
export type StoreFormat = (typeof storeFormats)[number];

/** The ten sections of an account's house rules (卖场制度), in the order the seed lists them. */
export const houseRuleSections = [
  'background',
  'operatingStrategy',
  'creditPayment',
  'promotionPolicy',
  'displayRules',
  'feeRequirements',
  'listingProcess',
  'pricingStrategy',
  'promoterRules',
  'penalties',
] as const;
export type HouseRuleSection = (typeof houseRuleSections)[number];

const houseRuleSchema = z.object({
  rule: z.string().max(4000).default(''),
  countermeasure: z.string().max(4000).default(''),
});
export type HouseRule = z.infer<typeof houseRuleSchema>;

export const houseRulesSchema = z.object(
  Object.fromEntries(houseRuleSections.map((section) => [section, houseRuleSchema.optional()])) as Record<
    HouseRuleSection,
    z.ZodOptional<typeof houseRuleSchema>
  >,
);
export type HouseRules = Partial<Record<HouseRuleSection, HouseRule>>;

export const accountSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  tier: z.enum(accountTiers),
  tradeType: z.enum(tradeTypes),
  formats: z.array(z.enum(storeFormats)),
  hqCity: z.string().nullable(),
  status: z.enum(accountStatuses),
  houseRules: houseRulesSchema,
  notes: z.string().nullable(),
  storeCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

const accountFieldsSchema = z.object({
  code: accountCodeSchema,
  name: z.string().trim().min(1).max(80),
  tier: z.enum(accountTiers),
  tradeType: z.enum(tradeTypes),
  formats: z.array(z.enum(storeFormats)).max(storeFormats.length),
  hqCity: z.string().trim().max(40).nullable().optional(),
  status: z.enum(accountStatuses),
  houseRules: houseRulesSchema,
  notes: z.string().max(4000).nullable().optional(),
});

export const accountInputSchema = accountFieldsSchema.extend({
  formats: accountFieldsSchema.shape.formats.default([]),
  status: accountFieldsSchema.shape.status.default('active'),
  houseRules: houseRulesSchema.default({}),
});
export type AccountInput = z.infer<typeof accountInputSchema>;

/** A change to any subset of fields; house rules merge section by section. */
export const accountUpdateSchema = accountFieldsSchema.partial();
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

export const accountSortKeys = ['name', 'code', 'tier', 'status', 'storeCount', 'updatedAt'] as const;

export const accountListQuerySchema = listQuerySchema.extend({
  tier: csvListOf(z.enum(accountTiers)),
  tradeType: csvListOf(z.enum(tradeTypes)),
  status: csvListOf(z.enum(accountStatuses)),
  format: csvListOf(z.enum(storeFormats)),
});
export type AccountListQuery = z.infer<typeof accountListQuerySchema>;
