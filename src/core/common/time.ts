/**
 * Calendar dates (a visit day, a sales day, "90 days ago") are counted in the business's time zone,
 * not the server's: a server in UTC would otherwise put 07:00 Beijing time on the previous day.
 */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the business time zone. */
export function businessToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
