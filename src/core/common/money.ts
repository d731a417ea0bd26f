/**
 * Money is integer fen (分) everywhere: in tables, in the API, in computations. Text from files and forms
 * is turned into fen here, by string arithmetic (never through a float), and this is the one place that rounds.
 */

/** Rounds half away from zero, the way Chinese invoices round (四舍五入). */
function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/**
 * "1,234.56", "¥12", "12.345", "-3.5", "1.2万" → fen. Amounts with more than two decimals are rounded to the fen
 * (half away from zero). Returns null when the text is not a number.
 */
export function parseYuanToFen(text: string): number | null {
  let value = text
    .trim()
    .replace(/[¥￥,\s]/g, '')
    .replace(/^RMB/i, '');
  let scale = 1n;
  if (value.endsWith('万')) {
    scale = 10_000n;
    value = value.slice(0, -1);
  }
  const match = /^([+-]?)(\d+)(?:\.(\d{1,6}))?$/.exec(value) ?? /^([+-]?)()\.(\d{1,6})$/.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(`${whole || '0'}${fraction}`) * scale * 100n;
  const fen = roundHalfAwayFromZero(digits, 10n ** BigInt(fraction.length));
  const result = Number(sign === '-' ? -fen : fen);
  return Number.isSafeInteger(result) ? result : null;
}

/** Fen as a plain decimal yuan string ("1234.50"), for files and exports. */
export function fenToYuanText(fen: number): string {
  const negative = fen < 0;
  const magnitude = Math.abs(fen);
  return `${negative ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** price × quantity, rounded to the fen once. Price in fen per unit (may carry fractions of a fen per unit). */
export function multiplyFen(priceFen: number, quantity: number): number {
  return Math.round(priceFen * quantity);
}

/** a ÷ b as a ratio (fee ratio, achievement, share), or null when b is 0. Not money: a plain float is fine. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
