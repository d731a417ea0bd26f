import { Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Locale } from '../../core/auth/auth.contract';
import { formatNumber, formatWan, formatYuan } from '../lib/format';
import { currentLocale } from '../lib/i18n';

/** Measures held in fen (amounts and prices) and those that are ratios (0–1); everything else is a count. */
const moneyMeasures = new Set(['amount', 'target', 'avgPrice']);
const ratioMeasures = new Set(['weekendShare', 'achievement']);

export const isRatioMeasure = (measure: string) => ratioMeasures.has(measure);
export const isMoneyMeasure = (measure: string) => moneyMeasures.has(measure);

/** A ratio as a percentage with one decimal: 0.1234 → "12.3%". */
export const formatPercent = (ratio: number | null | undefined) =>
  ratio == null || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(1)}%`;

/** A relative change with its sign: 0.12 → "+12.0%", −0.05 → "-5.0%". */
export function formatChange(change: number | null | undefined): string {
  if (change == null || !Number.isFinite(change)) return '—';
  return `${change > 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
}

/** The relative change from `previous` to `current`; none when there is nothing to compare with. */
export function changeOf(current: number | null | undefined, previous: number | null | undefined) {
  if (current == null || previous == null || previous === 0) return null;
  return (current - previous) / previous;
}

/**
 * One sales measure as text: amounts in yuan (in 万 when `compact`, as dashboards show them), the average
 * price always exact, ratios in %, units with thousands separators.
 */
export function formatMeasure(
  measure: string,
  value: number | null | undefined,
  { compact = false, locale = currentLocale() }: { compact?: boolean; locale?: Locale } = {},
): string {
  if (value == null) return '—';
  if (ratioMeasures.has(measure)) return formatPercent(value);
  if (moneyMeasures.has(measure))
    return compact && measure !== 'avgPrice' ? formatWan(value, locale) : formatYuan(value, locale);
  return formatNumber(Math.round(value * 10) / 10, locale);
}

export function MeasureValue({
  measure,
  value,
  compact,
  'data-testid': testId,
}: {
  measure: string;
  value: number | null | undefined;
  compact?: boolean;
  'data-testid'?: string;
}) {
  return <span data-testid={testId}>{formatMeasure(measure, value, { compact })}</span>;
}

/** A change against the comparison period: an arrow and a colour besides the sign, so it reads at a glance. */
export function ChangeValue({
  value,
  'data-testid': testId,
  style,
}: {
  value: number | null | undefined;
  'data-testid'?: string;
  style?: React.CSSProperties;
}) {
  const known = value != null && Number.isFinite(value);
  return (
    <Typography.Text
      type={!known || value === 0 ? 'secondary' : value > 0 ? 'success' : 'danger'}
      style={{ whiteSpace: 'nowrap', ...style }}
    >
      {known && value > 0 && <ArrowUpOutlined style={{ marginInlineEnd: 2 }} />}
      {known && value < 0 && <ArrowDownOutlined style={{ marginInlineEnd: 2 }} />}
      <span data-testid={testId}>{formatChange(value)}</span>
    </Typography.Text>
  );
}
