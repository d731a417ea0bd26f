import type { Locale } from '../../core/auth/auth.contract';

/**
 * Money is kept in fen (分, integers) everywhere; these turn it into text once, at the edge.
 * ¥1,234.50 for amounts, and 万 for the big figures Chinese users read that way (12.3万).
 */
export function formatYuan(fen: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (fen == null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'symbol',
  }).format(fen / 100);
}

export function formatWan(fen: number | null | undefined, locale: Locale = 'zh-CN'): string {
  if (fen == null) return '—';
  const yuan = fen / 100;
  if (locale === 'en')
    return `¥${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(yuan)}`;
  if (Math.abs(yuan) >= 100_000_000) return `¥${(yuan / 100_000_000).toFixed(2)}亿`;
  if (Math.abs(yuan) >= 10_000) return `¥${(yuan / 10_000).toFixed(1)}万`;
  return `¥${yuan.toFixed(0)}`;
}

export const formatNumber = (value: number | null | undefined, locale: Locale = 'zh-CN') =>
  value == null ? '—' : new Intl.NumberFormat(locale).format(value);

/** m² with thousands separators. */
export const formatArea = (value: number | null | undefined, locale: Locale = 'zh-CN') =>
  value == null ? '—' : `${new Intl.NumberFormat(locale).format(value)} m²`;

/** A calendar date (YYYY-MM-DD) is shown as it is: no time zone may move it. */
export const formatDate = (value: string | null | undefined) => value ?? '—';

/** An instant (ISO timestamp) in the browser's local time. */
export function formatDateTime(value: string | null | undefined, locale: Locale = 'zh-CN'): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
