import { countTrue, defineProtocol, flagRules, redFlag, yesNo } from "../protocol";

const INFECTION_SIGNS = ["redness", "pain_or_tenderness", "swelling", "hot_skin"] as const;

/** Infected insect bite or sting, age 1 and over. */
export const insectBiteProtocol = defineProtocol({
  condition: "insect_bite",
  label: { en: "Infected insect bite or sting", id: "Gigitan atau sengatan serangga yang terinfeksi" },
  questions: [
    redFlag("anaphylaxis_signs", "Any trouble breathing, swollen face, lips or tongue, or feeling faint?", "Apakah sesak napas, wajah/bibir/lidah bengkak, atau mau pingsan?"),
    redFlag("airway_risk", "Was the bite or sting inside the mouth or throat?", "Apakah gigitan/sengatannya di dalam mulut atau tenggorokan?"),
    redFlag("orbital_cellulitis_concern", "Is the bite near the eye, with swelling around the eye?", "Apakah gigitannya dekat mata, dengan bengkak di sekitar mata?"),
    redFlag("severely_immunosuppressed", "Severely immunosuppressed (e.g. chemotherapy, transplant)?", "Imun sangat lemah (misalnya kemoterapi, transplantasi)?", "pharmacist"),
    yesNo("animal_or_human_bite", "Was it an animal or human bite rather than an insect?", "Apakah itu gigitan hewan atau manusia, bukan serangga?"),
    yesNo("tick_bite_lyme_signs", "Was it a tick bite, with a spreading round red rash or flu-like illness?", "Apakah itu gigitan kutu caplak, dengan ruam merah bulat melebar atau gejala seperti flu?"),
    yesNo("bitten_abroad", "Were you bitten while abroad?", "Apakah Anda digigit saat di luar negeri?"),
    yesNo("systemically_unwell", "Do you feel very unwell in yourself, e.g. fever or shivering?", "Apakah badan terasa sangat tidak enak, misalnya demam atau menggigil?"),
    yesNo("delayed_healing_condition", "Do you have a condition that slows healing (e.g. diabetes, poor circulation)?", "Apakah Anda punya penyakit yang memperlambat penyembuhan (misalnya diabetes, sirkulasi darah buruk)?"),
    yesNo("pain_out_of_proportion", "Pain out of proportion to the appearance?", "Nyeri jauh lebih berat dari tampilan lukanya?", { askable: "pharmacist" }),
    yesNo("fluid_collection", "A collection of fluid or pus (abscess) under the skin?", "Ada kumpulan cairan atau nanah (abses) di bawah kulit?", { askable: "pharmacist" }),
    {
      id: "hours_since_bite",
      text: { en: "How long ago were you bitten? (hours or days)", id: "Berapa lama yang lalu Anda digigit? (jam atau hari)" },
      answer: { type: "number", unit: "hours" },
      askable: "patient",
      redFlag: false,
    },
    yesNo("itch_main_symptom", "Is itching the main problem?", "Apakah keluhan utamanya gatal?"),
    yesNo("redness", "Is the skin around the bite red?", "Apakah kulit di sekitar gigitan merah?"),
    yesNo("pain_or_tenderness", "Is it painful or tender to touch?", "Apakah terasa nyeri atau sakit saat disentuh?"),
    yesNo("swelling", "Is it swollen?", "Apakah bengkak?"),
    yesNo("hot_skin", "Does the skin around it feel hot?", "Apakah kulit di sekitarnya terasa panas?"),
    yesNo("spreading", "Is the redness or swelling spreading?", "Apakah merah atau bengkaknya makin meluas?"),
    yesNo("pus", "Is there pus?", "Apakah ada nanah?"),
  ],
  eligibility: { minYears: 1, pregnancy: "excluded_under_16", exclusions: [] },
  emergency: flagRules("red_flag", "anaphylaxis_signs", "airway_risk", "orbital_cellulitis_concern", "severely_immunosuppressed"),
  urgent: [],
  refer: flagRules(
    "refer",
    "animal_or_human_bite",
    "tick_bite_lyme_signs",
    "bitten_abroad",
    "systemically_unwell",
    "delayed_healing_condition",
    "pain_out_of_proportion",
    "fluid_collection",
  ),
  decision: {
    keys: ["hours_since_bite", "itch_main_symptom", ...INFECTION_SIGNS, "spreading", "pus"],
    samples: { hours_since_bite: [0, 48] },
    decide(values) {
      // A reaction in the first 48 hours, or mainly itch, is not infection.
      if (values.itch_main_symptom) return { outcome: "self_care", reasons: ["itch_main_symptom"] };
      if (values.hours_since_bite < 48) return { outcome: "self_care", reasons: ["hours_since_bite:under_48"] };
      const signs = countTrue(values, INFECTION_SIGNS);
      const reasons = [`infection_signs:${signs}`];
      if (signs >= 3 && (values.spreading || values.pus)) {
        return { outcome: "treat", treatment: "flucloxacillin", reasons: [...reasons, values.spreading ? "spreading" : "pus"] };
      }
      return { outcome: "self_care", reasons };
    },
  },
});
