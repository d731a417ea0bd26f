import type { ErrorCode } from '../../core/common/errors';

/** An error answered by the API, with its closed code and, for validation, the field paths. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';
/** The session's CSRF token, sent on every unsafe request (set at sign-in and by /api/auth/me). */
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

type Query = Record<string, string | number | boolean | undefined | null | (string | number)[]>;

/** `?a=1&b=x,y` from an object, leaving out empty values. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request(
  method: string,
  path: string,
  init: { body?: BodyInit; json?: unknown; query?: Query } = {},
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(init.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'Network error: the server did not answer');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as {
      error?: { code: ErrorCode; message: string; details?: unknown };
    } | null;
    if (payload?.error)
      throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.details);
    throw new ApiError(
      response.status,
      response.status >= 500 ? 'internal' : 'validation_failed',
      `HTTP ${response.status}`,
    );
  }
  return response;
}

export const api = {
  async get<T>(path: string, query?: Query): Promise<T> {
    return (await request('GET', path, { query })).json() as Promise<T>;
  },
  async post<T>(path: string, json?: unknown, query?: Query): Promise<T> {
    const response = await request('POST', path, { json: json ?? {}, query });
    return (response.status === 204 ? null : await response.json()) as T;
  },
  async put<T>(path: string, json: unknown): Promise<T> {
    return (await request('PUT', path, { json })).json() as Promise<T>;
  },
  async patch<T>(path: string, json: unknown): Promise<T> {
    return (await request('PATCH', path, { json })).json() as Promise<T>;
  },
  async delete(path: string): Promise<void> {
    await request('DELETE', path);
  },
  /**
   * Sends one file as multipart/form-data field `file`, after any plain `fields` (the server reads the
   * fields first, so they must precede the file in the stream).
   */
  async upload<T>(
    path: string,
    file: File | Blob,
    fileName: string,
    query?: Query,
    fields?: Record<string, string | undefined>,
  ): Promise<T> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields ?? {}))
      if (value !== undefined) form.append(name, value);
    form.append('file', file, fileName);
    return (await request('POST', path, { body: form, query })).json() as Promise<T>;
  },
  /** Downloads a file answered by the API (an export, a template) under the server's file name. */
  async download(path: string, query?: Query): Promise<void> {
    const response = await request('GET', path, { query });
    const disposition = response.headers.get('content-disposition') ?? '';
    const match =
      /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
    const fileName = match ? decodeURIComponent(match[1]) : path.split('/').pop()!;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};
