import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barcodeProblem, checkDigit, isValidBarcode } from './barcode';

describe('barcodes', () => {
  it('accepts real EAN-13, EAN-8 and UPC-A codes', () => {
    expect(isValidBarcode('6901028075831')).toBe(true); // a Chinese EAN-13 (690 prefix)
    expect(isValidBarcode('4006381333931')).toBe(true);
    expect(isValidBarcode('96385074')).toBe(true); // EAN-8
    expect(isValidBarcode('036000291452')).toBe(true); // UPC-A
  });

  it('rejects wrong check digits, lengths and non-digits with a reason', () => {
    expect(barcodeProblem('6901028075832')).toBe('wrong check digit: expected 1, found 2');
    expect(barcodeProblem('12345')).toBe('a barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits');
    expect(barcodeProblem('69010280758X1')).toBe('a barcode has digits only');
  });

  it('makes every 12-digit body a valid EAN-13 with its computed check digit, and no other digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 9 }), (body, digit) => {
        const valid = checkDigit(body);
        expect(isValidBarcode(`${body}${digit}`)).toBe(digit === valid);
      }),
    );
  });
});
