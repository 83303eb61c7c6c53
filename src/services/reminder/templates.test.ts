import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, MAX_MESSAGE_LENGTH, TEMPLATE_KEYS, renderTemplate, validateTemplate } from "./templates";

describe("default templates", () => {
  it("exist for every key in Indonesian and English and use only known variables", () => {
    for (const language of ["id", "en"] as const) {
      for (const key of TEMPLATE_KEYS) {
        expect(DEFAULT_TEMPLATES[language][key].length).toBeGreaterThan(0);
        expect(validateTemplate(DEFAULT_TEMPLATES[language][key])).toEqual([]);
      }
    }
  });

  it("ask for a one-word reply: SUDAH/BELUM in Indonesian, DONE/NOT YET in English", () => {
    for (const key of ["medication", "appointment", "general", "nudge"] as const) {
      expect(DEFAULT_TEMPLATES.id[key]).toMatch(/SUDAH.*BELUM/s);
      expect(DEFAULT_TEMPLATES.en[key]).toMatch(/DONE.*NOT YET/s);
    }
    expect(DEFAULT_TEMPLATES.id.not_taken_follow_up).toContain("SUDAH");
    expect(DEFAULT_TEMPLATES.en.not_taken_follow_up).toContain("DONE");
  });

  it("the Indonesian nudge says no reply has come yet", () => {
    expect(DEFAULT_TEMPLATES.id.nudge).toContain("belum ada balasan");
  });

  it("are short enough for a phone screen", () => {
    for (const language of ["id", "en"] as const) {
      for (const key of TEMPLATE_KEYS) expect(DEFAULT_TEMPLATES[language][key].length).toBeLessThan(240);
    }
  });
});

describe("renderTemplate", () => {
  it("fills every variable", () => {
    const text = renderTemplate("{name} {medicine} {dose} {time} {place} {date}", {
      name: "Siti",
      medicine: "Amlodipin",
      dose: "5 mg",
      time: "08:00",
      place: "Puskesmas Melati",
      date: "10 Mei",
    });
    expect(text).toBe("Siti Amlodipin 5 mg 08:00 Puskesmas Melati 10 Mei");
  });

  it("renders the Indonesian medication reminder", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.id.medication, { name: "Siti", medicine: "Amlodipin", dose: "5 mg", time: "08:00" });
    expect(text).toBe("Halo Siti, sudah waktunya minum obat Amlodipin 5 mg (jam 08:00).\nBalas SUDAH jika sudah diminum, atau BELUM jika belum.");
  });

  it("a variable without a value leaves no double space", () => {
    const text = renderTemplate(DEFAULT_TEMPLATES.en.medication, { name: "Budi", medicine: "Metformin", time: "20:00" });
    expect(text.split("\n")[0]).toBe("Hello Budi, it is time for your Metformin (20:00).");
  });

  it("escapes nothing: characters pass through as plain text", () => {
    expect(renderTemplate("Hi {name} <b>&</b> *x*", { name: "A & B" })).toBe("Hi A & B <b>&</b> *x*");
  });

  it("leaves an unknown variable visible", () => {
    expect(renderTemplate("Hi {nama}", { name: "Siti" })).toBe("Hi {nama}");
  });

  it("trims and caps the message at 1000 characters without splitting an emoji", () => {
    expect(renderTemplate("  hi {name}  \n", { name: "Siti" })).toBe("hi Siti");
    const long = renderTemplate("👍".repeat(1200), {});
    expect(Array.from(long)).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(long.endsWith("👍")).toBe(true);
  });
});

describe("validateTemplate", () => {
  it("returns nothing for a template using only known variables", () => {
    expect(validateTemplate("Halo {name}, minum {medicine} {dose} jam {time} di {place} tanggal {date}")).toEqual([]);
  });

  it("returns each unknown variable once, in order of use", () => {
    expect(validateTemplate("Halo {nama}, {obat} {nama} {Name} {}")).toEqual(["nama", "obat", "Name", ""]);
  });
});
