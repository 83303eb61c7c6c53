import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as inboxCron from "../src/app/api/cron/inbox/route";
import * as claimRoute from "../src/app/api/escalations/[id]/claim/route";
import * as resolveRoute from "../src/app/api/escalations/[id]/resolve/route";
import * as escalationsRoute from "../src/app/api/escalations/route";
import * as messagesRoute from "../src/app/api/patients/[id]/messages/route";
import * as verificationRoute from "../src/app/api/patients/[id]/verification/route";
import * as patientsRoute from "../src/app/api/patients/route";
import { auditLog, patients } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { call, createOrg, createStaff } from "./support/fixtures";
import { createClinic, createVerifiedPatient, deliver, newPhone, sentTexts, textMessage } from "./support/gowa";
import { TEST_CRON_SECRET, settleAfterResponse, testGowa } from "./support/setup-runtime";

async function patientRow(id: string) {
  const { db } = await getRuntime();
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw new Error("patient not found");
  return row;
}

async function register(clinic: Awaited<ReturnType<typeof createClinic>>, language: "id" | "en" = "id") {
  const phone = newPhone();
  const res = await call(patientsRoute.POST, { as: clinic.pharmacist, body: { name: "Budi Santoso", phone, language } });
  expect(res.status).toBe(201);
  await settleAfterResponse();
  return { id: res.body.id as string, phone };
}

describe("verification and consent", () => {
  it("registering a patient asks them on WhatsApp, in their language, to reply YA or TIDAK", async () => {
    const clinic = await createClinic();
    const id = await register(clinic);
    const en = await register(clinic, "en");
    expect(sentTexts(id.phone)).toEqual([expect.stringMatching(/Balas YA .* TIDAK/)]);
    expect(sentTexts(en.phone)).toEqual([expect.stringMatching(/Reply YES .* NO/)]);
    expect(await patientRow(id.id)).toMatchObject({ verificationStatus: "PENDING", verificationSendCount: 1, consentWhatsapp: false });
  });

  it("YA verifies the patient and records consent", async () => {
    const clinic = await createClinic();
    const p = await register(clinic);
    await deliver(textMessage(clinic.org, p.phone, "ya"));
    const row = await patientRow(p.id);
    expect(row).toMatchObject({ verificationStatus: "VERIFIED", consentWhatsapp: true });
    expect(row.consentAt).toBeInstanceOf(Date);
    expect(sentTexts(p.phone).at(-1)).toMatch(/sudah terdaftar/);
    const { db } = await getRuntime();
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.map((a) => a.action)).toContain("patient.verified");
  });

  it("TIDAK declines, and an unrelated answer asks again", async () => {
    const clinic = await createClinic();
    const p = await register(clinic);
    await deliver(textMessage(clinic.org, p.phone, "hmm"));
    expect(sentTexts(p.phone).at(-1)).toMatch(/Mohon balas YA/);
    await deliver(textMessage(clinic.org, p.phone, "tidak mau"));
    expect(await patientRow(p.id)).toMatchObject({ verificationStatus: "DECLINED", consentWhatsapp: false });
  });

  it("staff may resend up to three asks in all, then 409", async () => {
    const clinic = await createClinic();
    const p = await register(clinic);
    const resend = () => call(verificationRoute.POST, { as: clinic.pharmacist, method: "POST", params: { id: p.id } });
    expect((await resend()).status).toBe(200);
    expect((await resend()).status).toBe(200);
    const fourth = await resend();
    expect(fourth.status).toBe(409);
    expect(sentTexts(p.phone)).toHaveLength(3);
    expect((await patientRow(p.id)).verificationSendCount).toBe(3);
  });

  it("resending is 404 for another organisation and 409 for a verified patient", async () => {
    const clinic = await createClinic();
    const other = await createClinic();
    const p = await register(clinic);
    expect((await call(verificationRoute.POST, { as: other.pharmacist, method: "POST", params: { id: p.id } })).status).toBe(404);
    const verified = await createVerifiedPatient(clinic.org);
    expect((await call(verificationRoute.POST, { as: clinic.pharmacist, method: "POST", params: { id: verified.id } })).status).toBe(409);
  });

  it("an ask unanswered for 48 hours expires when the cron runs", async () => {
    const clinic = await createClinic();
    const p = await register(clinic);
    const { db } = await getRuntime();
    await db.update(patients).set({ verificationSentAt: new Date(Date.now() - 49 * 3600_000) }).where(eq(patients.id, p.id));
    const res = await call(inboxCron.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });
    expect(res.body.expiredVerifications).toBeGreaterThanOrEqual(1);
    expect((await patientRow(p.id)).verificationStatus).toBe("EXPIRED");
  });
});

describe("GET and POST /api/patients/:id/messages", () => {
  it("shows staff the whole thread, newest first, with intents", async () => {
    const clinic = await createClinic();
    const patient = await createVerifiedPatient(clinic.org, { assignedVolunteerId: clinic.volunteer.id });
    await deliver(textMessage(clinic.org, patient.phone, "sudah minum obat"));
    const res = await call(messagesRoute.GET, { as: clinic.volunteer, params: { id: patient.id }, path: `/api/patients/${patient.id}/messages` });
    expect(res.status).toBe(200);
    const [reply, inbound] = res.body.items;
    expect(inbound).toMatchObject({ direction: "inbound", body: "sudah minum obat", intent: "confirm_taken", intentSource: "rules" });
    expect(reply).toMatchObject({ direction: "outbound", purpose: "ack", status: "sent" });
  });

  it("lets staff write to a patient and records who did", async () => {
    const clinic = await createClinic();
    const patient = await createVerifiedPatient(clinic.org);
    const res = await call(messagesRoute.POST, { as: clinic.pharmacist, params: { id: patient.id }, body: { text: "Bu Siti, obatnya sudah bisa diambil." } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ direction: "outbound", purpose: "staff", status: "sent", sentByStaffId: clinic.pharmacist.id });
    expect(sentTexts(patient.phone)).toEqual(["Bu Siti, obatnya sudah bisa diambil."]);
  });

  it("records a send whose outcome is unknown as unknown, for staff to see, without resending", async () => {
    const clinic = await createClinic();
    const patient = await createVerifiedPatient(clinic.org);
    testGowa.timeoutNext();
    const res = await call(messagesRoute.POST, { as: clinic.pharmacist, params: { id: patient.id }, body: { text: "Halo" } });
    expect(res.body).toMatchObject({ status: "unknown", errorCode: "OUTCOME_UNKNOWN" });
    expect(testGowa.sends.filter((s) => s.phone === patient.phone)).toHaveLength(1);
  });

  it("answers 400 naming the field, 409 for an unsubscribed patient, 404 across volunteers and organisations, 401 without a session", async () => {
    const clinic = await createClinic();
    const other = await createClinic();
    const otherVolunteer = await createStaff(clinic.org, { role: "VOLUNTEER" });
    const patient = await createVerifiedPatient(clinic.org, { assignedVolunteerId: clinic.volunteer.id });
    const empty = await call(messagesRoute.POST, { as: clinic.pharmacist, params: { id: patient.id }, body: { text: "  " } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].field).toBe("text");
    expect((await call(messagesRoute.GET, { as: otherVolunteer, params: { id: patient.id } })).status).toBe(404);
    expect((await call(messagesRoute.GET, { as: other.pharmacist, params: { id: patient.id } })).status).toBe(404);
    expect((await call(messagesRoute.POST, { as: other.pharmacist, params: { id: patient.id }, body: { text: "hi" } })).status).toBe(404);
    expect((await call(messagesRoute.GET, { params: { id: patient.id } })).status).toBe(401);
    const gone = await createVerifiedPatient(clinic.org, { unsubscribedAt: new Date() });
    expect((await call(messagesRoute.POST, { as: clinic.pharmacist, params: { id: gone.id }, body: { text: "hi" } })).status).toBe(409);
  });
});

describe("GET /api/escalations", () => {
  it("lists open escalations with emergencies first, scoped to the organisation and the volunteer", async () => {
    const clinic = await createClinic();
    const other = await createOrg();
    const otherPharmacist = await createStaff(other, { role: "PHARMACIST" });
    const mine = await createVerifiedPatient(clinic.org, { assignedVolunteerId: clinic.volunteer.id });
    const notMine = await createVerifiedPatient(clinic.org);
    await deliver(textMessage(clinic.org, mine.phone, "boleh minum obat sama kopi?"));
    await deliver(textMessage(clinic.org, notMine.phone, "tolong, ayah saya pingsan"));
    const pharmacistView = await call(escalationsRoute.GET, { as: clinic.pharmacist, path: "/api/escalations" });
    expect(pharmacistView.body.items.map((e: { kind: string }) => e.kind)).toEqual(["emergency", "question"]);
    const volunteerView = await call(escalationsRoute.GET, { as: clinic.volunteer, path: "/api/escalations" });
    expect(volunteerView.body.items.map((e: { patient: { id: string } }) => e.patient.id)).toEqual([mine.id]);
    expect((await call(escalationsRoute.GET, { as: otherPharmacist, path: "/api/escalations" })).body.items).toEqual([]);
  });
});

describe("claiming and resolving escalations", () => {
  it("resolving a handed-off question resumes automatic replies for that patient", async () => {
    const { org, volunteer } = await createClinic();
    const patient = await createVerifiedPatient(org, { assignedVolunteerId: volunteer.id });
    await deliver(textMessage(org, patient.phone, "boleh minum obatnya sama teh?"));
    const inbox = await call(escalationsRoute.GET, { as: volunteer, path: "/api/escalations" });
    const [question] = inbox.body.items;
    expect(question).toMatchObject({ kind: "question", status: "open" });
    const claimed = await call(claimRoute.POST, { as: volunteer, method: "POST", params: { id: question.id } });
    expect(claimed.body).toMatchObject({ status: "acknowledged", assignedToId: volunteer.id });
    expect((await patientRow(patient.id)).automationPausedAt).toBeInstanceOf(Date);
    const resolved = await call(resolveRoute.POST, { as: volunteer, params: { id: question.id }, body: { resolution: "answered by phone" } });
    expect(resolved.body).toEqual({ id: question.id, status: "resolved", automationResumed: true });
    expect((await patientRow(patient.id)).automationPausedAt).toBeNull();
    await deliver(textMessage(org, patient.phone, "???"));
    expect(sentTexts(patient.phone).at(-1)).toMatch(/belum mengerti/);
  });

  it("is 404 for another organisation and for another volunteer's patient, 400 on a bad id", async () => {
    const { org, volunteer } = await createClinic();
    const other = await createClinic();
    const stranger = await createStaff(org, { role: "VOLUNTEER" });
    const patient = await createVerifiedPatient(org, { assignedVolunteerId: volunteer.id });
    await deliver(textMessage(org, patient.phone, "boleh minum obatnya sama teh?"));
    const [question] = (await call(escalationsRoute.GET, { as: volunteer, path: "/api/escalations" })).body.items;
    expect((await call(resolveRoute.POST, { as: other.pharmacist, params: { id: question.id }, body: {} })).status).toBe(404);
    expect((await call(claimRoute.POST, { as: stranger, method: "POST", params: { id: question.id } })).status).toBe(404);
    expect((await call(claimRoute.POST, { as: volunteer, method: "POST", params: { id: "x" } })).status).toBe(400);
  });
});
