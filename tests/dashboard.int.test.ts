import { describe, expect, it } from "vitest";
import * as dashboardRoute from "../src/app/api/dashboard/route";
import * as patientRemindersRoute from "../src/app/api/patients/[id]/reminders/route";
import * as sendNowRoute from "../src/app/api/reminders/[id]/send-now/route";
import type { Patient, StaffUser } from "../src/db/schema";
import { call } from "./support/fixtures";
import { createClinic, createVerifiedPatient, deliver, textMessage } from "./support/gowa";

const daily = { type: "medication", medicineName: "Metformin", dose: "500 mg", schedule: { startDate: "2026-01-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" } } };

async function remindNow(staff: StaffUser, patient: Patient) {
  const reminder = await call(patientRemindersRoute.POST, { as: staff, params: { id: patient.id }, body: daily });
  await call(sendNowRoute.POST, { as: staff, method: "POST", params: { id: reminder.body.id } });
}

describe("GET /api/dashboard", () => {
  it("counts today's reminders, charts adherence, lists open escalations and patients needing attention", async () => {
    const { org, pharmacist, volunteer } = await createClinic();
    const mine = await createVerifiedPatient(org, { assignedVolunteerId: volunteer.id });
    const other = await createVerifiedPatient(org);
    await createVerifiedPatient(org, { verificationStatus: "PENDING", consentWhatsapp: false, name: "Belum Verifikasi" });
    await remindNow(pharmacist, mine);
    await remindNow(pharmacist, other);
    await deliver(textMessage(org, mine.phone, "sudah"));
    await deliver(textMessage(org, other.phone, "boleh minum sama kopi?"));

    const res = await call(dashboardRoute.GET, { as: pharmacist });
    expect(res.status).toBe(200);
    expect(res.body.today).toMatchObject({ total: 2, sent: 2, confirmed: 1 });
    expect(res.body.adherence30).toHaveLength(30);
    expect(res.body.adherence30.at(-1)).toMatchObject({ sent: 2, confirmed: 1, rate: 0.5 });
    expect(res.body.escalations).toEqual({ question: 1 });
    expect(res.body.attention).toContainEqual(expect.objectContaining({ name: "Belum Verifikasi", reasons: ["verification:pending"] }));

    const volunteerView = await call(dashboardRoute.GET, { as: volunteer });
    expect(volunteerView.body).toMatchObject({ scope: "volunteer", today: { total: 1, confirmed: 1 }, escalations: {} });
  });

  it("is 401 without a session", async () => {
    expect((await call(dashboardRoute.GET, {})).status).toBe(401);
  });
});
