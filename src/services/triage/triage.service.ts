import type { Db } from "@/db/client";
import type { StaffUser } from "@/db/schema";
import { getPatientOrThrow } from "../patient/patient.service";
import { listPatientTriages } from "./triage.repository";

/** A patient's triage dialogs for staff, newest first: condition, findings, outcome and state. */
export async function listTriages(ctx: { db: Db }, staff: StaffUser, patientId: string) {
  await getPatientOrThrow(ctx, staff, patientId);
  const rows = await listPatientTriages(ctx.db, { orgId: staff.orgId, patientId });
  return {
    items: rows.map((t) => ({
      id: t.id,
      status: t.status,
      condition: t.condition,
      findings: t.findings,
      unanswered: t.unanswered,
      age: t.age,
      sex: t.sex,
      pregnant: t.pregnant,
      outcome: t.outcome,
      reasons: t.reasons,
      pendingQuestion: t.pendingQuestion,
      createdAt: t.createdAt.toISOString(),
      completedAt: t.completedAt?.toISOString() ?? null,
    })),
  };
}
