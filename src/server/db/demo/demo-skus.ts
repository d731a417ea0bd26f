import { checkDigit } from '../../../core/catalog/barcode';
import type { SkuStatus } from '../../../core/catalog/catalog.enums';
import { addDays } from '../../../core/common/time';

/** How a product sells over the year: the demo's seasonal profiles (see demo-calendar.ts). */
export type SeasonProfile = 'candy' | 'chocolate' | 'biscuit' | 'nuts' | 'jelly' | 'gift';

/** Which store formats a product suits: small packs for convenience stores, big ones for clubs, gifts for department stores. */
export type PackFit = 'small' | 'regular' | 'big' | 'gift';

export interface DemoSku {
  code: string;
  name: string;
  brand: string;
  category: string;
  flavour: string;
  packSize: string;
  unit: string;
  casePack: number;
  retailYuan: number;
  shelfLifeDays: number;
  /** Digits after the company prefix (the item reference); the check digit is computed. */
  itemReference: string;
  status: SkuStatus;
  /** A fixed date, or days relative to the demo's "today" for new, discontinued and planned products. */
  launched: string | { daysAgo: number };
  /** Days before today when it was delisted everywhere (discontinued products only). */
  discontinuedDaysAgo?: number;
  season: SeasonProfile;
  fit: PackFit;
  /** Units a day in an average A-class hypermarket, before seasons, promotions and the scale. */
  velocity: number;
  /** How widely chains carry it (relative weight when a store's range is drawn). */
  reach: number;
}

export interface DemoCompetitorSku {
  code: string;
  name: string;
  brand: string;
  company: string;
  category: string;
  flavour: string | null;
  packSize: string;
  unit: string;
  casePack: number;
  retailYuan: number;
  shelfLifeDays: number;
  barcodePrefix: string;
  itemReference: string;
}

/** 甜源 and its sub-brand 果趣: the demo company, a fictional snack and confectionery maker. */
export const DEMO_OWN_BRANDS = ['甜源', '果趣'] as const;
const companyPrefix: Record<(typeof DEMO_OWN_BRANDS)[number], string> = { 甜源: '6972158', 果趣: '6975603' };

const old = (date: string) => date;

/**
 * Our range: hard and soft candy, chocolate, biscuits, nuts, jelly and Spring Festival gift boxes; three products
 * launched in the last months (the launch view), one discontinued, one planned.
 */
// prettier-ignore
export const demoOwnSkus: DemoSku[] = [
  // 硬糖
  sku('TY-HC01', '甜源水果硬糖', '甜源', '硬糖', '混合水果', '500g', '袋', 20, 19.9, 540, '00101', old('2012-03-01'), 'candy', 'big', 0.9, 10),
  sku('TY-HC02', '甜源水果硬糖', '甜源', '硬糖', '草莓', '150g', '袋', 40, 7.9, 540, '00102', old('2012-03-01'), 'candy', 'regular', 0.7, 9),
  sku('TY-HC03', '甜源水果硬糖', '甜源', '硬糖', '柠檬', '150g', '袋', 40, 7.9, 540, '00103', old('2013-06-01'), 'candy', 'regular', 0.5, 7),
  sku('TY-HC04', '甜源薄荷硬糖', '甜源', '硬糖', '清凉薄荷', '150g', '袋', 40, 8.5, 540, '00104', old('2014-04-01'), 'candy', 'regular', 0.5, 7),
  sku('TY-HC05', '甜源牛奶硬糖', '甜源', '硬糖', '原味', '228g', '袋', 30, 12.9, 540, '00105', old('2015-09-01'), 'candy', 'regular', 0.6, 8),
  sku('TY-HC06', '甜源润喉糖', '甜源', '硬糖', '金银花', '50g', '铁盒', 96, 9.9, 720, '00106', old('2016-10-01'), 'candy', 'small', 0.35, 6),
  sku('TY-HC07', '甜源棒棒糖', '甜源', '硬糖', '混合水果', '30支 390g', '桶', 12, 25.9, 540, '00107', old('2017-05-01'), 'candy', 'big', 0.4, 6),
  sku('TY-HC08', '甜源清新薄荷糖', '甜源', '硬糖', '西瓜', '35g', '铁盒', 120, 6.5, 720, '00108', old('2019-03-01'), 'candy', 'small', 0.45, 6),
  // 软糖
  sku('TY-SC01', '甜源奶糖', '甜源', '软糖', '原味', '200g', '袋', 40, 11.9, 365, '00201', old('2012-03-01'), 'candy', 'regular', 0.8, 10),
  sku('TY-SC02', '甜源奶糖', '甜源', '软糖', '红豆', '200g', '袋', 40, 11.9, 365, '00202', old('2014-01-01'), 'candy', 'regular', 0.5, 7),
  sku('TY-SC03', '甜源太妃糖', '甜源', '软糖', '咖啡', '200g', '袋', 40, 12.9, 365, '00203', old('2015-01-01'), 'candy', 'regular', 0.4, 6),
  sku('TY-SC04', '甜源酥心糖', '甜源', '软糖', '花生', '400g', '袋', 24, 18.9, 300, '00204', old('2013-11-01'), 'candy', 'regular', 0.5, 7),
  sku('TY-SC05', '甜源喜糖', '甜源', '软糖', '什锦', '1kg', '袋', 10, 39.9, 365, '00205', old('2016-08-01'), 'candy', 'big', 0.25, 5),
  sku('GQ-SC06', '果趣果汁软糖', '果趣', '软糖', '葡萄', '100g', '袋', 60, 6.9, 365, '00206', old('2018-04-01'), 'candy', 'small', 0.8, 9),
  sku('GQ-SC07', '果趣果汁软糖', '果趣', '软糖', '橙子', '100g', '袋', 60, 6.9, 365, '00207', old('2018-04-01'), 'candy', 'small', 0.6, 8),
  sku('GQ-SC08', '果趣果汁软糖', '果趣', '软糖', '混合水果', '450g', '袋', 20, 22.9, 365, '00208', old('2019-09-01'), 'candy', 'big', 0.4, 6),
  // 巧克力
  sku('TY-CH01', '甜源牛奶巧克力', '甜源', '巧克力', '牛奶', '43g', '条', 144, 5.5, 365, '00301', old('2014-09-01'), 'chocolate', 'small', 0.8, 9),
  sku('TY-CH02', '甜源黑巧克力', '甜源', '巧克力', '70%可可', '80g', '块', 96, 12.9, 365, '00302', old('2017-09-01'), 'chocolate', 'regular', 0.35, 6),
  sku('TY-CH03', '甜源榛仁巧克力', '甜源', '巧克力', '榛仁', '120g', '盒', 48, 19.9, 365, '00303', old('2018-11-01'), 'chocolate', 'regular', 0.35, 6),
  sku('TY-CH04', '甜源巧克力豆', '甜源', '巧克力', '彩虹', '40g', '袋', 120, 4.5, 365, '00304', old('2016-05-01'), 'chocolate', 'small', 0.6, 8),
  sku('TY-CH05', '甜源夹心巧克力', '甜源', '巧克力', '草莓', '210g', '碗', 24, 24.9, 365, '00305', old('2020-10-01'), 'chocolate', 'big', 0.3, 5),
  // 饼干
  sku('TY-BS01', '甜源苏打饼干', '甜源', '饼干', '香葱', '400g', '袋', 20, 9.9, 270, '00401', old('2015-03-01'), 'biscuit', 'regular', 0.7, 8),
  sku('TY-BS02', '甜源夹心饼干', '甜源', '饼干', '巧克力', '388g', '袋', 24, 10.9, 270, '00402', old('2015-03-01'), 'biscuit', 'regular', 0.7, 8),
  sku('TY-BS03', '甜源黄油曲奇', '甜源', '饼干', '黄油', '300g', '铁盒', 12, 29.9, 365, '00403', old('2017-11-01'), 'biscuit', 'gift', 0.25, 5),
  sku('TY-BS04', '甜源威化饼干', '甜源', '饼干', '牛奶', '200g', '袋', 30, 7.9, 270, '00404', old('2016-03-01'), 'biscuit', 'small', 0.6, 8),
  // 坚果
  sku('GQ-NT01', '果趣每日坚果', '果趣', '坚果', '混合', '25g×30袋', '盒', 8, 99, 240, '00501', old('2019-11-01'), 'nuts', 'big', 0.25, 6),
  sku('GQ-NT02', '果趣每日坚果', '果趣', '坚果', '混合', '25g×7袋', '袋', 24, 25.9, 240, '00502', old('2019-11-01'), 'nuts', 'regular', 0.4, 7),
  sku('GQ-NT03', '果趣开心果', '果趣', '坚果', '原味', '200g', '袋', 30, 29.9, 300, '00503', old('2018-08-01'), 'nuts', 'regular', 0.35, 6),
  sku('GQ-NT04', '果趣碧根果', '果趣', '坚果', '奶油', '210g', '袋', 30, 32.9, 300, '00504', old('2018-08-01'), 'nuts', 'regular', 0.3, 5),
  sku('GQ-NT05', '果趣瓜子', '果趣', '坚果', '焦糖', '500g', '袋', 20, 15.9, 240, '00505', old('2017-08-01'), 'nuts', 'big', 0.5, 7),
  // 果冻
  sku('GQ-JL01', '果趣什锦果冻', '果趣', '果冻', '什锦', '600g', '袋', 12, 14.9, 365, '00601', old('2016-04-01'), 'jelly', 'regular', 0.6, 8),
  sku('GQ-JL02', '果趣吸吸果冻', '果趣', '果冻', '荔枝', '180g', '袋', 48, 4.9, 365, '00602', old('2017-04-01'), 'jelly', 'small', 0.6, 8),
  sku('GQ-JL03', '果趣果肉果冻', '果趣', '果冻', '黄桃', '200g', '杯', 36, 5.9, 270, '00603', old('2019-05-01'), 'jelly', 'small', 0.5, 7),
  sku('GQ-JL04', '果趣桶装果冻', '果趣', '果冻', '什锦', '1.2kg', '桶', 6, 29.9, 365, '00604', old('2018-05-01'), 'jelly', 'big', 0.2, 5),
  // 礼盒: almost all of their year is the weeks before the Spring Festival
  sku('TY-GB01', '甜源新春糖果礼盒', '甜源', '礼盒', '什锦', '1.2kg', '盒', 6, 88, 365, '00701', old('2015-12-01'), 'gift', 'gift', 0.03, 7),
  sku('TY-GB02', '甜源巧克力礼盒', '甜源', '礼盒', '什锦', '520g', '盒', 12, 68, 365, '00702', old('2017-12-01'), 'gift', 'gift', 0.04, 6),
  sku('GQ-GB03', '果趣坚果大礼包', '果趣', '礼盒', '混合', '1.5kg', '盒', 4, 168, 240, '00703', old('2019-12-01'), 'gift', 'gift', 0.03, 6),
  sku('TY-GB04', '甜源饼干礼盒', '甜源', '礼盒', '什锦', '908g', '铁盒', 6, 79, 365, '00704', old('2016-12-01'), 'gift', 'gift', 0.03, 5),
  // New products (新品上市), launched in the last months; their listings roll out store by store.
  sku('TY-HC09', '甜源0蔗糖薄荷糖', '甜源', '硬糖', '清爽薄荷', '30g', '铁盒', 120, 9.9, 720, '00109', { daysAgo: 112 }, 'candy', 'small', 0.45, 8),
  sku('GQ-SC09', '果趣益生菌软糖', '果趣', '软糖', '酸奶', '80g', '袋', 60, 9.9, 365, '00209', { daysAgo: 70 }, 'candy', 'small', 0.5, 8),
  sku('TY-CH06', '甜源生椰拿铁巧克力', '甜源', '巧克力', '生椰拿铁', '90g', '袋', 48, 15.9, 365, '00306', { daysAgo: 33 }, 'chocolate', 'regular', 0.4, 8),
  // Discontinued: delisted everywhere a few months ago, so its sales stop inside the history.
  {
    ...sku('TY-HC10', '甜源怀旧水果糖', '甜源', '硬糖', '什锦', '380g', '铁罐', 24, 26.9, 540, '00110', old('2013-01-01'), 'candy', 'regular', 0.3, 6),
    status: 'discontinued',
    discontinuedDaysAgo: 118,
  },
  // Planned: in the catalogue before its launch, not yet listed anywhere.
  {
    ...sku('GQ-JL05', '果趣椰果果冻', '果趣', '果冻', '椰子', '360g', '袋', 24, 12.9, 365, '00605', { daysAgo: -40 }, 'jelly', 'regular', 0.5, 0),
    status: 'planned',
  },
];

function sku(
  code: string,
  name: string,
  brand: (typeof DEMO_OWN_BRANDS)[number],
  category: string,
  flavour: string,
  packSize: string,
  unit: string,
  casePack: number,
  retailYuan: number,
  shelfLifeDays: number,
  itemReference: string,
  launched: DemoSku['launched'],
  season: SeasonProfile,
  fit: PackFit,
  velocity: number,
  reach: number,
): DemoSku {
  return {
    code,
    name,
    brand,
    category,
    flavour,
    packSize,
    unit,
    casePack,
    retailYuan,
    shelfLifeDays,
    itemReference,
    status: 'active',
    launched,
    season,
    fit,
    velocity,
    reach,
  };
}

/** Competitors named in the seeds (drinks and instant noodles) and three snack makers we meet on the shelf. */
// prettier-ignore
export const demoCompetitorSkus: DemoCompetitorSku[] = [
  competitor('C-WHH-01', '娃哈哈AD钙奶', '娃哈哈', '杭州娃哈哈集团有限公司', '乳饮料', '原味', '220g×4', '排', 20, 9.5, 270, '6902311', '00121'),
  competitor('C-WHH-02', '娃哈哈饮用纯净水', '娃哈哈', '杭州娃哈哈集团有限公司', '饮用水', null, '596ml', '瓶', 24, 2, 730, '6902311', '00305'),
  competitor('C-LBS-01', '乐百氏饮用纯净水', '乐百氏', '乐百氏（广东）食品饮料有限公司', '饮用水', null, '550ml', '瓶', 24, 1.5, 540, '6923645', '10058'),
  competitor('C-KSF-01', '康师傅红烧牛肉面', '康师傅', '康师傅控股有限公司', '方便面', '红烧牛肉', '105g', '袋', 24, 3.5, 180, '6920158', '20011'),
  competitor('C-KSF-02', '康师傅冰红茶', '康师傅', '康师傅控股有限公司', '茶饮料', '柠檬', '500ml', '瓶', 15, 3.5, 365, '6920158', '30204'),
  competitor('C-TY-01', '统一老坛酸菜牛肉面', '统一', '统一企业中国控股有限公司', '方便面', '老坛酸菜', '121g', '袋', 24, 4, 180, '6925313', '10217'),
  competitor('C-TY-02', '统一阿萨姆奶茶', '统一', '统一企业中国控股有限公司', '茶饮料', '原味', '500ml', '瓶', 15, 4.5, 270, '6925313', '40551'),
  competitor('C-BSS-01', '百岁山饮用天然矿泉水', '百岁山', '景田（深圳）食品饮料集团有限公司', '饮用水', null, '570ml', '瓶', 24, 3, 730, '6924862', '00570'),
  competitor('C-XFJ-01', '徐福记酥心糖', '徐福记', '徐福记国际集团', '软糖', '什锦', '400g', '袋', 20, 22.9, 300, '6914871', '20405'),
  competitor('C-XFJ-02', '徐福记新年糖礼盒', '徐福记', '徐福记国际集团', '礼盒', '什锦', '1.2kg', '盒', 6, 89, 365, '6914871', '80012'),
  competitor('C-XFJ-03', '徐福记沙琪玛', '徐福记', '徐福记国际集团', '饼干', '鸡蛋', '469g', '袋', 12, 16.9, 180, '6914871', '50310'),
  competitor('C-WW-01', '旺仔QQ糖', '旺旺', '中国旺旺控股有限公司', '软糖', '葡萄', '70g', '袋', 60, 5.5, 365, '6911988', '00724'),
  competitor('C-WW-02', '旺旺雪饼', '旺旺', '中国旺旺控股有限公司', '饼干', '原味', '84g', '袋', 30, 6.5, 270, '6911988', '01455'),
  competitor('C-XZL-01', '喜之郎什锦果冻', '喜之郎', '喜之郎集团有限公司', '果冻', '什锦', '600g', '袋', 12, 15.9, 365, '6926265', '30118'),
  competitor('C-XZL-02', '喜之郎CiCi果冻爽', '喜之郎', '喜之郎集团有限公司', '果冻', '荔枝', '150g', '袋', 48, 4.5, 365, '6926265', '30620'),
];

function competitor(
  code: string,
  name: string,
  brand: string,
  company: string,
  category: string,
  flavour: string | null,
  packSize: string,
  unit: string,
  casePack: number,
  retailYuan: number,
  shelfLifeDays: number,
  barcodePrefix: string,
  itemReference: string,
): DemoCompetitorSku {
  return {
    code,
    name,
    brand,
    company,
    category,
    flavour,
    packSize,
    unit,
    casePack,
    retailYuan,
    shelfLifeDays,
    barcodePrefix,
    itemReference,
  };
}

/** An EAN-13 from China's 69x range: company prefix + item reference + the computed check digit. */
export function ean13(prefix: string, itemReference: string): string {
  const body = `${prefix}${itemReference}`;
  if (body.length !== 12 || !/^69\d+$/.test(body))
    throw new Error(`Not a 12-digit 69x barcode body: ${body}`);
  return `${body}${checkDigit(body)}`;
}

export const ownBarcodeOf = (item: DemoSku) =>
  ean13(companyPrefix[item.brand as (typeof DEMO_OWN_BRANDS)[number]], item.itemReference);

export const launchDateOf = (item: DemoSku, today: string) =>
  typeof item.launched === 'string' ? item.launched : addDays(today, -item.launched.daysAgo);

/** Yuan to fen for the catalogue's own round prices (money from files goes through core/common/money.ts). */
const fen = (yuan: number) => Math.round(yuan * 100);
/** Trade prices end in whole jiao (角). */
const toJiao = (fenValue: number) => Math.round(fenValue / 10) * 10;

/**
 * The price ladder of one product: suggested retail, our list price to the chains (供价, ~70% of retail; gift boxes
 * carry more margin), the KA floor price (统一最低售价, ~88% of retail) and the standard cost.
 */
export function pricesOf(retailYuan: number, season: SeasonProfile) {
  const retailPriceFen = fen(retailYuan);
  const listPriceFen = toJiao(retailPriceFen * (season === 'gift' ? 0.64 : 0.7));
  return {
    retailPriceFen,
    listPriceFen,
    floorPriceFen: toJiao(retailPriceFen * 0.88),
    standardCostFen: toJiao(listPriceFen * (season === 'gift' ? 0.5 : 0.58)),
  };
}

/** Store orders come in whole cases of bulky products, half cases of the rest, at most two dozen. */
export const orderMultipleOf = (casePack: number) =>
  casePack <= 12 ? casePack : casePack >= 48 ? 24 : Math.ceil(casePack / 2);

/** How chains number our products in their exports: each its own way. */
export interface ItemCodeStyle {
  prefix: string;
  digits: number;
}

const namedItemCodeStyles: Record<string, ItemCodeStyle> = {
  WMT: { prefix: '10', digits: 6 },
  CRF: { prefix: '', digits: 6 },
  RTM: { prefix: '3', digits: 7 },
  METRO: { prefix: '', digits: 6 },
  CRV: { prefix: '', digits: 8 },
};
const itemCodeStyles: ItemCodeStyle[] = [
  { prefix: '', digits: 6 },
  { prefix: '2', digits: 6 },
  { prefix: 'SP', digits: 6 },
  { prefix: '', digits: 8 },
  { prefix: '9', digits: 5 },
  { prefix: '', digits: 7 },
];

export const itemCodeStyleOf = (accountCode: string, accountIndex: number): ItemCodeStyle =>
  namedItemCodeStyles[accountCode] ?? itemCodeStyles[accountIndex % itemCodeStyles.length];
