import { describe, expect, it } from "vitest";
import { classifyByRegex, classifyWithModel, rulesClassifier } from "./rules";
import type { ClassifyContext, Intent } from "./types";

// These test the hand-written patterns alone; the learned layer on top is tested in model.test.ts.

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
    // Minang "indak" (no).
    ["indak, ambo indak mau", "verification", "verification_decline"],
  ],
  acknowledgement: [
    ["makasih dok 🙏", "none", "acknowledgement"],
    // Batak "mauliate" (thank you).
    ["mauliate ya kak", "none", "acknowledgement"],
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

describe("classifyByRegex", () => {
  for (const [intent, rows] of Object.entries(byIntent)) {
    it.each(rows)(`classifies %j (%s) as ${intent}`, (text, context, expected) => {
      expect(classifyByRegex({ text, context }).intent).toBe(expected);
    });
  }

  it("a message with a symptom and a confirmation reports the symptom and keeps the confirmation", () => {
    const result = classifyByRegex({ text: "sudah, tapi mual terus", context: "reminder" });
    expect(result.intent).toBe("symptom_report");
    expect(result.secondary).toEqual(["confirm_taken"]);
  });

  it("an emergency outranks every other intent and is never a confirmation", () => {
    const result = classifyByRegex({ text: "Sudah minum tapi sekarang sesak napas", context: "reminder" });
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
    expect(classifyByRegex({ text, context }).intent).toBe(expected);
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
    expect(classifyByRegex({ text, context }).intent).toBe(expected);
  });

  // Families found by the second blind set (intents-blind-2.jsonl), tested with our own phrasings.
  it.each<[string, ClassifyContext, Intent]>([
    // Appointments kept or missed count as confirmations.
    ["went to the clinic this morning for my check up", "reminder", "confirm_taken"],
    ["sdh kontrol ke dokter kemarin", "reminder", "confirm_taken"],
    ["dah periksa di puskesmas", "reminder", "confirm_taken"],
    ["couldn't make it to the clinic today", "reminder", "confirm_not_taken"],
    ["batal ke puskesmas, hujan", "reminder", "confirm_not_taken"],
    // Doses given to or taken by someone else, doses named by their form, counts.
    ["dad's had his pills", "reminder", "confirm_taken"],
    ["gave mum her tablets at 8", "reminder", "confirm_taken"],
    ["did my injection", "reminder", "confirm_taken"],
    ["took 2 tablets at 8 as prescribed", "reminder", "confirm_taken"],
    ["dah telan tadi", "reminder", "confirm_taken"],
    // Javanese, Sundanese and Malay: already, not yet, later.
    ["atos nginum obat", "reminder", "confirm_taken"],
    ["wis ngombe obat", "reminder", "confirm_taken"],
    ["dah makan ubat", "reminder", "confirm_taken"],
    ["durung ngombe", "reminder", "confirm_not_taken"],
    ["dereng kak", "reminder", "confirm_not_taken"],
    ["teu acan, engke sore", "reminder", "confirm_not_taken"],
    // A statement that drops its subject is not a question.
    ["will do it after lunch", "reminder", "confirm_not_taken"],
    ["gonna have them later", "reminder", "confirm_not_taken"],
    // Ways to say yes or no to joining.
    ["definitely", "verification", "verification_accept"],
    ["count me in", "verification", "verification_accept"],
    ["can lah", "verification", "verification_accept"],
    ["monggo", "verification", "verification_accept"],
    ["I'd rather not", "verification", "verification_decline"],
    ["n", "verification", "verification_decline"],
    ["emoh", "verification", "verification_decline"],
    ["henteu", "verification", "verification_decline"],
    ["i'll pass thanks", "verification", "verification_decline"],
    ["I'm not the patient", "verification", "verification_decline"],
    // Side effects told plainly.
    ["got the trots since yesterday", "reminder", "symptom_report"],
    ["my hair is falling out in clumps", "none", "symptom_report"],
    ["everything tastes like metal", "reminder", "symptom_report"],
    ["urine looks a weird colour", "none", "symptom_report"],
    ["rambutku rontok terus", "none", "symptom_report"],
    // With no prompt of ours, chatter phrased as a question (who is this, a wrong business, money, "huh?") is unclear...
    ["who's this?", "none", "unclear"],
    ["are you the laundry shop?", "none", "unclear"],
    ["mau beli pulsa bisa?", "none", "unclear"],
    ["lagi dimana?", "none", "unclear"],
    ["hah?", "none", "unclear"],
    // ...while one about medicine, care or the service, or a plain "what should I do?", is still a question.
    ["is lisinopril safe with ibuprofen?", "none", "question"],
    ["can my son pick up my prescription?", "none", "question"],
    ["jam berapa kontrol besok?", "none", "question"],
    ["ini program dari puskesmas mana ya?", "none", "question"],
    ["ada biaya nggak?", "none", "question"],
    ["do i have to finish the whole pack", "none", "question"],
    ["can someone call me back?", "none", "question"],
    ["is it normal to feel like this?", "none", "question"],
    ["saya harus bagaimana?", "none", "question"],
    ["ini nomor siapa?", "none", "unclear"],
    ["bisa dibantu kak?", "none", "question"],
    // Safety outranks a confirmation in the same message.
    ["took it, but now my face is swelling up", "reminder", "emergency"],
    ["sudah, tapi anak saya barusan minum obat saya sebotol", "reminder", "emergency"],
    ["done, but please take me off the list now", "reminder", "unsubscribe"],
    ["capek bgt dichat tiap hari, sudahi saja", "reminder", "unsubscribe"],
    // Blind sets 8 and 9: an emergency inside an opt-out or a confirmation stays an emergency.
    ["stop texting me. won't be here much longer anyway, made up my mind", "reminder", "emergency"],
    ["sudah minum. btw adik ngabisin satu botol vitamin punya nenek, dia 2 tahun", "reminder", "emergency"],
    ["done. also I'm giving away all my things, goodbye", "reminder", "emergency"],
    // ... but a joke or a tired day stays what it is.
    ["sudah, ketawa sampai mau mati nonton video kucing 😂", "reminder", "confirm_taken"],
    // Answers and chat: "apa apa" is "anything", a refused dose, a missed check-up, a phone assistant.
    ["belum, tapi aman kok tidak ada apa2", "reminder", "confirm_not_taken"],
    ["dad is refusing his pills this morning", "reminder", "confirm_not_taken"],
    ["maaf tidak datang ke posyandu kemarin", "reminder", "confirm_not_taken"],
    ["hey siri call mum", "reminder", "unclear"],
    ["tuntas minum obat pagi", "reminder", "confirm_taken"],
    // A remedy asked for, a side effect asked about.
    ["anything to ease the itching at night?", "none", "question"],
    ["Can metformin make people tired?", "none", "question"],
    // Regional confirmations and opt-outs.
    ["wes entek obatku", "reminder", "confirm_not_taken"],
    ["udeh diminum barusan", "reminder", "confirm_taken"],
    ["ulah dikintun deui nya", "reminder", "unsubscribe"],
  ])("generalises by concept: %j (%s) is %s", (text, context, expected) => {
    expect(classifyByRegex({ text, context }).intent).toBe(expected);
  });

  it("detects the language and reports rules as the source", () => {
    expect(classifyByRegex({ text: "I forgot this morning", context: "reminder" })).toMatchObject({ language: "en", source: "rules" });
    expect(classifyByRegex({ text: "belum minum, lupa", context: "reminder" })).toMatchObject({ language: "id", source: "rules" });
  });

  it("gives clear answers more confidence than guesses, always between 0 and 1", () => {
    const clear = classifyByRegex({ text: "sudah minum obat", context: "reminder" }).confidence;
    const guess = classifyByRegex({ text: "ya", context: "none" }).confidence;
    const unclear = classifyByRegex({ text: "asdfgh", context: "none" }).confidence;
    expect(clear).toBeGreaterThan(guess);
    expect(guess).toBeGreaterThan(unclear);
    for (const c of [clear, guess, unclear]) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
  });

  // Speed is measured by `bun run eval:classify` (time per message), not by a wall-clock test.
  it("is deterministic", () => {
    const input = { text: "Sudah minum, tapi badan jadi lemas dan gatal. Normal tidak?", context: "reminder" as const };
    const first = classifyByRegex(input);
    for (let i = 0; i < 1000; i++) expect(classifyByRegex(input)).toEqual(first);
  });

  it("rulesClassifier implements the Classifier interface", async () => {
    await expect(rulesClassifier.classify({ text: "STOP", context: "none" })).resolves.toMatchObject({ intent: "unsubscribe" });
  });

  it("an emergency inside an opt-out wins, with the opt-out kept as a secondary", () => {
    const result = classifyByRegex({ text: "no more texts pls, nothing matters anymore, i just want to sleep forever", context: "reminder" });
    expect(result.intent).toBe("emergency");
    expect(result.secondary).toContain("unsubscribe");
  });

  it("keeps the patterns' reading of a lone emoji; the learned layer may not overrule it", () => {
    for (const text of ["👍🏼", "👌", "✔️"]) {
      expect(classifyWithModel({ text, context: "reminder" }).intent).toBe(classifyByRegex({ text, context: "reminder" }).intent);
    }
  });
  it("a farewell inside an opt-out is an emergency, with the opt-out kept as a secondary", () => {
    for (const text of ["jangan kirimi saya pesan lagi, bentar lagi aku sudah tidak ada", "please stop the reminders, I won't be around much longer"]) {
      const result = classifyByRegex({ text, context: "reminder" });
      expect(result.intent).toBe("emergency");
      expect(result.secondary).toContain("unsubscribe");
    }
  });

  it.each([
    ["sudah divaksin tadi pagi di puskesmas", "confirm_taken"],
    ["she had her jabs this morning at the clinic", "confirm_taken"],
    ["went to the ANC visit yesterday", "confirm_taken"],
    ["I quit the antibiotics on Monday", "confirm_not_taken"],
    ["we couldn't make it to the scan, the bus never came", "confirm_not_taken"],
    ["pusingnya masih sampai sekarang", "symptom_report"],
  ] as const)("%j after a reminder is %s (blind-11 families)", (text, intent) => {
    expect(classifyByRegex({ text, context: "reminder" }).intent).toBe(intent);
  });

  it.each([
    ["tra mau, sa tra daftar", "verification_decline"],
    ["kada handak", "verification_decline"],
    ["io", "verification_accept"],
  ] as const)("%j to a verification is %s (Papuan, Banjar)", (text, intent) => {
    expect(classifyByRegex({ text, context: "verification" }).intent).toBe(intent);
  });

  it("reads tengkyu as thanks", () => {
    expect(classifyByRegex({ text: "tengkyu kak", context: "reminder" }).intent).toBe("acknowledgement");
  });
});
