import { type SQL, and, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { deliveries, escalations, patients } from "@/db/schema";

/** Only one volunteer's patients when `volunteerId` is set (joined through patients). */
const volunteerScope = (volunteerId?: string): SQL | undefined => (volunteerId ? eq(patients.assignedVolunteerId, volunteerId) : undefined);

/** Today's occurrences by send state and by confirmation (served by deliveries_org_scheduled_idx). */
export async function countDeliveriesBetween(db: DbOrTx, params: { orgId: string; from: Date; to: Date; volunteerId?: string }) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      queued: sql<number>`count(*) filter (where ${deliveries.state} in ('queued', 'sending'))::int`,
      sent: sql<number>`count(*) filter (where ${deliveries.sentAt} is not null)::int`,
      confirmed: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'confirmed')::int`,
      notTaken: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'not_taken')::int`,
      missed: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'missed')::int`,
      failed: sql<number>`count(*) filter (where ${deliveries.state} = 'failed')::int`,
      unknown: sql<number>`count(*) filter (where ${deliveries.state} = 'unknown')::int`,
      skipped: sql<number>`count(*) filter (where ${deliveries.state} = 'skipped')::int`,
    })
    .from(deliveries)
    .innerJoin(patients, and(eq(patients.id, deliveries.patientId), eq(patients.orgId, deliveries.orgId)))
    .where(and(eq(deliveries.orgId, params.orgId), gte(deliveries.scheduledAt, params.from), lt(deliveries.scheduledAt, params.to), volunteerScope(params.volunteerId)));
  return row;
}

/** Sent and confirmed per local day over a period (served by deliveries_org_sent_idx). */
export async function adherenceByDay(db: DbOrTx, params: { orgId: string; from: Date; timezone: string; volunteerId?: string }) {
  const day = sql<string>`to_char(${deliveries.sentAt} at time zone ${params.timezone}, 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      sent: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'confirmed')::int`,
    })
    .from(deliveries)
    .innerJoin(patients, and(eq(patients.id, deliveries.patientId), eq(patients.orgId, deliveries.orgId)))
    .where(and(eq(deliveries.orgId, params.orgId), gte(deliveries.sentAt, params.from), volunteerScope(params.volunteerId)))
    // by position: the time zone is a bound parameter, so the expression cannot be repeated
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

export async function countOpenEscalations(db: DbOrTx, params: { orgId: string; volunteerId?: string }) {
  return db
    .select({ kind: escalations.kind, n: sql<number>`count(*)::int` })
    .from(escalations)
    .leftJoin(patients, and(eq(patients.id, escalations.patientId), eq(patients.orgId, escalations.orgId)))
    .where(and(eq(escalations.orgId, params.orgId), sql`${escalations.status} <> 'resolved'`, volunteerScope(params.volunteerId)))
    .groupBy(escalations.kind);
}

/**
 * Patients who need a look: low 30-day adherence (under half of at least three), a send whose
 * outcome is unknown in the last week, or still unverified. One query, capped.
 */
export async function findPatientsNeedingAttention(db: DbOrTx, params: { orgId: string; since30: Date; since7: Date; volunteerId?: string; limit: number }) {
  const stats = db
    .select({
      patientId: deliveries.patientId,
      sent: sql<number>`count(*) filter (where ${deliveries.sentAt} is not null)`.as("sent"),
      confirmed: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'confirmed')`.as("confirmed"),
      unknown: sql<number>`count(*) filter (where ${deliveries.state} = 'unknown' and ${deliveries.scheduledAt} >= ${params.since7.toISOString()}::timestamptz)`.as("unknown"),
    })
    .from(deliveries)
    .where(and(eq(deliveries.orgId, params.orgId), gte(deliveries.scheduledAt, params.since30)))
    .groupBy(deliveries.patientId)
    .as("stats");
  return db
    .select({
      id: patients.id,
      name: patients.name,
      verificationStatus: patients.verificationStatus,
      sent: sql<number>`coalesce(${stats.sent}, 0)::int`,
      confirmed: sql<number>`coalesce(${stats.confirmed}, 0)::int`,
      unknown: sql<number>`coalesce(${stats.unknown}, 0)::int`,
    })
    .from(patients)
    .leftJoin(stats, eq(stats.patientId, patients.id))
    .where(
      and(
        eq(patients.orgId, params.orgId),
        sql`${patients.deletedAt} is null`,
        volunteerScope(params.volunteerId),
        sql`(${patients.verificationStatus} <> 'VERIFIED' or coalesce(${stats.unknown}, 0) > 0 or (coalesce(${stats.sent}, 0) >= 3 and coalesce(${stats.confirmed}, 0) * 2 < ${stats.sent}))`,
      ),
    )
    .orderBy(sql`coalesce(${stats.unknown}, 0) desc`, sql`coalesce(${stats.confirmed}, 0)::float / nullif(${stats.sent}, 0) asc nulls last`, patients.name)
    .limit(params.limit);
}
