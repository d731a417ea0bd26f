import type { SeasonProfile } from './demo-skus';

/**
 * The retail year of a confectionery maker, for the demo's sell-out: the lunar festivals move every year, so their
 * dates are listed (a date outside these years simply has no festival effect).
 */
export const springFestivals = [
  '2023-01-22',
  '2024-02-10',
  '2025-01-29',
  '2026-02-17',
  '2027-02-06',
  '2028-01-26',
  '2029-02-13',
  '2030-02-03',
  '2031-01-23',
];
export const midAutumnFestivals = [
  '2023-09-29',
  '2024-09-17',
  '2025-10-06',
  '2026-09-25',
  '2027-09-15',
  '2028-10-03',
  '2029-09-22',
  '2030-09-12',
  '2031-10-01',
];
/** 七夕, the Chinese Valentine's day: chocolate. */
export const qixiFestivals = [
  '2023-08-22',
  '2024-08-10',
  '2025-08-29',
  '2026-08-19',
  '2027-08-08',
  '2028-08-26',
  '2029-08-16',
  '2030-08-05',
  '2031-08-24',
];

export const epochDay = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);

const springDays = springFestivals.map(epochDay);
const midAutumnDays = midAutumnFestivals.map(epochDay);
const qixiDays = qixiFestivals.map(epochDay);

/** Days from the nearest of the festivals (negative before it). */
function offsetFrom(festivals: number[], day: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const festival of festivals) if (Math.abs(day - festival) < Math.abs(best)) best = day - festival;
  return best;
}

/** How much more a profile sells in the New Year shopping (年货) weeks at its height. */
const springLift: Record<SeasonProfile, number> = {
  candy: 1.7,
  chocolate: 0.7,
  biscuit: 0.8,
  nuts: 1.9,
  jelly: 0.8,
  gift: 28,
};
const midAutumnLift: Record<SeasonProfile, number> = {
  candy: 0.15,
  chocolate: 0.3,
  biscuit: 0.4,
  nuts: 0.6,
  jelly: 0.1,
  gift: 5,
};

/**
 * The seasonal factor of a profile on a day (1 = an ordinary weekday-averaged day): the Spring Festival peak
 * (ramping up five weeks before, a dip over the holiday week and a slump after), Mid-Autumn, National Day,
 * May Day, New Year's Day, Valentine's and 七夕 for chocolate, Children's Day, and summer heat.
 */
export function seasonalFactor(profile: SeasonProfile, isoDate: string): number {
  const day = epochDay(isoDate);
  const month = Number(isoDate.slice(5, 7));
  const dayOfMonth = Number(isoDate.slice(8, 10));
  let factor = 1;

  const spring = offsetFrom(springDays, day);
  if (spring >= -35 && spring <= -2) factor *= 1 + springLift[profile] * Math.min(1, (spring + 35) / 25);
  else if (spring === -1) factor *= 1 + springLift[profile] * 0.4;
  // Gifts still go out on New Year visits (拜年); everything else stops while families are at home.
  else if (spring >= 0 && spring <= 6) factor *= profile === 'gift' ? 1 + springLift.gift * 0.25 : 0.55;
  else if (spring >= 7 && spring <= 20) factor *= 0.8;

  const midAutumn = offsetFrom(midAutumnDays, day);
  if (midAutumn >= -20 && midAutumn <= -1)
    factor *= 1 + midAutumnLift[profile] * Math.min(1, (midAutumn + 20) / 12);

  const md = month * 100 + dayOfMonth;
  // National Day week: holiday traffic, and the wedding season for candy.
  if (md >= 1001 && md <= 1007) factor *= profile === 'candy' ? 1.45 : profile === 'gift' ? 2 : 1.3;
  if (md >= 501 && md <= 505) factor *= profile === 'candy' ? 1.35 : 1.25;
  if (md >= 1229 || md === 101) factor *= 1.2;
  if (md >= 1218 && md <= 1225 && (profile === 'chocolate' || profile === 'gift')) factor *= 1.35;
  if (md >= 208 && md <= 214 && profile === 'chocolate') factor *= 1.7;
  const qixi = offsetFrom(qixiDays, day);
  if (qixi >= -6 && qixi <= 0 && profile === 'chocolate') factor *= 1.6;
  if (md >= 525 && md <= 601) factor *= profile === 'jelly' ? 1.4 : profile === 'candy' ? 1.2 : 1;
  if (md >= 1025 && md <= 1031 && profile === 'candy') factor *= 1.1;

  const isSummer = md >= 610 && md <= 831;
  if (isSummer && profile === 'chocolate') factor *= 0.6;
  if (isSummer && profile === 'jelly') factor *= 1.45;
  const isWinter = month >= 11 || month <= 2;
  if (isWinter && profile === 'chocolate') factor *= 1.15;
  if (isWinter && profile === 'nuts') factor *= 1.1;
  return factor;
}

/**
 * Day-of-week factors, Monday first, averaging 1. Hypermarkets and supermarkets do most of their trade Friday to
 * Sunday; a convenience store's week is flatter.
 */
export const weekdayFactors = {
  regular: normalise([0.82, 0.8, 0.84, 0.9, 1.12, 1.42, 1.34]),
  convenience: normalise([0.95, 0.95, 0.97, 1.0, 1.06, 1.07, 1.0]),
};

function normalise(factors: number[]): number[] {
  const mean = factors.reduce((sum, value) => sum + value, 0) / factors.length;
  return factors.map((value) => value / mean);
}

/** Friday on or before the day: DM slots (档期) start on Fridays. */
export function fridayOnOrBefore(day: number): number {
  // Epoch day 0 (1970-01-01) was a Thursday, so Friday is (day - 1) % 7 === 0.
  return day - ((((day - 1) % 7) + 7) % 7);
}

/** Day of week, Monday 0 … Sunday 6. */
export const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The holidays that get a DM slot of their own, for the years a history spans. */
export function holidaySlotStarts(fromDay: number, toDay: number): { start: number; theme: SlotTheme }[] {
  const slots: { start: number; theme: SlotTheme }[] = [];
  const firstYear = new Date(fromDay * 86_400_000).getUTCFullYear();
  const lastYear = new Date(toDay * 86_400_000).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    const spring = springDays.find((day) => new Date(day * 86_400_000).getUTCFullYear() === year);
    const midAutumn = midAutumnDays.find((day) => new Date(day * 86_400_000).getUTCFullYear() === year);
    if (spring !== undefined) slots.push({ start: fridayOnOrBefore(spring - 18), theme: 'spring' });
    if (midAutumn !== undefined) slots.push({ start: fridayOnOrBefore(midAutumn - 13), theme: 'midAutumn' });
    slots.push({ start: fridayOnOrBefore(epochDay(`${year}-09-30`)), theme: 'holiday' });
    slots.push({ start: fridayOnOrBefore(epochDay(`${year}-04-28`)), theme: 'holiday' });
    slots.push({ start: fridayOnOrBefore(epochDay(`${year}-12-26`)), theme: 'holiday' });
    slots.push({ start: fridayOnOrBefore(epochDay(`${year}-06-20`)), theme: 'summer' });
  }
  return slots
    .filter((slot) => slot.start + 13 >= fromDay && slot.start <= toDay)
    .sort((a, b) => a.start - b.start);
}

export type SlotTheme = 'spring' | 'midAutumn' | 'holiday' | 'summer' | 'regular';
