import { EMOJI_TOKENS, normaliseText } from "./normalise";

/**
 * The two checks that run before anything else and beside any other classifier:
 * emergency signs and opt-out commands. Both work on normalised text (see normalise.ts),
 * so chat spelling and common typos are already folded away.
 *
 * Emergency detection is tuned for recall: a missed emergency is far worse than a volunteer
 * reading a false alarm. Only two cheap exclusions exist — a sign negated just before it
 * ("tidak sesak napas", "no chest pain") and a side-effect question ("can it cause chest pain?").
 */

export type EmergencyResult = { emergency: boolean; signs: string[] };
export type OptOutCommand = "stop" | "start";

type Sign = { name: string; pattern: RegExp };

// Shared fragments. Text is normalised: "nafas" -> "napas", "gak" -> "tidak", "udah" -> "sudah".
const NAPAS = "(?:(?:ber)?napas|nafas|bernafas)(?:nya|ku)?";
const CANT = "(?:tidak|sulit|susah|sukar|tidak bisa|tidak dapat|tidak kuat|gak bisa|payah|berat|sulit untuk|susah untuk)";
const PRONOUN = "(?:saya |aku |ku |ibu |bapak |anak |suami |istri |mama |papa |nenek |kakek |nya )?";
const CHEST_EN = "(?:chest|heart)";

const SIGNS: ReadonlyArray<Sign> = [
  // Chest pain.
  { name: "chest_pain", pattern: new RegExp(`\\b(?:nyeri|sakit|perih|nyut|ngilu|ditusuk|tertekan|panas|berat|sesak|tekanan|rasa sakit)\\s+(?:di\\s+|pada\\s+|bagian\\s+)?${PRONOUN}dada(?:ku|nya)?`, "g") },
  { name: "chest_pain", pattern: new RegExp(`\\bdada(?:ku|nya)?\\s+(?:(?:saya|aku|ku|ibu|bapak|nya|sebelah|kiri|kanan|tengah|rasanya|terasa|seperti|kayak|kaya|kyk|kek|rasa|kok|sangat|sekali|banget|tiba|jadi|mulai|agak|makin|lagi|sedang)\\s+){0,5}(?:sesak|berat|sakit|nyeri|ditekan|ditindih|tertekan|terhimpit|diremas|diremes|dicengkeram|dihimpit|diinjak|ditusuk|tertusuk|panas|perih|terbakar|nyut|ngilu)`, "g") },
  { name: "chest_pain", pattern: new RegExp(`\\b(?:${CHEST_EN}\\s+(?:pain|pains|hurts|hurting|tightness|pressure|is tight|feels tight|feels heavy|is heavy|is hurting|ache|aches)|(?:pain|pains|tightness|pressure|crushing|tight|heavy feeling)\\s+(?:in|on)\\s+(?:my |his |her |the )?chest|tight chest|heart attack|serangan jantung|angin duduk|chest\\s+(?:\\w+\\s+){0,2}(?:killing|crushing|squeezing|burning|pounding|aching|hurting|hurts|hurt|aches|pain|pains|tight|heavy))`, "g") },
  { name: "chest_pain", pattern: /\b(?:nyeri|sakit|serangan|sesak)\s+(?:di\s+)?jantung|\bjantung(?:ku|nya)?\s+(?:saya |ku |nya |rasanya |terasa |seperti |kayak |sangat )*(?:sakit|nyeri|sesak|ditekan|diremas|ditusuk)/g },
  // Breathing.
  { name: "cannot_breathe", pattern: new RegExp(`\\bsesak(?:\\s+(?:${NAPAS}))?\\b`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b${CANT}\\s+(?:${NAPAS})\\b`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b(?:${NAPAS})\\s+${PRONOUN}(?:terasa |rasanya |jadi |sangat |makin )*(?:sesak|berat|pendek|tersengal|sengal|habis|putus|tercekik|berbunyi|ngik|mengi|susah|sulit|berhenti)`, "g") },
  { name: "cannot_breathe", pattern: /\b(?:tercekik|megap megap|ngap ngapan|engap|mengi|membiru|bibir(?:nya)? biru|turning blue|lips (?:are |went |turned )?blue)\b/g },
  { name: "cannot_breathe", pattern: /\b(?:can't|cannot|can not|cant|unable to|hard to|struggling to|trouble|difficulty|difficult to|hardly|barely)\s+(?:breathe|breathing|breath|catch (?:my|his|her) breath)|\bshort(?:ness)? of breath|\bbreathless|\b(?:not|isn't|is not|wasn't|stopped) breathing|\bgasping|\bchoking|\bwheezing|\bbreathing (?:is )?(?:hard|difficult|heavy)|\bout of breath|\bhard time (?:breathing|to breathe)|\bstruggling (?:for breath|for air|to get air)|\bcan't get (?:enough )?air/g },
  { name: "cannot_breathe", pattern: /\b(?:ngos ngosan|ngos ngos|tersengal sengal|terengah engah|sesak berat|megap|kehabisan napas|napas (?:satu satu|tinggal satu satu)|tidak bisa ambil napas|ra iso ambegan|ora iso ambegan|tidak bisa ambegan|ambegan|ngik ngik|bunyi ngik|tarikan dada|(?:bayi|baby|anak|badan|wajah|muka|kulit|ujung jari)(?:nya)?\s+(?:saya |ku |nya |jadi |tiba tiba |mulai )*(?:biru|membiru|kebiruan)|dada (?:tertarik|cekung)|cuping hidung)\b/g },
  // Unconscious or fainted.
  { name: "unconscious", pattern: /\b(?:pingsan|pinsan|semaput|kolaps|(?<!(?:saya|aku) )tidak sadar(?:kan diri)?(?! (?:kalau|bahwa|jika|sudah|obat))|(?<=(?:saya|aku) )tidak sadar(?:kan diri| diri|(?= (?:lagi|tadi|selama|sebentar|beberapa|sempat|sampai|waktu|saat|ketika|dari|sejak|pas|habis|setelah|sesudah|gara|karena|terus|lama|\d)| ,| \?|$))|tidak sadarkan|hilang kesadaran|kehilangan kesadaran|tidak bangun bangun|tidak bisa dibangunkan|tidak respon|tidak merespon|tidak ada respon|jatuh tidak sadar)\b/g },
  { name: "unconscious", pattern: /\b(?:unconscious|passed out|pass out|passing out|fainted|fainting|faint|blacked out|collapsed|unresponsive|not responding|won't wake up|will not wake up|can't wake (?:him|her|them))\b/g },
  { name: "unconscious", pattern: /\btidak (?:sadar sadar|sadar (?:waktu |saat |kalau |pas )?dibangunkan|sadar (?:lagi|juga)|responsif|respons|respon|merespon|merespons|bereaksi|menyahut|nyahut|ada reaksi)\b|\btidak (?:mau |bisa |kuat |juga )?bangun(?: bangun)?\b(?! (?:pagi|siang|sore|jam|tepat|awal|cepat|subuh|sampai|telat|kesiangan|tidur))|\b(?:ambruk|tergeletak|terkapar|semaput|klenger)\b|(?<!\b(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|puluh|belas|\d+) )\bkoma\b(?! (?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|\d))|\b(?:not|isn't|is not|wasn't|was not|aren't|hasn't been|has not been|stopped) (?:waking up|responding|responsive|conscious|moving)\b|\b(?:won't|will not|doesn't|does not|can't|cannot) (?:wake up|respond|be woken)\b|\bkeeled over\b/g },
  // Blood.
  { name: "vomiting_blood", pattern: /\b(?:muntah|muntahan|muntahnya)\s+(?:ada |keluar |berupa |campur |bercampur )?(?:darah|berdarah|hitam)|\b(?:vomit(?:ing|ed)?|throwing up|threw up|puking|puked)\s+(?:up\s+)?blood|\bblood in (?:my |the )?vomit/g },
  { name: "coughing_blood", pattern: /\bbatuk\s+(?:ada |keluar |campur |bercampur )?(?:darah|berdarah)|\bcough(?:ing|ed)?\s+(?:up\s+)?blood|\b(?:bab|berak)\s+(?:berdarah|darah)|\bdarah\s+(?:di|dalam|pada)\s+dahak|\bdahak(?:nya)?\s+(?:ada\s+|campur\s+|bercampur\s+)?(?:darah|berdarah)|\bblood in (?:my |the |his |her )?(?:sputum|phlegm|mucus|spit)/g },
  { name: "severe_bleeding", pattern: /(?<!\b(?:gula|tekanan|tensi|cek|periksa|transfusi|tambah|kurang) )\b(?:pendarahan|perdarahan|berdarah|darah)\s+(?:hebat|banyak|deras|parah|sekali|terus|terus menerus|tidak berhenti|tidak mau berhenti|tidak bisa berhenti|mengucur|banyak sekali)|\b(?:bleeding|bleed)\s+(?:heavily|a lot|badly|won't stop|will not stop|that won't stop|non stop|everywhere)|\b(?:heavy|severe|uncontrolled|lots of) bleeding/g },
  { name: "severe_bleeding", pattern: /(?<!riwayat |pernah |history of )\b(?:pendarahan|perdarahan)\b|\bmimisan\s+(?:\w+\s+){0,2}(?:tidak berhenti|tidak mau berhenti|tidak bisa berhenti|tidak berhenti berhenti|terus|deras|banyak|hebat|lama)|(?<!\b(?:gula|tekanan|tensi|cek|periksa|transfusi|tambah|kurang) )\bdarah\s+(?:\w+\s+)?(?:tidak (?:mau |bisa )?(?:berhenti|berhenti berhenti|mampet|beku)|mengucur|muncrat|deras|terus|banyak)|\bkeluar darah\s+(?:\w+\s+)?(?:banyak|terus|deras|tidak berhenti)|\b(?:won't|will not|can't|cannot|doesn't|does not) stop bleeding|\bstop the bleeding|\bblood everywhere|\blosing (?:a lot of |lots of |so much )?blood|\b(?:so much|a lot of|lots of) blood|\bnosebleed (?:that )?(?:won't|will not) stop|\bbleeding (?:non stop|nonstop|for (?:an|one|two|\d+) hours?)/g },
  // Seizure.
  { name: "seizure", pattern: /\b(?:kejang|kejang kejang|kejang2|sawan|ayan|epilepsi kambuh)\b|\b(?:seizure|seizures|seizing|convulsion|convulsions|convulsing|fitting|having a fit)\b|\b(?:anak|bayi|adik|adek|balita|cucu|ponakan|keponakan)\s+(?:\w+\s+){0,2}(?:step|stip|setep)\b|\bkena step\b|\b(?:kelojotan|klojotan|mendelik|kejet kejet)\b|\bmata(?:nya)?\s+(?:\w+\s+)?(?:mendelik|ke atas|terbalik)/g },
  // Stroke.
  { name: "stroke", pattern: /\b(?:tangan|kaki|lengan)(?:nya)?\s+(?:\w+\s+){0,4}(?:tidak bisa (?:digerakkan|gerak|digerakan|diangkat))|\btiba tiba\s+(?:tidak bisa|susah|sulit)\s+(?:bicara|ngomong|berbicara|bergerak)|\b(?:lemas|lemah|mati rasa|kesemutan|kaku|lumpuh|baal|tidak bisa digerakkan|tidak bisa gerak)\s+(?:di\s+|pada\s+)?(?:sebelah|separuh|setengah)\b|\b(?:wajah|muka|mulut|bibir)(?:nya)?\s+(?:\w+\s+)?(?:mencong|miring|merot|perot|turun sebelah|tertarik)|\bbicara(?:nya)?\s+(?:pelo|cadel tiba tiba|tidak jelas|belepotan)|\bpelo\b|\blumpuh|\b(?:sebelah|separuh|setengah)\s+(?:badan|tubuh|wajah|muka)(?:nya|ku)?\s+(?:saya |nya |ibu |bapak |aku |ku |kakek |nenek |suami |istri |mama |papa |jadi |tiba tiba )*(?:lemas|lemah|mati rasa|tidak bisa|kaku|lumpuh|kesemutan|baal)|(?<!riwayat |pernah |obat |pasca |bekas |history of |had a |kena )\bstroke\b|\bface (?:is )?droop|\bdrooping face|\bslurred speech|\bslurring|\bcan't (?:move|feel) (?:my |his |her )?(?:arm|leg|face)|\b(?:one side|half) of (?:my |his |her )?(?:body|face)|\b(?:numb|weak|paralys\w*|droop\w*|limp)\s+(?:on\s+)?(?:one|the left|the right|left|right|his left|his right|her left|her right|my left|my right) side|\bcan't (?:speak|talk) (?:properly|suddenly|anymore)/g },
  { name: "stroke", pattern: /\b(?:tangan|kaki|lengan|badan|tubuh|wajah|muka)(?:nya)?\s+(?:kanan|kiri|sebelah)\s+(?:saya |nya |ibu |bapak |ku )?(?:tiba tiba |jadi |mendadak |terasa |rasanya )?(?:lemas|lemah|lumpuh|mati rasa|kebas|baal|tidak bisa|tidak ada tenaga|tidak bertenaga|jatuh|turun)|\b(?:bicara|berbicara)(?:nya)?\s+(?:jadi |tiba tiba |mendadak |agak |sedikit |kok )?(?:susah|sulit|pelo|cadel|belepotan|kacau|ngaco|tidak jelas|aneh|terbata|tidak nyambung)|\b(?:susah|sulit|tidak bisa|tidak jelas|tidak lancar)\s+(?:bicara|berbicara)\b|\bspeech (?:is |was |sounds )?(?:slurred|garbled|strange|weird)|\bcan't (?:lift|raise) (?:my |his |her )?(?:arm|leg)|\b(?:arm|leg|face)\s+(?:is |went |feels |suddenly )?(?:numb|limp|paralysed|paralyzed)\b/g },
  // Severe allergic reaction.
  { name: "anaphylaxis", pattern: /\b(?:bengkak|membengkak|bentol)\s+(?:di\s+|pada\s+)?(?:bagian\s+)?(?:wajah|muka|bibir|lidah|tenggorokan|kelopak mata|mata|leher)|\b(?:wajah|muka|bibir|lidah|tenggorokan|mata)\s+(?:saya |ku |nya |ibu |anak )?(?:jadi |tiba tiba |mulai )?(?:bengkak|membengkak|tebal)|\banafilak\w*|\banaphyla\w*|\b(?:swollen|swelling)\s+(?:of\s+)?(?:my |his |her |the )?(?:face|lips?|tongue|throat|eyes)|\b(?:face|lips?|tongue|throat)\s+(?:is |are |has |have |got )?(?:swollen|swelling|swelled|swell)|\bthroat (?:is )?(?:closing|tight)|\bsevere allergic|\b(?:reaksi )?alergi (?:berat|parah|hebat)|\btenggorokan(?:ku|nya)?\s+(?:\w+\s+){0,2}(?:menutup|tertutup|ketutup|tercekik|kecekik|tercekat|kejepit|menyempit|sempit|tersumbat)|\b(?:throat|airway)\s+(?:\w+\s+)?(?:closing|closing up|swelling shut)/g },
  // Overdose.
  { name: "overdose", pattern: /\b(?:overdosis|overdose|overdosed|keracunan obat|poisoned)\b|\b(?:minum|makan|menelan|telan|ketelan|terminum|meminum)\s+(?:obat\s+)?(?:\w+\s+){0,2}(?:terlalu banyak|kebanyakan|kelebihan|berlebihan|semua(?:nya)? sekaligus|satu strip|satu botol|banyak sekali|sebotol|sekotak)|\b(?:minum|menelan|telan|makan|took|swallowed|taken)\s+(?:\w+\s+)?(?:(?:[3-9]|\d{2,}|banyak|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|obat|capsules)\s+(?:sekaligus|at once|together|semuanya)|(?:\d{2,}|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|capsules))|\bsemua(?:nya)?\s+(?:\w+\s+){0,2}sekaligus\b|\bsekaligus\s+(?:semua|satu strip|sebotol|sekotak)\b|\b(?:kebanyakan|terlalu banyak|kelebihan)\s+(?:minum|makan|menelan|telan|dosis|obat)\b|\bdosis\s+(?:ber)?lebih|\btook (?:too many|too much|all (?:of )?(?:my|the)|a whole|the whole)|\btoo many (?:pills|tablet)|\b(?:took|swallowed|drank|ate|taken|had)\s+(?:a |the |my |an |his |her )?(?:whole|entire|full)\s+(?:bottle|pack|box|strip|packet)\b|\bsatu (?:botol|strip|kotak|bungkus) (?:obat|sekaligus)/g },
  { name: "overdose", pattern: /\b(?:minum|meminum|terminum|termakan|menelan|telan|ketelan|took|swallowed|taken|ate)\b(?: \S+){0,5}? (?:[89]|[1-9]\d+|puluhan|belasan|segenggam) (?:tablet|butir|pil|pills|kapsul|biji|capsules|strip)\b|\b(?:minum|meminum|terminum|menelan|telan|ketelan|took|swallowed)\s+(?:\w+\s+){0,3}(?:satu|se|dua|tiga|empat|lima|\d+)\s*(?:strip|botol|kotak|bungkus|papan)\b|\b(?:ketelan|tertelan)\s+(?:\w+\s+){0,2}(?:obat|pil|pills|tablet|kapsul)\b|\b(?:obat|pil|tablet|kapsul)(?:nya)?\s+(?:\w+\s+){0,2}(?:ketelan|tertelan)\b/g },
  // Suicidal thoughts.
  { name: "suicidal", pattern: /\b(?:bunuh diri|membunuh diri|mengakhiri hidup|akhiri hidup|ingin mati|mau mati|pengen mati|pengin mati|kepengen mati|lebih baik mati|mending mati|tidak ingin hidup|tidak mau hidup|malas hidup|capek hidup|lelah hidup|cape hidup|ingin menyerah hidup|tidak kuat hidup)\b|\b(?:kill myself|killing myself|end my life|end it all|ending it all|suicid\w*|want to die|wanna die|don't want to live|do not want to live|no reason to live|better off dead|hurt myself|harm myself|self harm|take my (?:own )?life|not worth living|(?:going to|gonna|want to|wanna|will|might|to) end (?:it|things|everything)|mengakhiri semua(?:nya)?|akhiri semua(?:nya)?)\b/g },
  { name: "suicidal", pattern: /\b(?:lebih baik|mending|mendingan|biar|supaya|agar|pengin|pingin|kepingin)\s+(?:saya |aku |gue |diriku )?(?:mati|meninggal|tiada)\b|\b(?:bosan|bosen|capek|cape|lelah|muak|jenuh|putus asa)\s+(?:\w+\s+)?hidup\b|\b(?:menyakiti|melukai|sakiti|lukai|nyakitin|nyakiti|silet|menyilet|nyilet|sayat|menyayat|nyayat|potong|motong|memotong)\s+(?:\w+\s+)?(?:diri|tangan|nadi|pergelangan)|\btidak (?:pengen|pengin|kepengen|mau|ingin|kuat|sanggup) (?:\w+ )?hidup\b(?! sehat)|\b(?:mengakhiri|akhiri)\s+(?:\w+\s+)?(?:hidup|nyawa)|\bgantung diri|\bminum racun|\bminum semua obat\b.*\b(?:mati|tidur selamanya|selesai)|\btidak (?:ada )?(?:gunanya|alasan|artinya) (?:untuk |buat |saya )?hidup|\bhidup (?:saya |aku )?(?:tidak ada gunanya|tidak berarti|sia sia)|\b(?:wish i (?:was|were) dead|wish i could die|don't want to be alive|want to disappear forever|no point (?:in )?living|overdose on purpose)\b/g },
  // Someone calls it an emergency.
  { name: "emergency_call", pattern: new RegExp(`\\b(?:darurat|gawat|gawat darurat|tolong segera|segera tolong|tolong cepat|cepat tolong|tolong kak tolong|ambulans|ugd|igd|emergency|urgent help|call 911|call 112|call 119|call 118|sos|${EMOJI_TOKENS.sos})\\b`, "g") },
  { name: "emergency_call", pattern: /^(?:tolong|help)(?: (?:tolong|help|saya|aku|me|kak|dokter|please|pak|bu|cepat|,))*$|\b(?:dilarikan|larikan|bawa|dibawa|antar|diantar)\s+ke\s+(?:igd|ugd|rs|rumah sakit)\s+(?:sekarang|segera|cepat)|\b(?:need|call) (?:an )?ambulans\b/g },
  // Crisis readings and thunderclap headache.
  { name: "crisis_reading", pattern: /\b(?:tensi|tekanan darah|blood pressure|bp|td)(?:nya)?\s+(?:saya |aku |nya |ibu |bapak |is |sekarang |tadi |naik |sampai |mencapai |up to |at |of )*(?:1[89]\d|2\d\d)\b|\b(?:gula(?: darah)?|sugar|blood sugar|glucose|gds)(?:nya)?\s+(?:saya |aku |nya |ibu |bapak |anak |is |sekarang |tadi |cuma |hanya |tinggal |turun |drop |dropped |down |to |sampai |jadi )*(?:[1-4]\d|[5-9]\d\d)\b(?! ?(?:%|persen|tahun|th|kg|gram|gr|g|mg|sendok|ribu|rb|menit|hari|jam|kali))/g },
  { name: "severe_headache", pattern: /\bkepala(?:ku|nya)?\s+(?:\w+\s+){0,3}(?:mau|seperti mau|kayak mau|rasanya mau|serasa mau)\s+(?:pecah|meledak)|\b(?:sakit kepala|kepala(?:ku|nya)?\s+(?:\w+\s+)?sakit)\s+(?:yang\s+)?(?:hebat|luar biasa|paling parah|tidak tertahankan|sangat hebat|mendadak hebat)|\b(?:worst|worst ever) headache|\bsudden (?:severe|terrible|worst) headache|\bthunderclap/g },
];

/** Signs that only count together: both parts anywhere in the message, neither negated. */
const PAIRED_SIGNS: ReadonlyArray<{ name: string; first: RegExp; second: RegExp }> = [
  {
    name: "meningitis",
    first: /\b(?:demam|panas|fever|febrile|high temperature|suhu(?: badan| tubuh)?\s+(?:tinggi|3[89]|4\d))\b/g,
    second: /\bleher(?:ku|nya)?\s+(?:\w+\s+){0,2}kaku|\bkaku\s+(?:di\s+)?(?:kuduk|leher|tengkuk)|\b(?:kuduk|tengkuk)(?:nya)?\s+(?:\w+\s+)?kaku|\bstiff neck|\bneck (?:is |feels |very )?stiff/g,
  },
  {
    // Swallowing trouble with an allergy sign or swelling: possible angioedema.
    name: "anaphylaxis",
    first: /\b(?:gatal|biduran|bentol|kaligata|alergi|ruam|bengkak|membengkak|hives|itchy|rash|allergic|swelling|swollen)\b/g,
    second: /\b(?:susah|sulit|tidak bisa|sakit|payah)\s+(?:menelan|telan|nelan)\b|\b(?:can't|cannot|trouble|hard to|difficulty) swallow(?:ing)?\b/g,
  },
  {
    name: "infant_unwell",
    first: /\b(?:bayi|baby|newborn|infant)\b/g,
    second: /\b(?:lemas sekali|lemas banget|sangat lemas|lunglai|tidak mau menyusu|tidak mau nyusu|tidak mau minum asi|floppy|limp|tidak (?:mau )?(?:nangis|menangis)|demam tinggi|panas tinggi|high fever)\b/g,
  },
];

const NEGATORS = new Set([
  "tidak", "tanpa", "bukan", "no", "not", "without", "never", "don't", "didn't", "doesn't", "haven't", "isn't", "belum",
  "nothing", "tiada", "hilang", "none",
]);

/** Words that make "X" a question about a possible side effect rather than a report of X. */
const SIDE_EFFECT_QUESTION =
  /\b(?:apakah|apa)\b[^,]*\b(?:bisa|dapat|boleh)?\s*(?:menyebabkan|sebabkan|bikin|membuat|memicu|mengakibatkan)\b|\befek samping(?:nya)?\b|\bside effects?\b|\b(?:bisa|dapat)\s+(?:menyebabkan|bikin|membuat|memicu|mengakibatkan)\b|\b(?:can|could|does|do|will|might)\s+(?:\w+\s+){1,3}(?:cause|give|make)\b|\bwhat if\b/;

/** True when a negation sits just before index in its clause ("tidak ada sesak", "no chest pain"). */
// A negator followed only by these words still negates the sign after them ("tidak ada sesak").
const NEGATION_TAIL = new RegExp(
  `(?:^| )(?:${[...NEGATORS].join("|")})(?: (?:ada|have|had|any|merasa|mengalami|pernah|terasa|feel|feeling|get|got|experience|experienced|a|an|lagi|kok|sih|juga|sampai|ever|more|sign|signs|of))*$`,
);

// "sesak napas sudah hilang": the sign is over. "tidak hilang" does not match, so it still counts.
const SIGN_RESOLVED = /^ (?:nya |saya |sudah |sekarang |already |has |is |now )*(?:hilang|reda|sembuh|membaik|berkurang|gone|better|stopped|went away)\b/;

export function isNegatedAt(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  const clause = before.slice(before.lastIndexOf(",") + 1).trim();
  if (clause === "") return false;
  // Only words that keep the negation attached may sit between it and the sign, so
  // "tidak ada sesak" is negated but "belum, saya sesak" or "no i can't breathe" are not.
  const tail = clause.split(" ").slice(-4).join(" ");
  return NEGATION_TAIL.test(tail) && !/(?:^| )(?:tidak|not) (?:bisa|kuat|dapat|able)$/.test(clause);
}

// "is chest pain a side effect?", "sesak itu efek samping obat?": the sign is the topic of a question.
const SIGN_AS_SUBJECT = /^ (?:[^ ,]+ ){0,2}(?:a |an |itu |ini )?(?:side effects?|efek samping|normal|wajar|biasa|common)\b/;
const NOW_WORDS = /\b(?:sekarang|now|right now|begini|gini|tolong|help|segera)\b/;

function isSideEffectQuestion(text: string, index: number): boolean {
  if (!text.includes("?")) return false;
  const clauseStart = text.lastIndexOf(",", index) + 1;
  const before = text.slice(clauseStart, index);
  if (SIGN_AS_SUBJECT.test(text.slice(index).replace(/^\S+(?: \S+)?/, ""))) return !NOW_WORDS.test(text);
  return SIDE_EFFECT_QUESTION.test(before) && !/\b(?:sekarang|now|right now|begini|gini|tolong|help|segera)\b/.test(text);
}

// A sign told as history: a past-time cue in its own clause AND a later statement that it is over
// or was dealt with ("seminggu lalu sempat pingsan, sekarang sudah baikan"). Both are required, so
// "kemarin pingsan, sekarang masih lemas" still counts, and so does a new sign in another clause.
const PAST_CUE =
  /\b(?:kemarin|kemarin dulu|lusa kemarin|(?:se)?minggu lalu|(?:se)?bulan lalu|(?:se)?tahun lalu|hari lalu|(?:\d+|beberapa|dua|tiga|empat|lima) (?:hari|minggu|bulan|tahun) (?:yang )?lalu|dulu|pernah|riwayat|waktu itu|last (?:week|month|year|night|time)|yesterday|years? ago|months? ago|weeks? ago|days? ago|used to|in the past|back in)\b/;
const PRESENT_CUE = /\b(?:sekarang|barusan|lagi|masih|sedang|now|still|right now|currently|again|kambuh)\b/;
const OVER_CUE =
  /\b(?:(?:sekarang|skrg) (?:sudah |udah )?(?:baikan|membaik|sembuh|sehat|baik baik|baik|aman|normal|enakan|mendingan|tidak apa apa)|sudah (?:sembuh|baikan|membaik|sehat|normal|aman|diperiksa|periksa|ke dokter|dirawat|pulang|ditangani|diobati|tidak apa apa)|diperiksa dokter|kata dokter|dokter bilang|katanya|(?:it's|its|all|i'm|im|everything's|everything is|i am) (?:fine|ok|okay|better|good|well) now|(?:fine|ok|okay|better|good|well) now|now (?:fine|ok|okay|better|good)|recovered|resolved|checked by (?:a |the )?doctor|doctor said)\b/;

function isToldAsHistory(text: string, index: number, end: number): boolean {
  const clauseStart = text.lastIndexOf(",", index) + 1;
  const nextComma = text.indexOf(",", end);
  const clause = text.slice(clauseStart, nextComma === -1 ? text.length : nextComma);
  if (!PAST_CUE.test(clause) || PRESENT_CUE.test(clause)) return false;
  return OVER_CUE.test(text.slice(end));
}

// "agak sesak kalau jalan jauh": mild breathlessness on exertion is a symptom to report, not a 999 call.
const MILD_BEFORE = /(?:^| )(?:agak|sedikit|dikit|kadang|kadang kadang|sesekali|a bit|a little|slightly|mildly|bit)(?: saya| aku)? $/;
const ON_EXERTION =
  /\b(?:kalau|saat|waktu|pas|habis|setelah|sesudah|tiap|when|after|if|on)\s+(?:\w+\s+)?(?:jalan|berjalan|naik|olahraga|capek|kerja|bekerja|lari|beraktivitas|aktivitas|angkat|walking|climbing|exercise|exercising|stairs|running|exertion)/;

// "kalau overdosis bahaya tidak?": a sign inside an if-clause of a question about risk.
const HYPOTHETICAL_OPENER = /\b(?:kalau|jika|bila|apabila|seandainya|andaikan|misalnya|misal|if|what if|in case|suppose)\b/;
const ABOUT_RISK =
  /\b(?:bahaya|berbahaya|aman|normal|wajar|apa yang terjadi|akibatnya|efeknya|fatal|dangerous|safe|harmful|what happens|would happen|serious)\b/;
const NOW_CUE = /\b(?:sekarang|now|right now|begini|gini|tolong|help|segera|barusan|sedang|lagi)\b/;

function isHypotheticalQuestion(text: string, index: number): boolean {
  if (!text.includes("?")) return false;
  const clauseStart = text.lastIndexOf(",", index) + 1;
  return HYPOTHETICAL_OPENER.test(text.slice(clauseStart, index)) && ABOUT_RISK.test(text) && !NOW_CUE.test(text);
}

// "hp saya mau mati" (the phone battery), "mau mati lampu" (a power cut): not about the patient.
const THING_BEFORE =
  /\b(?:hp|hape|handphone|ponsel|baterai|batre|batere|batrai|lampu|listrik|motor|mobil|mesin|laptop|wifi|internet|sinyal|tanaman|pohon|ikan|ayam|kucing|anjing|aki|kulkas|tv)\b(?: \S+){0,2} $/;
const THING_AFTER = /^ (?:lampu|listrik|gaya|kutu|rasa)\b/;

function signCounts(text: string, name: string, index: number, end: number): boolean {
  if (name === "suicidal" && (THING_BEFORE.test(text.slice(Math.max(0, index - 30), index)) || THING_AFTER.test(text.slice(end)))) return false;
  if (isNegatedAt(text, index) || isSideEffectQuestion(text, index) || isHypotheticalQuestion(text, index)) return false;
  if (SIGN_RESOLVED.test(text.slice(end))) return false;
  if (isToldAsHistory(text, index, end)) return false;
  if (name === "cannot_breathe" && MILD_BEFORE.test(text.slice(Math.max(0, index - 25), index)) && ON_EXERTION.test(text)) return false;
  return true;
}

function firstCounting(text: string, pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (signCounts(text, name, index, index + match[0].length)) return true;
  }
  return false;
}

/** Emergency signs on already-normalised text. */
export function detectEmergencyNormalised(text: string): EmergencyResult {
  const signs: string[] = [];
  for (const sign of SIGNS) {
    if (signs.includes(sign.name)) continue;
    if (firstCounting(text, sign.pattern, sign.name)) signs.push(sign.name);
  }
  for (const pair of PAIRED_SIGNS) {
    if (signs.includes(pair.name)) continue;
    if (firstCounting(text, pair.first, pair.name) && firstCounting(text, pair.second, pair.name)) signs.push(pair.name);
  }
  return { emergency: signs.length > 0, signs };
}

/** Emergency signs in a raw message, Indonesian or English. */
export function detectEmergency(text: string): EmergencyResult {
  return detectEmergencyNormalised(normaliseText(text));
}

// --- Opt-out -------------------------------------------------------------------------------

const STOP_WORD = "(?:stop|berhenti|unsubscribe|unsubscribed|optout|opt out|cancel|keluar|quit|end|henti|hentikan|stopkan|udahan|sudahi)";
const START_WORD = "(?:start|mulai|subscribe|resubscribe|unstop|resume|aktifkan|aktif)";
// Filler that may surround a bare command without changing it.
const FILLER = "(?:tolong|mohon|please|kak|pak|bu|dokter|saja|ya|dong|deh|sekarang|sudah|now|ok|semua|all|lagi|again|nya|sih|aja|yaa|emoneg|emothanks|saya|aku|mau|ingin|pengen|minta|i|want|to|it|this|these|that|already|cukup|,|\\?)";

// A bare "cukup" ("enough") or "sudah cukup" as the whole reply also means stop; inside a sentence it does not.
const BARE_STOP = new RegExp(`^(?:${FILLER} )*(?:${STOP_WORD}|cukup)(?: (?:${FILLER}|${STOP_WORD}))*$`);
const BARE_START = new RegExp(`^(?:${FILLER} )*${START_WORD}(?: (?:lagi|again|kembali|ulang))?(?: ${FILLER})*$`);

const MESSAGES =
  "(?:(?:kirim|kirimkan|mengirim|mengirimkan|dikirim|dikirimi|pesan|pengingat|reminder|reminders|notifikasi|notif|sms|wa|whatsapp|chat|langganan|berlangganan|layanan|program|broadcast|ingatkan|diingatkan|mengingatkan|pengingatan)(?:nya)?|messages|message|texts|texting|text|sending|notifications|alerts|subscription|service|spam)";
// Verbs that switch our messages off ("matikan pengingatnya", "turn off reminders").
const SWITCH_OFF = "(?:matikan|dimatikan|nonaktifkan|dinonaktifkan|blokir|diblokir|block|mute|disable|turn off|switch off|offkan|off kan|hentikan|berhentikan|cabut|batalkan|batalin|cancel)";

const STOP_PHRASES: ReadonlyArray<RegExp> = [
  /\b(?:no longer|don't|do not|dont|never) (?:want|need|wish to (?:get|receive)) (?:to (?:get|receive) )?(?:\w+\s+){0,3}(?:messages|reminders|texts|notifications|alerts)\b/,
  /\b(?:mohon|tolong|please|harap)\s+(?:untuk\s+)?(?:tidak|jangan)\s+(?:\w+\s+){0,2}(?:dikirim|kirim|dikirimi|mengirim|dihubungi|hubungi|menghubungi|diingatkan|ingatkan)\b/,
  /\btidak (?:mau|ingin|perlu|butuh) (?:lagi )?(?:menerima|terima|dapat|mendapat|dikirimi|dapet)\s+(?:\w+\s+){0,2}(?:pesan|pengingat|reminder|sms|wa|chat|notif)/,
  // A relative telling us the patient has died.
  /\b(?:sudah|telah|baru saja)\s+(?:(?!hampir|mau|nyaris|akan)\w+\s+)?(?:meninggal|wafat|berpulang|tiada)\b|\balmarhum(?:ah)?\b|\b(?:has|had) (?:passed away|died)\b|\bpassed away\b/,
  new RegExp(`\\b${SWITCH_OFF}\\s+(?:\\w+\\s+){0,2}${MESSAGES}\\b`),
  new RegExp(`\\b${MESSAGES}\\s+(?:\\w+\\s+){0,2}(?:off|dinonaktifkan|diblokir|dimatikan|dibatalkan|tidak perlu lagi|tidak usah lagi|tidak dibutuhkan lagi|sudah cukup)\\b`),
  // "sudah cukup remindernya", "cukup sampai di sini ya"
  new RegExp(`\\bcukup\\s+(?:sampai (?:di )?sini\\s+)?(?:saja\\s+)?${MESSAGES}\\b|\\bcukup sampai (?:di )?sini\\b`),
  // A clause that is only the command: "ganggu banget, stop!", "sudah minum, unsubscribe"
  /(?:^|, )(?:stop|unsubscribe|opt out|optout)(?: (?:saja|ya|dong|deh|please|sekarang|lah|semua|all|it|now|kak|pak|bu))*(?: ,|$)/,
  /\b(?:jangan|tidak usah)\s+(?:\w+\s+)?(?:mengganggu|spam|nyepam|teror|meneror)\b|\b(?:stop|berhenti)\s+(?:mengganggu|spam|spamming|meneror)\b/,
  /\b(?:don't|do not) want (?:\w+\s+){0,3}(?:messages|reminders|texts|this service)\b/,
  /\btidak (?:mau|ingin) (?:ikut|lanjut|melanjutkan) (?:\w+\s+){0,1}(?:program|layanan|langganan)\b/,
  new RegExp(`\\b${STOP_WORD}\\s+(?:\\w+\\s+){0,2}${MESSAGES}\\b`),
  new RegExp(`\\b${MESSAGES}\\s+(?:\\w+\\s+){0,2}(?:stop|berhenti|dihentikan|distop|dimatikan|matikan|hentikan|tidak usah lagi|cukup)\\b`),
  new RegExp(`\\b(?:jangan|tidak usah|tidak perlu|tidak mau|tidak ingin|gausah|usah)\\s+(?!lupa)(?:\\w+\\s+){0,2}(?:kirim|dikirim|mengirim|dikirimi|kirimi|hubungi|menghubungi|dihubungi|chat|wa|sms|pesan|pengingat|reminder|diingatkan|ingatkan|mengingatkan)\\b`),
  /\b(?:don't|do not|dont|never)\s+(?:\w+\s+){0,1}(?:send|message|text|contact|remind|msg)\s+me\b/,
  /\b(?:stop|quit)\s+(?:sending|texting|messaging|contacting|reminding|bothering|spamming)\b/,
  /\b(?:remove|delete|take)\s+(?:me|my number)\b|\bhapus\s+(?:nomor|no|saya|aku|kontak)\b|\bopt\s*out\b|\bno more\s+(?:messages|reminders|texts)\b/,
  /\b(?:keluar|berhenti)\s+(?:dari\s+)?(?:grup|group|program|layanan|langganan|daftar|list)\b/,
  /\bunsubscribe\b/,
  /\b(?:keluarkan|hapus|hapuskan|coret)\s+(?:saya|aku|nomor saya|nomor ini|no saya)\b/,
  /\b(?:mau|ingin|pengen)\s+keluar\s+(?:dari\s+)?(?:sini|program|layanan|grup|pengingat)\b/,
];

/** Medication verbs after a stop word make it about the medicine, not about our messages. */
const ABOUT_MEDICINE = /\b(?:stop|berhenti|henti|hentikan|stopkan)\s+(?:\w+\s+){0,1}(?:minum|obat|obatnya|makan|pakai|memakai|konsumsi|mengkonsumsi|taking|take|the medicine|my medicine|pills|medicine|treatment|pengobatan|terapi)\b/;

const START_PHRASES: ReadonlyArray<RegExp> = [
  /\b(?:start|mulai|aktifkan|nyalakan|lanjutkan|resume|restart)\s+(?:\w+\s+){0,1}(?:pengingat|reminder|reminders|pesan|messages|langganan|berlangganan)(?:nya)?\b/,
  /\b(?:langganan|berlangganan|subscribe|daftar) (?:lagi|kembali|again)\b/,
  /\bkirim(?:kan)? (?:lagi|kembali) (?:pengingat|reminder|pesan)/,
];

/** Opt-out or opt-in command on already-normalised text. */
export function detectOptOutNormalised(text: string): OptOutCommand | null {
  if (text === "") return null;
  if (BARE_STOP.test(text)) return "stop";
  if (!ABOUT_MEDICINE.test(text) && STOP_PHRASES.some((p) => p.test(text))) return "stop";
  if (BARE_START.test(text) || START_PHRASES.some((p) => p.test(text))) return "start";
  return null;
}

/**
 * "stop" for STOP/BERHENTI/UNSUBSCRIBE and phrases about our messages ("jangan kirim lagi"),
 * "start" for START/MULAI, null otherwise. "Jangan stop minum obat?" is about the medicine: null.
 */
export function detectOptOut(text: string): OptOutCommand | null {
  return detectOptOutNormalised(normaliseText(text));
}
