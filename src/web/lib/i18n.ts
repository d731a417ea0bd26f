import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../core/auth/auth.contract';

export type Dictionary = { [key: string]: string | Dictionary };
/** Each feature ships its own dictionary under its own namespace: `{ 'zh-CN': {...}, en: {...} }`. */
export type FeatureDictionary = Record<Locale, Dictionary>;

const LOCALE_KEY = 'endcap.locale';

export const storedLocale = (): Locale => (localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN');

/** Chinese first: zh-CN unless the user chose English (saved on their profile and in this browser). */
export function initI18n(namespaces: Record<string, FeatureDictionary>) {
  const resources: Record<Locale, Record<string, Dictionary>> = { 'zh-CN': {}, en: {} };
  for (const [namespace, dictionary] of Object.entries(namespaces)) {
    resources['zh-CN'][namespace] = dictionary['zh-CN'];
    resources.en[namespace] = dictionary.en;
  }
  void i18n.use(initReactI18next).init({
    resources,
    lng: storedLocale(),
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return i18n;
}

export function setLocale(locale: Locale) {
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
  return i18n.changeLanguage(locale);
}

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'zh-CN');
