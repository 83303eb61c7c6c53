import { and, desc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type FollowUp, followUps } from "@/db/schema";

/** Schedules the consultation's one follow-up (a second call for the same consultation is a no-op). */
export async function insertFollowUp(db: DbOrTx, values: typeof followUps.$inferInsert): Promise<FollowUp | null> {
  const [row] = await db.insert(followUps).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Follow-ups that have come due, marked sent for this worker (FOR UPDATE SKIP LOCKED: exactly once). */
export async function claimDueFollowUps(db: DbOrTx, params: { now: Date; limit: number }): Promise<FollowUp[]> {
  return db
    .update(followUps)
    .set({ state: "sent", sentAt: params.now })
    .where(
      inArray(
        followUps.id,
        db
          .select({ id: followUps.id })
          .from(followUps)
          .where(and(eq(followUps.state, "scheduled"), lte(followUps.dueAt, params.now)))
          .limit(params.limit)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
}

/** The patient's most recent follow-up still waiting for an answer. */
export async function findOpenFollowUp(db: DbOrTx, params: { orgId: string; patientId: string; since: Date }) {
  const [row] = await db
    .select()
    .from(followUps)
    .where(
      and(
        eq(followUps.orgId, params.orgId),
        eq(followUps.patientId, params.patientId),
        eq(followUps.state, "sent"),
        isNotNull(followUps.sentAt),
        sql`${followUps.sentAt} >= ${params.since.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(followUps.sentAt))
    .limit(1);
  return row;
}

export async function updateFollowUp(db: DbOrTx, params: { orgId: string; id: string; values: Partial<typeof followUps.$inferInsert> }) {
  await db.update(followUps).set(params.values).where(and(eq(followUps.orgId, params.orgId), eq(followUps.id, params.id)));
}

export async function findFollowUpOfConsultation(db: DbOrTx, params: { orgId: string; consultationId: string }) {
  const [row] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.orgId, params.orgId), eq(followUps.consultationId, params.consultationId)))
    .limit(1);
  return row;
}
