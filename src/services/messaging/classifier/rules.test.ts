import { describe, expect, it } from "vitest";
import { classifyByRules, rulesClassifier } from "./rules";
import type { ClassifyContext, Intent } from "./types";

type Row = [text: string, context: ClassifyContext, intent: Intent];

const byIntent: Record<Intent, Row[]> = {
  confirm_taken: [
    ["sudah", "reminder", "confirm_taken"],
    ["udh mnm tadi pagi", "reminder", "confirm_taken"],
    ["Sudahhh 👍", "reminder", "confirm_taken"],
    ["✅", "reminder", "confirm_taken"],
    ["Already took it", "reminder", "confirm_taken"],
    ["Obat pagi sudah saya minum", "none", "confirm_taken"],
  ],
  confirm_not_taken: [
    ["blm", "reminder", "confirm_not_taken"],
    ["lupa 🙈", "reminder", "confirm_not_taken"],
    ["nanti malam aja", "reminder", "confirm_not_taken"],
    ["obatnya habis kak", "reminder", "confirm_not_taken"],
    ["haven't taken it yet", "reminder", "confirm_not_taken"],
  ],
  question: [
    ["Obatnya diminum sebelum atau sesudah makan?", "none", "question"],
    ["boleh minum obat ini sama susu", "reminder", "question"],
    ["Apakah obat ini bisa bikin ngantuk?", "none", "question"],
    ["Can I drink alcohol with these pills?", "none", "question"],
    ["jangan stop minum obat?", "none", "question"],
  ],
  symptom_report: [
    ["pusing banget dok", "none", "symptom_report"],
    ["anyang-anyangan, kencing sakit", "none", "symptom_report"],
    ["sakit tenggorokan sudah 3 hari", "none", "symptom_report"],
    ["gatel2 di punggung", "none", "symptom_report"],
    ["🤢🤢", "none", "symptom_report"],
    ["I feel dizzy after the pills", "none", "symptom_report"],
  ],
  emergency: [
    ["nyeri dada kiri", "none", "emergency"],
    ["gk bisa napas", "reminder", "emergency"],
    ["I can't breathe", "verification", "emergency"],
  ],
  unsubscribe: [
    ["STOP", "reminder", "unsubscribe"],
    ["jangan kirim lagi", "none", "unsubscribe"],
    ["berhenti", "verification", "unsubscribe"],
  ],
  verification_accept: [
    ["ya", "verification", "verification_accept"],
    ["Iya benar, saya bersedia", "verification", "verification_accept"],
    ["yes I agree", "verification", "verification_accept"],
    ["👍", "verification", "verification_accept"],
  ],
  verification_decline: [
    ["tidak", "verification", "verification_decline"],
    ["maaf saya tidak mau", "verification", "verification_decline"],
    ["salah nomor", "verification", "verification_decline"],
    ["wrong number", "none", "verification_decline"],
  ],
  acknowledgement: [
    ["makasih dok 🙏", "none", "acknowledgement"],
    ["Selamat pagi", "none", "acknowledgement"],
    ["ok", "reminder", "acknowledgement"],
    ["🙏", "reminder", "acknowledgement"],
    ["Apa kabar dok?", "none", "acknowledgement"],
  ],
  unclear: [
    ["asdfgh", "none", "unclear"],
    ["?", "none", "unclear"],
    ["", "none", "unclear"],
    ["lagi makan bakso", "none", "unclear"],
  ],
};

describe("classifyByRules", () => {
  for (const [intent, rows] of Object.entries(byIntent)) {
    it.each(rows)(`classifies %j (%s) as ${intent}`, (text, context, expected) => {
      expect(classifyByRules({ text, context }).intent).toBe(expected);
    });
  }

  it("a message with a symptom and a confirmation reports the symptom and keeps the confirmation", () => {
    const result = classifyByRules({ text: "sudah, tapi mual terus", context: "reminder" });
    expect(result.intent).toBe("symptom_report");
    expect(result.secondary).toEqual(["confirm_taken"]);
  });

  it("an emergency outranks every other intent and is never a confirmation", () => {
    const result = classifyByRules({ text: "Sudah minum tapi sekarang sesak napas", context: "reminder" });
    expect(result.intent).toBe("emergency");
    expect(result.secondary).toContain("confirm_taken");
  });

  it.each<[string, ClassifyContext, Intent]>([
    ["ya", "verification", "verification_accept"],
    ["ya", "reminder", "confirm_taken"],
    ["iya", "reminder", "confirm_taken"],
    ["yes", "verification", "verification_accept"],
    ["tidak", "verification", "verification_decline"],
    ["tidak", "reminder", "confirm_not_taken"],
    ["no", "verification", "verification_decline"],
    ["no", "reminder", "confirm_not_taken"],
    ["❌", "reminder", "confirm_not_taken"],
    ["❌", "verification", "verification_decline"],
    ["ya", "none", "acknowledgement"],
    ["tidak", "none", "unclear"],
  ])("a bare %j after context %s means %s", (text, context, expected) => {
    expect(classifyByRules({ text, context }).intent).toBe(expected);
  });

  it.each<[string, ClassifyContext, Intent]>([
    ["sy mau minum semua obat biar mati", "none", "emergency"],
    ["udah minum kok, tapi sekarang napasnya berat banget", "reminder", "emergency"],
    ["udah minum, tapi besok2 ga usah diingetin lagi ya", "reminder", "unsubscribe"],
    ["seminggu lalu sempat pingsan, sekarang udh baikan", "none", "symptom_report"],
    ["kencing jadi warna oranye", "reminder", "symptom_report"],
    ["masuk angin", "none", "symptom_report"],
    ["a bit short of breath when walking uphill", "none", "symptom_report"],
    ["efek sampingnya bisa nyeri dada ga?", "none", "question"],
    ["kalau overdosis bahaya ga?", "none", "question"],
    ["correct", "verification", "verification_accept"],
    ["Wa'alaikumsalam", "none", "acknowledgement"],
  ])("generalises: %j (%s) is %s", (text, context, expected) => {
    expect(classifyByRules({ text, context }).intent).toBe(expected);
  });

  it("detects the language and reports rules as the source", () => {
    expect(classifyByRules({ text: "I forgot this morning", context: "reminder" })).toMatchObject({ language: "en", source: "rules" });
    expect(classifyByRules({ text: "belum minum, lupa", context: "reminder" })).toMatchObject({ language: "id", source: "rules" });
  });

  it("gives clear answers more confidence than guesses, always between 0 and 1", () => {
    const clear = classifyByRules({ text: "sudah minum obat", context: "reminder" }).confidence;
    const guess = classifyByRules({ text: "ya", context: "none" }).confidence;
    const unclear = classifyByRules({ text: "asdfgh", context: "none" }).confidence;
    expect(clear).toBeGreaterThan(guess);
    expect(guess).toBeGreaterThan(unclear);
    for (const c of [clear, guess, unclear]) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
  });

  it("is deterministic and fast", () => {
    const input = { text: "Sudah minum, tapi badan jadi lemas dan gatal. Normal tidak?", context: "reminder" as const };
    const first = classifyByRules(input);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) expect(classifyByRules(input)).toEqual(first);
    expect((performance.now() - start) / 1000).toBeLessThan(1);
  });

  it("rulesClassifier implements the Classifier interface", async () => {
    await expect(rulesClassifier.classify({ text: "STOP", context: "none" })).resolves.toMatchObject({ intent: "unsubscribe" });
  });
});
