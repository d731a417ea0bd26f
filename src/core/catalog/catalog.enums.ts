/** Enum values of the catalog (SKUs), shared by tables, contracts and labels. */
export const skuStatuses = ['planned', 'active', 'discontinued'] as const;
export type SkuStatus = (typeof skuStatuses)[number];
