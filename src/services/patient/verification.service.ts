import { and, eq, lt, sql } from "drizzle-orm";
import { type Organisation, type Patient, patients } from "@/db/schema";
import { conflict } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { type OutboundCtx, sendText } from "../messaging/outbound.service";
import { replies } from "../messaging/replies";
import * as repo from "./patient.repository";

/** A patient is asked at most this many times (the first ask and two staff resends). */
export const MAX_VERIFICATION_SENDS = 3;
export const VERIFICATION_TTL_HOURS = 48;

type Actor = { actorId: string | null; actorType: "staff" | "system" | "patient" };

/**
 * Asks the patient on WhatsApp to reply YA/TIDAK (YES/NO). Only verified, consenting,
 * subscribed patients ever get reminders.
 */
export async function sendVerificationRequest(
  ctx: OutboundCtx,
  org: Organisation,
  patient: Patient,
  actor: Actor,
): Promise<void> {
  if (patient.verificationStatus === "VERIFIED") throw conflict("This patient is already verified");
  if (patient.unsubscribedAt) throw conflict("This patient has unsubscribed from WhatsApp messages");
  if (patient.verificationSendCount >= MAX_VERIFICATION_SENDS) {
    throw conflict(`The verification message was already sent ${MAX_VERIFICATION_SENDS} times`);
  }
  const attempt = patient.verificationSendCount + 1;
  await ctx.db.transaction(async (tx) => {
    await repo.updatePatient(tx, {
      orgId: org.id,
      id: patient.id,
      values: { verificationStatus: "PENDING", verificationSendCount: attempt, verificationSentAt: ctx.clock.now() },
    });
    await insertAuditEntry(tx, { ...actor, orgId: org.id, action: "patient.verification_sent", entityType: "patient", entityId: patient.id, metadata: { attempt } });
  });
  await sendText(ctx, {
    org,
    patientId: patient.id,
    phone: patient.phone,
    purpose: "verification",
    text: replies.verificationRequest(patient.language, { clinic: org.name, name: patient.name.split(" ")[0] ?? patient.name }),
    dedupeKey: `verification:${patient.id}:${attempt}`,
  });
}

/** Records the patient's YES (verified, consent given) or NO (declined). */
export async function recordVerificationAnswer(ctx: OutboundCtx, org: Organisation, patient: Patient, accepted: boolean): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await repo.updatePatient(tx, {
      orgId: org.id,
      id: patient.id,
      values: accepted
        ? { verificationStatus: "VERIFIED", verifiedAt: now, consentWhatsapp: true, consentAt: now }
        : { verificationStatus: "DECLINED", consentWhatsapp: false },
    });
    await insertAuditEntry(tx, {
      orgId: org.id,
      actorId: patient.id,
      actorType: "patient",
      action: accepted ? "patient.verified" : "patient.verification_declined",
      entityType: "patient",
      entityId: patient.id,
    });
  });
}

/**
 * Pending verifications unanswered for 48 hours expire (run by cron, across organisations: each
 * row keeps its own org_id and gets its audit entry in the same transaction). Returns how many.
 */
export async function expireVerifications(ctx: Pick<OutboundCtx, "db" | "clock">): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - VERIFICATION_TTL_HOURS * 3600_000);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(patients)
      .set({ verificationStatus: "EXPIRED", updatedAt: sql`now()` })
      .where(and(eq(patients.verificationStatus, "PENDING"), lt(patients.verificationSentAt, cutoff)))
      .returning({ id: patients.id, orgId: patients.orgId });
    for (const row of rows) {
      await insertAuditEntry(tx, { orgId: row.orgId, actorId: null, actorType: "system", action: "patient.verification_expired", entityType: "patient", entityId: row.id });
    }
    return rows.length;
  });
}
