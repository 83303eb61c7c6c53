import { PROTOCOLS } from "@/services/triage/protocols";
import { CONDITIONS, type Condition } from "@/services/triage/triage.schemas";
import { humanize } from "./format";

/** Readable names for the codes of triage and consultations, taken from the protocols themselves. */
export const isCondition = (c: string): c is Condition => (CONDITIONS as readonly string[]).includes(c);

export const conditionLabel = (c: string | null | undefined) => (!c ? "Condition not chosen yet" : isCondition(c) ? PROTOCOLS[c].label.en : humanize(c));

export function questionsOf(condition: string) {
  return isCondition(condition) ? PROTOCOLS[condition].questions : [];
}

const PATIENT_FACTS: Record<string, string> = { age: "Age", sex: "Sex", pregnant: "Pregnant" };

export function findingLabel(condition: string, key: string): string {
  return questionsOf(condition).find((q) => q.id === key)?.text.en ?? PATIENT_FACTS[key] ?? humanize(key);
}

export function formatFinding(value: unknown): string {
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (value === null || value === undefined) return "Unknown";
  return String(value);
}

export const OUTCOME_LABELS: Record<string, string> = {
  emergency: "Emergency",
  urgent_referral: "Urgent same-day referral",
  not_eligible: "Not eligible",
  refer: "Refer",
  treat: "Treat",
  self_care: "Self-care",
  incomplete: "Incomplete",
};

export const CONSULTATION_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  PENDING_APPROVAL: "Awaiting approval",
  APPROVED: "Approved",
  SUBMITTED: "Submitted",
  REJECTED: "Rejected",
};
