/**
 * CSV records from a stream of decoded text chunks (RFC 4180: quoted cells may hold the delimiter, doubled quotes
 * and line breaks). Chain exports are millions of plain lines, so a line without a quote is split directly — about
 * seven times faster than csv-parse's streaming parser, which made parsing the bottleneck of a 5,000,000-row import.
 * A stray quote inside an unquoted cell is kept as text (csv-parse's relax_quotes).
 */
export class CsvRecordReader {
  private rest = '';

  constructor(private readonly delimiter: string) {}

  /** Hands over the complete records of `text` (plus what was left from the previous chunk), in order. */
  push(text: string, onRecord: (fields: string[]) => void): void {
    let start = 0;
    if (this.rest !== '') {
      // Finish the record left over from the last chunk on its own: parsing the joined (cons) string
      // instead made V8 slow down a hundredfold.
      const lineEnd = text.indexOf('\n');
      if (lineEnd === -1) {
        this.rest += text;
        return;
      }
      const head = this.rest + text.slice(0, lineEnd + 1);
      const used = this.parse(head, onRecord, false);
      if (used < head.length) {
        // A quoted cell with line breaks runs on: fall back to the joined text for this chunk.
        const joined = head.slice(used) + text.slice(lineEnd + 1);
        this.rest = joined.slice(this.parse(joined, onRecord, false));
        return;
      }
      start = lineEnd + 1;
    }
    this.rest = text.slice(this.parse(text, onRecord, false, start));
  }

  /** The last record, when the file does not end with a line break. Throws on a quote that never closes. */
  end(onRecord: (fields: string[]) => void): void {
    if (this.rest !== '') this.parse(this.rest, onRecord, true);
    this.rest = '';
  }

  /** Parses whole records from `buffer`; answers where the unfinished remainder starts. */
  private parse(buffer: string, onRecord: (fields: string[]) => void, final: boolean, start = 0): number {
    const delimiter = this.delimiter;
    let position = start;
    let quote = buffer.indexOf('"', start);
    while (position < buffer.length) {
      let lineEnd = buffer.indexOf('\n', position);
      if (lineEnd === -1) {
        if (!final) return position;
        lineEnd = buffer.length;
      }
      // The next quote is looked up only once passed, so a quote near the end does not make this quadratic.
      if (quote !== -1 && quote < position) quote = buffer.indexOf('"', position);
      if (quote === -1 || quote > lineEnd) {
        const line =
          buffer.charCodeAt(lineEnd - 1) === 13
            ? buffer.slice(position, lineEnd - 1)
            : buffer.slice(position, lineEnd);
        onRecord(line.split(delimiter));
        position = lineEnd + 1;
        continue;
      }
      const next = parseQuotedRecord(buffer, position, delimiter, final, onRecord);
      if (next === -1) return position;
      position = next;
    }
    return position;
  }
}

/** One record that contains quotes, char by char; -1 when it continues past the buffer. */
function parseQuotedRecord(
  buffer: string,
  start: number,
  delimiter: string,
  final: boolean,
  onRecord: (fields: string[]) => void,
): number {
  const fields: string[] = [];
  const delimiterCode = delimiter.charCodeAt(0);
  let position = start;
  for (;;) {
    let field = '';
    if (buffer.charCodeAt(position) === 34) {
      position++;
      for (;;) {
        const close = buffer.indexOf('"', position);
        if (close === -1) {
          if (final) throw new Error('a quoted cell never ends (a " without its closing ")');
          return -1;
        }
        field += buffer.slice(position, close);
        if (buffer.charCodeAt(close + 1) === 34) {
          field += '"';
          position = close + 2;
        } else {
          position = close + 1;
          break;
        }
      }
      // Text between the closing quote and the delimiter is kept, as Excel does.
      while (position < buffer.length) {
        const code = buffer.charCodeAt(position);
        if (code === delimiterCode || code === 10) break;
        if (code !== 13) field += buffer[position];
        position++;
      }
    } else {
      while (position < buffer.length) {
        const code = buffer.charCodeAt(position);
        if (code === delimiterCode || code === 10) break;
        field += buffer[position];
        position++;
      }
      if (field.endsWith('\r')) field = field.slice(0, -1);
    }
    fields.push(field);
    if (position >= buffer.length) {
      if (!final) return -1;
      onRecord(fields);
      return position;
    }
    if (buffer.charCodeAt(position) === 10) {
      onRecord(fields);
      return position + 1;
    }
    position++; // the delimiter
  }
}

/** The delimiter of the first line: Excel's "CSV" is comma-separated, its "Unicode text" tab-separated, some locales use ";". */
export function guessDelimiter(firstLine: string): string {
  const count = (character: string) => firstLine.split(character).length - 1;
  const commas = count(',');
  if (count('\t') > commas) return '\t';
  if (count(';') > commas) return ';';
  return ',';
}
