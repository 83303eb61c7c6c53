import { describe, expect, it } from "vitest";
import { adviceFor, formatWait } from "./advice";
import { CONDITIONS, OUTCOMES } from "../triage/triage.schemas";

describe("adviceFor", () => {
  it("tells a treated UTI patient, in Indonesian, to come back if not better within 48 hours", () => {
    const text = adviceFor({ condition: "uti", outcome: "treat", treatment: "nitrofurantoin", language: "id", emergencyNumber: "119" });
    expect(text).toContain("nitrofurantoin");
    expect(text).toContain("48 jam");
    expect(text).toContain("hubungi 119");
  });

  it("uses the pathway's follow-up time: a week for a low FeverPAIN score, 4 days otherwise", () => {
    const low = adviceFor({ condition: "sore_throat", outcome: "self_care", reasons: ["feverpain_score:1"], language: "en", emergencyNumber: "999" });
    const high = adviceFor({ condition: "sore_throat", outcome: "self_care", reasons: ["feverpain_score:3"], language: "en", emergencyNumber: "999" });
    expect(low).toContain("within 1 week");
    expect(high).toContain("within 4 days");
    expect(high).toContain("You do not need antibiotics");
  });

  it("sends an emergency straight to the emergency number, with nothing else to do", () => {
    const text = adviceFor({ condition: "sore_throat", outcome: "emergency", language: "en", emergencyNumber: "112" });
    expect(text).toBe("Call 112 now or go to the nearest emergency department.");
  });

  it("safety-nets a referral without a follow-up time", () => {
    const text = adviceFor({ condition: "uti", outcome: "refer", language: "en", emergencyNumber: "119" });
    expect(text).toContain("see your doctor");
    expect(text).toContain("get worse before you see the doctor");
    expect(text).not.toContain("within");
  });

  it("names products readably", () => {
    const text = adviceFor({ condition: "impetigo", outcome: "treat", treatment: "hydrogen_peroxide_cream", language: "en", emergencyNumber: "119" });
    expect(text).toContain("hydrogen peroxide 1% cream");
  });

  it("has advice in both languages for every condition and outcome, always ending with the emergency number", () => {
    for (const condition of CONDITIONS) {
      for (const outcome of OUTCOMES) {
        for (const language of ["id", "en"] as const) {
          const text = adviceFor({ condition, outcome, treatment: "x", language, emergencyNumber: "119" });
          expect(text.split("\n").at(-1)).toContain("119");
          expect(text).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});

describe("formatWait", () => {
  it("says hours up to two days, then days, and a week", () => {
    expect(formatWait(48, "en")).toBe("48 hours");
    expect(formatWait(72, "id")).toBe("3 hari");
    expect(formatWait(168, "en")).toBe("1 week");
  });
});
