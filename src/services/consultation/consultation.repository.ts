import { type SQL, and, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Consultation, consultations, patients } from "@/db/schema";

export type NewConsultation = typeof consultations.$inferInsert;

/** One consultation per triage session: a second insert for the same session returns null. */
export async function insertConsultation(db: DbOrTx, values: NewConsultation): Promise<Consultation | null> {
  const [row] = await db.insert(consultations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Who may see which consultations: those of the patients the staff user may see. */
export type ConsultationScope = { orgId: string; volunteerId?: string };

export type ConsultationRow = Consultation & { patientName: string };

function scopeWhere(scope: ConsultationScope): SQL | undefined {
  return and(
    eq(consultations.orgId, scope.orgId),
    // a consultation is visible exactly when its patient is (same rule as the patient list)
    isNull(patients.deletedAt),
    scope.volunteerId ? eq(patients.assignedVolunteerId, scope.volunteerId) : undefined,
  );
}

/** One consultation in scope; `lock` takes its row lock (FOR UPDATE) so concurrent transitions queue. */
export async function findConsultation(
  db: DbOrTx,
  params: ConsultationScope & { id: string; lock?: boolean },
): Promise<ConsultationRow | undefined> {
  const query = db
    .select({ consultation: consultations, patientName: patients.name })
    .from(consultations)
    .innerJoin(patients, and(eq(patients.id, consultations.patientId), eq(patients.orgId, consultations.orgId)))
    .where(and(scopeWhere(params), eq(consultations.id, params.id)))
    .limit(1);
  const [row] = params.lock ? await query.for("update", { of: consultations }) : await query;
  return row && { ...row.consultation, patientName: row.patientName };
}

export type ListConsultationsParams = ConsultationScope & {
  status?: Consultation["status"];
  patientId?: string;
  /** Keyset: `createdAt` as microsecond text (a JS Date would drop the microseconds and skip rows). */
  after?: { createdAt: string; id: string };
  limit: number;
};

/** Newest first, then id; served by consultations_org_status_idx when filtered by status. */
export async function listConsultations(db: DbOrTx, params: ListConsultationsParams) {
  const rows = await db
    .select({
      consultation: consultations,
      patientName: patients.name,
      cursorAt: sql<string>`to_char(${consultations.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(consultations)
    .innerJoin(patients, and(eq(patients.id, consultations.patientId), eq(patients.orgId, consultations.orgId)))
    .where(
      and(
        scopeWhere(params),
        params.status ? eq(consultations.status, params.status) : undefined,
        params.patientId ? eq(consultations.patientId, params.patientId) : undefined,
        params.after
          ? sql`(${consultations.createdAt}, ${consultations.id}) < (${params.after.createdAt}::timestamptz, ${params.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(consultations.createdAt), desc(consultations.id))
    .limit(params.limit);
  return rows.map((r) => ({ row: { ...r.consultation, patientName: r.patientName } as ConsultationRow, cursorAt: r.cursorAt }));
}

/**
 * Updates a consultation only while it is still in `status` (the state the caller checked), so
 * a transition that lost a race changes nothing: null then.
 */
export async function updateConsultation(
  db: DbOrTx,
  params: { orgId: string; id: string; status: Consultation["status"]; values: Partial<NewConsultation> },
): Promise<Consultation | null> {
  const [row] = await db
    .update(consultations)
    .set({ ...params.values, updatedAt: sql`now()` })
    .where(and(eq(consultations.orgId, params.orgId), eq(consultations.id, params.id), eq(consultations.status, params.status)))
    .returning();
  return row ?? null;
}
