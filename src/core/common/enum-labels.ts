import {
  accountStatuses,
  accountTiers,
  houseRuleSections,
  storeFormats,
  tradeTypes,
  type AccountStatus,
  type AccountTier,
  type HouseRuleSection,
  type StoreFormat,
  type TradeType,
} from '../accounts/accounts.contract';
import type { Locale } from '../auth/auth.contract';
import { roles, type Role } from '../auth/roles';
import { contactRoles, type ContactRole } from '../contacts/contacts.contract';
import { orgUnitKinds, type OrgUnitKind } from '../org/org.contract';
import { storeStatuses, type StoreStatus } from '../stores/stores.contract';
import { skuStatuses, type SkuStatus } from '../catalog/catalog.enums';
import { targetScopes, type TargetScope } from '../sales/sales.enums';
import { importKinds, importStatuses, type ImportKind, type ImportStatus } from '../imports/imports.enums';
import {
  alertTypes,
  salesDimensions,
  salesMeasures,
  type AlertType,
  type SalesDimension,
  type SalesMeasure,
} from '../analytics/analytics.contract';

/**
 * What a user reads for each coded value, on screen and in files: one vocabulary (docs/glossary.md).
 * `aliases` are other words people write in their own sheets; they are accepted on import, never shown.
 */
export interface EnumLabel {
  readonly 'zh-CN': string;
  readonly en: string;
  readonly aliases?: readonly string[];
}

export const enumLabels = {
  storeFormat: {
    hypermarket: { 'zh-CN': '大卖场', en: 'Hypermarket' },
    warehouse_club: {
      'zh-CN': '仓储会员店',
      en: 'Warehouse club',
      aliases: ['量贩', '量贩店', '仓储店', '仓储会员店/量贩'],
    },
    supermarket: { 'zh-CN': '超市', en: 'Supermarket' },
    fresh_supermarket: { 'zh-CN': '生鲜超市', en: 'Fresh supermarket' },
    convenience: { 'zh-CN': '便利店', en: 'Convenience store', aliases: ['convenience'] },
    department_store: { 'zh-CN': '百货', en: 'Department store', aliases: ['百货商店', '百货店'] },
    mall: { 'zh-CN': '购物中心', en: 'Mall', aliases: ['shopping mall'] },
  } satisfies Record<StoreFormat, EnumLabel>,
  storeStatus: {
    planned: { 'zh-CN': '筹备中', en: 'Planned', aliases: ['筹备'] },
    open: { 'zh-CN': '营业', en: 'Open', aliases: ['营业中'] },
    renovating: { 'zh-CN': '装修中', en: 'Renovating', aliases: ['装修'] },
    closed: { 'zh-CN': '已闭店', en: 'Closed', aliases: ['闭店', '关店', '已关店'] },
  } satisfies Record<StoreStatus, EnumLabel>,
  accountTier: {
    key: { 'zh-CN': '关键客户', en: 'Key' },
    core: { 'zh-CN': '中坚客户', en: 'Core' },
    potential: { 'zh-CN': '潜力客户', en: 'Potential' },
  } satisfies Record<AccountTier, EnumLabel>,
  tradeType: {
    hq_direct: { 'zh-CN': '总部直供', en: 'HQ direct supply' },
    distributor: { 'zh-CN': '经销商供货', en: 'Distributor-served' },
  } satisfies Record<TradeType, EnumLabel>,
  accountStatus: {
    prospect: { 'zh-CN': '潜在', en: 'Prospect' },
    active: { 'zh-CN': '合作中', en: 'Active' },
    paused: { 'zh-CN': '暂停', en: 'Paused' },
    exited: { 'zh-CN': '已退出', en: 'Exited' },
  } satisfies Record<AccountStatus, EnumLabel>,
  contactRole: {
    buyer: { 'zh-CN': '采购', en: 'Buyer' },
    category_manager: { 'zh-CN': '品类经理', en: 'Category manager' },
    store_manager: { 'zh-CN': '店长', en: 'Store manager' },
    section_head: { 'zh-CN': '柜组长', en: 'Section head' },
    finance: { 'zh-CN': '财务', en: 'Finance' },
    other: { 'zh-CN': '其他', en: 'Other' },
  } satisfies Record<ContactRole, EnumLabel>,
  userRole: {
    admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
    hq_ops: { 'zh-CN': '总部KA运营', en: 'HQ KA operations' },
    manager: { 'zh-CN': '省区/城市经理', en: 'Province / city manager' },
    assistant: { 'zh-CN': '省部助理', en: 'Assistant' },
    rep: { 'zh-CN': 'KA代表', en: 'KA rep' },
    promoter: { 'zh-CN': '促销员', en: 'Promoter' },
    finance: { 'zh-CN': '财务', en: 'Finance' },
  } satisfies Record<Role, EnumLabel>,
  orgUnitKind: {
    hq: { 'zh-CN': '总部', en: 'Headquarters' },
    region: { 'zh-CN': '大区', en: 'Region' },
    province: { 'zh-CN': '省区', en: 'Province' },
    city: { 'zh-CN': '城市', en: 'City' },
    team: { 'zh-CN': '小组', en: 'Team' },
  } satisfies Record<OrgUnitKind, EnumLabel>,
  houseRuleSection: {
    background: { 'zh-CN': '背景现状和文化', en: 'Background and culture' },
    operatingStrategy: { 'zh-CN': '运营策略', en: 'Operating strategy' },
    creditPayment: { 'zh-CN': '资金信誉情况', en: 'Credit and payment standing' },
    promotionPolicy: { 'zh-CN': '促销政策', en: 'Promotion policy' },
    displayRules: { 'zh-CN': '陈列规定', en: 'Display rules' },
    feeRequirements: { 'zh-CN': '费用要求', en: 'Fee requirements' },
    listingProcess: { 'zh-CN': '品项及新品上市流程', en: 'Listing and new-product process' },
    pricingStrategy: { 'zh-CN': '定价策略', en: 'Pricing strategy' },
    promoterRules: { 'zh-CN': '导购员管理制度', en: 'Promoter rules' },
    penalties: { 'zh-CN': '罚款措施', en: 'Penalties' },
  } satisfies Record<HouseRuleSection, EnumLabel>,
  skuStatus: {
    planned: { 'zh-CN': '待上市', en: 'Planned', aliases: ['筹备'] },
    active: { 'zh-CN': '在售', en: 'Active', aliases: ['正常', '在用'] },
    discontinued: { 'zh-CN': '已停产', en: 'Discontinued', aliases: ['停产', '淘汰'] },
  } satisfies Record<SkuStatus, EnumLabel>,
  targetScope: {
    company: { 'zh-CN': '公司', en: 'Company', aliases: ['全国', '总计'] },
    account: { 'zh-CN': '客户', en: 'Account', aliases: ['系统', 'KA系统'] },
    store: { 'zh-CN': '门店', en: 'Store' },
    rep: { 'zh-CN': '代表', en: 'Rep', aliases: ['业务代表', 'KA代表'] },
    org_unit: { 'zh-CN': '组织', en: 'Org unit', aliases: ['大区', '省区', '城市'] },
  } satisfies Record<TargetScope, EnumLabel>,
  importKind: {
    sellout: { 'zh-CN': '销售(POS)', en: 'Sell-out', aliases: ['销售', 'POS'] },
    inventory: { 'zh-CN': '库存', en: 'Inventory' },
    sellin: { 'zh-CN': '进货(出货)', en: 'Sell-in', aliases: ['进货', '出货'] },
    targets: { 'zh-CN': '目标', en: 'Targets' },
    skus: { 'zh-CN': '品项', en: 'SKUs', aliases: ['商品'] },
    listings: { 'zh-CN': '门店品项(卖进)', en: 'Listings', aliases: ['卖进', '进场'] },
    item_codes: { 'zh-CN': '客户商品编码', en: 'Item codes' },
  } satisfies Record<ImportKind, EnumLabel>,
  importStatus: {
    queued: { 'zh-CN': '排队中', en: 'Queued' },
    running: { 'zh-CN': '导入中', en: 'Running' },
    applied: { 'zh-CN': '已导入', en: 'Applied' },
    rejected: { 'zh-CN': '已拒绝', en: 'Rejected' },
    failed: { 'zh-CN': '失败', en: 'Failed' },
    undone: { 'zh-CN': '已撤销', en: 'Undone' },
  } satisfies Record<ImportStatus, EnumLabel>,
  alertType: {
    out_of_stock: { 'zh-CN': '缺货', en: 'Out of stock' },
    low_stock: { 'zh-CN': '库存偏低', en: 'Low stock' },
    no_sales: { 'zh-CN': '异常无销售', en: 'No sales' },
    decline: { 'zh-CN': '销量骤降', en: 'Sharp decline' },
  } satisfies Record<AlertType, EnumLabel>,
  salesMeasure: {
    amount: { 'zh-CN': '销售额', en: 'Amount' },
    units: { 'zh-CN': '销量', en: 'Units' },
    avgPrice: { 'zh-CN': '均价', en: 'Average price' },
    weekendShare: { 'zh-CN': '周末占比', en: 'Weekend share' },
    target: { 'zh-CN': '目标', en: 'Target' },
    achievement: { 'zh-CN': '达成率', en: 'Achievement' },
  } satisfies Record<SalesMeasure, EnumLabel>,
  salesDimension: {
    account: { 'zh-CN': '客户', en: 'Account' },
    store: { 'zh-CN': '门店', en: 'Store' },
    city: { 'zh-CN': '城市', en: 'City' },
    province: { 'zh-CN': '省份', en: 'Province' },
    region: { 'zh-CN': '大区', en: 'Region' },
    rep: { 'zh-CN': '代表', en: 'Rep' },
    storeClass: { 'zh-CN': '卖场等级', en: 'Store class' },
    format: { 'zh-CN': '业态', en: 'Format' },
    sku: { 'zh-CN': '品项', en: 'SKU' },
    brand: { 'zh-CN': '品牌', en: 'Brand' },
    category: { 'zh-CN': '品类', en: 'Category' },
    day: { 'zh-CN': '日', en: 'Day' },
    week: { 'zh-CN': '周', en: 'Week' },
    month: { 'zh-CN': '月', en: 'Month' },
    quarter: { 'zh-CN': '季度', en: 'Quarter' },
    year: { 'zh-CN': '年', en: 'Year' },
  } satisfies Record<SalesDimension, EnumLabel>,
} as const;

export type EnumKind = keyof typeof enumLabels;
export type EnumValue<K extends EnumKind> = keyof (typeof enumLabels)[K] & string;

/** The coded values of each kind, in the contracts' order (object keys keep it, but the contracts are the source). */
const enumValues: { [K in EnumKind]: readonly EnumValue<K>[] } = {
  storeFormat: storeFormats,
  storeStatus: storeStatuses,
  accountTier: accountTiers,
  tradeType: tradeTypes,
  accountStatus: accountStatuses,
  contactRole: contactRoles,
  userRole: roles,
  orgUnitKind: orgUnitKinds,
  houseRuleSection: houseRuleSections,
  skuStatus: skuStatuses,
  targetScope: targetScopes,
  importKind: importKinds,
  importStatus: importStatuses,
  alertType: alertTypes,
  salesMeasure: salesMeasures,
  salesDimension: salesDimensions,
};

export function valuesOf<K extends EnumKind>(kind: K): readonly EnumValue<K>[] {
  return enumValues[kind];
}

function entryOf(kind: EnumKind, value: string): EnumLabel | undefined {
  return (enumLabels[kind] as Record<string, EnumLabel>)[value];
}

/** The label of a value; an unknown value (data newer than this code) is shown as is rather than hidden. */
export function labelOf<K extends EnumKind>(
  kind: K,
  value: EnumValue<K> | (string & {}),
  locale: Locale,
): string {
  return entryOf(kind, value)?.[locale] ?? value;
}

/** Every value of a kind with its label, in order: for select boxes and a template's list of allowed values. */
export function optionsOf<K extends EnumKind>(
  kind: K,
  locale: Locale,
): { value: EnumValue<K>; label: string }[] {
  return valuesOf(kind).map((value) => ({ value, label: labelOf(kind, value, locale) }));
}

/**
 * Text compared the way a person means it: full-width letters, brackets and spaces folded (NFKC),
 * case ignored, and runs of spaces, "_" and "-" treated alike, so "Warehouse club" = "warehouse_club".
 */
function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

const parseIndexes = new Map<EnumKind, Map<string, string>>();

function parseIndexOf(kind: EnumKind): Map<string, string> {
  let index = parseIndexes.get(kind);
  if (!index) {
    index = new Map();
    for (const value of valuesOf(kind)) {
      const entry = entryOf(kind, value)!;
      for (const text of [value, entry['zh-CN'], entry.en, ...(entry.aliases ?? [])])
        index.set(normalizeLabel(text), value);
    }
    parseIndexes.set(kind, index);
  }
  return index;
}

/** Reads a value from what a user typed: the code, the Chinese or the English label, or an alias. Null when none fits. */
export function parseEnumLabel<K extends EnumKind>(
  kind: K,
  text: string | null | undefined,
): EnumValue<K> | null {
  if (text == null) return null;
  const key = normalizeLabel(text);
  if (key === '') return null;
  return (parseIndexOf(kind).get(key) as EnumValue<K> | undefined) ?? null;
}
