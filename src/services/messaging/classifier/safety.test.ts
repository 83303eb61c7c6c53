import { describe, expect, it } from "vitest";
import { detectEmergency, detectOptOut } from "./safety";

describe("detectEmergency", () => {
  it.each([
    ["nyeri dada", "chest_pain"],
    ["dada saya terasa berat dan sesak", "chest_pain"],
    ["Dada kiri saya sakit seperti ditekan", "chest_pain"],
    ["I have chest pain", "chest_pain"],
    ["sesak nafas dari tadi", "cannot_breathe"],
    ["gk bisa napas", "cannot_breathe"],
    ["susah bernapas", "cannot_breathe"],
    ["I can't breathe", "cannot_breathe"],
    ["bapak pingsan", "unconscious"],
    ["pingsang tadi pagi", "unconscious"],
    ["kakek tak sadarkan diri", "unconscious"],
    ["my husband passed out", "unconscious"],
    ["muntah darah", "vomiting_blood"],
    ["I'm vomiting blood", "vomiting_blood"],
    ["batuk berdarah", "coughing_blood"],
    ["coughing up blood", "coughing_blood"],
    ["anak saya kejang2", "seizure"],
    ["she is having a seizure", "seizure"],
    ["wajah ibu mencong, bicara pelo", "stroke"],
    ["lumpuh sebelah", "stroke"],
    ["face drooping and slurred speech", "stroke"],
    ["pendarahan hebat", "severe_bleeding"],
    ["bibir dan lidah saya bengkak", "anaphylaxis"],
    ["my lips are swollen", "anaphylaxis"],
    ["saya minum obat terlalu banyak", "overdose"],
    ["overdosis", "overdose"],
    ["I took too many pills", "overdose"],
    ["saya ingin bunuh diri", "suicidal"],
    ["rasanya mau mati aja", "suicidal"],
    ["saya tidak ingin hidup lagi", "suicidal"],
    ["I want to kill myself", "suicidal"],
    ["I want to end my life", "suicidal"],
    ["DARURAT tolong segera", "emergency_call"],
    ["panggil ambulans", "emergency_call"],
    // Chat spellings, Jakarta "-in" verbs and regional words.
    ["dda skt bgt", "chest_pain"],
    ["jantung saya sakit sekali", "chest_pain"],
    ["dadaku sakit banget, ra iso ambegan", "cannot_breathe"],
    ["anak napasnya bunyi ngik ngik dan tarikan dada", "cannot_breathe"],
    ["suami saya ga sadar2 dibangunin", "unconscious"],
    ["bayi saya ga responsif", "unconscious"],
    ["simbah semaput", "unconscious"],
    ["anak sy step, badannya panas", "seizure"],
    ["adek kelojotan", "seizure"],
    ["muntah drh", "vomiting_blood"],
    ["ibuk muntah getih", "vomiting_blood"],
    ["mimisan ga berhenti2 udah 1 jam", "severe_bleeding"],
    ["darah keluar terus dr hidung", "severe_bleeding"],
    ["tiba2 tangan kanan lemas ga bisa digerakin", "stroke"],
    ["ngomongnya pelo", "stroke"],
    ["separuh badan ibu lemas", "stroke"],
    ["tenggorokan kayak ketutup", "anaphylaxis"],
    ["badan gatal2 bengkak dan susah nelan", "anaphylaxis"],
    ["anak saya nelan obat satu strip", "overdose"],
    ["keminum dobel2 sampe 10 butir", "overdose"],
    ["anak ketelan obat neneknya", "overdose"],
    ["mau ngakhirin hidup aja rasanya", "suicidal"],
    ["lebih baik saya mati", "suicidal"],
    ["gak pengen hidup lagi", "suicidal"],
    ["saya mau nyilet tangan lagi", "suicidal"],
    ["anak demam tinggi dan lehernya kaku", "meningitis"],
    ["stiff neck and very high fever", "meningitis"],
    ["bayi saya lemes banget ga mau nyusu", "infant_unwell"],
    ["tensi 220/130", "crisis_reading"],
    ["gula darahnya 40", "crisis_reading"],
    ["kepala sakit hebat mau pecah", "severe_headache"],
    ["tolong", "emergency_call"],
    ["he can't move his right arm and his speech is slurred", "stroke"],
    ["I can't catch my breath", "cannot_breathe"],
    ["my dad isn't responding", "unconscious"],
  ])("%j is an emergency (%s)", (text, sign) => {
    const result = detectEmergency(text);
    expect(result.emergency).toBe(true);
    expect(result.signs).toContain(sign);
  });

  it.each([
    "tidak sesak napas",
    "saya tidak ada nyeri dada",
    "no chest pain, just a headache",
    "I don't have chest pain",
    "Sesak napas sudah hilang, tinggal batuk",
    "Apakah obat ini bisa menyebabkan sesak napas?",
    "Can this medicine cause chest pain?",
    "Saya punya riwayat stroke, boleh minum obat ini?",
    "saya mual terus sejak minum obat baru",
    "suara saya serak",
    "sudah minum obat, terima kasih",
    // History that is over, mild breathlessness on exertion, questions about risk.
    "seminggu lalu sempat pingsan, sekarang udh baikan",
    "kmrn nyeri dada udh diperiksa dokter katanya asam lambung",
    "I had chest pain last year, it's fine now",
    "agak sesak kalau jalan jauh",
    "a bit short of breath when walking uphill",
    "kalau overdosis bahaya ga?",
    "is chest pain a side effect?",
    "efek sampingnya bisa nyeri dada ga?",
    "tensi saya 160/100 hari ini",
    "gula darah 250 pagi ini",
    "tekanan darah terus naik",
    "leher kaku karena salah bantal",
    "belum minum, tadi tidak bangun pagi",
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });

  it("keeps a sign that is happening now even when the message also mentions the past", () => {
    expect(detectEmergency("kemarin pingsan, sekarang masih lemas dan sesak").emergency).toBe(true);
    expect(detectEmergency("kmrn nyeri dada sudah diperiksa dokter, sekarang nyeri dada lagi").emergency).toBe(true);
    expect(detectEmergency("agak sesak padahal lagi tiduran").emergency).toBe(true);
    expect(detectEmergency("kalau sesak napas begini harus gimana?").emergency).toBe(true);
  });

  it("keeps a sign that follows a negated one", () => {
    expect(detectEmergency("no chest pain but I can't breathe").emergency).toBe(true);
    expect(detectEmergency("belum, saya sesak").emergency).toBe(true);
  });
});

describe("detectOptOut", () => {
  it.each([
    "STOP", "stop", "Stop!", "stopp", "STOP STOP STOP", "Berhenti", "berenti", "UNSUBSCRIBE", "unsub", "Stop reminders",
    "jangan kirim lagi", "jgn kirim2 lagi ya", "berhenti kirim", "Keluar", "tolong stop ya kak", "Berhenti berlangganan",
    "please stop sending me messages", "Don't text me again", "opt out", "keluarkan saya dari program ini", "Sudah cukup, stop ya",
    "berhentiin reminder nya", "udh cukup remindernya, makasih ya", "matikan pengingatnya", "tolong nonaktifkan pengingat obat saya",
    "Ganggu banget, stop!", "sotp", "cukup", "I no longer want these messages", "turn off reminders",
    "pasien sudah meninggal, mohon tidak dikirim lagi", "jangan ganggu saya lagi",
  ])("%j stops messages", (text) => {
    expect(detectOptOut(text)).toBe("stop");
  });

  it.each(["START", "start", "Mulai", "mulai lagi", "subscribe", "aktifkan lagi pengingatnya"])("%j resubscribes", (text) => {
    expect(detectOptOut(text)).toBe("start");
  });

  it.each([
    "jangan stop minum obat?",
    "Kapan boleh berhenti minum obat?",
    "saya berhenti minum obat karena mual",
    "kalau mau keluar kota obatnya gimana?",
    "keluar darah dari hidung",
    "jangan lupa ingatkan saya besok ya",
    "mulai minum obatnya kapan?",
    "sudah",
    "cukup jelas, terima kasih",
    "obatnya cukup untuk seminggu?",
    "klo udh enakan boleh berhenti minum?",
  ])("%j is not an opt-out command", (text) => {
    expect(detectOptOut(text)).toBeNull();
  });
});
