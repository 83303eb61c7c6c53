import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Runs the CLI exactly as `bun run triage:assess` does, with `bun` from PATH. */
function runCli(input: string): { lines: string[]; stderr: string; status: number | null } {
  const run = spawnSync("bun", ["scripts/triage-assess.ts"], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  const stdout = run.stdout;
  expect(stdout === "" || stdout.endsWith("\n")).toBe(true);
  return { lines: stdout === "" ? [] : stdout.slice(0, -1).split("\n"), stderr: run.stderr, status: run.status };
}

// The contract's example input, verbatim.
const CONTRACT_EXAMPLE = `{ "condition": "uti", "age": 34, "sex": "female", "pregnant": false,
  "findings": { "dysuria": true, "new_nocturia": true, "cloudy_urine": false, "severity": "moderate" } }`.replace(/\n\s*/g, " ");

const FLAGS_ANSWERED = {
  sepsis_signs: false, deterioration_risk: false, kidney_pain: false, flu_like_myalgia: false, rigors_or_fever: false,
  nausea_vomiting: false, catheter: false, recurrent_uti: false, vaginal_discharge: false, urethritis_or_sti_risk: false,
  menopause_symptoms: false, immunosuppressed: false,
};

describe("bun run triage:assess", () => {
  it("writes one result per input line, in order, and nothing else on stdout", () => {
    const answered = JSON.stringify({
      condition: "uti", age: 34, sex: "female", pregnant: false,
      findings: { dysuria: true, new_nocturia: true, cloudy_urine: false, severity: "moderate", ...FLAGS_ANSWERED },
    });
    const stridor = JSON.stringify({ condition: "sore_throat", age: 8, sex: "male", pregnant: false, findings: { stridor: true } });
    const { lines, stderr, status } = runCli([CONTRACT_EXAMPLE, answered, stridor].join("\n") + "\n");

    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]!)).toEqual({
      outcome: "incomplete",
      reasons: [],
      missing: [
        "sepsis_signs", "deterioration_risk", "kidney_pain", "flu_like_myalgia", "rigors_or_fever", "nausea_vomiting",
        "catheter", "recurrent_uti", "vaginal_discharge", "urethritis_or_sti_risk", "menopause_symptoms", "immunosuppressed",
      ],
    });
    expect(JSON.parse(lines[1]!)).toEqual({
      outcome: "treat", reasons: ["key_signs:2", "severity:moderate"], missing: [], treatment: "nitrofurantoin",
    });
    expect(JSON.parse(lines[2]!)).toEqual({ outcome: "emergency", reasons: ["red_flag:stridor"], missing: [] });
  });

  it("answers a bad line with an error on its own line and carries on", () => {
    const input = [
      "not json",
      "", // blank: still one line in, one line out, so results stay aligned with inputs
      JSON.stringify({ condition: "flu", age: 30, sex: "male", pregnant: false, findings: {} }),
      JSON.stringify({ condition: "uti", age: 30, sex: "female", pregnant: false, findings: { dysuria: "yes" } }),
      "[1, 2]",
      CONTRACT_EXAMPLE,
    ].join("\n");
    const { lines, status } = runCli(`${input}\n`);

    expect(status).toBe(0);
    expect(lines).toHaveLength(6);
    const results = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(results[0]).toEqual({ error: expect.stringContaining("invalid JSON") });
    expect(results[1]).toEqual({ error: expect.stringContaining("empty line") });
    expect(results[2]).toEqual({ error: expect.stringMatching(/^condition: /) });
    expect(results[3]).toEqual({ error: expect.stringMatching(/^findings\.dysuria: /) });
    expect(results[4]).toEqual({ error: expect.stringMatching(/expected a JSON object/) });
    expect(results[5]).toMatchObject({ outcome: "incomplete" });
  });

  it("reads a last line without a newline and CRLF line endings, and adds no line for the final newline", () => {
    expect(runCli(`${CONTRACT_EXAMPLE}\r\n${CONTRACT_EXAMPLE}`).lines).toHaveLength(2);
    expect(runCli(`${CONTRACT_EXAMPLE}\n`).lines).toHaveLength(1);
    expect(runCli("").lines).toEqual([]);
  });

  it("streams a large input and keeps every result in its input's place", () => {
    const ages = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? 70 : 30));
    const input = ages
      .map((age) => JSON.stringify({ condition: "uti", age, sex: "female", pregnant: false, findings: { ...FLAGS_ANSWERED, dysuria: true, cloudy_urine: true, severity: "severe" } }))
      .join("\n");
    const { lines, status } = runCli(`${input}\n`);

    expect(status).toBe(0);
    expect(lines).toHaveLength(ages.length);
    lines.forEach((line, i) => {
      expect(JSON.parse(line).outcome).toBe(ages[i] === 70 ? "not_eligible" : "treat");
    });
  });
});
