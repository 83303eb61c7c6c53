import { combineWithModel, DEFAULT_THRESHOLDS, type CombineThresholds } from "./combine";
import { predictIntentProbabilities, type ModelWeights } from "./model";
import shippedWeights from "./model-weights.json";
import { EMOJI_TOKENS, normaliseText } from "./normalise";
import { detectEmergencyNormalised, detectOptOutNormalised, isNegatedAt } from "./safety";
import { INTENTS, type Classification, type ClassifyInput, type Classifier, type Intent, type Language } from "./types";

/**
 * Deterministic rule classifier. Every message goes through normaliseText once, then a fixed
 * set of precompiled patterns finds every intent the message carries; the highest by INTENTS
 * order is primary and the rest are secondary. Context decides what bare answers mean:
 * "ya" after a verification message accepts it, after a reminder it confirms the dose.
 */

const E = EMOJI_TOKENS;

// --- Symptoms -------------------------------------------------------------------------------

const SYMPTOM = new RegExp(
  [
    // Indonesian
    "\\b(?:mual|mual mual|enek|eneg|muntah|muntah muntah|pusing|migrain|vertigo|puyeng|kliyengan|oyong|gatal|gatal gatal|ruam|bintik|bintik bintik|bentol|bentol bentol|biduran|kaligata|kemerahan|bercak|demam|meriang|menggigil|panas dingin|batuk|pilek|flu|bersin|diare|sembelit|konstipasi|mulas|mules|kembung|begah|maag|sariawan|pegal|pegel|linu|kram|keram|kesemutan|kebas|baal|lemas|lemah|letih|lesu|capek|cape|lelah|ngantuk|mengantuk|insomnia|berdebar|deg degan|gemetar|gemetaran|keringetan|keringatan|masuk angin|greges|nggreges|pingsan|semaput|asam lambung|gerd|muntaber|anyang|anyang anyangan|mimisan|berkunang|bengkak|radang|alergi|nyeri|ngilu|perih|sakit|kambuh|keluhan|cegukan|remuk|berdarah|sesak|serak|begadang|kliyeng|muka merah|kuning|gusi berdarah|lebam|memar)\\b",
    "\\b(?:kepala|perut|badan|tenggorokan|lambung|ulu hati|dada|kaki|tangan|sendi|otot|punggung|pinggang|mata|telinga|gigi|kulit|lutut|leher|pundak|bahu)(?:ku|nya)?\\s+(?:saya |aku |ku |ibu |bapak |nya |rasanya |terasa |jadi |agak |sedikit |kok |masih |sering )*(?:sakit|pusing|berat|nyut|nyeri|panas|perih|mules|mulas|kembung|melilit|begah|gatal|merah|bengkak|kering|kabur|berdenging|cekot|pegal|tidak enak|kaku|ngilu|lemas|keram|kram|kesemutan|berkunang|mengelupas|bentol|melilit|kencang|tegang|sakit sekali|berputar|muter|cenat cenut|remuk|linu|pegel)",
    "\\b(?:bab|berak|buang air besar|pup)\\s+(?:saya |nya )?(?:cair|encer|terus|berdarah|hitam|lendir|mencret)|\\bbuang air terus",
    "\\b(?:susah|sulit|tidak bisa|tidak nyenyak)\\s+(?:tidur|bab|buang air besar|buang air|berak|kencing|pipis)\\b",
    "\\b(?:kencing|pipis|buang air kecil|bak|urine|air seni)(?:nya)?\\s+(?:saya |aku |nya |rasanya |terasa |jadi |agak |kok |berwarna |warnanya |warna |seperti |kayak )*(?:sakit|perih|panas|berdarah|sedikit|anyang|tidak tuntas|nyeri|keruh|merah|oranye|orange|jingga|coklat|cokelat|gelap|pekat|kuning pekat|seperti teh|kemerahan|berbusa)",
    "\\bsering\\s+(?:kencing|pipis|buang air kecil)\\b",
    "\\b(?:tidak|kurang|hilang)\\s+(?:nafsu|napsu|selera)\\s+makan|\\bnafsu makan\\s+(?:hilang|berkurang|turun|menurun)",
    "\\b(?:tidak|kurang)\\s+enak\\s+badan|\\bbadan\\s+(?:saya |rasanya )?tidak enak|\\b(?:kurang|tidak)\\s+(?:sehat|fit|enak)\\b",
    "\\b(?:pandangan|penglihatan|mata)\\s+(?:saya |aku |jadi |agak |sedikit |makin |semakin |kok )*(?:kabur|buram|berkunang|kuning|merah)",
    "\\bmulut\\s+(?:saya |jadi |terasa )?(?:kering|pahit|pahit|tidak enak)",
    "\\b(?:tensi|tekanan darah|gula darah|gula|kolesterol|asam urat)\\s+(?:saya |aku |nya |ibu |bapak )?(?:naik|tinggi|turun|rendah|drop|melonjak|\\d{2,3})",
    "\\b(?:bab|berak|feses|tinja)\\s+(?:saya |nya )?hitam",
    // A symptom that goes on: "batuknya masih", "pusingnya tetap", "gatalnya makin".
    "\\b(?:batuk|pilek|pusing|mual|demam|gatal|nyeri|diare|lemas|meriang|sesak|ruam)nya\\s+(?:\\S+\\s+)?(?:masih|tetap|belum (?:hilang|sembuh|reda)|makin|tambah|kambuh)\\b",
    "\\befek samping(?:nya)?\\s+(?:muncul|terasa|kambuh|parah|lagi)",
    `\\b${E.unwell}\\b`,
    // English
    "\\b(?:nausea|nauseous|nauseated|queasy|vomit|vomited|vomiting|threw up|throwing up|puking|dizzy|dizziness|lightheaded|light headed|headache|headaches|migraine|itch|itchy|itching|rash|hives|fever|feverish|chills|cough|coughing|runny nose|sneezing|diarrhea|diarrhoea|constipated|constipation|bloated|bloating|heartburn|indigestion|cramp|cramps|cramping|pain|painful|ache|aches|aching|hurts|hurting|tired|fatigue|fatigued|exhausted|weak|drowsy|sleepy|insomnia|palpitations|shaky|tremor|tremors|numb|numbness|tingling|swollen|swelling|unwell|ill|sick|bruising|nosebleed|side effects|side effect|sweating|sweaty|burning|shaking|trembling|shivering|jaundice|short of breath|shortness of breath|breathless|wheezy|wheezing|out of breath)\\b",
    "\\b(?:urine|pee|wee)\\s+(?:\\S+\\s+){0,2}?(?:orange|red|dark|brown|cloudy|bloody|pink|foamy|frothy|black|green)|\\burin(?:nya)?\\s+(?:\\w+\\s+)?(?:merah|oranye|jingga|gelap|keruh|coklat)",
    "\\bsore\\s+(?:throat|muscles?|back|neck|eyes?|gums|mouth|arms?|legs?|joints?|stomach|chest)\\b|\\b(?:is|are|feel|feels|feeling|i'm|really|so)\\s+sore\\b",
    "\\bfeel(?:ing|s)?\\s+(?:\\w+\\s+)?(?:bad|awful|terrible|off|rough|horrible|funny|strange|weird|worse|lousy|faint)\\b",
    "\\bnot\\s+(?:feeling|feel)\\s+(?:so |very |too )?(?:well|good|great|ok|right)\\b",
    "\\b(?:can't|cannot|trouble|hard to)\\s+(?:sleep|sleeping|poop|pee)\\b|\\b(?:stomach|tummy|belly)\\s+(?:ache|pain|hurts|upset|is upset|cramps|issues|problems)|\\bupset stomach|\\bheart\\s+(?:racing|pounding|beating fast)|\\bblurr?(?:y|ed)\\s+vision|\\bringing in (?:my )?ears|\\bdry mouth|\\b(?:lost|no)\\s+(?:my\\s+)?appetite",
    // Side effects told plainly: loose stools, hair loss, a changed taste, urine of an odd colour.
    "\\b(?:the runs|the trots|loose (?:stools?|motions|bowels|poo|poop)|watery (?:stools?|poo|poop)|runny (?:poo|poop|tummy))\\b",
    "\\brambut(?:nya|ku)?\\s+(?:\\S+\\s+)?rontok|\\brontok\\b|\\bhair\\s+(?:\\S+\\s+){0,2}(?:falling out|coming out|thinning|loss)\\b|\\blosing (?:my |his |her )?hair\\b",
    "\\b(?:metallic|metal|bitter|strange|weird|funny|bad|odd|horrible|awful|salty)\\s+taste\\b|\\btastes?\\s+(?:\\S+\\s+)?(?:like metal|metallic|bitter|funny|weird|strange|of metal|off)\\b|\\blost (?:my |the )?(?:sense of )?(?:taste|smell)\\b|\\blidah(?:nya|ku)?\\s+(?:\\S+\\s+)?(?:pahit|mati rasa|kelu|kebas)\\b|\\brasa (?:logam|besi|pahit|aneh) (?:di )?(?:mulut|lidah)\\b",
    "\\b(?:urine|pee|wee|kencing|pipis|air seni|urin)(?:nya)?\\s+(?:\\S+\\s+){0,3}?(?:funny|weird|strange|odd|unusual|different|aneh|beda|berubah|changed)\\s+(?:colou?r|warna|smell|bau)|\\b(?:funny|weird|strange|odd|unusual) colou?r(?:ed)? (?:urine|pee|wee)\\b|\\bwarna (?:kencing|pipis|urin|air seni)(?:nya)? (?:\\S+ )?(?:aneh|berubah|beda|gelap|merah|coklat|pekat)",
    "\\b(?:jerawat|jerawatan|berjerawat|acne|puffy|nightmares|mimpi buruk|mood swings|bruises|bruised|night sweats|hot flushes|hot flashes|hiccups)\\b",
    "\\bhead\\s+(?:is |keeps |has been )?(?:pounding|spinning|hurting|aching|throbbing|killing me)|\\bpounding head|\\b(?:blood pressure|bp|sugar|blood sugar|glucose)\\s+(?:is\\s+)?(?:high|low|up|very high|dropped|\\d{2,3})",
  ].join("|"),
  "g",
);
// The same words without the global flag, for a plain "does it mention a symptom" test.
const SYMPTOM_WORD = new RegExp(SYMPTOM.source);
// These words describe a symptom that has gone: "pusing sudah hilang", "rash is gone".
const SYMPTOM_RESOLVED = /^\s*(?:saya |nya |sudah |mulai |sudah mulai |agak |is |has |have |already |now |sekarang )*(?:hilang|reda|sembuh|membaik|berkurang|mendingan|enakan|baikan|gone|better|improving|improved|disappeared|went away|stopped)\b/;
// Cues that make a symptom hypothetical or the object of a question ("obat untuk batuk", "bisa bikin mual?").
const SYMPTOM_HYPOTHETICAL = /\b(?:obat|untuk|anti|for|stop|relieve|ease|meredakan|mengatasi|menghilangkan|makes? (?:people|someone|patients|anyone)|kalau|jika|bila|apabila|seandainya|if|cause|causes|causing|menyebabkan|sebabkan|bikin|membuat|memicu|mencegah|prevent|avoid|hindari|menghindari|efek samping(?:nya)?|side effects?|risiko|risk|makes? you|make me|give me|normal|wajar|biasa|usual|common)\b(?:\s+\S+){0,4}\s*$/;
// "Is dizziness a side effect?", "pusing itu efek samping obat?": the symptom is the topic of a question.
const SYMPTOM_AS_SUBJECT = /^ (?:[^ ,]+ ){0,2}(?:a |an )?(?:side effects?|efek samping|normal|wajar|biasa|berbahaya|bahaya|karena obat|caused by|from the)\b/;
const NOT_A_SYMPTOM = /\brumah sakit\b|\bsakit (?:hati|jiwa)\b|\bsick of\b|\b(?:no|tidak ada) (?:side effects?|efek samping|keluhan)\b/g;

// --- Questions ------------------------------------------------------------------------------

// A modal or "did" opens a question only before its subject ("can I", "will it", "did my doctor"): chat drops
// the subject in statements ("will take it later", a bare "can" for yes, "did my insulin").
const QUESTION_SUBJECT =
  "(?:i|you|we|he|she|they|it|this|that|these|those|there|the|my|your|his|her|our|a|an|anyone|someone|somebody|me|mum|mom|dad|u)";
const DOSE_NOUN = "(?:insulin|injection|jab|shot|dose|doses|medicine|pills|tablet|inhaler|puffer|drops|eye drops|patch)";

const QUESTION = new RegExp(
  [
    "\\?",
    "\\b(?:apakah|bagaimana|kapan|berapa|kenapa|mengapa|bolehkah|bisakah|haruskah|perlukah|dimana|di mana|siapa|manakah|benarkah|apa iya|masa sih)\\b",
    "\\bapa\\s+(?:boleh|bisa|harus|perlu|aman|efek|obat|yang|itu|ini|saja|fungsi|gunanya|bedanya|manfaat|dosis|aturan|masih|sudah|tidak|memang|artinya|maksudnya|penyebab|karena|normal|wajar|berbahaya|bahaya|ada)\\b",
    "\\bboleh\\s+(?:tidak|saya|aku|minum|diminum|dimakan|makan|bareng|bersama|dengan|sama|diganti|ganti|berhenti|dihentikan|stop|tahu|tanya|minta|dikurangi|ditambah|dobel|double|pakai|dipakai|konsumsi|dikonsumsi|digerus|dibelah|dipotong|ibu|anak|hamil)\\b",
    "\\b(?:mau|ingin|boleh|numpang|izin|ijin)\\s+(?:tanya|nanya|bertanya|konsultasi)\\b|^(?:tanya|nanya)\\b|\\bpertanyaan\\b",
    "\\b(?:sebelum|sesudah|setelah)\\s+(?:atau|apa)\\s+(?:sebelum|sesudah|setelah)\\b|\\b(?:pagi|siang|malam)\\s+atau\\s+(?:pagi|siang|malam)\\b",
    "\\b(?:aman|bahaya|normal|wajar|benar)\\s+(?:tidak|kah)\\b(?! ada)|\\b(?:obat|ini|itu|untuk|fungsinya|gunanya)\\s+apa\\b|(?<!\\bapa )\\bapa(?: sih| ya| saja| aja)?(?: (?:kak|dokter|bu|pak|ya|sih|dong|nih|ini))*$",
    "\\b(?:tolong|mohon)\\s+(?:jelaskan|dijelaskan|info|informasi|dibantu jelaskan)\\b",
    "^(?:what|when|how|why|where|who|which|is|are|does|am|was|were)\\b",
    `^(?:can|could|should|shall|do|may|will|would|has|have)\\s+${QUESTION_SUBJECT}\\b|^did\\s+${QUESTION_SUBJECT}\\b(?! ${DOSE_NOUN}\\b)`,
    "\\b(?:can i|could i|should i|do i|may i|is it|is this|are these|does it|does this|what if|how long|how many|how much|how often|what should|what happens|what time|what is|what are|when should|when do|i wonder|wondering|i have a question|question about|quick question)\\b",
  ].join("|"),
);
// With no prompt of ours (context "none"), chatter phrased as a question is not a question for us:
// who is this, are you up, a wrong business, money, a bare "huh?". It stays unclear unless it also
// touches medicine, health, care or this service (HEALTH_TOPIC below).
const OFF_TOPIC_QUESTION = new RegExp(
  [
    // Who is writing: "who dis", "siapa ini?", "ini dari mana ya?", "ini nomor siapa?"
    "\\b(?:who (?:is|are|r) (?:this|you|u)|who this|who's this|whos this|who are you|where are you from|siapa (?:ini|ya|nih|sih|kamu|anda)|(?:ini|kamu|anda|kalian) siapa|nomor siapa|dari mana (?:ini|ya|nih|dapat)|(?:ini|kamu|anda) dari mana)\\b",
    // Chatter: "u up?", "km lg apa", "wyd", "lagi dimana?", "jam berapa sekarang?"
    "\\b(?:you up|you awake|you there|wyd|wassup|what's up|whats up|sup|lagi apa|lagi ngapain|sedang apa|lagi dimana|lagi di mana|udah tidur|sudah tidur|jam berapa sekarang|sekarang jam berapa|what time is it)\\b",
    // Another business, money, shopping, sport: "is this the pizza place?", "bisa pinjem duit?"
    "\\b(?:pizza|laundry|bakso|ojek|ojol|grab|gojek|shopee|tokopedia|delivery|pesanan|pesenan|order|promo|kuota|pulsa|diskon|discount|jual|beli|harga|ongkir|rekening|transfer|pinjam|pinjem|duit|uang|loan|money|cash|scores?|football|bola|weather|cuaca|password|wifi|place|shop|store|restaurant|toko|warung)\\b",
    // A bare interjection: "huh?", "hah?", "apa?"
    "^(?:huh|hah|ha|what|apa|eh|hm+|hmm+|heh)(?: \\?)*$",
  ].join("|"),
);

// What a question about us touches: medicine, health, care or this service.
const HEALTH_TOPIC = new RegExp(
  [
    "\\b(?:obat\\w*|minum\\w*|diminum\\w*|meminum|dosis|tablet\\w*|kapsul\\w*|pil|puyer|sirup|salep|tetes|suntik\\w*|disuntik\\w*|insulin\\w*|inhaler\\w*|vitamin|suplemen|jamu|herbal|resep\\w*|apotek\\w*|tebus|nebus|ditebus|dokter\\w*|perawat|bidan|apoteker|klinik|puskesmas|rs|rumah sakit|poli|kontrol|jadwal\\w*|janji temu|periksa|diperiksa|cek|lab|tes|darah|tensi|gula|kolesterol|hamil|menyusui|asi|bayi|makan\\w*|puasa|alkohol|kopi|susu|jus|teh|rokok|merokok|efek|samping|aman|bahaya|berbahaya|sakit|sembuh|penyakit|pengingat\\w*|reminder\\w*|diingatkan|ingatkan|pesan\\w*|program|layanan|daftar|berhenti|bpjs|biaya\\w*|bayar|gratis|jam|pagi|siang|malam|sore|sebelum|sesudah|setelah|sehari|pasien|terapi|pengobatan|diagnosa|hasil|antibiotik\\w*|alergi|lupa|dobel|double|efeknya|dibelah|digerus|disimpan|kulkas|rawat|opname|vaksin\\w*|imunisasi|kehamilan|haid|menstruasi|tidur|olahraga|diet|berat badan|sehat|kesehatan|dirujuk|rujukan|habiskan|dihabiskan|habis|skip|bantu|dibantu|bantuan|telepon|telpon|ditelepon|hubungi|dihubungi|konsultasi|careloop)\\b",
    "\\b(?:medicine|pills|tablet|capsules?|dose|doses|dosage|take|taking|taken|took|drink|drinking|eat|eating|food|meal|meals|alcohol|wine|beer|coffee|juice|grapefruit|milk|doctor|doc|gp|nurse|pharmacist|pharmacy|chemist|clinic|hospital|appointment|appointments|appt|prescription|refill|repeat|test|tests|blood|fast|fasting|pregnant|pregnancy|breastfeeding|side|effects?|safe|reminders?|remind|reminding|messages?|service|program|programme|schedule|time|stop|drive|driving|insulin|inhaler|injection|vaccine|jab|treatment|therapy|results?|symptoms?|sick|pain|sleep|exercise|diet|weight|allergic|allergy|antibiotics?|vitamins?|supplements?|dosing|overdose|missed|miss|forget|forgot|refills?|collect|pick up|health|medical|condition|diabetes|pressure|sugar|cholesterol|surgery|scan|x ray|vaccination|shot|finish|course|pack|strip|bottle|skip|skipping|help|call me|call back|contact me|speak to|talk to)\\b",
    // Drug names by their stems: amlodipine, lisinopril, atorvastatin, metformin, amoxicillin, omeprazole...
    "\\b\\w+(?:pril|sartan|statin|olol|formin|cillin|mycin|dipin|dipine|azole|prazole|tidine|floxacin|cycline|zepam|triptan|gliptin|profen|amol|fenac|xaban|gatran|parin|thiazide|semide|solone|sone|farin|pirin)\\b",
  ].join("|"),
);

// "ok google, set an alarm": a command to a phone assistant, sent to us by mistake.
const VOICE_ASSISTANT = /^(?:ok|hey|hi) (?:google|siri|alexa|bixby)\b/;

// Greetings phrased as questions are acknowledgements.
const GREETING_QUESTION = /^(?:\S+ ){0,2}(?:apa kabar|how are you|how are u|how you doing|hows it going|halo|hallo|hello|hi)(?: \S+){0,2}(?: \?)?$/;

// --- Confirmations --------------------------------------------------------------------------

const AFTER_SUDAH =
  "(?:minum|diminum|saya minum|aku minum|saya diminum|tadi|barusan|kok|ya|iya|dong|deh|kak|dokter|bu|pak|pagi|siang|sore|malam|semua|semuanya|obat|obatnya|beres|selesai|terimakasih|thanks|ok|sip|siap|aman|saya|aku|ini|juga|sesuai|ibu|bapak|mama|papa|nenek|kakek|mbah|suami|istri|anak|beliau|tepat|on time|masuk|emo\\w+|\\d+ (?:tablet|butir|kapsul|pil|pills|biji|macam|obat|jenis)|,|\\?)";
const TAKEN = new RegExp(
  [
    `\\bsudah(?= ${AFTER_SUDAH}\\b| ,| \\?|$)`,
    "\\b(?:barusan|baru saja|baru|tadi)\\s+(?:(?:pagi|siang|sore|malam|sudah|saya|aku|ini|jam \\d+|obat|obatnya)\\s+){0,3}(?:minum|diminum|makan obat|menelan|telan)\\b",
    "\\b(?:saya|aku)\\s+(?:sudah\\s+)?(?:minum|meminum)\\s+(?:obat|obatnya)\\s+(?:tadi|barusan|pagi|siang|sore|malam|jam|pukul|kok|ya|sesuai)\\b",
    "\\b(?:sudah|telah)\\s+(?:saya\\s+|aku\\s+)?(?:minum|diminum|meminum|makan obat|menelan|telan|ditelan|dikonsumsi|diminumkan|minumkan|suntik|disuntik|disuntikkan|pakai|dipakai|semprot|disemprot|kasih|dikasih|diberikan|berikan)\\b",
    "\\b(?:selesai|beres|lunas|tuntas|done|taken|finished)\\b(?<!(?:haven't|have not|not|didn't|never|belum|tidak) \\w+)",
    "\\btidak lupa\\b|^(?:yes )?i (?:did|have)(?: already| it)?$|\\b(?:obat|obatnya)\\s+(?:sudah\\s+)?(?:masuk|diminum|aman)\\b",
    "\\b(?:took|taken|had|swallowed)(?<!(?:haven't|have not|not|didn't|did not|never|hasn't|has not) \\w+)\\s+(?:it|them|my|the|mine|all|both|this|today|already|these)\\b|\\b(?:have|i've|i have|just|already)\\s+(?:taken|took|had)\\b|\\ball done\\b|\\bjust did\\b|\\bdid it\\b|\\byes i (?:did|have|took)\\b|\\b(?:i\\s+)?already did\\b",
    `\\b${E.check}\\b`,
    // "took 2 tablets at 8", "had one pill with lunch"
    `\\b(?:took|taken|had|swallowed)(?<!(?:haven't|have not|not|didn't|did not|never|hasn't|has not) \\w+)\\s+(?:\\d+|one|two|three|both|half|a|an)\\s+(?:\\S+\\s+)?(?:${DOSE_NOUN}|meds|capsules?)\\b`,
    // "gave mum her tablets", "mum's had her tablets", "did my insulin", "finished tonight's dose"
    `\\b(?:gave|given|give)\\s+(?:\\S+\\s+){0,2}?(?:her|his|their|the|my)\\s+(?:\\S+\\s+)?(?:${DOSE_NOUN}|meds)\\b`,
    `\\b(?:took|taken|had|swallowed|did|done|finished)(?<!(?:haven't|have not|not|didn't|did not|never|hasn't|has not) \\w+)\\s+(?:my|his|her|their|our|today's|tonight's|this morning's|the)\\s+(?:\\S+\\s+)?(?:${DOSE_NOUN}|meds|obat|obatnya)\\b`,
    // An appointment kept: "sudah ke puskesmas", "sudah kontrol", "been to the appointment".
    "\\b(?:sudah|telah)\\s+(?:saya\\s+|aku\\s+)?(?:datang ke|pergi ke|ke|kontrol|periksa|check up|cek up)\\b",
    "\\b(?:been to|went to|attended|made it to|had|did|done|finished)\\s+(?:the |my |our |his |her |today's )?(?:appointment|appt|clinic|doctor|doctor's|gp|hospital|check up|checkup|review|follow up|blood test)\\b",
    // An immunisation given or an antenatal visit kept: "sudah diimunisasi di posyandu", "got the jab today", "went to the antenatal check".
    "\\b(?:sudah|telah)\\s+(?:\\S+\\s+)?(?:diimunisasi|imunisasi|divaksin|vaksin|ke posyandu|ke bidan|anc|periksa kehamilan)\\b|\\b(?:got|had|did|received|done)\\s+(?:the |his |her |my |a |their |its |both )?(?:\\S+\\s+)?(?:jab|jabs|vaccine|vaccines|vaccination|immuni[sz]ations?|shots?)\\b(?! (?:tomorrow|next|later)\\b)|\\b(?:been to|went to|attended|made it to|had|did)\\s+(?:the |my |our |her |today's )?(?:antenatal|anc|posyandu|prenatal|lab|scan|ultrasound)\\b",
    // "barusan aja" after a reminder; "habis makan langsung minum"
    "^(?:barusan|baru saja|just now)(?: (?:saja|kok|ya|kak|dong|tadi|ini|thanks))*$",
    "(?<!\\b(?:nanti|akan|mau|habis ini|setelah ini) )\\blangsung (?:saya |aku )?(?:minum|diminum)\\b",
  ].join("|"),
);
const NOT_TAKEN = new RegExp(
  [
    "\\bbelum\\b(?! (?:sembuh|hilang|membaik|ada (?:perubahan|hasil|efek|perbaikan|keluhan)|reda|berkurang|enakan|baikan|tahu|paham|mengerti|jelas|pernah|lama|terasa)\\b)",
    "(?<!jangan |tidak |takut |biar tidak |supaya tidak |agar tidak |don't |never |dont )\\b(?:lupa|kelupaan|terlupa|terlewat|kelewatan|kelewat|ketinggalan|forgot|forget|forgotten)\\b",
    "\\b(?:skip|skipped|skipping|missed|miss)\\b",
    "\\b(?:tidak|belum|tidak sempat|belum sempat)\\s+(?:saya\\s+|aku\\s+)?(?:sempat|minum|diminum|meminum|makan obat|bisa minum|mau minum|ingin minum|kuat minum|jadi minum)\\b",
    "\\bnanti\\b(?= (?:saya |aku )?(?:minum|diminum|malam|siang|sore|pagi|setelah|sesudah|habis|ya|dulu|kalau))",
    "\\b(?:sebentar lagi|bentar lagi|baru mau|mau minum|akan minum|akan saya minum|segera saya minum)\\b",
    "\\bhabis\\s+(?:obat|obatnya|obatku)\\b",
    // Spat out: "nenek lepehin lagi obatnya", "she spat the tablet out".
    "\\b(?:dilepeh|dimuntahkan|spat|spit|spits)\\b",
    // Refused: "mum refusing her tablets today".
    `\\b(?:refus\\w*|won't take|will not take)\\s+(?:to take\\s+)?(?:(?:her|his|my|the|their)\\s+)?(?:\\S+\\s+)?(?:${DOSE_NOUN}|meds|tablet)\\b`,
    // An appointment not kept: "tidak jadi ke klinik", "tidak datang kontrol kemarin", "couldn't make it to the clinic".
    "\\btidak (?:datang|pergi|hadir) (?:ke )?(?:kontrol|klinik|puskesmas|posyandu|periksa|jadwal)\\b",
    "\\b(?:tidak jadi|tidak sempat|belum sempat|tidak bisa|batal|gagal)\\s+(?:\\S+\\s+)?(?:ke|datang|pergi|kontrol|periksa|check up)\\b",
    "\\b(?:couldn't|could not|can't|cannot|didn't|did not|won't|will not|not able to|unable to|wasn't able to)\\s+(?:make it|go|get|come|attend|make)\\s+(?:to\\s+)?(?:the |my |today's )?(?:\\S+\\s+)?(?:appointment|appt|clinic|doctor|gp|hospital|check up|checkup|review|lab|antenatal|anc|posyandu|scan)\\b",
    "\\b(?:will|i'll|gonna|going to) (?:do|have|take|drink) (?:it |them |that |these |mine )?(?:after|before|tonight|soon|in a|when|once|later)\\b",
    "\\b(?:obat|obatnya|stok obat)\\s+(?:saya\\s+|aku\\s+)?(?:sudah\\s+)?habis\\b|\\bkehabisan\\b",
    `\\b(?:berhenti|stop|malas|males|tidak mau|enggan|takut|menolak|tolak)\\s+(?:\\w+\\s+)?(?:minum|meminum|obat)\\b|\\b(?:stopped|quit|have stopped|i've stopped) (?:taking|using)\\b|\\b(?:i|he|she|we|mum|mom|dad)\\s+(?:stopped|quit|have stopped|has stopped) (?:the |my |his |her |all )?(?:\\S+ )?(?:${DOSE_NOUN}|meds|medication|tablets|antidepressants?|antibiotics?|treatment)\\b`,
    "\\b(?:not yet|haven't|have not|havent|didn't take|did not take|not taken|didn't|did not|no i (?:didn't|haven't)|later|will take|i'll take|i'll have it|take it (?:tonight|later|after)|gonna take|going to take|about to take|ran out|run out|out of (?:pills|medicine|tablet)|none left|not today)\\b",
  ].join("|"),
);

// After a reminder these mean "not yet"; elsewhere they are just chat ("lagi makan bakso").
const WAIT_CUES = /^(?:nanti|ntar|later)\b|\b(?:habis ini|setelah ini|lagi makan|masih makan|otw|on the way|lagi di jalan|masih di jalan|in a bit|in a minute|soon)\b/;

// --- Verification ---------------------------------------------------------------------------

const ACCEPT = /\b(?:setuju|bersedia|i agree|agree|agreed|i consent|consent|saya mau ikut|mau ikut|ikut program|benar ini saya|betul ini saya|ini saya|ya ini saya|yes it's me|yes this is me|this is me|that's me|it's me|confirm|confirmed|konfirmasi|dikonfirmasi|verifikasi|saya terima|terima)\b/;
const DECLINE = /\b(?:tidak setuju|tidak bersedia|tolak|menolak|saya tolak|decline|declined|i don't agree|do not agree|don't agree|don't consent|do not consent|salah nomor|salah sambung|salah orang|bukan (?:nomor|no|pasien|orangnya|yang dimaksud)|bukan saya|bukan nomor saya|wrong number|wrong person|not me|tidak kenal|tidak pernah daftar|tidak merasa daftar|never signed up|didn't sign up|did not sign up|(?:i'm|i am|this is|this isn't|it's|it is) not (?:the )?(?:patient|person|him|her)|no one by that name|nobody by that name|not interested|tidak tertarik|tidak mau ikut|tidak ikut)\b/;

// First word of a bare answer. "ya" deep inside a sentence is a particle, not an answer.
const YES_FIRST = new RegExp(`^(?:ya|iya|yes|y|betul|benar|bener|sure|yup|ok|boleh|mau|sip|siap|oke|correct|right|that's right|thats right|affirmative|of course|tentu|tentu saja|pasti|leres|nggih|${E.positive}|${E.check})\\b`);
// Other ways to say yes to joining: "absolutely", "count me in", "monggo", Singlish and Malay "can".
const YES_JOIN =
  /^(?:absolutely|definitely|certainly|sure thing|go ahead|please do|why not|sounds good|silakan|silahkan|monggo|mangga|gas|lanjut)\b|^(?:can(?: lah| la| can| do)?|i'm in)$|\b(?:sign me up|count me in|happy to (?:get|receive|join|be reminded))\b/;
// Politeness before a bare answer: "maaf, tidak", "oh iya", "hmm ok".
const ANSWER_PREFIX = /^(?:(?:maaf|mohon maaf|sorry|oh|eh|hmm|hm|duh|wah|waduh|ah|um|uh|well|kak|dokter|bu|pak|wkwk|wkwkwk|haha|hehe|hihi|,)(?: |$))+/;
// A refusal anywhere in a reply to a verification message.
const REFUSAL = /\b(?:tidak mau|tidak usah|tidak perlu|tidak ingin|don't want|do not want|no thanks|no thank you|rather not|not for me|i'll pass|i will pass|no need|not now)\b|^pass\b|, (?:no|tidak|nope)(?: thanks| terimakasih)?$/;
// In a verification reply a bare 🙏 or ❤️ reads as a grateful yes; after a reminder it is only thanks.
const YES_FIRST_VERIFICATION = new RegExp(`^(?:${E.thanks})\\b`);
const NO_FIRST = new RegExp(`^(?:tidak|no|nope|bukan|jangan|n$|${E.negative})\\b`);

// --- Acknowledgement ------------------------------------------------------------------------

const ACK = new RegExp(
  [
    "\\b(?:terimakasih|thanks|thank|noted|halo|hallo|hai|hello|assalamualaikum|waalaikumsalam|walaikumsalam|amin|aamiin|amiin|alhamdulillah|alhamdulilah|mantap|mantul|understood|insyaallah|insya allah|semangat|sama sama|apa kabar|got it|will do|how are you|cheers|see you|selamat (?:pagi|siang|sore|malam)|good (?:morning|night|evening|afternoon)|morning|siap laksanakan|oke deh|ok deh|baik kak|baik dokter|you're welcome|appreciate)\\b",
    "^(?:ok|sip|siap|baik|baiklah|pagi|malam|siang|sore|hi|hey|sure|alright|fine|great|nice|cool|good|paham|mengerti|dimengerti|oh|begitu|gitu|oalah|yes ok|ya ok|iya ok|thumbs up)\\b",
    // A patient telling us they are well again.
    "(?<!belum |tidak |not |never |masih belum )\\b(?:membaik|sembuh|enakan|mendingan|baikan|sehat|better|feeling good|feel good|doing well|doing good)\\b",
    `\\b(?:${E.thanks}|${E.positive})\\b`,
  ].join("|"),
);

// --- Language -------------------------------------------------------------------------------

const EN_WORDS = new Set([
  "i", "my", "me", "the", "is", "am", "are", "yes", "no", "not", "taken", "took", "already", "thanks", "you", "pills", "medicine",
  "feel", "feeling", "pain", "what", "when", "how", "can", "should", "please", "it", "have", "had", "and", "a", "to", "of", "with",
  "this", "forgot", "yet", "today", "morning", "night", "do", "does", "did", "don't", "i'm", "i've", "can't", "want", "take",
  "tablet", "after", "before", "food", "eat", "sick", "dizzy", "hello", "hi", "good", "done", "will", "later", "stop", "help",
  "chest", "breathe", "why", "where", "who", "okay", "sorry", "haven't", "didn't", "just", "but", "so", "im", "your", "dose",
]);
const ID_WORDS = new Set([
  "saya", "aku", "sudah", "belum", "tidak", "ya", "iya", "obat", "obatnya", "minum", "diminum", "terimakasih", "apa", "apakah",
  "kapan", "bagaimana", "boleh", "sakit", "mual", "dan", "yang", "di", "ini", "itu", "tapi", "juga", "lagi", "kak", "dokter",
  "pagi", "malam", "siang", "sore", "makan", "sesudah", "sebelum", "kalau", "nanti", "tadi", "dengan", "sama", "pusing", "karena",
  "bisa", "harus", "masih", "sekali", "banget", "dong", "kok", "sih", "deh", "lupa", "pak", "bu", "berapa", "kenapa", "terus",
  "siap", "baik", "halo", "selamat", "tolong", "mau", "ada", "untuk", "dari", "sekarang", "jangan", "kirim", "berhenti", "mulai",
]);

export function detectLanguage(tokens: readonly string[]): Language {
  let en = 0;
  let id = 0;
  for (const t of tokens) {
    if (EN_WORDS.has(t)) en++;
    else if (ID_WORDS.has(t)) id++;
  }
  // Most of our patients write Indonesian; English must clearly win.
  return en > id ? "en" : "id";
}

// --- Classification -------------------------------------------------------------------------

type Evidence = { intent: Intent; strong: boolean };

function findSymptom(text: string, isQuestion: boolean): boolean {
  const cleaned = text.replace(NOT_A_SYMPTOM, " ");
  SYMPTOM.lastIndex = 0;
  for (const match of cleaned.matchAll(SYMPTOM)) {
    const index = match.index ?? 0;
    if (isNegatedAt(cleaned, index)) continue;
    if (SYMPTOM_RESOLVED.test(cleaned.slice(index + match[0].length))) continue;
    if (isQuestion) {
      // "What are the side effects?" asks about them; it reports none.
      if (/^side effects?$/.test(match[0])) continue;
      const after = cleaned.slice(index + match[0].length);
      if (SYMPTOM_AS_SUBJECT.test(after)) continue;
      const clauseStart = cleaned.lastIndexOf(",", index) + 1;
      if (SYMPTOM_HYPOTHETICAL.test(cleaned.slice(clauseStart, index))) continue;
    }
    return true;
  }
  return false;
}

function rank(intent: Intent): number {
  return INTENTS.indexOf(intent);
}

/** Evidence for each intent the message carries, before priority is applied. */
function collectEvidence(text: string, context: ClassifyInput["context"]): Evidence[] {
  const found: Evidence[] = [];
  const add = (intent: Intent, strong: boolean) => {
    const existing = found.find((e) => e.intent === intent);
    if (existing) existing.strong ||= strong;
    else found.push({ intent, strong });
  };

  if (VOICE_ASSISTANT.test(text)) return found;
  const greetingOnly = GREETING_QUESTION.test(text);
  // A lone "?" asks nothing we can answer.
  const isQuestion =
    QUESTION.test(text) &&
    !greetingOnly &&
    !/^(?:\? ?)+$/.test(text) &&
    (context !== "none" || !OFF_TOPIC_QUESTION.test(text) || HEALTH_TOPIC.test(text) || SYMPTOM_WORD.test(text));
  if (isQuestion) add("question", true);
  if (findSymptom(text, isQuestion)) add("symptom_report", true);

  const accept = ACCEPT.test(text);
  const decline = DECLINE.test(text);
  if (decline) add("verification_decline", true);
  else if (accept) add("verification_accept", context === "verification");

  const answer = text.replace(ANSWER_PREFIX, "");
  const yesFirst = YES_FIRST.test(answer);
  const noFirst = NO_FIRST.test(answer);
  const taken = TAKEN.test(text);
  const notTaken = NOT_TAKEN.test(text);

  if (context === "verification") {
    if (!decline && noFirst) add("verification_decline", true);
    else if (!decline && REFUSAL.test(text)) add("verification_decline", true);
    else if (!decline && (yesFirst || YES_JOIN.test(answer) || YES_FIRST_VERIFICATION.test(answer)) && !notTaken) add("verification_accept", true);
  } else {
    if (taken) add("confirm_taken", true);
    if (notTaken) add("confirm_not_taken", true);
    if (context === "reminder" && !taken && !notTaken && WAIT_CUES.test(text)) add("confirm_not_taken", true);
    else if (context === "reminder" && !taken && !notTaken) {
      // A bare yes/no after a reminder answers "did you take it?".
      if (noFirst && !decline) add("confirm_not_taken", true);
      else if (yesFirst && !/^(?:ok|oke|sip|siap|mau|boleh)\b/.test(text)) add("confirm_taken", yesFirst);
    }
  }

  if (ACK.test(text) || ACK.test(answer) || greetingOnly) add("acknowledgement", true);
  // "ya" with nothing else and no prompt of ours to answer: a weak acknowledgement.
  if (found.length === 0 && context === "none" && yesFirst && text.split(" ").length <= 3) add("acknowledgement", false);
  return found;
}

const ONLY_EMOJI = /^(?:emo\w+\s*)+$/;

function scoreConfidence(primary: Evidence, found: readonly Evidence[], text: string): number {
  let confidence = primary.strong ? 0.9 : 0.7;
  if (ONLY_EMOJI.test(text)) confidence -= 0.1;
  // Competing substantive intents make the primary choice less certain.
  const rivals = found.filter((e) => e !== primary && e.intent !== "acknowledgement").length;
  confidence -= 0.05 * Math.min(rivals, 2);
  if (text.split(" ").length > 25) confidence -= 0.05;
  return Math.round(confidence * 100) / 100;
}

/** The hand-written patterns alone, without the learned layer. */
export function classifyByRegex(input: ClassifyInput): Classification {
  const text = normaliseText(input.text);
  const tokens = text === "" ? [] : text.split(" ");
  const language = detectLanguage(tokens);

  const emergency = detectEmergencyNormalised(text);
  const optOut = detectOptOutNormalised(text);
  const found = collectEvidence(text, input.context);
  const others = (exclude: Intent) =>
    found
      .map((e) => e.intent)
      .filter((i) => i !== exclude)
      .sort((a, b) => rank(a) - rank(b));

  if (emergency.emergency) {
    const confidence = Math.min(0.99, 0.95 + 0.02 * (emergency.signs.length - 1));
    const secondary = optOut === "stop" ? ["unsubscribe" as const, ...others("emergency")] : others("emergency");
    return { intent: "emergency", confidence, secondary, language, source: "rules" };
  }
  if (optOut === "stop") {
    return { intent: "unsubscribe", confidence: 0.95, secondary: others("unsubscribe"), language, source: "rules" };
  }
  if (found.length === 0) {
    // START after an opt-out is handled by the pipeline; as a message it only acknowledges.
    if (optOut === "start") return { intent: "acknowledgement", confidence: 0.6, secondary: [], language, source: "rules" };
    return { intent: "unclear", confidence: tokens.length === 0 ? 0.6 : 0.4, secondary: [], language, source: "rules" };
  }
  const primary = found.reduce((best, e) => (rank(e.intent) < rank(best.intent) ? e : best));
  return {
    intent: primary.intent,
    confidence: scoreConfidence(primary, found, text),
    secondary: others(primary.intent),
    language,
    source: "rules",
  };
}

const SHIPPED_WEIGHTS = shippedWeights as unknown as ModelWeights;

/** The patterns with the learned layer applied under the policy in combine.ts. */
export function classifyWithModel(
  input: ClassifyInput,
  weights: ModelWeights = SHIPPED_WEIGHTS,
  thresholds: CombineThresholds = DEFAULT_THRESHOLDS,
): Classification {
  const regex = classifyByRegex(input);
  const combined = combineWithModel(regex, predictIntentProbabilities(weights, input.text, input.context), thresholds);
  // A lone emoji ("👍" after a reminder) gives the layer one token to weigh, and the training sets label it both ways
  // ("taken" and "acknowledgement"), so the patterns' reading stands unless they found nothing. Safety intents from the
  // layer still win.
  if (combined.intent !== regex.intent && regex.intent !== "unclear" && !SAFETY_INTENTS.has(combined.intent) && LONE_EMOJI.test(normaliseText(input.text))) {
    return regex;
  }
  return combined;
}

const SAFETY_INTENTS: ReadonlySet<Intent> = new Set(["emergency", "unsubscribe"]);
const LONE_EMOJI = new RegExp(`^(?:${Object.values(EMOJI_TOKENS).join("|")})$`);

/**
 * What the product calls "the rules": the patterns plus the fixed learned table. Its `source`
 * stays "rules" — deterministic, local, no network.
 */
export function classifyByRules(input: ClassifyInput): Classification {
  return classifyWithModel(input);
}

/** The learned layer's emergency check alone, at the combination's threshold (for Claude's safety net). */
export function modelSeesEmergency(input: ClassifyInput): boolean {
  return predictIntentProbabilities(SHIPPED_WEIGHTS, input.text, input.context).emergency >= DEFAULT_THRESHOLDS.emergency;
}

export const rulesClassifier: Classifier = {
  classify: async (input) => classifyByRules(input),
};
