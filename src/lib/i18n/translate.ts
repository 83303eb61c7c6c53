import { en, type MessageKey } from "./messages/en";
import { id } from "./messages/id";
import { INTL_LOCALE, type Locale } from "./locales";

/**
 * A dictionary per language with typed keys: English (messages/en.ts) defines the keys and their
 * placeholders; every other language must have exactly the same keys (a missing or extra one is a
 * type error there). `{name}` in a message is a placeholder; `t` requires exactly the placeholders
 * the English message has.
 */
export type { MessageKey } from "./messages/en";

export const MESSAGES = { en, id } satisfies Record<Locale, Record<MessageKey, string>>;

/** The placeholder names of a message: "Page {n} of {total}" -> "n" | "total". */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;
export type MessageParams<K extends MessageKey> = PlaceholdersOf<(typeof en)[K]>;
export type Params = Record<string, string | number>;

/** `t("nav.today")`, `t("pager.page", { n: 2 })`: params exactly when the message has placeholders. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [MessageParams<K>] extends [never] ? [] : [params: Record<MessageParams<K>, string | number>]
) => string;

/** Fills `{name}` placeholders; numbers are written the locale's way (1.234 / 1,234). */
export function interpolate(message: string, params: Params | undefined, locale: Locale): string {
  if (!params) return message;
  const numbers = new Intl.NumberFormat(INTL_LOCALE[locale]);
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

const translators = new Map<Locale, Translate>();

/** The `t` of a locale; the same function every time, so it is safe in React dependencies. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const messages: Record<MessageKey, string> = MESSAGES[locale];
    t = ((key: MessageKey, params?: Params) => interpolate(messages[key] ?? en[key] ?? key, params, locale)) as Translate;
    translators.set(locale, t);
  }
  return t;
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The label of a code the API sends, from the keys `prefix.code` (`codeLabel(t, "outcome", "self_care")`);
 * a code the dictionary does not know yet shows readable ("new_code" -> "new code") rather than not at all.
 */
export function codeLabel(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? (t as (key: MessageKey) => string)(key) : code.replaceAll("_", " ");
}

/** The placeholders of a message, for checking that a translation keeps them. */
export const placeholdersOf = (message: string): string[] => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
