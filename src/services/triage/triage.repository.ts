import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type TriageSession, triageSessions } from "@/db/schema";

export async function findActiveTriage(db: DbOrTx, params: { orgId: string; patientId: string }): Promise<TriageSession | undefined> {
  const [row] = await db
    .select()
    .from(triageSessions)
    .where(and(eq(triageSessions.orgId, params.orgId), eq(triageSessions.patientId, params.patientId), eq(triageSessions.status, "active")))
    .limit(1);
  return row;
}

/** Opens a dialog; when one is already open for the patient (the partial unique index), returns that one. */
export async function openTriage(db: DbOrTx, values: typeof triageSessions.$inferInsert): Promise<{ session: TriageSession; created: boolean }> {
  const [created] = await db.insert(triageSessions).values(values).onConflictDoNothing().returning();
  if (created) return { session: created, created: true };
  const existing = await findActiveTriage(db, { orgId: values.orgId, patientId: values.patientId });
  if (!existing) throw new Error("triage conflicted but none is active");
  return { session: existing, created: false };
}

export async function updateTriage(db: DbOrTx, params: { orgId: string; id: string; values: Partial<typeof triageSessions.$inferInsert> }) {
  const [row] = await db
    .update(triageSessions)
    .set({ ...params.values, updatedAt: sql`now()` })
    .where(and(eq(triageSessions.orgId, params.orgId), eq(triageSessions.id, params.id)))
    .returning();
  return row;
}

/** Open dialogs whose last question has waited since `before`; `reminded` picks those already nudged or not. */
export async function claimIdleTriages(db: DbOrTx, params: { before: Date; reminded: boolean; now: Date; limit: number }) {
  const idle = db
    .select({ id: triageSessions.id })
    .from(triageSessions)
    .where(
      and(
        eq(triageSessions.status, "active"),
        lte(triageSessions.lastAskedAt, params.before),
        params.reminded ? sql`${triageSessions.reminderSentAt} is not null` : sql`${triageSessions.reminderSentAt} is null`,
      ),
    )
    .limit(params.limit)
    .for("update", { skipLocked: true });
  return db
    .update(triageSessions)
    .set(params.reminded ? { status: "abandoned", completedAt: params.now } : { reminderSentAt: params.now })
    .where(inArray(triageSessions.id, idle))
    .returning();
}

export async function listPatientTriages(db: DbOrTx, params: { orgId: string; patientId: string }) {
  return db
    .select()
    .from(triageSessions)
    .where(and(eq(triageSessions.orgId, params.orgId), eq(triageSessions.patientId, params.patientId)))
    .orderBy(sql`${triageSessions.createdAt} desc`);
}
