import {
  countTrue,
  defineProtocol,
  flagRules,
  redFlag,
  severityQuestion,
  yesNo,
} from "../protocol";

const FEVERPAIN = ["fever", "purulence", "attend_rapidly", "inflamed_tonsils", "no_cough_or_coryza"] as const;

/** Acute sore throat, age 5 and over, scored with FeverPAIN. */
export const soreThroatProtocol = defineProtocol({
  condition: "sore_throat",
  label: { en: "Sore throat", id: "Sakit tenggorokan" },
  questions: [
    redFlag("epiglottitis_signs", "Are you drooling, struggling to swallow, or is your voice muffled?", "Apakah Anda ngiler, sangat sulit menelan, atau suara jadi tidak jelas?"),
    redFlag("stridor", "Is there a high-pitched or noisy sound when breathing in?", "Apakah ada bunyi nyaring atau berisik saat menarik napas?"),
    redFlag("severe_complications", "Signs of dehydration or a throat abscess?", "Tanda dehidrasi atau abses tenggorokan?", "pharmacist"),
    yesNo("scarlet_fever_quinsy_or_glandular_fever_suspected", "Scarlet fever, quinsy or glandular fever suspected?", "Curiga demam scarlet, abses peritonsil, atau demam kelenjar?", { askable: "pharmacist" }),
    yesNo("suspected_cancer", "Any features suggesting cancer?", "Ada tanda yang mengarah ke kanker?", { askable: "pharmacist" }),
    yesNo("immunosuppressed", "Is your immune system weakened (e.g. chemotherapy, steroid tablets)?", "Apakah daya tahan tubuh Anda lemah (misalnya kemoterapi, obat steroid)?"),
    yesNo("fever", "Have you had a fever over 38 °C in the last 24 hours?", "Apakah Anda demam di atas 38 °C dalam 24 jam terakhir?"),
    yesNo("purulence", "Pus on the tonsils?", "Ada nanah di amandel?", { askable: "pharmacist" }),
    yesNo("attend_rapidly", "Did the sore throat start 3 days ago or less?", "Apakah sakit tenggorokannya mulai 3 hari yang lalu atau kurang?"),
    yesNo("inflamed_tonsils", "Severely inflamed tonsils?", "Amandel sangat meradang?", { askable: "pharmacist" }),
    yesNo("no_cough_or_coryza", "Are you free of cough and runny or blocked nose?", "Apakah Anda TIDAK batuk dan TIDAK pilek?"),
    severityQuestion("severity", "How bad are your symptoms? 1 Mild, 2 Moderate, 3 Severe", "Seberapa berat keluhannya? 1 Ringan, 2 Sedang, 3 Berat"),
  ],
  eligibility: { minYears: 5, pregnancy: "excluded_under_16", exclusions: [] },
  emergency: flagRules("red_flag", "epiglottitis_signs", "stridor", "severe_complications"),
  urgent: [],
  refer: flagRules("refer", "scarlet_fever_quinsy_or_glandular_fever_suspected", "suspected_cancer", "immunosuppressed"),
  decision: {
    keys: [...FEVERPAIN, "severity"],
    decide(values) {
      const score = countTrue(values, FEVERPAIN);
      const reason = `feverpain_score:${score}`;
      if (score <= 3) return { outcome: "self_care", reasons: [reason] };
      if (values.severity === "severe") {
        return { outcome: "treat", treatment: "phenoxymethylpenicillin", reasons: [reason, "severity:severe"] };
      }
      return { outcome: "self_care", reasons: [reason, `severity:${values.severity}`] };
    },
  },
});
