import { assess } from "../triage/engine";
import type { Condition, FindingValue, TriageFacts, TriageResult } from "../triage/triage.schemas";

/** A consultation's facts as stored: the patient facts may still be unknown (a WhatsApp triage, a record without a birth date). */
export type ConsultationFacts = {
  condition: Condition;
  age: number | null;
  sex: "female" | "male" | null;
  pregnant: boolean | null;
  findings: Readonly<Record<string, FindingValue | null | undefined>>;
};

export type ConsultationAssessment = {
  outcome: TriageResult["outcome"];
  reasons: string[];
  /** The keys of the `red_flag:*` reasons. */
  redFlags: string[];
  missing: string[];
  treatment: string | null;
};

/**
 * One age per band the protocols distinguish (the thresholds are 1, 2, 5, 12, 16, 17/18, 50,
 * 64/65 and 70 completed years), so an outcome all of them agree on holds for any age.
 */
const AGE_SAMPLES = [0.5, 1, 2, 4, 5, 11, 12, 15, 16, 17, 18, 50, 51, 64, 65, 69, 70, 90];

/**
 * Runs the contract's `assess`. The engine needs age, sex and pregnancy; when one is unknown
 * we try every value it could take and give an outcome only when they all agree — the same
 * rule the engine applies to unknown findings — otherwise `incomplete` naming the unknown facts.
 */
export function assessConsultation(facts: ConsultationFacts): ConsultationAssessment {
  const ages = facts.age ?? AGE_SAMPLES;
  const sexes = facts.sex ? [facts.sex] : (["female", "male"] as const);
  const unknown = [facts.age === null ? "age" : null, facts.sex === null ? "sex" : null].filter((k) => k !== null);

  const results: TriageResult[] = [];
  for (const age of Array.isArray(ages) ? ages : [ages]) {
    for (const sex of sexes) {
      // a man is never pregnant; otherwise an unknown pregnancy is tried both ways
      const pregnancies = facts.pregnant ?? (sex === "male" ? [false] : [false, true]);
      for (const pregnant of Array.isArray(pregnancies) ? pregnancies : [pregnancies]) {
        // findings were validated on the way in; rows from the dialog are trusted as the engine's own
        results.push(assess({ condition: facts.condition, age, sex, pregnant, findings: facts.findings } as TriageFacts));
      }
    }
  }
  if (facts.pregnant === null && facts.sex !== "male") unknown.push("pregnant");

  const first = results[0]!;
  const key = (r: TriageResult) => `${r.outcome}:${r.treatment ?? ""}`;
  const agreed = results.every((r) => key(r) === key(first));
  if (agreed && first.outcome !== "incomplete") {
    const shared = first.reasons.filter((reason) => results.every((r) => r.reasons.includes(reason)));
    return toAssessment(first.outcome, shared.length > 0 ? shared : first.reasons, [], first.treatment);
  }
  // Unknown patient facts come first (a pharmacist knows them at once), then the findings the engine asks for.
  const missingFindings = [...new Set(results.flatMap((r) => r.missing))];
  return toAssessment("incomplete", [], [...unknown, ...missingFindings], undefined);
}

function toAssessment(
  outcome: TriageResult["outcome"],
  reasons: string[],
  missing: string[],
  treatment: string | undefined,
): ConsultationAssessment {
  const redFlags = reasons.filter((r) => r.startsWith("red_flag:")).map((r) => r.slice("red_flag:".length));
  return { outcome, reasons, redFlags, missing, treatment: treatment ?? null };
}
