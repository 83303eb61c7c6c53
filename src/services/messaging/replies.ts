import type { Language } from "./classifier/types";

/**
 * What CareLoop says on its own, in the patient's language. Short and plain: patients read these
 * on cheap phones, often in a hurry.
 */
type Texts = Record<Language, string>;

const t = (texts: Texts) => (lang: Language) => texts[lang] ?? texts.id;

export const replies = {
  verificationRequest: (lang: Language, vars: { clinic: string; name: string }) =>
    ({
      id: `Halo ${vars.name}, ini ${vars.clinic}. Kami akan mengirim pengingat obat dan jadwal kontrol lewat WhatsApp. Balas YA untuk setuju, atau TIDAK jika tidak mau. Balas STOP kapan saja untuk berhenti.`,
      en: `Hello ${vars.name}, this is ${vars.clinic}. We will send you medicine and appointment reminders on WhatsApp. Reply YES to agree, or NO if you do not want them. Reply STOP at any time to stop.`,
    })[lang],
  verificationAccepted: t({
    id: "Terima kasih, nomor Anda sudah terdaftar. Pengingat akan kami kirim sesuai jadwal.",
    en: "Thank you, your number is confirmed. We will send your reminders on schedule.",
  }),
  verificationDeclined: t({
    id: "Baik, kami tidak akan mengirim pengingat. Hubungi klinik jika Anda berubah pikiran.",
    en: "All right, we will not send you reminders. Contact the clinic if you change your mind.",
  }),
  verificationAskAgain: t({
    id: "Mohon balas YA untuk menerima pengingat, atau TIDAK jika tidak mau.",
    en: "Please reply YES to receive reminders, or NO if you do not want them.",
  }),
  unsubscribed: t({
    id: "Anda tidak akan menerima pesan lagi dari kami. Balas MULAI jika ingin menerima pengingat lagi.",
    en: "You will not receive any more messages from us. Reply START if you want reminders again.",
  }),
  resubscribed: t({
    id: "Selamat datang kembali. Pengingat Anda aktif lagi.",
    en: "Welcome back. Your reminders are on again.",
  }),
  emergency: (lang: Language, vars: { number: string }) =>
    ({
      id: `Ini terdengar darurat. Segera telepon ${vars.number} atau pergi ke IGD terdekat sekarang. Petugas kami juga sudah diberi tahu.`,
      en: `This sounds like an emergency. Call ${vars.number} or go to the nearest emergency department now. Our staff have been alerted too.`,
    })[lang],
  handedOver: t({
    id: "Terima kasih, pesan Anda sudah kami teruskan ke petugas. Mereka akan segera membalas.",
    en: "Thank you, we have passed your message to our staff. They will reply soon.",
  }),
  symptomNoted: t({
    id: "Terima kasih sudah memberi tahu. Petugas kami akan menghubungi Anda. Jika memburuk atau terasa darurat, segera ke IGD.",
    en: "Thank you for telling us. Our staff will contact you. If it gets worse or feels like an emergency, go to the emergency department.",
  }),
  confirmed: t({
    id: "Terima kasih, sudah kami catat. Tetap semangat!",
    en: "Thank you, noted. Keep it up!",
  }),
  notTaken: t({
    id: "Baik, sudah kami catat. Jangan lupa minum obatnya ya, jika ada kendala balas pesan ini.",
    en: "Noted. Please remember to take your medicine; reply to this message if something is in the way.",
  }),
  unclear: t({
    id: "Maaf, kami belum mengerti. Balas SUDAH jika sudah minum obat, BELUM jika belum, atau tulis pertanyaan Anda.",
    en: "Sorry, we did not understand. Reply DONE if you took your medicine, NOT YET if not, or write your question.",
  }),
  unknownSender: t({
    id: "Halo, nomor ini hanya melayani pasien terdaftar klinik. Silakan hubungi klinik untuk mendaftar.",
    en: "Hello, this number only serves the clinic's registered patients. Please contact the clinic to register.",
  }),
} as const;
