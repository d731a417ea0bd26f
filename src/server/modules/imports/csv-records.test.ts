import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvRecordReader, guessDelimiter } from './csv-records';

/** Feeds the text in chunks of every size, so records split anywhere still come out whole. */
function readAll(text: string, chunkSize: number, delimiter = ','): string[][] {
  const reader = new CsvRecordReader(delimiter);
  const out: string[][] = [];
  for (let index = 0; index < text.length; index += chunkSize)
    reader.push(text.slice(index, index + chunkSize), (record) => out.push(record));
  reader.end((record) => out.push(record));
  return out;
}

describe('CsvRecordReader', () => {
  const text = 'a,b,c\r\n1,"x, y",3\r\n"multi\r\nline","say ""hi""",\r\n4,5"6,7\r\n\r\n"tail" ,8,9\n10,11,12';

  it('reads RFC 4180 records, whatever the chunk boundaries', () => {
    const expected = [
      ['a', 'b', 'c'],
      ['1', 'x, y', '3'],
      ['multi\r\nline', 'say "hi"', ''],
      ['4', '5"6', '7'],
      [''],
      ['tail ', '8', '9'],
      ['10', '11', '12'],
    ];
    for (const size of [1, 2, 3, 7, 16, 1000])
      expect(readAll(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('agrees with csv-parse on well-formed files', () => {
    const wellFormed = 'a,b\r\n"1,5",2\r\n"x""y","line\nbreak"\r\n';
    expect(readAll(wellFormed, 5)).toEqual(parse(wellFormed, { relax_column_count: true }));
  });

  it('keeps the last record without a line break, and rejects a quote that never closes', () => {
    expect(readAll('a,b\n1,2', 3)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => readAll('a,b\n"1,2\n', 4)).toThrow(/never ends/);
  });

  it('guesses the delimiter from the first line', () => {
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a,b;c')).toBe(',');
  });
});
