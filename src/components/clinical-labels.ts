import type { Locale } from "@/lib/i18n/locales";
import { codeLabel, type MessageKey, translator } from "@/lib/i18n/translate";
import { PROTOCOLS } from "@/services/triage/protocols";
import { CONDITIONS, type Condition } from "@/services/triage/triage.schemas";
import { humanize } from "./format";

/** Readable names for the codes of triage and consultations: the protocols' own wording, in the user's language. */
export const isCondition = (c: string): c is Condition => (CONDITIONS as readonly string[]).includes(c);

export function questionsOf(condition: string) {
  return isCondition(condition) ? PROTOCOLS[condition].questions : [];
}

const PATIENT_FACTS: Record<string, MessageKey> = { age: "clinical.age", sex: "common.sex", pregnant: "clinical.pregnant" };

export type ClinicalLabels = ReturnType<typeof buildLabels>;

function buildLabels(locale: Locale) {
  const t = translator(locale);
  const plain = t as (key: MessageKey) => string;
  return {
    condition: (c: string | null | undefined) => (!c ? t("clinical.conditionNotChosen") : isCondition(c) ? PROTOCOLS[c].label[locale] : humanize(c)),
    /** A finding's question as text, or the patient fact it records. */
    finding: (condition: string, key: string) => {
      const question = questionsOf(condition).find((q) => q.id === key);
      if (question) return question.text[locale];
      const fact = PATIENT_FACTS[key];
      return fact ? plain(fact) : humanize(key);
    },
    /** A finding's value: yes / no / unknown, a choice's label, or the number. */
    value: (value: unknown, condition?: string, key?: string) => {
      if (value === true) return t("common.yes");
      if (value === false) return t("common.no");
      if (value === null || value === undefined) return t("common.unknown");
      const answer = condition && key ? questionsOf(condition).find((q) => q.id === key)?.answer : undefined;
      const option = answer?.type === "choice" ? answer.options.find((o) => o.value === value) : undefined;
      return option ? option.label[locale] : String(value);
    },
    outcome: (o: string) => codeLabel(t, "outcome", o),
    consultationStatus: (s: string) => codeLabel(t, "consultationStatus", s),
    triageStatus: (s: string) => codeLabel(t, "triageStatus", s),
  };
}

const cache = new Map<Locale, ClinicalLabels>();

/** `clinicalLabels(locale).outcome("treat")`: the same object for a locale every time. */
export function clinicalLabels(locale: Locale): ClinicalLabels {
  let labels = cache.get(locale);
  if (!labels) {
    labels = buildLabels(locale);
    cache.set(locale, labels);
  }
  return labels;
}
