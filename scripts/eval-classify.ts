/**
 * bun run eval:classify [--summary] [path/to/intents.jsonl]
 *
 * Runs the rule classifier over a labelled set and prints overall accuracy, recall and
 * precision per intent, a confusion matrix, the safety figures and the time per message: first
 * for the hand-written patterns alone, then for the patterns plus the learned layer (model.ts,
 * combine.ts). --summary leaves out the misclassified lines (for a set that must stay blind).
 * Exits 1 when a CI gate fails for the rules the product uses (`classifyByRules`): accuracy < 0.90,
 * emergency or unsubscribe recall < 1, or any emergency classified as a confirmation.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { classifyByRegex, classifyByRules, classifyWithModel } from "@/services/messaging/classifier/rules";
import {
  INTENTS,
  classifyContextSchema,
  intentSchema,
  type Classification,
  type ClassifyInput,
  type Intent,
} from "@/services/messaging/classifier/types";

export const labelledCase = z.object({
  text: z.string(),
  context: classifyContextSchema,
  intent: intentSchema,
  secondary: z.array(intentSchema).optional(),
});
export type LabelledCase = z.infer<typeof labelledCase>;

export type IntentScore = { support: number; predicted: number; correct: number; recall: number; precision: number };

export type EvalReport = {
  total: number;
  correct: number;
  accuracy: number;
  perIntent: Record<Intent, IntentScore>;
  /** confusion[expected][predicted] = count */
  confusion: Record<Intent, Record<Intent, number>>;
  emergencyRecall: number;
  unsubscribeRecall: number;
  emergencyAsConfirmation: number;
  /** Share of labelled secondary intents that the classifier also reported. */
  secondaryRecall: number;
  meanMicros: number;
  p99Micros: number;
  misses: Array<LabelledCase & { predicted: Intent }>;
};

export const GATES = { minAccuracy: 0.9, minEmergencyRecall: 1, minUnsubscribeRecall: 1 } as const;

const CONFIRMATIONS: ReadonlySet<Intent> = new Set(["confirm_taken", "confirm_not_taken", "verification_accept", "verification_decline"]);

/** Parses a JSONL fixture; a bad line throws with its line number. */
export function loadLabelledCases(path: string): LabelledCase[] {
  const cases: LabelledCase[] = [];
  readFileSync(path, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      const parsed = labelledCase.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid line"}`);
      cases.push(parsed.data);
    });
  return cases;
}

function emptyRow(): Record<Intent, number> {
  return Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

/** Classifies every case with the rules the product uses and scores the result. */
export function evaluateRules(cases: readonly LabelledCase[], passes = 5): EvalReport {
  return evaluateClassifier(cases, classifyByRules, passes);
}

/** Classifies every case with `classifyFn` and scores the result. Timing repeats `passes` times. */
export function evaluateClassifier(
  cases: readonly LabelledCase[],
  classifyFn: (input: ClassifyInput) => Classification,
  passes = 5,
): EvalReport {
  const classify = (c: ClassifyInput) => classifyFn({ text: c.text, context: c.context });
  for (const c of cases) classify(c); // warm up the JIT before timing

  const timings: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const c of cases) {
      const start = performance.now();
      classify(c);
      timings.push((performance.now() - start) * 1000);
    }
  }

  const confusion = Object.fromEntries(INTENTS.map((i) => [i, emptyRow()])) as Record<Intent, Record<Intent, number>>;
  const misses: EvalReport["misses"] = [];
  let correct = 0;
  let emergencyAsConfirmation = 0;
  let secondaryExpected = 0;
  let secondaryFound = 0;
  for (const c of cases) {
    const result = classify(c);
    confusion[c.intent][result.intent]++;
    if (result.intent === c.intent) correct++;
    else misses.push({ ...c, predicted: result.intent });
    if (c.intent === "emergency" && CONFIRMATIONS.has(result.intent)) emergencyAsConfirmation++;
    for (const s of c.secondary ?? []) {
      secondaryExpected++;
      if (result.secondary.includes(s) || result.intent === s) secondaryFound++;
    }
  }

  const perIntent = {} as Record<Intent, IntentScore>;
  for (const intent of INTENTS) {
    const support = INTENTS.reduce((n, p) => n + confusion[intent][p], 0);
    const predicted = INTENTS.reduce((n, e) => n + confusion[e][intent], 0);
    const hit = confusion[intent][intent];
    perIntent[intent] = { support, predicted, correct: hit, recall: ratio(hit, support), precision: ratio(hit, predicted) };
  }

  const sorted = [...timings].sort((a, b) => a - b);
  return {
    total: cases.length,
    correct,
    accuracy: ratio(correct, cases.length),
    perIntent,
    confusion,
    emergencyRecall: perIntent.emergency.recall,
    unsubscribeRecall: perIntent.unsubscribe.recall,
    emergencyAsConfirmation,
    secondaryRecall: ratio(secondaryFound, secondaryExpected),
    meanMicros: timings.reduce((a, b) => a + b, 0) / Math.max(1, timings.length),
    p99Micros: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
    misses,
  };
}

/** The CI gates that fail; empty when the report passes. */
export function findGateFailures(report: EvalReport): string[] {
  const failures: string[] = [];
  if (report.accuracy < GATES.minAccuracy) failures.push(`accuracy ${report.accuracy.toFixed(3)} < ${GATES.minAccuracy}`);
  if (report.emergencyRecall < GATES.minEmergencyRecall) failures.push(`emergency recall ${report.emergencyRecall.toFixed(3)} < 1`);
  if (report.unsubscribeRecall < GATES.minUnsubscribeRecall) failures.push(`unsubscribe recall ${report.unsubscribeRecall.toFixed(3)} < 1`);
  if (report.emergencyAsConfirmation > 0) failures.push(`${report.emergencyAsConfirmation} emergencies classified as a confirmation`);
  return failures;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// Short column heads keep the matrix readable in a terminal.
const SHORT: Record<Intent, string> = {
  emergency: "emerg",
  unsubscribe: "unsub",
  symptom_report: "sympt",
  question: "quest",
  confirm_taken: "taken",
  confirm_not_taken: "!taken",
  verification_accept: "v_acc",
  verification_decline: "v_dec",
  acknowledgement: "ack",
  unclear: "unclr",
};

export function formatReport(report: EvalReport, label: string, { summary = false } = {}): string {
  const out: string[] = [];
  out.push(`== ${label}: ${report.total} messages ==`);
  out.push(`overall accuracy: ${pct(report.accuracy)} (${report.correct}/${report.total})`);
  out.push("");
  out.push(`${"intent".padEnd(22)}${"support".padStart(8)}${"recall".padStart(9)}${"precision".padStart(11)}`);
  for (const intent of INTENTS) {
    const s = report.perIntent[intent];
    out.push(`${intent.padEnd(22)}${String(s.support).padStart(8)}${pct(s.recall).padStart(9)}${pct(s.precision).padStart(11)}`);
  }
  out.push("");
  out.push("confusion matrix (rows: expected, columns: predicted)");
  out.push(`${"".padEnd(8)}${INTENTS.map((i) => SHORT[i].padStart(7)).join("")}`);
  for (const expected of INTENTS) {
    out.push(`${SHORT[expected].padEnd(8)}${INTENTS.map((p) => String(report.confusion[expected][p] || ".").padStart(7)).join("")}`);
  }
  out.push("");
  out.push(`emergency recall: ${pct(report.emergencyRecall)}`);
  out.push(`unsubscribe recall: ${pct(report.unsubscribeRecall)}`);
  out.push(`emergencies classified as a confirmation: ${report.emergencyAsConfirmation}`);
  out.push(`secondary intents recovered: ${pct(report.secondaryRecall)}`);
  out.push(`time per message: mean ${report.meanMicros.toFixed(1)} µs, p99 ${report.p99Micros.toFixed(1)} µs`);
  if (report.misses.length > 0 && !summary) {
    out.push("");
    out.push("misclassified:");
    for (const m of report.misses) out.push(`  [${m.context}] expected ${m.intent}, got ${m.predicted}: ${JSON.stringify(m.text)}`);
  }
  return out.join("\n");
}

function main() {
  const args = process.argv.slice(2);
  const summary = args.includes("--summary");
  const path = args.find((a) => !a.startsWith("--")) ?? "tests/fixtures/intents.jsonl";
  const cases = loadLabelledCases(path);
  const regex = evaluateClassifier(cases, classifyByRegex);
  process.stdout.write(`${formatReport(regex, "rules: patterns only", { summary })}\n\n`);
  const combined = evaluateClassifier(cases, classifyWithModel);
  process.stdout.write(`${formatReport(combined, "rules: patterns + learned layer", { summary })}\n`);
  // The gates apply to what the product uses as "the rules".
  const report = evaluateRules(cases, 1);
  const failures = findGateFailures(report);
  if (failures.length > 0) {
    process.stdout.write(`\nFAIL: ${failures.join("; ")}\n`);
    process.exit(1);
  }
  process.stdout.write("\nPASS\n");
}

if (import.meta.main) main();
