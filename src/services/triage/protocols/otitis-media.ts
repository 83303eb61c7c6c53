import { defineProtocol, flagRules, redFlag, yesNo } from "../protocol";

/** Acute otitis media, age 1 to 17. */
export const otitisMediaProtocol = defineProtocol({
  condition: "otitis_media",
  label: { en: "Earache (ear infection)", id: "Sakit telinga (infeksi telinga)" },
  questions: [
    redFlag("meningitis_signs", "Stiff neck, dislike of bright light, or a rash that does not fade when pressed?", "Leher kaku, silau terhadap cahaya, atau ruam yang tidak memudar saat ditekan?"),
    redFlag("mastoiditis_signs", "Is there painful swelling or redness behind the ear, or is the ear pushed forward?", "Apakah ada bengkak atau merah yang nyeri di belakang telinga, atau telinga terdorong ke depan?"),
    redFlag("brain_abscess_signs", "Signs of brain abscess (severe headache, confusion, focal signs)?", "Tanda abses otak (sakit kepala hebat, bingung, gangguan saraf)?", "pharmacist"),
    redFlag("sinus_thrombosis_signs", "Signs of venous sinus thrombosis?", "Tanda trombosis sinus vena?", "pharmacist"),
    redFlag("facial_nerve_paralysis", "Is one side of the face drooping or unable to move?", "Apakah satu sisi wajah turun atau tidak bisa digerakkan?"),
    yesNo("recurrent_aom", "Has there been an ear infection 3 times in 6 months, or 4 times in a year?", "Apakah sudah kena infeksi telinga 3 kali dalam 6 bulan, atau 4 kali dalam setahun?"),
    yesNo("systemically_very_unwell", "Systemically very unwell?", "Kondisi umum sangat buruk?", { askable: "pharmacist" }),
    yesNo("high_risk_of_complications", "High risk of complications (e.g. heart, lung, kidney disease, immunosuppression)?", "Risiko tinggi komplikasi (misalnya penyakit jantung, paru, ginjal, imun lemah)?", { askable: "pharmacist" }),
    yesNo("acute_onset_symptoms", "Did the ear pain start suddenly in the last few days?", "Apakah sakit telinganya mulai tiba-tiba dalam beberapa hari ini?"),
    yesNo("otoscopy_findings", "Otoscopy: red, yellow, cloudy or bulging eardrum, or perforation?", "Otoskopi: gendang telinga merah, kuning, keruh atau menonjol, atau berlubang?", { askable: "pharmacist" }),
    yesNo("otorrhoea_or_perforation", "Is fluid or pus coming out of the ear?", "Apakah ada cairan atau nanah keluar dari telinga?"),
    yesNo("bilateral", "Infection in both ears?", "Infeksi di kedua telinga?", { askable: "pharmacist" }),
  ],
  eligibility: { minYears: 1, maxYears: 17, pregnancy: "excluded_under_16", exclusions: ["recurrent_aom"] },
  emergency: flagRules(
    "red_flag",
    "meningitis_signs",
    "mastoiditis_signs",
    "brain_abscess_signs",
    "sinus_thrombosis_signs",
    "facial_nerve_paralysis",
  ),
  urgent: [],
  refer: flagRules("refer", "systemically_very_unwell", "high_risk_of_complications"),
  decision: {
    keys: ["acute_onset_symptoms", "otoscopy_findings", "otorrhoea_or_perforation", "bilateral"],
    decide(values, patient) {
      if (!values.acute_onset_symptoms || !values.otoscopy_findings) {
        return { outcome: "refer", reasons: ["diagnosis_not_met"] };
      }
      if (values.otorrhoea_or_perforation) {
        return { outcome: "treat", treatment: "amoxicillin", reasons: ["otorrhoea_or_perforation"] };
      }
      if (patient.years < 2 && values.bilateral) {
        return { outcome: "treat", treatment: "amoxicillin", reasons: ["under_2_bilateral"] };
      }
      return { outcome: "self_care", reasons: ["no_antibiotic_criteria"] };
    },
  },
});
