import { type SQL, and, eq, gte, sql } from "drizzle-orm";
import { type DbOrTx, type Tx, rowsOf } from "@/db/client";
import { type Patient, deliveryDailyCounts, escalations, organisations, patients } from "@/db/schema";

/*
 * The dashboard reads counts kept by triggers (drizzle/0010_daily_counts_triggers.sql), never the
 * deliveries themselves: at 2,000,000 deliveries aggregating them took ~3 s a request.
 * delivery_daily_counts has one row per organisation, volunteer, local day and shard;
 * patient_window_counts one per patient.
 */

/** Only one volunteer's rows when `volunteerId` is set; all of them (unassigned too) otherwise. */
const volunteerRows = (volunteerId?: string): SQL | undefined => (volunteerId ? eq(deliveryDailyCounts.volunteerId, volunteerId) : undefined);
const total = (column: SQL | typeof deliveryDailyCounts.scheduled) => sql<number>`coalesce(sum(${column}), 0)::int`;

/** Deliveries scheduled on one local day, by send state and by confirmation (served by delivery_daily_counts_key). */
export async function countDayDeliveries(db: DbOrTx, params: { orgId: string; day: string; volunteerId?: string }) {
  const c = deliveryDailyCounts;
  const [row] = await db
    .select({
      total: total(c.scheduled),
      queued: total(c.queued),
      sent: total(c.sent),
      confirmed: total(c.confirmed),
      notTaken: total(c.notTaken),
      missed: total(c.missed),
      failed: total(c.failed),
      unknown: total(c.unknown),
      skipped: total(c.skipped),
    })
    .from(c)
    .where(and(eq(c.orgId, params.orgId), eq(c.day, params.day), volunteerRows(params.volunteerId)));
  return row ?? { total: 0, queued: 0, sent: 0, confirmed: 0, notTaken: 0, missed: 0, failed: 0, unknown: 0, skipped: 0 };
}

/** Sent and confirmed per local day of sending, from `fromDay` on (served by delivery_daily_counts_key). */
export async function adherenceByDay(db: DbOrTx, params: { orgId: string; fromDay: string; volunteerId?: string }) {
  const c = deliveryDailyCounts;
  return db
    .select({ day: c.day, sent: total(c.sentOnDay), confirmed: total(c.confirmedOfSentOnDay) })
    .from(c)
    .where(and(eq(c.orgId, params.orgId), gte(c.day, params.fromDay), volunteerRows(params.volunteerId)))
    .groupBy(c.day)
    .having(sql`sum(${c.sentOnDay}) > 0`)
    .orderBy(c.day);
}

export async function countOpenEscalations(db: DbOrTx, params: { orgId: string; volunteerId?: string }) {
  return db
    .select({ kind: escalations.kind, n: sql<number>`count(*)::int` })
    .from(escalations)
    .leftJoin(patients, and(eq(patients.id, escalations.patientId), eq(patients.orgId, escalations.orgId)))
    .where(and(eq(escalations.orgId, params.orgId), sql`${escalations.status} <> 'resolved'`, params.volunteerId ? eq(patients.assignedVolunteerId, params.volunteerId) : undefined))
    .groupBy(escalations.kind);
}

/** Every organisation's time zone (its local days decide where the windows start). */
export async function listOrganisationZones(db: DbOrTx) {
  return db.select({ id: organisations.id, timezone: organisations.timezone }).from(organisations);
}

/** Windows move for a whole organisation at once (a volunteer's first visit of the day moves everyone's). */
type WindowScope = { orgId: string; windowStart: Date };

/**
 * Patient rows in scope whose window is not `windowStart` (another day's, or never counted). Three
 * ranges of patient_window_counts_org_window_idx, not `<>`, which no index serves.
 */
const staleWindows = (p: WindowScope) => sql`
  select w.patient_id, w.window_start from patient_window_counts w
  where w.org_id = ${p.orgId} and (w.window_start is null or w.window_start < ${p.windowStart.toISOString()}::timestamptz or w.window_start > ${p.windowStart.toISOString()}::timestamptz)`;

/**
 * Whether any of the organisation's windows is not at `windowStart`: its lowest and highest window
 * start (nulls first), two probes of patient_window_counts_org_window_idx whatever the statistics
 * say (right after a move they describe the previous day, and a filtered scan read every row).
 */
export async function hasStalePatientWindows(db: DbOrTx, params: WindowScope): Promise<boolean> {
  const ends = rowsOf<{ window_start: string | Date | null }>(
    await db.execute(sql`
      (select window_start from patient_window_counts where org_id = ${params.orgId} order by window_start desc limit 1)
      union all
      (select window_start from patient_window_counts where org_id = ${params.orgId} order by window_start asc limit 1)`),
  );
  return ends.some((r) => r.window_start === null || new Date(r.window_start).getTime() !== params.windowStart.getTime());
}

const windowCounts = sql`count(*) filter (where d.sent_at is not null)::int as sent, count(*) filter (where d.confirmation = 'confirmed')::int as confirmed`;

/**
 * Locks the stale rows in scope, in key order, and returns their window starts. Taking the locks
 * waits for delivery transactions still adding to those rows; the counting statements that follow
 * see all of them, and changes after the move add to the new window (the trigger compares each
 * delivery with the row's window start when it gets the row).
 */
export async function lockStalePatientWindows(tx: Tx, params: WindowScope): Promise<Array<{ patientId: string; windowStart: Date | null }>> {
  const rows = rowsOf<{ patient_id: string; window_start: string | Date | null }>(
    await tx.execute(sql`${staleWindows(params)} order by w.patient_id for update of w`),
  );
  return rows.map((r) => ({ patientId: r.patient_id, windowStart: r.window_start === null ? null : new Date(r.window_start) }));
}

/** Moves windows that start at `from` to the later `to` by taking off the deliveries scheduled in between. */
export async function shiftPatientWindows(tx: Tx, params: { orgId: string; from: Date; to: Date }): Promise<void> {
  const from = params.from.toISOString();
  const to = params.to.toISOString();
  await tx.execute(sql`
    with shifted as (
      select w.patient_id from patient_window_counts w
      where w.org_id = ${params.orgId} and w.window_start = ${from}::timestamptz
    ),
    dropped as (
      select d.patient_id, ${windowCounts} from deliveries d
      where d.org_id = ${params.orgId} and d.scheduled_at >= ${from}::timestamptz and d.scheduled_at < ${to}::timestamptz
      group by d.patient_id
    )
    update patient_window_counts w
    set window_start = ${to}::timestamptz, sent = w.sent - coalesce(c.sent, 0), confirmed = w.confirmed - coalesce(c.confirmed, 0)
    from shifted s left join dropped c on c.patient_id = s.patient_id
    where w.org_id = ${params.orgId} and w.patient_id = s.patient_id`);
}

/**
 * Counts the windows of the stale rows in scope from scratch: of `patientIds` only when given (a
 * few new patients: index lookups), else of every stale row (one pass over the window's deliveries).
 */
export async function recountPatientWindows(tx: Tx, params: WindowScope & { patientIds?: string[] }): Promise<void> {
  const start = params.windowStart.toISOString();
  const some = params.patientIds;
  if (some?.length === 0) return;
  // memory to hash every patient of the window at once, rather than walking an index over all of them
  if (!some) await tx.execute(sql`set local work_mem = '64MB'`);
  await tx.execute(sql`
    with stale as (${staleWindows(params)}${some ? sql` and w.patient_id in ${some}` : sql``}),
    counted as (
      select d.patient_id, ${windowCounts} from deliveries d
      where d.org_id = ${params.orgId} and d.scheduled_at >= ${start}::timestamptz ${some ? sql`and d.patient_id in ${some}` : sql``}
      group by d.patient_id
    )
    update patient_window_counts w
    set window_start = ${start}::timestamptz, sent = coalesce(c.sent, 0), confirmed = coalesce(c.confirmed, 0)
    from stale s left join counted c on c.patient_id = s.patient_id
    where w.org_id = ${params.orgId} and w.patient_id = s.patient_id`);
}

/**
 * Patients who need a look: low adherence over the window (under half of at least three sent), a
 * send whose outcome is unknown since `since7`, or still unverified; the worst `limit`, ordered by
 * unknown sends, then adherence, then name. Reads window counts already moved to `windowStart`.
 * Only candidates are sorted: every unknown-send and unverified patient, and the low-adherence ones
 * up to the `limit`-th lowest rate (ties included) — nobody past those can make the list.
 */
export async function findPatientsNeedingAttention(db: DbOrTx, params: { orgId: string; windowStart: Date; since7: Date; volunteerId?: string; limit: number }) {
  const start = params.windowStart.toISOString();
  const since7 = params.since7.toISOString();
  // the patients (alias p) the list may show
  const inScope = sql`p.org_id = ${params.orgId} and p.deleted_at is null${params.volunteerId ? sql` and p.assigned_volunteer_id = ${params.volunteerId}` : sql``}`;
  const rows = await db.execute(sql`
    with unknown as (
      select d.patient_id, count(*)::int as n
      from deliveries d
      where d.org_id = ${params.orgId} and d.state = 'unknown' and d.scheduled_at >= ${since7}::timestamptz and d.scheduled_at >= ${start}::timestamptz
      group by d.patient_id
    ),
    low as (
      select w.patient_id, w.confirmed::float / w.sent as rate
      from patient_window_counts w join patients p on p.id = w.patient_id
      where w.org_id = ${params.orgId} and w.window_start = ${start}::timestamptz and w.low and ${inScope}
    ),
    candidates as (
      select patient_id from unknown
      union select p.id from patients p where p.verification_status <> 'VERIFIED' and ${inScope}
      union select patient_id from low where rate <= coalesce((select rate from low order by rate offset ${params.limit - 1} limit 1), 'infinity')
    )
    select p.id, p.name, p.verification_status as "verificationStatus",
      coalesce(w.sent, 0)::int as sent, coalesce(w.confirmed, 0)::int as confirmed, coalesce(u.n, 0)::int as unknown
    from candidates c
    -- LIMIT 1 keeps these lookups per candidate (primary keys): a few thousand candidates are
    -- cheaper that way than the scan of every patient that row estimates can lead the planner to
    cross join lateral (select p.id, p.name, p.verification_status from patients p where p.id = c.patient_id and ${inScope} limit 1) p
    left join lateral (select w.sent, w.confirmed, w.low from patient_window_counts w where w.patient_id = p.id and w.window_start = ${start}::timestamptz limit 1) w on true
    left join unknown u on u.patient_id = p.id
    where p.verification_status <> 'VERIFIED' or coalesce(u.n, 0) > 0 or coalesce(w.low, false)
    order by coalesce(u.n, 0) desc, coalesce(w.confirmed, 0)::float / nullif(w.sent, 0) asc nulls last, p.name
    limit ${params.limit}`);
  return rowsOf<{ id: string; name: string; verificationStatus: Patient["verificationStatus"]; sent: number; confirmed: number; unknown: number }>(rows);
}
