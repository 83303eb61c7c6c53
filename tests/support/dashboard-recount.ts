import { type SQL, and, eq, gte, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { type Db, rowsOf } from "../../src/db/client";
import { deliveries, patients } from "../../src/db/schema";

/**
 * What the dashboard showed before it read kept counts: the same figures aggregated straight from
 * deliveries (the queries of commit d60c87c). Tests hold the dashboard to these.
 */
const volunteerScope = (volunteerId?: string): SQL | undefined => (volunteerId ? eq(patients.assignedVolunteerId, volunteerId) : undefined);

export async function recountDashboard(db: Db, params: { orgId: string; timezone: string; now: Date; volunteerId?: string }) {
  const now = DateTime.fromJSDate(params.now, { zone: params.timezone });
  const today = now.startOf("day");
  const since30 = today.minus({ days: 29 });
  const since7 = now.minus({ days: 7 }).toJSDate();
  const scope = and(eq(deliveries.orgId, params.orgId), volunteerScope(params.volunteerId));
  const join = and(eq(patients.id, deliveries.patientId), eq(patients.orgId, deliveries.orgId));

  const [todayRow] = await db
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
    .innerJoin(patients, join)
    .where(and(scope, gte(deliveries.scheduledAt, today.toJSDate()), lt(deliveries.scheduledAt, today.plus({ days: 1 }).toJSDate())));

  const days = await db
    .select({
      day: sql<string>`to_char(${deliveries.sentAt} at time zone ${params.timezone}, 'YYYY-MM-DD')`,
      sent: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'confirmed')::int`,
    })
    .from(deliveries)
    .innerJoin(patients, join)
    .where(and(scope, gte(deliveries.sentAt, since30.toJSDate())))
    .groupBy(sql`1`);
  const byDay = new Map(days.map((d) => [d.day, d]));

  const attention = rowsOf<{ id: string; name: string; verificationStatus: string; sent: number; confirmed: number; unknown: number }>(
    await db.execute(sql`
      with stats as (
        select patient_id,
          count(*) filter (where sent_at is not null) as sent,
          count(*) filter (where confirmation = 'confirmed') as confirmed,
          count(*) filter (where state = 'unknown' and scheduled_at >= ${since7.toISOString()}::timestamptz) as unknown
        from deliveries where org_id = ${params.orgId} and scheduled_at >= ${since30.toJSDate().toISOString()}::timestamptz
        group by patient_id
      )
      select p.id, p.name, p.verification_status as "verificationStatus",
        coalesce(s.sent, 0)::int as sent, coalesce(s.confirmed, 0)::int as confirmed, coalesce(s.unknown, 0)::int as unknown
      from patients p left join stats s on s.patient_id = p.id
      where p.org_id = ${params.orgId} and p.deleted_at is null
        ${params.volunteerId ? sql`and p.assigned_volunteer_id = ${params.volunteerId}` : sql``}
        and (p.verification_status <> 'VERIFIED' or coalesce(s.unknown, 0) > 0 or (coalesce(s.sent, 0) >= 3 and coalesce(s.confirmed, 0) * 2 < s.sent))
      order by coalesce(s.unknown, 0) desc, coalesce(s.confirmed, 0)::float / nullif(s.sent, 0) asc nulls last, p.name
      limit 20`),
  );

  return {
    today: todayRow,
    adherence30: Array.from({ length: 30 }, (_, i) => {
      const day = since30.plus({ days: i }).toISODate() ?? "";
      const d = byDay.get(day);
      return { day, sent: d?.sent ?? 0, confirmed: d?.confirmed ?? 0, rate: d && d.sent > 0 ? Math.round((d.confirmed / d.sent) * 1000) / 1000 : null };
    }),
    attention: attention.map(({ id, name, verificationStatus, sent, confirmed, unknown }) => ({ id, name, verificationStatus, sent, confirmed, unknown })),
  };
}

const ZERO = "00000000-0000-0000-0000-000000000000";

/**
 * Rows where delivery_daily_counts disagrees with a recount of the organisation's deliveries, by
 * volunteer, local day and shard, read in one statement (one snapshot). Empty when they agree.
 */
export async function dailyCountMismatches(db: Db, orgId: string) {
  return rowsOf(
    await db.execute(sql`
      with d as (
        select d.*, coalesce(p.assigned_volunteer_id, ${ZERO}::uuid) as volunteer, o.timezone, hashtext(d.patient_id::text) & 7 as shard
        from deliveries d join patients p on p.id = d.patient_id join organisations o on o.id = d.org_id
        where d.org_id = ${orgId}
      ),
      by_schedule as (
        select volunteer, (scheduled_at at time zone timezone)::date as day, shard,
          count(*) as scheduled,
          count(*) filter (where state in ('queued', 'sending')) as queued,
          count(*) filter (where sent_at is not null) as sent,
          count(*) filter (where confirmation = 'confirmed') as confirmed,
          count(*) filter (where confirmation = 'not_taken') as not_taken,
          count(*) filter (where confirmation = 'missed') as missed,
          count(*) filter (where state = 'failed') as failed,
          count(*) filter (where state = 'unknown') as unknown,
          count(*) filter (where state = 'skipped') as skipped
        from d group by 1, 2, 3
      ),
      by_send as (
        select volunteer, (sent_at at time zone timezone)::date as day, shard,
          count(*) as sent_on_day, count(*) filter (where confirmation = 'confirmed') as confirmed_of_sent_on_day
        from d where sent_at is not null group by 1, 2, 3
      ),
      recount as (
        select coalesce(a.volunteer, b.volunteer) as volunteer, coalesce(a.day, b.day) as day, coalesce(a.shard, b.shard) as shard,
          coalesce(a.scheduled, 0)::int as scheduled, coalesce(a.queued, 0)::int as queued, coalesce(a.sent, 0)::int as sent,
          coalesce(a.confirmed, 0)::int as confirmed, coalesce(a.not_taken, 0)::int as not_taken, coalesce(a.missed, 0)::int as missed,
          coalesce(a.failed, 0)::int as failed, coalesce(a.unknown, 0)::int as unknown, coalesce(a.skipped, 0)::int as skipped,
          coalesce(b.sent_on_day, 0)::int as sent_on_day, coalesce(b.confirmed_of_sent_on_day, 0)::int as confirmed_of_sent_on_day
        from by_schedule a full join by_send b on a.volunteer = b.volunteer and a.day = b.day and a.shard = b.shard
      ),
      kept as (
        select coalesce(volunteer_id, ${ZERO}::uuid) as volunteer, day, shard::int as shard, scheduled, queued, sent, confirmed, not_taken, missed,
          failed, unknown, skipped, sent_on_day, confirmed_of_sent_on_day
        from delivery_daily_counts
        where org_id = ${orgId}
          and (scheduled, queued, sent, confirmed, not_taken, missed, failed, unknown, skipped, sent_on_day, confirmed_of_sent_on_day) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      )
      (select 'kept' as side, * from kept except select 'kept', * from recount)
      union all
      (select 'recount' as side, * from recount except select 'recount', * from kept)`),
  );
}

/** Patients whose window counts disagree with a recount from their window start, or who lack a row. */
export async function windowCountMismatches(db: Db, orgId: string) {
  return rowsOf(
    await db.execute(sql`
      select w.patient_id, w.window_start, w.sent, w.confirmed, r.sent as recount_sent, r.confirmed as recount_confirmed
      from patient_window_counts w
      cross join lateral (
        select count(*) filter (where d.sent_at is not null)::int as sent, count(*) filter (where d.confirmation = 'confirmed')::int as confirmed
        from deliveries d where d.patient_id = w.patient_id and d.scheduled_at >= w.window_start
      ) r
      where w.org_id = ${orgId} and w.window_start is not null and (w.sent, w.confirmed) <> (r.sent, r.confirmed)
      union all
      select distinct d.patient_id, null::timestamptz, null::int, null::int, null::int, null::int
      from deliveries d
      where d.org_id = ${orgId} and (d.sent_at is not null or d.confirmation = 'confirmed')
        and not exists (select from patient_window_counts w where w.patient_id = d.patient_id)`),
  );
}
