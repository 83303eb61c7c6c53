import type { Db } from "@/db/client";
import type { Message, Organisation } from "@/db/schema";
import type { Pacer } from "@/integrations/gowa/pacing";
import type { GowaSender } from "@/integrations/gowa/types";
import type { Clock } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { reserveOutboundMessage, updateMessage } from "./messages.repository";

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

/**
 * Sends one WhatsApp text through the conversation log: reserve the row (dedupe), wait for the
 * device's pacing slot, send, record the outcome. A send whose outcome is unknown (timed out
 * after it went out) is recorded as `unknown` for staff to see, never resent blindly.
 */
export async function sendText(ctx: OutboundCtx, input: OutboundText): Promise<Message | null> {
  const reserved = await reserveOutboundMessage(ctx.db, {
    orgId: input.org.id,
    patientId: input.patientId,
    phone: input.phone,
    direction: "outbound",
    purpose: input.purpose,
    type: "text",
    body: input.text,
    status: "queued",
    dedupeKey: input.dedupeKey,
    replyToExternalId: input.replyToExternalId ?? null,
    sentByStaffId: input.sentByStaffId ?? null,
  });
  if (!reserved) return null;
  const deviceId = input.org.gowaDeviceId ?? undefined;
  await ctx.pacer.wait(deviceId ?? "default");
  await updateMessage(ctx.db, { orgId: input.org.id, id: reserved.id, values: { status: "sending" } });
  const result = await ctx.gowa.sendText(
    { phone: input.phone, message: input.text, replyToId: input.replyToExternalId },
    { deviceId },
  );
  const values: Partial<Message> =
    result.status === "sent"
      ? { status: "sent", externalId: result.messageId, sentAt: ctx.clock.now() }
      : result.status === "failed"
        ? { status: "failed", errorCode: result.code }
        : { status: "unknown", errorCode: "OUTCOME_UNKNOWN" };
  await updateMessage(ctx.db, { orgId: input.org.id, id: reserved.id, values });
  if (result.status !== "sent") {
    logger.warn({ messageId: reserved.id, purpose: input.purpose, outcome: values.status, code: values.errorCode }, "outbound message not sent");
  }
  return { ...reserved, ...values } as Message;
}
