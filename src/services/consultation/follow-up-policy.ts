/**
 * When to ask "better, same or worse?" after a consultation, from pharmacy-first.md's follow-up
 * advice: the point at which a patient who is not improving should come back.
 */
const HOURS: Record<string, { treat: number; self_care: number }> = {
  uti: { treat: 48, self_care: 48 },
  // scores 0-1 return after a week; untreated 2-5 after 3-5 days: ask at 4 days, or a week for low scores
  sore_throat: { treat: 5 * 24, self_care: 4 * 24 },
  otitis_media: { treat: 4 * 24, self_care: 4 * 24 },
  sinusitis: { treat: 7 * 24, self_care: 7 * 24 },
  shingles: { treat: 7 * 24, self_care: 7 * 24 },
  impetigo: { treat: 5 * 24, self_care: 5 * 24 },
  insect_bite: { treat: 5 * 24, self_care: 3 * 24 },
};

/** Hours after approval, or null when the outcome needs no follow-up from us (referrals, emergencies). */
export function followUpDelayHours(condition: string, outcome: string, reasons: readonly string[] = []): number | null {
  const entry = HOURS[condition];
  if (!entry || (outcome !== "treat" && outcome !== "self_care")) return null;
  if (condition === "sore_throat" && outcome === "self_care") {
    const score = Number(reasons.find((r) => r.startsWith("feverpain_score:"))?.split(":")[1] ?? Number.NaN);
    if (score <= 1) return 7 * 24;
  }
  return entry[outcome];
}
