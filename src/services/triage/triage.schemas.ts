import { z } from "zod";

/** The seven NHS Pharmacy First conditions, in the order the condition menu shows them. */
export const CONDITIONS = [
  "uti",
  "sore_throat",
  "otitis_media",
  "sinusitis",
  "shingles",
  "impetigo",
  "insect_bite",
] as const;
export const conditionSchema = z.enum(CONDITIONS);
export type Condition = z.infer<typeof conditionSchema>;

/** Outcomes in order of precedence: the first that applies wins. */
export const OUTCOMES = [
  "emergency",
  "urgent_referral",
  "not_eligible",
  "refer",
  "treat",
  "self_care",
  "incomplete",
] as const;
export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

export const SEVERITIES = ["mild", "moderate", "severe"] as const;

// Absent and null both mean "not known yet"; neither is ever read as false.
const flag = z.boolean().nullish();
const days = z.number().finite().nonnegative().nullish();
const hours = z.number().finite().nonnegative().nullish();
const count = z.number().int().nonnegative().nullish();
const severity = z.enum(SEVERITIES).nullish();

function flags<const K extends string>(...keys: K[]): Record<K, typeof flag> {
  return Object.fromEntries(keys.map((key) => [key, flag])) as Record<K, typeof flag>;
}

/** Serious-illness findings every condition accepts. */
export const COMMON_FINDINGS = ["sepsis_signs", "deterioration_risk"] as const;
const common = flags(...COMMON_FINDINGS);

export const utiFindings = z.strictObject({
  ...common,
  ...flags("catheter", "recurrent_uti"),
  ...flags("kidney_pain", "flu_like_myalgia", "rigors_or_fever", "nausea_vomiting"),
  ...flags("vaginal_discharge", "urethritis_or_sti_risk", "menopause_symptoms", "immunosuppressed"),
  ...flags("dysuria", "new_nocturia", "cloudy_urine"),
  ...flags("urgency", "frequency", "visible_haematuria", "suprapubic_pain"),
  severity,
});

export const soreThroatFindings = z.strictObject({
  ...common,
  ...flags("epiglottitis_signs", "stridor", "severe_complications"),
  ...flags("scarlet_fever_quinsy_or_glandular_fever_suspected", "suspected_cancer", "immunosuppressed"),
  ...flags("fever", "purulence", "attend_rapidly", "inflamed_tonsils", "no_cough_or_coryza"),
  severity,
});

export const otitisMediaFindings = z.strictObject({
  ...common,
  ...flags("recurrent_aom"),
  ...flags(
    "meningitis_signs",
    "mastoiditis_signs",
    "brain_abscess_signs",
    "sinus_thrombosis_signs",
    "facial_nerve_paralysis",
  ),
  ...flags("systemically_very_unwell", "high_risk_of_complications"),
  ...flags("acute_onset_symptoms", "otoscopy_findings", "otorrhoea_or_perforation", "bilateral"),
});

export const sinusitisFindings = z.strictObject({
  ...common,
  ...flags("immunosuppressed", "chronic_sinusitis"),
  ...flags(
    "orbital_complications",
    "intracranial_complications",
    "meningitis_signs",
    "severe_frontal_headache",
    "focal_neurological_signs",
  ),
  ...flags("nasal_blockage_or_discharge", "facial_pain", "reduced_smell", "cough"),
  symptom_days: days,
  ...flags("marked_deterioration", "fever", "purulent_discharge", "severe_unilateral_pain"),
});

export const shinglesFindings = z.strictObject({
  ...common,
  ...flags(
    "meningitis_signs",
    "encephalitis_signs",
    "myelitis_signs",
    "facial_nerve_paralysis",
    "ophthalmic_involvement",
    "severely_immunosuppressed",
    "immunosuppressed",
    "severe_or_widespread_rash",
    "systemically_unwell",
  ),
  ...flags("typical_presentation"),
  rash_days: days,
  ...flags("non_truncal", "moderate_or_severe_pain", "moderate_or_severe_rash"),
  ...flags("continued_vesicle_formation", "severe_pain", "high_risk_of_severe_shingles"),
});

export const impetigoFindings = z.strictObject({
  ...common,
  ...flags("bullous", "recurrent_impetigo"),
  ...flags("severe_complications", "immunosuppressed", "widespread"),
  ...flags("typical_features"),
  lesion_count: count,
});

export const insectBiteFindings = z.strictObject({
  ...common,
  ...flags("anaphylaxis_signs", "airway_risk", "orbital_cellulitis_concern", "severely_immunosuppressed"),
  ...flags(
    "animal_or_human_bite",
    "tick_bite_lyme_signs",
    "bitten_abroad",
    "systemically_unwell",
    "delayed_healing_condition",
    "pain_out_of_proportion",
    "fluid_collection",
  ),
  hours_since_bite: hours,
  ...flags("itch_main_symptom", "redness", "pain_or_tenderness", "swelling", "hot_skin", "spreading", "pus"),
});

export const FINDINGS_SCHEMAS = {
  uti: utiFindings,
  sore_throat: soreThroatFindings,
  otitis_media: otitisMediaFindings,
  sinusitis: sinusitisFindings,
  shingles: shinglesFindings,
  impetigo: impetigoFindings,
  insect_bite: insectBiteFindings,
} as const satisfies Record<Condition, z.ZodType>;

export type FindingsOf<C extends Condition> = z.infer<(typeof FINDINGS_SCHEMAS)[C]>;
export type FindingKey<C extends Condition> = keyof FindingsOf<C> & string;
/** A finding's value once known. */
export type FindingValue = boolean | number | string;

const patientShape = {
  age: z.number().finite().min(0).max(130),
  sex: z.enum(["female", "male"]),
  pregnant: z.boolean(),
};

function factsFor<C extends Condition>(condition: C) {
  return z.strictObject({
    condition: z.literal(condition),
    ...patientShape,
    findings: FINDINGS_SCHEMAS[condition],
  });
}

export const triageFactsSchema = z.discriminatedUnion("condition", [
  factsFor("uti"),
  factsFor("sore_throat"),
  factsFor("otitis_media"),
  factsFor("sinusitis"),
  factsFor("shingles"),
  factsFor("impetigo"),
  factsFor("insect_bite"),
]);
export type TriageFacts = z.infer<typeof triageFactsSchema>;

export const triageResultSchema = z.object({
  outcome: outcomeSchema,
  reasons: z.array(z.string()),
  missing: z.array(z.string()),
  treatment: z.string().optional(),
});
export type TriageResult = z.infer<typeof triageResultSchema>;

export type ParseFactsResult = { ok: true; facts: TriageFacts } | { ok: false; error: string };

/**
 * Validates untrusted input into facts. The error names each offending field and why, e.g.
 * `findings.dysuria: expected boolean, received string`.
 */
export function parseTriageFacts(input: unknown): ParseFactsResult {
  // Checked first so an unknown condition is reported as such, not as a union mismatch.
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, error: "input: expected a JSON object" };
  }
  const condition = (input as Record<string, unknown>).condition;
  if (!conditionSchema.safeParse(condition).success) {
    const got = condition === undefined ? "missing" : JSON.stringify(condition);
    return { ok: false, error: `condition: expected one of ${CONDITIONS.join(", ")}, got ${got}` };
  }
  const parsed = triageFactsSchema.safeParse(input);
  if (parsed.success) return { ok: true, facts: parsed.data };
  return { ok: false, error: formatIssues(parsed.error.issues) };
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join(".");
      const message = issue.message.replace(/^Invalid input: /, "");
      if (issue.code === "unrecognized_keys") {
        const where = path === "" ? "" : `${path}.`;
        return issue.keys.map((key) => `${where}${key}: not a known field here`).join("; ");
      }
      return `${path === "" ? "input" : path}: ${message}`;
    })
    .join("; ");
}
