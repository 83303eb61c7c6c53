import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { createCircuitBreaker } from "./circuit-breaker";
import { ClaudeError, computeCostUsd, createClaudeClient, DEFAULT_MODEL_PRICES, findModelPrice, type CallToolParams } from "./client";
import { startFakeClaude, type FakeClaude, type FakeReply } from "./fake-server";

const TOOL: CallToolParams["tool"] = {
  name: "record_answer",
  description: "Record the answer.",
  input_schema: { type: "object", properties: { value: { type: "string" } }, required: ["value"] },
};
const CALL: CallToolParams = { system: "You are a test.", tool: TOOL, userContent: "hello", maxTokens: 100 };

let fake: FakeClaude;
beforeAll(async () => {
  fake = await startFakeClaude();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

function script(...replies: FakeReply[]) {
  fake.setResponder((_req, index) => replies[Math.min(index, replies.length - 1)]!);
}

function client(extra: Partial<Parameters<typeof createClaudeClient>[0]> = {}) {
  return createClaudeClient({ apiKey: "sk-test", baseURL: fake.url, sleep: async () => {}, ...extra });
}

async function expectKind(promise: Promise<unknown>, kind: ClaudeError["kind"]) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ClaudeError);
  expect((error as ClaudeError).kind).toBe(kind);
  return error as ClaudeError;
}

describe("claude client", () => {
  it("forces the tool, caches the system prompt and returns the tool input", async () => {
    script({ kind: "tool_use", input: { value: "ok" } });
    const result = await client().callTool(CALL);
    expect(result.input).toEqual({ value: "ok" });

    const sent = fake.requests[0]!;
    expect(sent.apiKey).toBe("sk-test");
    expect(sent.body.model).toBe("claude-haiku-4-5");
    expect(sent.body.max_tokens).toBe(100);
    expect(sent.body.tool_choice).toEqual({ type: "tool", name: "record_answer" });
    expect(sent.body.tools).toEqual([TOOL]);
    expect(sent.body.system).toEqual([{ type: "text", text: "You are a test.", cache_control: { type: "ephemeral" } }]);
    expect(sent.body.messages).toEqual([{ role: "user", content: "hello" }]);
  });

  it("records tokens, cache tokens and the cost from the price table", async () => {
    script({
      kind: "tool_use",
      input: { value: "ok" },
      usage: { input_tokens: 1_000, output_tokens: 200, cache_read_input_tokens: 3_000, cache_creation_input_tokens: 500 },
    });
    const { usage } = await client().callTool(CALL);
    // 1000 x $1 + 200 x $5 + 3000 x $0.10 + 500 x $1.25, per million tokens.
    expect(usage).toEqual({
      model: "claude-haiku-4-5",
      inputTokens: 1_000,
      outputTokens: 200,
      cacheReadTokens: 3_000,
      cacheWriteTokens: 500,
      costUsd: 0.0029250,
    });
  });

  it("prices dated model ids and takes price overrides", async () => {
    expect(findModelPrice("claude-haiku-4-5-20251001", DEFAULT_MODEL_PRICES)).toEqual(DEFAULT_MODEL_PRICES["claude-haiku-4-5"]);
    script({ kind: "tool_use", input: { value: "ok" }, usage: { input_tokens: 1_000_000, output_tokens: 0 } });
    const custom = client({ model: "my-model", pricing: { "my-model": { inputPerMTok: 2, outputPerMTok: 0, cacheReadPerMTok: 0, cacheWritePerMTok: 0 } } });
    expect((await custom.callTool(CALL)).usage.costUsd).toBe(2);
    expect(computeCostUsd({ inputTokens: 10, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 }, undefined)).toBe(0);
  });

  it("text with no tool call is no_tool_call, with its usage kept", async () => {
    script({ kind: "text", text: "I think the patient took it." });
    const error = await expectKind(client().callTool(CALL), "no_tool_call");
    expect(error.usage?.outputTokens).toBe(42);
  });

  it("a tool input that is not a JSON object is invalid_output", async () => {
    script({ kind: "malformed_tool_input" });
    await expectKind(client().callTool(CALL), "invalid_output");
  });

  it("a call that takes longer than timeoutMs fails as timeout, without a retry", async () => {
    script({ kind: "delay", ms: 2_000 });
    const started = Date.now();
    await expectKind(client({ timeoutMs: 300 }).callTool(CALL), "timeout");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("429 is retried once, honouring retry-after, and then reported as rate_limited", async () => {
    const waits: number[] = [];
    script({ kind: "error", status: 429, retryAfterSec: 1 });
    await expectKind(client({ sleep: async (ms) => void waits.push(ms) }).callTool(CALL), "rate_limited");
    expect(fake.requests).toHaveLength(2);
    expect(waits).toEqual([1_000]);
  });

  it("a 429 that succeeds on retry returns the answer", async () => {
    script({ kind: "error", status: 429, retryAfterSec: 0 }, { kind: "tool_use", input: { value: "second" } });
    expect((await client().callTool(CALL)).input).toEqual({ value: "second" });
    expect(fake.requests).toHaveLength(2);
  });

  it("a retry-after longer than the caller can wait is not retried", async () => {
    script({ kind: "error", status: 429, retryAfterSec: 30 });
    await expectKind(client().callTool(CALL), "rate_limited");
    expect(fake.requests).toHaveLength(1);
  });

  it("529 is retried once and then reported as overloaded; 500 as server", async () => {
    script({ kind: "error", status: 529 });
    await expectKind(client().callTool(CALL), "overloaded");
    expect(fake.requests).toHaveLength(2);
    fake.requests.length = 0;
    script({ kind: "error", status: 500 });
    const error = await expectKind(client({ maxRetries: 0 }).callTool(CALL), "server");
    expect(error.status).toBe(500);
    expect(fake.requests).toHaveLength(1);
  });

  it("the fake accepts x-api-key as well as a bearer token, and refuses neither", async () => {
    script({ kind: "tool_use", input: { value: "ok" } });
    const viaHeader = await fetch(`${fake.url}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "x" }] }),
    });
    expect(viaHeader.status).toBe(200);
    const body = (await viaHeader.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: "message", role: "assistant", model: "m", stop_reason: "tool_use" });
    const missing = await fetch(`${fake.url}/v1/messages`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
  });

  it("the breaker opens after repeated outages, keeps calls off the API, and closes after the cool-down", async () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000, clock });
    const c = client({ breaker, maxRetries: 0 });
    script({ kind: "error", status: 529 });
    for (let i = 0; i < 3; i += 1) await expectKind(c.callTool(CALL), "overloaded");
    expect(fake.requests).toHaveLength(3);

    await expectKind(c.callTool(CALL), "breaker_open");
    await expectKind(c.callTool(CALL), "breaker_open");
    expect(fake.requests).toHaveLength(3);

    clock.advance(60_000);
    script({ kind: "tool_use", input: { value: "back" } });
    expect((await c.callTool(CALL)).input).toEqual({ value: "back" });
    expect(breaker.state()).toBe("closed");
    expect(fake.requests).toHaveLength(4);
  });

  it("bad output does not count towards opening the breaker", async () => {
    const breaker = createCircuitBreaker({ failureThreshold: 2 });
    script({ kind: "text", text: "no tool" });
    const c = client({ breaker });
    for (let i = 0; i < 3; i += 1) await expectKind(c.callTool(CALL), "no_tool_call");
    expect(breaker.state()).toBe("closed");
  });
});
