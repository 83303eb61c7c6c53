import { describe, expect, it } from "vitest";
import { redactIdentifiers } from "./redact";

describe("redactIdentifiers", () => {
  it.each([
    "0812-3456-7890",
    "081234567890",
    "+62 812 3456 7890",
    "(021) 555 1234",
    "62.813.1111.2222",
  ])("masks the phone number %s", (phone) => {
    const out = redactIdentifiers(`hubungi ${phone} ya`);
    expect(out).toBe("hubungi [phone] ya");
  });

  it.each(["500 mg", "jam 08.00", "tensi 140/90", "tgl 12-05-2026", "2x1 tablet", "gula 250"])("leaves %s readable", (text) => {
    expect(redactIdentifiers(text)).toBe(text);
  });

  it("masks e-mail addresses and given names, whole words only", () => {
    expect(redactIdentifiers("Saya Sari, email sari.w@example.co.id, Sarinah tetangga", ["Sari"])).toBe(
      "Saya [name], email [email], Sarinah tetangga",
    );
  });
});
