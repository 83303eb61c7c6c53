/**
 * Turns a raw WhatsApp message into a predictable token string for the rules:
 * lowercase, no diacritics, chat spelling mapped to one canonical word, emoji mapped to
 * marker tokens, stretched letters ("sudahhh") collapsed, and light typo correction of the
 * words the safety and intent rules depend on.
 *
 * Output: tokens joined by single spaces. "?" survives as its own token (it marks a question);
 * other sentence punctuation becomes a "," token so phrases do not match across clauses.
 */

/** Marker tokens that emoji become. They never collide with real words. */
export const EMOJI_TOKENS = {
  check: "emocheck",
  positive: "emopos",
  thanks: "emothanks",
  negative: "emoneg",
  unwell: "emounwell",
  sos: "emosos",
  laugh: "emolaugh",
} as const;

const EMOJI_MAP: ReadonlyArray<[RegExp, string]> = [
  [/[\u2705\u2714\u2611]/gu, EMOJI_TOKENS.check], // ✅ ✔ ☑
  [/[\u{1F44D}\u{1F44C}\u{1F4AA}\u{1F44F}\u{1F197}\u{1F919}]/gu, EMOJI_TOKENS.positive], // 👍 👌 💪 👏 🆗 🤙
  [/[\u{1F64F}\u2764\u2665\u{1F495}\u{1F496}\u{1F497}\u{1F49A}\u{1F499}\u{1F49C}\u{1F60A}\u{1F642}\u{1F600}\u{1F601}\u{1F603}\u{1F604}\u{1F970}\u{1F60D}\u263A\u{1F917}\u{1F339}\u{1F338}]/gu, EMOJI_TOKENS.thanks], // 🙏 ❤ ♥ 💕 😊 🙂 😀 🥰 ☺ 🤗 🌹
  [/[\u274C\u274E\u{1F44E}\u{1F6AB}\u2716]/gu, EMOJI_TOKENS.negative], // ❌ ❎ 👎 🚫 ✖
  [/[\u{1F637}\u{1F912}\u{1F922}\u{1F92E}\u{1F927}\u{1F975}\u{1F976}\u{1F635}\u{1F915}\u{1F974}\u{1F623}\u{1F616}]/gu, EMOJI_TOKENS.unwell], // 😷 🤒 🤢 🤮 🤧 🥵 🥶 😵 🤕 🥴 😣 😖
  [/[\u{1F691}\u{1F198}\u{1F6A8}]/gu, EMOJI_TOKENS.sos], // 🚑 🆘 🚨
  [/[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}]/gu, EMOJI_TOKENS.laugh], // 😂 🤣 😆 😅 😹
  [/[\u2753\u2754]/gu, "?"], // ❓ ❔
];

/** Chat spellings and common misspellings -> canonical word. Keys are single tokens. */
// No prototype, so a message saying "constructor" or "toString" is not looked up on Object.prototype.
const CHAT_MAP: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  // sudah
  udh: "sudah", sdh: "sudah", udah: "sudah", dah: "sudah", uda: "sudah", sudh: "sudah", sdah: "sudah",
  suda: "sudah", sudha: "sudah", sduah: "sudah", sudahh: "sudah", udhh: "sudah", sudaah: "sudah", usah: "usah",
  donk: "dong", dunk: "dong", nomer: "nomor", nmr: "nomor", no: "no",
  sampun: "sudah", wis: "sudah", uwis: "sudah", wes: "sudah", uwes: "sudah",
  // belum
  blm: "belum", blom: "belum", belom: "belum", blum: "belum", blon: "belum", lom: "belum", lum: "belum", belm: "belum",
  beum: "belum", bleum: "belum",
  // tidak
  gk: "tidak", ga: "tidak", gak: "tidak", nggak: "tidak", ngga: "tidak", nggk: "tidak", ngak: "tidak", enggak: "tidak",
  engga: "tidak", egak: "tidak", gx: "tidak", g: "tidak", kagak: "tidak", kaga: "tidak", ndak: "tidak", nda: "tidak",
  tdk: "tidak", tak: "tidak", tida: "tidak", tidk: "tidak", tdak: "tidak", tiak: "tidak", ora: "tidak", gag: "tidak",
  // thanks
  mksh: "terimakasih", makasih: "terimakasih", makasi: "terimakasih", maksih: "terimakasih", mkasih: "terimakasih",
  makasih2: "terimakasih", trims: "terimakasih", trimakasih: "terimakasih", trimaksih: "terimakasih", terimaksih: "terimakasih",
  tks: "terimakasih", mkch: "terimakasih", makacih: "terimakasih", suwun: "terimakasih", nuhun: "terimakasih",
  tq: "thanks", thx: "thanks", thanx: "thanks", tx: "thanks", ty: "thanks", tqvm: "thanks", thnks: "thanks", thank: "thanks",
  thnx: "thanks", tysm: "thanks",
  // ok
  oke: "ok", okay: "ok", okey: "ok", okeh: "ok", okee: "ok", oce: "ok", okie: "ok", k: "ok", kk: "ok", okok: "ok",
  okayy: "ok", okeey: "ok", okei: "ok", oghey: "ok", sipp: "sip", siapp: "siap",
  // yes / no
  iy: "iya", iyah: "iya", iyo: "iya", yoi: "iya", yup: "yes", yep: "yes", yeah: "yes", yea: "yes", ye: "iya", yaa: "ya",
  yaps: "yes", yess: "yes", y: "ya", ho: "iya", nggih: "iya", inggih: "iya", enggih: "iya", nope: "no", nah: "no",
  bner: "benar", bener: "benar", betol: "betul",
  // pronouns and function words
  sy: "saya", sya: "saya", aq: "aku", ak: "aku", gw: "saya", gue: "saya", gua: "saya", ane: "saya", km: "kamu", u: "you",
  yg: "yang", dgn: "dengan", dg: "dengan", sm: "sama", ama: "sama", tp: "tapi", tpi: "tapi", tapii: "tapi", jg: "juga",
  krn: "karena", krna: "karena", karna: "karena", soalnya: "karena", lg: "lagi", lgi: "lagi", aja: "saja", aj: "saja",
  sj: "saja", doang: "saja", trs: "terus", trus: "terus", bgt: "banget", bngt: "banget", bkn: "bukan", kalo: "kalau",
  klo: "kalau", klu: "kalau", kl: "kalau", kalu: "kalau", jd: "jadi", jdi: "jadi", utk: "untuk", untk: "untuk",
  dr: "dari", dri: "dari", pd: "pada", skrg: "sekarang", skrang: "sekarang", skarang: "sekarang", td: "tadi", tdi: "tadi",
  ntar: "nanti", ntr: "nanti", nnti: "nanti", nti: "nanti", bs: "bisa", bsa: "bisa", bisaa: "bisa", msh: "masih",
  masi: "masih", mash: "masih", sdg: "sedang", lgsg: "langsung", lngsung: "langsung", sblm: "sebelum", sebelom: "sebelum",
  sblum: "sebelum", ssdh: "sesudah", ssudah: "sesudah", sesudh: "sesudah", stlh: "setelah", stelah: "setelah", setlah: "setelah",
  abis: "habis", abs: "habis", hbs: "habis", mlm: "malam", pgi: "pagi", pg: "pagi", sore: "sore", siang: "siang",
  // question words
  gmn: "bagaimana", gimana: "bagaimana", gmna: "bagaimana", bgmn: "bagaimana", bagaimna: "bagaimana", gmana: "bagaimana",
  knp: "kenapa", knapa: "kenapa", napa: "kenapa", kpn: "kapan", kapn: "kapan", brp: "berapa", brapa: "berapa",
  apkh: "apakah", apakh: "apakah", apkah: "apakah", ap: "apa", pa: "pak", blh: "boleh", bole: "boleh", bleh: "boleh",
  bolh: "boleh", gmn2: "bagaimana", dmn: "dimana", mana: "mana", sapa: "siapa", spa: "siapa",
  // medicine words
  obt: "obat", obatny: "obatnya", obatx: "obatnya", mnm: "minum", mnum: "minum", minun: "minum", minm: "minum",
  diminun: "diminum", dminum: "diminum", mkn: "makan", mkan: "makan", maem: "makan", mam: "makan", tablt: "tablet",
  // symptoms and body words (chat or regional spellings)
  pusin: "pusing", puyeng: "pusing", mumet: "pusing", pening: "pusing", mules: "mulas", mencret: "diare", mencret2: "diare",
  lemes: "lemas", lmas: "lemas", skt: "sakit", sakid: "sakit", sakitt: "sakit", kpala: "kepala", kpl: "kepala",
  prut: "perut", pruts: "perut", meriang: "demam", panass: "panas", gatel: "gatal", gatell: "gatal", batuq: "batuk",
  // misc
  pls: "please", plz: "please", plis: "tolong", pliss: "tolong", tlg: "tolong", tolongin: "tolong", dok: "dokter",
  dkt: "dokter", sis: "kak", kaka: "kak", kakak: "kak", min: "kak", mba: "kak", mbak: "kak", mas: "kak", bu: "bu", pak: "pak",
  bro: "kak", ass: "assalamualaikum", assalamualaikum: "assalamualaikum", asw: "assalamualaikum", askum: "assalamualaikum",
  aslmkm: "assalamualaikum", assalamu: "assalamualaikum", assalamualaikumwrwb: "assalamualaikum", slmt: "selamat",
  met: "selamat", mlam: "malam", makasihh: "terimakasih", nafas: "napas", nfas: "napas", nps: "napas", bernafas: "bernapas",
  brnapas: "bernapas", brnafas: "bernapas", napass: "napas", sesek: "sesak", sesakk: "sesak", ambulan: "ambulans",
  ambulanc: "ambulans", ambulance: "ambulans", ambulence: "ambulans", ambulans: "ambulans", unsub: "unsubscribe",
  unsubs: "unsubscribe", unsubcribe: "unsubscribe", unsubscibe: "unsubscribe", unsuscribe: "unsubscribe",
  unsubscrib: "unsubscribe", unsubscribed: "unsubscribe", berenti: "berhenti", brenti: "berhenti", brhenti: "berhenti",
  berhnti: "berhenti", stopp: "stop", stp: "stop", setop: "stop", stopin: "stop", stopkan: "stop", hentikan: "berhenti",
  im: "i'm", ive: "i've", dont: "don't", cant: "can't", didnt: "didn't", havent: "haven't", wont: "won't", isnt: "isn't",
  doesnt: "doesn't", ur: "your", r: "are", pill: "pills", meds: "medicine", medication: "medicine", medicines: "medicine",
  tablets: "tablet", tabs: "tablet", jgn: "jangan", jngn: "jangan", jgan: "jangan", jangn: "jangan", jnagan: "jangan", diingetin: "diingatkan", ingetin: "ingatkan", ngingetin: "mengingatkan",
  ingatin: "ingatkan", diingatin: "diingatkan", ngirim: "mengirim", kirimin: "kirim", dikirimin: "dikirim",
  // Jakarta-style "-in" verbs -> the standard "-kan"/"-i" form the rules know.
  gerakin: "gerakkan", digerakin: "digerakkan", digerakan: "digerakkan", bangunin: "bangunkan", dibangunin: "dibangunkan",
  ngakhirin: "mengakhiri", akhirin: "akhiri", ngakhiri: "mengakhiri", berhentiin: "berhenti", brentiin: "berhenti",
  hentiin: "berhenti", matiin: "matikan", dimatiin: "dimatikan", nonaktifin: "nonaktifkan",
  nonaktifkan: "nonaktifkan", ingetinnya: "ingatkan", nelen: "menelan", nelan: "menelan",
  ketelen: "ketelan", keminum: "terminum", kemakan: "termakan", sampe: "sampai", ampe: "sampai", smpe: "sampai",
  smp: "sampai", dobel: "double", dobell: "double", manggil: "memanggil", nyahut: "menyahut", ngerespon: "merespon",
  respon: "respon", responsif: "responsif", ngomong: "bicara", ngomongnya: "bicaranya", omong: "bicara",
  // more chat and regional spellings of words the safety rules need
  dda: "dada", dadaa: "dada", drh: "darah", drah: "darah", getih: "darah",
  sakiit: "sakit", nyri: "nyeri", nyeriii: "nyeri", kjang: "kejang", kejng: "kejang", pinsan: "pingsan", pingsn: "pingsan",
  sotp: "stop", stpo: "stop", tsop: "stop", stoop: "stop", unsubsribe: "unsubscribe", unscribe: "unsubscribe",
  kmrn: "kemarin", kemaren: "kemarin", kmaren: "kemarin", kmarin: "kemarin",
  reminderny: "remindernya", pengingatny: "pengingatnya", ingetnya: "ingatnya", ganggu: "mengganggu",
  nganggu: "mengganggu", ngeganggu: "mengganggu", gangguin: "mengganggu",
  ngombe: "minum", ngunjuk: "minum", diombe: "diminum", ngombe2: "minum",
  kenceng: "kencang", kecang: "kencang", keringetan: "keringatan", keringet: "keringat",
  // Jakarta "-in" and chat forms of the opt-out and contact verbs.
  keluarin: "keluarkan", ngeluarin: "keluarkan", dikeluarin: "dikeluarkan", udahin: "sudahi", udahan: "udahan",
  sudahin: "sudahi", hapusin: "hapus", apusin: "hapus", ngapusin: "hapus", dihapusin: "dihapus", cabutin: "cabut",
  blokir: "blokir", ngeblok: "blokir", ngeblokir: "blokir", diblok: "diblokir", nerima: "menerima",
  nerimo: "menerima", dapet: "dapat", pesen: "pesan", pesannya: "pesannya", pesennya: "pesannya", mesej: "pesan",
  hantar: "kirim", dihantar: "dikirim", nyaut: "menyahut", nyahutin: "menyahut", nyautin: "menyahut",
  kebuka: "terbuka", sejam: "satu jam", dh: "sudah", tookit: "took it", takenit: "taken it", dis: "this",
  unregister: "unreg", deregister: "unreg", dereg: "unreg", unregistered: "unreg", deregistered: "unreg",
  whatsapps: "messages", msgs: "messages", notifs: "notifications", pings: "messages",
  // Javanese: dereng/durung = belum, mboten = tidak, mangke = nanti, emoh/wegah = do not want.
  dereng: "belum", durung: "belum", mboten: "tidak", mboten2: "tidak", boten: "tidak", mangke: "nanti",
  sonten: "sore", dalu: "malam", enjing: "pagi", saged: "bisa", malih: "lagi", sanget: "sekali", purun: "mau",
  emoh: "tidak mau", wegah: "tidak mau", kulo: "saya", kula: "saya",
  // Sundanese: atos/parantos = sudah, teu/henteu = tidak, teu acan/tacan = belum, muhun = iya, engke = nanti.
  atos: "sudah", parantos: "sudah", tos: "sudah", teu: "tidak", henteu: "tidak", tacan: "belum", muhun: "iya",
  engke: "nanti", nginum: "minum", leueut: "minum", ubar: "obat", abdi: "saya",
  // Malay: ubat = obat; "tak nak" and "tak payah" are folded by PHRASE_MAP.
  ubat: "obat", ubatnya: "obatnya", nyaur: "menyahut", deui: "lagi", nyesek: "sesak", ngucur: "mengucur",
  ngocor: "mengucur", ngucur2: "mengucur", ngilang: "menghilang",
  // More regional words for signs and requests (Javanese, Sundanese, Betawi, Malay): "utah getih" = vomiting
  // blood, "dodo kulo sakit" = my chest hurts, "hoyong paeh" = want to die, "ulah ngirim deui" = do not send again.
  ilang: "hilang", utah: "muntah", getihe: "darahnya", mandeg: "berhenti", mandek: "berhenti", dodo: "dada",
  kringet: "keringat", adem: "dingin", tulung: "tolong", paeh: "mati", hoyong: "ingin", turu: "tidur",
  selawase: "selamanya", kabeh: "semua", rai: "muka", raine: "mukanya", omongane: "bicaranya",
  ngomongnye: "bicaranya", mulutnye: "mulutnya", budak: "anak", orok: "bayi", kecik: "kecil", atuk: "kakek",
  mbah: "nenek", simbah: "nenek", engkong: "kakek", sabotol: "sebotol", nenggak: "menelan", nguntal: "menelan",
  ambegane: "napasnya", ambegan: "napas", ambekan: "napas", seseg: "sesak", krenggosan: "tersengal",
  tersekat: "tercekik", pisan: "sekali", daek: "mau", tiasa: "bisa", iso: "bisa", liat: "lihat", ngeliat: "melihat",
  kliyengan: "pusing", kleyengan: "pusing", separo: "separuh", nyudahin: "mengakhiri", ulah: "jangan",
  ojo: "jangan", gelem: "mau", maneh: "lagi", ngelingke: "ingatkan", dielingke: "diingatkan",
  dikintunan: "dikirim", ngintunkeun: "mengirim", entos: "sudah", ra: "tidak", gamau: "tidak mau",
  gamao: "tidak mau", gmau: "tidak mau", belon: "belum", acan: "belum", ud: "sudah", nolak: "menolak",
  stahp: "stop", gausah: "tidak usah", gaush: "tidak usah", moal: "tidak mau", mantap: "mantap", wokeh: "ok", woke: "ok",
  lepehin: "dilepeh", ngelepeh: "dilepeh", lepeh: "dilepeh", disetop: "distop", setopin: "stop", sikit: "sedikit",
  guna: "pakai", pedes: "pedas", tau: "tahu", nengok: "menoleh", pipis: "kencing",
  // Eastern and other regional forms: Ambon/Papua "su" (sudah), "sa" (saya), "seng" (tidak); Minang "alun"
  // (belum), "ubek" (obat), "ambo" (saya), "abih" (habis); Madurese "ampon" (sudah), "ngenom" (minum),
  // "enja'" (tidak), "sakalangkong" (terima kasih); Balinese "suksma" (terima kasih).
  su: "sudah", sa: "saya", seng: "tidak", alun: "belum", ubek: "obat", ubeknyo: "obatnya", ambo: "saya",
  abih: "habis", ampon: "sudah", ngenom: "minum", obbat: "obat", enja: "tidak", kaula: "saya",
  sakalangkong: "terimakasih", suksma: "terimakasih", makaseh: "terimakasih", danke: "thanks",
  // Chat shortenings of sign words: "muntah darh bnyk", "mata burem", "gemeteran".
  darh: "darah", bnyk: "banyak", byk: "banyak", bnyak: "banyak", banyk: "banyak", burem: "buram",
  gemeter: "gemetar", gemeteran: "gemetaran", kuminum: "minum", ngabisin: "menghabiskan", dateng: "datang",
  // Malay: "cucuk insulin" (injected), "menggeletar teruk" (shaking badly), "nak pitam" (about to faint).
  cucuk: "suntik", menggeletar: "gemetar", geletar: "gemetar", teruk: "parah", pitam: "pingsan",
  // Sundanese: "hayang paeh" (want to die), "teu kuat hirup" (cannot bear living), "ujug ujug teu tiasa nyarios"
  // (suddenly cannot speak), "leungeun katuhu" (right hand), "teu bisa hudang" (cannot wake), "lieur" (dizzy).
  hayang: "ingin", hirup: "hidup", ujug: "tiba", nyarios: "bicara", leungeun: "tangan", katuhu: "kanan",
  kenca: "kiri", indung: "ibu", ayeuna: "sekarang", lieur: "pusing", rada: "agak", saatos: "setelah",
  hudang: "bangun", sakaligus: "sekaligus", sapuluh: "sepuluh", dikintun: "dikirim", kintun: "kirim",
  cekap: "cukup", pesenna: "pesannya",
  // Javanese: "mboten saged tangi" (cannot wake), "mboten nyauti" (does not answer), "dadanipun" (his/her chest),
  // "entek obate" (the medicine has run out), "ngirimi" (send to).
  tangi: "bangun", nyauti: "menyahut", dadanipun: "dadanya", entek: "habis", obate: "obatnya", ngirimi: "mengirim",
  // Manado and Betawi opt-out words: "jang kirim" (do not send), "udeh" (sudah), "aye" (saya).
  jang: "jangan", janganlah: "jangan", krm: "kirim", ngirimin: "mengirim", udeh: "sudah", aye: "saya",
  // "ga usah wa2 sy lagi" (do not WhatsApp me); Minang "indak" (no); Batak "mauliate" (thank you).
  wa2: "wa", indak: "tidak", mauliate: "terimakasih",
  // Minang "banapeh" (breathe), "kambuah" (relapse); Papuan "tra" (not), "io" (yes); Banjar "kada" (not), "ulun" (I),
  // "handak" (want), "manginum" (drink); Betawi "aje" (just); Javanese "urip" (life); "tengkyu" (thank you).
  banapeh: "bernapas", bernapeh: "bernapas", napeh: "napas", kambuah: "kambuh", tra: "tidak", io: "iya", kada: "tidak",
  ulun: "saya", handak: "mau", manginum: "minum", aje: "saja", urip: "hidup", tengkyu: "thanks", tengkiu: "thanks",
  tenkyu: "thanks", tengkyuu: "thanks", tengs: "thanks", habih: "habis",
});

/** Multi-word canonical forms, applied after token mapping. */
const PHRASE_MAP: ReadonlyArray<[RegExp, string]> = [
  [/\bterima kasih\b/g, "terimakasih"],
  [/\bthanks you\b/g, "thanks"],
  [/\bthanks u\b/g, "thanks"],
  [/\bthank you\b/g, "thanks"],
  [/\bthanks you\b/g, "thanks"],
  [/\bmatur (suwun|nuwun)\b/g, "terimakasih"],
  [/\bbernapas\b/g, "napas"],
  [/\bkirimi\b/g, "kirim"],
  [/\bill (take|be|do|have|try|drink|get|call|let)\b/g, "i'll $1"],
  [/\bw[a']*\s?[a']*laikum(?:\s?(?:salam|sallam|slm))?\b/g, "waalaikumsalam"],
  [/\bnon aktifkan\b/g, "nonaktifkan"],
  // Sundanese "teu acan" and Malay "tak nak" / "tak payah" after "teu"/"tak" became "tidak".
  [/\btidak acan\b/g, "belum"],
  [/\btidak (?:nak|mahu|hendak)\b/g, "tidak mau"],
  [/\btidak payah\b/g, "tidak usah"],
  // Sundanese "teu kedah" and "tong", Javanese "ampun", before a sending verb: "do not (send)".
  [/\btidak kedah\b/g, "tidak usah"],
  [/\b(?:tong|ampun) (?=(?:di)?(?:kirim|kirimi|kirimin)\b|mengirim|diingatkan|ingatkan|mengingatkan|hubungi|dihubungi)/g, "jangan "],
  // A command typed letter by letter: "s t o p", "sto p".
  [/\b(?:s t o p|sto p|st op|s top)\b/g, "stop"],
  [/\breg off\b/g, "unreg"],
  // "tidak sadar kan diri" typed apart.
  [/\bsadar kan diri\b/g, "sadarkan diri"],
];

/**
 * Words the rules depend on, for typo correction (edit distance 1) of longer tokens.
 * Real words that sit one edit away from a target are protected so they are never "corrected".
 */
const TYPO_TARGETS = [
  "pingsan", "kejang", "sesak", "napas", "darurat", "ambulans", "overdosis", "bunuh", "muntah", "darah", "nyeri",
  "pusing", "gatal", "demam", "tenggorokan", "kepala", "perut", "diare", "lemas", "batuk", "sudah", "belum",
  "terimakasih", "berhenti", "unsubscribe", "langganan", "pengingat", "bagaimana", "apakah", "minum", "diminum",
  "sesudah", "sebelum", "makan", "kesemutan", "berdebar", "pendarahan", "bengkak", "kencing", "mencong", "lumpuh",
  "sadarkan", "seizure", "unconscious", "suicide", "breathe", "breathing", "chest", "emergency", "ambulance", "bleeding",
  "dizzy", "nausea", "headache", "medicine", "already", "thanks", "forgot", "stopped", "taken", "tolong", "segera",
];
const PROTECTED_WORDS = new Set([
  "susah", "daerah", "kelapa", "panas", "lemah", "minus", "sesat", "pusingnya", "belut", "makin", "makam", "sudut",
  "batik", "batu", "peru", "perutnya", "mata", "besok", "masak", "masuk", "makanan", "manan", "minumnya", "diminumnya",
  "breath", "breathed", "chests", "thank", "taking", "token", "stopped", "dizzier", "sebelah", "setelah", "seluruh",
  "tolol", "minim", "tenang", "dunia", "merah", "marah", "parah", "sadar", "sadarnya", "besar", "bahkan", "bengkok",
  "lumpur", "kepalanya", "makanya", "sejak", "sesal", "desak", "serak", "nanas", "kapas", "darat", "sarah",
  "dadah", "buruh", "nyari", "gagal", "batal", "kepada", "lemak", "makna", "chess", "cheat", "takes", "thinks", "sesuai",
  "sekali", "selama", "semua", "setiap", "muntahnya", "darahnya", "napasnya", "minggu", "mingu", "tahan", "makan2",
  // One edit from a safety word but not it: "butuh" (need) is not "bunuh" (kill), "kancing" (button) not "kencing".
  "butuh", "dibutuhkan", "membutuhkan", "kancing",
  // "dibuang ke kolong" (under the bed) is not "tolong" (help).
  "kolong", "bolong", "colong", "dicolong",
]);
const TYPO_BY_LENGTH = new Map<number, string[]>();
for (const word of TYPO_TARGETS) {
  const list = TYPO_BY_LENGTH.get(word.length) ?? [];
  list.push(word);
  TYPO_BY_LENGTH.set(word.length, list);
}

/** Every token that is already canonical: these are never re-spelled. */
const KNOWN_WORDS = new Set<string>([...Object.values(CHAT_MAP), ...TYPO_TARGETS, ...PROTECTED_WORDS]);

const DIACRITICS = /\p{M}+/gu;
const OTHER_EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D]/gu;
const REPEAT_3PLUS = /([a-z])\1{2,}/g;
const REDUPLICATION = /\b([a-z]{3,})2(an|nya|in|kan)?\b/g; // Indonesian "muntah2" = "muntah-muntah"
const SEPARATORS = /[.,;:!…\n\r]+/g;
const NON_WORD = /[^a-z0-9'? ,]+/g;

/** True when a and b are within one edit (insert, delete, substitute or swap of neighbours). */
function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function correctTypo(token: string): string {
  if (token.length < 5 || KNOWN_WORDS.has(token)) return token;
  for (const len of [token.length, token.length - 1, token.length + 1]) {
    for (const target of TYPO_BY_LENGTH.get(len) ?? []) {
      if (isOneEditAway(token, target)) return target;
    }
  }
  return token;
}

/** "sudahh" -> "sudah", "makasiih" -> "makasih" when the shortened form is a word we know. */
function collapseDoubles(token: string): string {
  if (KNOWN_WORDS.has(token) || CHAT_MAP[token] !== undefined) return token;
  const single = token.replace(/([a-z])\1/g, "$1");
  if (single !== token && (KNOWN_WORDS.has(single) || CHAT_MAP[single] !== undefined)) return single;
  // Indonesian words never end in a doubled letter, so "lupaa", "iyaa", "kakk" are stretched;
  // English ones often do ("all", "see", "off"), so those letters are left alone.
  return token.replace(/([aiuhkmnyw])\1+$/, "$1");
}

// Words of the safety rules that chat glues together without spaces ("dadasakitbanget", "muntahdarah").
const GLUE_WORDS = new Set([
  "dada", "sakit", "banget", "sekali", "muntah", "darah", "sesak", "napas", "tolong", "nyeri", "pingsan", "kejang",
  "kepala", "perut", "tidak", "bisa", "susah", "stop", "berhenti", "obat", "minum", "sudah", "belum", "help",
]);

function gluePart(part: string): string | undefined {
  const mapped = CHAT_MAP[part] ?? part;
  return part.length >= 3 && GLUE_WORDS.has(mapped) ? mapped : undefined;
}

/** "dadasakitbgt" -> "dada sakit banget" when every piece is a glue word; undefined otherwise. */
function splitGlued(token: string): string | undefined {
  for (let i = 3; i <= token.length - 3; i++) {
    const head = gluePart(token.slice(0, i));
    if (head === undefined) continue;
    const rest = token.slice(i);
    const tail = gluePart(rest) ?? splitGlued(rest);
    if (tail !== undefined) return `${head} ${tail}`;
  }
  return undefined;
}

// Chat reuses a small vocabulary, so each token's normal form is remembered. The result depends on the
// token alone; the cache is bounded and simply starts again when full.
const TOKEN_CACHE = new Map<string, string>();
const TOKEN_CACHE_LIMIT = 20_000;

function normaliseToken(raw: string): string {
  if (raw === "?" || raw === ",") return raw;
  const cached = TOKEN_CACHE.get(raw);
  if (cached !== undefined) return cached;
  // "minum2" style reduplication is handled before; numbers and units pass through.
  let token = raw.replace(REPEAT_3PLUS, "$1$1");
  token = collapseDoubles(token);
  let result = CHAT_MAP[token] ?? correctTypo(token);
  if (result === token && token.length >= 7 && !KNOWN_WORDS.has(token)) result = splitGlued(token) ?? token;
  if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(raw, result);
  return result;
}

/** Normalise a message for rule matching. Pure and fast: a handful of regex passes. */
export function normaliseText(text: string): string {
  let s = text.normalize("NFKD").replace(DIACRITICS, "").toLowerCase();
  for (const [pattern, token] of EMOJI_MAP) s = s.replace(pattern, ` ${token} `);
  s = s
    .replace(OTHER_EMOJI, " ")
    .replace(/[’`´]/g, "'")
    .replace(/[?？¿]+/g, " ? ")
    .replace(SEPARATORS, " , ")
    .replace(/-/g, " ")
    .replace(REDUPLICATION, "$1 $1$2")
    .replace(NON_WORD, " ");
  const tokens: string[] = [];
  for (const raw of s.split(/\s+/)) {
    if (raw === "") continue;
    // Tokens like "obat?" were already split; an apostrophe at the edges is noise.
    const cleaned = raw.replace(/^'+|'+$/g, "");
    if (cleaned === "") continue;
    const token = normaliseToken(cleaned);
    // Collapse runs of separators so "sudah!!! ..." yields one ",".
    if (token === "," && (tokens.length === 0 || tokens[tokens.length - 1] === ",")) continue;
    tokens.push(token);
  }
  if (tokens[tokens.length - 1] === ",") tokens.pop();
  let joined = tokens.join(" ");
  for (const [pattern, replacement] of PHRASE_MAP) joined = joined.replace(pattern, replacement);
  return joined;
}
