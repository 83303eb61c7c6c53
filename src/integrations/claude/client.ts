import Anthropic from "@anthropic-ai/sdk";
import type { CircuitBreaker } from "./circuit-breaker";

/**
 * Claude through @anthropic-ai/sdk, used only with forced tool use: one tool, `tool_choice`
 * naming it, and the tool's input as the answer. Config comes in as arguments (env is read in
 * src/lib/env.ts only). Every failure surfaces as a `ClaudeError` with a closed `kind`, so callers
 * fall back to the rules without parsing vendor errors.
 */

/** What one call cost: model, tokens and USD. The classifier types re-export it. */
export type ClaudeUsage = {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
};

export type ClaudeTool = {
  name: string;
  description: string;
  input_schema: { type: "object"; properties?: Record<string, unknown>; required?: string[]; [key: string]: unknown };
};

export type CallToolParams = {
  /** Sent as one system block marked `cache_control: ephemeral`, so it must not vary per call. */
  system: string;
  tool: ClaudeTool;
  userContent: string;
  maxTokens: number;
};

export type ClaudeToolResult = { input: unknown; usage: ClaudeUsage };

export interface ClaudeClient {
  readonly model: string;
  callTool(params: CallToolParams): Promise<ClaudeToolResult>;
}

export type ClaudeErrorKind =
  | "timeout"
  | "rate_limited"
  | "overloaded"
  | "server"
  | "invalid_output"
  | "no_tool_call"
  | "breaker_open"
  | "request_rejected";

export class ClaudeError extends Error {
  readonly kind: ClaudeErrorKind;
  readonly status?: number;
  /** Set when the API answered (and billed) but the answer was unusable. */
  readonly usage?: ClaudeUsage;

  constructor(kind: ClaudeErrorKind, message: string, extra: { status?: number; usage?: ClaudeUsage; cause?: unknown } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "ClaudeError";
    this.kind = kind;
    this.status = extra.status;
    this.usage = extra.usage;
  }
}

/** USD per million tokens. */
export type ModelPrice = {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok: number;
  /** 5-minute ephemeral cache writes, the only kind this client creates. */
  cacheWritePerMTok: number;
};

/**
 * Anthropic list prices (USD per million tokens) as published on the pricing page, checked
 * November 2026. They change: pass `pricing` to createClaudeClient to override or extend them.
 * Model ids returned by the API carry a date suffix ("claude-haiku-4-5-20251001"); lookup
 * falls back to the longest key the id starts with.
 */
export const DEFAULT_MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-haiku-4-5": { inputPerMTok: 1, outputPerMTok: 5, cacheReadPerMTok: 0.1, cacheWritePerMTok: 1.25 },
  "claude-sonnet-4-5": { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 },
  "claude-sonnet-4-6": { inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 },
  "claude-opus-4-5": { inputPerMTok: 5, outputPerMTok: 25, cacheReadPerMTok: 0.5, cacheWritePerMTok: 6.25 },
};

/** Small and fast: classification needs neither long context nor deep reasoning. */
export const DEFAULT_CLAUDE_MODEL = "claude-haiku-4-5";
export const DEFAULT_TIMEOUT_MS = 8_000;
export const DEFAULT_MAX_RETRIES = 1;
export const DEFAULT_BASE_URL = "https://api.anthropic.com";
/** A retry-after longer than this is not waited for: the patient gets the rules' answer instead. */
export const DEFAULT_MAX_RETRY_WAIT_MS = 2_000;

export type ClaudeClientConfig = {
  apiKey: string;
  baseURL?: string;
  model?: string;
  /** Per attempt. Timeouts are not retried, so a hung API costs one timeout, not two. */
  timeoutMs?: number;
  /** Retries for 429, 529 and 5xx only. */
  maxRetries?: number;
  maxRetryWaitMs?: number;
  breaker?: CircuitBreaker;
  pricing?: Record<string, ModelPrice>;
  /** Optional structured logger; receives codes and counts only, never prompts or replies. */
  logger?: { warn(obj: Record<string, unknown>, msg?: string): void };
  /** Replaces the wait between retries (tests). */
  sleep?: (ms: number) => Promise<void>;
};

export function findModelPrice(model: string, prices: Readonly<Record<string, ModelPrice>>): ModelPrice | undefined {
  if (prices[model]) return prices[model];
  const key = Object.keys(prices)
    .filter((k) => model.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return key ? prices[key] : undefined;
}

/** Cost of one call. An unknown model costs 0 here, and the usage still records its tokens. */
export function computeCostUsd(
  tokens: Omit<ClaudeUsage, "costUsd" | "model">,
  price: ModelPrice | undefined,
): number {
  if (!price) return 0;
  const micro =
    tokens.inputTokens * price.inputPerMTok +
    tokens.outputTokens * price.outputPerMTok +
    tokens.cacheReadTokens * price.cacheReadPerMTok +
    tokens.cacheWriteTokens * price.cacheWritePerMTok;
  // Round to 1e-9 USD so sums over many messages stay free of float dust.
  return Math.round((micro / 1_000_000) * 1e9) / 1e9;
}

export function createClaudeClient(config: ClaudeClientConfig): ClaudeClient {
  const model = config.model ?? DEFAULT_CLAUDE_MODEL;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = Math.max(0, config.maxRetries ?? DEFAULT_MAX_RETRIES);
  const maxRetryWaitMs = config.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const prices = { ...DEFAULT_MODEL_PRICES, ...(config.pricing ?? {}) };
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // Everything explicit, so the SDK does not fall back to ANTHROPIC_* variables of its own.
  const sdk = new Anthropic({
    apiKey: config.apiKey,
    authToken: null,
    webhookKey: null,
    baseURL: config.baseURL ?? DEFAULT_BASE_URL,
    timeout: timeoutMs,
    // Retries are ours (below): the SDK would also retry timeouts and wait up to a minute.
    maxRetries: 0,
  });

  function toUsage(responseModel: string, usage: Anthropic.Messages.Usage): ClaudeUsage {
    const tokens = {
      inputTokens: usage.input_tokens ?? 0,
      outputTokens: usage.output_tokens ?? 0,
      cacheReadTokens: usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
    };
    const price = findModelPrice(responseModel, prices) ?? findModelPrice(model, prices);
    return { model: responseModel, ...tokens, costUsd: computeCostUsd(tokens, price) };
  }

  async function attemptOnce(params: CallToolParams): Promise<ClaudeToolResult> {
    let response: Anthropic.Messages.Message;
    try {
      response = await sdk.messages.create(
        {
          model,
          max_tokens: params.maxTokens,
          system: [{ type: "text", text: params.system, cache_control: { type: "ephemeral" } }],
          tools: [params.tool as Anthropic.Messages.Tool],
          tool_choice: { type: "tool", name: params.tool.name },
          messages: [{ role: "user", content: params.userContent }],
        },
        { timeout: timeoutMs, maxRetries: 0 },
      );
    } catch (error) {
      throw toClaudeError(error);
    }
    const usage = toUsage(response.model ?? model, response.usage);
    const call = response.content.find(
      (block): block is Anthropic.Messages.ToolUseBlock => block.type === "tool_use" && block.name === params.tool.name,
    );
    if (!call) throw new ClaudeError("no_tool_call", "Claude answered without calling the tool", { usage });
    // A call cut off by max_tokens or with a non-object input cannot be trusted.
    if (response.stop_reason === "max_tokens" || call.input === null || typeof call.input !== "object" || Array.isArray(call.input)) {
      throw new ClaudeError("invalid_output", "Claude's tool input is not a complete JSON object", { usage });
    }
    return { input: call.input, usage };
  }

  return {
    model,
    async callTool(params) {
      if (config.breaker && !config.breaker.allowRequest()) {
        throw new ClaudeError("breaker_open", "Claude circuit breaker is open");
      }
      for (let attempt = 0; ; attempt += 1) {
        try {
          const result = await attemptOnce(params);
          config.breaker?.recordSuccess();
          return result;
        } catch (error) {
          const claudeError = error instanceof ClaudeError ? error : toClaudeError(error);
          const wait = retryWaitMs(claudeError, attempt);
          if (attempt < maxRetries && wait !== null && wait <= maxRetryWaitMs) {
            config.logger?.warn({ kind: claudeError.kind, status: claudeError.status, attempt }, "claude call failed; retrying");
            await sleep(wait);
            continue;
          }
          // Bad output means the API is up; only outages count towards opening the breaker.
          if (isOutage(claudeError)) config.breaker?.recordFailure();
          else config.breaker?.recordSuccess();
          config.logger?.warn({ kind: claudeError.kind, status: claudeError.status, attempt }, "claude call failed");
          throw claudeError;
        }
      }
    },
  };
}

function isOutage(error: ClaudeError): boolean {
  // A revoked or wrong key fails every call, so it counts too; a 400 about one request does not.
  if (error.kind === "request_rejected") return error.status === 401 || error.status === 403;
  return error.kind === "timeout" || error.kind === "rate_limited" || error.kind === "overloaded" || error.kind === "server";
}

/** How long to wait before retrying, or null when this error is not worth a retry. */
function retryWaitMs(error: ClaudeError, attempt: number): number | null {
  if (error.kind !== "rate_limited" && error.kind !== "overloaded" && error.kind !== "server") return null;
  const headers = error.cause instanceof Anthropic.APIError ? error.cause.headers : undefined;
  const retryAfter = headers?.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  // No hint: a short jittered back-off, growing with the attempt.
  return Math.round(250 * 2 ** attempt * (0.75 + Math.random() * 0.5));
}

function toClaudeError(error: unknown): ClaudeError {
  if (error instanceof ClaudeError) return error;
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new ClaudeError("timeout", "Claude did not answer in time", { cause: error });
  }
  if (error instanceof Anthropic.APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429) return new ClaudeError("rate_limited", "Claude rate limit", { status, cause: error });
    if (status === 529) return new ClaudeError("overloaded", "Claude is overloaded", { status, cause: error });
    if (status === 408) return new ClaudeError("timeout", "Claude request timed out", { status, cause: error });
    if (status >= 500) return new ClaudeError("server", "Claude server error", { status, cause: error });
    return new ClaudeError("request_rejected", `Claude rejected the request (${status})`, { status, cause: error });
  }
  if (error instanceof Anthropic.APIConnectionError) {
    // A connection that never got an answer is an outage, like a 5xx.
    return new ClaudeError("server", "Could not reach Claude", { cause: error });
  }
  return new ClaudeError("server", "Unexpected error calling Claude", { cause: error });
}
