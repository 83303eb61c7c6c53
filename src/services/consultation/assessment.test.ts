import { describe, expect, it } from "vitest";
import { assessConsultation } from "./assessment";

const clearUti = {
  sepsis_signs: false, deterioration_risk: false, catheter: false, recurrent_uti: false, kidney_pain: false,
  flu_like_myalgia: false, rigors_or_fever: false, nausea_vomiting: false, vaginal_discharge: false,
  urethritis_or_sti_risk: false, menopause_symptoms: false, immunosuppressed: false,
};

describe("assessConsultation", () => {
  it("gives the contract's outcome, treatment and red flags when the patient facts are known", () => {
    const known = { condition: "uti", age: 34, sex: "female", pregnant: false } as const;
    expect(assessConsultation({ ...known, findings: { ...clearUti, dysuria: true, new_nocturia: true, severity: "moderate" } })).toMatchObject({
      outcome: "treat",
      treatment: "nitrofurantoin",
      redFlags: [],
    });
    expect(assessConsultation({ ...known, findings: { kidney_pain: true } })).toMatchObject({ outcome: "urgent_referral", redFlags: ["kidney_pain"] });
  });

  it("decides with unknown age, sex or pregnancy only when every value they could take agrees", () => {
    const sore = assessConsultation({ condition: "sore_throat", age: null, sex: null, pregnant: null, findings: { stridor: true } });
    expect(sore).toMatchObject({ outcome: "emergency", redFlags: ["stridor"], missing: [] });
    const uti = assessConsultation({ condition: "uti", age: 30, sex: "female", pregnant: null, findings: { ...clearUti, dysuria: true, new_nocturia: true, severity: "severe" } });
    expect(uti).toMatchObject({ outcome: "incomplete", missing: ["pregnant"] });
  });

  it("never asks whether a man is pregnant", () => {
    const result = assessConsultation({ condition: "uti", age: 30, sex: "male", pregnant: null, findings: {} });
    expect(result.outcome).toBe("incomplete");
    expect(result.missing).not.toContain("pregnant");
  });
});
