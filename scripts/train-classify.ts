/**
 * bun run train:classify [--out path] [set.jsonl ...]
 *
 * Trains the learned layer (src/services/messaging/classifier/model.ts) on labelled JSONL sets and
 * writes its weights as JSON. Deterministic: the same sets in the same order give the same file.
 * Default sets and output are the shipped ones (see docs/classifier-blind-eval.md for which sets
 * were used and why).
 */
import { writeFileSync } from "node:fs";
import { extractFeatures, softmax, type ModelWeights } from "@/services/messaging/classifier/model";
import { normaliseText } from "@/services/messaging/classifier/normalise";
import { INTENTS } from "@/services/messaging/classifier/types";
import { loadLabelledCases, type LabelledCase } from "./eval-classify";

export const DEFAULT_SETS = [
  "tests/fixtures/intents.jsonl",
  "tests/fixtures/intents-fresh.jsonl",
  "tests/fixtures/intents-blind-2.jsonl",
  "tests/fixtures/intents-blind-3.jsonl",
  "tests/fixtures/intents-blind-4.jsonl",
  "tests/fixtures/intents-blind-5.jsonl",
  "tests/fixtures/intents-blind-6.jsonl",
  "tests/fixtures/intents-blind-7.jsonl",
  "tests/fixtures/intents-blind-8.jsonl",
  "tests/fixtures/intents-blind-9.jsonl",
  "tests/fixtures/intents-blind-10.jsonl",
  "tests/fixtures/intents-blind-11.jsonl",
];
export const DEFAULT_OUT = "src/services/messaging/classifier/model-weights.json";

export type TrainOptions = {
  epochs: number;
  learningRate: number;
  l2: number;
  /** A feature must occur in at least this many training messages. */
  minCount: number;
  /** Keep only the strongest features (by largest absolute weight). */
  maxFeatures: number;
  scale: number;
  /** Maps a message to its normalised text; the cross-validation passes an older normaliser. */
  normalise: (text: string) => string;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  minCount: 2,
  maxFeatures: 12_000,
  scale: 1000,
  normalise: normaliseText,
};

/** Small seeded PRNG (mulberry32) so the shuffle order, and so the weights, are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Example = { indices: number[]; value: number; label: number };

function fit(examples: readonly Example[], vocabSize: number, opts: TrainOptions): { w: Float64Array; b: Float64Array } {
  const k = INTENTS.length;
  const w = new Float64Array(vocabSize * k);
  const b = new Float64Array(k);
  const gw = new Float64Array(vocabSize * k).fill(1e-8);
  const gb = new Float64Array(k).fill(1e-8);
  const order = examples.map((_, i) => i);
  const random = seededRandom(20261123);
  const scores = new Array<number>(k);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const idx of order) {
      const ex = examples[idx] as Example;
      for (let c = 0; c < k; c++) {
        let s = b[c] as number;
        for (const f of ex.indices) s += (w[f * k + c] as number) * ex.value;
        scores[c] = s;
      }
      const p = softmax(scores);
      for (let c = 0; c < k; c++) {
        const err = (p[c] as number) - (c === ex.label ? 1 : 0);
        gb[c] = (gb[c] as number) + err * err;
        b[c] = (b[c] as number) - (opts.learningRate * err) / Math.sqrt(gb[c] as number);
        for (const f of ex.indices) {
          const at = f * k + c;
          const g = err * ex.value + opts.l2 * (w[at] as number);
          gw[at] = (gw[at] as number) + g * g;
          w[at] = (w[at] as number) - (opts.learningRate * g) / Math.sqrt(gw[at] as number);
        }
      }
    }
  }
  return { w, b };
}

function toExamples(rows: ReadonlyArray<{ features: string[]; label: number }>, vocab: Map<string, number>): Example[] {
  return rows.map((r) => ({
    indices: r.features.flatMap((f) => (vocab.has(f) ? [vocab.get(f) as number] : [])),
    // Every extracted feature counts toward the length, known or not, exactly as at inference.
    value: 1 / Math.sqrt(r.features.length),
    label: r.label,
  }));
}

/** Trains on the cases and returns the pruned weight table. */
export function trainModel(cases: readonly LabelledCase[], options: Partial<TrainOptions> = {}): ModelWeights {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const k = INTENTS.length;
  const rows = cases.map((c) => ({
    features: extractFeatures(c.text, c.context, opts.normalise(c.text)),
    label: INTENTS.indexOf(c.intent),
  }));

  const counts = new Map<string, number>();
  for (const r of rows) for (const f of r.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const firstVocab = [...counts.keys()].filter((f) => (counts.get(f) as number) >= opts.minCount).sort();
  const firstIndex = new Map(firstVocab.map((f, i) => [f, i]));
  const first = fit(toExamples(rows, firstIndex), firstVocab.length, opts);

  // Keep the strongest features, then refit on them so the table is a model in its own right.
  const strength = firstVocab.map((f, i) => {
    let max = 0;
    for (let c = 0; c < k; c++) max = Math.max(max, Math.abs(first.w[i * k + c] as number));
    return { f, max };
  });
  const kept = strength
    .sort((a, b) => b.max - a.max || (a.f < b.f ? -1 : 1))
    .slice(0, opts.maxFeatures)
    .map((s) => s.f)
    .sort();
  const keptIndex = new Map(kept.map((f, i) => [f, i]));
  const final = fit(toExamples(rows, keptIndex), kept.length, opts);

  const round = (x: number) => Math.round(x * opts.scale);
  const features: Record<string, number[]> = {};
  kept.forEach((f, i) => {
    const row = Array.from({ length: k }, (_, c) => round(final.w[i * k + c] as number));
    if (row.some((x) => x !== 0)) features[f] = row;
  });
  return { version: 1, intents: [...INTENTS], scale: opts.scale, bias: Array.from(final.b, round), features };
}

function main() {
  const args = process.argv.slice(2);
  let out = DEFAULT_OUT;
  const sets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") out = args[++i] ?? DEFAULT_OUT;
    else sets.push(args[i] as string);
  }
  const paths = sets.length > 0 ? sets : DEFAULT_SETS;
  const cases = paths.flatMap((p) => loadLabelledCases(p));
  const weights = trainModel(cases);
  const json = `${JSON.stringify(weights)}\n`;
  writeFileSync(out, json);
  process.stderr.write(
    `trained on ${cases.length} messages from ${paths.join(", ")}: ${Object.keys(weights.features).length} features, ${(json.length / 1024).toFixed(0)} KiB -> ${out}\n`,
  );
}

if (import.meta.main) main();
