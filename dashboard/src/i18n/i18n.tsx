import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGS, MESSAGES, type Lang, type Messages } from './messages';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Messages;
  /** A name in the chosen language, falling back kk -> ru -> en as the API does. */
  name(names: { kk?: string | null; ru?: string | null; en?: string | null }): string;
}

const STORAGE_KEY = 'rz-dashboard-lang';

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGS.includes(stored as Lang)) return stored as Lang;
  const browser = navigator.language.slice(0, 2);
  return LANGS.includes(browser as Lang) ? (browser as Lang) : 'en';
}

const Context = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: MESSAGES[lang],
      name: (names) => names[lang] ?? names.kk ?? names.ru ?? names.en ?? '',
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The API's Lang enum for a UI language. */
export const apiLang = (lang: Lang) => lang.toUpperCase() as 'KK' | 'RU' | 'EN';
