/**
 * Masks what must never leave for Claude from free text: phone numbers, e-mail addresses and any
 * caller-supplied terms (a patient's known name). Phone numbers are digit runs of 9 or more
 * digits, allowing +, spaces, dots, dashes and brackets between them: Indonesian mobiles
 * (0812-3456-7890, +62 812 3456 7890) and landlines with area code qualify, while doses, times,
 * dates and blood pressures (500 mg, 08.00, 12-05-2026, 140/90) stay readable.
 */

const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{7,}\d/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const MIN_PHONE_DIGITS = 9;

export function redactIdentifiers(text: string, terms: readonly string[] = []): string {
  let out = text.replace(EMAIL, "[email]");
  out = out.replace(PHONE_CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    if (digits < MIN_PHONE_DIGITS) return match;
    // Keep the whitespace the match swallowed at its edges so words do not run together.
    const lead = /^\s*/.exec(match)?.[0] ?? "";
    const trail = /\s*$/.exec(match)?.[0] ?? "";
    return `${lead}[phone]${trail}`;
  });
  for (const term of terms) {
    const trimmed = term.trim();
    if (trimmed.length < 2) continue;
    out = out.replace(new RegExp(`\\b${escapeRegExp(trimmed)}\\b`, "gi"), "[name]");
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
