/**
 * GS1 barcodes on consumer goods: EAN-13 (China's 690–699 prefixes), EAN-8, and UPC-A (12 digits).
 * The last digit is a check digit: weights 3,1,3,1… from the right, excluding the check digit itself.
 */
export type BarcodeKind = 'EAN-13' | 'EAN-8' | 'UPC-A';

export function barcodeKind(code: string): BarcodeKind | null {
  if (!/^\d+$/.test(code)) return null;
  switch (code.length) {
    case 13:
      return 'EAN-13';
    case 8:
      return 'EAN-8';
    case 12:
      return 'UPC-A';
    default:
      return null;
  }
}

/** The check digit for the digits before it. */
export function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the text is a well-formed EAN-13, EAN-8 or UPC-A with a correct check digit. */
export function isValidBarcode(code: string): boolean {
  if (!barcodeKind(code)) return false;
  return checkDigit(code.slice(0, -1)) === code.charCodeAt(code.length - 1) - 48;
}

/** Why a barcode is not valid, or null when it is. */
export function barcodeProblem(code: string): string | null {
  if (!/^\d+$/.test(code)) return 'a barcode has digits only';
  if (!barcodeKind(code)) return 'a barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits';
  const expected = checkDigit(code.slice(0, -1));
  return isValidBarcode(code) ? null : `wrong check digit: expected ${expected}, found ${code.at(-1)}`;
}
