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
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
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
  ])("%j is not an opt-out command", (text) => {
    expect(detectOptOut(text)).toBeNull();
  });
});
