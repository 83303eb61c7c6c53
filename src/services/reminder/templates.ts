/**
 * Reminder message templates. Messages are WhatsApp plain text read on cheap phones: short,
 * warm, no markup, and each asks for a one-word reply the classifier understands
 * (SUDAH / BELUM, DONE / NOT YET). Patients may reply by quoting the message.
 */

export const TEMPLATE_LANGUAGES = ["id", "en"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const TEMPLATE_KEYS = ["medication", "appointment", "general", "nudge", "not_taken_follow_up"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const TEMPLATE_VARIABLES = ["name", "medicine", "dose", "time", "place", "date"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Partial<Record<TemplateVariable, string | null | undefined>>;

/** WhatsApp allows far more, but a reminder longer than this is a mistake, not a message. */
export const MAX_MESSAGE_LENGTH = 1000;

export const DEFAULT_TEMPLATES: Record<TemplateLanguage, Record<TemplateKey, string>> = {
  id: {
    medication:
      "Halo {name}, sudah waktunya minum obat {medicine} {dose} (jam {time}).\n" +
      "Balas SUDAH jika sudah diminum, atau BELUM jika belum.",
    appointment:
      "Halo {name}, jangan lupa jadwal kontrol Anda di {place} pada {date} jam {time}.\n" +
      "Balas SUDAH jika bisa datang, atau BELUM jika berhalangan.",
    general: "Halo {name}, ini pengingat dari tim kesehatan Anda.\nBalas SUDAH atau BELUM.",
    nudge:
      "Halo {name}, belum ada balasan untuk pengingat jam {time}.\n" +
      "Sudah? Balas SUDAH atau BELUM. Terima kasih.",
    not_taken_follow_up:
      "Halo {name}, tidak apa-apa. Jika bisa, minum {medicine} sekarang ya.\n" +
      "Balas SUDAH setelah diminum. Jika ada kendala, balas pesan ini.",
  },
  en: {
    medication:
      "Hello {name}, it is time for your {medicine} {dose} ({time}).\n" +
      "Reply DONE once you have taken it, or NOT YET if not.",
    appointment:
      "Hello {name}, a reminder of your appointment at {place} on {date} at {time}.\n" +
      "Reply DONE if you can come, or NOT YET if you cannot.",
    general: "Hello {name}, this is a reminder from your care team.\nReply DONE or NOT YET.",
    nudge: "Hello {name}, we have not heard back about the {time} reminder.\nReply DONE or NOT YET. Thank you.",
    not_taken_follow_up:
      "Hello {name}, that is all right. If you can, please take your {medicine} now.\n" +
      "Reply DONE once taken. If something is in the way, just reply to this message.",
  },
};

const PLACEHOLDER = /\{([^{}\s]*)\}/g;
const isKnownVariable = (name: string): name is TemplateVariable =>
  (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** Names inside braces that are not template variables, in order of first use. Empty means valid. */
export function validateTemplate(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!isKnownVariable(name)) unknown.add(name);
  }
  return [...unknown];
}

/**
 * Fills the variables; a variable without a value becomes empty and the gap it leaves is
 * closed. Nothing is escaped (WhatsApp shows plain text). Unknown placeholders stay as they
 * are: `validateTemplate` rejects them when a template is saved.
 */
export function renderTemplate(template: string, vars: TemplateVars): string {
  const filled = template.replace(PLACEHOLDER, (whole, name: string) =>
    isKnownVariable(name) ? (vars[name] ?? "").trim() : whole,
  );
  const tidy = filled
    .split("\n")
    .map((line) => line.replace(/[ \t]{2,}/g, " ").trim())
    .join("\n")
    .trim();
  return capLength(tidy, MAX_MESSAGE_LENGTH);
}

/** Counts code points, so an emoji is never cut in half. */
function capLength(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("").trimEnd();
}

export function findDefaultTemplate(language: TemplateLanguage, key: TemplateKey): string {
  return DEFAULT_TEMPLATES[language][key];
}
