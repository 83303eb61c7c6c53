/**
 * A small learned layer beside the rules: a multinomial logistic regression over features that
 * carry across phrasings (normalised word unigrams and bigrams, character 3–5-grams, the context).
 * The weights are a fixed table trained by `bun run train:classify` and committed, so inference is
 * deterministic: the same message always gets the same probabilities.
 */
import { normaliseText } from "./normalise";
import { INTENTS, type ClassifyContext, type Intent } from "./types";

export type ModelWeights = {
  version: 1;
  intents: readonly Intent[];
  /** Weights are stored as integers: real weight = stored / scale. */
  scale: number;
  /** One per intent, scaled like the feature weights. */
  bias: readonly number[];
  /** feature -> one weight per intent, in `intents` order. */
  features: Readonly<Record<string, readonly number[]>>;
};

export type IntentProbabilities = Record<Intent, number>;

const CHAR_NGRAM_SIZES = [3, 4, 5] as const;

/** Feature names of one message, deduplicated, in a stable order. */
export function extractFeatures(text: string, context: ClassifyContext, normalised = normaliseText(text)): string[] {
  const features = new Set<string>();
  features.add(`c:${context}`);
  const tokens = normalised === "" ? [] : normalised.split(" ");
  if (tokens.length === 0) features.add("empty");
  const padded = ["<s>", ...tokens, "</s>"];
  for (let i = 0; i < padded.length; i++) {
    const token = padded[i] as string;
    if (i > 0 && i < padded.length - 1) {
      features.add(`w:${token}`);
      // What "ya" or "sudah" means depends on what we last asked.
      features.add(`cw:${context}:${token}`);
    }
    if (i + 1 < padded.length) features.add(`b:${token} ${padded[i + 1]}`);
  }
  const chars = ` ${normalised} `;
  for (const n of CHAR_NGRAM_SIZES) {
    for (let i = 0; i + n <= chars.length; i++) features.add(`g:${chars.slice(i, i + n)}`);
  }
  features.add(`len:${Math.min(tokens.length, 8)}`);
  return [...features];
}

/** Probability of each intent for one message. */
export function predictIntentProbabilities(
  weights: ModelWeights,
  text: string,
  context: ClassifyContext,
  normalised?: string,
): IntentProbabilities {
  const k = weights.intents.length;
  const scores = weights.bias.map((b) => b / weights.scale);
  const features = extractFeatures(text, context, normalised);
  // Inputs are binary and scaled to unit length, as in training.
  const value = 1 / Math.sqrt(features.length);
  for (const f of features) {
    const w = weights.features[f];
    if (!w) continue;
    for (let j = 0; j < k; j++) scores[j] = (scores[j] as number) + ((w[j] as number) / weights.scale) * value;
  }
  const probs = softmax(scores);
  const out = Object.fromEntries(INTENTS.map((i) => [i, 0])) as IntentProbabilities;
  weights.intents.forEach((intent, j) => {
    out[intent] = probs[j] as number;
  });
  return out;
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
