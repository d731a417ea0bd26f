import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../http/app-error';
import {
  MAX_IMPORT_ROWS,
  matchHeaders,
  parseDateText,
  parseNumberText,
  readSpreadsheet,
  writeXlsx,
  type ImportColumn,
} from './spreadsheet';

const csv = '门店编码,门店名称,城市\r\n S001 ,沃尔玛 蛇口店,深圳\r\n,,\r\nS002,"家乐福,""福田""",深圳\r\n';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function workbookBuffer(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Sheet1'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readSpreadsheet', () => {
  const expected = {
    headers: ['门店编码', '门店名称', '城市'],
    rows: [
      { rowNumber: 2, cells: { 门店编码: 'S001', 门店名称: '沃尔玛 蛇口店', 城市: '深圳' } },
      // Row 3 is blank and skipped, but keeps its number so row 4 is what Excel calls row 4.
      { rowNumber: 4, cells: { 门店编码: 'S002', 门店名称: '家乐福,"福田"', 城市: '深圳' } },
    ],
  };

  it('reads a UTF-8 CSV, with or without a BOM', async () => {
    expect(await readSpreadsheet(Buffer.from(csv, 'utf8'), 'stores.csv')).toEqual(expected);
    expect(
      await readSpreadsheet(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]),
        'STORES.CSV',
      ),
    ).toEqual(expected);
  });

  it('reads a CSV saved by Chinese Excel in GBK, and GB18030-only characters', async () => {
    const gbk = iconv.encode(csv, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(await readSpreadsheet(gbk, 'stores.csv')).toEqual(expected);
    const rare = iconv.encode('姓名\r\n𠀀先生\r\n', 'gb18030');
    expect((await readSpreadsheet(rare, 'c.csv')).rows[0].cells['姓名']).toBe('𠀀先生');
  });

  it('reads "Unicode text" (UTF-16, tab-separated) and numbers a quoted multi-line cell as one row', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('编码\t备注\r\nA\t"第一行\n第二行"\r\nB\tx\r\n', 'utf16le'),
    ]);
    const sheet = await readSpreadsheet(utf16, 'export.csv');
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { 编码: 'A', 备注: '第一行\n第二行' } },
      { rowNumber: 3, cells: { 编码: 'B', 备注: 'x' } },
    ]);
  });

  it('reads the first worksheet of an .xlsx: dates, numbers, rich text, formulas and links as the user sees them', async () => {
    const buffer = await workbookBuffer((sheet) => {
      sheet.addRow(['编码', '开业日期', '面积', '名称', '合计', '链接', '纬度']);
      sheet.addRow([]);
      const row = sheet.addRow([
        '  0012 ',
        new Date(Date.UTC(2015, 5, 18)),
        5999.999999999999,
        { richText: [{ text: '沃尔玛', font: { bold: true } }, { text: '蛇口店' }] },
        { formula: 'C3*2', result: 12000 },
        { text: '官网', hyperlink: 'https://example.com' },
        22.543096,
      ]);
      row.getCell(2).numFmt = 'yyyy-mm-dd';
      sheet.addRow([
        '13800138000',
        null,
        1234567890123,
        true,
        { formula: '1/0', result: { error: '#DIV/0!' } },
        '',
        -0.5,
      ]);
    });
    const sheet = await readSpreadsheet(buffer, 'stores.xlsx');
    expect(sheet.headers).toEqual(['编码', '开业日期', '面积', '名称', '合计', '链接', '纬度']);
    expect(sheet.rows).toEqual([
      {
        rowNumber: 3,
        cells: {
          编码: '0012',
          开业日期: '2015-06-18',
          面积: '6000',
          名称: '沃尔玛蛇口店',
          合计: '12000',
          链接: '官网',
          纬度: '22.543096',
        },
      },
      {
        rowNumber: 4,
        cells: {
          编码: '13800138000',
          开业日期: '',
          面积: '1234567890123',
          名称: 'TRUE',
          合计: '#DIV/0!',
          链接: '',
          纬度: '-0.5',
        },
      },
    ]);
  });

  it('rejects unknown formats, empty files, too many rows and duplicate headers with a 400', async () => {
    for (const [buffer, name, message] of [
      [Buffer.from('a,b'), 'stores.txt', /Only \.xlsx and \.csv/],
      [Buffer.from('a,b'), 'stores.xls', /\.xls\) files are not supported/],
      [Buffer.from('a,b'), 'stores.xlsx', /not an \.xlsx workbook/],
      [Buffer.alloc(0), 'stores.csv', /empty/],
      [Buffer.from('\r\n , \r\n'), 'stores.csv', /empty/],
      [Buffer.from('编码,名称,编码\r\n1,2,3'), 'stores.csv', /"编码" appears twice \(columns A and C\)/],
    ] as const) {
      const error = await rejection(readSpreadsheet(buffer, name));
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(message);
    }
    const tooMany = Buffer.from(
      `编码\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `S${i}`).join('\n')}`,
    );
    expect((await rejection(readSpreadsheet(tooMany, 'big.csv'))).message).toMatch(/20,000/);
    const justEnough = Buffer.from(
      `编码\n${Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `S${i}`).join('\n')}`,
    );
    expect((await readSpreadsheet(justEnough, 'big.csv')).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('answers a header without data rows with no rows', async () => {
    expect(await readSpreadsheet(Buffer.from('编码,名称\r\n'), 'x.csv')).toEqual({
      headers: ['编码', '名称'],
      rows: [],
    });
  });
});

describe('writeXlsx', () => {
  it('writes sheets with a bold, frozen header that read back as written', async () => {
    const buffer = await writeXlsx([
      {
        name: '门店',
        columns: [
          { header: '门店编码', key: 'code', text: true },
          { header: '面积', key: 'area' },
          { header: '开业日期', key: 'openedOn' },
        ],
        rows: [
          { code: '0012', area: 6000, openedOn: '2015-06-18' },
          { code: 'S2', area: null, openedOn: undefined },
        ],
      },
      { name: '说明', columns: [{ header: '列名', key: 'h' }], rows: [{ h: '门店编码' }] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['门店', '说明']);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('0012');
    expect(sheet.getCell('B2').value).toBe(6000);

    expect(await readSpreadsheet(buffer, 'out.xlsx')).toEqual({
      headers: ['门店编码', '面积', '开业日期'],
      rows: [
        { rowNumber: 2, cells: { 门店编码: '0012', 面积: '6000', 开业日期: '2015-06-18' } },
        { rowNumber: 3, cells: { 门店编码: 'S2', 面积: '', 开业日期: '' } },
      ],
    });
  });
});

describe('cell and header helpers', () => {
  it('reads dates the way Chinese sheets write them, and only real dates', () => {
    expect(parseDateText('2026-05-01')).toBe('2026-05-01');
    expect(parseDateText('2026/5/1')).toBe('2026-05-01');
    expect(parseDateText('2026.5.1')).toBe('2026-05-01');
    expect(parseDateText('2026年5月1日')).toBe('2026-05-01');
    expect(parseDateText('2026/5/1 0:00')).toBe('2026-05-01');
    expect(parseDateText('２０２６－０５－０１')).toBe('2026-05-01');
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    expect(parseDateText('2026-02-29')).toBeNull();
    expect(parseDateText('2026-13-01')).toBeNull();
    expect(parseDateText('01/05/2026')).toBeNull();
    expect(parseDateText('2026-05-01 13:30')).toBeNull();
    expect(parseDateText('soon')).toBeNull();
  });

  it('reads numbers with grouping and full-width digits, and nothing else', () => {
    expect(parseNumberText('6,000')).toBe(6000);
    expect(parseNumberText('1,234,567.5')).toBe(1234567.5);
    expect(parseNumberText(' -12.5 ')).toBe(-12.5);
    expect(parseNumberText('６０００')).toBe(6000);
    expect(parseNumberText('6000㎡')).toBeNaN();
    expect(parseNumberText('6,00')).toBeNaN();
    expect(parseNumberText('1e5')).toBeNaN();
    expect(parseNumberText('')).toBeNaN();
  });

  it('matches Chinese headers, English aliases and variants, and reports missing and repeated columns', () => {
    const columns: ImportColumn<'code' | 'area' | 'grade' | 'name'>[] = [
      { key: 'code', header: '门店编码', alias: 'storeCode', required: true, help: '' },
      { key: 'area', header: '营业面积(㎡)', alias: 'floorArea', otherNames: ['面积'], help: '' },
      { key: 'grade', header: '卖场等级', alias: 'storeClass', readOnly: true, help: '' },
      { key: 'name', header: '门店名称', alias: 'name', required: true, help: '' },
    ];
    const ok = matchHeaders(['StoreCode', '营业面积（m2）', '卖场等级', '门店名称', '备注'], columns);
    expect(ok).toEqual({
      headerOf: { code: 'StoreCode', area: '营业面积（m2）', name: '门店名称' },
      problems: [],
      ignored: ['备注'],
    });

    const bad = matchHeaders(['门店编码', 'storeCode', '面积'], columns);
    expect(bad.problems).toEqual([
      { row: 1, column: 'storeCode', value: 'storeCode', reason: 'the same column as "门店编码"' },
      {
        row: 1,
        column: '门店名称',
        value: null,
        reason: 'required column is missing (header "门店名称" or "name")',
      },
    ]);
  });
});
