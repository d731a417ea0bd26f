import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** One sentence for any error, in the user's language, with the server's explanation when it has one. */
export function describeError(error: unknown, t: TFunction): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const title = t(`common:errors.${error.code}`);
    const fields = Array.isArray(error.details)
      ? (error.details as { path?: string; message?: string }[])
          .filter((item) => item.path)
          .map((item) => `${item.path!.replace(/^(body|querystring|params)\./, '')}: ${item.message}`)
      : [];
    const detail = [error.message, ...fields].filter(Boolean).join('；');
    return { title, detail: detail || undefined };
  }
  return {
    title: t('common:errors.internal'),
    detail: error instanceof Error ? error.message : String(error),
  };
}
