/** The languages of the staff interface. A staff user's choice is stored on `staff_users.locale`. */
export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Indonesian: the language of most clinics CareLoop serves, and the column's default. */
export const DEFAULT_LOCALE: Locale = "id";

export const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** Each language's name in that language, for language pickers and a patient's language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { id: "Bahasa Indonesia", en: "English" };

/** The BCP 47 tag dates and numbers are formatted with. */
export const INTL_LOCALE: Record<Locale, string> = { id: "id-ID", en: "en-GB" };

/**
 * The best of our locales for an `Accept-Language` header (for pages shown before sign-in):
 * the first language of the header we speak, else the default.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  // "in" is the old ISO 639 code for Indonesian, still sent by some Android versions
  const match = ranked.map((entry) => (entry.language === "in" ? "id" : entry.language)).find(isLocale);
  return match ?? DEFAULT_LOCALE;
}
