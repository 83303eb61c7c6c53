import type { Db } from "@/db/client";
import type { StaffUser } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { getPatientOrThrow } from "../patient/patient.service";
import { updatePatient } from "../patient/patient.repository";
import * as repo from "./escalation.repository";
import { listOpenEscalations } from "./escalation.repository";

/** The escalation inbox: emergencies on top. Volunteers see their own patients' items only. */
export async function listEscalations(ctx: { db: Db }, staff: StaffUser, query: { limit: number }) {
  const rows = await listOpenEscalations(ctx.db, {
    orgId: staff.orgId,
    volunteerId: staff.role === "VOLUNTEER" ? staff.id : undefined,
    limit: query.limit,
  });
  return {
    items: rows.map(({ escalation: e, patientName }) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      signs: e.signs,
      patient: e.patientId ? { id: e.patientId, name: patientName } : null,
      messageId: e.messageId,
      assignedToId: e.assignedToId,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

/** An escalation the staff user may see: through its patient's scope (404 otherwise). */
async function getEscalationOrThrow(ctx: { db: Db }, staff: StaffUser, id: string) {
  const escalation = await repo.findEscalation(ctx.db, { orgId: staff.orgId, id });
  if (!escalation) throw notFound("Escalation");
  if (escalation.patientId) await getPatientOrThrow(ctx, staff, escalation.patientId).catch(() => {
    throw notFound("Escalation");
  });
  return escalation;
}

/** "I'll take it": the escalation is assigned to the staff user and acknowledged. */
export async function claimEscalation(ctx: { db: Db }, staff: StaffUser, id: string) {
  await getEscalationOrThrow(ctx, staff, id);
  const row = await ctx.db.transaction(async (tx) => {
    const claimed = await repo.claimEscalation(tx, { orgId: staff.orgId, id, staffId: staff.id });
    if (!claimed) throw notFound("Escalation");
    await insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "escalation.claimed", entityType: "escalation", entityId: id });
    return claimed;
  });
  return { id: row.id, status: row.status, assignedToId: row.assignedToId };
}

/**
 * Resolves an escalation. When it was the patient's last open hand-off, automatic replies
 * resume for that patient.
 */
export async function resolveEscalation(ctx: { db: Db }, staff: StaffUser, id: string, body: { resolution?: string | null }) {
  const escalation = await getEscalationOrThrow(ctx, staff, id);
  return ctx.db.transaction(async (tx) => {
    const resolved = await repo.resolveEscalation(tx, { orgId: staff.orgId, id, staffId: staff.id, resolution: body.resolution ?? null });
    if (!resolved) throw notFound("Escalation");
    let automationResumed = false;
    if (escalation.patientId && (await repo.countOtherOpenHandOffs(tx, { orgId: staff.orgId, patientId: escalation.patientId, exceptId: id })) === 0) {
      const patient = await updatePatient(tx, { orgId: staff.orgId, id: escalation.patientId, values: { automationPausedAt: null } });
      automationResumed = Boolean(patient);
    }
    // the resolution text may hold patient details: kept on the escalation, not in the audit log
    await insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "escalation.resolved", entityType: "escalation", entityId: id, metadata: { automationResumed } });
    return { id, status: resolved.status, automationResumed };
  });
}
