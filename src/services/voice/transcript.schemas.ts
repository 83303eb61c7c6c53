import { z } from "zod";

/** A call transcript: who spoke, what they said, and optionally when (seconds from the start). */
export const transcriptSegmentSchema = z.object({
  speaker: z.string().min(1),
  text: z.string(),
  startSec: z.number().nonnegative().optional(),
});
export const transcriptSchema = z.object({ segments: z.array(transcriptSegmentSchema) });
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;

export const CALL_REASONS = ["prescription_status", "triage", "appointment", "question", "emergency", "other"] as const;
export const callReasonSchema = z.enum(CALL_REASONS);
export type CallReason = z.infer<typeof callReasonSchema>;

/** The Pharmacy First conditions a triage call can be about. */
export const PHARMACY_FIRST_CONDITIONS = [
  "uti",
  "sore_throat",
  "otitis_media",
  "sinusitis",
  "shingles",
  "impetigo",
  "insect_bite",
] as const;
export const pharmacyFirstConditionSchema = z.enum(PHARMACY_FIRST_CONDITIONS);
export type PharmacyFirstCondition = z.infer<typeof pharmacyFirstConditionSchema>;

export const SUMMARY_MAX_CHARS = 400;

/** What Claude must return through the tool; checked before use, anything else means rules. */
export const transcriptToolOutput = z.object({
  reason: callReasonSchema,
  likelyCondition: pharmacyFirstConditionSchema.nullable().optional(),
  redFlags: z.array(z.string().trim().min(1).max(120)).max(10).default([]),
  summary: z.string().trim().min(1).max(SUMMARY_MAX_CHARS),
  actionItems: z.array(z.string().trim().min(1).max(200)).max(8).default([]),
});
export type TranscriptToolOutput = z.infer<typeof transcriptToolOutput>;

export const transcriptClassificationSchema = z.object({
  reason: callReasonSchema,
  likelyCondition: pharmacyFirstConditionSchema.optional(),
  redFlags: z.array(z.string()),
  summary: z.string(),
  actionItems: z.array(z.string()),
  source: z.enum(["claude", "rules"]),
  usage: z
    .object({
      model: z.string(),
      inputTokens: z.number(),
      outputTokens: z.number(),
      cacheReadTokens: z.number(),
      cacheWriteTokens: z.number(),
      costUsd: z.number(),
    })
    .optional(),
});
export type TranscriptClassification = z.infer<typeof transcriptClassificationSchema>;
