import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Escalation, escalations, patients } from "@/db/schema";

export type NewEscalation = typeof escalations.$inferInsert;

/** Opens an escalation; a reprocessed message finds its earlier one instead of opening another. */
export async function openEscalation(db: DbOrTx, values: NewEscalation): Promise<{ escalation: Escalation; created: boolean }> {
  const [created] = await db.insert(escalations).values(values).onConflictDoNothing().returning();
  if (created) return { escalation: created, created: true };
  const [existing] = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.orgId, values.orgId), eq(escalations.messageId, values.messageId ?? ""), eq(escalations.kind, values.kind)));
  if (!existing) throw new Error("escalation conflicted but was not found");
  return { escalation: existing, created: false };
}

/** The escalation inbox: open items, emergencies first, then oldest first. */
export async function listOpenEscalations(db: DbOrTx, params: { orgId: string; volunteerId?: string; limit: number }) {
  return db
    .select({ escalation: escalations, patientName: patients.name })
    .from(escalations)
    .leftJoin(patients, and(eq(patients.id, escalations.patientId), eq(patients.orgId, escalations.orgId)))
    .where(
      and(
        eq(escalations.orgId, params.orgId),
        sql`${escalations.status} <> 'resolved'`,
        params.volunteerId ? eq(patients.assignedVolunteerId, params.volunteerId) : undefined,
      ),
    )
    .orderBy(sql`case ${escalations.kind} when 'emergency' then 0 when 'urgent' then 1 else 2 end`, asc(escalations.createdAt))
    .limit(params.limit);
}

export async function listPatientEscalations(db: DbOrTx, params: { orgId: string; patientId: string }) {
  return db
    .select()
    .from(escalations)
    .where(and(eq(escalations.orgId, params.orgId), eq(escalations.patientId, params.patientId)))
    .orderBy(desc(escalations.createdAt));
}

export async function resolveEscalation(
  db: DbOrTx,
  params: { orgId: string; id: string; staffId: string; resolution: string | null },
): Promise<Escalation | undefined> {
  const [row] = await db
    .update(escalations)
    .set({ status: "resolved", resolvedAt: sql`now()`, resolvedById: params.staffId, resolution: params.resolution })
    .where(and(eq(escalations.orgId, params.orgId), eq(escalations.id, params.id), sql`${escalations.status} <> 'resolved'`))
    .returning();
  return row;
}

export async function findEscalation(db: DbOrTx, params: { orgId: string; id: string }) {
  const [row] = await db.select().from(escalations).where(and(eq(escalations.orgId, params.orgId), eq(escalations.id, params.id))).limit(1);
  return row;
}

export async function claimEscalation(db: DbOrTx, params: { orgId: string; id: string; staffId: string }) {
  const [row] = await db
    .update(escalations)
    .set({ assignedToId: params.staffId, status: sql`case when ${escalations.status} = 'open' then 'acknowledged'::escalation_status else ${escalations.status} end` })
    .where(and(eq(escalations.orgId, params.orgId), eq(escalations.id, params.id), sql`${escalations.status} <> 'resolved'`))
    .returning();
  return row;
}

/** Open escalations of a patient other than `exceptId`, of kinds that pause automatic replies. */
export async function countOtherOpenHandOffs(db: DbOrTx, params: { orgId: string; patientId: string; exceptId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(escalations)
    .where(
      and(
        eq(escalations.orgId, params.orgId),
        eq(escalations.patientId, params.patientId),
        sql`${escalations.id} <> ${params.exceptId}`,
        sql`${escalations.status} <> 'resolved'`,
        sql`${escalations.kind} in ('question', 'symptom', 'handoff')`,
      ),
    );
  return row?.n ?? 0;
}
