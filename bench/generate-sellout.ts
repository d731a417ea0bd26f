import fs from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

/**
 * A chain's daily sell-out export, as big as the benchmark needs: one row per store × SKU × day, in the order
 * chains export (day, then store, then item), headers in Chinese. Deterministic for a seed, so runs compare.
 */
export interface SellOutFileOptions {
  /** Where to write the CSV. */
  path: string;
  rows: number;
  storeCodes: readonly string[];
  /** The account's item codes (商品编码) of the SKUs to sell. */
  itemCodes: readonly string[];
  /** First day, YYYY-MM-DD. */
  from: string;
  seed?: number;
}

export interface SellOutFile {
  rows: number;
  bytes: number;
  dateFrom: string;
  dateTo: string;
}

export const SELL_OUT_HEADERS = ['门店编码', '商品编码', '销售日期', '销量', '销售额'] as const;

export async function generateSellOutCsv(options: SellOutFileOptions): Promise<SellOutFile> {
  const { storeCodes, itemCodes } = options;
  if (storeCodes.length === 0 || itemCodes.length === 0)
    throw new Error('stores and item codes are required');
  let state = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    // xorshift32: fast and deterministic; quality is plenty for figures.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  // A price per item in fen, so amounts look like real till totals.
  const prices = itemCodes.map(() => 290 + Math.floor(random() * 3000));
  const out = fs.createWriteStream(options.path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${SELL_OUT_HEADERS.join(',')}\n`);
  const perDay = storeCodes.length * itemCodes.length;
  const start = Date.parse(`${options.from}T00:00:00Z`);
  let lastDate = options.from;
  let buffer = '';
  for (let row = 0; row < options.rows; row++) {
    const day = Math.floor(row / perDay);
    const withinDay = row % perDay;
    const store = storeCodes[Math.floor(withinDay / itemCodes.length)];
    const item = withinDay % itemCodes.length;
    if (withinDay === 0) lastDate = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const units = Math.floor(random() * random() * 40);
    const fen = units * prices[item];
    buffer += `${store},${itemCodes[item]},${lastDate},${units},${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}\n`;
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  out.end();
  await once(out, 'finish');
  return { rows: options.rows, bytes, dateFrom: options.from, dateTo: lastDate };
}

// `npx tsx bench/generate-sellout.ts OUT.csv ROWS STORES ITEMS FROM` writes a file with generated codes S0001…, I001….
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, rows = '1000000', stores = '2000', items = '40', from = '2025-01-01'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: generate-sellout.ts OUT.csv [ROWS] [STORES] [ITEMS] [FROM]');
    process.exit(2);
  }
  const storeCodes = Array.from({ length: Number(stores) }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
  const itemCodes = Array.from({ length: Number(items) }, (_, i) => `I${String(i + 1).padStart(3, '0')}`);
  const result = await generateSellOutCsv({ path: file, rows: Number(rows), storeCodes, itemCodes, from });
  console.log(JSON.stringify(result));
}
