import type { Db } from "@/db/client";
import type { Message, Organisation } from "@/db/schema";
import type { Pacer } from "@/integrations/gowa/pacing";
import type { GowaSender } from "@/integrations/gowa/types";
import type { Clock } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { type NewMessage, reserveOutboundMessage, updateMessage } from "./messages.repository";

export type OutboundCtx = { db: Db; clock: Clock; gowa: GowaSender; pacer: Pacer };

export type OutboundText = {
  org: Pick<Organisation, "id" | "gowaDeviceId">;
  patientId: string | null;
  phone: string;
  purpose: string;
  text: string;
  /** Unique per organisation: the same key never sends twice, even when a step is retried. */
  dedupeKey: string;
  replyToExternalId?: string;
  sentByStaffId?: string;
};

/** The conversation-log row reserved for a send, before it goes out. */
export function outboundRow(input: OutboundText): NewMessage {
  return {
    orgId: input.org.id,
    patientId: input.patientId,
    phone: input.phone,
    direction: "outbound",
    purpose: input.purpose,
    type: "text",
    body: input.text,
    // reserved right before the send: "sending" until the gateway answers
    status: "sending",
    dedupeKey: input.dedupeKey,
    replyToExternalId: input.replyToExternalId ?? null,
    sentByStaffId: input.sentByStaffId ?? null,
  };
}

export type SendOutcome = Pick<Message, "status" | "externalId" | "sentAt" | "errorCode">;

/**
 * Emergency replies and alerts to the pharmacist jump the pacing queue: one message never bursts,
 * and it must not wait behind a batch of reminders on the same device.
 */
const UNPACED_PURPOSES = new Set(["emergency", "staff_alert"]);

/** Waits for the device's pacing slot and sends a reserved message; returns what to record. */
export async function sendReserved(ctx: OutboundCtx, input: OutboundText): Promise<SendOutcome> {
  const deviceId = input.org.gowaDeviceId ?? undefined;
  if (!UNPACED_PURPOSES.has(input.purpose)) await ctx.pacer.wait(deviceId ?? "default");
  const result = await ctx.gowa.sendText({ phone: input.phone, message: input.text, replyToId: input.replyToExternalId }, { deviceId });
  if (result.status === "sent") return { status: "sent", externalId: result.messageId, sentAt: ctx.clock.now(), errorCode: null };
  logger.warn({ purpose: input.purpose, outcome: result.status, code: result.status === "failed" ? result.code : "OUTCOME_UNKNOWN" }, "outbound message not sent");
  return result.status === "failed"
    ? { status: "failed", externalId: null, sentAt: null, errorCode: result.code }
    : { status: "unknown", externalId: null, sentAt: null, errorCode: "OUTCOME_UNKNOWN" };
}

/**
 * Sends one WhatsApp text through the conversation log: reserve the row (dedupe), wait for the
 * device's pacing slot, send, record the outcome. A row left in "sending" means the process died
 * mid-send; a send that timed out after it went out is recorded as `unknown`. Either way the
 * dedupe key keeps it from being sent again, and staff see it.
 */
export async function sendText(ctx: OutboundCtx, input: OutboundText): Promise<Message | null> {
  const reserved = await reserveOutboundMessage(ctx.db, outboundRow(input));
  if (!reserved) return null;
  const outcome = await sendReserved(ctx, input);
  await updateMessage(ctx.db, { orgId: input.org.id, id: reserved.id, values: outcome });
  return { ...reserved, ...outcome };
}
