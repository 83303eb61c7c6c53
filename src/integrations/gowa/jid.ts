/**
 * WhatsApp addresses. GOWA takes international digits or a JID; we send the JID form
 * (`6281234567890@s.whatsapp.net`) so GOWA has nothing left to guess.
 */
const USER_SERVER = "s.whatsapp.net";
const JID_PATTERN = /^[^@\s]+@(s\.whatsapp\.net|g\.us|lid|broadcast|newsletter|c\.us)$/;

/** `+62 812-3456-7890`, `6281234567890` or a JID -> the JID GOWA expects; null when unusable. */
export function formatGowaPhone(input: string): string | null {
  const trimmed = input.trim();
  if (JID_PATTERN.test(trimmed)) return trimmed;
  const compact = trimmed.replace(/[\s\-().]/g, "");
  const digits = compact.startsWith("+") ? compact.slice(1) : compact;
  // A leading 0 is a national number: GOWA rejects it and we cannot know the country.
  if (!/^[1-9]\d{6,14}$/.test(digits)) return null;
  return `${digits}@${USER_SERVER}`;
}

/** The server part of a JID (`s.whatsapp.net`, `g.us`, `lid`, ...), or null for bare digits. */
export function jidServer(jid: string): string | null {
  const at = jid.lastIndexOf("@");
  return at === -1 ? null : jid.slice(at + 1);
}

/** Drops the device suffix: `628123:12@s.whatsapp.net` -> `628123@s.whatsapp.net`. */
export function toNonDeviceJid(jid: string): string {
  const at = jid.lastIndexOf("@");
  if (at === -1) return jid;
  const user = jid.slice(0, at).split(":")[0] ?? "";
  return `${user}@${jid.slice(at + 1)}`;
}

/** A phone JID (or bare digits) -> E.164; null for groups, `@lid` and anything else. */
export function jidToE164(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const server = jidServer(jid);
  if (server !== null && server !== USER_SERVER && server !== "c.us") return null;
  const user = toNonDeviceJid(jid).split("@")[0]?.replace(/^\+/, "") ?? "";
  return /^[1-9]\d{6,14}$/.test(user) ? `+${user}` : null;
}

export const isGroupJid = (jid: string | null | undefined) => !!jid && jidServer(jid) === "g.us";
export const isLidJid = (jid: string | null | undefined) => !!jid && jidServer(jid) === "lid";

/** GOWA's HTTP basic auth header (APP_BASIC_AUTH), or undefined without a user. */
export function basicAuthHeader(username: string | undefined, password: string | undefined): string | undefined {
  return username === undefined ? undefined : `Basic ${Buffer.from(`${username}:${password ?? ""}`).toString("base64")}`;
}
