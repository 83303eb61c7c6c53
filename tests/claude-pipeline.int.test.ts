import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as usageRoute from "../src/app/api/usage/ai/route";
import { type FakeClaude, startFakeClaude } from "../src/integrations/claude/fake-server";
import { getRuntime, setRuntime } from "../src/lib/runtime";
import { selectClassifier } from "../src/services/messaging/classifier/select-classifier";
import { call } from "./support/fixtures";
import { createClinic, createVerifiedPatient, deliver, sentTexts, textMessage, threadOf } from "./support/gowa";

/** The inbound pipeline with Claude configured, against a local fake of the Messages API. */
let fake: FakeClaude;
beforeAll(async () => {
  fake = await startFakeClaude();
});
afterAll(async () => {
  await fake.close();
});

async function withClaude<T>(work: () => Promise<T>): Promise<T> {
  const rt = await getRuntime();
  setRuntime({ ...rt, classifier: selectClassifier({ apiKey: "test-key", baseURL: fake.url, timeoutMs: 2000 }) });
  try {
    return await work();
  } finally {
    setRuntime(rt);
  }
}

const toolUse = (input: Record<string, unknown>) => ({ kind: "tool_use" as const, input, usage: { input_tokens: 420, output_tokens: 60 } });

describe("the inbound pipeline with Claude", () => {
  it("answers a general question with Claude's safe answer and records the model, tokens and cost", async () => {
    const { org, pharmacist } = await createClinic();
    const patient = await createVerifiedPatient(org);
    fake.setResponder(() =>
      toolUse({ intent: "question", confidence: 0.92, secondary: [], language: "id", answer: "Sebaiknya diminum setelah makan. Tanyakan apoteker jika ragu." }),
    );
    await withClaude(() => deliver(textMessage(org, patient.phone, "obatnya diminum sebelum atau sesudah makan?")));
    expect(sentTexts(patient.phone)).toEqual(["Sebaiknya diminum setelah makan. Tanyakan apoteker jika ragu."]);
    const [inbound] = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(inbound).toMatchObject({ intent: "question", intentSource: "claude", aiUsage: { inputTokens: 420, outputTokens: 60 } });
    expect(inbound?.aiUsage?.costUsd).toBeGreaterThan(0);
    const sent = fake.requests.at(-1);
    expect(JSON.stringify(sent)).not.toContain(patient.phone.slice(1));
    expect(JSON.stringify(sent)).not.toContain(patient.name);
    const usage = await call(usageRoute.GET, { as: pharmacist, path: "/api/usage/ai" });
    expect(usage.body.byModel).toEqual([expect.objectContaining({ messages: 1, inputTokens: 420, outputTokens: 60 })]);
  });

  it("an emergency is answered by the rules at once, before and without Claude", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const before = fake.requests.length;
    fake.setResponder(() => ({ kind: "delay", ms: 5000, then: toolUse({ intent: "confirm_taken", confidence: 0.9, secondary: [], language: "id" }) }));
    const started = Date.now();
    await withClaude(() => deliver(textMessage(org, patient.phone, "sudah minum obat tapi dada saya nyeri sekali dan sesak")));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(fake.requests.length).toBe(before);
    expect(sentTexts(patient.phone)[0]).toContain("119");
  });

  it("when Claude fails the rules classify, and the message still gets its answer", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    fake.setResponder(() => ({ kind: "error", status: 529 }));
    await withClaude(() => deliver(textMessage(org, patient.phone, "sudah minum obat")));
    const [inbound] = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(inbound).toMatchObject({ intent: "confirm_taken", intentSource: "rules" });
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });
});
