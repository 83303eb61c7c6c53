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
  { name: "chest_pain", pattern: new RegExp(`\\bdada(?:ku|nya)?\\s+(?:(?:saya|aku|ku|ibu|bapak|nya|sebelah|kiri|kanan|tengah|rasanya|terasa|seperti|kayak|kaya|kyk|kek|rasa|kok|sangat|sekali|banget|tiba|jadi|mulai|agak|makin|lagi|sedang)\\s+){0,5}(?:sesak|berat|sakit|nyeri|ditekan|ditindih|tertindih|ditimpa|ketimpa|tertimpa|dijepit|kejepit|diikat|tertekan|terhimpit|diremas|diremes|dicengkeram|dihimpit|diinjak|ditusuk|tertusuk|panas|perih|terbakar|nyut|ngilu|sempit|seperti dihimpit)`, "g") },
  { name: "chest_pain", pattern: new RegExp(`\\b(?:${CHEST_EN}\\s+(?:pain|pains|hurts|hurting|tightness|pressure|is tight|feels tight|feels heavy|is heavy|is hurting|ache|aches)|(?:pain|pains|tightness|pressure|crushing|tight|heavy feeling)\\s+(?:in|on)\\s+(?:my |his |her |the )?chest|tight chest|heart attack|clutch(?:ing|ed|es)? (?:at )?(?:his |her |my |their |the )?chest|(?:memegang|memegangi|megang|megangin|pegang|pegangi|pegangin)\\s+(?:\\S+\\s+)?dada(?:nya)?|serangan jantung|angin duduk|chest\\s+(?:\\w+\\s+){0,4}?(?:killing|crushing|squeezing|squeezed|burning|pounding|aching|hurting|hurts|hurt|aches|pain|pains|tight|heavy|elephant|sitting on|weight on|vice|pressing|pressed))`, "g") },
  { name: "chest_pain", pattern: /\b(?:nyeri|sakit|serangan|sesak)\s+(?:di\s+)?jantung|\bjantung(?:ku|nya)?\s+(?:saya |ku |nya |rasanya |terasa |seperti |kayak |sangat )*(?:sakit|nyeri|sesak|ditekan|diremas|ditusuk)/g },
  // Something heavy sitting on the chest: "like an elephant is sitting on my chest", "kayak ada gajah duduk di dada".
  { name: "chest_pain", pattern: /\b(?:elephant|weight|brick|bricks|ton of bricks|something heavy|someone|truck)\b(?: \S+){0,3}? (?:sitting|sat|standing|stood|pressing|pushing|crushing|squeezing|sits|presses) (?:on |down on )?(?:my|his|her|the|their) chest\b|\b(?:gajah|batu besar|beban berat|karung)\b(?: \S+){0,2}? (?:duduk|nindih|menindih|ditaruh|ada|menekan|nekan) (?:di )?(?:atas )?dada(?:ku|nya)?\b/g },
  // Breathing.
  { name: "cannot_breathe", pattern: new RegExp(`\\bsesak(?:\\s+(?:${NAPAS}))?\\b(?! hidung)`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b${CANT}\\s+(?:${NAPAS})\\b`, "g") },
  { name: "cannot_breathe", pattern: new RegExp(`\\b(?:${NAPAS})\\s+${PRONOUN}(?:terasa |rasanya |jadi |sangat |makin )*(?:sesak|berat|pendek|tersengal|sengal|habis|putus|tercekik|berbunyi|bunyi|ngik|mengi|grok|susah|sulit|berhenti)`, "g") },
  { name: "cannot_breathe", pattern: /\b(?:tercekik|megap megap|ngap ngapan|engap|mengi|membiru|bibir(?:nya)? biru|turning blue|lips (?:are |went |turned )?blue)\b/g },
  { name: "cannot_breathe", pattern: /\b(?:can't|cannot|can not|cant|unable to|hard to|struggling to|trouble|difficulty|difficult to|hardly|barely)\s+(?:breathe|breathing|breath|catch (?:my|his|her) breath)|\bshort(?:ness)? of breath|\bbreathless|\b(?:not|isn't|is not|wasn't|stopped) breathing|\bgasping|\bchoking|\bwheezing|\bbreathing (?:is )?(?:hard|difficult|heavy)|\bout of breath|\bhard time (?:breathing|to breathe)|\bstruggling (?:for breath|for air|to get air)|\bcan't get (?:enough )?air/g },
  { name: "cannot_breathe", pattern: /\b(?:ngos ngosan|ngos ngos|tersengal sengal|terengah engah|sesak berat|megap|kehabisan napas|napas (?:satu satu|tinggal satu satu)|tidak bisa ambil napas|ra iso ambegan|ora iso ambegan|tidak bisa ambegan|ambegan|ngik ngik|bunyi ngik|tarikan dada|(?:bayi|baby|anak|badan|wajah|muka|kulit|ujung jari|bibir)(?:nya)?\s+(?:saya |ku |nya |jadi |tiba tiba |mulai |sudah |makin |agak |kelihatan |terlihat |tampak )*(?:biru|membiru|kebiruan)|dada(?:nya)? (?:tertarik|cekung|narik|ketarik|masuk)(?: ke (?:dalam|dalem))?|cuping hidung)\b/g },
  // An asthma attack the inhaler does not stop; someone going blue.
  { name: "cannot_breathe", pattern: /\b(?:can't|cannot|can not|unable to|couldn't) (?:talk|speak|say|finish) (?:in )?(?:full |whole |complete |a )?(?:sentences?|a sentence)\b|\btidak bisa (?:bicara|ngomong) (?:satu )?kalimat\b|\b(?:inhaler|ventolin|puffer|semprotan|obat semprot)\b(?: \S+){0,2}? (?:not working|isn't working|doesn't help|does not help|not helping|tidak mempan|tidak ngefek|tidak membantu|tidak berpengaruh)\b|\b(?:face|lips|skin|he|she|he's|she's|muka|wajah)\s+(?:is |are |nya )?(?:going|turning|gone|went|getting|jadi|mulai) (?:blue|purple|biru)\b|\bblue (?:lips|face)\b/g },
  // Unconscious or fainted.
  { name: "unconscious", pattern: /\b(?:pingsan|pinsan|semaput|kolaps|(?<!(?:saya|aku) )tidak sadar(?:kan diri)?(?! (?:kalau|bahwa|jika|sudah|obat))|(?<=(?:saya|aku) )tidak sadar(?:kan diri| diri|(?= (?:lagi|tadi|selama|sebentar|beberapa|sempat|sampai|waktu|saat|ketika|dari|sejak|pas|habis|setelah|sesudah|gara|karena|terus|lama|\d)| ,| \?|$))|tidak sadarkan|hilang kesadaran|kehilangan kesadaran|tidak bangun bangun|tidak bisa dibangunkan|tidak respon|tidak merespon|tidak ada respon|jatuh tidak sadar)\b/g },
  { name: "unconscious", pattern: /\b(?:unconscious|passed out|pass out|passing out|fainted|fainting|faint|blacked out|collapsed|unresponsive|not responding|won't wake up|will not wake up|can't wake (?:him|her|them))\b/g },
  { name: "unconscious", pattern: /\btidak (?:sadar sadar|sadar (?:waktu |saat |kalau |pas )?dibangunkan|sadar (?:lagi|juga)|responsif|respons|respon|merespon|merespons|bereaksi|menyahut|nyahut|ada reaksi)\b|\btidak (?:mau |bisa |kuat |juga )?bangun(?: bangun)?\b(?! (?:pagi|siang|sore|jam|tepat|awal|cepat|subuh|sampai|telat|kesiangan|tidur))|\b(?:ambruk|tergeletak|terkapar|semaput|klenger)\b|(?<!\b(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|puluh|belas|\d+) )\bkoma\b(?! (?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|\d))|\b(?:not|isn't|is not|wasn't|was not|aren't|hasn't been|has not been|stopped) (?:waking up|responding|responsive|conscious|moving)\b|\b(?:won't|will not|doesn't|does not|can't|cannot) (?:wake up|respond|be woken)\b|\bkeeled over\b/g },
  // Not responding to a voice or a touch: "isn't answering when we call her name", "dipanggil tidak menyahut".
  // A clinic or a phone that does not answer is not a person, so those subjects are skipped.
  { name: "unconscious", pattern: /(?<!\b(?:clinic|doctor|dr|pharmacy|pharmacist|hospital|nurse|office|reception|phone|line|nobody|no one|you|they|klinik|dokter|apotek|puskesmas)(?: \S+){0,2} )\b(?:not|isn't|is not|wasn't|was not|won't|will not|doesn't|does not|didn't|did not|stopped) (?:answering|answer|reacting|react|responding|respond)\b(?! (?:(?:my|his|her|our|the|your) )?(?:phone|calls?|texts?|messages?|door|emails?|whatsapp|wa)\b)(?= (?:when|if|to|at all|even|anymore|,)|$| ,)|\b(?:won't|will not|can't|cannot|doesn't|does not|isn't|not) (?:open|opening) (?:his|her|their) eyes\b|\bdipanggil(?: dipanggil)?(?: \S+){0,3}? tidak (?:menyahut|jawab|menjawab|respon|merespon|respons|bereaksi|menoleh|noleh|bangun|sadar|gerak|bergerak|buka mata)\b|\b(?:digoyang|digoyangkan|digoyang goyang|ditepuk|ditepuk tepuk|dicubit|digoncang|diguncang)(?: \S+){0,3}? tidak (?:bangun|sadar|respon|merespon|bereaksi|menyahut|gerak|bergerak|buka mata|melek)\b|\b(?:hard to wake|difficult to wake|can barely wake|susah dibangunkan|sulit dibangunkan)\b/g },
  // Blood.
  { name: "vomiting_blood", pattern: /\b(?:muntah|muntahan|muntahnya)\s+(?:ada |keluar |berupa |campur |bercampur )?(?:darah|berdarah|hitam)|\b(?:vomit(?:ing|ed|s)?|throwing up|threw up|puking|puked)\s+(?:up\s+)?(?:(?:fresh|bright red|bright|red|dark|some|a lot of|lots of|so much)\s+)?blood|\bblood in (?:my |the )?vomit/g },
  { name: "coughing_blood", pattern: /\bbatuk\s+(?:ada |keluar |campur |bercampur )?(?:darah|berdarah)|\bcough(?:ing|ed|s)?\s+(?:up\s+)?(?:(?:fresh|bright red|red|some|a lot of|lots of|so much)\s+)?blood|\b(?:bab|berak)\s+(?:berdarah|darah)|\bdarah\s+(?:di|dalam|pada)\s+dahak|\bdahak(?:nya)?\s+(?:ada\s+|campur\s+|bercampur\s+)?(?:darah|berdarah)|\bblood in (?:my |the |his |her )?(?:sputum|phlegm|mucus|spit)/g },
  { name: "severe_bleeding", pattern: /(?<!\b(?:gula|tekanan|tensi|cek|periksa|transfusi|tambah|kurang) )\b(?:pendarahan|perdarahan|berdarah|darah)(?:nya)?\s+(?:hebat|banyak|deras|parah|sekali|terus|terus menerus|tidak berhenti|tidak mau berhenti|tidak bisa berhenti|mengucur|banyak sekali)|\b(?:bleeding|bleed)\s+(?:heavily|a lot|badly|won't stop|will not stop|that won't stop|non stop|everywhere)|\b(?:heavy|severe|uncontrolled|lots of) bleeding/g },
  { name: "severe_bleeding", pattern: /(?<!riwayat |pernah |history of )\b(?:pendarahan|perdarahan)\b|\bmimisan\s+(?:\w+\s+){0,2}(?:tidak berhenti|tidak mau berhenti|tidak bisa berhenti|tidak berhenti berhenti|terus|deras|banyak|hebat|lama)|(?<!\b(?:gula|tekanan|tensi|cek|periksa|transfusi|tambah|kurang) )\bdarah(?:nya)?\s+(?:\w+\s+)?(?:tidak (?:mau |bisa )?(?:berhenti|berhenti berhenti|mampet|beku)|mengucur|muncrat|deras|terus|banyak)|\bkeluar darah\s+(?:\w+\s+)?(?:banyak|terus|deras|tidak berhenti)|\b(?:won't|will not|can't|cannot|doesn't|does not) stop bleeding|\bstop the bleeding|\bblood everywhere|\blosing (?:a lot of |lots of |so much )?blood|\b(?:so much|a lot of|lots of) blood|\bnosebleed (?:that )?(?:won't|will not) stop|\bbleeding (?:non stop|nonstop|for (?:an|one|two|\d+) hours?)/g },
  // Bleeding that will not stop or has run for an hour or more: "nosebleed for over an hour", "darahnya tidak berhenti".
  { name: "severe_bleeding", pattern: /(?<!\b(?:gula|tekanan|tensi|cek|periksa|tes|test|transfusi|tambah|kurang|obat|donor|donate|donating) )\b(?:nosebleed|nose bleed|bleeding|bleed|bleeds|blood|mimisan|darah|darahnya|pendarahan|perdarahan|berdarah)\b(?! (?:test|tests|pressure|sugar|work|tinggi|rendah|donation)\b)(?: \S+){0,6}? (?:(?:won't|will not|doesn't|does not|can't|cannot|isn't|is not|not|tidak|tidak mau|tidak bisa) (?:stop|stopping|berhenti|mampet)|(?:for|over|more than|lebih dari|sudah|selama|sampai) (?:over |more than |about |almost |hampir |sekitar )?(?:an|one|two|three|\d+|satu|dua|tiga) (?:hours?|jam)\b)/g },
  // Bleeding from the gut: tar-like stools, coffee-ground vomit.
  { name: "vomiting_blood", pattern: /\btarry\b|\b(?:like|kayak|kaya|kek|seperti) (?:tar|aspal|ter)\b|\bcoffee grounds?\b|\bampas kopi\b/g },
  // Seizure.
  { name: "seizure", pattern: /\b(?:kejang|kejang kejang|kejang2|sawan|ayan|epilepsi kambuh)\b|\b(?:seizure|seizures|seizing|convulsion|convulsions|convulsing|fitting|having a fit|had a fit|has had a fit)\b|\b(?:anak|bayi|adik|adek|balita|cucu|ponakan|keponakan)\s+(?:\w+\s+){0,2}(?:step|stip|setep)\b|\bkena step\b|\b(?:kelojotan|klojotan|mendelik|kejet kejet)\b|\bmata(?:nya)?\s+(?:\w+\s+)?(?:mendelik|ke atas|terbalik)/g },
  // Stroke.
  { name: "stroke", pattern: /\b(?:tangan|kaki|lengan)(?:nya)?\s+(?:\w+\s+){0,4}(?:tidak bisa (?:digerakkan|gerak|digerakan|diangkat))|\btiba tiba\s+(?:tidak bisa|susah|sulit)\s+(?:bicara|ngomong|berbicara|bergerak)|\b(?:lemas|lemah|mati rasa|kesemutan|kaku|lumpuh|baal|tidak bisa digerakkan|tidak bisa gerak)\s+(?:di\s+|pada\s+)?(?:sebelah|separuh|setengah)\b|\b(?:wajah|muka|mulut|bibir)(?:nya)?\s+(?:\w+\s+)?(?:mencong|miring|merot|perot|turun sebelah|tertarik)|\bbicara(?:nya)?\s+(?:pelo|cadel tiba tiba|tidak jelas|belepotan)|\bpelo\b|\blumpuh|\btidak bisa (?:senyum|tersenyum)(?: \S+)? (?:sebelah|simetris)\b|\blidah(?:nya)?\s+(?:\S+\s+)?(?:berat|kaku|kelu|pelo)\b|\b(?:kebas|baal|mati rasa)\s+(?:\S+\s+)?(?:separuh|sebelah|setengah)\s+(?:muka|wajah|badan|tubuh)\b|\b(?:sebelah|separuh|setengah)\s+(?:badan|tubuh|wajah|muka)(?:nya|ku)?\s+(?:saya |nya |ibu |bapak |aku |ku |kakek |nenek |suami |istri |mama |papa |jadi |tiba tiba )*(?:lemas|lemah|mati rasa|tidak bisa|kaku|lumpuh|kesemutan|baal)|(?<!riwayat |pernah |obat |pasca |bekas |history of |had a |kena )\bstroke\b|\bface (?:is )?droop|\bdrooping face|\bslurred speech|\bslurring|\bcan't (?:move|feel) (?:my |his |her )?(?:arm|leg|face)|\b(?:one side|half) of (?:my |his |her )?(?:body|face)|\b(?:numb|weak|paralys\w*|droop\w*|limp)\s+(?:on\s+)?(?:one|the left|the right|left|right|his left|his right|her left|her right|my left|my right) side|\bcan't (?:speak|talk) (?:properly|suddenly|anymore)/g },
  { name: "stroke", pattern: /\b(?:tangan|kaki|lengan|badan|tubuh|wajah|muka)(?:nya)?\s+(?:kanan|kiri|sebelah)\s+(?:saya |nya |ibu |bapak |ku )?(?:tiba tiba |jadi |mendadak |terasa |rasanya )?(?:lemas|lemah|lumpuh|mati rasa|kebas|baal|tidak bisa|tidak ada tenaga|tidak bertenaga|jatuh|turun)|\b(?:bicara|berbicara)(?:nya)?\s+(?:jadi |tiba tiba |mendadak |agak |sedikit |kok )?(?:susah|sulit|pelo|cadel|belepotan|kacau|ngaco|tidak jelas|aneh|terbata|tidak nyambung)|\b(?:susah|sulit|tidak bisa|tidak jelas|tidak lancar)\s+(?:bicara|berbicara)\b|\bspeech (?:\S+ ){0,2}(?:slurred|garbled|strange|weird)|\bslurr(?:ed|ing)\b|\bcan't (?:feel|move) (?:the |my |his |her )?(?:left|right|one) side\b|\b(?:can't|couldn't|cannot|could not|unable to) (?:lift|raise) (?:my |his |her )?(?:right |left )?(?:arm|leg)|\b(?:words|speech)\b(?: \S+){0,3}? (?:jumbled|garbled|muddled|mixed up|all wrong)\b|\b(?:arm|leg|face)\s+(?:is |went |feels |suddenly )?(?:numb|limp|paralysed|paralyzed)\b/g },
  // One side of the face or mouth gone stiff, numb or crooked: "muka sebelah kiri kaku", "senyum jadi miring".
  { name: "stroke", pattern: /\b(?:wajah|muka|mulut|bibir|senyum|senyuman)(?:nya|ku)?\s+(?:\S+\s+){0,3}?(?:mencong|miring|merot|perot|menceng|tidak simetris|turun sebelah|jatuh sebelah)\b|\b(?:wajah|muka|mulut|bibir|pipi)(?:nya|ku)?\s+(?:(?:sebelah|separuh|setengah|bagian)(?: (?:kanan|kiri))?|kanan|kiri)\s+(?:(?:saya|aku|ku|nya|ibu|bapak|kakek|nenek|suami|istri|mama|papa|tiba tiba|jadi|mendadak|terasa|rasanya|kok|kayak|agak)\s+){0,3}(?:kaku|lemas|lemah|mati rasa|kebas|baal|lumpuh|turun|jatuh|tidak bisa digerakkan|kesemutan)\b|\b(?:left|right|one) side of (?:my|his|her|their|the) (?:face|mouth|body)\b(?: \S+){0,3}? (?:numb|droop\w*|weak|stiff|dead|heavy|limp|paralys\w*|paralyz\w*|sagging|fallen)\b|\b(?:smile|mouth|face)\s+(?:is |looks |went |has gone |suddenly |all )*(?:crooked|lopsided|uneven|droopy|drooping|twisted|sagging)\b/g },
  // Severe allergic reaction.
  { name: "anaphylaxis", pattern: /\b(?:bengkak|membengkak|bentol)\s+(?:di\s+|pada\s+)?(?:bagian\s+)?(?:wajah|muka|bibir|lidah|tenggorokan|kelopak mata|mata|leher)|\b(?:wajah|muka|bibir|lidah|tenggorokan|mata)(?:nya|ku)?\s+(?:saya |ku |nya |ibu |anak )?(?:jadi |tiba tiba |mulai )?(?:bengkak|membengkak|tebal)|\banafilak\w*|\banaphyla\w*|\b(?:swollen|swelling)\s+(?:of\s+)?(?:my |his |her |the )?(?:face|lips?|tongue|throat|eyes)|\b(?:face|lips?|tongue|throat)\s+(?:is |are |has |have |got )?(?:swollen|swelling|swelled|swell)|\bthroat\s+(?:[^\s,]+\s+){0,4}?(?:closing|closes|tight|tighter|tightening|swelling)\b|\b(?:tongue|lips?)\s+(?:\S+\s+){0,2}?(?:thick|numb and swollen)\b|\b(?:epipen|epi pen|adrenaline pen)\b|\bsevere allergic|\b(?:reaksi )?alergi (?:berat|parah|hebat)|\btenggorokan(?:ku|nya)?\s+(?:\w+\s+){0,2}(?:menutup|tertutup|ketutup|nutup|tercekik|kecekik|tercekek|kecekek|dicekik|tercekat|kejepit|menyempit|nyempit|sempit|tersumbat|mengecil)|\b(?:throat|airway)\s+(?:\w+\s+)?(?:closing|closing up|swelling shut)/g },
  // Lips, tongue or throat grown huge, a face blowing up: "my lips are huge", "bibirnya jontor".
  { name: "anaphylaxis", pattern: /\b(?:lips?|tongue|throat|mouth)\s+(?:\S+\s+){0,2}?(?:huge|puffy|puffed up|puffing up|blown up|blowing up|swelling up|swelled up|swollen up|ballooning|ballooned|massive|enormous|so big|twice the size|double the size)\b|\bface\s+(?:\S+\s+){0,2}?(?:blew up|blown up|blowing up|puffed up|swelling up|swelled up|ballooning|ballooned|huge|massive|enormous)\b|\beyes?\s+(?:\S+\s+){0,2}?swollen shut\b|\bbibir(?:nya|ku)?\s+(?:\S+\s+){0,1}(?:dower|jontor|membesar|menebal)\b/g },
  // Overdose.
  { name: "overdose", pattern: /\b(?:overdosis|overdose|overdosed|overdosing|keracunan obat|poisoned)\b|\b(?:taken|took|swallowed|minum|menelan|telan)\s+all\s+(?:of\s+)?(?:my|the|his|her)\s+(?:\S+\s+)?(?:pills|tablet|medicine|capsules)|\b(?:drank|drunk|swallowed|minum|meminum|menelan|telan|ketelan|keminum|terminum)\s+(?:\S+\s+){0,4}?(?:floor cleaner|toilet cleaner|drain cleaner|oven cleaner|cleaning (?:fluid|liquid)|pembersih (?:lantai|toilet|kamar mandi|wc)|paraffin|lamp oil|thinner|tiner|air aki|battery acid|soda api|caustic|bleach|pemutih|baygon|racun|insecticide|pesticide|detergent|detergen|bensin|minyak tanah|kerosene|antifreeze|weed killer|rat poison|racun tikus|pembersih lantai|cairan pembersih|karbol|soklin|wipol|obat nyamuk|obat serangga|kamper|kapur barus|baterai kancing|button battery|mosquito coil)\b|\b(?:minum|makan|menelan|telan|ketelan|terminum|meminum)\s+(?:obat\s+)?(?:\w+\s+){0,2}(?:terlalu banyak|kebanyakan|kelebihan|berlebihan|semua(?:nya)? sekaligus|satu strip|satu botol|banyak sekali|sebotol|sekotak)|\b(?:minum|menelan|telan|makan|took|swallowed|taken)\s+(?:\w+\s+)?(?:(?:[3-9]|\d{2,}|banyak|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|obat|capsules)\s+(?:sekaligus|at once|together|semuanya)|(?:\d{2,}|puluhan|belasan)\s+(?:tablet|butir|pil|pills|kapsul|biji|capsules))|\bsemua(?:nya)?\s+(?:\w+\s+){0,2}sekaligus\b|\bsekaligus\s+(?:semua|satu strip|sebotol|sekotak|banyak|[5-9]|[1-9]\d|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan)\b|\b(?:[5-9]|[1-9]\d|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belasan|puluhan)(?: (?:tablet|butir|pil|pills|kapsul|biji|obat|strip))? sekaligus\b|\b(?:kebanyakan|terlalu banyak|kelebihan)\s+(?:minum|makan|menelan|telan|dosis|obat)\b|\bdosis\s+(?:ber)?lebih|\btook (?:too many|too much|all (?:of )?(?:my|the)|a whole|the whole)|\btoo many (?:of )?(?:my |his |her |the )?(?:pills|tablet|medicine|capsules)|\b(?:pills|tablet|obat|medicine|overdose)\b(?: \S+){0,4}? (?:on purpose|deliberately|sengaja)\b|\b(?:half|most) (?:of )?(?:the|a|his|her) bottle\b|\bsetengah botol\b|\b(?:took|swallowed|drank|ate|taken|had)\s+(?:a |the |my |an |his |her )?(?:whole|entire|full)\s+(?:bottle|pack|box|strip|packet)\b|\bsatu (?:botol|strip|kotak|bungkus) (?:obat|sekaligus)/g },
  { name: "overdose", pattern: /\b(?:minum|meminum|terminum|termakan|menelan|telan|ketelan|took|swallowed|taken|ate)\b(?: \S+){0,5}? (?:[89]|[1-9]\d+|puluhan|belasan|segenggam) (?:tablet|butir|pil|pills|kapsul|biji|capsules|strip)\b(?! (?:sehari|per hari|a day|per day|daily|tiap hari|setiap hari|sesuai|as prescribed|as directed|seperti biasa)\b)|\b(?:minum|meminum|terminum|menelan|telan|ketelan|took|swallowed)\s+(?:\w+\s+){0,3}(?:satu|se|dua|tiga|empat|lima|\d+)\s*(?:strip|botol|kotak|bungkus|papan)\b|\b(?:ketelan|tertelan)\s+(?:\w+\s+){0,2}(?:obat|pil|pills|tablet|kapsul)\b|\b(?:obat|pil|tablet|kapsul)(?:nya)?\s+(?:\w+\s+){0,2}(?:ketelan|tertelan)\b/g },
  // A count of eight or more tablets further on in the message ("took double doses by mistake, like 8 tablets"),
  // unless it is a daily regimen or a supply ("10 tablet sehari", "8 tablets left").
  { name: "overdose", pattern: /\b(?:minum|meminum|terminum|termakan|menelan|telan|ketelan|took|swallowed|ate)\b(?: \S+){0,10}? (?:[89]|[1-9]\d+|puluhan|belasan|segenggam) (?:tablet|butir|pil|pills|kapsul|biji|capsules)\b(?! (?:sehari|per hari|a day|per day|daily|tiap hari|setiap hari|a week|per week|seminggu|sebulan|a month|left|tersisa|sisa|lagi|sesuai|as prescribed|as directed|seperti biasa)\b)/g },
  // A whole week's or month's supply at once: "took my whole week of pills".
  { name: "overdose", pattern: /\b(?:took|swallowed|taken|minum|menelan|telan)\s+(?:\S+\s+){0,2}(?:whole|entire|full)\s+(?:week|weeks|week's|month|month's|supply|day's|days')\b|\bobat\s+(?:untuk\s+)?(?:seminggu|sebulan|satu minggu|satu bulan)\s+(?:\S+\s+)?sekaligus\b/g },
  // Ten or more of anything that is not a unit of dose or time: "swallowed about 30 of my antidepressants".
  { name: "overdose", pattern: /\b(?:minum|meminum|terminum|menelan|telan|ketelan|took|swallowed|ate)\s+(?:(?!jam|pukul|at|by|before|after|until|since|on|tanggal|tgl|late|early|later|earlier|telat|terlambat|kesiangan)\S+\s+){0,3}?(?:about |around |like |maybe |nearly |over |almost |sekitar |kira kira |hampir )?(?:[1-9]\d+|puluhan|belasan|dozens)\b(?![^,]*\b(?:sesuai|as prescribed|as directed|as usual|seperti biasa|sehari|a day|per day|daily|every day|tiap hari|setiap hari)\b)(?! ?(?:mg|mcg|ml|g|gr|gram|grams|units?|unit|iu|cc|hours?|hrs?|jam|menit|minutes?|mins?|hari|days?|pm|am|pagi|siang|sore|malam|o'clock|x|kali|times|puffs?|drops?|tetes|sendok|spoons?|teaspoons?|%|percent|persen|tahun|years?|gelas|glasses|glass|cups?|liter|litre|liters|litres|steps|detik|seconds?|weeks?|minggu|bulan|months?)\b)/g },
  // A count of ten or more of a named drug: "took 12 paracetamol", "minum 15 panadol".
  { name: "overdose", pattern: /\b(?:minum|meminum|terminum|menelan|telan|ketelan|took|swallowed|ate)\s+(?:\S+\s+)?(?:[1-9]\d+|puluhan|belasan) (?:\S+ )?(?:\w+(?:amol|profen|pirin|codeine|tramadol|pam|lam|done|formin|dipin|dipine|pril|sartan|statin|olol|farin)|panadol|paracetamol|parasetamol|aspirin|sleeping|obat)\b/g },
  // Suicidal thoughts.
  { name: "suicidal", pattern: /\b(?:bunuh diri|membunuh diri|mengakhiri hidup|akhiri hidup|ingin mati|mau mati|pengen mati|pengin mati|kepengen mati|lebih baik mati|mending mati|tidak ingin hidup|tidak mau hidup|malas hidup|capek hidup|lelah hidup|cape hidup|ingin menyerah hidup|tidak kuat hidup)\b|\b(?:kill myself|killing myself|end my life|end it all|ending it all|suicid\w*|want to die|wanna die|don't want to live|do not want to live|no reason to live|better off dead|hurt myself|harm myself|self harm|take my (?:own )?life|not worth living|(?:going to|gonna|want to|wanna|will|might|to) end (?:it|things|everything)|mengakhiri semua(?:nya)?|akhiri semua(?:nya)?)\b/g },
  { name: "suicidal", pattern: /\b(?:lebih baik|mending|mendingan|biar|supaya|agar|pengin|pingin|kepingin)\s+(?:saya |aku |gue |diriku )?(?:mati|meninggal|tiada)\b|\b(?:bosan|bosen|capek|cape|lelah|muak|jenuh|putus asa)\s+(?:\w+\s+)?hidup\b|\b(?:menyakiti|melukai|sakiti|lukai|nyakitin|nyakiti|silet|menyilet|nyilet|sayat|menyayat|nyayat|potong|motong|memotong)\s+(?:\w+\s+)?(?:diri|tangan|nadi|pergelangan)|\btidak (?:pengen|pengin|kepengen|mau|ingin|kuat|sanggup) (?:\w+ )?hidup\b(?! sehat)|\b(?:mengakhiri|akhiri|sudahi)\s+(?:\w+\s+)?(?:hidup|nyawa)|\bbesok (?:saya |aku )?(?:sudah )?(?:tidak ada|tiada)\b(?= ,|$| (?:lagi|kok|ya|kak|maaf|selamanya|di dunia)\b)|\b(?:surat|pesan) (?:perpisahan|terakhir|wasiat)\b|\b(?:menulis|nulis|tulis) surat (?:buat|untuk) (?:keluarga|anak|istri|suami|ibu|mama)\b|\b(?:farewell|goodbye|suicide) (?:letter|note)\b|\btali(?:nya)? (?:sudah |udah )?(?:saya |aku )?(?:siapkan|siapin|siap|disiapkan|beli|ikat|gantung)\b|\b(?:bought|got|have) (?:a |the )?rope\b|\b(?:pesan|chat|balasan|kali) (?:saya |aku )?(?:yang )?terakhir\b(?: \S+){0,8}? (?:tali|selamat tinggal|maaf|pamit|mati|tidak ada)\b|\bterakhir (?:ya |kali )?(?:saya |aku )?(?:balas|bales|chat|kirim pesan|pamit)\b(?:.*\b(?:tali|selamat tinggal|pamit|maafkan|mati|obat sudah (?:saya )?kumpulkan)\b)|\b(?:saying goodbye|say goodbye) (?:to everyone|for good|forever)\b|\bthis is my last message\b|\bgantung diri|\bminum racun|\bminum semua obat\b.*\b(?:mati|tidur selamanya|selesai)|\btidak (?:ada )?(?:gunanya|alasan|artinya) (?:untuk |buat |saya )?hidup|\bhidup (?:saya |aku )?(?:tidak ada gunanya|tidak berarti|sia sia)|\b(?:wish i (?:was|were) dead|wish i could die|don't want to be alive|want to disappear forever|no point (?:in )?living|overdose on purpose)\b/g },
  // Wishing not to exist, thinking of "ending it", cutting oneself.
  { name: "suicidal", pattern: /\b(?:don't|do not|no longer|never) (?:want|wanna|wish) (?:to )?(?:be (?:here|around|alive)|exist|live|wake up|go on)\b|\b(?:thinking|thought|think|thinkin|considering|planning|plan|want|wanting|going) (?:a lot )?(?:about |of |on )?(?:ending (?:it|things|everything|my life|it all)|killing myself|dying|not being here|not waking up)\b|\bbetter off without me\b|\b(?:nobody|no one|noone) (?:would|will|is going to) (?:miss me|care|notice)\b|\b(?:world|everyone|family|they|kids) (?:would be |will be |is )?better (?:off )?without me\b|\b(?:disappear|vanish) (?:forever|for good|permanently)\b|\bwish i (?:could|would) (?:just )?(?:die|disappear|not wake up|sleep forever)\b|\b(?:no|see the|see any|what's the|whats the|the) point (?:of |in )?(?:going on|living|life|being alive|carrying on)\b|\bcan(?:'t|not) go on\b|\b(?:jump|jumping) (?:off|from) (?:the |a |my )?(?:bridge|building|roof|balcony|cliff|window|tower)\b|\b(?:loncat|lompat|terjun) dari (?:jembatan|gedung|atap|lantai|balkon|tower)\b|\b(?:pengen|ingin|mau|pingin|pengin|kepengen)\s+(?:\S+\s+)?(?:nyusul|menyusul)\b|\b(?:sleep|go to sleep) and (?:never|not) wake up\b|\bcutting (?:myself|my (?:wrists?|arms?|thighs?|skin))\b|\b(?:hurting|harming|injuring|punishing) myself\b|\b(?:cut|slit|slashed|slashing) (?:my wrists?|myself (?:again|on purpose|deliberately))\b|\b(?:burning|burnt|burned) myself (?:again|on purpose)\b|\btidak (?:mau|ingin|pengen|pengin|kepengen) (?:ada|berada|hidup) (?:lagi )?di dunia\b|\b(?:mau|ingin|pengen|pengin|lebih baik|mending)\s+(?:saya |aku )?(?:menghilang|hilang) (?:selamanya|dari dunia)|\btidur (?:selamanya|dan tidak bangun lagi|tidak bangun lagi)\b|\b(?:menghilang|hilang) (?:saja |aja )?dari dunia\b|\blebih baik (?:saya |aku )?tidak (?:ada|pernah lahir)\b/g },
  // Wishing not to exist said softly ("I don't think I want to be here anymore"), sleeping forever, jumping from a
  // height or in front of a train: "pengen lompat dari atas kos", "want to sleep and never wake up".
  { name: "suicidal", pattern: /\b(?:don't|do not|dont|no longer) (?:think|feel like|really|even) (?:i )?(?:want|wanna|wish) (?:to )?(?:be (?:here|around|alive)|exist|live|go on|wake up)\b|\b(?:want|wanna|wish|ingin|mau|pengen|pengin|pingin|kepengen|kepingin)\b(?: to| i could| i can)? (?:go to )?(?:sleep forever|sleep and (?:never|not) wake up|never wake up again|tidur (?:\S+ )?(?:selamanya|untuk selamanya|selama lamanya|dan tidak bangun lagi|tidak (?:usah |perlu )?bangun (?:bangun )?lagi|terus tidak bangun))\b|\b(?:ingin|mau|pengen|pengin|pingin|kepengen|kepingin|rencana|niat|berniat|kepikiran|want to|wanna|going to|gonna|thinking of|thinking about|about to|plan to|planning to)\s+(?:\S+\s+)?(?:lompat|loncat|melompat|meloncat|terjun|jatuhkan diri|menjatuhkan diri|jump|jumping|throw myself)\b(?: (?:saja|aja|sudah|deh|lah|tonight|today|now|sekarang|malam ini))* (?:dari|off|from|in front of)(?: (?:atas|the|a|an|my|this|that|top|of|puncak|sebuah))* (?:kos|kost|kosan|gedung|jembatan|atap|lantai (?:\d+|atas|paling atas)|tebing|balkon|menara|flyover|apartemen|rel|kereta|jurang|bridge|roof|rooftop|building|balcony|cliff|train|tower|ledge|window|jendela|truck|truk|bus|car|overpass|motorway|highway)\b/g },
  // Someone calls it an emergency.
  { name: "emergency_call", pattern: new RegExp(`\\b(?:darurat|gawat|gawat darurat|tolong segera|segera tolong|tolong cepat|cepat tolong|tolong kak tolong|ambulans|ugd|igd|emergency|urgent help|call 911|call 112|call 119|call 118|call 995|call 999|call 000|sos|${EMOJI_TOKENS.sos})\\b`, "g") },
  { name: "emergency_call", pattern: /^(?:tolong|help)(?: (?:tolong|help|saya|aku|me|kak|dokter|please|pak|bu|cepat|,))*$|\b(?:dilarikan|larikan|bawa|dibawa|antar|diantar)\s+ke\s+(?:igd|ugd|rs|rumah sakit)\s+(?:sekarang|segera|cepat)|\b(?:need|call) (?:an )?ambulans\b/g },
  // Crisis readings and thunderclap headache.
  { name: "crisis_reading", pattern: /\b(?:tensi|tekanan darah|blood pressure|bp|td)(?:nya)?\s+(?:saya |aku |nya |ibu |bapak |is |sekarang |tadi |naik |sampai |mencapai |up to |at |of )*(?:1[89]\d|2\d\d)\b|\b(?:tensi|tekanan darah|blood pressure|bp|td)(?:nya)?\s+(?:\S+\s+){0,3}?[4-7]\d (?:\/ )?[2-5]\d\b|\b(?:gula(?: darah)?|sugar|blood sugar|glucose|gds)(?:nya)?\s+(?:saya |aku |nya |ibu |bapak |anak |is |sekarang |tadi |cuma |hanya |tinggal |turun |drop |dropped |down |to |sampai |jadi )*(?:[1-4]\d|[5-9]\d\d)\b(?! ?(?:%|persen|tahun|th|kg|gram|gr|g|mg|sendok|ribu|rb|menit|hari|jam|kali))/g },
  { name: "severe_headache", pattern: /\bkepala(?:ku|nya)?\s+(?:\w+\s+){0,3}(?:mau|seperti mau|kayak mau|rasanya mau|serasa mau)\s+(?:pecah|meledak)|\b(?:sakit kepala|nyeri kepala|pusing kepala|kepala(?:ku|nya)?\s+(?:\w+\s+)?(?:sakit|nyeri))\s+(?:yang\s+)?(?:sangat\s+)?(?:hebat|luar biasa|paling parah|tidak tertahankan|sangat hebat|mendadak hebat)|\b(?:worst|worst ever) headache|\bsudden (?:severe|terrible|worst) headache|\bthunderclap/g },
  // A rash that does not fade when pressed (the glass test): meningococcal or other sepsis.
  { name: "non_blanching_rash", pattern: /\b(?:ditekan|tekan|pressed|press)\b(?: \S+){0,3}? (?:tidak|not|doesn't|does not|won't) (?:hilang|pudar|memudar|fade|go away|disappear)\b|\b(?:tidak|not|doesn't|does not|don't|do not|won't) (?:hilang|pudar|memudar|fade|go away|disappear)\b(?: \S+){0,4}? (?:ditekan|pressed|press|pressing|di tekan)\b|\b(?:glass|tumbler) test\b/g },
  // Sudden loss of sight: "mata tiba tiba gelap", "suddenly can't see".
  { name: "vision_loss", pattern: /\b(?:mata|pandangan|penglihatan)(?:nya|ku)?\s+(?:\S+\s+){0,3}?(?:tiba tiba|mendadak)\s+(?:\S+\s+)?(?:gelap|buta|hitam|tidak bisa (?:lihat|melihat)|kabur|buram)\b|\b(?:tiba tiba|mendadak)\s+(?:\S+\s+){0,2}?(?:tidak bisa (?:lihat|melihat)|buta|gelap semua)\b|\bmata (?:sebelah|kiri|kanan)(?: \S+)? (?:gelap|tidak bisa (?:lihat|melihat)|buta)\b|\bsudden(?:ly)? (?:\S+ )?(?:can't see|cannot see|lost (?:my |his |her )?(?:sight|vision)|blind)\b|\b(?:penglihatan|pandangan|mata)(?:nya|ku)?\s+(?:\S+\s+)?(?:hilang|gelap|buta)\s+sebelah\b|\b(?:tiba tiba|mendadak)\s+(?:penglihatan|pandangan)(?:nya|ku)?\s+(?:\S+\s+)?(?:hilang|gelap)\b/g },
  // Sudden confusion: "tiba tiba linglung", "doesn't know where she is".
  { name: "acute_confusion", pattern: /\b(?:tiba tiba|mendadak|suddenly)\s+(?:\S+\s+)?(?:bingung|linglung|ngelantur|meracau|confused|disoriented)\b|\b(?:bingung|linglung)\b(?: \S+){0,2}? tidak (?:tahu|kenal|mengenali)(?: \S+){0,2}? (?:di ?mana|siapa|saya|kami|keluarga|anaknya|istrinya|suaminya)\b|\btidak (?:kenal|mengenali) (?:saya|kami|anaknya|istrinya|suaminya|keluarga)\b|\b(?:doesn't|does not|didn't) (?:know|recognise|recognize) (?:where (?:she|he) is|me|us|who)\b/g },
  // Snake bite.
  { name: "snake_bite", pattern: /\b(?:digigit|dipatok|dipagut|kegigit|kepatok|dicatok|gigitan|patukan)\s+(?:\S+\s+)?ular\b|\bular\s+(?:\S+\s+){0,2}?(?:gigit|menggigit|patok|mematuk|matok)\b|\bsnake ?bite\b|\bbitten by (?:a )?snake\b|\bsnake bit\b/g },
  // A wide scald or burn: "kesiram air panas, kulit melepuh luas".
  { name: "major_burn", pattern: /\b(?:kesiram|tersiram|disiram|ketumpahan|tertumpah)\s+(?:\S+\s+)?(?:air panas|minyak panas|air mendidih)\b|\bluka bakar\s+(?:\S+\s+)?(?:luas|parah|besar|berat)\b|\bmelepuh\s+(?:\S+\s+)?(?:luas|semua|sebadan|sampai)\b|\b(?:bad|severe|big|large) (?:burns?|scald)\b|\bscalded\b|\b(?:muka|wajah|face|leher|neck)(?:nya)?(?: \S+){0,4}? (?:terbakar|kebakar|hangus|burned|burnt)\b|\b(?:kompor|tabung gas|tabung|gas|stove|cylinder) (?:\S+ )?(?:meledak|meletus|exploded|blew up)\b/g },
  // A rigid belly or green vomit: peritonitis or a blocked bowel.
  { name: "acute_abdomen", pattern: /\bperut(?:nya)?\s+(?:\S+\s+){0,2}(?:keras|kaku)\s+(?:kayak|kaya|seperti|kek) papan\b|\bmuntah(?:nya)? (?:\S+ )?hijau\b|\bvomit(?:ing|ed)? (?:\S+ )?green\b|\bboard like\b/g },
  // Dehydration in a child: sunken soft spot or eyes, no tears, no urine for hours.
  { name: "dehydration", pattern: /\bubun ubun(?:nya)?\s+(?:\S+\s+)?(?:cekung|cekong|masuk|turun)\b|\bsunken (?:fontanelle|soft spot)\b|\b(?:menangis|nangis) tidak (?:keluar|ada) air mata\b|\btidak (?:ada|keluar) air mata\b|\bpopok(?:nya)? (?:\S+ )?kering\b|\b(?:dry|no wet) (?:nappies|nappy|diapers?)\b|\bno tears when (?:crying|she cries|he cries)\b/g },
  // Blisters and peeling skin with sore lips, mouth or eyes after a medicine: Stevens-Johnson.
  // Foam at the mouth after a poison or with a fit.
  { name: "poisoning", pattern: /\bmulut(?:nya)?\s+(?:\S+\s+)?(?:berbusa|keluar busa)\b|\bfoam(?:ing|s)? (?:at|from) (?:the |his |her )?mouth\b/g },
  // A chemical in the eye: "mata anak kena pemutih", "got bleach in his eye".
  { name: "eye_chemical", pattern: /\b(?:mata|eye|eyes)(?:nya)?\b(?: \S+){0,4}? (?:kena|kemasukan|terkena|kecipratan|got|splashed with)\b(?: \S+){0,2}? (?:pemutih|bleach|cairan pembersih|pembersih|kaporit|soda api|air aki|acid|cairan kimia|chemical|chemicals|oven cleaner|semen|cement)\b|\b(?:pemutih|bleach|kaporit|soda api|air aki|acid|chemical|chemicals|oven cleaner)\b(?: \S+){0,3}? (?:kena|masuk|in|into|got in) (?:ke )?(?:mata|(?:his |her |my |the )?eyes?)\b/g },
  // Pregnancy: the baby has stopped moving in the womb.
  { name: "pregnancy_warning", pattern: /\b(?:bayi|janin|dedek|adek|baby)(?:nya|ku)? (?:di|dalam|in) (?:perut|kandungan|rahim|the womb|my belly|my tummy)\b(?: \S+){0,4}? (?:tidak (?:gerak|bergerak|menendang|nendang)|not (?:moving|kicking)|stopped (?:moving|kicking)|hasn't moved)\b|\bgerak(?:an)? (?:bayi|janin|dedek|adek)(?:nya|ku)? (?:\S+ ){0,2}?(?:berkurang|(?:tidak|belum) (?:terasa|kerasa|berasa|ada)|hilang|jarang)\b|\b(?:tidak|belum|sudah tidak) (?:merasakan|merasa|kerasa|terasa|berasa) (?:ada )?(?:gerak\w*|tendang\w*) (?:bayi|janin|dedek|adek)\b|\bbaby (?:hasn't|has not|isn't|is not|stopped|not) (?:moved|moving|kicked|kicking)\b/g },
  // A farewell with the act named: "I'm ending it", "tonight it ends", "pamit selamanya", giving away one's things,
  // "tidak akan lama lagi di dunia ini", a rope bought, a plan to hurt oneself or the baby, standing on a bridge.
  { name: "suicidal", pattern: /\b(?:i'm|i am|im|i'll be) ending (?:it|things|everything|my life)\b|\b(?:tonight|today|tomorrow) it (?:all )?ends\b|\bit (?:all )?ends (?:tonight|today|here)\b|\bpamit (?:untuk )?selamanya\b|\b(?:giving|given|gave|give) away (?:all )?(?:of )?(?:my|his|her) (?:things|stuff|belongings|possessions|clothes)\b|\bbarang(?: barang)?(?:ku| saya| aku)\b(?: \S+){0,3}? (?:bagi|bagikan|dibagi|dibagikan|wariskan|diwariskan)\b|\btidak akan (?:\S+ ){0,3}?(?:di dunia|hidup lagi)\b|\b(?:beli|membeli|dibeli|siapkan|siapin|menyiapkan|nyiapin) tali(?:nya)?\b(?! (?:jemuran|sepatu|rafia|tas|pinggang|kolor|pramuka|skipping|layangan|tambang|untuk|buat|baru|sepeda|pancing|kur|sandal))|\bbetter off if i (?:were|was|am) (?:gone|dead|not here|not around)\b|\b(?:want|wants|wanted|wanting|going|trying|tried|try|threaten\w*|planning|plans|thinking of|thinking about|talking about|saying (?:she|he) wants) (?:to )?(?:hurt|harm|kill|hurting|harming|killing) (?:the baby|her baby|my baby|his baby|the kids|herself|himself|themselves)\b|\b(?:ingin|mau|pengen|ingin) (?:menyakiti|melukai|membunuh|nyakitin) (?:bayi(?:nya)?|anak(?:nya)?|diri(?:nya)?)\b|\btell my (?:kids|children|family|wife|husband|son|daughter|mum|mom|parents) (?:that )?i love (?:them|her|him)\b|\bstanding on (?:the|a) (?:bridge|roof|ledge|edge)\b|\btidur (?:saja )?selamanya\b/g },
  // A farewell said as no longer being there: "sebentar lagi saya sudah tidak ada", "besok aku tidak ada lagi", "saya tidak
  // akan ada lagi", "I won't be around much longer", "soon I'll be gone". The clause must end there, so "besok saya tidak
  // ada di rumah", "nanti saya tidak ada sinyal", "saya sudah tidak ada keluhan" and "obatnya sudah tidak ada" do not count.
  { name: "suicidal", pattern: /\b(?:(?:sebentar|bentar|tidak lama|tak lama|sebentar) lagi|besok|besok besok|nanti|malam ini|hari ini|minggu depan|sebentar)\b (?:(?:saya|aku|gue|gw|ku)\b (?:\S+ )?(?:sudah tidak (?:akan )?ada(?: lagi)?|tidak (?:akan )?ada lagi|sudah tiada|tiada|sudah pergi (?:untuk )?selamanya))(?: (?:kok|kak|pak|bu|ya|dok|dokter|lagi|di dunia ini|maaf|selamanya))*(?= ,|$)|\b(?:saya|aku|gue|gw)\b (?:\S+ )?tidak akan (?:ada|hidup) lagi(?: (?:kok|kak|pak|bu|ya|dok|dokter|di dunia ini|maaf|selamanya))*(?= ,|$)|\b(?:i|i'm|i am)? ?(?:won't|will not|wont|am not going to|i'm not going to|not going to) be (?:around|here|alive|with you) (?:much|for much|very|a lot) longer\b|\b(?:soon|shortly|before long) (?:i'll|i will) be gone\b|\b(?:i'll|i will) be gone (?:soon|before long|forever|for good|by (?:tomorrow|tonight|next week))(?= ,|$| (?:anyway|so|sorry|goodbye|thanks))/g },
  // Tired of living in Javanese or Sundanese: "wis kesel urip", "wegah urip", "bosen hirup".
  { name: "suicidal", pattern: /\b(?:kesel|kesal|sumpek|wegah|emoh|bosen|bosan|capek|lelah|males|malas) (?:\S+ )?(?:urip|hidup)\b(?! (?:sehat|teratur|bersih|sendiri|di kota|di sini|disini|mewah|hemat)\b)/g },
  { name: "skin_reaction", pattern: /\bbibir\b(?: \S+){0,3}? (?:melepuh|luka luka|luka|sariawan|mengelupas)\b(?:.*\b(?:kulit|mata)\b)|\bkulit(?:nya)?\s+(?:\S+\s+){0,2}(?:mengelupas|ngelupas|terkelupas|melepuh)\b.*\b(?:bibir|mata|mulut|lips|eyes)\b|\b(?:skin)\s+(?:\S+\s+){0,2}(?:peeling|blistering|coming off)\b.*\b(?:lips|eyes|mouth)\b/g },
];

/** Signs that only count together: both parts anywhere in the message, neither negated. */
const PAIRED_SIGNS: ReadonlyArray<{ name: string; first: RegExp; second: RegExp }> = [
  {
    // At the end of one's strength, with the means named: "udah gak kuat, tali udah ada", "can't take it anymore, the pills".
    name: "suicidal",
    first: /\b(?:sudah tidak kuat|tidak kuat lagi|tidak sanggup lagi|sudah tidak sanggup|tidak tahan lagi|sudah tidak tahan|menyerah|(?:can't|cannot|can not) (?:take|do|handle) (?:it|this) any ?more|can't go on|cannot go on|giving up|i give up)\b/g,
    second: /\b(?:tali|rope|noose|racun|poison|baygon|lompat|loncat|terjun|jump|jembatan|bridge|rel kereta|silet|razor|gantung|hang myself|(?:minum|telan|habiskan|menelan) (?:\S+ ){0,2}?obat\w* (?:\S+ )?semua|(?:minum|telan) semua obat|all (?:of )?(?:my |the )?(?:pills|tablet|medicine))\b/g,
  },
  {
    // "It doesn't matter anymore" with the reminders or the medicine stopped, or with a wish to sleep for ever.
    name: "suicidal",
    first: /(?:^|, |\bit )(?:just |really |all )?(?:doesn't|does not|dont|don't) matter any ?more\b|\bnothing (?:really )?matters(?: any ?more)?\b|\bnone of (?:it|this) matters\b|\bhidup (?:saya |aku |ku )?(?:sudah )?tidak (?:ada )?(?:artinya|berarti|gunanya)\b/g,
    second: /\b(?:stop|berhenti|cancel|no more|sleep|tidur|tired|exhausted|capek|lelah|sad|sedih|alone|sendiri|hopeless|pointless|no point|give up|giving up|pills|tablet|medicine|meds|obat)\b/g,
  },
  {
    // A purple rash or spots that spread, or with a fever: meningococcal sepsis ("bintik ungu di kaki makin banyak").
    name: "non_blanching_rash",
    first: /\b(?:bintik|bintik bintik|ruam|bercak|bintil|titik titik|spots?|rash|blotches|dots|marks)\b(?: \S+){0,2}? (?:ungu|keunguan|kebiruan|purple|purplish)\b|\b(?:purple|purplish|ungu|keunguan)\b (?:\S+ )?(?:spots?|rash|blotches|dots|bintik|bercak|ruam)\b|\bpetechia\w*|\bpurpura\b/g,
    second: /\b(?:demam|panas|meriang|fever|febrile|temperature|suhu|makin banyak|bertambah|tambah banyak|menyebar|meluas|nyebar|spreading|spread|more and more|getting more|multiplying|lemas|floppy|drowsy)\b/g,
  },
  {
    // A low reading or "hypo" with weakness, shaking, being alone or unable to hold the phone: "sugar 2.1, alone",
    // "gula 45 lemes banget". mmol/L under 3 (the decimal point is a clause mark after normalising: "2 , 1") or mg/dL 20–59.
    name: "hypoglycaemia",
    first: /\bhypo(?:s|glyc\w*)?\b|\b(?:sugar|gula|glucose|gds|gdp|bg|bsl)(?: darah| level| reading| meter)?(?:nya)?\s+(?:(?:saya|aku|nya|ibu|bapak|anak|is|was|sekarang|tadi|cuma|hanya|tinggal|turun|drop|dropped|down|to|sampai|jadi|only|at|of|reads|says|showed|shows|just|low|rendah|di|angka)\s+){0,3}(?:[0-2](?: , \d)?|3(?! , [1-9])(?: , 0)?|[2-5]\d)\b(?! ?(?:%|persen|tahun|th|thn|kg|gram|gr|g|sendok|spoons?|teaspoons?|sdm|sdt|ribu|rb|menit|hari|jam|kali|x|times|days?|hours?|weeks?|years?|cubes?|sachets?|bungkus|minggu|bulan|months?)\b)/g,
    second: /\b(?:lemas|lemes|lemah|gemetar|gemetaran|keringat\w*|berkeringat|pusing|berkunang|ngantuk|mengantuk|bingung|linglung|mau pingsan|hampir pingsan|tidak kuat|sendirian|weak|weakness|shaky|shaking|trembling|sweat\w*|dizzy|faint|drowsy|confused|alone|on my own|by myself|can barely|barely|can't (?:hold|stand|walk|think|see)|cannot (?:hold|stand|walk)|blurr\w*)\b/g,
  },
  {
    // A young child who swallowed several of someone's tablets: "ade sy ketelen 5 butir obat saya", "kemakan 3 tablet".
    name: "overdose",
    first: /\b(?:kid|child|son|daughter|toddler|baby|grandson|granddaughter|little one|nephew|niece|brother|sister|anak|anakku|bayi|balita|adik|adek|ade|dede|dedek|adikku|cucu|keponakan|ponakan|si kecil|anak kecil|bocah|bocil|(?:umur|usia|umurnya|usianya)(?: baru)? [1-9] (?:tahun|thn|th))\b|\b[1-9] (?:year|yr)s? old\b/g,
    second: /(?<!\b(?:susah|sulit|tidak bisa|payah|bisa|sakit) )\b(?:ketelan|tertelan|termakan|terminum|menelan|telan|swallowed|ate|eaten|salah minum)\b(?: \S+){0,4}? (?:[2-9]|\d\d|dua|tiga|empat|lima|enam|beberapa|banyak|segenggam|several|a few|some|a handful of|handful of|two|three|four|five)(?: [^\s,]+){0,3}? (?:butir|tablet|tablets|pil|pills|biji|kapsul|capsules|strip)\b(?! (?:sehari|per hari|a day|per day|daily|sesuai|as prescribed)\b)/g,
  },
  {
    // A farewell with the means at hand: "bilang selamat tinggal lalu pergi bawa obatnya semua", "jaga anak anak ya,
    // obatnya sudah kuminum semua", "wrote letters to my kids" with the pills.
    name: "suicidal",
    first: /\b(?:selamat tinggal|goodbye|good bye|jaga anak(?: anak)?(?:ku| kita| kami)?|titip anak(?: anak)?|kalau (?:nanti )?(?:aku|saya) (?:sudah )?(?:tidak ada|tiada|pergi|mati)|(?:when|after|if|once) i'm gone|wrote (?:a |some )?(?:letters?|notes?)|(?:nulis|menulis|tulis) surat)\b/g,
    second: /\bobat(?: obat)?(?:nya)?\b(?: \S+){0,4}? (?:semua|semuanya)\b|\b(?:semua obat|all (?:of )?(?:my |the |his |her )?(?:pills|tablet|medicine)|tali|rope|jembatan|bridge|racun|poison|gantung|hang myself|tonight it ends|it ends)\b/g,
  },
  {
    // Pills saved up to be taken together: "obat ini saya kumpulin, malam ini mau saya minum semua".
    name: "suicidal",
    first: /\b(?:pills|tablet|obat(?: obat)?(?:nya)?|medicine)\b(?: \S+){0,3}? (?:kumpulin|kumpulkan|kumpulke|kumpulno|dikumpulin|dikumpulkan|dikumpulke|saya kumpul|simpan simpan|disimpan simpan)\b|\b(?:saved up|been saving|saving up|stockpil\w*|hoard\w*|kumpulin|kumpulkan|ngumpulin|mengumpulkan)\b(?: \S+){0,3}? (?:pills|tablet|obat|medicine)\b/g,
    second: /\b(?:(?:tidak )?(?:untal|nguntal|ntal|ombe|ngombe|tenggak|telen) (?:\S+ )?semua|minum semua|minum semuanya|telan semua|tak(?:e|ing) (?:them |it )?all|swallow (?:them )?all|all at once|sekaligus|want to be here|be here any ?more|tidak (?:mau|ingin) (?:ada|hidup) lagi|sleep forever|tidur selamanya|doesn't matter any ?more|can't (?:take|do) (?:it|this) any ?more|sudah tidak kuat|capek hidup|lelah hidup)\b/g,
  },
  {
    // "I won't be here next week anyway, I've made my decision": gone, and decided.
    name: "suicidal",
    first: /\b(?:won't|will not|wont) be (?:here|around|alive)\b|\btidak akan (?:ada|lama) lagi\b/g,
    second: /\b(?:made (?:up )?my (?:decision|mind)|i've decided|i have decided|(?:sudah|telah) (?:saya |aku )?(?:putuskan|memutuskan)|keputusan(?:ku| saya)|anyway|goodbye|selamat tinggal|for good|forever|selamanya)\b/g,
  },
  {
    // Belongings given away, with a farewell: "semua sudah saya kasih ke orang, makasih ya selama ini".
    name: "suicidal",
    first: /\b(?:barang(?: barang)?|harta|motor|hp|baju|cincin|semua|semuanya)\b(?: \S+){0,3}? (?:bagi|bagikan|dibagi|dibagikan|kasih|dikasih|berikan|diberikan|wariskan)\b(?: \S+){0,2}? (?:ke|kepada|buat|untuk)\b|\b(?:giving|given|gave|give) away\b/g,
    second: /\b(?:terimakasih (?:ya |banyak )?(?:untuk |atas )?selama ini|thanks for everything|pamit|selamat tinggal|goodbye|maafkan|selamanya|kenang kenangan|you were kind to me)\b/g,
  },
  {
    // Yellow eyes or skin (on TB drugs, paracetamol) with vomiting that goes on or drowsiness: liver failure.
    name: "liver_injury",
    first: /\b(?:mata|kulit|badan|muka)(?:nya)?(?: \S+){0,2}? kuning\b|\bjaundice\w*|\byellow (?:eyes|skin)\b|\b(?:eyes|skin) (?:\S+ ){0,2}?(?:yellow|yellowish)\b/g,
    second: /\b(?:(?<!(?:saya|aku|kami) )bingung|linglung|ngelantur|ngantuk berat|mengantuk berat|confused|drowsy|muntah terus|vomiting non stop|keeps vomiting|can't keep anything down|tidak bisa makan)\b/g,
  },
  {
    // Waters broken with fever, green or smelly fluid, or the cord showing.
    name: "pregnancy_warning",
    first: /\b(?:ketuban(?:nya)?\s+(?:\S+\s+)?(?:pecah|rembes|keluar)|air ketuban|waters? (?:\S+ )?(?:broke|broken|has broken|have broken|went|leaking)|water broke)\b/g,
    second: /\b(?:demam|panas|menggigil|fever|shaking|shivering|hijau|green|bau|smell\w*|tali pusat|cord|berdarah|bleeding|darah|blood)\b/g,
  },
  {
    // Pregnant with blurred vision, flashing spots, a severe headache or a fit: pre-eclampsia.
    name: "pregnancy_warning",
    first: /\b(?:hamil|pregnant|kehamilan|mengandung)\b/g,
    second: /\b(?:(?:mata|pandangan|penglihatan)(?:nya|ku)?\s+(?:\S+\s+){0,2}?(?:kabur|buram|berkunang|gelap)|berkunang|kunang kunang|blurr?(?:ed|y) vision|vision (?:\S+ ){0,2}?blurr?(?:ed|y)|seeing (?:spots|stars|flashing lights)|flashing lights|kejang|fit|seizure|kepala(?:nya|ku)? (?:\S+ )?sakit (?:hebat|banget|sekali|parah)|sakit kepala (?:hebat|banget|sekali|parah)|severe headache|pendarahan|perdarahan)\b/g,
  },
  {
    // No urine for many hours with floppiness or vomiting: dehydration (child or adult).
    name: "dehydration",
    first: /\b(?:tidak|belum) (?:kencing|buang air kecil)\b(?: \S+){0,2}? (?:dari|sejak|seharian|sehari|\d+ jam|semalam|kemarin)\b|\b(?:hasn't|has not|haven't|have not|not) (?:peed|weed|urinated|had a wet (?:nappy|diaper))\b|\bno (?:wet )?(?:nappy|nappies|diaper|diapers|pee|urine) (?:in|for|since)\b/g,
    second: /\b(?:lemas|lemah|lunglai|floppy|limp|lethargic|drowsy|sleepy|ngantuk|muntah terus|muntah muntah|vomiting|throwing up|diare|diarrh\w*|tidak (?:mau )?(?:nangis|menangis)|tidak bisa berdiri|bibir kering|mata cekung|sunken)\b/g,
  },
  {
    // A meter that reads "HI" (too high to show) or a sugar in the hundreds of mmol-free mg/dL above 400, with drowsiness,
    // fast breathing or confusion: ketoacidosis or a hyperosmolar state ("meter says HI, breathing fast, not making sense").
    name: "dka",
    first: /\b(?:sugar|gula|glucose|gds|meter|glucometer|glukometer|alat(?: cek)? gula)\b(?: \S+){0,3}? (?:says|shows|showing|reads|reading|read|displays|tulisannya|tulisan|muncul|keluar|baca|cuma|just|only|hanya) (?:just |only |cuma |hanya )?(?:hi|high|h i)\b(?! (?:blood pressure|tensi)\b)|\b(?:sugar|gula|glucose|gds)(?: darah| level| reading)?(?:nya)?\s+(?:(?:saya|aku|nya|ibu|bapak|is|was|sekarang|tadi|naik|sampai|up to|at|of|over|lebih dari|di atas|above)\s+){0,3}(?:[4-9]\d\d)\b/g,
    second: /\b(?:drowsy|very sleepy|hard to wake|confused|confusion|not making sense|making no sense|breathing (?:really |very |so |too )?(?:fast|hard|deep|heavy|heavily|quickly)|fast breathing|rapid breathing|vomiting|throwing up|ngantuk (?:berat|terus|banget|sekali)|mengantuk|bingung|linglung|ngelantur|tidak nyambung|napas(?:nya)? (?:\S+ )?(?:cepat|cepet|dalam|berat|ngos)|muntah|lemas sekali|lemas banget|sangat lemas)\b/g,
  },
  {
    // A bad asthma attack with the inhaler run out: "asma kambuh parah, obat semprot habis", "bad attack and no inhaler left".
    name: "cannot_breathe",
    first: /\b(?:asma|asthma|bengek|mengi)\b(?: \S+){0,2}? (?:kambuh|kumat|attack|serangan)\b(?: \S+){0,1}? (?:parah|berat|hebat|banget|sekali|bad|badly|severe)\b|\b(?:bad|severe|big|serious|terrible) (?:asthma )?attack\b|\b(?:asma|asthma)\b(?: \S+){0,2}? (?:parah|berat|hebat|severe|really bad)\b/g,
    second: /\b(?:inhaler|puffer|ventolin|salbutamol|semprotan|obat semprot|obat asma|obat asthma|pump)(?:nya)?\b(?: \S+){0,2}? (?:habis|kosong|tidak ada|hilang|ketinggalan|run out|ran out|empty|finished|gone|lost|left (?:it )?at)\b|\b(?:no|out of|ran out of|run out of|lost (?:my|his|her)|tidak (?:ada|punya)|kehabisan) (?:\S+ )?(?:inhaler|puffer|ventolin|salbutamol|semprotan|obat semprot)\b/g,
  },
  {
    // A diabetic with deep fast breathing or fruity breath: ketoacidosis.
    name: "dka",
    first: /\b(?:diabetes|diabetic|dm|kencing manis|tipe 1|type 1|gula (?:darah )?(?:tinggi|high))\b/g,
    second: /\bbau (?:kayak |kaya |seperti |kek )?(?:buah|aseton|keton)\b|\bfruity\b|\bsmells? (?:like )?(?:fruit|nail polish|acetone|pear drops)\b|\bnapas(?:nya)? (?:\S+ ){0,2}?dalam\b|\bdeep (?:rapid |fast )?breath\w*|\bketon\w*|\bketone\w*/g,
  },
  {
    // Organophosphate poisoning after spraying crops: drooling, twitching, small pupils.
    name: "poisoning",
    first: /\b(?:nyemprot|menyemprot|semprot)\s+(?:\S+\s+)?(?:sawah|tanaman|padi|kebun|ladang|hama)\b|\b(?:pestisida|insektisida|obat hama|racun hama|racun serangga|pesticide|insecticide|organophosph\w*)\b|\bsprayed (?:the )?(?:crops|fields?)\b/g,
    second: /\b(?:liur|ngiler|air liur|drool\w*|kedutan|twitch\w*|pupil\w*|muntah|sesak|vomit\w*)\b/g,
  },
  {
    // Choking that stops coughing or turns someone blue.
    name: "cannot_breathe",
    first: /\b(?:choked|tersedak|keselek|kesedak)\b/g,
    second: /\b(?:can't|cannot|unable to|tidak bisa) (?:cough|batuk|breathe|bicara|speak|talk|cry|nangis|menangis)\b|\b(?:blue|biru|membiru)\b/g,
  },
  {
    // An accident with a hard belly, pallor or a cold sweat: internal bleeding.
    name: "trauma",
    first: /\b(?:ditabrak|tertabrak|ketabrak|kecelakaan|tabrakan|jatuh dari (?:motor|ketinggian|pohon|tangga|atap|lantai)|hit by a (?:car|motorbike|bike|truck|bus)|(?:car|motorbike|road) (?:accident|crash)|fell from)\b/g,
    second: /\b(?:sakit hebat|nyeri hebat|keras|pucat|keringat dingin|pingsan|bingung|muntah|sesak|pale|cold sweat|confused|vomit\w*|severe pain)\b/g,
  },
  {
    // Bleeding on a blood thinner: blood in the urine or stool, bruises all over, vomiting blood.
    name: "severe_bleeding",
    first: /\b(?:warfarin|simarc|rivaroxaban|xarelto|apixaban|eliquis|dabigatran|pradaxa|clopidogrel|pengencer darah|blood thinners?|antikoagulan|anticoagulant)\b/g,
    second: /\b(?:kencing|pipis|urine|pee|air seni|urin)(?:nya)?\s+(?:\S+\s+){0,2}?(?:merah|darah|berdarah|bloody|red|blood)\b|\bmemar(?: memar)?(?: \S+){0,2}? (?:badan|banyak|di mana mana|sekujur)\b|\bbruis\w* (?:all over|everywhere)\b|\b(?:bab|berak|stool|stools|poo|poop)(?:nya)?(?: \S+){0,2}? (?:hitam|berdarah|black|bloody)\b|\bblood in (?:my |his |her )?(?:urine|pee|stool|poo)\b/g,
  },
  {
    // Black stool with dizziness, fainting or weakness: bleeding from the gut. Black stool alone (iron tablets) is not.
    name: "gut_bleeding",
    first: /\b(?:bab|berak|feses|tinja|kotoran|eek|pup|poop|poo|stools?)(?:nya)?\s+(?:\S+\s+){0,2}?(?:hitam|item|black|tarry)\b/g,
    second: /\b(?:pusing|lemas|lemah|pucat|berkunang|mau (?:jatuh|pingsan)|pingsan|berdebar|deg deg an|deg degan|keringat dingin|muntah|dizzy|lightheaded|faint|weak|pale|palpitations)\b/g,
  },
  {
    // A fever during chemotherapy or with a weakened immune system: neutropenic sepsis.
    name: "sepsis",
    first: /\b(?:kemo|kemoterapi|chemo|chemotherapy|imunosupresan|immunosuppress\w*|neutropeni\w*)\b/g,
    second: /\b(?:demam|panas|menggigil|fever|shivering|rigors|temperature|suhu)\b/g,
  },
  {
    // A fever with mottled or cold skin, confusion or no urine: sepsis.
    name: "sepsis",
    first: /\b(?:demam|panas tinggi|menggigil|fever|shivering)\b/g,
    second: /\bkulit(?:nya)? (?:\S+ )?(?:belang|bercak bercak pucat|pucat dingin)\b|\bmottled\b|\b(?:bingung|linglung|ngelantur|confused)\b|\btidak kencing (?:\S+ )?(?:seharian|sehari|dari pagi|\d+ jam)\b/g,
  },
  {
    // Dengue with a warning sign: bleeding gums, cold hands and feet, vomiting that goes on.
    name: "dengue_warning",
    first: /\b(?:dbd|dengue|demam berdarah)\b/g,
    second: /\b(?:gusi(?:nya)? (?:\S+ )?berdarah|mimisan|(?:tangan|kaki)(?: \S+){0,2}? dingin|muntah terus|perut sakit (?:hebat|sekali|banget)|lemas sekali|tidak kencing|bleeding gums|cold hands)\b/g,
  },
  {
    // Shingles near the eye or on the tip of the nose: the eye may be involved.
    name: "eye_shingles",
    first: /\b(?:cacar api|cacar ular|herpes zoster|zoster|shingles|dompo)\b/g,
    second: /\b(?:mata|eye|eyes|ujung hidung|tip of (?:the|my|his|her) nose)\b/g,
  },
  {
    // A double dose of insulin or diabetes tablets, then shaking or sweating: low blood sugar.
    name: "hypoglycaemia",
    // Also insulin or a sulfonylurea taken and then no meal: "suntik insulin belum makan, gemetar".
    first: /\b(?:insulin|obat (?:diabetes|gula|dm)|diabetes (?:pills|tablets?|medicine))\b(?: \S+){0,6}? (?:[2-9] ?x|[2-9] kali|double|triple|dua kali|tiga kali|dosis ganda|kebanyakan|lebih)\b|\b(?:[2-9] ?x|[2-9] kali|double|triple|dua kali|tiga kali|dosis ganda|kebanyakan|kelebihan|terlalu banyak|overdosis|too much)\b(?: \S+){0,4}? (?:insulin|obat (?:diabetes|gula|dm))\b|\b(?:insulin|obat (?:diabetes|gula|dm)|diabetes (?:pills|tablets?|medicine)|glibenclamide|glimepiride|gliclazide|glipizide)\b(?: \S+){0,4}? (?:belum makan|tidak makan|lupa makan|tanpa makan|skip makan|didn't eat|did not eat|haven't eaten|hasn't eaten|without eating|no food|skipped (?:a |my |his |her |the )?(?:meal|breakfast|lunch|dinner))\b|\b(?:belum makan|tidak makan|didn't eat|haven't eaten|without eating)\b(?: \S+){0,4}? (?:insulin|obat (?:diabetes|gula|dm))\b/g,
    second: /\b(?:gemetar|gemetaran|gemeteran|keringat dingin|keringatan|berkeringat|lemas|pusing|pingsan|bingung|linglung|pandangan kabur|shaky|shaking|sweaty|sweating|trembling|dizzy|confused|drowsy)\b/g,
  },
  {
    // Cold sweat with chest pain or a hand on the chest: a heart attack.
    name: "chest_pain",
    first: /\bkeringat(?:an)? dingin\b|\bcold sweats?\b|\bclammy\b/g,
    second: /\bdada(?:nya|ku)?\b|\bchest\b|\bjantung\b|\bulu hati\b/g,
  },
  {
    // Severe pain that stops someone walking, with fever or vomiting: an acute abdomen.
    name: "acute_abdomen",
    first: /\bperut(?:nya)?\b(?: \S+){0,4}? (?:sakit|nyeri)\b(?: \S+){0,3}? sampai tidak bisa (?:jalan|berjalan|berdiri|bergerak|bangun)\b/g,
    second: /\b(?:demam|panas|muntah|fever|vomit\w*)\b/g,
  },
  {
    name: "meningitis",
    first: /\b(?:demam|panas|fever|febrile|high temperature|suhu(?: badan| tubuh)?\s+(?:tinggi|3[89]|4\d))\b/g,
    second: /\bleher(?:ku|nya)?\s+(?:\w+\s+){0,2}(?:kaku|kencang|tegang)|\bleher(?:ku|nya)?(?: \S+){0,3}? tidak bisa (?:menoleh|nunduk|menunduk|ditekuk|digerakkan)|\bkaku\s+(?:di\s+)?(?:kuduk|leher|tengkuk)|\b(?:kuduk|tengkuk)(?:nya)?\s+(?:\w+\s+)?kaku|\bstiff neck|\bneck (?:is |feels |very )?stiff/g,
  },
  {
    // Swallowing trouble with an allergy sign or swelling: possible angioedema.
    name: "anaphylaxis",
    first: /\b(?:gatal|biduran|bentol|kaligata|alergi|ruam|bengkak|membengkak|hives|itchy|rash|allergic|swelling|swollen)\b/g,
    second: /\b(?:susah|sulit|tidak bisa|sakit|payah)\s+(?:menelan|telan|nelan)\b|\b(?:can't|cannot|trouble|hard to|difficulty) swallow(?:ing)?\b/g,
  },
  {
    // A child who got into someone's tablets: "kid got into my pills", "anak makan obat neneknya".
    name: "overdose",
    first: /\b(?:kid|kids|child|children|son|daughter|toddler|baby|grandson|granddaughter|little one|nephew|niece|anak|anakku|bayi|balita|adik|adek|adikku|adekku|cucu|keponakan|ponakan|si kecil|anak kecil|bocah|bocil)\b/g,
    second: /\b(?:got into|gotten into|get into|getting into|been into)\s+(?:\S+\s+){0,3}?(?:pills|tablet|medicine|capsules|bottle|cabinet|drawer)\b|\b(?:ate|eaten|eating|swallowed|chewed|chewing|drank|got hold of)\s+(?!(?:a|an|one|the)\s+(?:pills|tablet|medicine|capsules)\b)(?:(?!his\b|her\b|their\b|then\b|and\b|took\b|fine\b)\S+\s+){0,5}?(?:pills|tablet|medicine|capsules|blister)\b|\b(?:makan|memakan|menelan|telan|mengunyah|ngunyah|ngemut|termakan|terminum|minum|meminum|nemu|menemukan|ambil|mengambil|mainan|main)\s+(?:\S+\s+){0,1}(?:obat|pil|tablet|kapsul|vitamin)\b(?:\s+\S+){0,3}?\s+(?<!\b(?:anak|anakku|adik|adek|bayi|cucu|balita|keponakan|ponakan|si kecil) )(?:saya|ku|aku|punya|milik|orang tua|dewasa|(?:nenek|kakek|ibu|bapak|mama|papa|ayah|mbah|tante|om|kakak|eyang|oma|opa)(?:nya|ku)?)\b|\b(?:drank|drunk|drink|swallowed|minum|meminum|menelan|telan|terminum)\b(?: \S+){0,3}? (?:cough syrup|syrup|sirup|obat batuk)\b(?: \S+){0,4}? (?:half|whole|setengah|sebotol|bottle|botol)\b|\b(?:took|taken|ate|swallowed)\s+(?:some|a few|several|a bunch|a handful|lots|most|all)\s+of\s+(?:\S+\s+){0,2}?(?:pills|tablet|medicine|capsules)\b|\b(?:menghabiskan|habiskan)\s+(?:\S+\s+)?(?:sebotol|satu botol|setengah botol|satu strip|sekotak)\b/g,
  },
  {
    // An arm, leg or hand on one side gone dead, numb or weak, and it came on suddenly or with a second sign:
    // "my arm and leg on the left went dead all of a sudden". A numb leg after sitting is not a stroke.
    name: "stroke",
    first: /\b(?:left|right)\s+(?:arm|leg|hand|foot|side)s?\b(?: \S+){0,3}? (?:dead|numb|weak|limp|heavy|paralys\w*|paralyz\w*|floppy|not moving|won't move|can't move)\b|\b(?:arm|leg|hand)s?\b(?: \S+){0,4}? (?:on (?:the|his|her|my) )?(?:left|right)\b(?: side)?(?: \S+){0,3}? (?:dead|numb|weak|limp|heavy|paralys\w*|paralyz\w*|floppy)\b/g,
    second: /\b(?:suddenly|sudden|all of a sudden|out of nowhere|tiba tiba|mendadak|arm and leg|leg and arm|arm and face|face|mouth|speech|talk\w*|speak\w*|words|bicara|confused)\b/g,
  },
  {
    // A blow to the head followed by vomiting, drowsiness or confusion.
    name: "head_injury",
    first: /\b(?:kepala(?:nya)?\s+(?:\S+\s+)?(?:terbentur|kebentur|dibentur|terantuk|kejedot|jedot|terhantam)|(?:terbentur|kebentur|jatuh)\s+(?:\S+\s+)?kepala|(?:hit|hits|banged|bumped|knocked|smacked) (?:his|her|my|their|the) head|head (?:injury|first)|fell on (?:his|her|my) head)\b/g,
    second: /\b(?:muntah|vomit\w*|threw up|throwing up|ngantuk|mengantuk|drowsy|sleepy|confused|bingung|pingsan|passed out|blacked out|not making sense|ngelantur|kejang|seizure|pupil\w*|tidak sadar)\b/g,
  },
  {
    // Low blood sugar with confusion, drowsiness or a cold sweat.
    name: "hypoglycaemia",
    first: /\b(?:hypo\b|hypoglyc\w*|(?:sugar|gula|glucose|gds)(?: darah| level| reading| meter)?(?:nya)?\s+(?:\S+\s+){0,2}?(?:low|rendah|drop\w*|turun|anjlok|lo\b|\d))/g,
    second: /\b(?:confused|confusion|disoriented|not making sense|can't wake|drowsy|ngelantur|linglung|tidak nyambung|meracau|ngigau|keringat dingin|cold sweats?)\b/g,
  },
  {
    name: "infant_unwell",
    first: /\b(?:bayi|baby|newborn|infant)\b|\b(?:umur|usia|berumur|aged?)\s+(?:[0-9]|1[01])\s?(?:bulan|bln|months?)\b|\b(?:[0-9]|1[01])\s?(?:bulan|bln|months?) old\b|\b(?:anak|son|daughter)(?: saya| ku| my)?\s+(?:[0-9]|1[01])\s?(?:bulan|bln)\b/g,
    second: /\b(?:lemas sekali|lemas banget|sangat lemas|lunglai|tidak mau menyusu|tidak mau nyusu|tidak mau minum asi|napas(?:nya)? (?:cepat|cepet) (?:sekali|banget)|tidak kencing|floppy|limp|tidak (?:mau )?(?:nangis|menangis)|demam tinggi|panas tinggi|high fever|(?:demam|panas|suhu(?:nya)?) (?:3[89]|4\d)|fever (?:of )?(?:3[89]|4\d|10[2-5]))\b/g,
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
  `(?:^| )(?:${[...NEGATORS].join("|")})(?: (?:ada|have|had|any|merasa|mengalami|pernah|terasa|feel|feeling|get|got|experience|experienced|a|an|lagi|kok|sih|juga|sampai|ever|more|sign|signs|of|thoughts|thought|pikiran|niat|intention|plans?|urge|thinking|think|planning|going|gonna|to|about|berpikir|mikir|kepikiran|berniat))*$`,
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
// "apa tanda tanda stroke?", "what are the signs of a heart attack?": asking about a sign, not having it.
const ASKING_ABOUT_SIGNS = /\b(?:tanda|tanda tanda|gejala|gejala gejala|ciri|ciri ciri|signs?|symptoms?|warning signs?)(?: (?:of|dari|awal|awalnya))?(?: a| an)? $/;
const NOW_WORDS = /\b(?:sekarang|now|right now|begini|gini|tolong|help|segera)\b/;

function isSideEffectQuestion(text: string, index: number): boolean {
  if (!text.includes("?")) return false;
  if (ASKING_ABOUT_SIGNS.test(text.slice(Math.max(0, index - 30), index)) && !NOW_WORDS.test(text)) return true;
  const clauseStart = text.lastIndexOf(",", index) + 1;
  const before = text.slice(clauseStart, index);
  if (SIGN_AS_SUBJECT.test(text.slice(index).replace(/^\S+(?: \S+)?/, ""))) return !NOW_WORDS.test(text);
  return SIDE_EFFECT_QUESTION.test(before) && !/\b(?:sekarang|now|right now|begini|gini|tolong|help|segera)\b/.test(text);
}

// A sign told as history: a past-time cue in its own clause AND a later statement that it is over
// or was dealt with ("seminggu lalu sempat pingsan, sekarang sudah baikan"). Both are required, so
// "kemarin pingsan, sekarang masih lemas" still counts, and so does a new sign in another clause.
const PAST_CUE =
  /\b(?:malam tadi|semalam|semalem|tadi pagi|tadi malam|tadi siang|sempat|sempet|sebentar|sesaat|briefly|last night|earlier|this morning|kemarin|kemarin dulu|lusa kemarin|(?:se)?minggu lalu|(?:se)?bulan lalu|(?:se)?tahun lalu|hari lalu|(?:\d+|beberapa|dua|tiga|empat|lima) (?:hari|minggu|bulan|tahun) (?:yang )?lalu|dulu|pernah|riwayat|waktu itu|last (?:week|month|year|night|time)|yesterday|years? ago|months? ago|weeks? ago|days? ago|used to|in the past|back in)\b/;
const PRESENT_CUE = /\b(?:sekarang|barusan|lagi|masih|sedang|now|still|right now|currently|again|kambuh)\b/;
const OVER_CUE =
  /\b(?:(?:sekarang|skrg) (?:sudah |udah )?(?:baikan|membaik|sembuh|sehat|baik baik|baik|aman|normal|enakan|mendingan|tidak apa apa)|sudah (?:sembuh|baikan|membaik|sehat|normal|aman|diperiksa|periksa|ke dokter|dirawat|pulang|ditangani|diobati|tidak apa apa)|diperiksa dokter|kata dokter|dokter bilang|katanya|(?:it's|its|all|i'm|im|everything's|everything is|i am) (?:fine|ok|okay|better|good|well) now|(?:ok|oke|baik|aman|lega) sekarang|(?:fine|ok|okay|better|good|well) now|now (?:fine|ok|okay|better|good)|recovered|resolved|checked by (?:a |the )?doctor|doctor said|(?:sekarang|now) (?:sudah |already )?(?:(?:jauh )?lebih baik|hilang|lega|enak|enakan|biasa|biasa saja|sadar|tidak (?:sakit|sesak|apa apa|kambuh))|sudah (?:hilang|berhenti|lega|reda|terkontrol|sadar)|(?:sekarang|now) (?:sudah |cuma |hanya |tinggal |just |only )?(?:tidak lagi|not anymore|no more|cuma|hanya|tinggal|just|only)|no longer|terkontrol|controlled|langsung (?:lega|enak|enakan|hilang|reda|membaik)|(?:dibilang|katanya|said (?:it was|it's)) (?:aman|tidak apa apa|fine|ok|nothing)|said it was\b|(?:none|nothing|not once|no more|no others?) since|(?:haven't|have not|hasn't|has not) had (?:one|any|another)(?: \S+)? since|(?:tidak|belum) (?:pernah )?(?:kambuh|kejang|terjadi|muncul|kumat)(?: \S+)? lagi|sejak itu (?:tidak|belum|aman))\b/;

// "but" and "tapi" open a new clause for this check: "kemarin sempat sesak tapi sekarang sudah enakan". "lalu" is
// "then" except after a span of time: "minggu lalu" is "last week" and stays in its clause.
const CLAUSE_BREAK = / (?:,|tapi|but|namun|cuma|however|trus|terus|and then|(?<!(?:minggu|bulan|tahun|hari|jam|malam) )lalu) /g;

function clauseAround(text: string, index: number, end: number): string {
  let start = 0;
  let stop = text.length;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    if (match.index + match[0].length <= index) start = match.index + match[0].length;
    else if (match.index >= end) {
      stop = match.index;
      break;
    }
  }
  return text.slice(start, stop);
}

// An age or a year back places the sign in the distant past on its own: "dulu pernah kejang waktu umur 1 tahun".
const REMOTE_PAST =
  /\b(?:waktu|ketika|saat|pas|sewaktu) (?:masih )?(?:umur|usia|kecil|bayi|balita|sd|smp)\b|\b(?:when (?:i|he|she) was (?:a baby|a child|little|young|\d+))\b|\b(?:\d+|beberapa|dua|tiga) tahun (?:yang )?lalu\b|\b(?:\d+|a few|several|two|three) years ago\b/;

function isToldAsHistory(text: string, index: number, end: number): boolean {
  const clause = clauseAround(text, index, end);
  if (!PAST_CUE.test(clause) || PRESENT_CUE.test(clause)) return false;
  return REMOTE_PAST.test(clause) || OVER_CUE.test(text.slice(end));
}

// "obat kejang anak saya", "obat sesak": the sign names what the medicine is for.
const MEDICINE_FOR = /\b(?:obat|obatnya|ubat|anti) $/;

// "muka bengkak kayak bulan" after steroids: a known side effect, not the airway swelling.
const MOON_FACE = /\b(?:kayak|kaya|seperti|like a|like the) bulan\b|\bmoon ?face\b|\bbulat seperti bulan\b/;

// "sudah dibawa ke IGD ..., sekarang sudah sehat": the emergency department was yesterday's.
const PAST_VISIT = /\b(?:sudah|sempat|pernah|kemarin|dibawa|diperiksa|dirawat|pulang|already|went|been|was taken)\b(?: \S+){0,3} $/;

// "agak sesak kalau jalan jauh": mild breathlessness on exertion is a symptom to report, not a 999 call.
const MILD_BEFORE = /(?:^| )(?:agak|sedikit|dikit|kadang|kadang kadang|sesekali|a bit|a little|slightly|mildly|bit)(?: saya| aku)? $/;
const ON_EXERTION =
  /\b(?:walking|climbing|running|going) (?:up|upstairs|uphill|the stairs|stairs)\b|\b(?:kalau|saat|pas|habis|when) (?:\S+ )?(?:kecapekan|kelelahan|capai|capek)\b|\bnaik tangga\b|\bjalan jauh\b|\b(?:kalau|saat|waktu|pas|habis|setelah|sesudah|tiap|when|after|if|on)\s+(?:\w+\s+)?(?:jalan|berjalan|naik|olahraga|capek|kerja|bekerja|lari|beraktivitas|aktivitas|angkat|walking|climbing|exercise|exercising|stairs|running|exertion)/;

// "dada panas abis makan pedas, asam lambung naik", "sakit dada dikit pas batuk": mild chest pain with a named
// harmless cause. Any sign of severity keeps it an emergency ("nyeri dada hebat, keringat dingin, mungkin maag").
const BENIGN_CHEST_CAUSE =
  /\b(?:asam lambung|maag|mag|gerd|heartburn|acid reflux|pedas|spicy|batuk|coughing|cough|(?:kalau|saat|pas|waktu|when) ditekan|pressed on|otot|muscle|fitness|gym|olahraga|angkat beban)\b/;
const SEVERE_CUE =
  /\b(?:hebat|banget|sekali|parah|sangat|luar biasa|menjalar|keringat dingin|pingsan|tolong|segera|severe|crushing|spreading|radiating|cold sweat|really bad|so bad|worst)\b/;

function isBenignChest(text: string): boolean {
  return BENIGN_CHEST_CAUSE.test(text) && !SEVERE_CUE.test(text.replace(/\b(?:tidak|no|not|without|tanpa) \S+/g, ""));
}

// "chest feels a bit tight in the cold, settles with my inhaler", "sesak dikit, pake semprotan baru bisa tidur": a mild
// chest or breathing sign that the patient's own inhaler or rest relieves is a symptom to report. Mild must be said at
// the sign, the relief must be named, and nothing may say it is severe or that the inhaler does not help.
const MILD_WORD = /\b(?:agak|sedikit|dikit|a bit|a little|slightly|mildly|bit|kadang|sometimes|abit)\b/;
const RELIEVED =
  /\b(?:settles|settle|settled|eases|eased|goes away|went away|gets better|got better|better|relieved|fine|helps|helped|ok|okay)\b(?: \S+){0,2}? (?:with|after|once|when i use) (?:my |the |a |his |her )?(?:inhaler|puffer|spray|ventolin|salbutamol|rest|resting)\b|\b(?:inhaler|puffer|ventolin|salbutamol)\b(?: \S+){0,2}? (?:helps|helped|sorts it|fixes it|works)\b|\b(?:pakai|pake|habis|setelah|sesudah|dikasih|kasih|hirup|semprot)\b(?: \S+){0,1}? (?:semprotan|inhaler|obat semprot|ventolin|salbutamol|nebu|nebul|uap)\b(?: \S+){0,3}? (?:baru )?(?:bisa (?:tidur|napas)|lega|hilang|reda|enakan|membaik|mendingan|aman)\b|\b(?:hilang|reda|lega|enakan|membaik|mendingan)\b(?: \S+){0,2}? (?:setelah|habis|pakai|pake|dengan|kalau) (?:\S+ )?(?:semprotan|inhaler|obat semprot|ventolin|istirahat)\b/;
const NOT_RELIEVED =
  /\b(?:berat|hebat|parah|makin|tidak mempan|tidak membantu|tidak ngefek|not helping|doesn't help|does not help|isn't working|not working|barely|can't|cannot|tidak bisa (?:napas|bicara)|biru|blue|keringat dingin|cold sweat|pingsan|menjalar|spreading|radiating|crushing|worst|severe|tolong|help)\b/;

function isMildAndRelieved(text: string, index: number, end: number): boolean {
  const around = text.slice(Math.max(0, index - 25), Math.min(text.length, end + 12));
  return MILD_WORD.test(around) && RELIEVED.test(text) && !NOT_RELIEVED.test(text);
}

// "hampir pingsan liat tagihan listrik wkwk": nearly fainting at a bill, a price or a sight, said with a laugh.
const NEARLY_BEFORE = /\b(?:hampir|nyaris|mau|rasanya mau|serasa mau|almost|nearly|about to)(?: \S+)? $/;
const AT_A_SIGHT = /\b(?:lihat|melihat|liat|dengar|denger|baca|tagihan|harga|gaji|nilai|skor|bill|price|prices|seeing|saw|hearing|reading)\b/;

function isJokingFaint(text: string, index: number): boolean {
  return NEARLY_BEFORE.test(text.slice(Math.max(0, index - 25), index)) && LAUGHING.test(text) && AT_A_SIGHT.test(text);
}

// "kalau overdosis bahaya tidak?": a sign inside an if-clause of a question about risk.
const HYPOTHETICAL_OPENER = /\b(?:kalau|jika|bila|apabila|seandainya|andaikan|misalnya|misal|if|what if|in case|suppose)\b/;
const ABOUT_RISK =
  /\b(?:pertolongan pertama(?:nya)?|first aid|jaga jaga|just in case|for the future|(?:what|which) (?:signs?|symptoms?)|look out for|watch (?:out )?for|(?:di)?waspadai|kapan (?:harus|perlu|sebaiknya|mesti)|when (?:should|do|must) (?:i|we) (?:go|call|take|bring|see|worry)|when to (?:go|call|worry)|nomor darurat|emergency number|buat jaga|(?:harus|mesti|sebaiknya|perlu) (?:bagaimana|ke mana|kemana|ngapain|apa)|apa yang (?:harus|mesti|sebaiknya)|what should|where should|should i (?:go|call|do)|what do (?:i|we) do|bahaya|berbahaya|aman|normal|wajar|apa yang terjadi|akibatnya|efeknya|fatal|dangerous|safe|harmful|what happens|would happen|serious)\b/;
const NOW_CUE = /\b(?:sekarang|now|right now|begini|gini|tolong|help|segera|barusan|baru saja|just now|sedang|lagi|tadi|currently|at the moment|saat ini)\b/;
// A question that opens with "if" ("kalau anak nelan obat ..., nomor darurat apa?") is hypothetical in all its clauses.
const OPENS_HYPOTHETICAL = /^(?:\S+ ){0,2}(?:, )?(?:kalau|jika|bila|apabila|seandainya|andaikan|misalnya|misal|if|what if|in case|suppose)\b/;
// "if my dad ever has a stroke": one day, not today. Not a bare "ever" ("worst headache ever, what should I do?").
const EVER_HAS = /\bever (?:has|have|gets|get|goes|go|happens|becomes)\b/;
// "apa bedanya sakit dada biasa sama serangan jantung?": comparing signs, not having one.
const TELLING_APART = /\b(?:apa bedanya|bedanya|apa beda|perbedaan|membedakan|difference between|how (?:do|can) (?:i|you|we) tell)\b/;

// "should I worry about overdosing?", "apa ada risiko kejang?": the sign is a worry, not an event.
const RISK_BEFORE = /\b(?:worry|worried|worrying|risk|risks|risiko|resiko|khawatir|takut|chance|chances|possible|possibility|kemungkinan)\b(?: \S+){0,3} $/;

function isHypotheticalQuestion(text: string, index: number): boolean {
  if (!text.includes("?") || NOW_CUE.test(text)) return false;
  const clauseStart = text.lastIndexOf(",", index) + 1;
  const before = text.slice(clauseStart, index);
  if (RISK_BEFORE.test(before) || TELLING_APART.test(before)) return true;
  const opener = HYPOTHETICAL_OPENER.test(text.slice(clauseStart, index)) || OPENS_HYPOTHETICAL.test(text) || EVER_HAS.test(text);
  return opener && ABOUT_RISK.test(text);
}

// "hp saya mau mati" (the phone battery), "mau mati lampu" (a power cut): not about the patient.
const THING_BEFORE =
  /\b(?:hp|hape|handphone|ponsel|baterai|batre|batere|batrai|lampu|listrik|motor|mobil|mesin|laptop|wifi|internet|sinyal|tanaman|pohon|ikan|ayam|kucing|anjing|aki|kulkas|tv)\b(?: \S+){0,2} $/;
const THING_AFTER = /^ (?:lampu|listrik|gaya|kutu|rasa)\b/;

// "ketawa sampai mau mati 😂", "capek banget mau mati rasanya ngerjain tugas kantor": a figure of speech when the
// message laughs or blames work or a chore for the tiredness. Only the loose "mau mati" is read this way; a wish
// ("mau mati aja", "ingin mati", "pengen mati") or any word about living or dying still counts.
const LAUGHING = /\b(?:emolaugh|wkwk\w*|haha\w*|hehe\w*|lol|lmao|ngakak|ketawa|tertawa|lucu)\b/;
const TIRED_FROM_WORK =
  /\b(?:capek|cape|capai|lelah|pegal|pegel)\b(?=.*\b(?:kerja|bekerja|ngerjain|mengerjakan|tugas|kantor|ladang|sawah|kebun|lembur|deadline|skripsi|cucian|nyuci|beres beres|angkat|jemuran|bos|macet)\b)/;
const LIFE_WORDS = /\b(?:hidup|bunuh|nyawa|tali|selamanya|pamit)\b/;

function isFigureOfSpeech(text: string, index: number, end: number): boolean {
  if (text.slice(index, end) !== "mau mati" || text.startsWith(" saja", end) || LIFE_WORDS.test(text)) return false;
  return LAUGHING.test(text) || TIRED_FROM_WORK.test(text);
}

// "ibu saya dulu meninggal karena stroke", "my dad died of a heart attack": the cause of someone's death, not a sign now.
// Not "hampir meninggal karena sesak" or "bisa meninggal karena" (nearly or possibly dying).
const DIED_OF =
  /(?<!\b(?:hampir|nyaris|mau|akan|bisa|bakal|takut|almost|nearly|could|might|will|going to|gonna) )\b(?:meninggal|wafat|berpulang|died|passed away|passed|death)(?: dunia)?(?: \S+){0,2}? (?:karena|akibat|gara gara|krn|kena|of|from|due to|after|caused by)(?: (?:a|an|the|his|her|serangan))? $/;

function signCounts(text: string, name: string, index: number, end: number): boolean {
  if (DIED_OF.test(text.slice(Math.max(0, index - 45), index))) return false;
  if (name === "suicidal" && (THING_BEFORE.test(text.slice(Math.max(0, index - 30), index)) || THING_AFTER.test(text.slice(end)))) return false;
  if (name === "suicidal" && isFigureOfSpeech(text, index, end)) return false;
  if (isNegatedAt(text, index) || isSideEffectQuestion(text, index) || isHypotheticalQuestion(text, index)) return false;
  if (SIGN_RESOLVED.test(text.slice(end))) return false;
  if (isToldAsHistory(text, index, end)) return false;
  if (name === "cannot_breathe" && MILD_BEFORE.test(text.slice(Math.max(0, index - 25), index)) && ON_EXERTION.test(text)) return false;
  if (name === "chest_pain" && isBenignChest(text)) return false;
  if ((name === "chest_pain" || name === "cannot_breathe") && isMildAndRelieved(text, index, end)) return false;
  if (name === "unconscious" && isJokingFaint(text, index)) return false;
  if (MEDICINE_FOR.test(text.slice(Math.max(0, index - 12), index))) return false;
  if (name === "anaphylaxis" && MOON_FACE.test(text)) return false;
  if (name === "emergency_call" && PAST_VISIT.test(text.slice(Math.max(0, index - 30), index)) && OVER_CUE.test(text.slice(end))) return false;
  return true;
}

// exec on the shared global pattern rather than matchAll, which clones the RegExp on every call (some fifty
// sign patterns run on every message); lastIndex is reset before and after.
function firstCounting(text: string, pattern: RegExp, name: string): boolean {
  pattern.lastIndex = 0;
  let counted = false;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (signCounts(text, name, match.index, match.index + match[0].length)) {
      counted = true;
      break;
    }
    if (match[0] === "") pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return counted;
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

const STOP_WORD = "(?:stop|berhenti|unsubscribe|unsubscribed|unreg|optout|opt out|cancel|keluar|quit|end|cease|discontinue|henti|hentikan|dihentikan|distop|stopkan|udahan|sudahi|sudahan)";
const START_WORD = "(?:start|mulai|subscribe|resubscribe|unstop|resume|aktifkan|aktif)";
// Filler that may surround a bare command without changing it.
const FILLER = "(?:lah|dulu|ah|deh|dah|tolong|mohon|please|kak|pak|bu|dokter|saja|ya|dong|deh|sekarang|sudah|now|ok|semua|all|lagi|again|nya|sih|aja|yaa|emoneg|emothanks|saya|aku|mau|ingin|pengen|minta|i|want|to|it|this|these|that|already|cukup|,|\\?)";

// A bare "cukup" ("enough") or "sudah cukup" as the whole reply also means stop; inside a sentence it does not.
const BARE_STOP = new RegExp(`^(?:${FILLER} )*(?:${STOP_WORD}|cukup)(?: (?:${FILLER}|${STOP_WORD}))*$`);
const BARE_START = new RegExp(`^(?:${FILLER} )*${START_WORD}(?: (?:lagi|again|kembali|ulang))?(?: ${FILLER})*$`);

const MESSAGES =
  "(?:(?:kirim|kirimkan|mengirim|mengirimkan|dikirim|dikirimi|pesan|pengingat|reminder|reminders|notifikasi|notif|sms|wa|whatsapp|chat|langganan|berlangganan|layanan|program|broadcast|ingatkan|diingatkan|mengingatkan|pengingatan)(?:nya)?|messages|message|texts|texting|text|msg|msgs|sending|notifications|alerts|subscription|service|spam|communication|communications|correspondence)";
// Verbs that switch our messages off ("matikan pengingatnya", "turn off reminders").
const SWITCH_OFF = "(?:matikan|dimatikan|nonaktifkan|dinonaktifkan|blokir|diblokir|block|mute|disable|deactivate|turn off|switch off|offkan|off kan|hentikan|berhentikan|cabut|batalkan|batalin|cancel)";

const STOP_PHRASES: ReadonlyArray<RegExp> = [
  /\b(?:no longer|don't|do not|dont|never) (?:want|need|wish to (?:get|receive)) (?:to (?:get|receive) )?(?:\w+\s+){0,3}(?:messages|reminders|texts|notifications|alerts)\b/,
  /\b(?:mohon|tolong|please|harap)\s+(?:untuk\s+)?(?:tidak|jangan)\s+(?:\w+\s+){0,2}(?:dikirim|kirim|dikirimi|mengirim|mengirimkan|dikirimkan|kirimkan|dihubungi|hubungi|menghubungi|diingatkan|ingatkan)\b/,
  /\btidak (?:mau|ingin|perlu|butuh) (?:lagi )?(?:menerima|terima|dapat|mendapat|dikirimi|dapet)\s+(?:\w+\s+){0,2}(?:pesan|pengingat|reminder|sms|wa|chat|notif)/,
  /\btidak (?:butuh|perlu|usah) (?:lagi )?(?:\S+ )?(?:pengingat|reminder|pesan|notif|notifikasi)(?:nya)? (?:lagi|anymore)\b/,
  // The sending named first: "kirim ke nomor saya tidak usah lagi", "pengingatnya tidak perlu lagi".
  /\b(?:kirim|dikirim|mengirim|ingatkan|diingatkan|pengingat|reminder)(?:nya)?\b(?: \S+){0,4}? (?:tidak usah|tidak perlu) (?:lagi|anymore)\b/,
  // "makasih selama ini, tapi mulai sekarang stop aja"
  /\b(?:mulai sekarang|from now on|mulai hari ini|mulai besok|starting today)\s+(?:\S+\s+)?(?:stop|berhenti|unsubscribe|tidak usah (?:kirim|dikirim|diingatkan|ingatkan))\b/,
  // A relative telling us the patient has died.
  /\b(?:sudah|telah|baru saja)\s+(?:(?!hampir|mau|nyaris|akan)\w+\s+)?(?:meninggal|wafat|berpulang|tiada)\b|\balmarhum(?:ah)?\b|\b(?:has|had) (?:passed away|died)\b|\bpassed (?:away|peacefully)\b/,
  new RegExp(`\\b${SWITCH_OFF}\\s+(?:\\w+\\s+){0,2}${MESSAGES}\\b`),
  new RegExp(`\\b${MESSAGES}\\s+(?:\\w+\\s+){0,2}(?:off|dinonaktifkan|diblokir|dimatikan|dibatalkan|tidak perlu lagi|tidak usah lagi|tidak dibutuhkan lagi|sudah cukup)\\b`),
  // "sudah cukup remindernya", "cukup sampai di sini ya"
  new RegExp(`\\bcukup\\s+(?:sampai (?:di )?sini\\s+)?(?:saja\\s+)?${MESSAGES}\\b|\\bcukup sampai (?:di )?sini\\b`),
  // A clause that is only the command: "ganggu banget, stop!", "sudah minum, unsubscribe"
  /(?:^|, )(?:stop|unsubscribe|opt out|optout)(?: (?:saja|ya|dong|deh|please|sekarang|lah|semua|all|it|now|kak|pak|bu))*(?: ,|$)/,
  /\b(?:jangan|tidak usah)\s+(?:\w+\s+)?(?:mengganggu|spam|nyepam|teror|meneror)\b|\b(?:stop|berhenti)\s+(?:mengganggu|spam|spamming|meneror)\b/,
  new RegExp(`\\b(?:don't|do not|no longer|never) want (?:\\w+\\s+){0,3}${MESSAGES}\\b`),
  // "no more reminders", "don't send these messages".
  new RegExp(`\\bno (?:more|further) (?:of )?(?:\\S+\\s+){0,2}?${MESSAGES}\\b|\\b(?:don't|do not|dont|never)\\s+(?:\\S+\\s+)?(?:send|sending|text|texting|message)\\s+(?:\\S+\\s+){0,2}?${MESSAGES}\\b`),
  /\btidak (?:mau|ingin) (?:ikut|lanjut|melanjutkan) (?:\w+\s+){0,1}(?:program|layanan|langganan)\b/,
  new RegExp(`\\b${STOP_WORD}\\s+(?:\\w+\\s+){0,3}${MESSAGES}\\b`),
  // Not "remindernya nanti berhenti otomatis?" (asks whether they end by themselves).
  new RegExp(`\\b${MESSAGES}\\s+(?:\\w+\\s+){0,3}(?:stop|berhenti|dihentikan|distop|dimatikan|matikan|hentikan|tidak usah lagi|cukup)\\b(?! (?:otomatis|sendiri|automatically|by (?:itself|themselves)|on (?:its|their) own))`),
  new RegExp(`\\b(?:jangan|tidak usah|tidak perlu|tidak mau|tidak ingin|gausah|usah)\\s+(?!lupa)(?:\\w+\\s+){0,2}(?:kirim|dikirim|mengirim|dikirimi|kirimi|hubungi|menghubungi|dihubungi|chat|wa|sms|pesan|pengingat|reminder|diingatkan|ingatkan|mengingatkan|layanan|program|notif|notifikasi|langganan)(?:nya)?\\b`),
  /\b(?:don't|do not|dont|never)\s+(?:\w+\s+){0,1}(?:send|message|text|contact|remind|msg)\s+me\b/,
  /\b(?:stop|quit)\s+(?:sending|texting|messaging|contacting|reminding|bothering|spamming)\b/,
  /\b(?:remove|delete)\s+(?:me|my number)\b|\bhapus\s+(?:nomor|no|saya|aku|kontak)\b|\bopt\s*out\b/,
  /\b(?:keluar|berhenti)\s+(?:dari\s+)?(?:grup|group|program|layanan|langganan|daftar|list)\b/,
  /\b(?:unsubscribe|unreg)\b/,
  /\b(?:keluarkan|hapus|hapuskan|coret)\s+(?:saya|aku|nomor saya|nomor ini|no saya)\b/,
  /\b(?:mau|ingin|pengen)\s+keluar\s+(?:dari\s+)?(?:sini|program|layanan|grup|pengingat|careloop)\b/,
];

// Concept classes for opt-outs phrased as a request: a verb class and an object class within a short window.
// The person or number to be taken off our list.
const PERSON_OBJ =
  "(?:me|us|(?:him|her)(?= ,|$| from| off| out| dari| please| pls)|saya|aku|kami|nomorku|(?:my|this|our|his|her)\\s+(?:phone\\s+|mobile\\s+|whatsapp\\s+|wa\\s+)?(?:number|details|data|contact|name|account)|(?:nomor|no|data|kontak)(?:\\s+(?:hp|wa|telepon|telpon))?\\s+(?:saya|aku|ini|kami|ibu|bapak|ku|kita))";
// Verbs that take a person or a number off a list.
const REMOVE_VERB =
  "(?:remove|removing|delete|deleting|erase|unreg|unsubscribe|cabut|hapus|dihapus|keluarkan|dikeluarkan|coret|dicoret|copot)";
// A list, service or programme that one can be taken off.
const OUR_LIST = `(?:${MESSAGES}|list|mailing list|daftar(?! obat)|program|programme|sistem|system|database|grup|group|careloop)`;
// Ways to reach someone, for "don't contact me", "stop texting this number".
const CONTACT_VERB =
  "(?:contact|contacting|message|messaging|text|texting|msg|send|sending|remind|reminding|call|calling|whatsapp|whatsapping|ping|pinging|bother|bothering|spam|spamming)";
const CONTACT_TARGET =
  "(?:me|us|him|her|this number|my number|this phone|(?:my|our) (?:mum|mom|mother|dad|father|husband|wife|son|daughter|grandma|grandmother|gran|nan|grandad|grandfather|grandpa|patient))";
// Complaints about our messages ("saya keberatan dikirimi pesan", "sick of these reminders").
const COMPLAINT =
  "(?:keberatan|terganggu|bosan|bosen|muak|jenuh|capek|cape|lelah|risih|sebal|sebel|kesal|kesel|annoyed|annoying|sick of|tired of|fed up|enough with|enough of|done with|not interested in|no longer interested in|tidak tertarik|hate|benci)";
const COMPLAINT_TARGET =
  "(?:layanan(?:nya)?|program(?:nya)?|service|programme|alerts|sms(?:nya)?|wa(?:nya)?|whatsapp|dikirimi|dikirim|diingatkan|mengingatkan|pengingat(?:nya)?|reminder(?:s|nya)?|notif(?:ikasi)?(?:nya)?|notifications|messages|texts|pesan(?:nya)?(?! dokter)|chat(?:nya)?|the messages|di ?wa|di ?chat|di ?sms|dichat|dispam)";
// "these" or "them" standing alone for our messages: nothing but a clause end or filler after it
// ("sick of these, stop" but not "sick of these headaches").
const THESE_ALONE =
  "(?:these|them|those|this)(?= ,| \\?|$| (?:please|pls|anymore|any more|every|each|all the time|already|now|thanks|terimakasih|lagi|terus|ya)\\b)";
// Treatment over, patient recovered or moved on: the reason a reminder is no longer needed.
const NO_LONGER_NEEDED_REASON =
  "(?:selesai|tuntas|sembuh|sudah sehat|ganti dokter|pindah|finished|done with|completed|complete|over|recovered|cured|better now|switched|switching|moved|moving)";

// The first entry is skipped in a message with a "?" ("kalau mual, berhenti saja?" asks about the medicine).
const REQUEST_PHRASES: ReadonlyArray<RegExp> = [
  // A clause that is only a stop command, with politeness around it: "tolong stop, ...", "mohon dihentikan".
  /(?:^|, )(?:(?:tolong|mohon|please|pls|kindly|harap|minta|ok|okay|oke|udah|sudahlah|udahlah|just)\s+)*(?:stop|berhenti|unsubscribe|unreg|opt out|optout|dihentikan|distop|hentikan|berhentikan|stopkan|udahan|sudahi|sudahan|cease|discontinue|deactivate|cukup|no more|enough|dihapus|hapus|hapuskan|dikeluarkan)(?: (?:saja|ya|yaa|dong|deh|lah|la|please|pls|sekarang|semua|semuanya|all|it|now|already|kak|pak|bu|dokter|sih|nya|woi|woy|emoneg|thanks|terimakasih))*(?: ,|$)/,
  // Take a person or number off: "delete my number", "cabut nomor saya", "take me off".
  new RegExp(`\\b${REMOVE_VERB}\\s+(?:(?:all|semua|the|juga|saja|please|pls|tolong)\\s+)?${PERSON_OBJ}\\b|\\btak(?:e|ing)\\s+${PERSON_OBJ}\\s+(?:off|out)\\b`),
  // ... or off a list: "nomor ini mau saya keluarkan dari program pengingat", "remove from your list".
  new RegExp(`\\b(?:${REMOVE_VERB}|take|taking)\\s+(?:\\S+\\s+){0,3}(?:from|off|out of|dari)\\s+(?:\\S+\\s+){0,2}${OUR_LIST}\\b`),
  // "don't message this number anymore", "stop texting my mum", "please cease contacting me".
  new RegExp(`\\b(?:don't|do not|dont|never|stop|quit|cease|no more)\\s+(?:\\S+\\s+)?${CONTACT_VERB}\\s+(?:\\S+\\s+)?${CONTACT_TARGET}\\b`),
  // "saya keberatan dikirimi pesan", "enough with the messages", "these reminders are annoying".
  new RegExp(`\\b${COMPLAINT}\\s+(?:\\S+\\s+){0,3}?${COMPLAINT_TARGET}\\b|\\b${COMPLAINT}\\s+(?:(?:with|of|by|about|all)\\s+){0,2}${THESE_ALONE}|\\b${MESSAGES}\\s+(?:\\S+\\s+){0,3}?(?:annoying|mengganggu|nyebelin|menyebalkan|spam)\\b`),
  // Telling us to go away: "f*** off", "leave me alone", "get lost".
  /\b(?:f|fuck|fck|fk|fking|piss|sod|bugger|buzz) off\b|\bleave (?:me|us|my \S+) alone\b|\bget lost\b|\bpergi (?:sana|kau|lu|lo)\b/,
  // Threatening to block or report us: "kalau masih kirim saya blokir", "I'll block this number".
  new RegExp(`\\b(?:blokir|diblokir|block|report|lapor|laporkan|laporin)\\s+(?:you|kamu|kalian|anda|this number|your number|nomor (?:ini|kalian|anda|kamu)|nomornya)\\b|\\b(?:saya|aku|i'll|i will|i'm going to|i am going to|i'm gonna|gonna|going to|akan|bakal)\\s+(?:\\S+\\s+)?(?:blokir|block|blocking)\\b|\\b(?:kalau|kalo|jika|if|or)\\b(?:\\s+\\S+){0,5}?\\s+(?:kirim|dikirim|mengirim|send|sending|text|texting|message|messaging|wa|chat|sms|these|this)\\b(?:\\s+\\S+){0,4}?\\s+(?:blokir|diblokir|block|report|lapor|laporkan|laporin)\\b`),
  // "stop these", "can you cancel them" (our messages), not "can I stop these" (the tablets).
  new RegExp(`(?<!\\b(?:can|could|should|shall|may|do|must|when can|if) i )\\b(?:stop|cancel|end|cease|quit|disable)\\s+(?:${THESE_ALONE}|all this|it all)`),
  // Stop receiving; opt me out; withdraw from the programme; leave us / want out.
  /\bstop receiving\b|\bopt (?:me|us|him|her|this number|my \S+) out\b|\b(?:leave|exit|withdraw from|drop out of|keluar dari|mengundurkan diri dari|mundur dari)\s+(?:the |this |your )?(?:program|programme|service|list|scheme|layanan|study)\b|\b(?:mengundurkan diri|undur diri)\b|\b(?:want|wanna|would like|i'd like|let me|get me)\s+(?:to (?:get|be) )?out(?: of (?:this|the|your|these) (?:\S+ )?(?:program|programme|service|list|scheme|thing|group|messages|reminders))?(?: please| pls| thanks| now)?(?: ,|$)/,
  // "blokir nih", "block!": the patient will block us.
  /(?:^|, )(?:saya |aku |i'll |i will )?(?:blokir|diblokir|block)\b(?! (?:saluran|pembuluh|jantung|nose|hidung|ears?)\b)/,
  // "turn these off", "switch them off".
  new RegExp(`\\b(?:turn|switch|shut)\\s+(?:these|them|it|those|this|all)(?:\\s+${MESSAGES})?\\s+off\\b`),
  // "no need to send anymore", "I'd rather not get these anymore".
  /\bno (?:more |further )?need to (?:send|text|message|remind|contact)(?: (?:me|us|them|these|it|this|any more|anymore|again|lagi))*(?: ,|$| (?:thanks|terimakasih))/,
  new RegExp(`\\b(?:rather not|prefer not to|don't want to|do not want to) (?:get|receive|have)\\s+(?:these|them|this|any more|anymore|${MESSAGES})\\b`),
  // "no need for reminders", "no need to send these".
  new RegExp(`\\bno (?:more )?need (?:for|to send|to get|to receive|of) (?:\\S+ ){0,2}?${MESSAGES}\\b`),
  // "saya tidak mau menerima lagi", "don't want to receive any more".
  /\btidak (?:mau|ingin|perlu) (?:lagi )?(?:menerima|terima|dapat|mendapat|dikirimi|dikirim)\b(?: (?:lagi|apapun|apa apa|apa pun|ya|kak))*(?: ,|$)|\b(?:don't|do not|no longer) (?:want|wish|need) to (?:receive|get) (?:any more|anymore|these|them)\b/,
  // Treatment over, so no more need: "terapi sudah selesai, tidak perlu lagi", "finished the course, no need for these".
  new RegExp(`\\b${NO_LONGER_NEEDED_REASON}\\b.*\\b(?:tidak perlu|tidak usah|no need|don't need|do not need|no longer need)(?: (?:lagi|anymore|any more|it|them|these|for (?:these|them|it|this|the \\S+)|for ${MESSAGES}|ya|kak))*(?: ,|$)|\\b(?:tidak perlu|tidak usah|no need|don't need|no longer need)(?: (?:lagi|anymore|any more|it|them|these|ya|kak))* , .*\\b${NO_LONGER_NEEDED_REASON}\\b`),
  // Asking how to stop OUR messages: "how do I stop getting these?", "gimana caranya biar tidak dikirimi pesan lagi?".
  // Only "these" alone or the messages named at the end, so "how do I stop getting these headaches?" is not one.
  new RegExp(`\\bhow (?:do|can|could|would|should) (?:i|we) (?:stop|unsubscribe|opt out|turn off|switch off|cancel|end|block|quit) (?:(?:getting|receiving) )?(?:${THESE_ALONE}|(?:the |your |these |all |all the |all these |this )?${MESSAGES}(?= \\?|$| ,| (?:any ?more|altogether|completely|for good|please|pls|from you)\\b))|\\b(?:gimana|bagaimana|gmn|cara(?:nya)?)\\b(?: \\S+){0,2}? (?:stop|berhenti|menghentikan|hentikan|matikan|mematikan|unsubscribe|unreg|(?:biar|supaya|agar) tidak (?:dapat|menerima|terima|dikirim|dikirimi|diingatkan))\\b(?: \\S+){0,2}? (?:${MESSAGES}|lagi|ini)\\b`),
  // "pesan pesan obat jangan ke sini lagi": our messages told not to come to this number.
  new RegExp(`\\b${MESSAGES}\\b(?: \\S+){0,3}? (?:jangan|tidak usah|tidak perlu) (?:(?:di)?kirim(?:kan)? |dikirimi |masuk |datang )?(?:kesini|ke (?:sini|nomor (?:ini|saya|aku)|no (?:ini|saya)|hp (?:ini|saya|aku)|wa (?:ini|saya|aku)))\\b`),
  // "annoying tiap pagi bunyi terus, matiin aja lah": a bare "switch it off" after a complaint about the ringing or the messages.
  /^(?=.*\b(?:annoying|ganggu|mengganggu|terganggu|berisik|bising|bunyi|notif\w*|pesan\w*|pengingat\w*|reminder\w*|bosan|bosen|spam|mulu|melulu|terus terusan|tiap (?:hari|pagi|malam|jam)|every (?:day|morning|night))\b).*(?:^|, )(?:tolong |please |pls |udah |sudah )?(?:matikan|dimatikan|nonaktifkan|dinonaktifkan|offkan|off kan|turn (?:it|them|these) off|switch (?:it|them|these) off|mute (?:it|them|these))(?: (?:saja|aja|lah|la|ya|dong|deh|kak|semua|semuanya|please|pls|sih|sudah|dah))*(?: ,|$)/,
  // "tiap hari dikirimin mulu, udahan napa": "enough already" about the sending.
  /^(?=.*\b(?:dikirim\w*|kirim\w*|mengirim\w*|pesan\w*|pengingat\w*|reminder\w*|notif\w*|chat\w*|wa|sms|spam|diingatkan|mengingatkan)\b).*(?:^|, )(?:udahan|sudahan|sudahi|udahin)(?: (?:saja|aja|lah|dong|deh|ya|kak|kenapa|napa|ngapa|dulu|yuk|sudah|dah))*(?: \?)?(?: ,|$)/,
];

// "stop dulu ya, lagi mual", "stop aja dah, saya bisa ingat sendiri", "stop pls i'm fine now": the message opens
// with the command. A question or a medicine after it ("stop minum obatnya?") is left to the other checks.
const OPENS_WITH_STOP =
  /^(?:(?:kak|pak|bu|tolong|mohon|please|pls|ok|sudah|sudahlah|saya|aku|i)\s+)*(?:stop|berhenti|unsubscribe|unreg)(?: (?:saja|aja|ya|yaa|dong|deh|dah|sudah|lah|ah|dulu|please|pls|kak|pak|bu|sekarang|now))*(?: ,|$| (?:i'm|i am|saya|aku)\b)/;
// "udah dibilang stop berkali kali kok masih dikirim", "kan sudah minta berhenti": asked before, still asking.
const ASKED_BEFORE = /\b(?:bilang|dibilang|minta|diminta|request|requested|said|told you|asked)\s+(?:\S+\s+)?(?:stop|berhenti|unsubscribe|unreg)\b/;
// "stop juga reminder nya": our messages named right after the command, whatever else the message says.
const STOP_OUR_MESSAGES = new RegExp(`\\b(?:stop|berhenti|hentikan|matikan|unsubscribe)\\s+(?:(?:juga|saja|semua|all|the|these|your|dong|ya)\\s+){0,2}(?:pengingat|reminder|reminders|pesan|messages|notifikasi|notif)(?:nya)?\\b`);

/** Medication verbs after a stop word make it about the medicine, not about our messages. */
const ABOUT_MEDICINE = new RegExp(`\\b(?:stop|berhenti|henti|hentikan|stopkan|quit|cease|discontinue|end)\\s+(?:(?!${MESSAGES}\\b)\\w+\\s+){0,1}(?:minum|obat|obatnya|makan|pakai|memakai|konsumsi|mengkonsumsi|taking|take|the medicine|my medicine|pills|medicine|treatment|pengobatan|terapi)\\b`);

const START_PHRASES: ReadonlyArray<RegExp> = [
  /\b(?:start|mulai|aktifkan|nyalakan|lanjutkan|resume|restart)\s+(?:\w+\s+){0,1}(?:pengingat|reminder|reminders|pesan|messages|langganan|berlangganan)(?:nya)?\b/,
  /\b(?:langganan|berlangganan|subscribe|daftar) (?:lagi|kembali|again)\b/,
  /\bkirim(?:kan)? (?:lagi|kembali) (?:pengingat|reminder|pesan)/,
];

/** Opt-out or opt-in command on already-normalised text. */
export function detectOptOutNormalised(text: string): OptOutCommand | null {
  if (text === "") return null;
  if (BARE_STOP.test(text) || STOP_OUR_MESSAGES.test(text)) return "stop";
  if (!ABOUT_MEDICINE.test(text) && !text.includes("?") && (OPENS_WITH_STOP.test(text) || ASKED_BEFORE.test(text))) return "stop";
  if (!ABOUT_MEDICINE.test(text) && STOP_PHRASES.some((p) => p.test(text))) return "stop";
  if (!ABOUT_MEDICINE.test(text) && REQUEST_PHRASES.some((p, i) => (i > 0 || !text.includes("?")) && p.test(text))) return "stop";
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
