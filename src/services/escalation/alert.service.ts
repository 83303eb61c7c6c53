import type { Escalation, Organisation, Patient } from "@/db/schema";
import { logger } from "@/lib/logger";
import { type OutboundCtx, sendText } from "../messaging/outbound.service";
import { findPharmacistOnDuty } from "../staff/staff.repository";

/**
 * Tells the pharmacist on duty about an emergency or urgent escalation on WhatsApp, at once and
 * without any AI call. The escalation inbox has it too; this is the interrupt.
 */
export async function alertPharmacistOnDuty(
  ctx: OutboundCtx,
  params: { org: Organisation; patient: Patient; escalation: Escalation; summary: string },
): Promise<boolean> {
  const pharmacist = await findPharmacistOnDuty(ctx.db, { orgId: params.org.id });
  if (!pharmacist?.phone) {
    logger.warn({ orgId: params.org.id, escalationId: params.escalation.id }, "no pharmacist on duty with a phone to alert");
    return false;
  }
  const label = params.escalation.kind === "emergency" ? "DARURAT / EMERGENCY" : "MENDESAK / URGENT";
  const text = `[CareLoop] ${label}: ${params.patient.name} (${params.patient.phone}). ${params.summary}. Buka kotak eskalasi / open the escalation inbox.`;
  const sent = await sendText(ctx, {
    org: params.org,
    patientId: null,
    phone: pharmacist.phone,
    purpose: "staff_alert",
    text,
    dedupeKey: `alert:${params.escalation.id}`,
  });
  return sent?.status === "sent";
}
