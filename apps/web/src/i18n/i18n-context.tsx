import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import type { MessageKey } from "./en.ts";
import { isLanguage, type Language, pickLanguage, textOf } from "./languages.ts";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n | undefined>(undefined);

const storageKey = "booking.language";

// An explicit choice in the switcher wins over the browser's setting, also on later visits.
function initialLanguage(): Language {
  const stored = readStoredLanguage();
  return (
    stored ??
    pickLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language])
  );
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (private modes, policies); the browser's language then decides.
    return undefined;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    // Screen readers pick their voice and browsers their hyphenation from `lang`.
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered across visits, but the switch still works now.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    return { language, setLanguage, t: (key, values) => textOf(language, key, values) };
  }, [language, setLanguage]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
