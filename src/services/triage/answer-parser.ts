import { normaliseText } from "./normalise-text";
import type { AnswerSpec, Lang, Question } from "./protocol";
import type { FindingValue } from "./triage.schemas";

/**
 * Reads a patient's WhatsApp reply to one triage question, in Indonesian or English.
 * `{ ok: false }` means "could not tell" — the dialog asks again; it is never read as "no".
 * `unknown: true` means the patient said they do not know, which leaves the finding unknown.
 */
export type ParsedAnswer = { ok: true; value: FindingValue } | { ok: true; unknown: true } | { ok: false };

const FAILED: ParsedAnswer = { ok: false };
const UNKNOWN: ParsedAnswer = { ok: true, unknown: true };

const DONT_KNOW_PATTERNS: readonly RegExp[] = [
  /\b(tidak|tdk|tak|gak|ga|gk|g|nggak|ngga|nggk|ngak|enggak|engga|ndak|nda|kurang|belum)\s*(tahu|tau|yakin|ingat|inget|pasti)\b/,
  /\b(gatau|gatahu|gktau|gataw|entah|entahlah|ntah|ntahlah|lupa|ragu|mungkin|idk|dunno|unsure|maybe|perhaps)\b/,
  /\b(don'?t|do not|dont|doesn'?t) (know|remember)\b/,
  /\bnot (sure|certain)\b/,
  /\bno idea\b/,
];

const YES_WORDS = new Set([
  "ya", "iya", "iyah", "yaa", "y", "yes", "yess", "yup", "yep", "yeah", "yea", "betul", "benar", "bener",
  "ada", "pernah", "sure", "correct", "true",
]);
const NO_WORDS = new Set([
  "tidak", "tdk", "tak", "gak", "ga", "gk", "g", "nggak", "ngga", "nggk", "ngak", "enggak", "engga", "ndak", "nda",
  "kagak", "no", "n", "nope", "nah", "not", "bukan", "belum", "none", "never", "nothing",
]);
/** Hedges a reply may start with before the actual yes or no. */
const FILLERS = new Set(["hmm", "hm", "eh", "em", "ehm", "um", "uh", "well", "kayaknya", "sepertinya", "rasanya", "i", "think", "saya", "rasa", "oh", "ok", "oke"]);

const NEGATIONS = new Set([...NO_WORDS].filter((word) => word !== "n" && word !== "y"));

export function parseAnswer(
  question: Pick<Question, "answer">,
  text: string,
  lang: Lang = "id",
  /** The patient's calendar date, YYYY-MM-DD; needed only for answers like "since Monday". */
  today?: string,
): ParsedAnswer {
  const normal = normaliseText(text);
  if (normal === "") return FAILED;
  if (DONT_KNOW_PATTERNS.some((pattern) => pattern.test(normal))) return UNKNOWN;
  return parseKnownAnswer(question.answer, normal, lang, today);
}

function parseKnownAnswer(answer: AnswerSpec, normal: string, lang: Lang, today: string | undefined): ParsedAnswer {
  switch (answer.type) {
    case "boolean":
      return wrap(parseYesNo(normal));
    case "number": {
      const value = answer.unit === "hours" ? parseHours(normal, today) : parseCount(normal);
      if (value === null || (answer.integer === true && !Number.isInteger(value))) return FAILED;
      return { ok: true, value };
    }
    case "duration_days":
      return wrap(parseDurationDays(normal, today));
    case "choice":
      return wrap(parseChoice(answer.options, normal, lang));
  }
}

function wrap(value: FindingValue | null): ParsedAnswer {
  return value === null ? FAILED : { ok: true, value };
}

/** The first word (after hedges) decides: "tidak, cuma sedikit" is no; "sakit, tidak bisa menelan" is unclear. */
export function parseYesNo(normal: string): boolean | null {
  const words = normal.split(" ").filter((word) => !FILLERS.has(word));
  const first = words[0];
  if (first === undefined) return null;
  if (YES_WORDS.has(first)) return true;
  if (NO_WORDS.has(first)) return false;
  return null;
}

// --- numbers -----------------------------------------------------------------------------

const ID_UNITS: Readonly<Record<string, number>> = {
  nol: 0, satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9,
};
const EN_SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, couple: 2, few: 3,
};
const EN_TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

type NumberMatch = { value: number; start: number; end: number };

/** Reads a number written as digits or words starting at token `i`; `end` is the next token. */
function readNumberAt(tokens: readonly string[], i: number): NumberMatch | null {
  const token = tokens[i];
  if (token === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(token)) return { value: Number(token), start: i, end: i + 1 };
  const next = tokens[i + 1];
  if (token === "sepuluh") return { value: 10, start: i, end: i + 1 };
  if (token === "sebelas") return { value: 11, start: i, end: i + 1 };
  if (token === "seratus") return { value: 100, start: i, end: i + 1 };
  if (token === "setengah" || token === "half") return { value: 0.5, start: i, end: i + 1 };
  const unit = ID_UNITS[token];
  if (unit !== undefined) {
    if (next === "belas") return { value: 10 + unit, start: i, end: i + 2 };
    if (next === "puluh") {
      const ones = ID_UNITS[tokens[i + 2] ?? ""];
      return ones === undefined ? { value: unit * 10, start: i, end: i + 2 } : { value: unit * 10 + ones, start: i, end: i + 3 };
    }
    return { value: unit, start: i, end: i + 1 };
  }
  const small = EN_SMALL[token];
  if (small !== undefined) return { value: small, start: i, end: i + 1 };
  const tens = EN_TENS[token];
  if (tens !== undefined) {
    const ones = EN_SMALL[next ?? ""];
    return ones !== undefined && ones < 10 ? { value: tens + ones, start: i, end: i + 2 } : { value: tens, start: i, end: i + 1 };
  }
  return null;
}

function findNumber(tokens: readonly string[]): NumberMatch | null {
  for (let i = 0; i < tokens.length; i++) {
    const match = readNumberAt(tokens, i);
    if (match !== null) return match;
  }
  return null;
}

/** "lebih dari 3" / "more than 3" is read as the next whole number, "kurang dari 3" as the one before. */
function comparisonShift(tokens: readonly string[], start: number): number {
  const before = tokens.slice(Math.max(0, start - 2), start).join(" ");
  if (/\b(lebih dari|lebih|more than|over|above|diatas|di atas)$/.test(before)) return 1;
  if (/\b(kurang dari|less than|under|below|fewer than|dibawah|di bawah)$/.test(before)) return -1;
  return 0;
}

export function parseCount(normal: string): number | null {
  const tokens = normal.split(" ");
  const match = findNumber(tokens);
  if (match === null) return null;
  return Math.max(0, match.value + comparisonShift(tokens, match.start));
}

// --- durations ---------------------------------------------------------------------------

const UNIT_DAYS: Readonly<Record<string, number>> = {
  hari: 1, hri: 1, day: 1, days: 1,
  minggu: 7, pekan: 7, week: 7, weeks: 7, wk: 7,
  bulan: 30, month: 30, months: 30,
  tahun: 365, year: 365, years: 365,
  jam: 1 / 24, hour: 1 / 24, hours: 1 / 24, hrs: 1 / 24, h: 1 / 24,
  menit: 1 / 1440, minute: 1 / 1440, minutes: 1 / 1440, mins: 1 / 1440,
};
/** Indonesian "se-" fuses "one" onto the unit: seminggu, sehari, sebulan, sejam. */
const FUSED_ONE: Readonly<Record<string, number>> = {
  sehari: 1, seminggu: 7, sepekan: 7, sebulan: 30, setahun: 365, sejam: 1 / 24, semalam: 1,
};
const RELATIVE_DAYS: ReadonlyArray<[RegExp, number]> = [
  [/\b(kemarin lusa|day before yesterday)\b/, 2],
  [/\b(kemarin|kemaren|yesterday|tadi malam|last night|semalam)\b/, 1],
  [/\b(hari ini|today|tadi pagi|this morning|barusan|just now)\b/, 0],
  [/\b(minggu lalu|minggu kemarin|last week|a week ago)\b/, 7],
];
const WEEKDAYS: ReadonlyArray<[RegExp, number]> = [
  [/\b(senin|monday)\b/, 1],
  [/\b(selasa|tuesday)\b/, 2],
  [/\b(rabu|wednesday)\b/, 3],
  [/\b(kamis|thursday)\b/, 4],
  [/\b(jumat|jum'at|friday)\b/, 5],
  [/\b(sabtu|saturday)\b/, 6],
  // "minggu" alone is "week"; as Sunday it needs "hari" or "sejak" before it.
  [/\b(sunday|hari minggu|(sejak|dari|since) minggu)\b/, 0],
];

/** Days as a number, or null. `today` (YYYY-MM-DD) is required for weekday answers. */
export function parseDurationDays(normal: string, today?: string): number | null {
  const tokens = normal.split(" ");
  for (let i = 0; i < tokens.length; i++) {
    const fused = FUSED_ONE[tokens[i]!];
    if (fused !== undefined) return fused;
    const number = readNumberAt(tokens, i) ?? readArticle(tokens, i);
    if (number === null) continue;
    const unit = UNIT_DAYS[tokens[number.end] ?? ""];
    if (unit !== undefined) return Math.max(0, (number.value + comparisonShift(tokens, number.start)) * unit);
  }
  for (const [pattern, days] of RELATIVE_DAYS) if (pattern.test(normal)) return days;
  for (const [pattern, weekday] of WEEKDAYS) {
    if (pattern.test(normal)) return today === undefined ? null : daysSinceWeekday(today, weekday);
  }
  const bare = findNumber(tokens);
  return bare === null ? null : Math.max(0, bare.value + comparisonShift(tokens, bare.start));
}

function readArticle(tokens: readonly string[], i: number): NumberMatch | null {
  return tokens[i] === "a" || tokens[i] === "an" ? { value: 1, start: i, end: i + 1 } : null;
}

function daysSinceWeekday(today: string, weekday: number): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (match === null) return null;
  const todayWeekday = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay();
  const days = (todayWeekday - weekday + 7) % 7;
  // "Since Monday" said on a Monday means a week ago; today would be "since this morning".
  return days === 0 ? 7 : days;
}

/** Hours for questions asked in hours; a bare number is hours, "2 hari" is 48. */
function parseHours(normal: string, today: string | undefined): number | null {
  const tokens = normal.split(" ");
  const hasUnit = tokens.some((token) => UNIT_DAYS[token] !== undefined || FUSED_ONE[token] !== undefined);
  if (!hasUnit && findNumber(tokens) !== null) return parseCount(normal);
  const days = parseDurationDays(normal, today);
  return days === null ? null : Math.round(days * 24 * 100) / 100;
}

// --- choices -----------------------------------------------------------------------------

function parseChoice(
  options: Extract<AnswerSpec, { type: "choice" }>["options"],
  normal: string,
  lang: Lang,
): string | null {
  const tokens = normal.split(" ");
  const number = findNumber(tokens);
  if (number !== null && tokens.length <= 2 && Number.isInteger(number.value)) {
    return options[number.value - 1]?.value ?? null;
  }
  // "tidak parah" is not "parah": a negated answer is asked again with the numbered list.
  if (tokens.some((token) => NEGATIONS.has(token))) return null;
  const other: Lang = lang === "id" ? "en" : "id";
  const matches = options.filter((option) => {
    const words = [option.value, option.label[lang], option.label[other], ...(option.synonyms ?? [])];
    return words.some((word) => containsPhrase(tokens, normaliseText(word)));
  });
  return matches.length === 1 ? matches[0]!.value : null;
}

function containsPhrase(tokens: readonly string[], phrase: string): boolean {
  const words = phrase.split(" ");
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((word, j) => tokens[i + j] === word)) return true;
  }
  return false;
}

