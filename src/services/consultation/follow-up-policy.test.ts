import { describe, expect, it } from "vitest";
import { followUpDelayHours } from "./follow-up-policy";

describe("followUpDelayHours", () => {
  it("asks 48 hours after a UTI antibiotic", () => {
    expect(followUpDelayHours("uti", "treat")).toBe(48);
  });
  it("asks after 3-5 days for sore throat self-care with a score of 2 or more, a week for 0-1", () => {
    expect(followUpDelayHours("sore_throat", "self_care", ["feverpain_score:3"])).toBe(96);
    expect(followUpDelayHours("sore_throat", "self_care", ["feverpain_score:1"])).toBe(168);
  });
  it("asks three days after an untreated insect bite", () => {
    expect(followUpDelayHours("insect_bite", "self_care")).toBe(72);
  });
  it("schedules nothing for referrals and emergencies", () => {
    for (const outcome of ["emergency", "urgent_referral", "refer", "not_eligible", "incomplete"]) {
      expect(followUpDelayHours("uti", outcome)).toBeNull();
    }
  });
});
