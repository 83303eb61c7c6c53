import { defineProtocol, flagRules, redFlag, togetherRule, yesNo } from "../protocol";

const EARLY_CRITERIA = ["non_truncal", "moderate_or_severe_pain", "moderate_or_severe_rash", "immunosuppressed"] as const;
const WEEK_CRITERIA = [
  "immunosuppressed",
  "continued_vesicle_formation",
  "severe_pain",
  "high_risk_of_severe_shingles",
] as const;

/** Herpes zoster, age 18 and over, not pregnant. */
export const shinglesProtocol = defineProtocol({
  condition: "shingles",
  label: { en: "Shingles (one-sided blistering rash)", id: "Cacar ular / herpes zoster (ruam melepuh satu sisi)" },
  questions: [
    redFlag("meningitis_signs", "Stiff neck, dislike of bright light, or a rash that does not fade when pressed?", "Leher kaku, silau terhadap cahaya, atau ruam yang tidak memudar saat ditekan?"),
    redFlag("encephalitis_signs", "Signs of encephalitis (confusion, fits, altered behaviour)?", "Tanda ensefalitis (bingung, kejang, perilaku berubah)?", "pharmacist"),
    redFlag("myelitis_signs", "Signs of myelitis (leg weakness, bladder or bowel problems)?", "Tanda mielitis (kaki lemah, gangguan kencing atau BAB)?", "pharmacist"),
    redFlag("facial_nerve_paralysis", "Is one side of the face drooping or unable to move?", "Apakah satu sisi wajah turun atau tidak bisa digerakkan?"),
    redFlag("ophthalmic_involvement", "Is the rash near your eye, or on the tip, side or root of your nose?", "Apakah ruamnya dekat mata, atau di ujung, samping atau pangkal hidung?"),
    redFlag("severely_immunosuppressed", "Severely immunosuppressed (e.g. chemotherapy, transplant)?", "Imun sangat lemah (misalnya kemoterapi, transplantasi)?", "pharmacist"),
    yesNo("immunosuppressed", "Is your immune system weakened (e.g. steroid tablets, other medicines)?", "Apakah daya tahan tubuh Anda lemah (misalnya obat steroid, obat lain)?"),
    yesNo("severe_or_widespread_rash", "Severe or widespread rash?", "Ruam berat atau meluas?", { askable: "pharmacist" }),
    yesNo("systemically_unwell", "Do you feel very unwell in yourself?", "Apakah badan Anda terasa sangat tidak enak/sakit?"),
    yesNo("typical_presentation", "Typical shingles: one-sided band of blisters after burning pain?", "Khas herpes zoster: lenting berkelompok satu sisi setelah nyeri terbakar?", { askable: "pharmacist" }),
    {
      id: "rash_days",
      text: { en: "How many days ago did the rash appear?", id: "Sudah berapa hari ruamnya muncul?" },
      answer: { type: "duration_days" },
      askable: "patient",
      redFlag: false,
    },
    yesNo("non_truncal", "Is the rash somewhere other than your chest, back or belly?", "Apakah ruamnya di tempat selain dada, punggung atau perut?"),
    yesNo("moderate_or_severe_pain", "Is the pain moderate or severe?", "Apakah nyerinya sedang atau berat?"),
    yesNo("moderate_or_severe_rash", "Moderate or severe rash?", "Ruam sedang atau berat?", { askable: "pharmacist" }),
    yesNo("continued_vesicle_formation", "Are new blisters still appearing?", "Apakah masih muncul lenting/lepuh baru?"),
    yesNo("severe_pain", "Is the pain severe?", "Apakah nyerinya hebat?"),
    yesNo("high_risk_of_severe_shingles", "High risk of severe shingles (e.g. severe atopic dermatitis or eczema)?", "Risiko tinggi herpes zoster berat (misalnya dermatitis atopik atau eksim berat)?", { askable: "pharmacist" }),
  ],
  eligibility: { minYears: 18, pregnancy: "excluded", exclusions: [] },
  emergency: [
    ...flagRules(
      "red_flag",
      "meningitis_signs",
      "encephalitis_signs",
      "myelitis_signs",
      "facial_nerve_paralysis",
      "ophthalmic_involvement",
      "severely_immunosuppressed",
    ),
    togetherRule(
      "immunosuppressed",
      ["severe_or_widespread_rash", "systemically_unwell"],
      "red_flag:immunosuppressed_with_severe_rash_or_unwell",
    ),
  ],
  urgent: [],
  refer: [],
  decision: {
    keys: ["typical_presentation", "rash_days", "non_truncal", "moderate_or_severe_pain", "moderate_or_severe_rash", ...WEEK_CRITERIA],
    samples: { rash_days: [3, 7, 8] },
    decide(values, patient) {
      if (!values.typical_presentation) return { outcome: "refer", reasons: ["diagnosis_not_met"] };
      const early: string[] = EARLY_CRITERIA.filter((key) => values[key]);
      if (patient.years > 50) early.push("age_over_50");
      if (values.rash_days <= 3 && early.length > 0) {
        return { outcome: "treat", treatment: "aciclovir", reasons: ["rash_days:3_or_fewer", ...early] };
      }
      const week: string[] = WEEK_CRITERIA.filter((key) => values[key]);
      if (patient.years >= 70) week.push("age_70_or_over");
      if (values.rash_days <= 7 && week.length > 0) {
        return { outcome: "treat", treatment: "aciclovir", reasons: ["rash_days:7_or_fewer", ...week] };
      }
      return { outcome: "self_care", reasons: ["no_antiviral_criteria"] };
    },
  },
});
