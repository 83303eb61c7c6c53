import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError, fromZodError } from "@/lib/errors";
import { isGroupJid, isLidJid, jidToE164, toNonDeviceJid } from "./jid";

/**
 * GOWA webhooks -> our events. Verify the signature on the raw bytes first, then parse.
 * Every GOWA field is optional on the wire; we require only what an event is useless without.
 */

// ---------------------------------------------------------------- signature

const SIGNATURE_PREFIX = "sha256=";

/** `sha256=<lowercase hex HMAC-SHA256(secret, raw body)>`, as GOWA sends in X-Hub-Signature-256. */
export function signGowaBody(rawBody: string | Uint8Array, secret: string): string {
  return SIGNATURE_PREFIX + createHmac("sha256", secret).update(rawBody).digest("hex");
}

export function verifyGowaSignature(rawBody: string | Uint8Array, header: string | null | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const value = header.trim();
  if (!value.toLowerCase().startsWith(SIGNATURE_PREFIX)) return false;
  const hex = value.slice(SIGNATURE_PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, "hex"), expected);
}

// ---------------------------------------------------------------- our event types

/** Who sent something. `phone` is E.164 when GOWA gave a phone JID; `lid` when it gave a linked id. */
export type GowaParty = { jid: string; phone: string | null; lid: string | null };

export type GowaMedia = {
  /** GOWA's stored copy, e.g. `statics/media/1700000000-uuid.ogg` (auto-download on). */
  path: string | null;
  /** WhatsApp's CDN URL (auto-download off). */
  url: string | null;
  filename: string | null;
};

export type GowaMediaType = "image" | "video" | "video_note" | "audio" | "document" | "sticker";

export type GowaContent =
  | { type: "text"; text: string }
  /** `audio` includes voice notes: GOWA sends no voice-note flag. `media` null when the download failed. */
  | { type: GowaMediaType; media: GowaMedia | null; caption: string | null }
  | { type: "other"; what: "location" | "contact" | "unsupported"; text: string | null; data: unknown };

type GowaMessageMeta = {
  /** Our copy of GOWA's envelope `device_id` (the account JID) and `session_id` (the device slot). */
  deviceId: string | null;
  sessionId: string | null;
  id: string;
  timestamp: Date | null;
  fromMe: boolean;
  isGroup: boolean;
  /** Phone JID when GOWA could resolve it; `chatLid` keeps the linked id. */
  chatId: string;
  chatLid: string | null;
  from: GowaParty;
  fromName: string | null;
};

export type GowaMessageEvent = GowaMessageMeta & {
  kind: "message";
  content: GowaContent;
  replyTo: { messageId: string; quotedBody: string | null } | null;
  forwarded: boolean;
  viewOnce: boolean;
};
export type GowaRevokedEvent = GowaMessageMeta & { kind: "message.revoked"; revokedMessageId: string; revokedFromMe: boolean | null };
export type GowaEditedEvent = GowaMessageMeta & { kind: "message.edited"; originalMessageId: string; text: string | null };
/** `reaction` null means the reaction was removed. */
export type GowaReactionEvent = GowaMessageMeta & { kind: "message.reaction"; reactedMessageId: string; reaction: string | null };

export type GowaReceipt = "delivered" | "read" | "read_self" | "played" | "other";
export type GowaAckEvent = {
  kind: "message.ack";
  deviceId: string | null;
  sessionId: string | null;
  messageIds: string[];
  receipt: GowaReceipt;
  rawReceipt: string | null;
  /** May still be a `@lid` address. */
  chatId: string | null;
  from: GowaParty | null;
  timestamp: Date | null;
};
export type GowaIgnoredEvent = { kind: "ignored"; event: string; reason: string; deviceId: string | null };

export type GowaEvent =
  | GowaMessageEvent
  | GowaAckEvent
  | GowaRevokedEvent
  | GowaEditedEvent
  | GowaReactionEvent
  | GowaIgnoredEvent;

// ---------------------------------------------------------------- wire schemas

const str = z.string().optional();
const bool = z.boolean().optional();
// `image`, `video`, ...: a path string, or an object with path/url/caption/filename.
const mediaField = z
  .union([z.string(), z.looseObject({ path: str, url: str, caption: str, filename: str, file_name: str })])
  .optional();

const envelopeSchema = z.looseObject({
  event: z.string().min(1),
  device_id: str,
  session_id: str,
  timestamp: str,
  payload: z.unknown().optional(),
});

const messagePayloadSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: str,
  is_from_me: bool,
  chat_id: z.string().min(1),
  chat_lid: str,
  from: str,
  from_lid: str,
  from_name: str,
  sender_display_name: str,
  body: str,
  replied_to_id: str,
  quoted_body: str,
  forwarded: bool,
  view_once: bool,
  image: mediaField,
  video: mediaField,
  video_note: mediaField,
  audio: mediaField,
  document: mediaField,
  sticker: mediaField,
  location: z.unknown().optional(),
  contact: z.unknown().optional(),
  contacts_array: z.unknown().optional(),
  live_location: z.unknown().optional(),
  // message.revoked / edited / reaction
  revoked_message_id: str,
  revoked_from_me: bool,
  original_message_id: str,
  reaction: str,
  reacted_message_id: str,
});

const ackPayloadSchema = z.looseObject({
  ids: z.array(z.string()).optional(),
  chat_id: str,
  from: str,
  from_lid: str,
  receipt_type: str,
});

type MessagePayload = z.infer<typeof messagePayloadSchema>;

// ---------------------------------------------------------------- parsing

/** Raw webhook body -> event. Throws BAD_REQUEST for anything that is not a GOWA envelope. */
export function parseGowaEventBody(rawBody: string | Uint8Array): GowaEvent {
  const text = typeof rawBody === "string" ? rawBody : new TextDecoder().decode(rawBody);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "body: not valid JSON", [{ field: "body", message: "not valid JSON" }]);
  }
  return parseGowaEvent(json);
}

/** GOWA envelope (already JSON-parsed) -> event. Unknown event types are `ignored`, not errors. */
export function parseGowaEvent(json: unknown): GowaEvent {
  const envelope = parseOrThrow(envelopeSchema, json, undefined);
  const deviceId = envelope.device_id ?? null;
  const sessionId = envelope.session_id ?? null;
  switch (envelope.event) {
    case "message":
    case "message.revoked":
    case "message.edited":
    case "message.reaction":
      return transformMessageEvent(envelope.event, parseOrThrow(messagePayloadSchema, envelope.payload, "payload"), deviceId, sessionId);
    case "message.ack":
      return transformAck(parseOrThrow(ackPayloadSchema, envelope.payload, "payload"), envelope.timestamp, deviceId, sessionId);
    default:
      // Truncated: the name is the sender's to choose and may end up in logs.
      return { kind: "ignored", event: envelope.event.slice(0, 100), reason: "unhandled event type", deviceId };
  }
}

function transformMessageEvent(
  event: "message" | "message.revoked" | "message.edited" | "message.reaction",
  p: MessagePayload,
  deviceId: string | null,
  sessionId: string | null,
): GowaEvent {
  if (p.chat_id === "status@broadcast") {
    return { kind: "ignored", event, reason: "status broadcast", deviceId };
  }
  const chatId = toNonDeviceJid(p.chat_id);
  const meta: GowaMessageMeta = {
    deviceId,
    sessionId,
    id: p.id,
    timestamp: parseTimestamp(p.timestamp),
    fromMe: p.is_from_me ?? false,
    isGroup: isGroupJid(chatId),
    chatId,
    chatLid: p.chat_lid ?? (isLidJid(chatId) ? chatId : null),
    // In a 1:1 chat the chat is the other party; only then is chat_id a fallback for `from`.
    from: toParty(p.from ?? (isGroupJid(chatId) ? undefined : chatId), p.from_lid, "payload.from"),
    fromName: p.from_name ?? p.sender_display_name ?? null,
  };
  switch (event) {
    case "message.revoked":
      return {
        ...meta,
        kind: "message.revoked",
        revokedMessageId: required(p.revoked_message_id, "payload.revoked_message_id"),
        revokedFromMe: p.revoked_from_me ?? null,
      };
    case "message.edited":
      return {
        ...meta,
        kind: "message.edited",
        originalMessageId: required(p.original_message_id, "payload.original_message_id"),
        text: p.body ?? null,
      };
    case "message.reaction":
      return {
        ...meta,
        kind: "message.reaction",
        reactedMessageId: required(p.reacted_message_id, "payload.reacted_message_id"),
        reaction: p.reaction ? p.reaction : null,
      };
    case "message":
      return {
        ...meta,
        kind: "message",
        content: toContent(p),
        replyTo: p.replied_to_id ? { messageId: p.replied_to_id, quotedBody: p.quoted_body ?? null } : null,
        forwarded: p.forwarded ?? false,
        viewOnce: p.view_once ?? false,
      };
  }
}

const MEDIA_TYPES: GowaMediaType[] = ["image", "video", "video_note", "audio", "document", "sticker"];

function toContent(p: MessagePayload): GowaContent {
  for (const type of MEDIA_TYPES) {
    const field = p[type];
    if (field === undefined) continue;
    if (typeof field === "string") return { type, media: { path: field, url: null, filename: null }, caption: p.body ?? null };
    const media = {
      path: field.path ?? null,
      url: field.url ?? null,
      filename: field.filename ?? field.file_name ?? null,
    };
    const hasMedia = media.path !== null || media.url !== null;
    return { type, media: hasMedia ? media : null, caption: field.caption || p.body || null };
  }
  if (p.location !== undefined || p.live_location !== undefined) {
    return { type: "other", what: "location", text: p.body ?? null, data: p.location ?? p.live_location };
  }
  if (p.contact !== undefined || p.contacts_array !== undefined) {
    return { type: "other", what: "contact", text: p.body ?? null, data: p.contact ?? p.contacts_array };
  }
  if (p.body !== undefined && p.body !== "") return { type: "text", text: p.body };
  // A known media type whose download failed, or a kind GOWA does not render (polls, templates).
  return { type: "other", what: "unsupported", text: null, data: null };
}

function transformAck(
  p: z.infer<typeof ackPayloadSchema>,
  timestamp: string | undefined,
  deviceId: string | null,
  sessionId: string | null,
): GowaEvent {
  const messageIds = p.ids ?? [];
  if (messageIds.length === 0) return { kind: "ignored", event: "message.ack", reason: "ack without message ids", deviceId };
  const raw = p.receipt_type ?? null;
  return {
    kind: "message.ack",
    deviceId,
    sessionId,
    messageIds,
    receipt: toReceipt(raw),
    rawReceipt: raw,
    chatId: p.chat_id ? toNonDeviceJid(p.chat_id) : null,
    from: p.from || p.from_lid ? toParty(p.from ?? p.from_lid, p.from_lid, "payload.from") : null,
    timestamp: parseTimestamp(timestamp),
  };
}

function toReceipt(raw: string | null): GowaReceipt {
  switch (raw) {
    case "delivered":
    case "read":
    case "played":
      return raw;
    case "read-self":
      return "read_self";
    default:
      return "other";
  }
}

function toParty(jid: string | undefined, lid: string | undefined, field: string): GowaParty {
  const value = toNonDeviceJid(required(jid, field));
  const lidValue = lid ? toNonDeviceJid(lid) : isLidJid(value) ? value : null;
  return { jid: value, phone: jidToE164(value), lid: lidValue };
}

function parseTimestamp(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function required(value: string | undefined, field: string): string {
  if (!value) throw new AppError("BAD_REQUEST", `${field}: required`, [{ field, message: "required" }]);
  return value;
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: string | undefined): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}
