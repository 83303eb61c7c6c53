import { describe, expect, it } from "vitest";
import { combineWithModel, DEFAULT_THRESHOLDS } from "./combine";
import { extractFeatures, predictIntentProbabilities, type IntentProbabilities, type ModelWeights } from "./model";
import { classifyByRegex, classifyByRules, classifyWithModel } from "./rules";
import { INTENTS, type Classification, type Intent } from "./types";

function probs(top: Partial<Record<Intent, number>>): IntentProbabilities {
  const rest = 1 - Object.values(top).reduce((a, b) => a + b, 0);
  const others = INTENTS.filter((i) => !(i in top));
  return Object.fromEntries(INTENTS.map((i) => [i, top[i] ?? rest / others.length])) as IntentProbabilities;
}

function rules(intent: Intent, secondary: Intent[] = []): Classification {
  return { intent, confidence: 0.9, secondary, language: "id", source: "rules" };
}

describe("features", () => {
  it("are word unigrams and bigrams, character 3-5-grams of the normalised text, and the context", () => {
    const f = extractFeatures("Udh minum", "reminder");
    expect(f).toContain("c:reminder");
    expect(f).toContain("w:sudah");
    expect(f).toContain("cw:reminder:sudah");
    expect(f).toContain("b:sudah minum");
    expect(f).toContain("b:<s> sudah");
    expect(f).toContain("g: su");
    expect(f).toContain("g:minum");
    expect(f).not.toContain("w:udh");
  });

  it("a message with no text still has features", () => {
    expect(extractFeatures("", "none")).toEqual(expect.arrayContaining(["c:none", "empty"]));
  });
});

describe("learned layer", () => {
  const tiny: ModelWeights = {
    version: 1,
    intents: [...INTENTS],
    scale: 1000,
    bias: INTENTS.map(() => 0),
    features: { "w:sesak": INTENTS.map((i) => (i === "emergency" ? 9000 : 0)) },
  };

  it("gives the same probabilities for the same message, every time", () => {
    const first = predictIntentProbabilities(tiny, "sesak napas", "none");
    for (let i = 0; i < 50; i++) expect(predictIntentProbabilities(tiny, "sesak napas", "none")).toEqual(first);
    expect(first.emergency).toBeGreaterThan(first.question);
    expect(Object.values(first).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("the shipped table is deterministic and sums to one", () => {
    const input = { text: "Sudah minum, tapi badan jadi lemas dan gatal. Normal tidak?", context: "reminder" as const };
    const first = classifyWithModel(input);
    for (let i = 0; i < 200; i++) expect(classifyWithModel(input)).toEqual(first);
    expect(first.source).toBe("rules");
  });

  // Retraining on sets full of stings with a swollen face and no breath once taught the layer that any sting
  // with swelling is an emergency: these are Pharmacy First cases for the triage dialog.
  it.each([
    "lengan saya disengat tawon, bengkak merah",
    "kena gigitan serangga pas berkebun, kakinya bengkak",
    "a bee got me on the wrist, it's puffy and red",
  ])("a sting or bite with only local swelling stays a symptom with the shipped table: %s", (text) => {
    expect(classifyByRules({ text, context: "none" }).intent).toBe("symptom_report");
  });

  it.each(["disengat tawon, bibir dan mata bengkak, susah napas", "stung by a wasp, now my throat feels tight and my face is swelling"])(
    "one with swelling of the face or trouble breathing is an emergency: %s",
    (text) => {
      expect(classifyByRules({ text, context: "none" }).intent).toBe("emergency");
    },
  );

  it("the product's rules are the patterns plus the learned layer", () => {
    const input = { text: "STOP", context: "none" as const };
    expect(classifyByRules(input)).toEqual(classifyWithModel(input));
    expect(classifyByRegex(input).intent).toBe("unsubscribe");
  });
});

describe("combining the rules and the model", () => {
  it("the model adds an emergency the rules missed, keeping the rules' reading as secondary", () => {
    const out = combineWithModel(rules("symptom_report", ["confirm_taken"]), probs({ emergency: DEFAULT_THRESHOLDS.emergency + 0.01, symptom_report: 0.5 }));
    expect(out.intent).toBe("emergency");
    expect(out.secondary).toEqual(["symptom_report", "confirm_taken"]);
    expect(out.source).toBe("rules");
  });

  it("a rules emergency is never downgraded, however sure the model is of something else", () => {
    const r = rules("emergency", ["symptom_report"]);
    expect(combineWithModel(r, probs({ confirm_taken: 0.99 }))).toEqual(r);
    expect(combineWithModel(r, probs({ unclear: 0.99 }))).toEqual(r);
  });

  it("a predicted emergency never becomes a confirmation", () => {
    for (const intent of ["confirm_taken", "confirm_not_taken", "verification_accept", "verification_decline"] as const) {
      // the rules read a confirmation; the model's emergency, once past its threshold, wins
      const emergency = DEFAULT_THRESHOLDS.emergency + 0.01;
      expect(combineWithModel(rules(intent), probs({ emergency, [intent]: 1 - emergency })).intent).toBe("emergency");
    }
  });

  it("a confirmation is not accepted while the model gives an emergency a fair chance, below the adding threshold", () => {
    const doubt = DEFAULT_THRESHOLDS.emergencyOverConfirmation + 0.01;
    expect(doubt).toBeLessThan(DEFAULT_THRESHOLDS.emergency);
    const out = combineWithModel(rules("confirm_taken"), probs({ emergency: doubt, confirm_taken: 1 - doubt }));
    expect(out.intent).toBe("emergency");
    expect(out.secondary).toContain("confirm_taken");
    // the same doubt does not turn a question or a symptom into an emergency
    expect(combineWithModel(rules("question"), probs({ emergency: doubt, question: 1 - doubt })).intent).toBe("question");
    // and with little doubt the confirmation stands
    const low = DEFAULT_THRESHOLDS.emergencyOverConfirmation - 0.05;
    expect(combineWithModel(rules("confirm_taken"), probs({ emergency: low, confirm_taken: 1 - low })).intent).toBe("confirm_taken");
  });

  it("a rules opt-out stands even when the model disagrees", () => {
    const r = rules("unsubscribe");
    expect(combineWithModel(r, probs({ question: 0.99 }))).toEqual(r);
  });

  it("the model adds an opt-out only at high confidence", () => {
    expect(combineWithModel(rules("question"), probs({ unsubscribe: DEFAULT_THRESHOLDS.unsubscribe - 0.05, question: 0.1 })).intent).toBe("question");
    expect(combineWithModel(rules("question"), probs({ unsubscribe: DEFAULT_THRESHOLDS.unsubscribe + 0.05 })).intent).toBe("unsubscribe");
  });

  it("an emergency outranks an opt-out, from either side", () => {
    const emergency = DEFAULT_THRESHOLDS.emergency + 0.01;
    expect(combineWithModel(rules("unsubscribe"), probs({ emergency, unsubscribe: 1 - emergency })).intent).toBe("emergency");
  });

  it("the model fills in where the rules found nothing, and overrules them only when confident", () => {
    expect(combineWithModel(rules("unclear"), probs({ confirm_taken: 0.6 })).intent).toBe("confirm_taken");
    expect(combineWithModel(rules("unclear"), probs({ confirm_taken: 0.3 })).intent).toBe("unclear");
    expect(combineWithModel(rules("confirm_taken"), probs({ symptom_report: 0.7 })).intent).toBe("confirm_taken");
    const over = combineWithModel(rules("confirm_taken"), probs({ symptom_report: 0.9 }));
    expect(over.intent).toBe("symptom_report");
    expect(over.secondary).toContain("confirm_taken");
  });
});
