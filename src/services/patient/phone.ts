import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * A number as staff type it, read in the organisation's country: `0812-3456-7890` in Indonesia
 * becomes `+6281234567890`; numbers written with their country code keep it.
 */
export function normalisePhone(input: string, country: string): PhoneResult {
  const parsed = parsePhoneNumberFromString(input.trim(), country.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return { ok: false, reason: `is not a valid phone number for ${country.toUpperCase()} (include the country code for other countries)` };
  }
  return { ok: true, e164: parsed.number };
}

/**
 * The digits to look for when staff search by (part of) a number: a leading trunk 0 is dropped
 * so `0812 34` finds `+6281234...`.
 */
export function phoneSearchDigits(query: string): string | null {
  if (!/^[+\d\s().-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, "");
  const withoutTrunk = digits.startsWith("0") ? digits.slice(1) : digits;
  return withoutTrunk.length >= 3 ? withoutTrunk : null;
}
