import {
  countTrue,
  defineProtocol,
  flagRules,
  redFlag,
  severityQuestion,
  yesNo,
} from "../protocol";

const KEY_SIGNS = ["dysuria", "new_nocturia", "cloudy_urine"] as const;
const OTHER_URINARY = ["urgency", "frequency", "visible_haematuria", "suprapubic_pain"] as const;

/** Uncomplicated lower urinary tract infection in women aged 16 to 64. */
export const utiProtocol = defineProtocol({
  condition: "uti",
  label: { en: "Urinary infection (pain when peeing)", id: "Infeksi saluran kemih (anyang-anyangan)" },
  questions: [
    redFlag("kidney_pain", "Do you have pain in your back or side, below the ribs?", "Apakah ada nyeri di punggung atau pinggang, di bawah tulang rusuk?"),
    redFlag("flu_like_myalgia", "Do you have flu-like aches all over your body?", "Apakah badan pegal-pegal seperti flu?"),
    redFlag("rigors_or_fever", "Do you have shaking chills, or a temperature of 37.9 °C or more?", "Apakah Anda menggigil hebat, atau suhu badan 37,9 °C atau lebih?"),
    redFlag("nausea_vomiting", "Are you feeling sick or vomiting?", "Apakah Anda mual atau muntah?"),
    yesNo("catheter", "Do you have a urinary catheter?", "Apakah Anda memakai kateter urine?"),
    yesNo("recurrent_uti", "Have you had 2 urine infections in the last 6 months, or 3 in the last year?", "Apakah Anda kena infeksi kencing 2 kali dalam 6 bulan terakhir, atau 3 kali dalam setahun?"),
    yesNo("vaginal_discharge", "Do you have any unusual vaginal discharge?", "Apakah ada keputihan yang tidak biasa?"),
    yesNo("urethritis_or_sti_risk", "Could you have a sexually transmitted infection (e.g. a new partner)?", "Apakah mungkin Anda tertular infeksi menular seksual (misalnya pasangan baru)?"),
    yesNo("menopause_symptoms", "Do you have menopause symptoms such as vaginal dryness?", "Apakah ada gejala menopause, seperti vagina kering?"),
    yesNo("immunosuppressed", "Is your immune system weakened (e.g. chemotherapy, steroid tablets)?", "Apakah daya tahan tubuh Anda lemah (misalnya kemoterapi, obat steroid)?"),
    yesNo("dysuria", "Does it burn or hurt when you pee?", "Apakah terasa perih atau sakit saat kencing?"),
    yesNo("new_nocturia", "Are you newly waking at night to pee?", "Apakah sekarang Anda jadi sering bangun malam untuk kencing?"),
    yesNo("cloudy_urine", "Is your pee cloudy?", "Apakah air kencing Anda keruh?"),
    yesNo("urgency", "Do you suddenly need to pee urgently?", "Apakah Anda tiba-tiba harus segera kencing?"),
    yesNo("frequency", "Are you peeing more often than usual?", "Apakah Anda lebih sering kencing dari biasanya?"),
    yesNo("visible_haematuria", "Can you see blood in your pee?", "Apakah ada darah di air kencing?"),
    yesNo("suprapubic_pain", "Do you have pain low in your belly?", "Apakah ada nyeri di perut bagian bawah?"),
    severityQuestion("severity", "How bad are your symptoms? 1 Mild, 2 Moderate, 3 Severe", "Seberapa berat keluhannya? 1 Ringan, 2 Sedang, 3 Berat"),
  ],
  eligibility: { minYears: 16, maxYears: 64, sex: "female", pregnancy: "excluded", exclusions: ["catheter", "recurrent_uti"] },
  emergency: [],
  // Signs of pyelonephritis: same-day GP.
  urgent: flagRules("red_flag", "kidney_pain", "flu_like_myalgia", "rigors_or_fever", "nausea_vomiting"),
  refer: flagRules("refer", "vaginal_discharge", "urethritis_or_sti_risk", "menopause_symptoms", "immunosuppressed"),
  decision: {
    keys: [...KEY_SIGNS, ...OTHER_URINARY, "severity"],
    decide(values) {
      const keySigns = countTrue(values, KEY_SIGNS);
      const reason = `key_signs:${keySigns}`;
      if (keySigns === 0) {
        return countTrue(values, OTHER_URINARY) > 0
          ? { outcome: "refer", reasons: [reason, "other_urinary_symptoms"] }
          : { outcome: "self_care", reasons: [reason, "no_urinary_symptoms"] };
      }
      if (keySigns === 1) return { outcome: "refer", reasons: [reason] };
      if (values.severity === "mild") return { outcome: "self_care", reasons: [reason, "severity:mild"] };
      return { outcome: "treat", treatment: "nitrofurantoin", reasons: [reason, `severity:${values.severity}`] };
    },
  },
});
