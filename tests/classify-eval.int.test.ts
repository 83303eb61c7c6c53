import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateRules, findGateFailures, loadLabelledCases } from "../scripts/eval-classify";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/intents.jsonl", import.meta.url));
// Written blind to the rules (see docs/classifier-blind-eval.md); it has since been used for tuning.
const freshFixture = fileURLToPath(new URL("./fixtures/intents-fresh.jsonl", import.meta.url));

describe("rule classifier on the labelled set", () => {
  const cases = loadLabelledCases(fixture);
  const report = evaluateRules(cases, 1);

  it("covers every intent and every context", () => {
    expect(cases.length).toBeGreaterThanOrEqual(330);
    expect(new Set(cases.map((c) => c.intent)).size).toBe(10);
    expect(new Set(cases.map((c) => c.context)).size).toBe(3);
  });

  it("reaches at least 90% accuracy", () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("misses no emergency and no unsubscribe", () => {
    expect(report.emergencyRecall).toBe(1);
    expect(report.unsubscribeRecall).toBe(1);
  });

  it("never classifies an emergency as a confirmation", () => {
    expect(report.emergencyAsConfirmation).toBe(0);
    expect(findGateFailures(report)).toEqual([]);
  });
});

describe("rule classifier on the fresh set", () => {
  const cases = loadLabelledCases(freshFixture);
  const report = evaluateRules(cases, 1);

  it("is a real second set: every intent, every context, plenty of emergencies and opt-outs", () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(new Set(cases.map((c) => c.intent)).size).toBe(10);
    expect(new Set(cases.map((c) => c.context)).size).toBe(3);
    expect(cases.filter((c) => c.intent === "emergency").length).toBeGreaterThanOrEqual(70);
    expect(cases.filter((c) => c.intent === "unsubscribe").length).toBeGreaterThanOrEqual(40);
  });

  it("passes the same gates as the original set", () => {
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.emergencyRecall).toBe(1);
    expect(report.unsubscribeRecall).toBe(1);
    expect(report.emergencyAsConfirmation).toBe(0);
    expect(findGateFailures(report)).toEqual([]);
  });
});

describe("bun run classify", () => {
  it("writes exactly one JSON line per input line, in order", () => {
    const input = [
      JSON.stringify({ text: "sudah", context: "reminder" }),
      JSON.stringify({ text: "nyeri dada", context: "none" }),
      JSON.stringify({ text: "STOP", context: "verification" }),
    ].join("\n");
    const run = spawnSync("bun", ["scripts/classify.ts", "--rules"], { cwd: root, input: `${input}\n`, encoding: "utf8" });
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => l !== "");
    expect(run.stdout.endsWith("\n")).toBe(true);
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as { intent: string; confidence: number; source: string });
    expect(parsed.map((p) => p.intent)).toEqual(["confirm_taken", "emergency", "unsubscribe"]);
    for (const p of parsed) {
      expect(Object.keys(p).sort()).toEqual(["confidence", "intent", "source"]);
      expect(p.source).toBe("rules");
    }
  });

  it("answers an invalid line with an error line and carries on", () => {
    const run = spawnSync("bun", ["scripts/classify.ts", "--rules"], {
      cwd: root,
      input: `not json\n{"context":"none"}\n{"text":"ya","context":"verification"}\n`,
      encoding: "utf8",
    });
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toHaveProperty("error");
    expect(lines[1]).toHaveProperty("error");
    expect(lines[2]).toMatchObject({ intent: "verification_accept" });
  });
});
