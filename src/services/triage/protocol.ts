import type { Condition, FindingKey, FindingsOf, FindingValue } from "./triage.schemas";

/**
 * The shape of a condition's protocol: its questions and rules as data plus a few small
 * predicates. The engine is generic over this shape; a protocol never decides precedence or
 * what is missing — the engine does, the same way for every condition.
 */

export type Lang = "id" | "en";
export type LocalText = Readonly<Record<Lang, string>>;

export type ChoiceOption = { value: string; label: LocalText; synonyms?: readonly string[] };

export type AnswerSpec =
  | { type: "boolean" }
  | { type: "number"; unit: "count" | "hours"; integer?: boolean }
  | { type: "duration_days" }
  | { type: "choice"; options: readonly ChoiceOption[] };

export type AnswerType = AnswerSpec["type"];

/** One question; its id is the finding key its answer sets. */
export type Question<K extends string = string> = {
  id: K;
  text: LocalText;
  answer: AnswerSpec;
  /** Eardrum, tonsil and skin examinations need the pharmacist; the rest the patient can answer. */
  askable: "patient" | "pharmacist";
  /** A yes alone means emergency or same-day referral. */
  redFlag: boolean;
};

/** The patient's fixed facts. `years` is completed years: 64.9 is still "64". */
export type Patient = { age: number; years: number; sex: "female" | "male"; pregnant: boolean };

/** Every finding of a condition with a value: what predicates see after the engine fills unknowns. */
export type CompleteFindings<C extends Condition> = {
  readonly [K in FindingKey<C>]-?: NonNullable<FindingsOf<C>[K]>;
};

export type Rule<K extends string = string> = {
  reason: string;
  /** The findings `holds` reads; the engine tries every value of those still unknown. */
  keys: readonly K[];
  holds(values: Readonly<Record<K, FindingValue>>, patient: Patient): boolean;
};

export type Verdict = {
  outcome: "refer" | "treat" | "self_care";
  treatment?: string;
  reasons: string[];
};

export type Eligibility<K extends string> = {
  minYears?: number;
  maxYears?: number;
  sex?: "female" | "male";
  /** `excluded_under_16`: pregnant and under 16 is outside the pathway. */
  pregnancy: "allowed" | "excluded" | "excluded_under_16";
  /** Findings that, when true, put the patient outside the pathway. */
  exclusions: readonly K[];
};

export type Protocol<C extends Condition> = {
  condition: C;
  label: LocalText;
  /** Most important first; this order is the order of `missing`. Common red flags are added by the engine. */
  questions: readonly Question<FindingKey<C>>[];
  eligibility: Eligibility<FindingKey<C>>;
  emergency: readonly Rule<FindingKey<C>>[];
  urgent: readonly Rule<FindingKey<C>>[];
  refer: readonly Rule<FindingKey<C>>[];
  /** Diagnosis and treat/self-care criteria once every flag above is false. */
  decision: {
    keys: readonly FindingKey<C>[];
    /** One value per range the decision distinguishes, for numeric findings, ascending. */
    samples?: Partial<Record<FindingKey<C>, readonly number[]>>;
    decide(values: CompleteFindings<C>, patient: Patient): Verdict;
  };
};

/** A yes on this finding alone decides the rule. */
export function flagRule<K extends string>(key: K, prefix: string): Rule<K> {
  return { reason: `${prefix}:${key}`, keys: [key], holds: (values) => values[key] === true };
}

export function flagRules<K extends string>(prefix: string, ...keys: K[]): Rule<K>[] {
  return keys.map((key) => flagRule(key, prefix));
}

/** `key` together with any of `anyOf`, e.g. immunosuppressed with a widespread rash. */
export function togetherRule<K extends string>(key: K, anyOf: readonly K[], reason: string): Rule<K> {
  return {
    reason,
    keys: [key, ...anyOf],
    holds: (values) => values[key] === true && anyOf.some((other) => values[other] === true),
  };
}

export function countTrue<K extends string>(values: Readonly<Record<K, FindingValue>>, keys: readonly K[]): number {
  return keys.filter((key) => values[key] === true).length;
}

type QuestionOptions = { askable?: "patient" | "pharmacist"; redFlag?: boolean };

export function yesNo<K extends string>(id: K, en: string, idText: string, options: QuestionOptions = {}): Question<K> {
  return {
    id,
    text: { en, id: idText },
    answer: { type: "boolean" },
    askable: options.askable ?? "patient",
    redFlag: options.redFlag ?? false,
  };
}

export function redFlag<K extends string>(
  id: K,
  en: string,
  idText: string,
  askable: "patient" | "pharmacist" = "patient",
): Question<K> {
  return yesNo(id, en, idText, { askable, redFlag: true });
}

export const SEVERITY_OPTIONS: readonly ChoiceOption[] = [
  { value: "mild", label: { en: "Mild", id: "Ringan" }, synonyms: ["sedikit", "little", "slight", "biasa"] },
  { value: "moderate", label: { en: "Moderate", id: "Sedang" }, synonyms: ["lumayan", "cukup", "medium", "quite"] },
  {
    value: "severe",
    label: { en: "Severe", id: "Berat" },
    synonyms: ["parah", "sangat", "sekali", "banget", "bad", "very", "terrible", "awful"],
  },
];

export function severityQuestion<K extends string>(id: K, en: string, idText: string): Question<K> {
  return {
    id,
    text: { en, id: idText },
    answer: { type: "choice", options: SEVERITY_OPTIONS },
    askable: "patient",
    redFlag: false,
  };
}

export function defineProtocol<C extends Condition>(protocol: Protocol<C>): Protocol<C> {
  return protocol;
}
