import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/**
 * Display helpers shared by the staff pages. Dates show in the browser's zone, written the way the
 * user's language writes them (id-ID: "3 Jun 14.05", en-GB: "3 Jun, 14:05"); pass `useT().locale`.
 */
export function formatDateTime(iso: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(INTL_LOCALE[locale], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

export function formatDate(iso: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleDateString(INTL_LOCALE[locale], { day: "numeric", month: "short", year: "numeric" });
}

export function formatTime(iso: string, locale: Locale = DEFAULT_LOCALE): string {
  return new Date(iso).toLocaleTimeString(INTL_LOCALE[locale], { hour: "2-digit", minute: "2-digit" });
}

/** A calendar date without a time ("1980-05-02", a birthday or a schedule's start), on no time zone. */
export function formatDay(ymd: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (!ymd) return "—";
  const date = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return date.toLocaleDateString(INTL_LOCALE[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** A rate from 0 to 1 as "87%", or "—" when nothing was sent. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`;
}

export const humanize = (code: string) => code.replaceAll("_", " ");

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
