import { describe, expect, it } from "vitest";
import { detectEmergency, detectOptOut } from "./safety";

/** The message is an emergency, and for the reason named. */
function expectSign(text: string, sign: string): void {
  const result = detectEmergency(text);
  expect(result.emergency).toBe(true);
  expect(result.signs).toContain(sign);
}

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
  ])("%j is an emergency (%s)", (text, sign) => expectSign(text, sign));

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

// Families of wording found by the second blind set (intents-blind-2.jsonl), tested with phrasings of our own
// so that they prove the concept, not the blind sentence.
describe("detectEmergency generalises by concept", () => {
  it.each([
    // Suicidal thoughts said indirectly, and self-harm.
    ["honestly I don't want to be around anymore", "suicidal"],
    ["been thinking about ending things lately", "suicidal"],
    ["i keep cutting my arms when it gets bad", "suicidal"],
    ["nobody would miss me if i was gone", "suicidal"],
    ["I've been hurting myself again", "suicidal"],
    ["I can't see the point of going on", "suicidal"],
    ["sy udah gak mau ada di dunia ini lagi", "suicidal"],
    ["pengen nyusul almarhum suami aja", "suicidal"],
    // A person who does not respond to a voice or a touch.
    ["my grandad is not answering when I shake him", "unconscious"],
    ["she doesn't react when we say her name", "unconscious"],
    ["kakek dipanggil2 ga nyaut dari tadi", "unconscious"],
    ["simbah dipanggil ora nyahut", "unconscious"],
    // Overdose by count, by a whole supply, by a child getting into someone's tablets, by poison.
    ["oops took my evening pills twice and again, that's like 9 tablets of amlodipine", "overdose"],
    ["I swallowed about 30 of my antidepressants", "overdose"],
    ["took 12 paracetamol this afternoon", "overdose"],
    ["accidentally took my whole week of pills today", "overdose"],
    ["my toddler got into the medicine cabinet", "overdose"],
    ["my daughter ate some of my sleeping tablets", "overdose"],
    ["si kecil nelen pil KB saya", "overdose"],
    ["anak sy makan obat darah tinggi punya neneknya", "overdose"],
    ["bapak minum baygon", "overdose"],
    // Bleeding that will not stop or has gone on for an hour.
    ["his nose has been bleeding for two hours", "severe_bleeding"],
    ["cut on my leg keeps bleeding, it's not stopping", "severe_bleeding"],
    ["luka di kaki darahnya ngucur terus", "severe_bleeding"],
    ["black tarry stools and dizzy", "vomiting_blood"],
    // Severe allergic reaction described by size or feel.
    ["after the new pill my tongue is massive", "anaphylaxis"],
    ["her face blew up after the injection", "anaphylaxis"],
    ["my throat is getting tight after the antibiotic", "anaphylaxis"],
    ["taken, but my tongue feels thick", "anaphylaxis"],
    ["bibirnya jontor abis minum obat", "anaphylaxis"],
    ["bibirnya bengkak setelah minum antibiotik", "anaphylaxis"],
    ["anak saya napasnya bunyi grok grok", "cannot_breathe"],
    // Stroke: one side of the face, a crooked smile, one-sided limbs that went suddenly.
    ["wajah sebelah kanan ibu kaku", "stroke"],
    ["senyumnya mencong sebelah tiba2", "stroke"],
    ["the right side of my face went numb and droopy", "stroke"],
    ["my husband's speech is suddenly slurred", "stroke"],
    ["my arm and leg on the left went dead all of a sudden", "stroke"],
    // Others: clutching the chest, a blow to the head then vomiting, low sugar with confusion.
    ["he's gone grey and sweaty clutching his chest", "chest_pain"],
    ["dada nyesek banget kayak ditimpa", "chest_pain"],
    ["kepala kebentur, sekarang muntah terus", "head_injury"],
    ["sugar is very low and he's confused", "hypoglycaemia"],
  ])("%j is an emergency (%s)", (text, sign) => expectSign(text, sign));

  it.each([
    "the clinic isn't answering the phone",
    "my doctor isn't answering my calls",
    "my son took his medicine this morning",
    "anak saya sudah minum obatnya",
    "baby swallowed the tablet fine",
    "took 2 tablets at 8 as prescribed",
    "took it 10 minutes ago",
    "took my insulin, 12 units",
    "I take 10 tablets a day for my TB",
    "how long should I fast before my blood test, 8 hours?",
    "mimisan tadi 5 menit, sudah berhenti",
    "my face looks puffy since the steroids",
    "my right hand feels weak since the injection",
    "should I worry about overdosing if I take 2 by mistake?",
    "should I take all my pills at once or spread them out?",
    "my sugar was low this morning and I felt shaky",
    "bumped my head yesterday, bit of a headache",
    "stools are black since the iron tablets",
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });
});

// Families found by blind sets 4 and 5 (intents-blind-4.jsonl, intents-blind-5.jsonl), in phrasings of our own.
describe("detectEmergency: concepts from blind sets 4 and 5", () => {
  it.each([
    ["bintik ungu di perut anak, udah ditekan pakai gelas tetap tidak pudar", "non_blanching_rash"],
    ["the spots on her legs don't fade when I press a glass on them", "non_blanching_rash"],
    ["kakek dipatok ular waktu ke kebun", "snake_bite"],
    ["my son got a snake bite on his ankle", "snake_bite"],
    ["feses hitam kayak aspal dan badan lemas pucat", "vomiting_blood"],
    ["bab item terus dari pagi, pusing mau pingsan", "gut_bleeding"],
    ["ibu lagi kemoterapi, sekarang menggigil panas", "sepsis"],
    ["bapak demam, kulitnya belang belang dan ngelantur", "sepsis"],
    ["nenek mendadak linglung, tidak kenal saya", "acute_confusion"],
    ["she suddenly doesn't know where she is", "acute_confusion"],
    ["mata kiri tiba2 gelap ga bisa lihat", "vision_loss"],
    ["anak ketumpahan air mendidih di kaki dan perut", "major_burn"],
    ["perutnya keras seperti papan dan sakit sekali", "acute_abdomen"],
    ["muntahnya warna hijau terus", "acute_abdomen"],
    ["bayi mencret terus, ubun2nya cekung", "dehydration"],
    ["si kecil nangis ga keluar air mata, diare dari semalam", "dehydration"],
    ["habis minum antibiotik kulit mengelupas, bibir luka luka", "skin_reaction"],
    ["adik DBD, gusinya berdarah terus", "dengue_warning"],
    ["cacar api di dahi sampai ke mata", "eye_shingles"],
    ["kelebihan insulin tadi, sekarang gemetaran keringat dingin", "hypoglycaemia"],
    ["ayah memegangi dadanya, keringat dingin", "chest_pain"],
    ["besok saya sudah tidak ada, jadi buat apa minum obat", "suicidal"],
    ["I took too many of my sleeping pills", "overdose"],
    ["cucu saya nenggak sirup obat batuk setengah botol", "overdose"],
    ["dadasakit tolong", "chest_pain"],
    ["mbah ora iso ambegan", "cannot_breathe"],
    ["getihe metu terus ora mandeg", "severe_bleeding"],
    // Blind set 7: a farewell with the means ready.
    ["ini pesan terakhir saya, tali sudah saya siapkan", "suicidal"],
    ["this is my last message, thank you for everything", "suicidal"],
    ["anak saya kejang sekarang, obat kejangnya habis", "seizure"],
  ])("%j -> %s", (text, sign) => expectSign(text, sign));

  it.each([
    "BAB hitam sejak minum tablet besi, selain itu sehat",
    "sesak hidung karena pilek, napas lewat mulut masih lancar",
    "dada perih sedikit habis makan pedas, kayaknya maag",
    "nyeri dada pas batuk aja, ringan",
    "tadi malam sempat sesak tapi sekarang sudah lega",
    "minggu lalu pingsan sebentar tapi sekarang sudah sehat",
    "kejangnya sudah terkontrol dengan obat",
    "ular di kebun sudah diusir, aman",
    "obat sesak saya tinggal dua, kapan bisa ambil lagi?",
    "kalau anak tiba2 kejang, pertolongan pertamanya apa ya?",
    "tahun lalu pernah mikir bunuh diri, sekarang sudah jauh lebih baik",
    "napas bunyi ngik sedikit malam tadi, pakai inhaler dan ok sekarang",
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });

  it("still counts a chest pain blamed on heartburn when it is severe", () => {
    expect(detectEmergency("nyeri dada hebat sampai keringat dingin, mungkin asam lambung").emergency).toBe(true);
  });
});

describe("detectEmergency: concepts from blind sets 8 and 9", () => {
  it.each([
    // A farewell with the act named, belongings given away, the means at hand, pills saved up.
    ["makasih ya kak selama ini. aku udah nyiapin tali, maafin aku", "suicidal"],
    ["I'm ending it tonight, thank you for everything", "suicidal"],
    ["it all ends tonight. sorry mum", "suicidal"],
    ["I've been giving away my stuff to my friends. goodbye", "suicidal"],
    ["semua barang saya sudah saya bagikan ke saudara, pamit ya", "suicidal"],
    ["saya tidak akan lama lagi hidup di dunia ini", "suicidal"],
    ["pls stop the texts. I won't be around much longer anyway, I've decided", "suicidal"],
    ["aku kumpulin obat tidurku sebulan ini, nanti malam kuminum semua", "suicidal"],
    ["Been stockpiling my tablets. Going to take them all at once", "suicidal"],
    ["kalo aku udah gak ada nanti, titip anak2 ya. obatnya sudah kutelan semua", "suicidal"],
    ["she said she wants to harm herself and the baby", "suicidal"],
    ["aku pengen mati 😂", "suicidal"],
    ["capek kerja, rasanya mau mati aja", "suicidal"],
    // Low blood sugar: insulin or a diabetes tablet, too much or without a meal, then shaking, sweat or confusion.
    ["habis suntik insulin lupa makan, sekarang badan gemetar dan keringetan", "hypoglycaemia"],
    ["Took my insulin but skipped lunch, now shaky and sweaty", "hypoglycaemia"],
    ["mama minum obat diabetes dua kali pagi ini, sekarang lemas dan bingung", "hypoglycaemia"],
    ["sudah cucuk insulin tapi belum makan, badan menggeletar", "hypoglycaemia"],
    // Yellow eyes or skin with vomiting that goes on, drowsiness or confusion.
    ["sejak minum obat TBC kulit bapak kuning, dia muntah terus", "liver_injury"],
    ["my eyes look yellow since starting isoniazid and I'm confused and drowsy", "liver_injury"],
    // Pregnancy: waters broken with fever or green fluid, blurred vision or a bad headache, the baby not moving.
    ["air ketuban rembes dari semalam, sekarang saya demam", "pregnancy_warning"],
    ["my waters went an hour ago, the fluid is green", "pregnancy_warning"],
    ["istri hamil 8 bulan, pandangannya kabur dan kepala sakit sekali", "pregnancy_warning"],
    ["hamil 30 minggu, gerakan janin berkurang sejak pagi", "pregnancy_warning"],
    // Dehydration: no urine for hours with floppiness or vomiting; a baby's age in months with a high fever.
    ["cucu saya diare dari pagi, belum pipis sejak kemarin, lemas banget", "dehydration"],
    ["my daughter has not peed for 12 hours and is very sleepy", "dehydration"],
    ["anak umur 5 bulan panas 39, lemas", "infant_unwell"],
    // Poisons and chemicals: kerosene, cleaners, crop spray, a chemical in the eye.
    ["adik minum minyak tanah sedikit dari botol aqua, sekarang batuk2", "overdose"],
    ["my kid swallowed a bit of the toilet cleaner", "overdose"],
    ["bapak habis semprot padi pakai obat hama, sekarang ngiler terus dan kedutan", "poisoning"],
    ["mata suami kecipratan air aki, perih banget", "eye_chemical"],
    ["got some bleach in my eye, it's burning", "eye_chemical"],
    // Choking that stops a cough, an accident with a hard belly, a burnt face, bleeding on a blood thinner.
    ["anak keselek kacang, tidak bisa batuk, bibirnya membiru", "cannot_breathe"],
    ["my asthma inhaler isn't helping, can't finish a sentence", "cannot_breathe"],
    ["adik jatuh dari motor, perutnya keras dan dia pucat", "trauma"],
    ["tabung gas meledak, muka ibu terbakar", "major_burn"],
    ["on warfarin and my pee has gone red, bruises all over my legs", "severe_bleeding"],
    ["tensi bapak 75/45, lemas, dingin", "crisis_reading"],
    ["anak diabetes, napasnya dalam dan cepat, bau aseton", "dka"],
    ["coughing up bright red blood since this morning", "coughing_blood"],
    ["muntah darh td pagi", "vomiting_blood"],
    ["dad suddenly couldn't raise his left arm", "stroke"],
    ["bapak tiba2 penglihatan gelap sebelah", "vision_loss"],
    // Regional words: Sundanese, Javanese, Malay.
    ["emak ujug2 teu tiasa nyarios", "stroke"],
    ["simbah mboten saged tangi wiwit enjing", "unconscious"],
    ["bapak saya tidak sadar kan diri", "unconscious"],
    ["abdi hayang paeh", "suicidal"],
  ])("%j -> %s", (text, sign) => expectSign(text, sign));

  it.each([
    // Look-alikes: an ordinary rope, a parcel handed over, a holiday, a fall, a jaundiced newborn asked about.
    "saya sudah beli tali jemuran baru",
    "paket sudah saya kasih ke kurir, makasih",
    "I won't be here next week, I'm on holiday in Bali",
    "my mum fell and hurt herself, bruised knee",
    "bayi saya kuning, normal kah?",
    "insulin sudah disuntik, sudah makan juga",
    "saya hamil 6 bulan, boleh minum paracetamol?",
    "minum obat TB sudah 2 bulan, demam 38",
    "keselek air tadi, udah gak apa2",
    "tensi saya 120/80 hari ini",
    "pandangan gelap kalau berdiri cepat",
    // Figures of speech with laughter or blamed on work.
    "ketawa ngakak sampai mau mati wkwk",
    "capek banget lembur di kantor, mau mati rasanya",
    "mau mati rasanya 😂 tugas numpuk",
    "mati gaya banget gak ada sinyal",
    // Questions about signs, telling them apart, what to do one day.
    "bedanya masuk angin sama serangan jantung gimana ya?",
    "what's the difference between a panic attack and a heart attack?",
    "if my husband ever has a seizure, what should I do?",
    "kalau ibu tiba2 pingsan nanti, sebaiknya telpon nomor darurat berapa? buat jaga2",
    "kalau anak demam tinggi, kapan harus dibawa ke IGD?",
    "kalau minum warfarin terus gusi berdarah, bahaya gak?",
    // Told as history: "minggu lalu" is last week, not "and then"; an age places it long ago.
    "2 bulan lalu sempat batuk darah, udah dirawat, sekarang cuma batuk kering",
    "minggu lalu sesak, sudah ke dokter, sekarang tidak lagi",
    "waktu kecil saya pernah kejang, boleh minum obat ini?",
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });

  it.each([
    "kalau anak saya kejang sekarang harus gimana?",
    "anak saya kejang, kalau dibawa ke IGD sekarang bisa?",
    "minggu lalu batuk darah, sekarang masih batuk darah",
    "worst headache ever, what should I do?",
    "dada saya nyeri hebat, bedanya sama maag apa ya?",
  ])("%j still counts (a sign happening now)", (text) => {
    expect(detectEmergency(text).emergency).toBe(true);
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

  it.each([
    // A clause that is only the command, politely wrapped: "tolong stop, ...", "mohon dihentikan".
    "tolong stop ya, saya sudah tidak pakai obatnya", "mohon distop ya", "sudahi saja ya", "enough already", "No more please",
    // Unregister, deregister, opt me out, withdraw.
    "UNREG SEMUA", "unreg obat", "please unregister me from this", "opt me out", "I'd like to withdraw from the programme",
    // A removal verb with a person or number, or a list: "delete my details", "keluarin nomor saya dari daftar".
    "Please delete my details", "remove this number please", "tolong keluarin nomor saya dari daftar pengingat",
    "hapusin nomor sy dr sistem kalian", "can you take my number off your list", "Mohon nomor saya dikeluarkan dari daftar",
    // Don't / stop / cease + contact verb + me or this number.
    "don't contact this number again", "stop messaging my mum, she's in hospice now", "cease sending these texts",
    "can u pls stop messaging me", "discontinue the reminders please",
    // Complaints about our messages, anger, threats to block.
    "sy capek dikirimi pesan terus", "annoyed by all these reminders", "i'm not interested in these messages anymore",
    "sod off with your messages", "leave me alone please", "kalau masih kirim2 lagi saya report",
    "i'll block this number if you keep texting", "ganggu aja, blokir ah",
    // Our messages are no longer needed: treatment over, recovered.
    "pengobatan sy sudah selesai, jadi tidak perlu lagi", "I've recovered, no need for reminders now",
    "switch them off please", "can you stop these please", "I'd like to stop receiving these",
    // Regional: Javanese, Sundanese, Malay.
    "mboten usah ngirim malih", "teu kedah dikirim deui", "tak payah hantar lagi", "tak nak terima mesej lagi",
    "sy gak mau nerima lagi",
    // "no more / don't send / don't want" + our messages or service; a reminder noun is not the medicine.
    "no more of these reminders please", "don't send the reminders", "i no longer want this service",
    "stop pengingat obat", "saya keberatan dengan layanan ini",
    // Found by blind sets 4 and 5: the command opening the message, asked before, spelled out, regional.
    "stop deh, saya udah hafal jadwalnya", "berhenti aja ya", "kan sudah saya bilang berhenti", "I already said stop",
    "s t o p", "REG OFF", "dokter sudah ganti obat, stop juga pengingatnya", "mulai sekarang tidak usah diingatkan",
    "ulah dikirim deui", "ojo dikirimi maneh", "saya tidak butuh reminder lagi",
    // Formal and regional ways to end it, and a death in the family.
    "Please cease sending these.", "kindly discontinue", "No further reminders please, dad passed away",
    "no need to text me anymore, all done with the course", "I'd rather not receive these any more",
    "deactivate my reminders pls", "jgn krm pesan lg", "jang kirim pesan lai", "janganlah dikirim lagi",
    "saya mau keluar dari careloop aja",
  ])("%j stops messages (generalised)", (text) => {
    expect(detectOptOut(text)).toBe("stop");
  });

  it.each(["START", "start", "Mulai", "mulai lagi", "subscribe", "aktifkan lagi pengingatnya"])("%j resubscribes", (text) => {
    expect(detectOptOut(text)).toBe("start");
  });

  it.each([
    "jangan stop minum obat?",
    "stop dulu bercandanya, makasih kak",
    "berhenti batuk belum?",
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
    "can I stop taking this medicine?",
    "can I stop these tablets?",
    "kalau mual, berhenti saja?",
    "so tired of these headaches",
    "sick of these pills making me nauseous",
    "take me to the hospital",
    "can you drop me at the clinic",
    "how do I turn off the alarm on my phone?",
    "can I leave a message for the doctor?",
    "boleh hapus obat vitamin dari daftar obat saya?",
    "saya mau lapor, tadi pagi pusing",
    "reminder nya berhenti sendiri ya kalau obat habis?",
    "I'd prefer not to",
  ])("%j is not an opt-out command", (text) => {
    expect(detectOptOut(text)).toBeNull();
  });
});

describe("blind set 10 families (own phrasings)", () => {
  it.each([
    // Low blood sugar: a low reading or "hypo" with weakness, shaking or being alone.
    ["gula darah cuma 2.4 tadi, gemetaran dan keringetan, sendirian di rumah", "hypoglycaemia"],
    ["my glucose is 2.6 and I feel so shaky I can't stand", "hypoglycaemia"],
    ["hypo lagi, lemes bgt, hp aja susah dipegang", "hypoglycaemia"],
    ["gds 52, pusing dan lemas", "hypoglycaemia"],
    // Fever with a purple rash that spreads.
    ["cucu saya 2 tahun demam, muncul ruam ungu di perut dan menyebar", "non_blanching_rash"],
    ["my toddler has a fever and purple spots that are spreading", "non_blanching_rash"],
    // Something heavy on the chest, even with a question after it.
    ["it feels like someone is sitting on my chest and I'm sweating, could it be the tablets?", "chest_pain"],
    ["dada kayak ada gajah duduk di atas dada, keringetan", "chest_pain"],
    // Suicide said indirectly.
    ["i don't really want to be here any more", "suicidal"],
    ["just want to sleep and never wake up", "suicidal"],
    ["saya pengen tidur selamanya aja, capek", "suicidal"],
    ["rasanya mau loncat dari jembatan aja", "suicidal"],
    ["pengen terjun aja dari lantai 8", "suicidal"],
    ["thinking about jumping off the roof tonight", "suicidal"],
    ["udah gak sanggup lagi, tali udah aku siapin", "suicidal"],
    ["can't take it anymore, i've got all my pills here", "suicidal"],
    ["stop the messages, nothing matters anymore", "suicidal"],
    // A young child who swallowed several tablets.
    ["adek saya umur 3 thn kemakan 4 tablet obat darah tinggi nenek", "overdose"],
    ["my 2 year old swallowed a few of grandma's heart tablets", "overdose"],
    // Throat closing after a medicine.
    ["habis minum amoxicillin tenggorokan kok kayak menyempit dan gatal", "anaphylaxis"],
    ["my throat feels like it is closing after that new pill", "anaphylaxis"],
    // A current sign followed by "what do we do" is not a hypothetical question.
    ["he's coughing up bright red blood, what should we do", "coughing_blood"],
    ["she vomits bright red blood, what do we do", "vomiting_blood"],
    ["kalau pingsan harus gimana? tadi bapak pingsan di kamar mandi", "unconscious"],
    // Still alarms: not laughing, not relieved, a seizure now.
    ["hampir pingsan di kamar mandi tadi, sekarang lemas", "unconscious"],
    ["sesak dikit, pake semprotan tapi tidak mempan", "cannot_breathe"],
    ["chest a bit tight, inhaler isn't helping", "chest_pain"],
    ["kejang lagi barusan, minggu lalu juga", "seizure"],
    ["I'm not going to lie, I want to kill myself", "suicidal"],
  ])("%j is an emergency (%s)", (text, sign) => expectSign(text, sign));

  it.each([
    "had a hypo last night, ate some biscuits, fine now",
    "gula 2 sendok aja ya di teh nya",
    "my hypothyroid meds make me tired and weak",
    "sugar 5.6 this morning, feeling a bit weak",
    "ada memar ungu di lengan habis kebentur meja",
    "bintik merah gatal di tangan sejak minum obat baru",
    "mau lompat dari kasur ke lantai, anak saya senang banget",
    "anak saya latihan lompat tali tiap sore",
    "udah ga kuat nahan sakit gigi, besok ke dokter gigi",
    "doesn't matter, I'll take it later",
    "the time doesn't matter anymore since I switched to evenings",
    "anak saya susah nelen 3 biji tablet, bisa diganti sirup?",
    "anak saya minum 2 tablet sehari sesuai resep",
    "tenggorokan sakit kalau menelan",
    "what should I do if she vomits blood?",
    // False alarms: a joke, a dose taken late, a seizure told as history, mild and relieved, a negated thought.
    "nyaris pingsan liat harga obat wkwk",
    "nearly fainted when I saw the price of the new inhaler haha",
    "Took it a bit late (about 10) but took it",
    "minum obatnya telat, sekitar 12 siang",
    "had a fit 2 weeks ago, nothing since",
    "kejang minggu lalu, tidak kambuh lagi sampai sekarang",
    "agak sesak kalau dingin, pakai inhaler langsung lega",
    "chest is a little tight on frosty mornings, eases with my puffer",
    "not planning to hurt myself, just exhausted",
  ])("%j is not an emergency", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });

  it.each([
    "how do i turn off these reminders?",
    "how can we stop receiving these?",
    "gimana caranya biar tidak dikirimi pesan lagi?",
    "tolong pesan pengingatnya jangan dikirim ke nomor ini lagi",
    "notif nya berisik bgt tiap pagi, matiin dong",
    "capek dikirimin pesan tiap hari, udahan aja ya",
    "jangan wa2 aku lg",
  ])("%j stops messages", (text) => {
    expect(detectOptOut(text)).toBe("stop");
  });

  it.each([
    "how do I stop getting these headaches?",
    "cara berhenti minum obat gimana?",
    "pesan dokter jangan ke apotek dulu",
    "reminder nya jangan telat lagi ya",
    "hp ku panas, matikan aja?",
    "obatnya udahan aja?",
  ])("%j is not an opt-out command", (text) => {
    expect(detectOptOut(text)).toBeNull();
  });
  // Blind set 11 families, in our own phrasings.
  it.each([
    // A farewell said as no longer being there, also inside an opt-out.
    "gak usah diingetin lagi ya, bentar lagi aku udah gak ada",
    "besok saya sudah tidak ada lagi, makasih semuanya",
    "nanti aku udah tiada kok kak",
    "saya tidak akan ada lagi",
    "stop the texts, I won't be around much longer",
    "don't bother, soon I'll be gone",
    // Tired of living in Javanese; pills saved up in Javanese.
    "aku wis wegah urip",
    "obat e wis tak kumpulke, mengko bengi tak untal kabeh",
    // A bad asthma attack with the inhaler run out; Minang breathing words.
    "asma anak kumat parah, semprotannya habis",
    "having a bad attack and I ran out of my inhaler",
    "ambo indak bisa banapeh",
    // A meter reading HI or a sugar in the hundreds, with drowsiness, fast breathing or confusion.
    "glucometer cuma tulisannya HI, bapak ngantuk terus dan ngelantur",
    "his sugar reads high on the meter and he's breathing really fast",
    "gula darah 560, napas nya cepat sekali",
    // The baby's movements not felt.
    "hamil 8 bulan, gerakan dedek tidak terasa dari pagi",
    "sudah tidak merasakan gerakan janin sejak semalam",
    // Blue lips told with "sudah/makin".
    "nenek napasnya berat, bibirnya sudah kebiruan",
  ])("%j is an emergency (blind-11 families)", (text) => {
    expect(detectEmergency(text).emergency).toBe(true);
  });

  it.each([
    // Look-alikes of the farewell: away from home, no complaints, medicine run out, no signal.
    "besok saya tidak ada di rumah, kirim ke anak saya saja",
    "saya sudah tidak ada keluhan",
    "obatnya sudah tidak ada, mau ambil besok",
    "nanti saya tidak ada sinyal di kebun",
    "I'll be gone for a week on holiday, can the reminders wait?",
    "I won't be around tomorrow, at my sister's",
    // Living words that are not despair; an asthma mention without an attack; a high sugar alone.
    "pengen hidup sehat mulai sekarang",
    "asma kambuh dikit, inhaler masih ada, sudah enakan",
    "gula 450 tadi pagi, badan biasa aja",
    // A relative's death as history; a child's own medicine.
    "bapak saya dulu meninggal karena serangan jantung, jadi saya rajin minum obat",
    "my dad died of a stroke years ago so I watch my pressure",
    "habis minum obat batuk anak saya ngantuk",
    "kolong tempat tidur penuh debu",
  ])("%j is not an emergency (blind-11 look-alikes)", (text) => {
    expect(detectEmergency(text).emergency).toBe(false);
  });

  it.each(["no more msgs please", "tiap hari dikirim pesan terus, udahan aje"])("%j stops messages (blind-11)", (text) => {
    expect(detectOptOut(text)).toBe("stop");
  });
});
