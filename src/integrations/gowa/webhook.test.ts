import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseGowaEvent, parseGowaEventBody, signGowaBody, verifyGowaSignature } from "./webhook";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8"));
const rawFixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8");

const DEVICE = "628987654321@s.whatsapp.net";
const PATIENT = { jid: "6281234567890@s.whatsapp.net", phone: "+6281234567890", lid: null };

describe("parseGowaEvent on GOWA payload samples", () => {
  it("a text message becomes a text message from the patient's E.164 phone", () => {
    expect(parseGowaEvent(fixture("message-text"))).toEqual({
      kind: "message",
      deviceId: DEVICE,
      sessionId: "clinic-1",
      id: "3EB0B430B6F8F1D0E053",
      timestamp: new Date("2026-11-20T01:28:11Z"),
      fromMe: false,
      isGroup: false,
      chatId: "6281234567890@s.whatsapp.net",
      chatLid: null,
      from: PATIENT,
      fromName: "Budi",
      content: { type: "text", text: "Selamat pagi, obatnya diminum sebelum atau sesudah makan?" },
      replyTo: null,
      forwarded: false,
      viewOnce: false,
    });
  });

  it("a reply keeps the id and text of the message it quotes", () => {
    const event = parseGowaEvent(fixture("message-reply"));
    expect(event).toMatchObject({
      kind: "message",
      id: "3EB0C127D7BACC83D6A1",
      content: { type: "text", text: "sudah minum obat" },
      replyTo: { messageId: "3EB0AA11", quotedBody: expect.stringContaining("Pengingat") },
    });
  });

  it("a voice note is audio with GOWA's stored media path", () => {
    expect(parseGowaEvent(fixture("message-voice-note"))).toMatchObject({
      kind: "message",
      content: {
        type: "audio",
        media: { path: "statics/media/1763604343-6f1c2a9e-8d4b-4f7a-9c3e-2b5d7e1f0a6c.ogg", url: null, filename: null },
        caption: null,
      },
    });
  });

  it("an image keeps its caption and path", () => {
    expect(parseGowaEvent(fixture("message-image-caption"))).toMatchObject({
      kind: "message",
      content: {
        type: "image",
        media: { path: "statics/media/1763604602-0b9e4c1d-3a2f-4e8b-b7d6-5c1a9f3e2d4b.jpg" },
        caption: "ini hasil cek tensi tadi pagi",
      },
    });
  });

  it("a delivered ack names the message ids and the envelope timestamp", () => {
    expect(parseGowaEvent(fixture("ack-delivered"))).toEqual({
      kind: "message.ack",
      deviceId: DEVICE,
      sessionId: "clinic-1",
      messageIds: ["3EB0AA11"],
      receipt: "delivered",
      rawReceipt: "delivered",
      chatId: "6281234567890@s.whatsapp.net",
      from: PATIENT,
      timestamp: new Date("2026-11-20T01:00:04Z"),
    });
  });

  it("a read ack with a @lid chat keeps the lid and the resolved phone", () => {
    expect(parseGowaEvent(fixture("ack-read"))).toMatchObject({
      kind: "message.ack",
      receipt: "read",
      messageIds: ["3EB0AA11", "3EB0AA12"],
      chatId: "123456789012345@lid",
      from: { jid: "6281234567890@s.whatsapp.net", phone: "+6281234567890", lid: "123456789012345@lid" },
    });
  });

  it("a revoke names the revoked message", () => {
    expect(parseGowaEvent(fixture("message-revoked"))).toMatchObject({
      kind: "message.revoked",
      revokedMessageId: "3EB0E1F2A3B4C5D6E7F8",
      revokedFromMe: false,
      from: PATIENT,
    });
  });

  it("an edit names the original message and carries the new text", () => {
    expect(parseGowaEvent(fixture("message-edited"))).toMatchObject({
      kind: "message.edited",
      originalMessageId: "3EB0C127D7BACC83D6A1",
      text: "sudah minum obat tadi jam 7",
    });
  });

  it("a reaction names the reacted message; an empty emoji means removed", () => {
    expect(parseGowaEvent(fixture("message-reaction"))).toMatchObject({
      kind: "message.reaction",
      reactedMessageId: "3EB0AA11",
      reaction: "👍",
    });
    const removed = fixture("message-reaction") as { payload: Record<string, unknown> };
    removed.payload.reaction = "";
    expect(parseGowaEvent(removed)).toMatchObject({ kind: "message.reaction", reaction: null });
  });

  it("a group message is flagged as a group with the participant as sender", () => {
    expect(parseGowaEvent(fixture("message-group"))).toMatchObject({
      kind: "message",
      isGroup: true,
      chatId: "120363025246125888@g.us",
      from: PATIENT,
    });
  });

  it("a message typed on the clinic's phone is fromMe", () => {
    expect(parseGowaEvent(fixture("message-from-me"))).toMatchObject({
      kind: "message",
      fromMe: true,
      chatId: "6281234567890@s.whatsapp.net",
      from: { phone: "+628987654321" },
    });
  });

  it("a @lid sender resolved by GOWA keeps both phone and lid", () => {
    expect(parseGowaEvent(fixture("message-lid-sender"))).toMatchObject({
      kind: "message",
      chatLid: "987654321098765@lid",
      from: { jid: "6281298765432@s.whatsapp.net", phone: "+6281298765432", lid: "987654321098765@lid" },
      content: { type: "text", text: "YA" },
    });
  });

  it("an unresolved @lid sender has no phone but keeps the lid", () => {
    expect(parseGowaEvent(fixture("message-lid-unresolved"))).toMatchObject({
      kind: "message",
      sessionId: null,
      chatLid: "246813579024680@lid",
      from: { jid: "246813579024680@lid", phone: null, lid: "246813579024680@lid" },
    });
  });

  it("media with auto-download off carries the WhatsApp URL", () => {
    const event = parseGowaEvent({
      event: "message",
      payload: { id: "X1", chat_id: PATIENT.jid, from: PATIENT.jid, video: { url: "https://mmg.whatsapp.net/v/abc", caption: "lihat" } },
    });
    expect(event).toMatchObject({ content: { type: "video", media: { path: null, url: "https://mmg.whatsapp.net/v/abc" }, caption: "lihat" } });
  });

  it("location and contact messages are 'other'", () => {
    const location = parseGowaEvent({
      event: "message",
      payload: { id: "X2", chat_id: PATIENT.jid, from: PATIENT.jid, location: { degreesLatitude: -6.2, degreesLongitude: 106.8 } },
    });
    expect(location).toMatchObject({ content: { type: "other", what: "location" } });
    const contact = parseGowaEvent({
      event: "message",
      payload: { id: "X3", chat_id: PATIENT.jid, from: PATIENT.jid, contact: { displayName: "Ani", vcard: "BEGIN:VCARD" } },
    });
    expect(contact).toMatchObject({ content: { type: "other", what: "contact" } });
  });

  it("unknown event types and extra fields are ignored, not errors", () => {
    expect(parseGowaEvent({ event: "call.offer", device_id: DEVICE, payload: { call_id: "1" } })).toEqual({
      kind: "ignored",
      event: "call.offer",
      reason: "unhandled event type",
      deviceId: DEVICE,
    });
    const extra = fixture("message-text") as { payload: Record<string, unknown>; future: unknown };
    extra.payload.some_new_field = { nested: true };
    extra.future = 1;
    expect(parseGowaEvent(extra)).toMatchObject({ kind: "message" });
  });

  it("a malformed envelope is a BAD_REQUEST naming the field", () => {
    const errorOf = (value: unknown) => {
      try {
        parseGowaEvent(value);
      } catch (error) {
        return error as AppError;
      }
      throw new Error("expected a throw");
    };
    expect(errorOf([])).toMatchObject({ code: "BAD_REQUEST" });
    expect(errorOf({ payload: {} }).issues?.[0]?.field).toBe("event");
    expect(errorOf({ event: "message" }).issues?.[0]?.field).toBe("payload");
    expect(errorOf({ event: "message", payload: { chat_id: PATIENT.jid } }).issues?.[0]?.field).toBe("payload.id");
    expect(errorOf({ event: "message", payload: { id: "1", chat_id: PATIENT.jid, is_from_me: "no" } }).issues?.[0]?.field).toBe(
      "payload.is_from_me",
    );
    expect(errorOf({ event: "message.revoked", payload: { id: "1", chat_id: PATIENT.jid } }).issues?.[0]?.field).toBe(
      "payload.revoked_message_id",
    );
    expect(errorOf(null)).toBeInstanceOf(AppError);
  });
});

describe("verifyGowaSignature", () => {
  const secret = "webhook-secret";
  const body = rawFixture("message-text");

  it("accepts GOWA's signature of the raw body, as string or bytes", () => {
    const header = signGowaBody(body, secret);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyGowaSignature(body, header, secret)).toBe(true);
    expect(verifyGowaSignature(new TextEncoder().encode(body), header, secret)).toBe(true);
  });

  it("rejects a wrong secret, a tampered body, and missing or malformed headers", () => {
    const header = signGowaBody(body, secret);
    expect(verifyGowaSignature(body, header, "other")).toBe(false);
    expect(verifyGowaSignature(body.replace("Budi", "Bude"), header, secret)).toBe(false);
    expect(verifyGowaSignature(body, null, secret)).toBe(false);
    expect(verifyGowaSignature(body, "", secret)).toBe(false);
    expect(verifyGowaSignature(body, header.slice("sha256=".length), secret)).toBe(false);
    expect(verifyGowaSignature(body, "sha256=xyz", secret)).toBe(false);
    expect(verifyGowaSignature(body, `${header}00`, secret)).toBe(false);
    expect(verifyGowaSignature(body, `sha1=${header.slice(7)}`, secret)).toBe(false);
  });

  it("a re-serialised body fails: verification must use the raw bytes", () => {
    const header = signGowaBody(body, secret);
    expect(verifyGowaSignature(JSON.stringify(JSON.parse(body)), header, secret)).toBe(false);
  });
});

describe("1 MB of garbage", () => {
  const garbage = Buffer.alloc(1024 * 1024, 0);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;

  it("fails signature verification and parses to a BAD_REQUEST, quickly", () => {
    const started = Date.now();
    expect(verifyGowaSignature(garbage, "sha256=" + "0".repeat(64), "secret")).toBe(false);
    expect(() => parseGowaEventBody(garbage)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
    expect(() => parseGowaEventBody("x".repeat(1024 * 1024))).toThrow(AppError);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a huge string where the event type belongs is just an ignored event", () => {
    expect(parseGowaEvent({ event: "z".repeat(1024 * 1024), payload: {} })).toMatchObject({ kind: "ignored" });
  });
});
