/**
 * CSV text for COPY, written byte by byte into one growing buffer: tens of millions of generated rows without a
 * string per row and per number (with strings, the garbage collector took a third of the demo's time).
 * ASCII only — numbers, dates and codes.
 */
export class CsvBatch {
  private bytes: Uint8Array;
  private length = 0;
  rows = 0;

  constructor(capacity = 1 << 21) {
    this.bytes = new Uint8Array(capacity);
  }

  /** A whole number (fen, units, ids). */
  int(value: number): this {
    this.reserve(24);
    const bytes = this.bytes;
    if (value < 0) {
      bytes[this.length++] = 45; // '-'
      value = -value;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let position = this.length + digits;
    this.length = position;
    do {
      const next = Math.floor(value / 10);
      bytes[--position] = 48 + value - next * 10;
      value = next;
    } while (value > 0);
    return this;
  }

  /** Pre-encoded ASCII (a date, a code). */
  raw(text: Uint8Array): this {
    this.reserve(text.length);
    this.bytes.set(text, this.length);
    this.length += text.length;
    return this;
  }

  /** ASCII text that needs no quoting. */
  text(text: string): this {
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
    return this;
  }

  comma(): this {
    this.reserve(1);
    this.bytes[this.length++] = 44;
    return this;
  }

  endRow(): void {
    this.reserve(1);
    this.bytes[this.length++] = 10;
    this.rows++;
  }

  /** The rows so far as CSV text; the batch starts empty again. */
  take(): string {
    const text = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
    this.length = 0;
    this.rows = 0;
    return text;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

export const asciiBytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
