import { useTranslation } from 'react-i18next';
import { labelOf, optionsOf, type EnumKind, type EnumValue } from '../../core/common/enum-labels';
import type { Locale } from '../../core/auth/auth.contract';

/** Labels of enum values (formats, tiers, roles…) in the current language; re-renders on a language switch. */
export function useEnumLabel() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return <K extends EnumKind>(kind: K, value: EnumValue<K> | string | null | undefined) =>
    value == null ? '—' : labelOf(kind, value, locale);
}

/** `{ value, label }` options of an enum for a Select, in the current language. */
export function useEnumOptions<K extends EnumKind>(kind: K) {
  const { i18n } = useTranslation();
  return optionsOf(kind, i18n.language === 'en' ? 'en' : 'zh-CN');
}
