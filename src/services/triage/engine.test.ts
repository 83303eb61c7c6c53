import { describe, expect, it } from "vitest";
import { assess, nextQuestion, questionsFor } from "./engine";
import { PROTOCOLS } from "./protocols";
import { CONDITIONS, FINDINGS_SCHEMAS, parseTriageFacts, type Condition, type TriageFacts, type TriageResult } from "./triage.schemas";

const DEFAULT_PATIENT: Record<Condition, { age: number; sex: "female" | "male" }> = {
  uti: { age: 30, sex: "female" },
  sore_throat: { age: 30, sex: "male" },
  otitis_media: { age: 6, sex: "male" },
  sinusitis: { age: 30, sex: "female" },
  shingles: { age: 40, sex: "male" },
  impetigo: { age: 10, sex: "female" },
  insect_bite: { age: 30, sex: "male" },
};

type Patient = { age?: number; sex?: "female" | "male"; pregnant?: boolean };

function booleanKeys(condition: Condition): string[] {
  return questionsFor(condition).filter((q) => q.answer.type === "boolean").map((q) => q.id);
}

/** Facts with every yes/no finding answered "no" unless overridden; other findings only if given. */
function answered(condition: Condition, findings: Record<string, unknown> = {}, patient: Patient = {}): TriageFacts {
  const base = Object.fromEntries(booleanKeys(condition).map((key) => [key, false]));
  return build(condition, { ...base, ...findings }, patient);
}

/** Facts where only the given findings are known. */
function only(condition: Condition, findings: Record<string, unknown> = {}, patient: Patient = {}): TriageFacts {
  return build(condition, findings, patient);
}

function build(condition: Condition, findings: Record<string, unknown>, patient: Patient): TriageFacts {
  const parsed = parseTriageFacts({ condition, ...DEFAULT_PATIENT[condition], pregnant: false, ...patient, findings });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.facts;
}

type Expectation = { outcome: TriageResult["outcome"]; treatment?: string; missing?: string[]; reasons?: string[] };
type Case = [name: string, facts: TriageFacts, expected: Expectation];

function check(facts: TriageFacts, expected: Expectation): void {
  const result = assess(facts);
  expect(result.outcome).toBe(expected.outcome);
  expect(result.treatment).toBe(expected.treatment);
  expect(result.missing).toEqual(expected.missing ?? []);
  if (expected.reasons !== undefined) expect(result.reasons).toEqual(expect.arrayContaining(expected.reasons));
}

const UTI_FLAGS_ANSWERED = {
  sepsis_signs: false, deterioration_risk: false, kidney_pain: false, flu_like_myalgia: false, rigors_or_fever: false,
  nausea_vomiting: false, catheter: false, recurrent_uti: false, vaginal_discharge: false, urethritis_or_sti_risk: false,
  menopause_symptoms: false, immunosuppressed: false,
};

describe("the contract's own example", () => {
  const example = {
    condition: "uti", age: 34, sex: "female", pregnant: false,
    findings: { dysuria: true, new_nocturia: true, cloudy_urine: false, severity: "moderate" },
  };

  it("is incomplete until its red flags, eligibility and referral criteria are answered, listed in precedence order", () => {
    const parsed = parseTriageFacts(example);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(assess(parsed.facts)).toEqual({
      outcome: "incomplete",
      reasons: [],
      missing: [
        "sepsis_signs", "deterioration_risk",
        "kidney_pain", "flu_like_myalgia", "rigors_or_fever", "nausea_vomiting",
        "catheter", "recurrent_uti",
        "vaginal_discharge", "urethritis_or_sti_risk", "menopause_symptoms", "immunosuppressed",
      ],
    });
  });

  it("is treated with nitrofurantoin once every flag is answered no", () => {
    const parsed = parseTriageFacts({ ...example, findings: { ...example.findings, ...UTI_FLAGS_ANSWERED } });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(assess(parsed.facts)).toEqual({
      outcome: "treat",
      reasons: ["key_signs:2", "severity:moderate"],
      missing: [],
      treatment: "nitrofurantoin",
    });
  });
});

describe("precedence and incompleteness", () => {
  const cases: Case[] = [
    ["a known emergency red flag decides while everything else is unknown", only("sore_throat", { stridor: true }), { outcome: "emergency", reasons: ["red_flag:stridor"] }],
    ["a known urgent red flag decides while serious-illness signs are unknown", only("uti", { kidney_pain: true }), { outcome: "urgent_referral", reasons: ["red_flag:kidney_pain"] }],
    ["emergency outranks urgent referral", only("uti", { kidney_pain: true, sepsis_signs: true }), { outcome: "emergency", reasons: ["red_flag:sepsis_signs"] }],
    ["urgent referral outranks not eligible", only("uti", { nausea_vomiting: true }, { sex: "male" }), { outcome: "urgent_referral" }],
    ["emergency outranks not eligible", only("shingles", { ophthalmic_involvement: true }, { pregnant: true, sex: "female" }), { outcome: "emergency" }],
    ["not eligible waits for the red flags that could outrank it", only("uti", {}, { sex: "male" }), { outcome: "incomplete", missing: ["sepsis_signs", "deterioration_risk", "kidney_pain", "flu_like_myalgia", "rigors_or_fever", "nausea_vomiting"] }],
    ["not eligible needs no referral or diagnostic findings", only("uti", { sepsis_signs: false, deterioration_risk: false, kidney_pain: false, flu_like_myalgia: false, rigors_or_fever: false, nausea_vomiting: false }, { age: 70 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["not eligible outranks refer", answered("uti", { catheter: true, vaginal_discharge: true }), { outcome: "not_eligible", reasons: ["exclusion:catheter"] }],
    ["refer outranks treat", answered("uti", { vaginal_discharge: true, dysuria: true, cloudy_urine: true, severity: "severe" }), { outcome: "refer", reasons: ["refer:vaginal_discharge"] }],
    ["a referral flag waits for an unknown exclusion", only("uti", { ...UTI_FLAGS_ANSWERED, catheter: undefined, immunosuppressed: true }), { outcome: "incomplete", missing: ["catheter"] }],
    ["refer needs no answer to the diagnostic findings", only("uti", { ...UTI_FLAGS_ANSWERED, vaginal_discharge: true }), { outcome: "refer" }],
    ["the decision's own referral needs no answer to the referral flags", only("uti", { ...UTI_FLAGS_ANSWERED, vaginal_discharge: undefined, menopause_symptoms: undefined, dysuria: true, new_nocturia: false, cloudy_urine: false }), { outcome: "refer", reasons: ["key_signs:1"] }],
    ["treat waits for an unanswered referral criterion", only("uti", { ...UTI_FLAGS_ANSWERED, menopause_symptoms: undefined, dysuria: true, new_nocturia: true, severity: "moderate" }), { outcome: "incomplete", missing: ["menopause_symptoms"] }],
    ["self care waits for an unanswered red flag", only("uti", { ...UTI_FLAGS_ANSWERED, sepsis_signs: undefined, dysuria: false, new_nocturia: false, cloudy_urine: false, urgency: false, frequency: false, visible_haematuria: false, suprapubic_pain: false }), { outcome: "incomplete", missing: ["sepsis_signs"] }],
    ["with two key signs known the third is not needed", only("uti", { ...UTI_FLAGS_ANSWERED, dysuria: true, new_nocturia: true, severity: "severe" }), { outcome: "treat", treatment: "nitrofurantoin" }],
    ["with one key sign known, only the other key signs and severity are missing", only("uti", { ...UTI_FLAGS_ANSWERED, dysuria: true }), { outcome: "incomplete", missing: ["new_nocturia", "cloudy_urine", "severity"] }],
    ["null is read as unknown, never as no", only("uti", { ...UTI_FLAGS_ANSWERED, sepsis_signs: null, dysuria: true, new_nocturia: true, severity: "mild" }), { outcome: "incomplete", missing: ["sepsis_signs"] }],
    ["missing lists every finding in importance order when nothing is known", only("impetigo"), { outcome: "incomplete", missing: ["sepsis_signs", "deterioration_risk", "severe_complications", "immunosuppressed", "widespread", "bullous", "recurrent_impetigo", "typical_features", "lesion_count"] }],
    ["a compound red flag needs its second part only when the first is yes", only("impetigo", { immunosuppressed: false }), { outcome: "incomplete", missing: ["sepsis_signs", "deterioration_risk", "severe_complications", "bullous", "recurrent_impetigo", "typical_features", "lesion_count"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));

  it.each(CONDITIONS)("sepsis signs are an emergency for %s", (condition) => {
    check(only(condition, { sepsis_signs: true }), { outcome: "emergency", reasons: ["red_flag:sepsis_signs"] });
  });

  it.each(CONDITIONS)("risk of deterioration is an emergency for %s", (condition) => {
    check(only(condition, { deterioration_risk: true }), { outcome: "emergency", reasons: ["red_flag:deterioration_risk"] });
  });

  it.each(CONDITIONS)("for %s, every outcome but incomplete has an empty missing list and treatment only with treat", (condition) => {
    const result = assess(answered(condition));
    if (result.outcome === "incomplete") expect(result.missing.length).toBeGreaterThan(0);
    else expect(result.missing).toEqual([]);
    expect(result.treatment === undefined).toBe(result.outcome !== "treat");
  });
});

describe("uti", () => {
  const full = { dysuria: true, new_nocturia: true, cloudy_urine: true, severity: "moderate" };
  const cases: Case[] = [
    ["a woman aged 16 is eligible", answered("uti", full, { age: 16 }), { outcome: "treat", treatment: "nitrofurantoin" }],
    ["a girl aged 15 is not eligible", answered("uti", full, { age: 15.9 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["a woman aged 64 and some months is still 64 and eligible", answered("uti", full, { age: 64.9 }), { outcome: "treat", treatment: "nitrofurantoin" }],
    ["a woman aged 65 is not eligible", answered("uti", full, { age: 65 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["a man is not eligible", answered("uti", full, { sex: "male" }), { outcome: "not_eligible", reasons: ["sex_not_eligible"] }],
    ["a pregnant woman is not eligible", answered("uti", full, { pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant"] }],
    ["a catheter makes her not eligible", answered("uti", { ...full, catheter: true }), { outcome: "not_eligible", reasons: ["exclusion:catheter"] }],
    ["recurrent UTI makes her not eligible", answered("uti", { ...full, recurrent_uti: true }), { outcome: "not_eligible", reasons: ["exclusion:recurrent_uti"] }],
    ["kidney pain is urgent", answered("uti", { ...full, kidney_pain: true }), { outcome: "urgent_referral" }],
    ["flu-like myalgia is urgent", answered("uti", { ...full, flu_like_myalgia: true }), { outcome: "urgent_referral" }],
    ["rigors or fever are urgent", answered("uti", { ...full, rigors_or_fever: true }), { outcome: "urgent_referral" }],
    ["nausea or vomiting is urgent", answered("uti", { ...full, nausea_vomiting: true }), { outcome: "urgent_referral" }],
    ["vaginal discharge is referred", answered("uti", { ...full, vaginal_discharge: true }), { outcome: "refer" }],
    ["urethritis or STI risk is referred", answered("uti", { ...full, urethritis_or_sti_risk: true }), { outcome: "refer" }],
    ["menopause symptoms are referred", answered("uti", { ...full, menopause_symptoms: true }), { outcome: "refer" }],
    ["immunosuppression is referred", answered("uti", { ...full, immunosuppressed: true }), { outcome: "refer" }],
    ["no key sign and another urinary symptom is referred", answered("uti", { urgency: true }), { outcome: "refer", reasons: ["key_signs:0"] }],
    ["no urinary symptom at all is self care", answered("uti"), { outcome: "self_care", reasons: ["key_signs:0"] }],
    ["one key sign is referred", answered("uti", { cloudy_urine: true, severity: "severe" }), { outcome: "refer", reasons: ["key_signs:1"] }],
    ["two key signs and mild symptoms are self care", answered("uti", { dysuria: true, cloudy_urine: true, severity: "mild" }), { outcome: "self_care", reasons: ["key_signs:2", "severity:mild"] }],
    ["three key signs and severe symptoms are treated", answered("uti", { ...full, severity: "severe" }), { outcome: "treat", treatment: "nitrofurantoin", reasons: ["key_signs:3"] }],
    ["two key signs without a severity wait for it", answered("uti", { dysuria: true, new_nocturia: true }), { outcome: "incomplete", missing: ["severity"] }],
    ["no key sign known with other symptoms known still needs the key signs", answered("uti", { dysuria: undefined, new_nocturia: undefined, cloudy_urine: undefined }), { outcome: "incomplete", missing: ["dysuria", "new_nocturia", "cloudy_urine", "severity"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("sore_throat", () => {
  const four = { fever: true, purulence: true, attend_rapidly: true, inflamed_tonsils: true, severity: "severe" };
  const cases: Case[] = [
    ["age 5 is eligible", answered("sore_throat", four, { age: 5 }), { outcome: "treat", treatment: "phenoxymethylpenicillin" }],
    ["age 4 is not eligible", answered("sore_throat", four, { age: 4.9 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["pregnant and under 16 is not eligible", answered("sore_throat", four, { age: 15, sex: "female", pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant_under_16"] }],
    ["pregnant at 16 is eligible", answered("sore_throat", four, { age: 16, sex: "female", pregnant: true }), { outcome: "treat", treatment: "phenoxymethylpenicillin" }],
    ["epiglottitis signs are an emergency", answered("sore_throat", { ...four, epiglottitis_signs: true }), { outcome: "emergency", reasons: ["red_flag:epiglottitis_signs"] }],
    ["stridor is an emergency", answered("sore_throat", { ...four, stridor: true }), { outcome: "emergency", reasons: ["red_flag:stridor"] }],
    ["severe complications are an emergency", answered("sore_throat", { ...four, severe_complications: true }), { outcome: "emergency" }],
    ["suspected scarlet fever, quinsy or glandular fever is referred", answered("sore_throat", { ...four, scarlet_fever_quinsy_or_glandular_fever_suspected: true }), { outcome: "refer" }],
    ["suspected cancer is referred", answered("sore_throat", { ...four, suspected_cancer: true }), { outcome: "refer" }],
    ["immunosuppression is referred", answered("sore_throat", { ...four, immunosuppressed: true }), { outcome: "refer" }],
    ["FeverPAIN 3 is self care even when severe", answered("sore_throat", { ...four, inflamed_tonsils: false }), { outcome: "self_care", reasons: ["feverpain_score:3"] }],
    ["FeverPAIN 4 and severe is treated", answered("sore_throat", four), { outcome: "treat", treatment: "phenoxymethylpenicillin", reasons: ["feverpain_score:4"] }],
    ["FeverPAIN 5 and moderate is self care", answered("sore_throat", { ...four, no_cough_or_coryza: true, severity: "moderate" }), { outcome: "self_care", reasons: ["feverpain_score:5"] }],
    ["with mild symptoms the FeverPAIN items are not needed", answered("sore_throat", { fever: undefined, purulence: undefined, attend_rapidly: undefined, inflamed_tonsils: undefined, no_cough_or_coryza: undefined, severity: "mild" }), { outcome: "self_care" }],
    ["FeverPAIN 4 without a severity waits for it", answered("sore_throat", { ...four, severity: undefined }), { outcome: "incomplete", missing: ["severity"] }],
    ["FeverPAIN 3 known with two items unknown needs them when severe", answered("sore_throat", { ...four, inflamed_tonsils: undefined, no_cough_or_coryza: undefined, attend_rapidly: false }), { outcome: "incomplete", missing: ["inflamed_tonsils", "no_cough_or_coryza"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("otitis_media", () => {
  const diagnosed = { acute_onset_symptoms: true, otoscopy_findings: true };
  const cases: Case[] = [
    ["under 1 is not eligible", answered("otitis_media", diagnosed, { age: 0.5 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["age 1 is eligible", answered("otitis_media", diagnosed, { age: 1 }), { outcome: "self_care" }],
    ["age 17 is eligible", answered("otitis_media", diagnosed, { age: 17.5 }), { outcome: "self_care" }],
    ["age 18 is not eligible", answered("otitis_media", diagnosed, { age: 18 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["recurrent otitis media is not eligible", answered("otitis_media", { ...diagnosed, recurrent_aom: true }), { outcome: "not_eligible", reasons: ["exclusion:recurrent_aom"] }],
    ["pregnant and under 16 is not eligible", answered("otitis_media", diagnosed, { age: 15, sex: "female", pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant_under_16"] }],
    ["meningitis signs are an emergency", answered("otitis_media", { ...diagnosed, meningitis_signs: true }), { outcome: "emergency" }],
    ["mastoiditis signs are an emergency", answered("otitis_media", { ...diagnosed, mastoiditis_signs: true }), { outcome: "emergency" }],
    ["brain abscess signs are an emergency", answered("otitis_media", { ...diagnosed, brain_abscess_signs: true }), { outcome: "emergency" }],
    ["sinus thrombosis signs are an emergency", answered("otitis_media", { ...diagnosed, sinus_thrombosis_signs: true }), { outcome: "emergency" }],
    ["facial nerve paralysis is an emergency", answered("otitis_media", { ...diagnosed, facial_nerve_paralysis: true }), { outcome: "emergency" }],
    ["a systemically very unwell child is referred", answered("otitis_media", { ...diagnosed, systemically_very_unwell: true }), { outcome: "refer" }],
    ["high risk of complications is referred", answered("otitis_media", { ...diagnosed, high_risk_of_complications: true }), { outcome: "refer" }],
    ["without otoscopy findings another diagnosis is likely", answered("otitis_media", { acute_onset_symptoms: true }), { outcome: "refer", reasons: ["diagnosis_not_met"] }],
    ["without acute onset another diagnosis is likely", answered("otitis_media", { otoscopy_findings: true }), { outcome: "refer" }],
    ["discharge or perforation is treated", answered("otitis_media", { ...diagnosed, otorrhoea_or_perforation: true }), { outcome: "treat", treatment: "amoxicillin" }],
    ["under 2 with both ears infected is treated", answered("otitis_media", { ...diagnosed, bilateral: true }, { age: 1.5 }), { outcome: "treat", treatment: "amoxicillin" }],
    ["age 2 with both ears infected is self care", answered("otitis_media", { ...diagnosed, bilateral: true }, { age: 2 }), { outcome: "self_care" }],
    ["over 2, whether both ears are infected is not needed", answered("otitis_media", { ...diagnosed, bilateral: undefined }, { age: 6 }), { outcome: "self_care" }],
    ["under 2, whether both ears are infected is needed", answered("otitis_media", { ...diagnosed, bilateral: undefined }, { age: 1 }), { outcome: "incomplete", missing: ["bilateral"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("sinusitis", () => {
  const diagnosed = { nasal_blockage_or_discharge: true, facial_pain: true, symptom_days: 14, fever: true, purulent_discharge: true };
  const cases: Case[] = [
    ["age 11 is not eligible", answered("sinusitis", diagnosed, { age: 11 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["age 12 is eligible", answered("sinusitis", diagnosed, { age: 12 }), { outcome: "treat", treatment: "nasal_corticosteroid" }],
    ["immunosuppression is not eligible", answered("sinusitis", { ...diagnosed, immunosuppressed: true }), { outcome: "not_eligible", reasons: ["exclusion:immunosuppressed"] }],
    ["chronic sinusitis is not eligible", answered("sinusitis", { ...diagnosed, chronic_sinusitis: true }), { outcome: "not_eligible" }],
    ["pregnant and under 16 is not eligible", answered("sinusitis", diagnosed, { age: 14, pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant_under_16"] }],
    ["orbital complications are an emergency", answered("sinusitis", { ...diagnosed, orbital_complications: true }), { outcome: "emergency" }],
    ["intracranial complications are an emergency", answered("sinusitis", { ...diagnosed, intracranial_complications: true }), { outcome: "emergency" }],
    ["meningitis signs are an emergency", answered("sinusitis", { ...diagnosed, meningitis_signs: true }), { outcome: "emergency" }],
    ["a severe frontal headache is an emergency", answered("sinusitis", { ...diagnosed, severe_frontal_headache: true }), { outcome: "emergency" }],
    ["focal neurological signs are an emergency", answered("sinusitis", { ...diagnosed, focal_neurological_signs: true }), { outcome: "emergency" }],
    ["without nasal blockage or discharge another diagnosis is likely", answered("sinusitis", { ...diagnosed, nasal_blockage_or_discharge: false }), { outcome: "refer", reasons: ["diagnosis_not_met"] }],
    ["nasal blockage alone is not sinusitis", answered("sinusitis", { ...diagnosed, facial_pain: false }), { outcome: "refer" }],
    ["reduced smell counts as the second symptom", answered("sinusitis", { ...diagnosed, facial_pain: false, reduced_smell: true }), { outcome: "treat", treatment: "nasal_corticosteroid" }],
    ["10 days or fewer is self care", answered("sinusitis", { ...diagnosed, symptom_days: 10 }), { outcome: "self_care" }],
    ["10 days or fewer needs no bacterial features", answered("sinusitis", { ...diagnosed, symptom_days: 3, fever: undefined, purulent_discharge: undefined, marked_deterioration: undefined, severe_unilateral_pain: undefined }), { outcome: "self_care" }],
    ["over 10 days with one feature is self care", answered("sinusitis", { ...diagnosed, symptom_days: 10.5, fever: false }), { outcome: "self_care", reasons: ["bacterial_features:1"] }],
    ["over 10 days with two features is treated", answered("sinusitis", { ...diagnosed, symptom_days: 11 }), { outcome: "treat", treatment: "nasal_corticosteroid", reasons: ["bacterial_features:2"] }],
    ["an unknown duration is asked for when it matters", answered("sinusitis", { ...diagnosed, symptom_days: undefined }), { outcome: "incomplete", missing: ["symptom_days"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("shingles", () => {
  const typical = { typical_presentation: true, rash_days: 2, non_truncal: true };
  const cases: Case[] = [
    ["age 17 is not eligible", answered("shingles", typical, { age: 17 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["age 18 is eligible", answered("shingles", typical, { age: 18 }), { outcome: "treat", treatment: "aciclovir" }],
    ["pregnancy is not eligible", answered("shingles", typical, { sex: "female", pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant"] }],
    ["meningitis signs are an emergency", answered("shingles", { ...typical, meningitis_signs: true }), { outcome: "emergency" }],
    ["encephalitis signs are an emergency", answered("shingles", { ...typical, encephalitis_signs: true }), { outcome: "emergency" }],
    ["myelitis signs are an emergency", answered("shingles", { ...typical, myelitis_signs: true }), { outcome: "emergency" }],
    ["facial nerve paralysis is an emergency", answered("shingles", { ...typical, facial_nerve_paralysis: true }), { outcome: "emergency" }],
    ["ophthalmic involvement is an emergency", answered("shingles", { ...typical, ophthalmic_involvement: true }), { outcome: "emergency" }],
    ["severe immunosuppression is an emergency", answered("shingles", { ...typical, severely_immunosuppressed: true }), { outcome: "emergency" }],
    ["immunosuppression with a widespread rash is an emergency", answered("shingles", { ...typical, immunosuppressed: true, severe_or_widespread_rash: true }), { outcome: "emergency", reasons: ["red_flag:immunosuppressed_with_severe_rash_or_unwell"] }],
    ["immunosuppression while systemically unwell is an emergency", answered("shingles", { ...typical, immunosuppressed: true, systemically_unwell: true }), { outcome: "emergency" }],
    ["a widespread rash without immunosuppression is not an emergency", answered("shingles", { ...typical, severe_or_widespread_rash: true }), { outcome: "treat", treatment: "aciclovir" }],
    ["without the rash's second part known, immunosuppression waits for it", answered("shingles", { ...typical, immunosuppressed: true, severe_or_widespread_rash: undefined }), { outcome: "incomplete", missing: ["severe_or_widespread_rash"] }],
    ["without immunosuppression the rash's extent is not needed", answered("shingles", { ...typical, severe_or_widespread_rash: undefined, systemically_unwell: undefined }), { outcome: "treat", treatment: "aciclovir" }],
    ["an atypical presentation is referred", answered("shingles", { ...typical, typical_presentation: false }), { outcome: "refer", reasons: ["diagnosis_not_met"] }],
    ["within 3 days and non-truncal is treated", answered("shingles", { ...typical, rash_days: 3 }), { outcome: "treat", treatment: "aciclovir" }],
    ["within 3 days and over 50 is treated", answered("shingles", { ...typical, non_truncal: false }, { age: 51 }), { outcome: "treat", treatment: "aciclovir", reasons: ["age_over_50"] }],
    ["within 3 days at 50 and some months is not over 50", answered("shingles", { ...typical, non_truncal: false }, { age: 50.5 }), { outcome: "self_care" }],
    ["within 3 days with no criterion is self care", answered("shingles", { ...typical, non_truncal: false }), { outcome: "self_care" }],
    ["after 3 days the early criteria no longer count", answered("shingles", { ...typical, rash_days: 4 }), { outcome: "self_care" }],
    ["within 7 days with severe pain is treated", answered("shingles", { ...typical, rash_days: 7, severe_pain: true }), { outcome: "treat", treatment: "aciclovir" }],
    ["within 7 days with new blisters is treated", answered("shingles", { ...typical, rash_days: 5, continued_vesicle_formation: true }), { outcome: "treat", treatment: "aciclovir" }],
    ["within 7 days at 70 is treated", answered("shingles", { ...typical, rash_days: 6, non_truncal: false }, { age: 70 }), { outcome: "treat", treatment: "aciclovir", reasons: ["age_70_or_over"] }],
    ["after 7 days is self care", answered("shingles", { ...typical, rash_days: 8, severe_pain: true }), { outcome: "self_care" }],
    ["the rash's age is asked for when it matters", answered("shingles", { ...typical, rash_days: undefined }), { outcome: "incomplete", missing: ["rash_days"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("impetigo", () => {
  const typical = { typical_features: true, lesion_count: 2 };
  const cases: Case[] = [
    ["under 1 is not eligible", answered("impetigo", typical, { age: 0.9 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["age 1 is eligible", answered("impetigo", typical, { age: 1 }), { outcome: "treat", treatment: "hydrogen_peroxide_cream" }],
    ["bullous impetigo is not eligible", answered("impetigo", { ...typical, bullous: true }), { outcome: "not_eligible", reasons: ["exclusion:bullous"] }],
    ["recurrent impetigo is not eligible", answered("impetigo", { ...typical, recurrent_impetigo: true }), { outcome: "not_eligible" }],
    ["pregnant and under 16 is not eligible", answered("impetigo", typical, { age: 15, pregnant: true }), { outcome: "not_eligible", reasons: ["pregnant_under_16"] }],
    ["severe complications are an emergency", answered("impetigo", { ...typical, severe_complications: true }), { outcome: "emergency" }],
    ["immunosuppression with widespread lesions is an emergency", answered("impetigo", { ...typical, immunosuppressed: true, widespread: true }), { outcome: "emergency", reasons: ["red_flag:immunosuppressed_with_widespread"] }],
    ["widespread lesions alone are not an emergency", answered("impetigo", { ...typical, widespread: true }), { outcome: "treat", treatment: "hydrogen_peroxide_cream" }],
    ["atypical features are referred", answered("impetigo", { ...typical, typical_features: false }), { outcome: "refer", reasons: ["diagnosis_not_met"] }],
    ["3 lesions are treated with hydrogen peroxide cream", answered("impetigo", { ...typical, lesion_count: 3 }), { outcome: "treat", treatment: "hydrogen_peroxide_cream" }],
    ["4 lesions are treated with flucloxacillin", answered("impetigo", { ...typical, lesion_count: 4 }), { outcome: "treat", treatment: "flucloxacillin" }],
    ["the lesion count is needed to choose the treatment", answered("impetigo", { typical_features: true }), { outcome: "incomplete", missing: ["lesion_count"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("insect_bite", () => {
  const infected = { hours_since_bite: 72, redness: true, swelling: true, hot_skin: true, spreading: true };
  const cases: Case[] = [
    ["under 1 is not eligible", answered("insect_bite", infected, { age: 0.5 }), { outcome: "not_eligible", reasons: ["age_out_of_range"] }],
    ["pregnant and under 16 is not eligible", answered("insect_bite", infected, { age: 15, sex: "female", pregnant: true }), { outcome: "not_eligible" }],
    ["anaphylaxis is an emergency", answered("insect_bite", { ...infected, anaphylaxis_signs: true }), { outcome: "emergency" }],
    ["a sting in the mouth or throat is an emergency", answered("insect_bite", { ...infected, airway_risk: true }), { outcome: "emergency" }],
    ["a bite near the eye is an emergency", answered("insect_bite", { ...infected, orbital_cellulitis_concern: true }), { outcome: "emergency" }],
    ["severe immunosuppression is an emergency", answered("insect_bite", { ...infected, severely_immunosuppressed: true }), { outcome: "emergency" }],
    ["an animal or human bite is referred", answered("insect_bite", { ...infected, animal_or_human_bite: true }), { outcome: "refer" }],
    ["a tick bite with Lyme signs is referred", answered("insect_bite", { ...infected, tick_bite_lyme_signs: true }), { outcome: "refer" }],
    ["a bite abroad is referred", answered("insect_bite", { ...infected, bitten_abroad: true }), { outcome: "refer" }],
    ["systemically unwell is referred", answered("insect_bite", { ...infected, systemically_unwell: true }), { outcome: "refer" }],
    ["a condition that delays healing is referred", answered("insect_bite", { ...infected, delayed_healing_condition: true }), { outcome: "refer" }],
    ["pain out of proportion is referred", answered("insect_bite", { ...infected, pain_out_of_proportion: true }), { outcome: "refer" }],
    ["a fluid collection is referred", answered("insect_bite", { ...infected, fluid_collection: true }), { outcome: "refer" }],
    ["under 48 hours is self care", answered("insect_bite", { ...infected, hours_since_bite: 47.5 }), { outcome: "self_care", reasons: ["hours_since_bite:under_48"] }],
    ["under 48 hours needs no infection signs", only("insect_bite", { ...Object.fromEntries(booleanKeys("insect_bite").slice(0, 13).map((k) => [k, false])), hours_since_bite: 10 }), { outcome: "self_care" }],
    ["itch as the main symptom is self care", answered("insect_bite", { ...infected, itch_main_symptom: true }), { outcome: "self_care", reasons: ["itch_main_symptom"] }],
    ["3 signs and spreading at 48 hours are treated", answered("insect_bite", { ...infected, hours_since_bite: 48 }), { outcome: "treat", treatment: "flucloxacillin" }],
    ["3 signs and pus are treated", answered("insect_bite", { ...infected, spreading: false, pus: true }), { outcome: "treat", treatment: "flucloxacillin" }],
    ["3 signs without spreading or pus are self care", answered("insect_bite", { ...infected, spreading: false }), { outcome: "self_care", reasons: ["infection_signs:3"] }],
    ["2 signs with spreading are self care", answered("insect_bite", { ...infected, hot_skin: false }), { outcome: "self_care", reasons: ["infection_signs:2"] }],
    ["the time since the bite is asked for when it matters", answered("insect_bite", { ...infected, hours_since_bite: undefined }), { outcome: "incomplete", missing: ["hours_since_bite"] }],
  ];
  it.each(cases)("%s", (_, facts, expected) => check(facts, expected));
});

describe("nextQuestion", () => {
  it("asks about serious illness first", () => {
    expect(nextQuestion(only("uti"))?.id).toBe("sepsis_signs");
  });

  it("asks the condition's red flags before eligibility and diagnosis", () => {
    expect(nextQuestion(only("uti", { sepsis_signs: false, deterioration_risk: false }))?.id).toBe("kidney_pain");
  });

  it("gives both languages, the answer type and who can answer", () => {
    const question = nextQuestion(answered("uti", { dysuria: true, new_nocturia: true }));
    expect(question).toMatchObject({ id: "severity", answer: { type: "choice" }, askable: "patient", redFlag: false });
    expect(question?.text.id).toMatch(/berat/i);
    expect(question?.text.en).toMatch(/severe/i);
  });

  it("skips pharmacist-only questions for a patient audience", () => {
    const facts = only("sore_throat", { sepsis_signs: false, deterioration_risk: false, epiglottitis_signs: false, stridor: false });
    expect(nextQuestion(facts)?.id).toBe("severe_complications");
    expect(nextQuestion(facts, "patient")?.id).toBe("immunosuppressed");
  });

  it("is null once the outcome is decided", () => {
    expect(nextQuestion(only("sore_throat", { stridor: true }))).toBeNull();
    expect(nextQuestion(answered("uti"))).toBeNull();
  });
});

describe("protocol data", () => {
  it.each(CONDITIONS)("%s has exactly one question per finding in its schema", (condition) => {
    const schemaKeys = Object.keys(FINDINGS_SCHEMAS[condition].shape).sort();
    const questionIds = questionsFor(condition).map((q) => q.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    expect([...questionIds].sort()).toEqual(schemaKeys);
  });

  it.each(CONDITIONS)("%s marks as red flags exactly the findings that alone mean emergency or urgent referral", (condition) => {
    const protocol = PROTOCOLS[condition];
    const single = [...protocol.emergency, ...protocol.urgent].filter((rule) => rule.keys.length === 1).flatMap((rule) => rule.keys);
    const flagged = questionsFor(condition).filter((q) => q.redFlag).map((q) => q.id);
    expect(flagged.sort()).toEqual(["deterioration_risk", "sepsis_signs", ...single].sort());
  });

  it.each(CONDITIONS)("%s has short question texts in Indonesian and English", (condition) => {
    for (const question of questionsFor(condition)) {
      expect(question.text.id.length).toBeGreaterThan(5);
      expect(question.text.en.length).toBeGreaterThan(5);
      expect(question.text.en.length).toBeLessThan(140);
    }
  });

  it.each(CONDITIONS)("%s's decision reads only the findings it declares", (condition) => {
    const protocol = PROTOCOLS[condition];
    const declared = new Set<string>(protocol.decision.keys);
    const values = new Proxy({} as Record<string, unknown>, {
      get(_, key) {
        if (typeof key === "string" && !declared.has(key)) throw new Error(`undeclared read of ${key}`);
        const question = questionsFor(condition).find((q) => q.id === key);
        if (question?.answer.type === "choice") return question.answer.options[0]?.value;
        if (question?.answer.type === "boolean") return true;
        return 1;
      },
    });
    const patient = { age: 30, years: 30, sex: "female" as const, pregnant: false };
    expect(() => protocol.decision.decide(values as never, patient)).not.toThrow();
  });

  it.each(CONDITIONS)("%s keeps its referral flags out of its decision findings", (condition) => {
    const protocol = PROTOCOLS[condition];
    const decisionKeys = new Set<string>(protocol.decision.keys);
    expect(protocol.refer.flatMap((rule) => rule.keys).filter((key) => decisionKeys.has(key))).toEqual([]);
  });
});

describe("input validation", () => {
  it("names the field and the reason for a wrongly typed finding", () => {
    const result = parseTriageFacts({ condition: "uti", age: 30, sex: "female", pregnant: false, findings: { dysuria: "yes" } });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^findings\.dysuria: .*boolean/) });
  });

  it("rejects a finding that does not belong to the condition", () => {
    const result = parseTriageFacts({ condition: "uti", age: 30, sex: "female", pregnant: false, findings: { stridor: true } });
    expect(result).toEqual({ ok: false, error: expect.stringContaining("findings.stridor") });
  });

  it("rejects an unknown condition by listing the valid ones", () => {
    const result = parseTriageFacts({ condition: "flu", age: 30, sex: "female", pregnant: false, findings: {} });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^condition: .*uti.*insect_bite/) });
  });

  it("rejects a negative age, an unknown sex and a missing pregnancy answer", () => {
    const result = parseTriageFacts({ condition: "uti", age: -1, sex: "other", findings: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain("age:");
      expect(result.error).toContain("sex:");
      expect(result.error).toContain("pregnant:");
    }
  });

  it("rejects a fractional lesion count and an unknown severity", () => {
    expect(parseTriageFacts({ condition: "impetigo", age: 5, sex: "male", pregnant: false, findings: { lesion_count: 2.5 } }).ok).toBe(false);
    expect(parseTriageFacts({ condition: "uti", age: 30, sex: "female", pregnant: false, findings: { severity: "awful" } }).ok).toBe(false);
  });
});
