import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localizeReason } from '../../core/imports/problem-reasons';

/**
 * Drift guard: every reason an importer can write has a Chinese translation in src/core/imports/problem-reasons.ts.
 *
 * It reads the sources that emit reasons and takes the string and template literals that are reasons, by where they
 * stand (see `sources` below): arguments of `report(…)` calls after the first (the key, row or field), `reason:`
 * properties, returns of the cell-check functions, the values of reason tables, the messages of errors that a job
 * records as its one problem. Only literals directly in that expression count — not those inside a nested call
 * (`reader.raw('orgUnitCode')`) or compared with `===`/`!==` (`field === 'date'`). Each `${…}` becomes a sample
 * (see `samplesOf`): 12 where it is a row, a count or a limit, the words of the table it indexes, else a word.
 * A sample must come out changed and with Chinese in it.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// ——— A small tokenizer: enough of TypeScript to find literals and brackets ———

interface Literal {
  kind: 'literal';
  /** Text parts; a plain string has one, a template one more than its expressions. */
  quasis: string[];
  /** The source text of each `${…}`. */
  expressions: string[];
}
type Token = Literal | { kind: 'word' | 'punct'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const lastSignificant = () => tokens[tokens.length - 1];
  const regexMayStart = () => {
    const last = lastSignificant();
    if (!last) return true;
    if (last.kind === 'literal') return false;
    if (last.kind === 'word') return ['return', 'typeof', 'case', 'in', 'of'].includes(last.text);
    return !/[)\]}]$/.test(last.text);
  };
  // Reads a template literal from just after its backtick; answers the index after the closing backtick.
  const readTemplate = (start: number): [Literal, number] => {
    const quasis: string[] = [];
    const expressions: string[] = [];
    let text = '';
    let j = start;
    while (j < source.length && source[j] !== '`') {
      if (source[j] === '\\') {
        text += source.slice(j, j + 2);
        j += 2;
      } else if (source[j] === '$' && source[j + 1] === '{') {
        const end = skipExpression(j + 2);
        quasis.push(text);
        expressions.push(source.slice(j + 2, end).trim());
        text = '';
        j = end + 1;
      } else {
        text += source[j++];
      }
    }
    quasis.push(text);
    return [{ kind: 'literal', quasis, expressions }, j + 1];
  };
  // From inside `${`, the index of the `}` that closes it (strings, templates and braces inside skipped).
  const skipExpression = (start: number): number => {
    let depth = 0;
    let j = start;
    while (j < source.length) {
      const c = source[j];
      if (c === '`') j = readTemplate(j + 1)[1];
      else if (c === "'" || c === '"') j = skipQuoted(j);
      else if (c === '{') {
        depth++;
        j++;
      } else if (c === '}') {
        if (depth === 0) return j;
        depth--;
        j++;
      } else j++;
    }
    return j;
  };
  const skipQuoted = (start: number): number => {
    const quote = source[start];
    let j = start + 1;
    while (j < source.length && source[j] !== quote) j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  const unescape = (text: string) =>
    text.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);

  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) i++;
    else if (source.startsWith('//', i))
      i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"') {
      const end = skipQuoted(i);
      tokens.push({ kind: 'literal', quasis: [unescape(source.slice(i + 1, end - 1))], expressions: [] });
      i = end;
    } else if (c === '`') {
      const [literal, end] = readTemplate(i + 1);
      tokens.push({ ...literal, quasis: literal.quasis.map(unescape) });
      i = end;
    } else if (c === '/' && regexMayStart()) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && (inClass || source[j] !== '/')) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (/[a-z]/.test(source[j] ?? '')) j++;
      tokens.push({ kind: 'punct', text: 'regex' });
      i = j;
    } else if (/[A-Za-z_$0-9]/.test(c)) {
      const word = /^[A-Za-z_$0-9.]+/.exec(source.slice(i))![0];
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    } else if (/[=!<>&|?+\-*%^~:]/.test(c)) {
      const operator = /^[=!<>&|?+\-*%^~:]+/.exec(source.slice(i))![0];
      tokens.push({ kind: 'punct', text: operator });
      i += operator.length;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return tokens;
}

const opens = new Set(['(', '[', '{']);
const closes = new Set([')', ']', '}']);
const isPunct = (token: Token | undefined, text: string) => token?.kind === 'punct' && token.text === text;
const isComparison = (token: Token | undefined) =>
  token?.kind === 'punct' && ['===', '!==', '==', '!='].includes(token.text);

/**
 * The literals of the expression starting at `start`, at its own bracket depth, up to a `,` or `;` at that depth
 * or the bracket that closes it. Answers them and the index where the expression ends.
 */
function expressionLiterals(tokens: Token[], start: number): [Literal[], number] {
  const found: Literal[] = [];
  let depth = 0;
  let j = start;
  for (; j < tokens.length; j++) {
    const token = tokens[j];
    if (token.kind === 'punct' && opens.has(token.text)) depth++;
    else if (token.kind === 'punct' && closes.has(token.text)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (isPunct(token, ',') || isPunct(token, ';'))) break;
    else if (depth === 0 && token.kind === 'literal') {
      if (!isComparison(tokens[j - 1]) && !isComparison(tokens[j + 1])) found.push(token);
    }
  }
  return [found, j];
}

/** The arguments of the call whose `(` is at `open`: the literals of each. */
function callArguments(tokens: Token[], open: number): Literal[][] {
  const args: Literal[][] = [];
  let j = open + 1;
  while (j < tokens.length && !isPunct(tokens[j], ')')) {
    const [literals, end] = expressionLiterals(tokens, j);
    args.push(literals);
    j = isPunct(tokens[end], ',') ? end + 1 : end;
  }
  return args;
}

const wordAt = (tokens: Token[], index: number, pattern: RegExp) => {
  const token = tokens[index];
  return token?.kind === 'word' && pattern.test(token.text);
};

/** Literals of `name(…)` calls (also `a.b.name(…)`), the arguments from `from` on (or only argument `only`). */
function callLiterals(tokens: Token[], name: string, args: { from?: number; only?: number }): Literal[] {
  const pattern = new RegExp(`(^|\\.)${name}$`);
  const found: Literal[] = [];
  tokens.forEach((_, index) => {
    if (!wordAt(tokens, index, pattern) || !isPunct(tokens[index + 1], '(')) return;
    const all = callArguments(tokens, index + 1);
    const picked = args.only !== undefined ? all.slice(args.only, args.only + 1) : all.slice(args.from ?? 0);
    found.push(...picked.flat());
  });
  return found;
}

/** Literals of `new Name(…)`, argument `only`. */
function constructorLiterals(tokens: Token[], name: string, only: number): Literal[] {
  const found: Literal[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || token.text !== 'new' || !wordAt(tokens, index + 1, new RegExp(`^${name}$`)))
      return;
    if (!isPunct(tokens[index + 2], '(')) return;
    found.push(...(callArguments(tokens, index + 2)[only] ?? []));
  });
  return found;
}

/** Literals of `property: …` (object properties; type annotations have none). */
function propertyLiterals(tokens: Token[], property: string): Literal[] {
  const found: Literal[] = [];
  tokens.forEach((token, index) => {
    if (token.kind === 'word' && token.text === property && isPunct(tokens[index + 1], ':'))
      found.push(...expressionLiterals(tokens, index + 2)[0]);
  });
  return found;
}

/** The tokens between the braces of `function name(…): T {…}` or of `const name: T = {…}`. */
function bodyOf(tokens: Token[], name: string): Token[] {
  const start = tokens.findIndex(
    (token, index) =>
      token.kind === 'word' &&
      token.text === name &&
      (wordAt(tokens, index - 1, /^function$/) || wordAt(tokens, index - 1, /^const$/)),
  );
  if (start === -1) throw new Error(`no function or const ${name}`);
  let open = start + 1;
  if (wordAt(tokens, start - 1, /^function$/)) {
    // Past the parameter list (its default values may hold braces), then the body's brace.
    let depth = 0;
    do {
      if (isPunct(tokens[open], '(')) depth++;
      if (isPunct(tokens[open], ')')) depth--;
      open++;
    } while (depth > 0 || !isPunct(tokens[open - 1], ')'));
  } else {
    while (!isPunct(tokens[open], '=')) open++;
  }
  while (!isPunct(tokens[open], '{')) open++;
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const token = tokens[j];
    if (token.kind === 'punct' && opens.has(token.text)) depth++;
    if (token.kind === 'punct' && closes.has(token.text) && --depth === 0) return tokens.slice(open + 1, j);
  }
  throw new Error(`unclosed ${name}`);
}

/** Literals of the `return` statements in a function's body. */
function returnLiterals(tokens: Token[], name: string): Literal[] {
  const body = bodyOf(tokens, name);
  const found: Literal[] = [];
  body.forEach((token, index) => {
    if (token.kind === 'word' && token.text === 'return')
      found.push(...expressionLiterals(body, index + 1)[0]);
  });
  return found;
}

/** The values of an object literal `const name = { key: 'value', … }` (a table of reasons or of words). */
function tableValues(tokens: Token[], name: string): Literal[] {
  const body = bodyOf(tokens, name);
  return body.filter(
    (token, index): token is Literal => token.kind === 'literal' && isPunct(body[index - 1], ':'),
  );
}

/** Literals of the initializer of `const name = …;`. */
function initializerLiterals(tokens: Token[], name: string): Literal[] {
  const found: Literal[] = [];
  tokens.forEach((token, index) => {
    if (
      wordAt(tokens, index - 1, /^const$/) &&
      token.kind === 'word' &&
      token.text === name &&
      isPunct(tokens[index + 1], '=')
    )
      found.push(...expressionLiterals(tokens, index + 2)[0]);
  });
  return found;
}

const plain = (literal: Literal) => literal.quasis.join('${}');
const texts = (literals: Literal[]) => literals.map((literal) => literal.quasis[0]);

// ——— The sources that emit reasons ———

const tokensOf = new Map<string, Token[]>();
const tokensFor = (file: string) => {
  if (!tokensOf.has(file)) tokensOf.set(file, tokenize(read(file)));
  return tokensOf.get(file)!;
};

interface Found {
  file: string;
  literal: Literal;
}

const sources: Record<string, (tokens: Token[]) => Literal[]> = {
  // matchHeaders' problems, rowReader's reports, cellIssue's words; readSpreadsheet's messages become the one
  // problem of a SKU, item-code or listing job that cannot read its file.
  'src/server/lib/spreadsheet.ts': (tokens) => [
    ...propertyLiterals(tokens, 'reason'),
    ...callLiterals(tokens, 'report', { from: 1 }),
    ...returnLiterals(tokens, 'cellIssue'),
    ...callLiterals(tokens, 'invalidFile', { only: 0 }),
  ],
  // The quantity helper's words (its returns that are not numbers).
  'src/core/imports/import-cells.ts': (tokens) => returnLiterals(tokens, 'parseQuantity'),
  // A barcode cell's problem (the SKU contract's check, answered by cellIssue).
  'src/core/catalog/barcode.ts': (tokens) => returnLiterals(tokens, 'barcodeProblem'),
  // The cell rules with their own words (zod .regex messages, answered by cellIssue).
  'src/core/accounts/accounts.contract.ts': (tokens) => callLiterals(tokens, 'regex', { from: 1 }),
  'src/core/catalog/catalog.contract.ts': (tokens) => callLiterals(tokens, 'regex', { from: 1 }),
  'src/core/contacts/contacts.contract.ts': (tokens) => callLiterals(tokens, 'regex', { from: 1 }),
  'src/core/stores/stores.contract.ts': (tokens) => callLiterals(tokens, 'regex', { from: 1 }),
  // Fact rows: the local report(field, value, reason), and the SKU reasons by field.
  'src/server/modules/imports/imports.rows.ts': (tokens) => [
    ...callLiterals(tokens, 'report', { from: 1 }),
    ...tableValues(tokens, 'skuReason'),
  ],
  'src/server/modules/imports/imports.mapping.ts': (tokens) => propertyLiterals(tokens, 'reason'),
  // A file that cannot be read is a job's one problem.
  'src/server/modules/imports/imports.reader.ts': (tokens) =>
    constructorLiterals(tokens, 'UnreadableFileError', 0),
  'src/server/modules/imports/csv-records.ts': (tokens) => constructorLiterals(tokens, 'Error', 0),
  // The duplicate-key reason is built in SQL (`'duplicate: the same … as row ' || first_row`): see duplicates below.
  'src/server/modules/imports/imports.runner.ts': () => [],
  // Sheet importers; the catalog's AppError messages become a SKU/item-code/listing job's one problem.
  'src/server/modules/catalog/catalog.import.ts': (tokens) => [
    ...propertyLiterals(tokens, 'reason'),
    ...callLiterals(tokens, 'report', { from: 1 }),
    ...constructorLiterals(tokens, 'AppError', 1),
  ],
  'src/server/modules/stores/stores.import.ts': (tokens) => [
    ...callLiterals(tokens, 'report', { from: 1 }),
    // resolveReps reports `problem ?? name`, a chain of reasons.
    ...initializerLiterals(tokens, 'problem'),
  ],
  'src/server/modules/contacts/contacts.import.ts': (tokens) => callLiterals(tokens, 'report', { from: 1 }),
};

/** Literals found above that are not reasons, and why. */
const notReasons = new Map<string, string>([
  [
    'Send the file as multipart/form-data in a field named "file"',
    'readUpload answers a request without a file (a 400), never an import problem',
  ],
]);

const runnerTokens = () => tokensFor('src/server/modules/imports/imports.runner.ts');

/** Samples for the `${…}` whose values are words of a table; the others get 12 or a word (see samplesOf). */
function wordSamples(): Record<string, string[]> {
  const catalog = tokensFor('src/server/modules/catalog/catalog.import.ts');
  return {
    'duplicateWords[kind]': texts(tableValues(runnerTokens(), 'duplicateWords')),
    // rows.ts: lookUp(map, 'account code') → `required: the ${what}` / `unknown ${what}`
    what: texts(callLiterals(tokensFor('src/server/modules/imports/imports.rows.ts'), 'lookUp', { only: 1 })),
    // catalog: ways of naming a SKU, { key, map, what: 'SKU code' } → `unknown ${way.what}`
    'way.what': texts(propertyLiterals(catalog, 'what')),
    // catalog: readSheet(file, columns, problems, 'SKUs') → `The file has a header row but no ${noun}`
    noun: texts(callLiterals(catalog, 'readSheet', { only: 3 })),
    'issue.expected': ['number', 'string', 'boolean'],
    named: ['storeCode (门店编码)', 'itemCode (商品编码) | barcode (条码) | skuCode (品项编码)'],
  };
}

const numeric = /row|Row|minimum|maximum|length|Count|count|MAX|Number|expected|total/;

/** Every text a literal can become: one sample per word of a table its `${…}` indexes, 12 for numbers, else a word. */
function samplesOf(literal: Literal, words: Record<string, string[]>): string[] {
  let samples = [literal.quasis[0]];
  literal.expressions.forEach((expression, index) => {
    const options = words[expression] ?? [numeric.test(expression) ? '12' : 'word'];
    if (options.length === 0) throw new Error(`no samples found for \${${expression}}`);
    samples = samples.flatMap((sample) =>
      options.map((option) => sample + option + literal.quasis[index + 1]),
    );
  });
  return samples;
}

function emittedReasons(): { file: string; template: string; sample: string }[] {
  const found: Found[] = [];
  for (const [file, extract] of Object.entries(sources))
    for (const literal of extract(tokensFor(file))) found.push({ file, literal });
  const words = wordSamples();
  const reasons = found
    .filter(({ literal }) => plain(literal) !== '' && !notReasons.has(plain(literal)))
    .flatMap(({ file, literal }) =>
      samplesOf(literal, words).map((sample) => ({ file, template: plain(literal), sample })),
    );
  // The duplicate-key reason, written by SQL with the first row's number appended.
  const runner = runnerTokens();
  const duplicate = runner
    .flatMap((token) => (token.kind === 'literal' ? [token, ...nestedLiterals(token)] : []))
    .find((literal) => literal.quasis[0].startsWith('duplicate: '));
  if (!duplicate) throw new Error('the duplicate-key reason is no longer in imports.runner.ts');
  for (const sample of samplesOf(duplicate, words))
    reasons.push({
      file: 'src/server/modules/imports/imports.runner.ts',
      template: plain(duplicate),
      sample: `${sample}11`,
    });
  // Thrown outside the files above, recorded by a sheet job as its one problem: forbidden()'s default message.
  reasons.push({
    file: 'src/server/http/app-error.ts',
    template: 'You may not do this',
    sample: 'You may not do this',
  });
  return reasons;
}

/** Literals inside a template's `${…}` (the runner's SQL holds the duplicate reason in one). */
function nestedLiterals(literal: Literal): Literal[] {
  return literal.expressions.flatMap((expression) =>
    tokenize(expression).flatMap((token) =>
      token.kind === 'literal' ? [token, ...nestedLiterals(token)] : [],
    ),
  );
}

const cjk = /[\u3400-\u9fff\uf900-\ufaff]/;

describe('problem reasons', () => {
  const reasons = emittedReasons();

  it('finds the reasons the importers emit', () => {
    const samples = reasons.map((reason) => reason.sample);
    // Guards the extraction itself: a tokenizer that finds nothing would pass everything.
    expect(reasons.length).toBeGreaterThan(90);
    expect(samples).toEqual(
      expect.arrayContaining([
        'required',
        'must be a number',
        'must not be negative',
        'the same SKU code as row 12',
        "unknown store code: not one of this account's stores",
        'unknown value; use one of word',
        'required column is missing (header "word" or "word")',
        'must be at least 12',
        'not a valid date; write it as 2026-05-01',
        'duplicate: the same store, SKU and date as row 11',
        'unknown item code for this account',
        'required: the rep (username)',
        'The file has a header row but no listings',
        'word is not active',
        'wrong check digit: expected 12, found word',
        'letters, digits, - and _ only',
        'a quoted cell never ends (a " without its closing ")',
      ]),
    );
    expect(samples).not.toContain('date');
    expect(samples).not.toContain('orgUnitCode');
  });

  it('has a Chinese translation for every one of them', () => {
    const untranslated = reasons.filter(({ sample }) => {
      const zh = localizeReason(sample, 'zh-CN');
      return zh === sample || !cjk.test(zh);
    });
    expect(untranslated.map(({ file, template }) => `${file}: ${template}`)).toEqual([]);
  });

  it('leaves each one English for English readers', () => {
    for (const { sample } of reasons) expect(localizeReason(sample, 'en')).toBe(sample);
  });
});
