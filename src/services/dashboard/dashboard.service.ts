import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import type { Organisation, StaffUser } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { findOrganisationById } from "../organisation/organisation.repository";
import * as repo from "./dashboard.repository";

/**
 * The dashboard's figures in the organisation's time zone: today's reminders, 30 days of
 * adherence, open escalations and patients needing attention. A volunteer sees their own patients.
 */
export async function getDashboard(ctx: { db: Db; clock: Clock }, staff: StaffUser) {
  const org = await findOrganisationById(ctx.db, { id: staff.orgId });
  if (!org) throw notFound("Organisation");
  const volunteerId = staff.role === "VOLUNTEER" ? staff.id : undefined;
  const { now, today, since30 } = localDays(org, ctx.clock);
  const windows = { orgId: org.id, windowStart: since30.toJSDate() };
  // the cron moves the windows after local midnight; should it not have yet, the first visit does
  await ensurePatientWindows(ctx.db, windows);
  const [todayCounts, days, escalationCounts, attention] = await Promise.all([
    repo.countDayDeliveries(ctx.db, { orgId: org.id, day: today.toISODate() ?? "", volunteerId }),
    repo.adherenceByDay(ctx.db, { orgId: org.id, fromDay: since30.toISODate() ?? "", volunteerId }),
    repo.countOpenEscalations(ctx.db, { orgId: org.id, volunteerId }),
    repo.findPatientsNeedingAttention(ctx.db, { ...windows, volunteerId, since7: now.minus({ days: 7 }).toJSDate(), limit: 20 }),
  ]);
  const byDay = new Map(days.map((d) => [d.day, d]));
  return {
    scope: volunteerId ? "volunteer" : "organisation",
    today: todayCounts,
    adherence30: Array.from({ length: 30 }, (_, i) => {
      const day = since30.plus({ days: i }).toISODate() ?? "";
      const d = byDay.get(day);
      return { day, sent: d?.sent ?? 0, confirmed: d?.confirmed ?? 0, rate: d && d.sent > 0 ? Math.round((d.confirmed / d.sent) * 1000) / 1000 : null };
    }),
    escalations: Object.fromEntries(escalationCounts.map((e) => [e.kind, e.n])),
    attention: attention.map((p) => ({
      ...p,
      reasons: [
        p.verificationStatus !== "VERIFIED" ? `verification:${p.verificationStatus.toLowerCase()}` : null,
        p.unknown > 0 ? "unknown_sends" : null,
        p.sent >= 3 && p.confirmed * 2 < p.sent ? "low_adherence" : null,
      ].filter(Boolean),
    })),
  };
}

const DAY_MS = 86_400_000;

/** Now, today and the first day of the 30 days that end today, in the organisation's time zone. */
function localDays(org: Pick<Organisation, "timezone">, clock: Clock) {
  const now = DateTime.fromJSDate(clock.now(), { zone: org.timezone });
  const today = now.startOf("day");
  return { now, today, since30: today.minus({ days: 29 }) };
}

/** Moves the organisation's windows to `windowStart` unless they are there; true when it moved some. */
async function ensurePatientWindows(db: Db, windows: { orgId: string; windowStart: Date }): Promise<boolean> {
  if (!(await repo.hasStalePatientWindows(db, windows))) return false;
  await db.transaction((tx) => movePatientWindows(tx, windows));
  return true;
}

/** The dashboard cron: every organisation's windows, moved soon after its local midnight rather than on the first visit. */
export async function moveDashboardWindows(ctx: { db: Db; clock: Clock }): Promise<{ moved: number }> {
  let moved = 0;
  for (const org of await repo.listOrganisationZones(ctx.db)) {
    if (await ensurePatientWindows(ctx.db, { orgId: org.id, windowStart: localDays(org, ctx.clock).since30.toJSDate() })) moved++;
  }
  return { moved };
}

/**
 * Moves the organisation's patients' 30-day windows to `windowStart`. The daily move takes off the
 * day that left the window (one day of deliveries); windows never counted (new patients, after the
 * migration) or out of step by a month or more are counted afresh.
 */
async function movePatientWindows(tx: Tx, scope: { orgId: string; windowStart: Date }): Promise<void> {
  const stale = await repo.lockStalePatientWindows(tx, scope);
  const to = scope.windowStart.getTime();
  const shiftable = (from: Date | null) => from !== null && from.getTime() < to && to - from.getTime() < 30 * DAY_MS;
  for (const from of new Set(stale.flatMap((r) => (shiftable(r.windowStart) ? [r.windowStart?.getTime() ?? 0] : [])))) {
    await repo.shiftPatientWindows(tx, { orgId: scope.orgId, from: new Date(from), to: scope.windowStart });
  }
  const rest = stale.filter((r) => !shiftable(r.windowStart));
  if (rest.length > 0) await repo.recountPatientWindows(tx, { ...scope, patientIds: rest.length <= 1000 ? rest.map((r) => r.patientId) : undefined });
}
