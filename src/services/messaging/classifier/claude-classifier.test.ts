import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCircuitBreaker } from "@/integrations/claude/circuit-breaker";
import { createClaudeClient } from "@/integrations/claude/client";
import { readSystemText, readUserText, startFakeClaude, type FakeClaude, type FakeReply } from "@/integrations/claude/fake-server";
import { fixedClock } from "@/lib/clock";
import { buildUserContent, CLASSIFY_TOOL, createClaudeClassifier } from "./claude-classifier";
import type { Classifier } from "./types";

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

function classifier(extra: Partial<Parameters<typeof createClaudeClient>[0]> = {}): Classifier {
  return createClaudeClassifier({
    client: createClaudeClient({ apiKey: "sk-test", baseURL: fake.url, sleep: async () => {}, ...extra }),
  });
}

const confirmed = { intent: "confirm_taken", confidence: 0.93, secondary: [], language: "id" };

describe("claude classifier", () => {
  it("a valid tool call becomes a claude classification with usage and cost", async () => {
    script({ kind: "tool_use", input: { intent: "symptom_report", confidence: 0.88, secondary: ["confirm_taken"], language: "id" } });
    const result = await classifier().classify({ text: "udh, tp mual trs", context: "reminder" });
    expect(result).toMatchObject({ intent: "symptom_report", confidence: 0.88, secondary: ["confirm_taken"], language: "id", source: "claude" });
    expect(result.usage).toMatchObject({ model: "claude-haiku-4-5", inputTokens: 180, outputTokens: 42 });
    expect(result.usage!.costUsd).toBeCloseTo((180 * 1 + 42 * 5) / 1e6, 12);
  });

  it("sends the cached system prompt, forces the classification tool, and only the text and context", async () => {
    script({ kind: "tool_use", input: confirmed });
    await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    const sent = fake.requests[0]!.body;
    expect(sent.tool_choice).toEqual({ type: "tool", name: CLASSIFY_TOOL.name });
    expect(Array.isArray(sent.system) && sent.system[0]?.cache_control).toEqual({ type: "ephemeral" });
    expect(readSystemText(sent)).toContain("emergency");
    expect(JSON.parse(readUserText(sent))).toEqual({ context: "reminder", text: "sudah minum obat tadi pagi" });
  });

  it("no phone number leaves for Claude, in any format", async () => {
    script({ kind: "tool_use", input: confirmed });
    await classifier().classify({ text: "sudah minum. kalau perlu telp 0812-3456-7890 atau +62 813 1111 2222", context: "reminder" });
    const raw = fake.requests[0]!.raw;
    expect(raw.replace(/\D/g, "")).not.toMatch(/081234567890|6281311112222/);
    expect(readUserText(fake.requests[0]!.body)).toContain("[phone]");
    // Doses, times and blood pressures are not phone numbers and stay readable.
    expect(buildUserContent({ text: "minum 500 mg jam 08.00, tensi 140/90", context: "none" })).toContain("500 mg jam 08.00, tensi 140/90");
  });

  it("re-ranks a higher-priority intent Claude listed as secondary", async () => {
    script({ kind: "tool_use", input: { intent: "confirm_taken", confidence: 0.8, secondary: ["question"], language: "en" } });
    const result = await classifier().classify({ text: "took it. should I take it with food?", context: "reminder" });
    expect(result.intent).toBe("question");
    expect(result.secondary).toEqual(["confirm_taken"]);
  });

  it("malformed tool input falls back to the rules", async () => {
    script({ kind: "malformed_tool_input" });
    const result = await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    expect(result).toMatchObject({ intent: "confirm_taken", source: "rules" });
  });

  it("a tool input that fails validation falls back to the rules, keeping the billed usage", async () => {
    script({ kind: "tool_use", input: { intent: "took_it", confidence: 7, language: "fr" } });
    const result = await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    expect(result).toMatchObject({ intent: "confirm_taken", source: "rules" });
    expect(result.usage?.outputTokens).toBe(42);
  });

  it("text with no tool call falls back to the rules", async () => {
    script({ kind: "text", text: "The patient confirmed." });
    const result = await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    expect(result).toMatchObject({ intent: "confirm_taken", source: "rules" });
  });

  it("a Claude that does not answer within timeoutMs falls back to the rules in about that time", async () => {
    script({ kind: "delay", ms: 3_000, then: { kind: "tool_use", input: confirmed } });
    const started = Date.now();
    const result = await classifier({ timeoutMs: 400 }).classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    const elapsed = Date.now() - started;
    expect(result.source).toBe("rules");
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(1_500);
  });

  it.each([
    [429, { kind: "error", status: 429, retryAfterSec: 0 }],
    [529, { kind: "error", status: 529 }],
  ] as const)("%i is retried once and then the rules answer", async (_status, reply) => {
    script(reply);
    const result = await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    expect(result).toMatchObject({ intent: "confirm_taken", source: "rules" });
    expect(fake.requests).toHaveLength(2);
  });

  it("a 529 followed by a good answer uses Claude's answer", async () => {
    script({ kind: "error", status: 529 }, { kind: "tool_use", input: confirmed });
    const result = await classifier().classify({ text: "sudah minum obat tadi pagi", context: "reminder" });
    expect(result.source).toBe("claude");
  });

  it("after repeated failures the breaker keeps messages off Claude, then lets them back after the cool-down", async () => {
    const clock = fixedClock("2026-01-01T08:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 5, coolDownMs: 60_000, clock });
    const c = classifier({ breaker });
    const input = { text: "sudah minum obat tadi pagi", context: "reminder" } as const;
    script({ kind: "error", status: 500 });
    for (let i = 0; i < 5; i += 1) expect((await c.classify(input)).source).toBe("rules");
    expect(fake.requests).toHaveLength(10); // each failure is one call plus one retry
    expect(breaker.state()).toBe("open");

    for (let i = 0; i < 3; i += 1) expect((await c.classify(input)).source).toBe("rules");
    expect(fake.requests).toHaveLength(10);

    clock.advance(60_000);
    script({ kind: "tool_use", input: confirmed });
    expect((await c.classify(input)).source).toBe("claude");
    expect(breaker.state()).toBe("closed");
    expect((await c.classify(input)).source).toBe("claude");
  });

  it("an emergency the rules see overrides a non-emergency Claude answer", async () => {
    script({ kind: "tool_use", input: { intent: "confirm_taken", confidence: 0.95, secondary: [], language: "id" } });
    const result = await classifier().classify({ text: "sudah minum, tapi dada saya sakit sekali dan sesak", context: "reminder" });
    expect(result.intent).toBe("emergency");
    expect(result.secondary).toContain("confirm_taken");
    expect(result.confidence).toBeGreaterThanOrEqual(0.95);
    expect(result.source).toBe("claude");
  });

  it("an opt-out the rules see overrides Claude, and no answer is sent with it", async () => {
    script({ kind: "tool_use", input: { intent: "question", confidence: 0.9, secondary: [], language: "id", answer: "Silakan tanya apoteker." } });
    const result = await classifier().classify({ text: "tolong jangan kirim pesan lagi ya, makasih", context: "reminder" });
    expect(result.intent).toBe("unsubscribe");
    expect(result.answer).toBeUndefined();
  });

  it("an emergency Claude sees is kept even when the rules miss it", async () => {
    script({ kind: "tool_use", input: { intent: "emergency", confidence: 0.9, secondary: [], language: "en" } });
    const result = await classifier().classify({ text: "my mum went very pale and fell over", context: "none" });
    expect(result.intent).toBe("emergency");
  });

  describe("answers to questions", () => {
    const question = { text: "obatnya diminum sebelum atau sesudah makan?", context: "reminder" } as const;
    const answer = "Sebaiknya ikuti petunjuk di label obat, dan tanyakan ke apoteker kami untuk memastikan.";

    it("a confident answer to a general question is kept", async () => {
      script({ kind: "tool_use", input: { intent: "question", confidence: 0.85, secondary: [], language: "id", answer } });
      expect((await classifier().classify(question)).answer).toBe(answer);
    });

    it("an answer Claude is not confident about is dropped", async () => {
      script({ kind: "tool_use", input: { intent: "question", confidence: 0.55, secondary: [], language: "id", answer } });
      const result = await classifier().classify(question);
      expect(result.intent).toBe("question");
      expect(result.answer).toBeUndefined();
    });

    it("an answer that names a dose is dropped", async () => {
      script({ kind: "tool_use", input: { intent: "question", confidence: 0.9, secondary: [], language: "id", answer: "Minum 2 tablet sesudah makan." } });
      expect((await classifier().classify(question)).answer).toBeUndefined();
    });

    it("an answer on anything but a question is dropped", async () => {
      script({ kind: "tool_use", input: { intent: "symptom_report", confidence: 0.9, secondary: ["question"], language: "id", answer } });
      expect((await classifier().classify({ text: "pusing, normal gak?", context: "reminder" })).answer).toBeUndefined();
    });
  });
});
