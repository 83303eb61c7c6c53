import { randomUUID } from "node:crypto";
import type { Message, StaffUser } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { findOrganisationById } from "../organisation/organisation.repository";
import { getPatientOrThrow } from "../patient/patient.service";
import type { ListMessagesQuery, MessageView, SendMessageBody } from "./messaging.schemas";
import { listThread, sumAiUsage } from "./messages.repository";
import { type OutboundCtx, sendText } from "./outbound.service";

export function toMessageView(m: Message): MessageView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: m.id,
    direction: m.direction,
    purpose: m.purpose,
    type: m.type,
    body: m.body,
    status: m.status,
    errorCode: m.errorCode,
    intent: m.intent,
    intentSource: m.intentSource,
    intentConfidence: m.intentConfidence,
    reaction: m.reaction,
    replyToExternalId: m.replyToExternalId,
    sentByStaffId: m.sentByStaffId,
    createdAt: m.createdAt.toISOString(),
    deliveredAt: iso(m.deliveredAt),
    readAt: iso(m.readAt),
    editedAt: iso(m.editedAt),
    revokedAt: iso(m.revokedAt),
  };
}

/** A patient's WhatsApp thread, newest first, for staff who may see the patient. */
export async function getThread(ctx: OutboundCtx, staff: StaffUser, patientId: string, query: ListMessagesQuery) {
  await getPatientOrThrow(ctx, staff, patientId);
  const rows = await listThread(ctx.db, {
    orgId: staff.orgId,
    patientId,
    before: query.before ? new Date(query.before) : undefined,
    limit: query.limit,
  });
  return { items: rows.map(toMessageView) };
}

/** Staff write to a patient; refused when the patient has opted out. */
export async function sendStaffMessage(ctx: OutboundCtx, staff: StaffUser, patientId: string, body: SendMessageBody): Promise<MessageView> {
  const patient = await getPatientOrThrow(ctx, staff, patientId);
  if (patient.unsubscribedAt) throw conflict("This patient has unsubscribed from WhatsApp messages");
  const org = await findOrganisationById(ctx.db, { id: staff.orgId });
  if (!org) throw notFound("Organisation");
  const message = await sendText(ctx, {
    org,
    patientId,
    phone: patient.phone,
    purpose: "staff",
    text: body.text,
    dedupeKey: `staff:${randomUUID()}`,
    sentByStaffId: staff.id,
  });
  if (!message) throw new Error("a fresh dedupe key was already used");
  return toMessageView(message);
}

/** What classifying this organisation's messages with Claude cost over the last `days` days. */
export async function getAiUsage(ctx: { db: OutboundCtx["db"]; clock: OutboundCtx["clock"] }, staff: StaffUser, days: number) {
  const since = new Date(ctx.clock.now().getTime() - days * 86400_000);
  const byModel = await sumAiUsage(ctx.db, { orgId: staff.orgId, since });
  return { days, byModel, totalCostUsd: byModel.reduce((sum, m) => sum + m.costUsd, 0) };
}
