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
  { name: "chest_pain", pattern: new RegExp(`\\bdada(?:ku|nya)?\\s+(?:(?:saya|aku|ku|ibu|bapak|nya|sebelah|kiri|kanan|tengah|rasanya|terasa|seperti|kayak|rasa|kok|sangat|sekali|banget|tiba|jadi|mulai|agak|makin)\\s+){0,5}(?:sesak|berat|sakit|nyeri|ditekan|ditindih|tertekan|terhimpit|diremas|ditusuk|panas|perih|terbakar|nyut)`, "g") },
  { name: "chest_pain", pattern: new RegExp(`\\b(?:${CHEST_EN}\\s+(?:pain|pains|hurts|hurting|tightness|pressure|is tight|feels tight|feels heavy|is heavy|is hurting|ache|aches)|(?:pain|pains|tightness|pressure|crushing|tight|heavy feeling)\\s+(?:in|on)\\s+(?:my |his |her |the )?chest|tight chest|heart attack|serangan jantung|angin duduk|chest\\s+(?:\\w+\\s+){0,2}(?:killing|crushing|squeezing|burning|pounding|aching|hurting|tight|heavy))`, "g") },
  // Breathing.
  { name: "cannot_breathe", pattern: new RegExp(`\\bsesak(?:\\s+(?:${NAPAS}))?\\b`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b${CANT}\\s+(?:${NAPAS})\\b`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b(?:${NAPAS})\\s+${PRONOUN}(?:terasa |rasanya |jadi |sangat |makin )*(?:sesak|berat|pendek|tersengal|sengal|habis|putus|tercekik|berbunyi|ngik|mengi|susah|sulit|berhenti)`, "g") },
  { name: "cannot_breathe", pattern: /\b(?:tercekik|megap megap|ngap ngapan|engap|mengi|membiru|bibir(?:nya)? biru|turning blue|lips (?:are |went |turned )?blue)\b/g },
  { name: "cannot_breathe", pattern: /\b(?:can't|cannot|can not|cant|unable to|hard to|struggling to|trouble|difficulty|difficult to|hardly|barely)\s+(?:breathe|breathing|breath|catch (?:my|his|her) breath)|\bshort(?:ness)? of breath|\bbreathless|\bnot breathing|\bgasping|\bchoking|\bwheezing|\bbreathing (?:is )?(?:hard|difficult|heavy)/g },
  // Unconscious or fainted.
  { name: "unconscious", pattern: /\b(?:pingsan|pinsan|semaput|kolaps|(?<!(?:saya|aku) )tidak sadar(?:kan diri)?(?! (?:kalau|bahwa|jika|sudah|obat))|(?<=(?:saya|aku) )tidak sadar(?:kan diri| diri|(?= (?:lagi|tadi|selama|sebentar|beberapa|sempat|sampai|waktu|saat|ketika|dari|sejak|pas|habis|setelah|sesudah|gara|karena|terus|lama|\d)| ,| \?|$))|tidak sadarkan|hilang kesadaran|kehilangan kesadaran|tidak bangun bangun|tidak bisa dibangunkan|tidak respon|tidak merespon|tidak ada respon|jatuh tidak sadar)\b/g },
  { name: "unconscious", pattern: /\b(?:unconscious|passed out|pass out|passing out|fainted|fainting|faint|blacked out|collapsed|unresponsive|not responding|won't wake up|will not wake up|can't wake (?:him|her|them))\b/g },
  // Blood.
  { name: "vomiting_blood", pattern: /\b(?:muntah|muntahan|muntahnya)\s+(?:ada |keluar |berupa |campur |bercampur )?(?:darah|berdarah|hitam)|\b(?:vomit(?:ing|ed)?|throwing up|threw up|puking|puked)\s+(?:up\s+)?blood|\bblood in (?:my |the )?vomit/g },
  { name: "coughing_blood", pattern: /\bbatuk\s+(?:ada |keluar |campur |bercampur )?(?:darah|berdarah)|\bcough(?:ing|ed)?\s+(?:up\s+)?blood|\b(?:bab|berak)\s+(?:berdarah|darah)|\bdarah\s+(?:di|dalam|pada)\s+dahak|\bdahak(?:nya)?\s+(?:ada\s+|campur\s+|bercampur\s+)?(?:darah|berdarah)|\bblood in (?:my |the |his |her )?(?:sputum|phlegm|mucus|spit)/g },
  { name: "severe_bleeding", pattern: /\b(?:pendarahan|perdarahan|berdarah|darah)\s+(?:hebat|banyak|deras|parah|sekali|terus|terus menerus|tidak berhenti|tidak mau berhenti|tidak bisa berhenti|mengucur|banyak sekali)|\b(?:bleeding|bleed)\s+(?:heavily|a lot|badly|won't stop|will not stop|that won't stop|non stop|everywhere)|\b(?:heavy|severe|uncontrolled|lots of) bleeding/g },
  // Seizure.
  { name: "seizure", pattern: /\b(?:kejang|kejang kejang|kejang2|sawan|ayan|epilepsi kambuh)\b|\b(?:seizure|seizures|seizing|convulsion|convulsions|convulsing|fitting)\b/g },
  // Stroke.
  { name: "stroke", pattern: /\b(?:tangan|kaki|lengan)(?:nya)?\s+(?:\w+\s+){0,4}(?:tidak bisa (?:digerakkan|gerak|digerakan|diangkat))|\btiba tiba\s+(?:tidak bisa|susah|sulit)\s+(?:bicara|ngomong|berbicara|bergerak)|\b(?:lemas|lemah|mati rasa|kesemutan|kaku|lumpuh|baal|tidak bisa digerakkan|tidak bisa gerak)\s+(?:di\s+|pada\s+)?(?:sebelah|separuh|setengah)\b|\b(?:wajah|muka|mulut|bibir)(?:nya)?\s+(?:\w+\s+)?(?:mencong|miring|merot|perot|turun sebelah|tertarik)|\bbicara(?:nya)?\s+(?:pelo|cadel tiba tiba|tidak jelas|belepotan)|\bpelo\b|\blumpuh|\b(?:sebelah|separuh|setengah)\s+(?:badan|tubuh|wajah|muka)\s+(?:saya |nya )?(?:lemas|lemah|mati rasa|tidak bisa|kaku|lumpuh|kesemutan|baal)|(?<!riwayat |pernah |obat |pasca |bekas |history of |had a |kena )\bstroke\b|\bface (?:is )?droop|\bdrooping face|\bslurred speech|\bslurring|\bcan't (?:move|feel) (?:my |his |her )?(?:arm|leg|face)|\b(?:one side|half) of (?:my |his |her )?(?:body|face)|\b(?:numb|weak|paralys\w*|droop\w*|limp)\s+(?:on\s+)?(?:one|the left|the right|left|right|his left|his right|her left|her right|my left|my right) side|\bcan't (?:speak|talk) (?:properly|suddenly|anymore)/g },
  // Severe allergic reaction.
  { name: "anaphylaxis", pattern: /\b(?:bengkak|membengkak|bentol)\s+(?:di\s+|pada\s+)?(?:bagian\s+)?(?:wajah|muka|bibir|lidah|tenggorokan|kelopak mata|mata|leher)|\b(?:wajah|muka|bibir|lidah|tenggorokan|mata)\s+(?:saya |ku |nya |ibu |anak )?(?:jadi |tiba tiba |mulai )?(?:bengkak|membengkak|tebal)|\banafilak\w*|\banaphyla\w*|\b(?:swollen|swelling)\s+(?:of\s+)?(?:my |his |her |the )?(?:face|lips?|tongue|throat|eyes)|\b(?:face|lips?|tongue|throat)\s+(?:is |are |has |have |got )?(?:swollen|swelling|swelled|swell)|\bthroat (?:is )?(?:closing|tight)|\bsevere allergic|\b(?:reaksi )?alergi (?:berat|parah|hebat)/g },
  // Overdose.
  { name: "overdose", pattern: /\b(?:overdosis|overdose|overdosed|keracunan obat|poisoned)\b|\b(?:minum|makan|menelan|telan|ketelan|terminum|meminum)\s+(?:obat\s+)?(?:\w+\s+){0,2}(?:terlalu banyak|kebanyakan|kelebihan|berlebihan|semua(?:nya)? sekaligus|satu strip|satu botol|banyak sekali|sebotol|sekotak)|\b(?:minum|menelan|telan|makan|took|swallowed|taken)\s+(?:\w+\s+)?(?:(?:[3-9]|\d{2,}|banyak|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|obat|capsules)\s+(?:sekaligus|at once|together|semuanya)|(?:\d{2,}|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|capsules))|\bsemua(?:nya)?\s+(?:\w+\s+){0,2}sekaligus\b|\bsekaligus\s+(?:semua|satu strip|sebotol|sekotak)\b|\b(?:kebanyakan|terlalu banyak|kelebihan)\s+(?:minum|makan|menelan|telan|dosis|obat)\b|\bdosis\s+(?:ber)?lebih|\btook (?:too many|too much|all (?:of )?(?:my|the)|a whole|the whole)|\btoo many (?:pills|tablet)|\b(?:took|swallowed|drank|ate|taken|had)\s+(?:a |the |my |an |his |her )?(?:whole|entire|full)\s+(?:bottle|pack|box|strip|packet)\b|\bsatu (?:botol|strip|kotak|bungkus) (?:obat|sekaligus)/g },
  // Suicidal thoughts.
  { name: "suicidal", pattern: /\b(?:bunuh diri|membunuh diri|mengakhiri hidup|akhiri hidup|ingin mati|mau mati|pengen mati|pengin mati|kepengen mati|lebih baik mati|mending mati|tidak ingin hidup|tidak mau hidup|malas hidup|capek hidup|lelah hidup|cape hidup|ingin menyerah hidup|tidak kuat hidup)\b|\b(?:kill myself|killing myself|end my life|end it all|ending it all|suicid\w*|want to die|wanna die|don't want to live|do not want to live|no reason to live|better off dead|hurt myself|harm myself|self harm|take my (?:own )?life|not worth living|(?:going to|gonna|want to|wanna|will|might|to) end (?:it|things|everything)|mengakhiri semua(?:nya)?|akhiri semua(?:nya)?)\b/g },
  // Someone calls it an emergency.
  { name: "emergency_call", pattern: new RegExp(`\\b(?:darurat|gawat|gawat darurat|tolong segera|segera tolong|tolong cepat|cepat tolong|tolong kak tolong|ambulans|ugd|igd|emergency|urgent help|call 911|call 112|call 119|sos|${EMOJI_TOKENS.sos})\\b`, "g") },
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

function isSideEffectQuestion(text: string, index: number): boolean {
  if (!text.includes("?")) return false;
  const clauseStart = text.lastIndexOf(",", index) + 1;
  const before = text.slice(clauseStart, index);
  return SIDE_EFFECT_QUESTION.test(before) && !/\b(?:sekarang|now|right now|begini|gini|tolong|help|segera)\b/.test(text);
}

/** Emergency signs on already-normalised text. */
export function detectEmergencyNormalised(text: string): EmergencyResult {
  const signs: string[] = [];
  for (const sign of SIGNS) {
    if (signs.includes(sign.name)) continue;
    sign.pattern.lastIndex = 0;
    for (const match of text.matchAll(sign.pattern)) {
      const index = match.index ?? 0;
      if (isNegatedAt(text, index) || isSideEffectQuestion(text, index)) continue;
      if (SIGN_RESOLVED.test(text.slice(index + match[0].length))) continue;
      signs.push(sign.name);
      break;
    }
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

const BARE_STOP = new RegExp(`^(?:${FILLER} )*${STOP_WORD}(?: (?:${FILLER}|${STOP_WORD}))*$`);
const BARE_START = new RegExp(`^(?:${FILLER} )*${START_WORD}(?: (?:lagi|again|kembali|ulang))?(?: ${FILLER})*$`);

const MESSAGES = "(?:kirim|kirimkan|mengirim|mengirimkan|dikirim|dikirimi|pesan|pesannya|pengingat|pengingatnya|reminder|reminders|notifikasi|notif|sms|wa|whatsapp|chat|langganan|berlangganan|layanan|program|broadcast|messages|message|texts|texting|text|sending|notifications|alerts|subscription|service|spam)";

const STOP_PHRASES: ReadonlyArray<RegExp> = [
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
