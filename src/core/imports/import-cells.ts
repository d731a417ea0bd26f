/**
 * Reading the cells of chain exports: dates as the chains' portals write them, and whole-number quantities.
 * Pure and fast: an import calls these millions of times.
 */

const isRealDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1] && year >= 1900 && year <= 2199;
};

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A calendar date as 'YYYY-MM-DD', from 2026-01-05, 20260105, 2026/1/5, 2026-1-5, 2026.1.5 or 2026年1月5日,
 * optionally followed by a midnight time (Excel's "2026-01-05 00:00:00"). Null when it is not a real date.
 */
export function parseSalesDate(text: string): string | null {
  let value = text.trim();
  if (value.length > 10 && / 0{1,2}:00(:00)?$/.test(value)) value = value.slice(0, value.indexOf(' '));
  let match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match)
    match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.normalize('NFKC'));
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The first day of a month, from 2026-05, 2026/5, 202605, 2026年5月, or any date in that month. */
export function parseMonth(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  const match = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2] ?? match[3]);
    return isRealDate(year, month, 1) ? `${year}-${pad(month)}-01` : null;
  }
  const date = parseSalesDate(value);
  return date && `${date.slice(0, 8)}01`;
}

export const MAX_QUANTITY = 2_147_483_647;

/**
 * A count of units: a whole number ≥ 0. "3.0" is 3 (exports often write counts as decimals); "2.5", "-1" and "abc"
 * are problems, described for the user.
 */
export function parseQuantity(text: string): number | string {
  const value = text.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const cleaned = value.normalize('NFKC').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return 'must be a number';
  const number = Number(cleaned);
  if (number < 0) return 'must not be negative';
  if (!Number.isInteger(number)) return 'must be a whole number';
  if (number > MAX_QUANTITY) return 'too large';
  return number;
}
