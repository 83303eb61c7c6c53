"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { type Translate, translator } from "@/lib/i18n/translate";
import { api } from "./api";

/**
 * The staff interface's language on the client. The root layout provides the signed-in user's
 * locale (read from the session on the server, so the first paint is already in it); `useStaff`
 * adopts the locale `/api/me` reports; the header's switch saves a new choice on the user.
 */
type I18n = {
  locale: Locale;
  t: Translate;
  /** The user's choice: shown at once, then saved through `PATCH /api/me` (reverted if that fails). */
  chooseLocale: (next: Locale) => Promise<void>;
  /** The locale the server says the user has (no save); ignored while a choice is being saved. */
  adoptLocale: (locale: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const saving = useRef(0);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const adoptLocale = useCallback((next: Locale) => {
    if (saving.current === 0) setLocale(next);
  }, []);

  // the layout renders again after sign-in (router.refresh), now knowing the user
  useEffect(() => adoptLocale(initialLocale), [initialLocale, adoptLocale]);

  const chooseLocale = useCallback(
    async (next: Locale) => {
      const before = locale;
      setLocale(next);
      saving.current++;
      try {
        await api("/api/me", { method: "PATCH", body: { locale: next } });
      } catch {
        setLocale(before);
        toast.error(translator(before)("header.languageSaveFailed"));
      } finally {
        saving.current--;
      }
    },
    [locale],
  );

  const value = useMemo(() => ({ locale, t: translator(locale), chooseLocale, adoptLocale }), [locale, chooseLocale, adoptLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const fallback: I18n = {
  locale: DEFAULT_LOCALE,
  t: translator(DEFAULT_LOCALE),
  chooseLocale: async () => undefined,
  adoptLocale: () => undefined,
};

/** `const { t, locale } = useT()`: `t("nav.today")`, and `locale` for format.ts's dates. */
export function useT(): { t: Translate; locale: Locale } {
  const { t, locale } = useContext(I18nContext) ?? fallback;
  return { t, locale };
}

/** The whole context, for the language switch and `useStaff`. */
export function useI18n(): I18n {
  return useContext(I18nContext) ?? fallback;
}
