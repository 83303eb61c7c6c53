import { z } from "zod";
import type { ClaudeUsage } from "@/integrations/claude/client";

/** The closed set of things a patient's message can mean. Order of PRIORITY decides the primary intent. */
export const INTENTS = [
  "emergency",
  "unsubscribe",
  "symptom_report",
  "question",
  "confirm_taken",
  "confirm_not_taken",
  "verification_accept",
  "verification_decline",
  "acknowledgement",
  "unclear",
] as const;
export const intentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof intentSchema>;

/** What our last message to this patient was: it changes what "ya" or "sudah" means. */
export const CONTEXTS = ["reminder", "verification", "none"] as const;
export const classifyContextSchema = z.enum(CONTEXTS);
export type ClassifyContext = z.infer<typeof classifyContextSchema>;

export type Language = "id" | "en";

export type ClassifyInput = { text: string; context: ClassifyContext };

export type Classification = {
  intent: Intent;
  confidence: number;
  secondary: Intent[];
  language: Language;
  source: "claude" | "rules";
  /** Set by the Claude path: a safe answer to a general question, in the patient's language. */
  answer?: string;
  /** Set by the Claude path, for cost accounting per message and per organisation. */
  usage?: ClaudeUsage;
};

export type { ClaudeUsage } from "@/integrations/claude/client";

export interface Classifier {
  classify(input: ClassifyInput): Promise<Classification>;
}
