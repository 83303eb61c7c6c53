import { flagRule, flagRules, redFlag, type Eligibility, type Patient, type Question, type Rule, type Verdict } from "./protocol";
import { PROTOCOLS } from "./protocols";
import {
  COMMON_FINDINGS,
  type Condition,
  type FindingValue,
  type Outcome,
  type TriageFacts,
  type TriageResult,
} from "./triage.schemas";

/**
 * The Pharmacy First triage engine: pure, generic over the protocols.
 *
 * Unknown findings are never guessed. Each stage of precedence (serious illness, same-day
 * referral, eligibility, onward referral, then the condition's own decision) is evaluated over
 * every value its unknown findings could still take. An outcome is given only when no such value
 * could lead to a different one; otherwise the result is `incomplete` and `missing` names exactly
 * the unknown findings that could change it, most important first. The one exception, from the
 * contract: a red flag known to be present decides at once.
 */

/** Asked first for every condition: risk of deterioration or serious illness. */
export const COMMON_QUESTIONS: readonly Question[] = [
  redFlag(
    "sepsis_signs",
    "Are you very unwell: confused, breathing very fast, or with cold, pale or blotchy skin?",
    "Apakah Anda sangat lemas: bingung, napas sangat cepat, atau kulit dingin, pucat atau belang?",
  ),
  redFlag(
    "deterioration_risk",
    "Are you getting much worse quickly, or do you feel seriously ill?",
    "Apakah kondisi Anda memburuk dengan cepat, atau terasa sakit berat?",
  ),
];

const COMMON_EMERGENCY: readonly Rule[] = flagRules("red_flag", ...COMMON_FINDINGS);

/** A protocol with its condition's key types erased, as the generic engine sees it. */
type AnyProtocol = {
  condition: Condition;
  questions: readonly Question[];
  eligibility: Eligibility<string>;
  emergency: readonly Rule[];
  urgent: readonly Rule[];
  refer: readonly Rule[];
  decision: {
    keys: readonly string[];
    samples?: Partial<Record<string, readonly number[]>>;
    decide(values: Readonly<Record<string, FindingValue>>, patient: Patient): Verdict;
  };
};

function protocolFor(condition: Condition): AnyProtocol {
  return PROTOCOLS[condition] as unknown as AnyProtocol;
}

/** Every question for a condition, most important first; the order `missing` follows. */
export function questionsFor(condition: Condition): readonly Question[] {
  return [...COMMON_QUESTIONS, ...protocolFor(condition).questions];
}

type Known = Readonly<Record<string, FindingValue>>;

/** The state of one stage over every completion of its unknown findings. */
type Status = { state: "yes"; reasons: string[] } | { state: "no" } | { state: "maybe"; keys: string[] };

type Exploration<R> = { results: R[]; classes: string[]; relevant: string[] };

/**
 * Runs `run` on every completion of the unknown `keys` (mixed radix, first key most
 * significant, first domain value at digit 0 — so completion 0 sets every unknown flag false).
 * `relevant` lists the unknown keys whose value alone changes the class in some completion.
 */
function explore<R>(
  keys: readonly string[],
  known: Known,
  domainOf: (key: string) => readonly FindingValue[],
  run: (values: Known) => R,
  classify: (result: R) => string,
): Exploration<R> {
  const unknown = [...new Set(keys)].filter((key) => !(key in known));
  const domains = unknown.map(domainOf);
  const strides = domains.map(() => 1);
  for (let i = domains.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * domains[i + 1]!.length;
  const total = domains.reduce((product, domain) => product * domain.length, 1);

  const results: R[] = [];
  const classes: string[] = [];
  // One object, refilled per completion: predicates only read it.
  const values: Record<string, FindingValue> = { ...known };
  for (let index = 0; index < total; index++) {
    for (let i = 0; i < unknown.length; i++) {
      const domain = domains[i]!;
      values[unknown[i]!] = domain[Math.floor(index / strides[i]!) % domain.length]!;
    }
    const result = run(values);
    results.push(result);
    classes.push(classify(result));
  }

  const relevant = unknown.filter((_, i) => {
    const stride = strides[i]!;
    const size = domains[i]!.length;
    for (let index = 0; index < total; index++) {
      const digit = Math.floor(index / stride) % size;
      for (let other = digit + 1; other < size; other++) {
        if (classes[index] !== classes[index + (other - digit) * stride]) return true;
      }
    }
    return false;
  });
  return { results, classes, relevant };
}

function booleanDomain(): readonly FindingValue[] {
  return [false, true];
}

function evaluateRule(rule: Rule, known: Known, patient: Patient): Status {
  const { classes, relevant } = explore(
    rule.keys,
    known,
    booleanDomain,
    (values) => rule.holds(values, patient),
    (holds) => (holds ? "yes" : "no"),
  );
  if (classes.every((c) => c === "yes")) return { state: "yes", reasons: [rule.reason] };
  if (classes.every((c) => c === "no")) return { state: "no" };
  return { state: "maybe", keys: relevant };
}

/** Any rule true makes the stage apply; a stage is settled "no" only when every rule is. */
function evaluateAny(rules: readonly Rule[], known: Known, patient: Patient): Status {
  const statuses = rules.map((rule) => evaluateRule(rule, known, patient));
  const reasons = statuses.flatMap((s) => (s.state === "yes" ? s.reasons : []));
  if (reasons.length > 0) return { state: "yes", reasons };
  const keys = statuses.flatMap((s) => (s.state === "maybe" ? s.keys : []));
  return keys.length > 0 ? { state: "maybe", keys } : { state: "no" };
}

function eligibilityRules(eligibility: Eligibility<string>): Rule[] {
  const { minYears, maxYears, sex, pregnancy, exclusions } = eligibility;
  const rules: Rule[] = [];
  if (sex !== undefined) {
    rules.push({ reason: "sex_not_eligible", keys: [], holds: (_, patient) => patient.sex !== sex });
  }
  rules.push({
    reason: "age_out_of_range",
    keys: [],
    holds: (_, { years }) => (minYears !== undefined && years < minYears) || (maxYears !== undefined && years > maxYears),
  });
  if (pregnancy === "excluded") {
    rules.push({ reason: "pregnant", keys: [], holds: (_, patient) => patient.pregnant });
  }
  if (pregnancy === "excluded_under_16") {
    rules.push({ reason: "pregnant_under_16", keys: [], holds: (_, patient) => patient.pregnant && patient.years < 16 });
  }
  return [...rules, ...exclusions.map((key) => flagRule(key, "exclusion"))];
}

type DecisionStatus = { state: "decided"; verdict: Verdict } | { state: "open"; keys: string[] };

function evaluateDecision(protocol: AnyProtocol, known: Known, patient: Patient): DecisionStatus {
  const { keys, samples, decide } = protocol.decision;
  const domainOf = (key: string): readonly FindingValue[] => {
    const answer = protocol.questions.find((q) => q.id === key)?.answer;
    if (answer?.type === "boolean") return booleanDomain();
    if (answer?.type === "choice") return answer.options.map((option) => option.value);
    const values = samples?.[key];
    if (values === undefined) throw new Error(`${protocol.condition}: no samples for numeric finding ${key}`);
    return values;
  };
  const { results, classes, relevant } = explore(
    keys,
    known,
    domainOf,
    (values) => decide(values, patient),
    (verdict) => `${verdict.outcome}:${verdict.treatment ?? ""}`,
  );
  const first = results[0]!;
  if (classes.some((c) => c !== classes[0])) return { state: "open", keys: relevant };
  // Reasons every completion agrees on; if none, those of the completion with every unknown flag false.
  const shared = first.reasons.filter((reason) => results.every((r) => r.reasons.includes(reason)));
  return { state: "decided", verdict: { ...first, reasons: shared.length > 0 ? shared : first.reasons } };
}

function toPatient(facts: TriageFacts): Patient {
  return { age: facts.age, years: Math.floor(facts.age), sex: facts.sex, pregnant: facts.pregnant };
}

function knownFindings(findings: Readonly<Record<string, FindingValue | null | undefined>>): Known {
  const known: Record<string, FindingValue> = {};
  for (const [key, value] of Object.entries(findings)) {
    if (value !== null && value !== undefined) known[key] = value;
  }
  return known;
}

function result(outcome: Exclude<Outcome, "incomplete">, reasons: string[], treatment?: string): TriageResult {
  return treatment === undefined ? { outcome, reasons, missing: [] } : { outcome, reasons, missing: [], treatment };
}

export function assess(facts: TriageFacts): TriageResult {
  const protocol = protocolFor(facts.condition);
  const patient = toPatient(facts);
  const known = knownFindings(facts.findings);

  const emergency = evaluateAny([...COMMON_EMERGENCY, ...protocol.emergency], known, patient);
  if (emergency.state === "yes") return result("emergency", emergency.reasons);
  // A known same-day red flag decides even while serious-illness findings are unknown.
  const urgent = evaluateAny(protocol.urgent, known, patient);
  if (urgent.state === "yes") return result("urgent_referral", urgent.reasons);

  // Unknown findings of stages above the one being considered: each could still outrank it.
  const pending: string[] = [];
  const hold = (status: Status) => {
    if (status.state === "maybe") pending.push(...status.keys);
  };
  const incomplete = (keys: readonly string[]): TriageResult => ({
    outcome: "incomplete",
    reasons: [],
    missing: orderMissing(facts.condition, keys),
  });
  hold(emergency);
  hold(urgent);

  const ineligible = evaluateAny(eligibilityRules(protocol.eligibility), known, patient);
  if (ineligible.state === "yes") return pending.length > 0 ? incomplete(pending) : result("not_eligible", ineligible.reasons);
  hold(ineligible);

  const refer = evaluateAny(protocol.refer, known, patient);
  if (refer.state === "yes") return pending.length > 0 ? incomplete(pending) : result("refer", refer.reasons);

  const decision = evaluateDecision(protocol, known, patient);
  if (decision.state === "open") {
    hold(refer);
    return incomplete([...pending, ...decision.keys]);
  }
  const { verdict } = decision;
  // The decision's own referral needs no answer to the referral flags: both lead to `refer`.
  if (verdict.outcome !== "refer") hold(refer);
  if (pending.length > 0) return incomplete(pending);
  return result(verdict.outcome, verdict.reasons, verdict.treatment);
}

function orderMissing(condition: Condition, keys: readonly string[]): string[] {
  const order = questionsFor(condition).map((q) => q.id);
  const rank = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? order.length : index;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b));
}

export type Audience = "patient" | "pharmacist";

/**
 * The next question the dialog should ask, or null when there is none left for this audience.
 * Red flags come first because `missing` is ordered by importance. A patient audience skips
 * questions only a pharmacist can answer: they stay in `missing` for the consultation, so a null
 * with `assess(facts).outcome === "incomplete"` means "hand over to the pharmacist".
 */
export function nextQuestion(facts: TriageFacts, audience: Audience = "pharmacist"): Question | null {
  const { outcome, missing } = assess(facts);
  if (outcome !== "incomplete") return null;
  const questions = questionsFor(facts.condition);
  for (const key of missing) {
    const question = questions.find((q) => q.id === key);
    if (question !== undefined && (audience === "pharmacist" || question.askable === "patient")) return question;
  }
  return null;
}
