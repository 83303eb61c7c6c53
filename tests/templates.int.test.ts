import { describe, expect, it } from "vitest";
import * as patientRemindersRoute from "../src/app/api/patients/[id]/reminders/route";
import * as sendNowRoute from "../src/app/api/reminders/[id]/send-now/route";
import * as templateRoute from "../src/app/api/templates/[key]/[language]/route";
import * as templatesRoute from "../src/app/api/templates/route";
import { call, createStaff } from "./support/fixtures";
import { createClinic, createVerifiedPatient, sentTexts } from "./support/gowa";

const dailyAmlodipin = { type: "medication", medicineName: "Amlodipin", dose: "5 mg", schedule: { startDate: "2026-01-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" } } };

describe("message templates per organisation and language", () => {
  it("an organisation's own wording is used for its reminders; resetting brings the default back", async () => {
    const { org, pharmacist } = await createClinic();
    const admin = await createStaff(org, { role: "ADMIN" });
    const patient = await createVerifiedPatient(org);
    const saved = await call(templateRoute.PUT, {
      as: admin,
      method: "PUT",
      params: { key: "medication", language: "id" },
      body: { body: "Assalamualaikum {name}, waktunya {medicine} {dose}. Balas SUDAH ya." },
    });
    expect(saved.body).toMatchObject({ key: "medication", language: "id", custom: true });
    const reminder = await call(patientRemindersRoute.POST, { as: pharmacist, params: { id: patient.id }, body: dailyAmlodipin });
    await call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.body.id } });
    expect(sentTexts(patient.phone)).toEqual(["Assalamualaikum Siti, waktunya Amlodipin 5 mg. Balas SUDAH ya."]);

    const listed = await call(templatesRoute.GET, { as: pharmacist });
    expect(listed.body.items).toContainEqual(expect.objectContaining({ key: "medication", language: "id", custom: true }));
    expect(listed.body.items).toContainEqual(expect.objectContaining({ key: "medication", language: "en", custom: false }));
    const reset = await call(templateRoute.DELETE, { as: admin, method: "DELETE", params: { key: "medication", language: "id" } });
    expect(reset.body.custom).toBe(false);
    await call(sendNowRoute.POST, { as: pharmacist, method: "POST", params: { id: reminder.body.id } });
    expect(sentTexts(patient.phone).at(-1)).toMatch(/sudah waktunya minum obat Amlodipin 5 mg/);
  });

  it("refuses unknown variables (400 naming the field), non-admins (403) and unknown keys (400)", async () => {
    const { org, pharmacist } = await createClinic();
    const admin = await createStaff(org, { role: "ADMIN" });
    const bad = await call(templateRoute.PUT, { as: admin, method: "PUT", params: { key: "nudge", language: "en" }, body: { body: "Hi {nmae}" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toMatchObject({ field: "body", message: expect.stringContaining("{nmae}") });
    expect((await call(templateRoute.PUT, { as: pharmacist, method: "PUT", params: { key: "nudge", language: "en" }, body: { body: "Hi {name}" } })).status).toBe(403);
    const unknownKey = await call(templateRoute.PUT, { as: admin, method: "PUT", params: { key: "birthday", language: "en" }, body: { body: "Hi" } });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error.issues[0].field).toBe("params.key");
  });

  it("one organisation's wording never reaches another's patients", async () => {
    const a = await createClinic();
    const b = await createClinic();
    const adminA = await createStaff(a.org, { role: "ADMIN" });
    await call(templateRoute.PUT, { as: adminA, method: "PUT", params: { key: "medication", language: "id" }, body: { body: "Klinik A: {medicine}" } });
    const patient = await createVerifiedPatient(b.org);
    const reminder = await call(patientRemindersRoute.POST, { as: b.pharmacist, params: { id: patient.id }, body: dailyAmlodipin });
    await call(sendNowRoute.POST, { as: b.pharmacist, method: "POST", params: { id: reminder.body.id } });
    expect(sentTexts(patient.phone)[0]).not.toMatch(/Klinik A/);
  });
});
