import { describe, expect, it } from "vitest";
import { conditionMenu, parseConditionChoice, pickCondition } from "./condition-picker";
import { CONDITIONS } from "./triage.schemas";

describe("pickCondition", () => {
  it.each([
    ["sakit saat kencing", "uti"],
    ["anyang-anyangan dari kemarin", "uti"],
    ["perih kalau pipis", "uti"],
    ["it burns when I pee", "uti"],
    ["sakit tenggorokan", "sore_throat"],
    ["tenggorokan sakit sekali, susah menelan", "sore_throat"],
    ["I have a sore throat", "sore_throat"],
    ["anak saya sakit telinga", "otitis_media"],
    ["kuping sakit dan keluar cairan", "otitis_media"],
    ["my son has an earache", "otitis_media"],
    ["hidung tersumbat, sakit di wajah", "sinusitis"],
    ["sinusitis kambuh", "sinusitis"],
    ["blocked nose and facial pain for 2 weeks", "sinusitis"],
    ["ruam melepuh satu sisi", "shingles"],
    ["kena cacar ular", "shingles"],
    ["herpes zoster di punggung", "shingles"],
    ["painful blisters on one side of my chest", "shingles"],
    ["koreng kuning di sekitar hidung anak", "impetigo"],
    ["impetigo", "impetigo"],
    ["yellow crusts around the mouth", "impetigo"],
    ["digigit serangga, bengkak merah", "insect_bite"],
    ["kena sengatan tawon", "insect_bite"],
    ["infected mosquito bite", "insect_bite"],
  ] as const)("%j is %s", (text, condition) => expect(pickCondition(text)).toBe(condition));

  it.each(["halo", "saya demam", "", "sakit kepala"])("%j gives no guess", (text) => expect(pickCondition(text)).toBeNull());

  it("gives no guess when two conditions fit equally", () => {
    expect(pickCondition("sakit tenggorokan dan sakit telinga")).toBeNull();
  });
});

describe("conditionMenu", () => {
  it.each(["id", "en"] as const)("in %s lists all seven conditions, numbered, one a line", (lang) => {
    const lines = conditionMenu(lang).split("\n");
    expect(lines).toHaveLength(CONDITIONS.length + 1);
    CONDITIONS.forEach((_, i) => expect(lines[i + 1]).toMatch(new RegExp(`^${i + 1}\\. \\S`)));
  });

  it("is in the patient's language", () => {
    expect(conditionMenu("id")).toContain("Sakit tenggorokan");
    expect(conditionMenu("en")).toContain("Sore throat");
  });
});

describe("parseConditionChoice", () => {
  it("reads each menu number as the condition on that line", () => {
    const lines = conditionMenu("en").split("\n").slice(1);
    CONDITIONS.forEach((condition, i) => {
      expect(parseConditionChoice(String(i + 1))).toBe(condition);
      expect(lines[i]).toContain(`${i + 1}.`);
    });
  });

  it.each([["no 2", "sore_throat"], ["tiga", "otitis_media"], ["Sore throat", "sore_throat"], ["cacar ular", "shingles"], ["insect bite", "insect_bite"]] as const)(
    "%j is %s",
    (text, condition) => expect(parseConditionChoice(text)).toBe(condition),
  );

  it.each(["8", "0", "entahlah"])("%j is not a choice", (text) => expect(parseConditionChoice(text)).toBeNull());
});

describe("pickCondition with words between the body part and the complaint", () => {
  it.each([
    ["tenggorokan saya sakit sekali", "sore_throat"],
    ["my throat really hurts", "sore_throat"],
    ["telinga anak saya sakit", "otitis_media"],
    ["his ear really hurts", "otitis_media"],
  ] as const)("reads %s as %s", (text, condition) => {
    expect(pickCondition(text)).toBe(condition);
  });
});
