import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as followUpCron from "../src/app/api/cron/follow-ups/route";
import * as triageRoute from "../src/app/api/patients/[id]/triage/route";
import { type Organisation, type Patient, consultations, escalations, followUps, staffUsers, triageSessions } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { insertConsultation } from "../src/services/consultation/consultation.repository";
import { call } from "./support/fixtures";
import { at } from "./support/clock";
import { createClinic, createVerifiedPatient, deliver, sentTexts, textMessage } from "./support/gowa";
import { TEST_CRON_SECRET } from "./support/setup-runtime";

const runFollowUpCron = () => call(followUpCron.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` } });

async function session(patientId: string) {
  const { db } = await getRuntime();
  const [row] = await db.select().from(triageSessions).where(eq(triageSessions.patientId, patientId)).orderBy(triageSessions.createdAt);
  return row;
}

/** A clinic whose pharmacist carries the on-duty phone for alerts. */
async function clinicWithPharmacistPhone() {
  const clinic = await createClinic();
  const { db } = await getRuntime();
  const phone = `+62811${String(Date.now()).slice(-7)}`;
  await db.update(staffUsers).set({ phone }).where(eq(staffUsers.id, clinic.pharmacist.id));
  return { ...clinic, pharmacistPhone: phone };
}

/** Answers the dialog's questions from `answers` (by finding key) until it ends; returns the turns taken. */
async function answerUntilDone(org: Organisation, patient: Patient, answers: Record<string, string>, fallback = "tidak") {
  for (let turn = 0; turn < 40; turn++) {
    const current = await session(patient.id);
    if (!current || current.status !== "active") return turn;
    await deliver(textMessage(org, patient.phone, answers[current.pendingQuestion ?? ""] ?? fallback));
  }
  throw new Error("the dialog did not end in 40 turns");
}

describe("Pharmacy First triage over WhatsApp", () => {
  it("a UTI reported in Indonesian ends in treat, with a consultation waiting for the pharmacist", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1992-03-14", sex: "female" });
    await deliver(textMessage(org, patient.phone, "bu, saya sakit kalau kencing, anyang-anyangan dari kemarin"));
    const started = await session(patient.id);
    expect(started).toMatchObject({ condition: "uti", status: "active", sex: "female" });
    expect(started?.age).toBeGreaterThan(33);
    // serious illness is asked first
    expect(started?.pendingQuestion).toBe("sepsis_signs");
    expect(sentTexts(patient.phone)[0]).toMatch(/Kami akan menanyakan beberapa hal singkat[\s\S]*sangat lemas/);
    await answerUntilDone(org, patient, { pregnant: "tidak", dysuria: "ya", new_nocturia: "iya betul", cloudy_urine: "tidak", severity: "2" });
    const done = await session(patient.id);
    expect(done).toMatchObject({ status: "completed", outcome: "treat" });
    expect(done?.findings).toMatchObject({ dysuria: true, new_nocturia: true, severity: "moderate" });
    // with two key signs known the third cannot change the outcome, so it was never asked
    expect(done?.findings).not.toHaveProperty("cloudy_urine");
    expect(sentTexts(patient.phone).at(-1)).toMatch(/Apoteker kami akan meninjau/);
    const { db } = await getRuntime();
    const [consultation] = await db.select().from(consultations).where(eq(consultations.triageSessionId, done?.id ?? ""));
    expect(consultation).toMatchObject({ condition: "uti", outcome: "treat", treatmentProposed: "nitrofurantoin", status: "PENDING_APPROVAL" });
  });

  it("a sore throat with stridor ends in an emergency at that answer: the number, nothing else asked, the pharmacist alerted", async () => {
    const { org, pharmacistPhone } = await clinicWithPharmacistPhone();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1990-01-01", sex: "male" });
    await deliver(textMessage(org, patient.phone, "tenggorokan saya sakit sekali"));
    expect((await session(patient.id))?.condition).toBe("sore_throat");
    await answerUntilDone(org, patient, { stridor: "ya" });
    const done = await session(patient.id);
    expect(done).toMatchObject({ status: "escalated", outcome: "emergency" });
    expect(done?.reasons).toContain("red_flag:stridor");
    expect(sentTexts(patient.phone).at(-1)).toMatch(/Segera telepon 119/);
    expect(sentTexts(pharmacistPhone)).toEqual([expect.stringMatching(/DARURAT/)]);
    const { db } = await getRuntime();
    const open = await db.select().from(escalations).where(and(eq(escalations.patientId, patient.id), eq(escalations.kind, "emergency")));
    expect(open).toHaveLength(1);
    // the emergency answer was the last question: nothing asked after it
    const count = sentTexts(patient.phone).length;
    await deliver(textMessage(org, patient.phone, "makasih"));
    expect(sentTexts(patient.phone).slice(count).join(" ")).not.toMatch(/\?/);
  });

  it("no answer: one reminder after two hours, abandoned after a day", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1985-06-01", sex: "female" });
    await at("2026-11-23T02:00:00Z", () => deliver(textMessage(org, patient.phone, "anyang-anyangan, perih saat pipis")));
    await at("2026-11-23T03:00:00Z", runFollowUpCron);
    expect(sentTexts(patient.phone)).toHaveLength(1);
    await at("2026-11-23T04:01:00Z", runFollowUpCron);
    expect(sentTexts(patient.phone).at(-1)).toMatch(/masih menunggu jawaban/);
    await at("2026-11-23T05:00:00Z", runFollowUpCron);
    expect(sentTexts(patient.phone)).toHaveLength(2);
    await at("2026-11-24T04:02:00Z", runFollowUpCron);
    expect((await session(patient.id))?.status).toBe("abandoned");
    expect(sentTexts(patient.phone).at(-1)).toMatch(/menutup pertanyaan/);
  });

  it("STOP inside the dialog ends it and unsubscribes", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1985-06-01", sex: "female" });
    await deliver(textMessage(org, patient.phone, "perih saat kencing"));
    await deliver(textMessage(org, patient.phone, "STOP"));
    expect((await session(patient.id))?.status).toBe("stopped");
  });

  it("an emergency message inside the dialog escalates at once and closes it", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1985-06-01", sex: "female" });
    await deliver(textMessage(org, patient.phone, "perih saat kencing"));
    await deliver(textMessage(org, patient.phone, "tiba-tiba dada saya nyeri sekali dan sesak napas"));
    expect((await session(patient.id))?.status).toBe("escalated");
    expect(sentTexts(patient.phone).at(-1)).toMatch(/119/);
  });

  it("asks age and sex when the record lacks them, and reads 'tidak tahu' as unknown", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: null, sex: null });
    await deliver(textMessage(org, patient.phone, "saya digigit serangga, bengkak dan merah"));
    // serious illness first, then who the patient is
    expect((await session(patient.id))?.pendingQuestion).toBe("sepsis_signs");
    await deliver(textMessage(org, patient.phone, "tidak"));
    await deliver(textMessage(org, patient.phone, "tidak"));
    expect((await session(patient.id))?.pendingQuestion).toBe("age");
    await deliver(textMessage(org, patient.phone, "34"));
    expect((await session(patient.id))?.pendingQuestion).toBe("sex");
    await deliver(textMessage(org, patient.phone, "laki-laki"));
    const s = await session(patient.id);
    expect(s).toMatchObject({ age: 34, sex: "male", pregnant: false });
    await deliver(textMessage(org, patient.phone, "tidak tahu"));
    expect((await session(patient.id))?.unanswered).toEqual([s?.pendingQuestion]);
  });

  it("findings only a pharmacist can examine end the remote part with an invitation and a draft consultation", async () => {
    const { org } = await createClinic();
    const child = await createVerifiedPatient(org, { dateOfBirth: "2019-05-01", sex: "female" });
    await deliver(textMessage(org, child.phone, "anak saya sakit telinga sejak kemarin"));
    expect((await session(child.id))?.condition).toBe("otitis_media");
    await answerUntilDone(org, child, { acute_onset_symptoms: "ya" });
    const done = await session(child.id);
    expect(done).toMatchObject({ status: "completed", outcome: "incomplete" });
    expect(sentTexts(child.phone).at(-1)).toMatch(/datang ke apotek/);
    const { db } = await getRuntime();
    const [consultation] = await db.select().from(consultations).where(eq(consultations.triageSessionId, done?.id ?? ""));
    expect(consultation?.status).toBe("DRAFT");
  });

  it("a complaint outside the seven gets the list; '0' hands it to staff", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "saya pusing dan mual terus"));
    expect((await session(patient.id))?.pendingQuestion).toBe("condition");
    await deliver(textMessage(org, patient.phone, "0"));
    expect((await session(patient.id))?.outcome).toBe("handed_over");
    const { db } = await getRuntime();
    expect(await db.select().from(escalations).where(and(eq(escalations.patientId, patient.id), eq(escalations.kind, "symptom")))).toHaveLength(1);
    void pharmacist;
  });
});

describe("follow-ups", () => {
  async function approvedConsultation(org: Organisation, patient: Patient, dueAt: Date) {
    const { db } = await getRuntime();
    const consultation = await insertConsultation(db, { orgId: org.id, patientId: patient.id, condition: "uti", outcome: "treat", status: "APPROVED", treatmentProposed: "nitrofurantoin" });
    if (!consultation) throw new Error("no consultation");
    await db.insert(followUps).values({ orgId: org.id, consultationId: consultation.id, patientId: patient.id, dueAt });
    return consultation;
  }

  it("the follow-up cron sends each due follow-up exactly once, however many run at once", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await approvedConsultation(org, patient, new Date("2026-11-20T02:00:00Z"));
    await at("2026-11-20T02:05:00Z", () => Promise.all([runFollowUpCron(), runFollowUpCron(), runFollowUpCron()]));
    expect(sentTexts(patient.phone)).toEqual([expect.stringMatching(/Lebih baik[\s\S]*Sama saja[\s\S]*Lebih buruk/)]);
  });

  it("'worse' is stored on the consultation and escalates to the pharmacist at once", async () => {
    const { org, pharmacistPhone } = await clinicWithPharmacistPhone();
    const patient = await createVerifiedPatient(org);
    const consultation = await approvedConsultation(org, patient, new Date(Date.now() - 60_000));
    await runFollowUpCron();
    await deliver(textMessage(org, patient.phone, "3, makin sakit"));
    const { db } = await getRuntime();
    const [row] = await db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(row?.followUpAnswer).toBe("worse");
    expect(sentTexts(pharmacistPhone)).toEqual([expect.stringMatching(/MENDESAK/)]);
    expect(sentTexts(patient.phone).at(-1)).toMatch(/HARI INI/);
  });

  it("'sama saja' after the course refers the patient on", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const consultation = await approvedConsultation(org, patient, new Date(Date.now() - 60_000));
    await runFollowUpCron();
    await deliver(textMessage(org, patient.phone, "sama saja bu"));
    const { db } = await getRuntime();
    const [row] = await db.select().from(consultations).where(eq(consultations.id, consultation.id));
    expect(row?.followUpAnswer).toBe("same");
    expect(sentTexts(patient.phone).at(-1)).toMatch(/diperiksa dokter/);
  });
});

describe("GET /api/patients/:id/triage", () => {
  it("shows staff the patient's dialogs with their findings and outcome; 404 across organisations", async () => {
    const { org, pharmacist } = await createClinic();
    const other = await createClinic();
    const patient = await createVerifiedPatient(org, { dateOfBirth: "1990-01-01", sex: "male" });
    await deliver(textMessage(org, patient.phone, "tenggorokan saya sakit sekali"));
    await answerUntilDone(org, patient, { stridor: "ya" });
    const res = await call(triageRoute.GET, { as: pharmacist, params: { id: patient.id } });
    expect(res.body.items).toEqual([expect.objectContaining({ condition: "sore_throat", outcome: "emergency", status: "escalated", findings: expect.objectContaining({ stridor: true }) })]);
    expect((await call(triageRoute.GET, { as: other.pharmacist, params: { id: patient.id } })).status).toBe(404);
  });
});
