/**
 * How the rules and the learned layer (model.ts) decide together. Safety only ever goes up:
 * - a rules emergency or opt-out always stands;
 * - the model may ADD an emergency at a recall-biased threshold (a false alarm costs a pharmacist
 *   a look; a miss can cost a life);
 * - the model may add an opt-out only at high confidence, since it stops the patient's reminders
 *   (the patient is told, and START turns them back on);
 * - for the other intents the model decides when the rules found nothing (unclear), or when it is
 *   confident and the rules disagree;
 * - an emergency, from either side, is never turned into a confirmation, and a confirmation is not
 *   accepted while the model still gives an emergency a fair chance (`emergencyOverConfirmation`):
 *   reading an emergency as "taken" is the one mistake that ends the conversation.
 * The thresholds were chosen by cross-validation on the training sets (docs/classifier-blind-eval.md).
 */
import type { IntentProbabilities } from "./model";
import { INTENTS, type Classification, type Intent } from "./types";

export type CombineThresholds = {
  /** Model emergency probability at or above which an emergency is added. */
  emergency: number;
  /** Model opt-out probability at or above which an opt-out is added. */
  unsubscribe: number;
  /** Model confidence needed to replace the rules' "unclear". */
  unclear: number;
  /** Model confidence needed to overrule the rules on a non-safety intent. */
  override: number;
  /** Model emergency probability at or above which a confirmation becomes an emergency. */
  emergencyOverConfirmation: number;
};

export const DEFAULT_THRESHOLDS: CombineThresholds = {
  emergency: 0.7,
  unsubscribe: 0.8,
  unclear: 0.5,
  override: 0.8,
  emergencyOverConfirmation: 0.3,
};

const SAFETY: ReadonlySet<Intent> = new Set(["emergency", "unsubscribe"]);
const CONFIRMATIONS: ReadonlySet<Intent> = new Set(["confirm_taken", "confirm_not_taken", "verification_accept", "verification_decline"]);

function byPriority(intents: readonly Intent[]): Intent[] {
  return [...new Set(intents)].sort((a, b) => INTENTS.indexOf(a) - INTENTS.indexOf(b));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The rules' result with the model's view applied under the policy above. */
export function combineWithModel(
  rules: Classification,
  probs: IntentProbabilities,
  thresholds: CombineThresholds = DEFAULT_THRESHOLDS,
): Classification {
  const combined = combine(rules, probs, thresholds);
  if (CONFIRMATIONS.has(combined.intent) && probs.emergency >= thresholds.emergencyOverConfirmation) {
    return asIntent(combined, "emergency", Math.max(probs.emergency, 0.6));
  }
  return combined;
}

function asIntent(from: Classification, intent: Intent, confidence: number): Classification {
  return {
    ...from,
    intent,
    confidence: round2(confidence),
    // The earlier reading stays as a secondary: "sudah, tapi ..." still confirms the dose.
    secondary: byPriority([from.intent, ...from.secondary]).filter((i) => i !== intent && i !== "unclear"),
  };
}

function combine(rules: Classification, probs: IntentProbabilities, thresholds: CombineThresholds): Classification {
  if (rules.intent === "emergency") return rules;
  const replace = (intent: Intent, confidence: number) => asIntent(rules, intent, confidence);

  if (probs.emergency >= thresholds.emergency) return replace("emergency", Math.max(probs.emergency, 0.6));
  if (rules.intent === "unsubscribe") return rules;
  if (probs.unsubscribe >= thresholds.unsubscribe) return replace("unsubscribe", probs.unsubscribe);

  // The model's best non-safety intent: safety intents below their thresholds do not count here.
  let best: Intent = "unclear";
  let bestP = -1;
  for (const intent of INTENTS) {
    if (SAFETY.has(intent)) continue;
    if (probs[intent] > bestP) {
      best = intent;
      bestP = probs[intent];
    }
  }
  if (best === rules.intent) return rules;
  if (rules.intent === "unclear" && bestP >= thresholds.unclear) return replace(best, bestP);
  if (rules.intent !== "unclear" && bestP >= thresholds.override) return replace(best, bestP);
  return rules;
}
