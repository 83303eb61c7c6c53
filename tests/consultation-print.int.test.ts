import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import * as approveRoute from "../src/app/api/consultations/[id]/approve/route";
import * as submitRoute from "../src/app/api/consultations/[id]/submit/route";
import * as consultationsRoute from "../src/app/api/consultations/route";
import * as meRoute from "../src/app/api/me/route";
import { call, sessionCookieFor } from "./support/fixtures";
import { createClinic, createVerifiedPatient } from "./support/gowa";

// The page reads the request's cookies through next/headers; here the test supplies them.
const cookie = vi.hoisted(() => ({ value: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ cookie: cookie.value }) }));

const { default: PrintPage } = await import("../src/app/consultations/[id]/print/page");

const render = async (id: string) => renderToStaticMarkup(await PrintPage({ params: Promise.resolve({ id }) }));

describe("printable consultation page", () => {
  it("renders the approved record with findings, outcome, advice and the pharmacist's registration, in the pharmacist's language", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org, { name: "Dewi Lestari" });
    const findings = {
      sepsis_signs: false, deterioration_risk: false, catheter: false, recurrent_uti: false, kidney_pain: false,
      flu_like_myalgia: false, rigors_or_fever: false, nausea_vomiting: false, vaginal_discharge: false,
      urethritis_or_sti_risk: false, menopause_symptoms: false, immunosuppressed: false,
      dysuria: true, new_nocturia: true, severity: "moderate",
    };
    const created = await call(consultationsRoute.POST, { as: pharmacist, body: { patientId: patient.id, condition: "uti", age: 34, sex: "female", pregnant: false, findings } });
    await call(submitRoute.POST, { as: pharmacist, method: "POST", params: { id: created.body.id } });
    await call(approveRoute.POST, { as: pharmacist, method: "POST", params: { id: created.body.id } });

    cookie.value = sessionCookieFor(pharmacist);
    const html = await render(created.body.id);
    expect(html).toContain("Dewi Lestari");
    expect(html).toContain("nitrofurantoin");
    expect(html).toContain("SIPA-1");
    expect(html).toContain("@page { size: A4");
    // staff accounts start in Indonesian
    expect(html).toContain("Catatan konsultasi Pharmacy First");
    expect(html).toContain("Apakah terasa perih atau sakit saat kencing?");
    expect(html).toContain("Diobati sesuai alur layanan");

    await call(meRoute.PATCH, { as: pharmacist, method: "PATCH", body: { locale: "en" } });
    const english = await render(created.body.id);
    expect(english).toContain("Pharmacy First consultation record");
    expect(english).toContain("Does it burn or hurt when you pee?");
    expect(english).toContain("Treat under the pathway");
  });

  it("is not found for another organisation's consultation, and sends a signed-out visitor to sign in", async () => {
    const { org, pharmacist } = await createClinic();
    const other = await createClinic();
    const patient = await createVerifiedPatient(org);
    const created = await call(consultationsRoute.POST, { as: pharmacist, body: { patientId: patient.id, condition: "uti", findings: {} } });
    cookie.value = sessionCookieFor(other.pharmacist);
    await expect(render(created.body.id)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    cookie.value = "";
    await expect(render(created.body.id)).rejects.toMatchObject({ digest: expect.stringContaining("/sign-in") });
  });
});
