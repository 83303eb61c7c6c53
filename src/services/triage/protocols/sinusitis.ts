import { countTrue, defineProtocol, flagRules, redFlag, yesNo } from "../protocol";

const BACTERIAL_FEATURES = ["marked_deterioration", "fever", "purulent_discharge", "severe_unilateral_pain"] as const;
const SECOND_SYMPTOMS = ["facial_pain", "reduced_smell", "cough"] as const;

/** Acute sinusitis, age 12 and over. */
export const sinusitisProtocol = defineProtocol({
  condition: "sinusitis",
  label: { en: "Sinusitis (blocked nose, face pain)", id: "Sinusitis (hidung tersumbat, nyeri wajah)" },
  questions: [
    redFlag("orbital_complications", "Swelling or redness around the eye, double vision or worse eyesight?", "Bengkak atau merah di sekitar mata, penglihatan ganda atau kabur?"),
    redFlag("intracranial_complications", "Signs of intracranial complications?", "Tanda komplikasi intrakranial?", "pharmacist"),
    redFlag("meningitis_signs", "Stiff neck, dislike of bright light, or a rash that does not fade when pressed?", "Leher kaku, silau terhadap cahaya, atau ruam yang tidak memudar saat ditekan?"),
    redFlag("severe_frontal_headache", "Do you have a severe headache at the front of your head?", "Apakah ada sakit kepala hebat di bagian dahi?"),
    redFlag("focal_neurological_signs", "Focal neurological signs?", "Tanda gangguan saraf fokal?", "pharmacist"),
    yesNo("immunosuppressed", "Is your immune system weakened (e.g. chemotherapy, steroid tablets)?", "Apakah daya tahan tubuh Anda lemah (misalnya kemoterapi, obat steroid)?"),
    yesNo("chronic_sinusitis", "Have you had these sinus symptoms for more than 12 weeks?", "Apakah keluhan sinus ini sudah lebih dari 12 minggu?"),
    yesNo("nasal_blockage_or_discharge", "Is your nose blocked or runny?", "Apakah hidung Anda tersumbat atau berair/beringus?"),
    yesNo("facial_pain", "Do you have pain or pressure in your face?", "Apakah ada nyeri atau rasa tertekan di wajah?"),
    yesNo("reduced_smell", "Is your sense of smell reduced?", "Apakah penciuman Anda berkurang?"),
    yesNo("cough", "Do you have a cough?", "Apakah Anda batuk?"),
    {
      id: "symptom_days",
      text: { en: "How many days have you had these symptoms?", id: "Sudah berapa hari keluhan ini?" },
      answer: { type: "duration_days" },
      askable: "patient",
      redFlag: false,
    },
    yesNo("marked_deterioration", "Did you get better and then clearly worse again?", "Apakah sempat membaik lalu jelas memburuk lagi?"),
    yesNo("fever", "Do you have a fever?", "Apakah Anda demam?"),
    yesNo("purulent_discharge", "Is thick yellow or green mucus coming from your nose?", "Apakah ingus kental berwarna kuning atau hijau?"),
    yesNo("severe_unilateral_pain", "Is there severe pain on one side of your face or teeth?", "Apakah ada nyeri hebat di satu sisi wajah atau gigi?"),
  ],
  eligibility: {
    minYears: 12,
    pregnancy: "excluded_under_16",
    exclusions: ["immunosuppressed", "chronic_sinusitis"],
  },
  emergency: flagRules(
    "red_flag",
    "orbital_complications",
    "intracranial_complications",
    "meningitis_signs",
    "severe_frontal_headache",
    "focal_neurological_signs",
  ),
  urgent: [],
  refer: [],
  decision: {
    keys: ["nasal_blockage_or_discharge", ...SECOND_SYMPTOMS, "symptom_days", ...BACTERIAL_FEATURES],
    samples: { symptom_days: [10, 11] },
    decide(values) {
      if (!values.nasal_blockage_or_discharge || countTrue(values, SECOND_SYMPTOMS) === 0) {
        return { outcome: "refer", reasons: ["diagnosis_not_met"] };
      }
      if (values.symptom_days <= 10) return { outcome: "self_care", reasons: ["symptom_days:10_or_fewer"] };
      const features = countTrue(values, BACTERIAL_FEATURES);
      const reasons = ["symptom_days:over_10", `bacterial_features:${features}`];
      return features >= 2
        ? { outcome: "treat", treatment: "nasal_corticosteroid", reasons }
        : { outcome: "self_care", reasons };
    },
  },
});
