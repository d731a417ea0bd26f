/**
 * Stock arithmetic from the glossary, one place for the server, the web and the tests.
 * Days of supply (库存天数) = on-hand ÷ average daily sell-out.
 * Order suggestion (建议订货) = cover × average daily sell-out − on-hand − on order, never below zero,
 * where cover = lead time + review period + safety days.
 */
export interface SupplySettings {
  leadTimeDays: number;
  reviewPeriodDays: number;
  safetyDays: number;
}

/** An account's settings until someone saves its own (days). */
export const defaultSupplySettings = {
  leadTimeDays: 3,
  reviewPeriodDays: 7,
  safetyDays: 3,
  /** Average daily sell-out is taken over this many days up to the day of the list. */
  averageWindowDays: 28,
} as const;

export function daysOfSupply(onHand: number, averageDailyUnits: number): number | null {
  if (averageDailyUnits <= 0) return onHand > 0 ? null : 0; // null: stock that is not selling never runs out
  return onHand / averageDailyUnits;
}

export const coverDays = (settings: SupplySettings) =>
  settings.leadTimeDays + settings.reviewPeriodDays + settings.safetyDays;

/** Units to order, rounded up to whole units; and up to whole cases when the SKU has a case pack. */
export function suggestOrder(input: {
  settings: SupplySettings;
  averageDailyUnits: number;
  onHand: number;
  onOrder: number;
  casePack?: number | null;
}): { units: number; cases: number | null } {
  const need = coverDays(input.settings) * input.averageDailyUnits - input.onHand - input.onOrder;
  // A hair above a whole number is floating-point noise (0.1 × 30 = 3.0000000000000004), not a unit to order.
  const units = need <= 1e-9 ? 0 : Math.ceil(need - 1e-9);
  if (!input.casePack || input.casePack <= 1) return { units, cases: null };
  const cases = Math.ceil(units / input.casePack);
  return { units: cases * input.casePack, cases };
}
