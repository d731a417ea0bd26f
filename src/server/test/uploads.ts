/** A CSV as Excel writes it: CRLF, cells quoted when they hold a comma, quote or line break. */
export function toCsv(rows: (string | number)[][]): string {
  const quote = (cell: string | number) =>
    /[",\r\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** A multipart/form-data body with one file, built by hand (what a browser's FormData sends), for app.inject. */
export function upload(
  fileName: string,
  content: Buffer | string,
  headers: Record<string, string>,
  field = 'file',
) {
  const boundary = `----endcap${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    payload: body,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
