import type { TFunction } from 'i18next';
import { barcodeKind, checkDigit, isValidBarcode } from '../../../core/catalog/barcode';
import { fenToYuanText, parseYuanToFen } from '../../../core/common/money';

/**
 * Prices are typed in yuan and kept in fen; the conversion is money.ts's (string arithmetic, one rounding),
 * never `yuan * 100`, which turns 19.9 into 1989.9999999999998.
 */
export function yuanToFen(yuan: string | number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || String(yuan).trim() === '') return null;
  return parseYuanToFen(String(yuan));
}

export const fenToYuan = (fen: number | null | undefined): string | null =>
  fen == null ? null : fenToYuanText(fen);

/** Why a barcode is wrong, in the user's language; null when it is a valid EAN-13, EAN-8 or UPC-A. */
export function barcodeMessage(code: string, t: TFunction): string | null {
  if (!/^\d+$/.test(code)) return t('barcode.digits');
  if (!barcodeKind(code)) return t('barcode.length');
  if (isValidBarcode(code)) return null;
  return t('barcode.checkDigit', { expected: checkDigit(code.slice(0, -1)), found: code.at(-1) });
}
