import { followUpDelayHours } from "./follow-up-policy";

/**
 * The self-care and safety-netting advice given with a consultation, in the patient's language,
 * from pharmacy-first.md: every pathway tells the patient to come back if worse, or if not better
 * by the follow-up time, and to call the emergency number in an emergency.
 */
export type AdviceLanguage = "id" | "en";
type Text = Readonly<Record<AdviceLanguage, string>>;

const SELF_CARE: Readonly<Record<string, Text>> = {
  uti: {
    en: "Drink plenty of fluids and take paracetamol or ibuprofen for the pain.",
    id: "Minum banyak air putih dan minum parasetamol atau ibuprofen untuk nyerinya.",
  },
  sore_throat: {
    en: "Rest, drink plenty of fluids, take paracetamol or ibuprofen, and try lozenges or a throat spray.",
    id: "Istirahat, minum banyak air, minum parasetamol atau ibuprofen, dan coba tablet hisap atau semprotan tenggorokan.",
  },
  otitis_media: {
    en: "Give paracetamol or ibuprofen for pain and fever; most ear infections get better within 3 days without antibiotics.",
    id: "Berikan parasetamol atau ibuprofen untuk nyeri dan demam; kebanyakan infeksi telinga membaik dalam 3 hari tanpa antibiotik.",
  },
  sinusitis: {
    en: "Rest, drink plenty of fluids, take paracetamol or ibuprofen, and rinse your nose with salt water.",
    id: "Istirahat, minum banyak air, minum parasetamol atau ibuprofen, dan bilas hidung dengan air garam.",
  },
  shingles: {
    en: "Keep the rash clean and dry, wear loose clothing and take paracetamol for the pain. Until the blisters have dried, keep away from pregnant women, babies and people with weak immunity.",
    id: "Jaga ruam tetap bersih dan kering, pakai pakaian longgar dan minum parasetamol untuk nyerinya. Sampai lepuhnya mengering, hindari ibu hamil, bayi dan orang dengan daya tahan tubuh lemah.",
  },
  impetigo: {
    en: "Wash the sores gently with soap and water, do not scratch them and use your own towel. Stay away from school or work until the sores have crusted over, or for 48 hours after starting treatment.",
    id: "Bersihkan luka dengan lembut memakai sabun dan air, jangan digaruk dan pakai handuk sendiri. Jangan masuk sekolah atau kerja sampai lukanya mengering, atau 48 jam setelah mulai pengobatan.",
  },
  insect_bite: {
    en: "Wash the bite with soap and water, hold a cold compress on it, and take an antihistamine for the itch or paracetamol for the pain.",
    id: "Cuci bekas gigitan dengan sabun dan air, kompres dingin, dan minum antihistamin untuk gatal atau parasetamol untuk nyeri.",
  },
};

const TREATMENT_NAMES: Readonly<Record<string, Text>> = {
  nasal_corticosteroid: { en: "a corticosteroid nasal spray", id: "semprotan hidung kortikosteroid" },
  hydrogen_peroxide_cream: { en: "hydrogen peroxide 1% cream", id: "krim hidrogen peroksida 1%" },
};

const OUTCOME_LEAD: Readonly<Record<string, Text>> = {
  emergency: {
    en: "Call {emergency} now or go to the nearest emergency department.",
    id: "Segera hubungi {emergency} sekarang atau pergi ke IGD terdekat.",
  },
  urgent_referral: {
    en: "Please see a doctor today.",
    id: "Silakan periksa ke dokter hari ini juga.",
  },
  not_eligible: {
    en: "This cannot be treated at the pharmacy: please see your doctor or clinic in the next few days.",
    id: "Keluhan ini tidak dapat ditangani di apotek: silakan periksa ke dokter, klinik atau puskesmas dalam beberapa hari ini.",
  },
  refer: {
    en: "Please see your doctor or clinic in the next few days.",
    id: "Silakan periksa ke dokter, klinik atau puskesmas dalam beberapa hari ini.",
  },
  treat: {
    en: "The pharmacist has approved {treatment}: take it exactly as directed and finish the course.",
    id: "Apoteker telah menyetujui {treatment}: gunakan sesuai petunjuk dan habiskan sampai tuntas.",
  },
  self_care: {
    en: "You do not need antibiotics for this.",
    id: "Keluhan ini tidak memerlukan antibiotik.",
  },
  incomplete: {
    en: "The pharmacist has not finished the assessment yet.",
    id: "Apoteker belum selesai memeriksa keluhan Anda.",
  },
};

const SAFETY_NET_TIMED: Text = {
  en: "Come back or contact us if your symptoms get worse at any time, or if you are not better within {time}.",
  id: "Kembali atau hubungi kami jika keluhan memburuk kapan saja, atau jika belum membaik dalam {time}.",
};
const SAFETY_NET_REFERRED: Text = {
  en: "If your symptoms get worse before you see the doctor, contact us or a doctor straight away.",
  id: "Jika keluhan memburuk sebelum Anda bertemu dokter, segera hubungi kami atau dokter.",
};
const EMERGENCY_LINE: Text = {
  en: "In an emergency call {emergency}.",
  id: "Dalam keadaan darurat, hubungi {emergency}.",
};

export type AdviceParams = {
  condition: string;
  outcome: string;
  reasons?: readonly string[];
  treatment?: string | null;
  language: AdviceLanguage;
  emergencyNumber: string;
};

/** "48 hours", "4 days", "1 week" (and the Indonesian). */
export function formatWait(hours: number, language: AdviceLanguage): string {
  const words =
    language === "id" ? { hours: "jam", days: "hari", week: "minggu" } : { hours: "hours", days: "days", week: "week" };
  if (hours === 168) return language === "id" ? "1 minggu" : "1 week";
  if (hours % 24 === 0 && hours > 48) return `${hours / 24} ${words.days}`;
  return `${hours} ${words.hours}`;
}

export function treatmentName(treatment: string, language: AdviceLanguage): string {
  return TREATMENT_NAMES[treatment]?.[language] ?? treatment.replaceAll("_", " ");
}

/** The whole advice as a few sentences, separated by newlines, ready for a claim or a print-out. */
export function adviceFor(params: AdviceParams): string {
  const { condition, outcome, language, emergencyNumber } = params;
  const fill = (text: string, values: Record<string, string>) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
  const values = {
    emergency: emergencyNumber,
    treatment: params.treatment ? treatmentName(params.treatment, language) : language === "id" ? "obat ini" : "this medicine",
  };
  const lines: string[] = [];
  const lead = OUTCOME_LEAD[outcome];
  if (lead) lines.push(fill(lead[language], values));
  // self-care measures help with or without a prescription; a referral or emergency gets none
  const selfCare = SELF_CARE[condition];
  if ((outcome === "treat" || outcome === "self_care") && selfCare) lines.push(selfCare[language]);
  if (outcome !== "emergency") {
    const hours = followUpDelayHours(condition, outcome, params.reasons ?? []);
    if (hours !== null) lines.push(fill(SAFETY_NET_TIMED[language], { time: formatWait(hours, language) }));
    else if (outcome !== "incomplete") lines.push(SAFETY_NET_REFERRED[language]);
    lines.push(fill(EMERGENCY_LINE[language], values));
  }
  return lines.join("\n");
}
