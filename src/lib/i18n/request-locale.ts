import { headers } from "next/headers";
import { authenticateStaff } from "../http";
import { getRuntime } from "../runtime";
import { type Locale, localeFromAcceptLanguage } from "./locales";

/**
 * The language of a server-rendered page: the signed-in staff user's choice, else (signed out,
 * or the session cannot be read) the browser's `Accept-Language`, else Indonesian.
 */
export async function requestLocale(): Promise<Locale> {
  const h = await headers();
  try {
    const rt = await getRuntime();
    const staff = await authenticateStaff(new Request("http://page.local/", { headers: { cookie: h.get("cookie") ?? "" } }), rt);
    return staff.locale;
  } catch {
    // no session (or no database): a page before sign-in still speaks the browser's language
    return localeFromAcceptLanguage(h.get("accept-language"));
  }
}
