import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as dashboardCronRoute from "../src/app/api/cron/dashboard/route";
import * as cronRoute from "../src/app/api/cron/route";
import * as dashboardRoute from "../src/app/api/dashboard/route";
import * as organisationRoute from "../src/app/api/organisation/route";
import * as assignRoute from "../src/app/api/patients/[id]/assign/route";
import * as patientRemindersRoute from "../src/app/api/patients/[id]/reminders/route";
import * as sendNowRoute from "../src/app/api/reminders/[id]/send-now/route";
import { type Db, rowsOf } from "../src/db/client";
import { type Organisation, type Patient, type StaffUser, deliveries, organisations, patientWindowCounts, patients, reminders } from "../src/db/schema";
import { type Runtime, getRuntime, setRuntime } from "../src/lib/runtime";
import { recordSendOutcome, updateDelivery } from "../src/services/reminder/reminder.repository";
import { at } from "./support/clock";
import { createScratchDatabase } from "./support/database";
import { dailyCountMismatches, recountDashboard, windowCountMismatches } from "./support/dashboard-recount";
import { call, createStaff } from "./support/fixtures";
import { createClinic, createVerifiedPatient, deliver, textMessage } from "./support/gowa";
import { TEST_CRON_SECRET, testGowa } from "./support/setup-runtime";

/*
 * The dashboard reads counts that triggers keep (drizzle/0010_daily_counts_triggers.sql). These
 * tests change deliveries through the real paths and hold the counts, after every step, to a
 * recount of the deliveries, and the dashboard to the queries it ran before it had the counts.
 * They run on a database of their own: the reminder cron looks at every organisation's rows.
 */
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let shared: Runtime;
let db: Db;

beforeAll(async () => {
  scratch = await createScratchDatabase("dashboard_counts");
  shared = await getRuntime();
  db = scratch.handle.db;
  setRuntime({ ...shared, db });
});

afterAll(async () => {
  setRuntime(shared);
  await scratch.drop();
});

const runCron = () => call(cronRoute.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` }, path: "/api/cron" });

async function expectCountsMatchRecount(org: Organisation) {
  expect(await dailyCountMismatches(db, org.id)).toEqual([]);
  expect(await windowCountMismatches(db, org.id)).toEqual([]);
}

/** The dashboard as `staff` sees it at `instant`, next to the same figures counted from deliveries. */
async function dashboardAndRecount(staff: StaffUser, instant: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, staff.orgId));
  const res = await at(instant, () => call(dashboardRoute.GET, { as: staff }));
  expect(res.status).toBe(200);
  const { today, adherence30, attention } = res.body;
  const shown = { today, adherence30, attention: attention.map(({ reasons: _, ...p }: { reasons: string[] }) => p) };
  const volunteerId = staff.role === "VOLUNTEER" ? staff.id : undefined;
  const recount = await recountDashboard(db, { orgId: staff.orgId, timezone: org?.timezone ?? "", now: new Date(instant), volunteerId });
  return { shown, recount, body: res.body };
}

async function expectDashboardsMatchRecount(staff: StaffUser[], instant: string) {
  for (const s of staff) {
    const { shown, recount } = await dashboardAndRecount(s, instant);
    expect(shown, `${s.role} ${s.id} at ${instant}`).toEqual(recount);
  }
}

const once = (day: string, times: string[]) => ({
  type: "medication",
  medicineName: "Metformin",
  dose: "500 mg",
  schedule: { startDate: day, timesOfDay: times, recurrence: { kind: "once" } },
});

async function createReminder(staff: StaffUser, patient: Patient, body: Record<string, unknown>) {
  const res = await call(patientRemindersRoute.POST, { as: staff, params: { id: patient.id }, body });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe("the dashboard's kept counts", () => {
  it("match a recount after every kind of state change, a reassignment, the local day boundary and a new time zone", async () => {
    const { org, pharmacist, volunteer: a } = await createClinic({ timezone: "Asia/Jakarta" });
    const b = await createStaff(org, { role: "VOLUNTEER" });
    const admin = await createStaff(org, { role: "ADMIN" });
    const p1 = await createVerifiedPatient(org, { name: "Ani", assignedVolunteerId: a.id });
    const p2 = await createVerifiedPatient(org, { name: "Budi", assignedVolunteerId: a.id });
    const p3 = await createVerifiedPatient(org, { name: "Citra", assignedVolunteerId: b.id });
    const p4 = await createVerifiedPatient(org, { name: "Dedi", assignedVolunteerId: b.id });
    const p5 = await createVerifiedPatient(org, { name: "Eka" });
    const p6 = await createVerifiedPatient(org, { name: "Fajar", assignedVolunteerId: a.id, verificationStatus: "PENDING", consentWhatsapp: false });
    const everyone = [p1, p2, p3, p4, p5, p6];
    // 06:00 and 23:50 in Jakarta (UTC+7) on 10 March
    const created = await at("2026-03-09T12:00:00Z", async () => {
      const list = [];
      for (const p of everyone) list.push(await createReminder(pharmacist, p, once("2026-03-10", ["06:00", "23:50"])));
      return list;
    });
    const staff = [admin, a, b];

    // 06:10: one send fails, one has an unknown outcome (both "send now"), the cron sends the rest
    // and skips the unverified patient
    await at("2026-03-09T23:10:00Z", async () => {
      testGowa.failNext("not_on_whatsapp");
      expect((await call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: created[2]?.id ?? "" } })).body).toMatchObject({ failed: 1 });
      testGowa.timeoutNext();
      expect((await call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: created[3]?.id ?? "" } })).body).toMatchObject({ unknown: 1 });
      expect((await runCron()).body).toMatchObject({ due: 6, sent: 5, skipped: 1 });
    });
    await expectCountsMatchRecount(org);

    // replies: confirmed; not yet, then confirmed after all (a state changing twice)
    await at("2026-03-09T23:30:00Z", () => deliver(textMessage(org, p1.phone, "sudah minum obat")));
    await at("2026-03-09T23:31:00Z", () => deliver(textMessage(org, p2.phone, "belum")));
    await expectCountsMatchRecount(org);
    await at("2026-03-10T00:15:00Z", () => deliver(textMessage(org, p2.phone, "sudah")));
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount(staff, "2026-03-10T01:00:00Z");
    const before = await dashboardAndRecount(a, "2026-03-10T01:00:00Z");
    expect(before.body.today).toMatchObject({ total: 3, sent: 2, confirmed: 2, notTaken: 0, skipped: 1 });

    // p1 moves from volunteer A to B, p5 from nobody to A: their deliveries move with them
    await at("2026-03-10T01:05:00Z", async () => {
      expect((await call(assignRoute.POST, { as: pharmacist, params: { id: p1.id }, body: { volunteerId: b.id } })).status).toBe(200);
      expect((await call(assignRoute.POST, { as: pharmacist, params: { id: p5.id }, body: { volunteerId: a.id } })).status).toBe(200);
    });
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount(staff, "2026-03-10T02:00:00Z");
    const after = await dashboardAndRecount(b, "2026-03-10T02:00:00Z");
    expect(after.body.today).toMatchObject({ total: 5, sent: 3, confirmed: 1, failed: 1, unknown: 1 });

    // the reply windows close: the unanswered sends become missed
    await at("2026-03-10T05:30:00Z", runCron);
    await expectCountsMatchRecount(org);

    // 23:50's occurrences go out at 00:05 the next local day: scheduled on the 10th, sent on the 11th
    await at("2026-03-10T17:05:00Z", runCron);
    await at("2026-03-10T17:10:00Z", () => deliver(textMessage(org, p1.phone, "sudah")));
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount(staff, "2026-03-10T16:59:00Z");
    await expectDashboardsMatchRecount(staff, "2026-03-10T17:30:00Z");
    const nextDay = await dashboardAndRecount(admin, "2026-03-10T17:30:00Z");
    expect(nextDay.body.today).toMatchObject({ total: 0 });
    expect(nextDay.body.adherence30.at(-1)).toMatchObject({ day: "2026-03-11", sent: 5, confirmed: 1 });

    // a delivery removed by hand, and the organisation moving to Tokyo (UTC+9): its days are recounted
    const [someDelivery] = await db.select().from(deliveries).where(eq(deliveries.patientId, p6.id)).limit(1);
    await db.delete(deliveries).where(eq(deliveries.id, someDelivery?.id ?? ""));
    await expectCountsMatchRecount(org);
    const moved = await call(organisationRoute.PATCH, { as: admin, method: "PATCH", body: { timezone: "Asia/Tokyo" } });
    expect(moved.status).toBe(200);
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount(staff, "2026-03-10T17:30:00Z");
  });

  it("move each patient's 30-day window with the local day and keep the list of patients needing attention", async () => {
    const { org, volunteer } = await createClinic({ timezone: "America/Sao_Paulo" });
    const admin = await createStaff(org, { role: "ADMIN" });
    const [reminder] = await db
      .insert(reminders)
      .values({ orgId: org.id, patientId: (await createVerifiedPatient(org)).id, type: "medication", medicineName: "X", dose: "1", schedule: once("2026-01-01", ["08:00"]).schedule as never, timezone: "America/Sao_Paulo" })
      .returning();
    const people: Patient[] = [];
    for (let i = 0; i < 30; i++) {
      people.push(await createVerifiedPatient(org, { name: `Pasien ${String(i).padStart(2, "0")}`, assignedVolunteerId: i % 2 ? volunteer.id : null }));
    }
    // one delivery a day for 45 days; confirmation depends on the patient and the day, so some
    // patients fall under half and rates tie; a few unknown outcomes in the last week
    await db.execute(sql`
      insert into deliveries (org_id, reminder_id, patient_id, scheduled_at, state, sent_at, confirmation)
      select ${org.id}, ${reminder?.id}, p.id, ts,
        (case when (p.n + day) % 17 = 0 then 'unknown' else 'sent' end)::delivery_state,
        case when (p.n + day) % 17 = 0 then null else ts + interval '3 minutes' end,
        (case when (p.n + day) % 17 = 0 then 'pending' when (p.n * day) % 5 < p.n % 4 then 'missed' else 'confirmed' end)::confirmation_state
      from (select id, row_number() over (order by name) as n from patients where org_id = ${org.id}) p
      cross join generate_series(0, 44) as day
      cross join lateral (select timestamptz '2026-02-01 11:00:00+00' + make_interval(days => day, mins => p.n::int) as ts) t`);
    await expectCountsMatchRecount(org);

    // windows counted for the first time, moved a day, a week, two months, then back
    for (const instant of ["2026-03-01T12:00:00Z", "2026-03-02T03:30:00Z", "2026-03-09T12:00:00Z", "2026-05-10T12:00:00Z", "2026-03-05T12:00:00Z"]) {
      await expectDashboardsMatchRecount([admin, volunteer], instant);
      await expectCountsMatchRecount(org);
    }
    const { body } = await dashboardAndRecount(admin, "2026-03-05T12:00:00Z");
    expect(body.attention.length).toBeGreaterThan(3);
    expect(body.attention.map((p: { reasons: string[] }) => p.reasons).flat()).toEqual(expect.arrayContaining(["low_adherence", "unknown_sends"]));

    // a late answer after the window moved counts in the new window only if it is inside it
    const [old] = rowsOf<{ id: string }>(await db.execute(sql`select id from deliveries where org_id = ${org.id} and confirmation = 'missed' order by scheduled_at limit 1`));
    await updateDelivery(db, { orgId: org.id, id: old?.id ?? "", values: { confirmation: "confirmed" } });
    const [recent] = rowsOf<{ id: string }>(await db.execute(sql`select id from deliveries where org_id = ${org.id} and confirmation = 'missed' order by scheduled_at desc limit 1`));
    await updateDelivery(db, { orgId: org.id, id: recent?.id ?? "", values: { confirmation: "confirmed" } });
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount([admin, volunteer], "2026-03-05T12:00:00Z");
  });

  it("are moved to the new local day by the dashboard cron, before anyone visits", async () => {
    const { org, pharmacist } = await createClinic({ timezone: "Asia/Jakarta" });
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-04-01T00:00:00Z", () => createReminder(pharmacist, patient, once("2026-04-02", ["08:00"])));
    await at("2026-04-02T01:00:10Z", () => call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } }));
    await dashboardAndRecount(pharmacist, "2026-04-02T02:00:00Z");
    const windowStart = async () => (await db.select().from(patientWindowCounts).where(eq(patientWindowCounts.patientId, patient.id)))[0]?.windowStart?.toISOString();
    expect(await windowStart()).toBe("2026-03-03T17:00:00.000Z");
    // 00:01 on 3 April in Jakarta
    const res = await at("2026-04-02T17:01:00Z", () => call(dashboardCronRoute.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } }));
    expect(res.status).toBe(200);
    expect(res.body.moved).toBeGreaterThanOrEqual(1);
    expect(await windowStart()).toBe("2026-03-04T17:00:00.000Z");
    await expectCountsMatchRecount(org);
    expect((await call(dashboardCronRoute.GET as never, {})).status).toBe(401);
  });

  it("stay equal to a recount under concurrent sends, answers and reassignments", async () => {
    const { org, volunteer: a } = await createClinic({ timezone: "Asia/Jakarta" });
    const b = await createStaff(org, { role: "VOLUNTEER" });
    const admin = await createStaff(org, { role: "ADMIN" });
    const people: Patient[] = [];
    for (let i = 0; i < 12; i++) people.push(await createVerifiedPatient(org, { assignedVolunteerId: i % 3 === 0 ? null : a.id }));
    const [reminder] = await db
      .insert(reminders)
      .values({ orgId: org.id, patientId: people[0]?.id ?? "", type: "medication", medicineName: "X", dose: "1", schedule: once("2026-01-01", ["08:00"]).schedule as never, timezone: "Asia/Jakarta" })
      .returning();
    const rows = await db
      .insert(deliveries)
      .values(people.flatMap((p, i) => Array.from({ length: 10 }, (_, k) => ({ orgId: org.id, reminderId: reminder?.id ?? "", patientId: p.id, scheduledAt: new Date(Date.UTC(2026, 2, 10, 16, 50 + k, i)) }))))
      .returning();
    await dashboardAndRecount(admin, "2026-03-10T18:00:00Z");

    const sendAndAnswer = async (d: (typeof rows)[number], i: number) => {
      const sentAt = new Date(Date.UTC(2026, 2, 10, 16, 55 + (i % 10)));
      await recordSendOutcome(db, {
        orgId: org.id,
        deliveryId: d.id,
        message: null,
        delivery: { state: i % 7 === 0 ? "failed" : "sent", messageId: null, externalId: null, sentAt: i % 7 === 0 ? null : sentAt, lastError: null, windowEndsAt: null, nudgeDueAt: null },
      });
      if (i % 7 !== 0) await updateDelivery(db, { orgId: org.id, id: d.id, values: { confirmation: i % 2 ? "confirmed" : "not_taken" } });
      if (i % 5 === 0) await updateDelivery(db, { orgId: org.id, id: d.id, values: { confirmation: "confirmed" } });
    };
    const reassign = async (round: number) => {
      for (const [i, p] of people.entries()) {
        const to = (round + i) % 3 === 0 ? null : (round + i) % 3 === 1 ? a.id : b.id;
        await db.update(patients).set({ assignedVolunteerId: to }).where(eq(patients.id, p.id));
      }
    };
    await Promise.all([
      ...[0, 1, 2, 3].map(async (w) => {
        for (let i = w; i < rows.length; i += 4) await sendAndAnswer(rows[i] as (typeof rows)[number], i);
      }),
      (async () => {
        for (let round = 0; round < 6; round++) await reassign(round);
      })(),
    ]);
    await expectCountsMatchRecount(org);
    await expectDashboardsMatchRecount([admin, a, b], "2026-03-10T18:00:00Z");
  });
});
