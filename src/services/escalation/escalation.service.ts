import type { Db } from "@/db/client";
import type { StaffUser } from "@/db/schema";
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
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
