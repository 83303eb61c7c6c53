import { describe, expect, it } from "vitest";
import { parseAnswer } from "./answer-parser";
import type { Question } from "./protocol";
import { SEVERITY_OPTIONS } from "./protocol";

const yesNo: Pick<Question, "answer"> = { answer: { type: "boolean" } };
const count: Pick<Question, "answer"> = { answer: { type: "number", unit: "count", integer: true } };
const hours: Pick<Question, "answer"> = { answer: { type: "number", unit: "hours" } };
const days: Pick<Question, "answer"> = { answer: { type: "duration_days" } };
const severity: Pick<Question, "answer"> = { answer: { type: "choice", options: SEVERITY_OPTIONS } };

describe("yes/no answers", () => {
  it.each(["ya", "Iya", "y", "YES", "iyaaa", "ya, sakit sekali", "Yes it does", "betul", "ada", "👍", "hmm iya"])(
    "%j is yes",
    (text) => expect(parseAnswer(yesNo, text)).toEqual({ ok: true, value: true }),
  );
  it.each(["tidak", "gak", "nggak", "enggak", "no", "N", "tidak ada", "gak ada kok", "nope", "bukan", "belum", "❌", "tidak, cuma sedikit"])(
    "%j is no",
    (text) => expect(parseAnswer(yesNo, text)).toEqual({ ok: true, value: false }),
  );
  it.each(["tidak tahu", "gak tau", "Nggak tahu", "gatau", "kurang tahu", "don't know", "I dont know", "not sure", "no idea", "tidak yakin"])(
    "%j is unknown, not no",
    (text) => expect(parseAnswer(yesNo, text)).toEqual({ ok: true, unknown: true }),
  );
  it.each(["", "   ", "sakit, tidak bisa menelan", "kemarin", "???"])("%j is not understood", (text) => {
    expect(parseAnswer(yesNo, text)).toEqual({ ok: false });
  });
});

describe("number answers", () => {
  it.each([
    ["3", 3], ["tiga", 3], ["three", 3], ["sekitar 5", 5], ["ada 12 bintik", 12], ["dua belas", 12],
    ["dua puluh satu", 21], ["twenty one", 21], ["sepuluh", 10], ["lebih dari 3", 4], ["more than 3", 4], ["0", 0],
  ] as const)("%j is %d", (text, value) => expect(parseAnswer(count, text)).toEqual({ ok: true, value }));

  it("rejects a fraction for a count", () => expect(parseAnswer(count, "2,5")).toEqual({ ok: false }));
  it("rejects an answer without a number", () => expect(parseAnswer(count, "banyak")).toEqual({ ok: false }));
  it("treats not knowing as unknown", () => expect(parseAnswer(count, "gak tau")).toEqual({ ok: true, unknown: true }));

  it.each([["30", 30], ["5 jam", 5], ["2 hari", 48], ["3 days", 72], ["sehari", 24], ["kemarin", 24], ["a week", 168]] as const)(
    "for an hours question %j is %d hours",
    (text, value) => expect(parseAnswer(hours, text)).toEqual({ ok: true, value }),
  );
});

describe("duration answers", () => {
  it.each([
    ["2 hari", 2], ["3 days", 3], ["tiga hari yang lalu", 3], ["seminggu", 7], ["a week", 7], ["one week", 7],
    ["2 minggu", 14], ["dua minggu", 14], ["sebulan", 30], ["5", 5], ["kemarin", 1], ["yesterday", 1],
    ["hari ini", 0], ["lebih dari 10 hari", 11], ["12 jam", 0.5], ["sudah 4 hari", 4],
  ] as const)("%j is %d days", (text, value) => expect(parseAnswer(days, text)).toEqual({ ok: true, value }));

  // 2026-11-25 is a Wednesday.
  it.each([
    ["since Monday", 2], ["sejak Senin", 2], ["dari hari Selasa", 1], ["since Thursday", 6], ["sejak hari minggu", 3],
    ["since Wednesday", 7],
  ] as const)("%j, said on Wednesday, is %d days", (text, value) => {
    expect(parseAnswer(days, text, "en", "2026-11-25")).toEqual({ ok: true, value });
  });

  it("cannot resolve a weekday without the patient's date", () => {
    expect(parseAnswer(days, "sejak Senin")).toEqual({ ok: false });
  });

  it("treats not knowing as unknown", () => expect(parseAnswer(days, "lupa")).toEqual({ ok: true, unknown: true }));
  it("does not understand a vague answer", () => expect(parseAnswer(days, "lama sekali")).toEqual({ ok: false }));
});

describe("choice answers", () => {
  it.each([
    ["1", "mild"], ["2", "moderate"], ["3", "severe"], ["no 3", "severe"], ["ringan", "mild"], ["Sedang", "moderate"],
    ["berat", "severe"], ["parah banget", "severe"], ["moderate", "moderate"], ["severe", "severe"], ["tiga", "severe"],
  ] as const)("%j is %s", (text, value) => expect(parseAnswer(severity, text)).toEqual({ ok: true, value }));

  it.each(["4", "tidak parah", "ringan atau sedang", "hmm"])("%j is not understood", (text) => {
    expect(parseAnswer(severity, text)).toEqual({ ok: false });
  });
});
