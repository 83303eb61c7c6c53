import { defineProtocol, flagRules, redFlag, togetherRule, yesNo } from "../protocol";

/** Non-bullous impetigo, age 1 and over. */
export const impetigoProtocol = defineProtocol({
  condition: "impetigo",
  label: { en: "Impetigo (yellow crusty sores)", id: "Impetigo (koreng berkerak kuning)" },
  questions: [
    redFlag("severe_complications", "Signs of deeper soft-tissue infection?", "Tanda infeksi jaringan lunak yang lebih dalam?", "pharmacist"),
    yesNo("immunosuppressed", "Is your immune system weakened (e.g. chemotherapy, steroid tablets)?", "Apakah daya tahan tubuh Anda lemah (misalnya kemoterapi, obat steroid)?"),
    yesNo("widespread", "Are the sores spread over a large area of the body?", "Apakah lukanya menyebar luas di badan?"),
    yesNo("bullous", "Bullous impetigo (large fluid-filled blisters)?", "Impetigo bulosa (lepuh besar berisi cairan)?", { askable: "pharmacist" }),
    yesNo("recurrent_impetigo", "Have you had impetigo 2 or more times this year?", "Apakah sudah kena impetigo 2 kali atau lebih tahun ini?"),
    yesNo("typical_features", "Typical impetigo: golden crusts on thin-walled lesions?", "Khas impetigo: kerak kuning keemasan pada luka berdinding tipis?", { askable: "pharmacist" }),
    {
      id: "lesion_count",
      text: { en: "How many sores are there?", id: "Ada berapa banyak lukanya?" },
      answer: { type: "number", unit: "count", integer: true },
      askable: "patient",
      redFlag: false,
    },
  ],
  eligibility: { minYears: 1, pregnancy: "excluded_under_16", exclusions: ["bullous", "recurrent_impetigo"] },
  emergency: [
    ...flagRules("red_flag", "severe_complications"),
    togetherRule("immunosuppressed", ["widespread"], "red_flag:immunosuppressed_with_widespread"),
  ],
  urgent: [],
  refer: [],
  decision: {
    keys: ["typical_features", "lesion_count"],
    samples: { lesion_count: [3, 4] },
    decide(values) {
      if (!values.typical_features) return { outcome: "refer", reasons: ["diagnosis_not_met"] };
      return values.lesion_count <= 3
        ? { outcome: "treat", treatment: "hydrogen_peroxide_cream", reasons: ["lesions:3_or_fewer"] }
        : { outcome: "treat", treatment: "flucloxacillin", reasons: ["lesions:4_or_more"] };
    },
  },
});
