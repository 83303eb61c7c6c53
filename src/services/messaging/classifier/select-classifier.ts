import { createCircuitBreaker } from "@/integrations/claude/circuit-breaker";
import { createClaudeClient } from "@/integrations/claude/client";
import { logger } from "@/lib/logger";
import { createClaudeClassifier } from "./claude-classifier";
import { rulesClassifier } from "./rules";
import type { Classifier } from "./types";

export type ClassifierConfig = { apiKey?: string; model?: string; baseURL?: string; timeoutMs?: number; forceRules?: boolean };

/**
 * Claude when an API key is configured (with the rules as fallback and safety net), the rules
 * otherwise. One per process, so the circuit breaker sees every call.
 */
export function selectClassifier(config: ClassifierConfig): Classifier {
  if (config.forceRules || !config.apiKey) return rulesClassifier;
  const client = createClaudeClient({
    apiKey: config.apiKey,
    model: config.model,
    baseURL: config.baseURL,
    timeoutMs: config.timeoutMs,
    breaker: createCircuitBreaker(),
    logger,
  });
  return createClaudeClassifier({ client, fallback: rulesClassifier, logger });
}
