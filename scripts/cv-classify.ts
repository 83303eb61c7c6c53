/**
 * bun run cv:classify
 *
 * Cross-validation for the learned layer, done the way the real test happens: for each held-out
 * set, the rules (and normaliser) are taken from git AS THEY WERE before that set was ever read,
 * and the model is trained on the other sets only. So neither half has seen the held-out messages.
 *
 *   fold "fresh":   rules at 7d81765 (before tuning on fresh),   model on intents + blind-2
 *   fold "blind-2": rules at ead9bcd (before tuning on blind-2), model on intents + fresh
 *   folds "blind-4" and "blind-5": rules at f9d813a (before either was written), model on the four
 *   sets before them (intents, fresh, blind-2, blind-3) — the shipped layer as it was then
 *
 *   folds "blind-8" and "blind-9": rules at c8f7943 (before either was written), model on the eight
 *   sets before them (intents, fresh, blind-2 to blind-7) — the shipped layer as it was then
 *
 *   fold "blind-10": rules at 42b99d6 (after the fixes for 8 and 9, before 10 was written), model on
 *   the ten sets before it — again the shipped layer as it was then
 *
 *   fold "blind-11": rules at b9d5965 (after the fixes for 10, before 11 was written), model on the
 *   eleven sets before it
 *
 * No fold holds out blind-3: the rules from before it was read were not kept. "Rules alone" at a
 * commit that already had the learned layer means its patterns only (classifyByRegex). Prints rules
 * alone vs rules + model per fold, then a sweep of the combination thresholds over the pooled
 * held-out messages.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { combineWithModel, DEFAULT_THRESHOLDS, type CombineThresholds } from "@/services/messaging/classifier/combine";
import { predictIntentProbabilities, type IntentProbabilities } from "@/services/messaging/classifier/model";
import type { Classification, ClassifyInput, Intent } from "@/services/messaging/classifier/types";
import { loadLabelledCases, type LabelledCase } from "./eval-classify";
import { trainModel } from "./train-classify";

type Fold = { name: string; commit: string; train: string[]; test: string };

const BEFORE_BLIND_4 = ["intents.jsonl", "intents-fresh.jsonl", "intents-blind-2.jsonl", "intents-blind-3.jsonl"];
const BEFORE_BLIND_8 = [...BEFORE_BLIND_4, "intents-blind-4.jsonl", "intents-blind-5.jsonl", "intents-blind-6.jsonl", "intents-blind-7.jsonl"];
const BEFORE_BLIND_10 = [...BEFORE_BLIND_8, "intents-blind-8.jsonl", "intents-blind-9.jsonl"];

const FOLDS: Fold[] = [
  { name: "fresh", commit: "7d81765", train: ["intents.jsonl", "intents-blind-2.jsonl"], test: "intents-fresh.jsonl" },
  { name: "blind-2", commit: "ead9bcd", train: ["intents.jsonl", "intents-fresh.jsonl"], test: "intents-blind-2.jsonl" },
  { name: "blind-4", commit: "f9d813a", train: BEFORE_BLIND_4, test: "intents-blind-4.jsonl" },
  { name: "blind-5", commit: "f9d813a", train: BEFORE_BLIND_4, test: "intents-blind-5.jsonl" },
  { name: "blind-8", commit: "c8f7943", train: BEFORE_BLIND_8, test: "intents-blind-8.jsonl" },
  { name: "blind-9", commit: "c8f7943", train: BEFORE_BLIND_8, test: "intents-blind-9.jsonl" },
  { name: "blind-10", commit: "42b99d6", train: BEFORE_BLIND_10, test: "intents-blind-10.jsonl" },
  { name: "blind-11", commit: "b9d5965", train: [...BEFORE_BLIND_10, "intents-blind-10.jsonl"], test: "intents-blind-11.jsonl" },
];

// Commits after the learned layer arrived also need its files to import.
const FILES = ["normalise.ts", "safety.ts", "rules.ts", "types.ts", "combine.ts", "model.ts", "model-weights.json"];
const CONFIRMATIONS = new Set<Intent>(["confirm_taken", "confirm_not_taken", "verification_accept", "verification_decline"]);

type OldRules = { classifyByRules: (i: ClassifyInput) => Classification; normaliseText: (t: string) => string };
type OldRulesModule = { classifyByRules: OldRules["classifyByRules"]; classifyByRegex?: OldRules["classifyByRules"] };

async function loadRulesAt(commit: string, root: string): Promise<OldRules> {
  const dir = join(root, commit);
  mkdirSync(dir, { recursive: true });
  for (const f of FILES) {
    const path = `${commit}:src/services/messaging/classifier/${f}`;
    let source: string;
    try {
      source = execFileSync("git", ["show", path], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      continue; // not there yet at that commit
    }
    writeFileSync(join(dir, f), source);
  }
  const rules = (await import(join(dir, "rules.ts"))) as OldRulesModule;
  const normalise = (await import(join(dir, "normalise.ts"))) as Pick<OldRules, "normaliseText">;
  return { classifyByRules: rules.classifyByRegex ?? rules.classifyByRules, normaliseText: normalise.normaliseText };
}

type Scored = { label: Intent; rules: Classification; probs: IntentProbabilities };
type Figures = { n: number; accuracy: number; emergencyRecall: number; unsubscribeRecall: number; emergencyAsConfirmation: number; falseEmergency: number; falseUnsubscribe: number };

function score(rows: readonly Scored[], predict: (r: Scored) => Intent): Figures {
  let correct = 0, emerg = 0, emergHit = 0, unsub = 0, unsubHit = 0, asConfirm = 0, falseEmergency = 0, falseUnsubscribe = 0;
  for (const r of rows) {
    const p = predict(r);
    if (p === r.label) correct++;
    if (r.label === "emergency") {
      emerg++;
      if (p === "emergency") emergHit++;
      if (CONFIRMATIONS.has(p)) asConfirm++;
    } else if (p === "emergency") falseEmergency++;
    if (r.label === "unsubscribe") {
      unsub++;
      if (p === "unsubscribe") unsubHit++;
    } else if (p === "unsubscribe") falseUnsubscribe++;
  }
  return {
    n: rows.length,
    accuracy: correct / rows.length,
    emergencyRecall: emergHit / emerg,
    unsubscribeRecall: unsubHit / unsub,
    emergencyAsConfirmation: asConfirm,
    falseEmergency,
    falseUnsubscribe,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function line(label: string, f: Figures): string {
  return `${label.padEnd(34)} acc ${pct(f.accuracy).padStart(6)}  emerg ${pct(f.emergencyRecall).padStart(6)}  unsub ${pct(f.unsubscribeRecall).padStart(6)}  emerg->confirm ${f.emergencyAsConfirmation}  false emerg ${f.falseEmergency}  false unsub ${f.falseUnsubscribe}`;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), "cv-classify-"));
  // The old files import zod: let them resolve this checkout's node_modules.
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));
  const fixtures = (f: string) => loadLabelledCases(join("tests/fixtures", f));

  const pooled: Scored[] = [];
  for (const fold of FOLDS) {
    const old = await loadRulesAt(fold.commit, root);
    const train: LabelledCase[] = fold.train.flatMap(fixtures);
    const weights = trainModel(train, { normalise: old.normaliseText });
    const rows: Scored[] = fixtures(fold.test).map((c) => ({
      label: c.intent,
      rules: old.classifyByRules({ text: c.text, context: c.context }),
      probs: predictIntentProbabilities(weights, c.text, c.context, old.normaliseText(c.text)),
    }));
    pooled.push(...rows);
    process.stdout.write(`== fold ${fold.name}: rules at ${fold.commit}, model on ${fold.train.join(" + ")}, ${rows.length} held out ==\n`);
    process.stdout.write(`${line("rules alone", score(rows, (r) => r.rules.intent))}\n`);
    process.stdout.write(`${line("model alone (argmax)", score(rows, (r) => argmax(r.probs)))}\n`);
    process.stdout.write(`${line("rules + model (default thresholds)", score(rows, (r) => combineWithModel(r.rules, r.probs).intent))}\n\n`);
  }

  process.stdout.write(`== pooled, ${pooled.length} held out ==\n`);
  process.stdout.write(`${line("rules alone", score(pooled, (r) => r.rules.intent))}\n`);
  process.stdout.write(`${line("rules + model (default thresholds)", score(pooled, (r) => combineWithModel(r.rules, r.probs).intent))}\n\n`);

  process.stdout.write("threshold sweep (one threshold varied, the others at their defaults):\n");
  const sweep: Array<[keyof CombineThresholds, number[]]> = [
    ["emergency", [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 1.01]],
    ["unsubscribe", [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]],
    ["unclear", [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01]],
    ["override", [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01]],
    ["emergencyOverConfirmation", [0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.01]],
  ];
  for (const [key, values] of sweep) {
    for (const v of values) {
      const t = { ...DEFAULT_THRESHOLDS, [key]: v };
      process.stdout.write(`${line(`${key} ${v}`, score(pooled, (r) => combineWithModel(r.rules, r.probs, t).intent))}\n`);
    }
    process.stdout.write("\n");
  }
}

function argmax(p: IntentProbabilities): Intent {
  return (Object.entries(p) as Array<[Intent, number]>).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

if (import.meta.main) await main();
