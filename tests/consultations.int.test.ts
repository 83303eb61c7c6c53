import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as approveRoute from "../src/app/api/consultations/[id]/approve/route";
import * as exportRoute from "../src/app/api/consultations/[id]/export/route";
import * as markSubmittedRoute from "../src/app/api/consultations/[id]/mark-submitted/route";
import * as rejectRoute from "../src/app/api/consultations/[id]/reject/route";
import * as consultationRoute from "../src/app/api/consultations/[id]/route";
import * as submitRoute from "../src/app/api/consultations/[id]/submit/route";
import * as consultationsRoute from "../src/app/api/consultations/route";
import { type Organisation, type Patient, auditLog, followUps } from "../src/db/schema";
import { fixedClock } from "../src/lib/clock";
import { getRuntime, setRuntime } from "../src/lib/runtime";
import { insertConsultation } from "../src/services/consultation/consultation.repository";
import { assess } from "../src/services/triage/engine";
import type { TriageFacts } from "../src/services/triage/triage.schemas";
import { call, createStaff } from "./support/fixtures";
import { createClinic, createVerifiedPatient } from "./support/gowa";

/** Every UTI red flag, eligibility and referral criterion answered "no". */
const UTI_CLEAR = {
  sepsis_signs: false,
  deterioration_risk: false,
  catheter: false,
  recurrent_uti: false,
  kidney_pain: false,
  flu_like_myalgia: false,
  rigors_or_fever: false,
  nausea_vomiting: false,
  vaginal_discharge: false,
  urethritis_or_sti_risk: false,
  menopause_symptoms: false,
  immunosuppressed: false,
};
const UTI_TREAT = { ...UTI_CLEAR, dysuria: true, new_nocturia: true, severity: "moderate" };

const utiBody = (patient: Patient, findings: Record<string, unknown> = UTI_TREAT) => ({
  patientId: patient.id,
  condition: "uti",
  age: 34,
  sex: "female",
  pregnant: false,
  findings,
});

async function at<T>(instant: string, work: () => Promise<T>): Promise<T> {
  const rt = await getRuntime();
  setRuntime({ ...rt, clock: fixedClock(instant) });
  try {
    return await work();
  } finally {
    setRuntime(rt);
  }
}

async function create(as: { id: string }, body: unknown) {
  const res = await call(consultationsRoute.POST, { as, body, path: "/api/consultations" });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; outcome: string };
}

const post = (route: { POST: never }, as: { id: string }, id: string, body?: unknown) =>
  call(route.POST, { as, method: "POST", params: { id }, body });

/** A UTI consultation ready for approval. */
async function pendingUti(org: Organisation, pharmacist: { id: string }) {
  const patient = await createVerifiedPatient(org, { name: "Dewi Lestari", dateOfBirth: "1991-05-02" });
  const created = await create(pharmacist, utiBody(patient));
  expect((await post(submitRoute as never, pharmacist, created.id)).status).toBe(200);
  return { patient, id: created.id };
}

async function auditActions(orgId: string, id: string) {
  const { db } = await getRuntime();
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityType, "consultation"), eq(auditLog.entityId, id)))
    .orderBy(auditLog.id);
  return rows;
}

describe("consultations API", () => {
  it("creates a consultation whose outcome, reasons and treatment come from assess", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const res = await call(consultationsRoute.POST, { as: pharmacist, body: utiBody(patient) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      patient: { id: patient.id, name: patient.name },
      condition: "uti",
      status: "DRAFT",
      outcome: "treat",
      treatmentProposed: "nitrofurantoin",
      redFlags: [],
      missing: [],
    });
    const contract = assess({ condition: "uti", age: 34, sex: "female", pregnant: false, findings: UTI_TREAT } as TriageFacts);
    expect(res.body.reasons).toEqual(contract.reasons);
    const fetched = await call(consultationRoute.GET, { as: pharmacist, params: { id: res.body.id } });
    expect(fetched.body).toMatchObject({ id: res.body.id, outcome: "treat" });
  });

  it("records red flags as the keys of the red_flag reasons", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const created = await create(pharmacist, utiBody(patient, { kidney_pain: true, rigors_or_fever: true }));
    expect(created).toMatchObject({ outcome: "urgent_referral", redFlags: ["kidney_pain", "rigors_or_fever"] });
  });

  it("takes age and sex from the patient record when the body leaves them out, and asks for what is unknown", async () => {
    const { org, pharmacist } = await createClinic();
    const known = await createVerifiedPatient(org, { dateOfBirth: "1990-01-15", sex: "female" });
    const fromRecord = await create(pharmacist, { patientId: known.id, condition: "uti", findings: UTI_TREAT, pregnant: false });
    expect(fromRecord).toMatchObject({ sex: "female", outcome: "treat" });
    const unknown = await createVerifiedPatient(org);
    const undecided = await create(pharmacist, { patientId: unknown.id, condition: "uti", findings: UTI_TREAT });
    expect(undecided).toMatchObject({ age: null, sex: null, outcome: "incomplete" });
    expect((undecided as unknown as { missing: string[] }).missing).toEqual(expect.arrayContaining(["age", "sex", "pregnant"]));
    // a red flag decides whatever the age
    const urgent = await create(pharmacist, { patientId: unknown.id, condition: "uti", findings: { kidney_pain: true } });
    expect(urgent.outcome).toBe("urgent_referral");
  });

  it("answers 400 naming the field", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const fieldsOf = (res: { body: { error: { issues: Array<{ field: string }> } } }) => res.body.error.issues.map((i) => i.field);

    const noCondition = await call(consultationsRoute.POST, { as: pharmacist, body: { ...utiBody(patient), condition: "flu" } });
    expect(noCondition.status).toBe(400);
    expect(fieldsOf(noCondition)).toContain("condition");
    const badFinding = await call(consultationsRoute.POST, { as: pharmacist, body: utiBody(patient, { dysuria: "yes" }) });
    expect(badFinding.status).toBe(400);
    expect(fieldsOf(badFinding)).toContain("findings.dysuria");
    const foreignFinding = await call(consultationsRoute.POST, { as: pharmacist, body: utiBody(patient, { stridor: true }) });
    expect(fieldsOf(foreignFinding)).toContain("findings.stridor");
    const badAge = await call(consultationsRoute.POST, { as: pharmacist, body: { ...utiBody(patient), age: -1 } });
    expect(fieldsOf(badAge)).toContain("age");

    const created = await create(pharmacist, utiBody(patient));
    const emptyPatch = await call(consultationRoute.PATCH, { as: pharmacist, method: "PATCH", params: { id: created.id }, body: {} });
    expect(emptyPatch.status).toBe(400);
    const badPatch = await call(consultationRoute.PATCH, { as: pharmacist, method: "PATCH", params: { id: created.id }, body: { findings: { severity: "awful" } } });
    expect(badPatch.status).toBe(400);
    expect(fieldsOf(badPatch)).toContain("findings.severity");
    const noReason = await post(rejectRoute as never, pharmacist, created.id, { reason: "  " });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)).toContain("reason");
    const badId = await call(consultationRoute.GET, { as: pharmacist, params: { id: "nope" } });
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId)).toContain("params.id");
  });

  it("lets only pharmacists and admins start a consultation", async () => {
    const { org, volunteer } = await createClinic();
    const patient = await createVerifiedPatient(org, { assignedVolunteerId: volunteer.id });
    const res = await call(consultationsRoute.POST, { as: volunteer, body: utiBody(patient) });
    expect(res.status).toBe(403);
    const admin = await createStaff(org, { role: "ADMIN" });
    await create(admin, utiBody(patient));
  });

  it("answers 404 on every route for another organisation's consultation or patient", async () => {
    const { org, pharmacist } = await createClinic();
    const other = await createClinic();
    const { id, patient } = await pendingUti(org, pharmacist);
    const as = other.pharmacist;
    expect((await call(consultationsRoute.POST, { as, body: utiBody(patient) })).status).toBe(404);
    expect((await call(consultationRoute.GET, { as, params: { id } })).status).toBe(404);
    expect((await call(consultationRoute.PATCH, { as, method: "PATCH", params: { id }, body: { advice: "x" } })).status).toBe(404);
    expect((await post(submitRoute as never, as, id)).status).toBe(404);
    expect((await post(approveRoute as never, as, id)).status).toBe(404);
    expect((await post(rejectRoute as never, as, id, { reason: "no" })).status).toBe(404);
    expect((await post(markSubmittedRoute as never, as, id)).status).toBe(404);
    expect((await call(exportRoute.GET, { as, params: { id } })).status).toBe(404);
    const list = await call(consultationsRoute.GET, { as, path: `/api/consultations?patientId=${patient.id}` });
    expect(list.body.items).toEqual([]);
    expect((await call(consultationRoute.GET, { params: { id } })).status).toBe(401);
  });

  it("shows a volunteer only the consultations of their own patients", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const mine = await createVerifiedPatient(org, { assignedVolunteerId: volunteer.id });
    const notMine = await createVerifiedPatient(org);
    const visible = await create(pharmacist, utiBody(mine));
    const hidden = await create(pharmacist, utiBody(notMine));
    const list = await call(consultationsRoute.GET, { as: volunteer, path: "/api/consultations" });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([visible.id]);
    expect((await call(consultationRoute.GET, { as: volunteer, params: { id: hidden.id } })).status).toBe(404);
    expect((await call(consultationRoute.GET, { as: volunteer, params: { id: visible.id } })).status).toBe(200);
  });

  it("lists newest first with a status filter and a keyset cursor", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create(pharmacist, utiBody(patient))).id);
    await post(submitRoute as never, pharmacist, ids[0]!);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = await call(consultationsRoute.GET, { as: pharmacist, path: `/api/consultations${query}` });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const drafts = await call(consultationsRoute.GET, { as: pharmacist, path: "/api/consultations?status=DRAFT" });
    expect(drafts.body.items).toHaveLength(4);
    const bad = await call(consultationsRoute.GET, { as: pharmacist, path: "/api/consultations?cursor=junk" });
    expect(bad.status).toBe(400);
  });

  it("re-runs assess when findings are edited and audits the changed field names only", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const created = await create(pharmacist, utiBody(patient));
    const mild = await call(consultationRoute.PATCH, {
      as: pharmacist,
      method: "PATCH",
      params: { id: created.id },
      body: { findings: { severity: "mild" } },
    });
    expect(mild.status).toBe(200);
    expect(mild.body).toMatchObject({ outcome: "self_care", treatmentProposed: null, findings: { dysuria: true, severity: "mild" } });
    const flagged = await call(consultationRoute.PATCH, {
      as: pharmacist,
      method: "PATCH",
      params: { id: created.id },
      body: { findings: { nausea_vomiting: true } },
    });
    expect(flagged.body).toMatchObject({ outcome: "urgent_referral", redFlags: ["nausea_vomiting"] });
    // forgetting a finding (null) makes it unknown again
    const forgotten = await call(consultationRoute.PATCH, {
      as: pharmacist,
      method: "PATCH",
      params: { id: created.id },
      body: { findings: { nausea_vomiting: null, severity: null } },
    });
    expect(forgotten.body).toMatchObject({ outcome: "incomplete", missing: ["nausea_vomiting", "severity"] });

    const updates = (await auditActions(org.id, created.id)).filter((a) => a.action === "consultation.updated");
    expect(updates).toHaveLength(3);
    expect(updates[0]!.metadata).toEqual({ fields: ["findings", "outcome", "reasons", "treatmentProposed"] });
    expect(JSON.stringify(updates.map((u) => u.metadata))).not.toContain("mild");
  });

  it("refuses to submit an incomplete assessment, naming the missing findings", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const created = await create(pharmacist, utiBody(patient, { dysuria: true, new_nocturia: true }));
    expect(created.outcome).toBe("incomplete");
    const res = await post(submitRoute as never, pharmacist, created.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("kidney_pain");
    expect(res.body.error.message).toContain("severity");
  });

  it("lets only a pharmacist with a registration number approve", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const { id } = await pendingUti(org, pharmacist);
    const unregistered = await createStaff(org, { role: "PHARMACIST" });
    const noNumber = await post(approveRoute as never, unregistered, id);
    expect(noNumber.status).toBe(403);
    expect(noNumber.body.error.message).toMatch(/registration number/);
    const byVolunteer = await post(approveRoute as never, volunteer, id);
    expect(byVolunteer.status).toBe(403);
    const admin = await createStaff(org, { role: "ADMIN", registrationNumber: "X-1" });
    expect((await post(approveRoute as never, admin, id)).status).toBe(403);
    expect((await call(consultationRoute.GET, { as: pharmacist, params: { id } })).body.status).toBe("PENDING_APPROVAL");
  });

  it("approves and schedules the follow-up 48 hours after a UTI antibiotic", async () => {
    const { org, pharmacist } = await createClinic();
    const { id } = await pendingUti(org, pharmacist);
    const res = await at("2026-11-23T03:00:00Z", () => post(approveRoute as never, pharmacist, id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "APPROVED", pharmacistId: pharmacist.id, approvedAt: "2026-11-23T03:00:00.000Z" });
    const { db } = await getRuntime();
    const rows = await db.select().from(followUps).where(eq(followUps.consultationId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orgId: org.id, state: "scheduled", dueAt: new Date("2026-11-25T03:00:00Z") });
  });

  it("schedules no follow-up when the approved outcome is a referral", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const created = await create(pharmacist, utiBody(patient, { kidney_pain: true }));
    await post(submitRoute as never, pharmacist, created.id);
    expect((await post(approveRoute as never, pharmacist, created.id)).status).toBe(200);
    const { db } = await getRuntime();
    expect(await db.select().from(followUps).where(eq(followUps.consultationId, created.id))).toHaveLength(0);
  });

  it("lets exactly one of two concurrent approvals succeed", async () => {
    const { org, pharmacist } = await createClinic();
    const second = await createStaff(org, { role: "PHARMACIST", registrationNumber: "SIPA-2" });
    const { id } = await pendingUti(org, pharmacist);
    const results = await Promise.all([post(approveRoute as never, pharmacist, id), post(approveRoute as never, second, id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const approvals = (await auditActions(org.id, id)).filter((a) => a.action === "consultation.approved");
    expect(approvals).toHaveLength(1);
    const { db } = await getRuntime();
    expect(await db.select().from(followUps).where(eq(followUps.consultationId, id))).toHaveLength(1);
  });

  it("rejects with a reason, kept on the consultation and out of the audit log", async () => {
    const { org, pharmacist } = await createClinic();
    const { id } = await pendingUti(org, pharmacist);
    const reason = "Patient reports a new partner; STI screen needed";
    const res = await post(rejectRoute as never, pharmacist, id, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "REJECTED", rejectionReason: reason });
    const entry = (await auditActions(org.id, id)).find((a) => a.action === "consultation.rejected");
    expect(entry?.metadata).toEqual({ from: "PENDING_APPROVAL", to: "REJECTED" });
    const admin = await createStaff(org, { role: "ADMIN" });
    const { id: other } = await pendingUti(org, pharmacist);
    expect((await post(rejectRoute as never, admin, other, { reason: "x" })).status).toBe(403);
  });

  it("answers 409 naming the current status for any other transition", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const draft = await create(pharmacist, utiBody(patient));
    const approveDraft = await post(approveRoute as never, pharmacist, draft.id);
    expect(approveDraft.status).toBe(409);
    expect(approveDraft.body.error.message).toContain("DRAFT");
    expect((await post(markSubmittedRoute as never, pharmacist, draft.id)).status).toBe(409);

    const { id } = await pendingUti(org, pharmacist);
    expect((await post(submitRoute as never, pharmacist, id)).status).toBe(409);
    await post(approveRoute as never, pharmacist, id);
    const again = await post(approveRoute as never, pharmacist, id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("APPROVED");
    expect((await post(rejectRoute as never, pharmacist, id, { reason: "late" })).status).toBe(409);
    const edit = await call(consultationRoute.PATCH, { as: pharmacist, method: "PATCH", params: { id }, body: { advice: "more water" } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain("APPROVED");
    expect((await post(markSubmittedRoute as never, pharmacist, id)).status).toBe(200);
    const twice = await post(markSubmittedRoute as never, pharmacist, id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain("SUBMITTED");

    await post(rejectRoute as never, pharmacist, draft.id, { reason: "duplicate" });
    const reopen = await post(submitRoute as never, pharmacist, draft.id);
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toContain("REJECTED");
  });

  it("exports the claim only once approved, with patient, pharmacist, advice and follow-up", async () => {
    const { org, pharmacist } = await createClinic();
    const { id, patient } = await pendingUti(org, pharmacist);
    const early = await call(exportRoute.GET, { as: pharmacist, params: { id } });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain("PENDING_APPROVAL");
    await at("2026-11-23T03:00:00Z", () => post(approveRoute as never, pharmacist, id));

    const res = await call(exportRoute.GET, { as: pharmacist, params: { id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename=claim-${id}.json`);
    expect(res.body).toMatchObject({
      consultationId: id,
      patient: { name: "Dewi Lestari", dateOfBirth: "1991-05-02", phone: patient.phone },
      condition: "uti",
      redFlags: [],
      outcome: "treat",
      treatment: "nitrofurantoin",
      pharmacist: { name: pharmacist.name, registrationNumber: "SIPA-1" },
      date: "2026-11-23T03:00:00.000Z",
      followUp: { dueAt: "2026-11-25T03:00:00.000Z", state: "scheduled", answer: null },
    });
    // the patient's language (id), the follow-up time and the organisation's emergency number
    expect(res.body.advice).toContain("nitrofurantoin");
    expect(res.body.advice).toContain("48 jam");
    expect(res.body.advice).toContain("119");

    await post(markSubmittedRoute as never, pharmacist, id);
    expect((await call(exportRoute.GET, { as: pharmacist, params: { id } })).body.status).toBe("SUBMITTED");
  });

  it("audits every transition in order", async () => {
    const { org, pharmacist } = await createClinic();
    const { id } = await pendingUti(org, pharmacist);
    await post(approveRoute as never, pharmacist, id);
    await post(markSubmittedRoute as never, pharmacist, id);
    const entries = await auditActions(org.id, id);
    expect(entries.map((e) => e.action)).toEqual([
      "consultation.created",
      "consultation.submitted_for_approval",
      "consultation.approved",
      "consultation.claim_submitted",
    ]);
    expect(entries.every((e) => e.actorId === pharmacist.id)).toBe(true);
    expect(entries[2]!.metadata).toMatchObject({ from: "PENDING_APPROVAL", to: "APPROVED", registrationNumber: "SIPA-1" });
  });

  it("handles a consultation from a WhatsApp triage (PENDING_APPROVAL, pharmacist findings missing) the same way", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org, { language: "en" });
    const { db } = await getRuntime();
    // the dialog could not examine the eardrum: the consultation waits for the pharmacist
    const fromDialog = await insertConsultation(db, {
      orgId: org.id,
      patientId: patient.id,
      condition: "otitis_media",
      age: 6,
      sex: "male",
      pregnant: false,
      findings: {
        sepsis_signs: false,
        deterioration_risk: false,
        recurrent_aom: false,
        meningitis_signs: false,
        mastoiditis_signs: false,
        brain_abscess_signs: false,
        sinus_thrombosis_signs: false,
        facial_nerve_paralysis: false,
        systemically_very_unwell: false,
        high_risk_of_complications: false,
        acute_onset_symptoms: true,
      },
      outcome: "incomplete",
      status: "PENDING_APPROVAL",
    });
    const id = fromDialog!.id;
    const view = await call(consultationRoute.GET, { as: pharmacist, params: { id } });
    expect(view.body.missing).toContain("otoscopy_findings");
    const refused = await post(approveRoute as never, pharmacist, id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("otoscopy_findings");

    const examined = await call(consultationRoute.PATCH, {
      as: pharmacist,
      method: "PATCH",
      params: { id },
      body: { findings: { otoscopy_findings: true, otorrhoea_or_perforation: true } },
    });
    expect(examined.body).toMatchObject({ status: "PENDING_APPROVAL", outcome: "treat", treatmentProposed: "amoxicillin" });
    expect((await post(approveRoute as never, pharmacist, id)).status).toBe(200);
    const claim = await call(exportRoute.GET, { as: pharmacist, params: { id } });
    expect(claim.body.advice).toContain("amoxicillin");
    expect(claim.body.advice).toContain("4 days");
    expect(claim.body.followUp.state).toBe("scheduled");
  });
});
