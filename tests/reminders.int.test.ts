import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as adherenceRoute from "../src/app/api/adherence/route";
import * as cronRoute from "../src/app/api/cron/route";
import * as escalationsRoute from "../src/app/api/escalations/route";
import * as deliveriesRoute from "../src/app/api/patients/[id]/deliveries/route";
import * as patientRemindersRoute from "../src/app/api/patients/[id]/reminders/route";
import * as patientsRoute from "../src/app/api/patients/route";
import * as pauseRoute from "../src/app/api/reminders/[id]/pause/route";
import * as resumeRoute from "../src/app/api/reminders/[id]/resume/route";
import * as reminderRoute from "../src/app/api/reminders/[id]/route";
import * as sendNowRoute from "../src/app/api/reminders/[id]/send-now/route";
import { type Patient, deliveries, reminders } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { at } from "./support/clock";
import { call } from "./support/fixtures";
import { createClinic, createVerifiedPatient, deliver, gowaEnvelope, gowaId, sentTexts, textMessage } from "./support/gowa";
import { TEST_CRON_SECRET } from "./support/setup-runtime";

const runCron = () => call(cronRoute.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` }, path: "/api/cron" });

const medication = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "medication",
  medicineName: "Amlodipin",
  dose: "5 mg",
  schedule: { startDate: "2026-11-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" } },
  ...overrides,
});

async function createReminderFor(staff: { id: string }, patient: Patient, body = medication()) {
  const res = await call(patientRemindersRoute.POST, { as: staff, params: { id: patient.id }, body });
  expect(res.status).toBe(201);
  return res.body as { id: string; nextDueAt: string };
}

async function deliveriesOf(reminderId: string) {
  const { db } = await getRuntime();
  return db.select().from(deliveries).where(eq(deliveries.reminderId, reminderId)).orderBy(deliveries.scheduledAt);
}

describe("reminders API", () => {
  it("creates a reminder whose next occurrence is computed in the patient's time zone", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org, { timezone: "Asia/Makassar" });
    const created = await at("2026-11-23T01:00:00Z", () => createReminderFor(pharmacist, patient));
    // 08:00 in Makassar (UTC+8) is 00:00 UTC: the next one after 01:00 UTC is tomorrow's
    expect(created).toMatchObject({ timezone: "Asia/Makassar", nextDueAt: "2026-11-24T00:00:00.000Z", status: "active" });
  });

  it("answers 400 naming the field, 404 for another organisation's or another volunteer's patient", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const other = await createClinic();
    const patient = await createVerifiedPatient(org);
    const bad = await call(patientRemindersRoute.POST, { as: pharmacist, params: { id: patient.id }, body: medication({ medicineName: undefined }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field)).toContain("medicineName");
    const badTime = await call(patientRemindersRoute.POST, { as: pharmacist, params: { id: patient.id }, body: medication({ schedule: { startDate: "2026-11-01", timesOfDay: ["25:00"], recurrence: { kind: "daily" } } }) });
    expect(badTime.body.error.issues[0].field).toBe("schedule.timesOfDay.0");
    expect((await call(patientRemindersRoute.POST, { as: other.pharmacist, params: { id: patient.id }, body: medication() })).status).toBe(404);
    expect((await call(patientRemindersRoute.GET, { as: volunteer, params: { id: patient.id } })).status).toBe(404);
    const reminder = await createReminderFor(pharmacist, patient);
    expect((await call(reminderRoute.GET, { as: other.pharmacist, params: { id: reminder.id } })).status).toBe(404);
    expect((await call(reminderRoute.PATCH, { as: other.pharmacist, method: "PATCH", params: { id: reminder.id }, body: { dose: "10 mg" } })).status).toBe(404);
    expect((await call(reminderRoute.GET, { params: { id: reminder.id } })).status).toBe(401);
  });

  it("edits, pauses, resumes and deletes a reminder", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await createReminderFor(pharmacist, patient);
    const edited = await call(reminderRoute.PATCH, { as: pharmacist, method: "PATCH", params: { id: reminder.id }, body: { dose: "10 mg" } });
    expect(edited.body).toMatchObject({ dose: "10 mg" });
    expect((await call(pauseRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } })).body.status).toBe("paused");
    expect((await call(resumeRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } })).body.status).toBe("active");
    expect((await call(reminderRoute.DELETE, { as: pharmacist, method: "DELETE", params: { id: reminder.id } })).status).toBe(204);
    expect((await call(reminderRoute.GET, { as: pharmacist, params: { id: reminder.id } })).status).toBe(404);
  });
});

describe("GET /api/cron", () => {
  it("refuses calls without the cron secret", async () => {
    expect((await call(cronRoute.GET as never, {})).status).toBe(401);
  });

  it("eight concurrent cron calls send each due occurrence exactly once", async () => {
    const { org, pharmacist } = await createClinic();
    const patientsDue = await Promise.all(Array.from({ length: 12 }, () => createVerifiedPatient(org)));
    const created = [];
    for (const p of patientsDue) created.push(await at("2026-11-23T00:30:00Z", () => createReminderFor(pharmacist, p)));
    // 08:00 Jakarta = 01:00 UTC; the cron runs at 01:00:30
    const results = await at("2026-11-23T01:00:30Z", () => Promise.all(Array.from({ length: 8 }, () => runCron())));
    expect(results.every((r) => r.status === 200)).toBe(true);
    // other tests share the database, so count this clinic's sends, not the summaries
    expect(results.reduce((sum, r) => sum + r.body.sent, 0)).toBeGreaterThanOrEqual(12);
    for (const [i, p] of patientsDue.entries()) {
      expect(sentTexts(p.phone)).toHaveLength(1);
      expect(sentTexts(p.phone)[0]).toMatch(/Amlodipin 5 mg \(jam 08:00\)/);
      const rows = await deliveriesOf(created[i]?.id ?? "");
      expect(rows).toMatchObject([{ state: "sent", scheduledAt: new Date("2026-11-23T01:00:00Z") }]);
    }
  });

  it("sends an occurrence missed during an outage while it is under two hours late, and skips older ones", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-22T00:30:00Z", () =>
      createReminderFor(pharmacist, patient, medication({ schedule: { startDate: "2026-11-01", timesOfDay: ["08:00", "10:00"], recurrence: { kind: "daily" } } })),
    );
    // the cron was down from before 08:00 until 11:30 Jakarta (04:30 UTC)
    const summary = await at("2026-11-22T04:30:00Z", runCron);
    expect(summary.body.due).toBeGreaterThanOrEqual(2);
    const rows = await deliveriesOf(reminder.id);
    expect(rows.map((d) => [d.scheduledAt.toISOString(), d.state, d.skipReason])).toEqual([
      ["2026-11-22T01:00:00.000Z", "skipped", "too_late"],
      ["2026-11-22T03:00:00.000Z", "sent", null],
    ]);
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });

  it("skips patients who are unverified, unsubscribed or paused, with the reason", async () => {
    const { org, pharmacist } = await createClinic();
    const unverified = await createVerifiedPatient(org, { verificationStatus: "PENDING", consentWhatsapp: false });
    const unsubscribed = await createVerifiedPatient(org, { unsubscribedAt: new Date() });
    const a = await at("2026-11-20T00:00:00Z", () => createReminderFor(pharmacist, unverified));
    const b = await at("2026-11-20T00:00:00Z", () => createReminderFor(pharmacist, unsubscribed));
    await at("2026-11-20T01:00:10Z", runCron);
    expect((await deliveriesOf(a.id)).map((d) => d.skipReason)).toEqual(["unverified"]);
    expect((await deliveriesOf(b.id)).map((d) => d.skipReason)).toEqual(["unsubscribed"]);
    expect(sentTexts(unverified.phone)).toEqual([]);
    expect(sentTexts(unsubscribed.phone)).toEqual([]);
  });

  it("a paused reminder sends nothing, and resuming does not send what was missed", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-20T00:00:00Z", () => createReminderFor(pharmacist, patient));
    await at("2026-11-20T00:10:00Z", () => call(pauseRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } }));
    await at("2026-11-20T01:00:10Z", runCron);
    await at("2026-11-20T01:30:00Z", () => call(resumeRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } }));
    await at("2026-11-20T01:31:00Z", runCron);
    expect(sentTexts(patient.phone)).toEqual([]);
    const { db } = await getRuntime();
    const [row] = await db.select().from(reminders).where(eq(reminders.id, reminder.id));
    expect(row?.nextDueAt?.toISOString()).toBe("2026-11-21T01:00:00.000Z");
  });
});

describe("the reminder loop", () => {
  it("a reply quoting a reminder confirms that very delivery, and adherence reads 100%", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-23T00:00:00Z", () => createReminderFor(pharmacist, patient));
    await at("2026-11-23T01:00:05Z", runCron);
    const [delivery] = await deliveriesOf(reminder.id);
    expect(delivery?.externalId).toBeTruthy();
    await at("2026-11-23T01:10:00Z", () => deliver(textMessage(org, patient.phone, "sudah", { repliedToId: delivery?.externalId ?? "" })));
    expect((await deliveriesOf(reminder.id))[0]).toMatchObject({ confirmation: "confirmed" });
    const adherence = await at("2026-11-23T02:00:00Z", () => call(adherenceRoute.GET, { as: pharmacist, path: `/api/adherence?patientId=${patient.id}` }));
    expect(adherence.body.days7).toEqual({ sent: 1, confirmed: 1, rate: 1 });
    const list = await call(patientsRoute.GET, { as: pharmacist, path: `/api/patients?q=${encodeURIComponent(patient.phone)}` });
    expect(list.body.items[0].adherence.days30).toMatchObject({ sent: 1, confirmed: 1 });
  });

  it("with no reply: one nudge after an hour, then missed when the window closes", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-23T00:00:00Z", () => createReminderFor(pharmacist, patient));
    await at("2026-11-23T01:00:05Z", runCron);
    await at("2026-11-23T01:30:00Z", runCron);
    expect(sentTexts(patient.phone)).toHaveLength(1);
    const nudge = await at("2026-11-23T02:01:00Z", runCron);
    expect(nudge.body.nudged).toBeGreaterThanOrEqual(1);
    await at("2026-11-23T03:00:00Z", runCron);
    expect(sentTexts(patient.phone)).toHaveLength(2);
    expect(sentTexts(patient.phone)[1]).toMatch(/belum ada balasan/);
    const closed = await at("2026-11-23T07:01:00Z", runCron);
    expect(closed.body.missed).toBeGreaterThanOrEqual(1);
    expect((await deliveriesOf(reminder.id))[0]).toMatchObject({ confirmation: "missed" });
    const deliveriesView = await call(deliveriesRoute.GET, { as: pharmacist, params: { id: patient.id } });
    expect(deliveriesView.body.items[0]).toMatchObject({ state: "sent", confirmation: "missed" });
  });

  it("'belum' marks not taken and plans one gentle follow-up outside quiet hours", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    // 20:30 Jakarta: the follow-up an hour later would fall in quiet hours (21:00-06:00)
    const reminder = await at("2026-11-23T13:00:00Z", () =>
      createReminderFor(pharmacist, patient, medication({ schedule: { startDate: "2026-11-01", timesOfDay: ["20:30"], recurrence: { kind: "daily" } } })),
    );
    await at("2026-11-23T13:30:05Z", runCron);
    await at("2026-11-23T13:35:00Z", () => deliver(textMessage(org, patient.phone, "belum")));
    const [delivery] = await deliveriesOf(reminder.id);
    expect(delivery?.confirmation).toBe("not_taken");
    // 06:00 Jakarta the next morning is 23:00 UTC
    expect(delivery?.nudgeDueAt?.toISOString()).toBe("2026-11-23T23:00:00.000Z");
  });

  it("a 👍 reaction on the reminder confirms it", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-23T00:00:00Z", () => createReminderFor(pharmacist, patient));
    await at("2026-11-23T01:00:05Z", runCron);
    const [delivery] = await deliveriesOf(reminder.id);
    const digits = patient.phone.slice(1);
    await deliver(gowaEnvelope(org, "message.reaction", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: `${digits}@s.whatsapp.net`, reaction: "👍", reacted_message_id: delivery?.externalId }));
    expect((await deliveriesOf(reminder.id))[0]?.confirmation).toBe("confirmed");
  });

  it("'sudah, tapi mual terus' confirms the reminder and reports the symptom", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await at("2026-11-23T00:00:00Z", () => createReminderFor(pharmacist, patient));
    await at("2026-11-23T01:00:05Z", runCron);
    await at("2026-11-23T01:20:00Z", () => deliver(textMessage(org, patient.phone, "sudah, tapi mual terus")));
    expect((await deliveriesOf(reminder.id))[0]?.confirmation).toBe("confirmed");
    // nausea is none of the Pharmacy First conditions: the patient is offered the list, with "none of these"
    expect(sentTexts(patient.phone).at(-1)).toMatch(/Balas dengan nomornya[\s\S]*0\. Bukan salah satunya/);
    await at("2026-11-23T01:21:00Z", () => deliver(textMessage(org, patient.phone, "0")));
    const inbox = await call(escalationsRoute.GET, { as: pharmacist, path: "/api/escalations" });
    expect(inbox.body.items.map((e: { kind: string; patient: { id: string } }) => [e.kind, e.patient.id])).toContainEqual(["symptom", patient.id]);
  });

  it("an appointment reply saying they cannot come tells the assigned volunteer", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const patient = await createVerifiedPatient(org, { assignedVolunteerId: null });
    const { db } = await getRuntime();
    const { patients } = await import("../src/db/schema");
    await db.update(patients).set({ assignedVolunteerId: volunteer.id }).where(and(eq(patients.id, patient.id), eq(patients.orgId, org.id)));
    const reminder = await at("2026-11-20T00:00:00Z", () =>
      createReminderFor(pharmacist, patient, { type: "appointment", appointmentPlace: "Puskesmas Menteng", schedule: { appointmentAt: "2026-11-22T09:00", offsetsMinutes: [1440] } }),
    );
    await at("2026-11-21T02:00:05Z", runCron);
    expect(sentTexts(patient.phone)[0]).toMatch(/Puskesmas Menteng/);
    await at("2026-11-21T02:10:00Z", () => deliver(textMessage(org, patient.phone, "belum bisa datang, saya berhalangan")));
    expect((await deliveriesOf(reminder.id))[0]?.confirmation).toBe("not_taken");
    const inbox = await call(escalationsRoute.GET, { as: volunteer, path: "/api/escalations" });
    expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: "handoff", signs: ["appointment_cannot_attend"] }));
  });

  it("staff 'send now' sends once, however often it is pressed", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const reminder = await createReminderFor(pharmacist, patient);
    const clock = "2026-11-23T05:00:00Z";
    const [a, b] = await at(clock, () =>
      Promise.all([
        call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } }),
        call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.id } }),
      ]),
    );
    expect(a.body.sent + b.body.sent).toBe(1);
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });
});
