/**
 * bun run classify [--rules]
 *
 * Reads JSON lines {"text": "...", "context": "reminder"} on stdin and writes exactly one JSON
 * line per input line, in order: {"intent", "confidence", "source"} or {"error"}. Nothing else
 * goes to stdout, so the output can be piped; notes go to stderr.
 */
import { createInterface } from "node:readline";
import { z } from "zod";
import { selectClassifier } from "@/services/messaging/classifier/select-classifier";
import { env } from "@/lib/env";
import { classifyContextSchema, type Classifier } from "@/services/messaging/classifier/types";

const inputLine = z.object({
  text: z.string(),
  context: classifyContextSchema.default("none"),
});

/**
 * The one place that chooses the classifier. When src/integrations/claude exists, build the
 * Claude classifier here for the ANTHROPIC_API_KEY case (it keeps the rules as fallback and
 * safety net); until then every path uses the rules.
 */
async function classifyLine(classifier: Classifier, line: string): Promise<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: "invalid JSON" });
  }
  const parsed = inputLine.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return JSON.stringify({ error: `invalid input: ${issue ? `${issue.path.join(".") || "line"} ${issue.message}` : "unknown"}` });
  }
  try {
    const result = await classifier.classify(parsed.data);
    return JSON.stringify({ intent: result.intent, confidence: result.confidence, source: result.source });
  } catch (error) {
    return JSON.stringify({ error: error instanceof Error ? error.message : "classification failed" });
  }
}

async function main() {
  const config = env();
  const classifier = selectClassifier({
    forceRules: process.argv.includes("--rules"),
    apiKey: config.ANTHROPIC_API_KEY,
    model: config.ANTHROPIC_MODEL,
    baseURL: config.ANTHROPIC_BASE_URL,
    timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Sequential on purpose: output order must match input order.
  for await (const line of lines) {
    process.stdout.write(`${await classifyLine(classifier, line)}\n`);
  }
}

await main();
