import { describe, expect, it } from "vitest";
import { normalisePhone, phoneSearchDigits } from "./phone";

describe("normalisePhone", () => {
  it.each([
    ["0812-3456-7890", "ID", "+6281234567890"],
    ["0812 3456 7890", "ID", "+6281234567890"],
    ["+62 812-3456-7890", "ID", "+6281234567890"],
    ["6281234567890", "ID", "+6281234567890"],
    ["(0811) 234 5678", "ID", "+628112345678"],
    ["07911 123456", "GB", "+447911123456"],
    ["+44 7911 123456", "GB", "+447911123456"],
    ["+44 7911 123456", "ID", "+447911123456"],
    ["0207 946 0018", "GB", "+442079460018"],
  ])("reads %s in %s as %s", (input, country, expected) => {
    expect(normalisePhone(input, country)).toEqual({ ok: true, e164: expected });
  });

  it.each([
    ["0812", "ID"],
    ["12345", "GB"],
    ["0812-3456-7890-1234", "ID"],
    ["not a number", "ID"],
  ])("rejects %s in %s with a reason naming the country", (input, country) => {
    const result = normalisePhone(input, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(country);
  });
});

describe("phoneSearchDigits", () => {
  it("drops the national trunk 0 so a local prefix matches the E.164 number", () => {
    expect(phoneSearchDigits("0812-34")).toBe("81234");
  });
  it("keeps a country code typed with +", () => {
    expect(phoneSearchDigits("+62 812")).toBe("62812");
  });
  it("is not a phone search for names or for fewer than three digits", () => {
    expect(phoneSearchDigits("Siti")).toBeNull();
    expect(phoneSearchDigits("08")).toBeNull();
  });
});
