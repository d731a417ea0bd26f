import { ApiError } from './api';

/**
 * The fields a failed save names, for antd's `form.setFields`: validation details carry
 * `{ path: 'body.phone', message }`, a uniqueness conflict `{ field: 'code' }`.
 */
export function fieldErrorsOf(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  if (Array.isArray(error.details)) {
    const byField = new Map<string, string[]>();
    for (const item of error.details as { path?: unknown; message?: unknown }[]) {
      if (typeof item?.path !== 'string') continue;
      const field = item.path.replace(/^(body|querystring|params)\./, '').split('.')[0];
      if (!field) continue;
      byField.set(field, [...(byField.get(field) ?? []), String(item.message ?? error.message)]);
    }
    return [...byField].map(([name, errors]) => ({ name, errors }));
  }
  const field = (error.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? [{ name: field, errors: [error.message] }] : [];
}
