import { normaliseText } from "./normalise-text";
import type { Lang } from "./protocol";
import { PROTOCOLS } from "./protocols";
import { CONDITIONS, type Condition } from "./triage.schemas";

/**
 * Guesses which Pharmacy First condition a free-text symptom report is about. A guess only
 * starts the questions; the patient is always asked to confirm. When two conditions score the
 * same, there is no guess and the dialog shows the menu instead.
 */

/** Up to two words between a body part and its complaint, but never across "and"/"or"/"but". */
const GAP = "( (?!dan\\b|and\\b|atau\\b|or\\b|tapi\\b|but\\b|juga\\b)\\w+){0,2}";

// Patterns run on normalised text (lowercase, hyphens as spaces). Weight 2: specific to the
// condition; weight 1: suggestive only.
const PEE = "(kencing|pipis|kemih|bak|buang air kecil|pee|peeing|urinat\\w*|wee)";
const PATTERNS: Readonly<Record<Condition, ReadonlyArray<[RegExp, number]>>> = {
  uti: [
    [/\banyang( anyangan)?\b/, 2],
    [new RegExp(`\\b(sakit|perih|nyeri|panas|pedih|burn\\w*|pain\\w*|hurts?|sting\\w*)\\b(\\s\\w+){0,3}\\s${PEE}\\b`), 2],
    [new RegExp(`\\b${PEE}(\\s\\w+){0,2}\\s(sakit|perih|nyeri|panas|burns?|hurts?)\\b`), 2],
    [/\b(infeksi saluran kemih|isk|uti|urinary tract infection|cystitis|sistitis|bladder infection)\b/, 2],
    [new RegExp(`\\b(sering|terus|frequent\\w*)\\s${PEE}\\b`), 1],
  ],
  sore_throat: [
    [/\b(sakit|nyeri|radang|perih) (di )?tenggorok\w*\b/, 2],
    [new RegExp(`\\btenggorok\\w*${GAP} (sakit|nyeri|perih|gatal|radang|meradang)\\b`), 2],
    [new RegExp(`\\bthroat${GAP} (hurts?|is sore|sore|pain\\w*|burns?)\\b`), 2],
    [/\b(sore|strep|scratchy|painful) throat\b/, 2],
    [/\b(amandel|tonsil\w*|radang amandel)\b/, 2],
    [/\b(sakit|susah|nyeri) (saat |waktu |kalau )?menelan\b/, 1],
    [/\b(painful|hurts? to) swallow\w*\b/, 1],
  ],
  otitis_media: [
    [/\b(sakit|nyeri|infeksi|radang) (di )?(telinga|kuping)\b/, 2],
    [new RegExp(`\\b(telinga|kuping)${GAP} (sakit|nyeri|bernanah|berair|keluar cairan)\\b`), 2],
    [new RegExp(`\\bears?${GAP} (hurts?|pain\\w*|aches?|discharg\\w*)\\b`), 2],
    [/\b(ear ?ache|ear pain|ear infection|otitis|pain in (my|the|his|her) ear)\b/, 2],
    [/\bcongek\b/, 2],
  ],
  sinusitis: [
    [/\b(sinusitis|sinus)\b/, 2],
    [/\bhidung (tersumbat|mampet|buntu)\b/, 1],
    [/\b(sakit|nyeri) (di )?(wajah|muka|pipi|dahi)\b/, 1],
    [/\b(wajah|muka) (sakit|nyeri|terasa penuh)\b/, 1],
    [/\b(blocked|stuffy|congested) nose\b|\bnasal congestion\b/, 1],
    [/\b(facial|face) (pain|pressure)\b/, 1],
  ],
  shingles: [
    [/\b(cacar ular|cacar api|dompo|herpes zoster|zoster|shingles)\b/, 2],
    [/\b(ruam|lenting|lepuh|melepuh|bintil|rash|blisters?)\b.*\b(satu sisi|sebelah|one side)\b/, 2],
    [/\b(satu sisi|sebelah|one side)\b.*\b(ruam|lenting|lepuh|melepuh|bintil|rash|blisters?)\b/, 2],
  ],
  impetigo: [
    [/\bimpetigo\b/, 2],
    [/\b(koreng|keropeng|kerak|borok|luka)( \w+)? (kuning|berkerak kuning|kuning keemasan)\b/, 2],
    [/\b(golden|yellow|honey) (colou?red )?crusts?\b|\bschool sores\b/, 2],
    [/\b(crusty|crusted) sores?\b/, 1],
  ],
  insect_bite: [
    [/\b(digigit|gigitan|gigit) (serangga|nyamuk|semut|lebah|tawon|kutu|laba laba|tomcat)\b/, 2],
    [/\b(sengatan|disengat|tersengat|sengat)\b/, 2],
    [/\b(insect|bug|mosquito|spider|ant|bee|wasp|tick) (bite|bites|sting|stings)\b/, 2],
    [/\b(stung|bitten by)\b/, 2],
    [/\b(digigit|gigitan)\b/, 1],
  ],
};

export function pickCondition(text: string): Condition | null {
  const normal = normaliseText(text);
  if (normal === "") return null;
  let best: Condition | null = null;
  let bestScore = 0;
  let tied = false;
  for (const condition of CONDITIONS) {
    const score = PATTERNS[condition].reduce((sum, [pattern, weight]) => sum + (pattern.test(normal) ? weight : 0), 0);
    if (score > bestScore) {
      best = condition;
      bestScore = score;
      tied = false;
    } else if (score === bestScore && score > 0) {
      tied = true;
    }
  }
  return tied ? null : best;
}

const MENU_INTRO: Readonly<Record<Lang, string>> = {
  id: "Keluhan mana yang paling sesuai? Balas dengan nomornya:",
  en: "Which fits best? Reply with the number:",
};

/** A short numbered list for WhatsApp, in the order `parseConditionChoice` reads numbers. */
export function conditionMenu(lang: Lang): string {
  const lines = CONDITIONS.map((condition, i) => `${i + 1}. ${PROTOCOLS[condition].label[lang]}`);
  return [MENU_INTRO[lang], ...lines].join("\n");
}

/** A reply to the menu: its number ("2", "no. 2", "dua"), a condition name, or a symptom description. */
export function parseConditionChoice(text: string): Condition | null {
  const normal = normaliseText(text);
  const number = /^(?:no |nomor |nomer |number |pilih |#)?(\d+)$/.exec(normal)?.[1] ?? WORD_NUMBERS[normal];
  if (number !== undefined) return CONDITIONS[Number(number) - 1] ?? null;
  const byName = CONDITIONS.find((condition) => normal === condition.replace(/_/g, " "));
  return byName ?? pickCondition(text);
}

const WORD_NUMBERS: Readonly<Record<string, string>> = {
  satu: "1", dua: "2", tiga: "3", empat: "4", lima: "5", enam: "6", tujuh: "7",
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7",
};
