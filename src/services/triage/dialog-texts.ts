import type { Lang, Question } from "./protocol";

/** What the triage dialog says on WhatsApp, short and plain, in the patient's language. */
export const dialogTexts = {
  intro: {
    id: "Kami akan menanyakan beberapa hal singkat tentang keluhan Anda. Jawab satu per satu. Balas STOP untuk berhenti.",
    en: "We will ask a few short questions about your complaint, one at a time. Reply STOP to end.",
  },
  menuNone: { id: "0. Bukan salah satunya", en: "0. None of these" },
  age: { id: "Berapa umur Anda (tahun)?", en: "How old are you (in years)?" },
  sex: { id: "Apakah Anda perempuan atau laki-laki?", en: "Are you female or male?" },
  pregnant: { id: "Apakah Anda sedang hamil?", en: "Are you pregnant?" },
  retryBoolean: { id: "Mohon balas YA atau TIDAK.", en: "Please reply YES or NO." },
  retryNumber: { id: "Mohon balas dengan angka.", en: "Please reply with a number." },
  retryDays: { id: "Mohon balas berapa hari, misalnya: 3 hari.", en: "Please reply with the number of days, for example: 3 days." },
  retryChoice: { id: "Mohon balas dengan nomor pilihan.", en: "Please reply with the number of your choice." },
  retrySex: { id: "Mohon balas PEREMPUAN atau LAKI-LAKI.", en: "Please reply FEMALE or MALE." },
  stillWaiting: { id: "Kami masih menunggu jawaban Anda:", en: "We are still waiting for your answer:" },
  abandoned: {
    id: "Kami menutup pertanyaan ini karena belum ada jawaban. Kirim pesan kapan saja jika keluhan masih ada.",
    en: "We have closed these questions as we did not hear back. Message us any time if the problem continues.",
  },
  handedOver: {
    id: "Terima kasih. Petugas kami akan menghubungi Anda tentang keluhan ini.",
    en: "Thank you. Our staff will contact you about this.",
  },
  visitPharmacy: {
    id: "Terima kasih. Beberapa hal perlu diperiksa langsung oleh apoteker. Silakan datang ke apotek kami; catatan Anda sudah diterima apoteker.",
    en: "Thank you. Some things need the pharmacist to examine you in person. Please come to the pharmacy; the pharmacist already has your answers.",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export const outcomeTexts = {
  emergency: (lang: Lang, number: string) =>
    ({
      id: `Ini bisa berbahaya. Segera telepon ${number} atau pergi ke IGD terdekat sekarang. Apoteker kami sudah diberi tahu.`,
      en: `This could be serious. Call ${number} or go to the nearest emergency department now. Our pharmacist has been alerted.`,
    })[lang],
  urgent_referral: {
    id: "Keluhan Anda perlu diperiksa dokter HARI INI. Silakan ke dokter, puskesmas atau klinik hari ini juga. Apoteker kami sudah diberi tahu.",
    en: "You need to see a doctor TODAY. Please go to a GP, clinic or out-of-hours service today. Our pharmacist has been alerted.",
  },
  not_eligible: {
    id: "Keluhan Anda sebaiknya ditangani dokter, bukan lewat layanan apotek ini. Silakan buat janji dengan dokter atau puskesmas.",
    en: "This is best handled by a doctor rather than through the pharmacy service. Please book an appointment with your GP.",
  },
  refer: {
    id: "Sebaiknya Anda diperiksa dokter untuk memastikan penyebabnya. Silakan buat janji dengan dokter atau puskesmas.",
    en: "It is best that a doctor checks this to find the cause. Please book an appointment with your GP.",
  },
  treat: {
    id: "Terima kasih. Apoteker kami akan meninjau jawaban Anda dan menghubungi Anda tentang pengobatannya.",
    en: "Thank you. Our pharmacist will review your answers and contact you about treatment.",
  },
  self_care: (lang: Lang, days: number, number: string) =>
    ({
      id: `Keluhan Anda bisa dirawat di rumah: istirahat, minum cukup air, dan obat pereda nyeri seperti parasetamol bila perlu. Jika memburuk atau tidak membaik dalam ${days} hari, hubungi kami atau dokter. Dalam keadaan darurat telepon ${number}.`,
      en: `This can be looked after at home: rest, drink plenty of fluids, and take pain relief such as paracetamol if needed. If it gets worse or is not better within ${days} days, contact us or a doctor. In an emergency call ${number}.`,
    })[lang],
};

/** A question as a WhatsApp message: the text, then numbered options for a choice. */
export function formatQuestion(question: Question, lang: Lang): string {
  if (question.answer.type !== "choice") return question.text[lang];
  const options = question.answer.options.map((o, i) => `${i + 1}. ${o.label[lang]}`);
  return [question.text[lang], ...options].join("\n");
}

export function retryText(question: Question | "age" | "sex" | "pregnant", lang: Lang): string {
  if (question === "age") return dialogTexts.retryNumber[lang];
  if (question === "sex") return dialogTexts.retrySex[lang];
  if (question === "pregnant") return dialogTexts.retryBoolean[lang];
  switch (question.answer.type) {
    case "boolean":
      return dialogTexts.retryBoolean[lang];
    case "number":
      return dialogTexts.retryNumber[lang];
    case "duration_days":
      return dialogTexts.retryDays[lang];
    case "choice":
      return dialogTexts.retryChoice[lang];
  }
}
