/** i18next with the two languages bundled (no network): Vietnamese by default, English on request. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';
const KEY = 'tonghop.lang';

export function savedLanguage(): Language {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function initI18n(): typeof i18n {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
