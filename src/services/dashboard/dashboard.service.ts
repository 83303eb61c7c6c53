import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import type { StaffUser } from "@/db/schema";
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
  const now = DateTime.fromJSDate(ctx.clock.now(), { zone: org.timezone });
  const today = now.startOf("day");
  const since30 = today.minus({ days: 29 });
  const [todayCounts, days, escalationCounts, attention] = await Promise.all([
    repo.countDeliveriesBetween(ctx.db, { orgId: org.id, from: today.toJSDate(), to: today.plus({ days: 1 }).toJSDate(), volunteerId }),
    repo.adherenceByDay(ctx.db, { orgId: org.id, from: since30.toJSDate(), timezone: org.timezone, volunteerId }),
    repo.countOpenEscalations(ctx.db, { orgId: org.id, volunteerId }),
    repo.findPatientsNeedingAttention(ctx.db, { orgId: org.id, since30: since30.toJSDate(), since7: now.minus({ days: 7 }).toJSDate(), volunteerId, limit: 20 }),
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
