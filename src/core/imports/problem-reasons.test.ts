import { describe, expect, it } from 'vitest';
import { localizeReason, reasonPatternCount, reasonPatternIndex } from './problem-reasons';

/** One realistic reason per table entry, as the server writes it, and what a Chinese user reads. */
const cases: [english: string, chinese: string][] = [
  // Cells
  ['required', '必填'],
  ['not valid', '无效'],
  ['must be a number', '必须是数字'],
  ['must be a whole number', '必须是整数'],
  ['must be a string', '必须是文本'],
  ['must not be negative', '不能为负数'],
  ['too large', '数值过大'],
  ['at least 2 characters', '至少 2 个字符'],
  ['at most 60 characters', '最多 60 个字符'],
  ['must be at least -90', '不能小于 -90'],
  ['must be at most 1,000,000 yuan', '不能超过 1,000,000 元'],
  ['must be at most 10,000', '不能大于 10,000'],
  ['not a valid email address', '不是有效的邮箱地址'],
  ['not a valid date; write it as 2026-05-01', '不是有效日期，请写成 2026-05-01'],
  ['not a valid date; write it as 2026-05-01 or 20260501', '不是有效日期，请写成 2026-05-01 或 20260501'],
  ['not a valid month; write it as 2026-05', '不是有效月份，请写成 2026-05'],
  ['not an amount in yuan, e.g. 1234.50', '不是以元为单位的金额，例如 1234.50'],
  ['must be an amount in yuan, like 12.50', '必须是以元为单位的金额，如 12.50'],
  ['unknown value; use one of 大卖场、超市、便利店', '无法识别，可填：大卖场、超市、便利店'],
  ['unknown value; use 本品 or 竞品', '无法识别，请填“本品”或“竞品”'],
  ['letters, digits, - and _ only', '只能包含字母、数字、- 和 _'],
  ['letters, digits, ".", "-" and "_" only', '只能包含字母、数字、“.”、“-”和“_”'],
  ['digits, spaces and + - ( ) only', '只能包含数字、空格和 + - ( )'],
  ['a barcode has digits only', '条码只能包含数字'],
  [
    'a barcode has 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits',
    '条码应为 8 位（EAN-8）、12 位（UPC-A）或 13 位（EAN-13）数字',
  ],
  ['wrong check digit: expected 2, found 7', '校验位错误：应为 2，实为 7'],
  ['Invalid string: must match pattern /^[A-Z]+$/', '格式不正确（应符合 /^[A-Z]+$/）'],
  ['Invalid option: expected one of "a"|"b"', '无效选项，可选："a"|"b"'],
  ['Invalid input: expected string, received number', '无效的值'],
  // Headers and mappings
  ['the same column as "门店编码"', '与“门店编码”列重复'],
  ['required column is missing (header "门店编码" or "code")', '缺少必填列（表头“门店编码”或“code”）'],
  ['a column naming the SKU is missing (品项编码 or 条码)', '缺少指明品项的列（品项编码或条码）'],
  [
    'the mapping names column "店号" for storeCode, but the file has no such column',
    '映射把“店号”列用作门店编码，但文件中没有这一列',
  ],
  [
    "no column for itemCode (商品编码) | barcode (条码) | skuCode (品项编码): add it to the file or map it to one of the file's columns (门店, 日期, 数量)",
    '缺少商品编码或条码或品项编码列：请在文件中添加，或映射到文件中的某一列（门店, 日期, 数量）',
  ],
  ['column not found in the file', '文件中没有这一列'],
  // Codes
  ["unknown store code: not one of this account's stores", '未知门店编码：不是该客户的门店'],
  [
    'unknown store code for this account, or outside your scope',
    '该客户下没有这个门店编码，或不在你的数据范围内',
  ],
  ['no store with this code for the account in your scope', '你的数据范围内，该客户没有这个门店编码'],
  ['the store is outside your org unit', '该门店不在你的组织范围内'],
  ["unknown item code: not in this account's item codes", '未知客户商品编码：不在该客户的商品编码中'],
  ['unknown barcode: no SKU has it', '未知条码：没有品项使用这个条码'],
  ['unknown SKU code', '未知品项编码'],
  ['unknown barcode', '未知条码'],
  ['unknown item code for this account', '该客户没有这个客户商品编码'],
  ['unknown account code', '未知客户编码'],
  ['unknown account code, or outside your scope', '未知客户编码，或不在你的数据范围内'],
  ['unknown org unit code', '未知组织编码'],
  ['unknown rep (username)', '未知KA代表（用户名）'],
  ['unknown user "zhangsan"', '未知用户“zhangsan”'],
  ['required: the account code', '必填：客户编码'],
  ['required: the store code', '必填：门店编码'],
  ['required: the rep (username)', '必填：KA代表的用户名'],
  ['required: the org unit code', '必填：组织编码'],
  ['required: name the SKU', '必填：请指明品项'],
  ['this file is imported for account WALMART', '此文件只能导入客户 WALMART 的数据'],
  ["names SKU C001, but the row's other columns name C002", '指向品项 C001，但本行其他列指向品项 C002'],
  ['the barcode already belongs to SKU C001', '该条码已属于品项 C001'],
  // Repeated keys
  ['the same SKU code as row 12', '与第 12 行的品项编码重复'],
  ['the same barcode as row 3', '与第 3 行的条码重复'],
  ['the same account and item code as row 4', '与第 4 行的客户和客户商品编码重复'],
  ['the same store and SKU as row 5', '与第 5 行的门店和品项重复'],
  ['the same account and store code as row 6', '与第 6 行的客户和门店编码重复'],
  ['the same account, store and name as row 7', '与第 7 行的客户、门店和姓名重复'],
  ['duplicate: the same store, SKU and date as row 11', '重复：与第 11 行的门店、品项和日期相同'],
  // Rules
  [
    'an own SKU (本品) has no competitor company; clear it or mark the SKU 竞品',
    '本品没有竞品公司：请清空此列，或把品项标为竞品',
  ],
  ['a competitor SKU (竞品) needs its company', '竞品须填写竞品公司'],
  [
    'a competitor SKU (竞品) needs its company: add the 竞品公司 column',
    '竞品须填写竞品公司：请添加“竞品公司”列',
  ],
  ['required for a new listing', '新上架记录必填'],
  ['must be after the listing date 2026-03-01', '必须晚于进场日期 2026-03-01'],
  [
    'this store exists outside your org unit; ask HQ or its manager to change it',
    '该门店已存在，但不在你的组织范围内；请总部或负责该门店的经理修改',
  ],
  ['you have no org unit; ask an admin to set yours', '你还没有所属组织，请系统管理员设置'],
  ['the org unit is outside your own', '该组织不在你的组织范围内'],
  ['at most 50 reps per store', '每个门店最多 50 名负责人'],
  ['lisi is not a rep or promoter', 'lisi 不是KA代表或促销员'],
  ['lisi is not active', 'lisi 已停用'],
  ['lisi is outside your org unit', 'lisi 不在你的组织范围内'],
  [
    '2 contacts with this name already exist here; rename one in Endcap first',
    '这里已有 2 个同名联系人，请先在 Endcap 中给其中一个改名',
  ],
  ['leave blank for a company target', '公司目标此列留空'],
  ['store targets need the account of the file', '门店目标需要指定文件所属的客户'],
  // The file
  [
    'Excel 97-2003 (.xls) files are not supported: save the file as .xlsx or .csv',
    '不支持 Excel 97-2003（.xls）文件：请另存为 .xlsx 或 .csv',
  ],
  [
    'Only .csv and .xlsx files can be imported, not "sales.pdf"',
    '只能导入 .xlsx 或 .csv 文件，不能导入“sales.pdf”',
  ],
  ['The file is empty', '文件是空的'],
  ['The file has no rows', '文件中没有任何行'],
  [
    'The file is not an .xlsx workbook (was it renamed from .xls or .csv?)',
    '文件不是 .xlsx 工作簿（是否由 .xls 或 .csv 改名而来？）',
  ],
  [
    'The sheet has 25000 rows; at most 20,000 can be imported at once, split it',
    '文件有 25000 行，一次最多导入 20,000 行，请拆分',
  ],
  ['The column "门店编码" appears twice (columns A and D)', '“门店编码”列出现了两次（A 列和 D 列）'],
  [
    'The .xlsx file could not be read; open it in Excel and save it again',
    '无法读取 .xlsx 文件，请用 Excel 打开后重新保存',
  ],
  [
    'The .xlsx file could not be read (invalid zip); open it in Excel and save it again',
    '无法读取 .xlsx 文件（invalid zip），请用 Excel 打开后重新保存',
  ],
  ['The workbook has no worksheet', '工作簿中没有工作表'],
  [
    'The CSV file could not be read after row 41: a quoted cell never ends (a " without its closing ")',
    'CSV 文件第 41 行之后无法读取：有一个带引号的单元格没有结束（缺少与 " 配对的引号）',
  ],
  ['The CSV file could not be read: Invalid Record Length', '无法读取 CSV 文件：Invalid Record Length'],
  [
    'a quoted cell never ends (a " without its closing ")',
    '有一个带引号的单元格没有结束（缺少与 " 配对的引号）',
  ],
  ['The file has a header row but no listings', '文件只有表头，没有上架记录'],
  ['The account to import for does not exist', '要导入的客户不存在'],
  ['You may not do this', '你没有权限执行此操作'],
];

describe('localizeReason', () => {
  it.each(cases)('zh-CN: %s', (english, chinese) => {
    expect(localizeReason(english, 'zh-CN')).toBe(chinese);
  });

  it('has an example above for every entry of its table, each matched by its own entry', () => {
    const matched = new Set(cases.map(([english]) => reasonPatternIndex(english)));
    expect(matched.has(-1)).toBe(false);
    expect(matched.size).toBe(reasonPatternCount);
    expect(cases).toHaveLength(reasonPatternCount);
  });

  it('reads the variants of entries with word lists', () => {
    expect(localizeReason('must be a boolean', 'zh-CN')).toBe('必须是是或否');
    expect(localizeReason('duplicate: the same invoice, SKU and store as row 2', 'zh-CN')).toBe(
      '重复：与第 2 行的发票号、品项和门店相同',
    );
    expect(localizeReason('duplicate: the same scope, owner and month as row 9', 'zh-CN')).toBe(
      '重复：与第 9 行的目标类型、对象和月份相同',
    );
    expect(localizeReason('The file has a header row but no SKUs', 'zh-CN')).toBe('文件只有表头，没有品项');
    expect(localizeReason('The file has a header row but no item codes', 'zh-CN')).toBe(
      '文件只有表头，没有客户商品编码',
    );
    expect(
      localizeReason(
        "no column for storeCode (门店编码): add it to the file or map it to one of the file's columns (店号, 日期)",
        'zh-CN',
      ),
    ).toBe('缺少门店编码列：请在文件中添加，或映射到文件中的某一列（店号, 日期）');
    expect(
      localizeReason(
        'the mapping names column "X" for constructor, but the file has no such column',
        'zh-CN',
      ),
    ).toBe('映射把“X”列用作constructor，但文件中没有这一列');
    expect(localizeReason('Only .xlsx and .csv files can be imported, not "a.txt"', 'zh-CN')).toBe(
      '只能导入 .xlsx 或 .csv 文件，不能导入“a.txt”',
    );
  });

  it('leaves English as it is', () => {
    for (const [english] of cases) expect(localizeReason(english, 'en')).toBe(english);
  });

  it('leaves a reason it does not know as it is, and never throws', () => {
    expect(localizeReason('the moon is not a store', 'zh-CN')).toBe('the moon is not a store');
    expect(localizeReason('', 'zh-CN')).toBe('');
    expect(localizeReason('沃尔玛没有这个门店编码', 'zh-CN')).toBe('沃尔玛没有这个门店编码');
    expect(localizeReason('required ', 'zh-CN')).toBe('required ');
  });
});
