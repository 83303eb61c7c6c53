import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClaudeClient } from "@/integrations/claude/client";
import { readUserText, startFakeClaude, type FakeClaude, type FakeReply } from "@/integrations/claude/fake-server";
import { buildTranscriptContent, classifyTranscript, classifyTranscriptByRules, findRedFlags, TRANSCRIPT_TOOL } from "./transcript-classifier";
import { transcriptSchema, type CallReason, type PharmacyFirstCondition, type Transcript } from "./transcript.schemas";

type Fixture = {
  id: string;
  language: "id" | "en";
  expected: { reason: CallReason; likelyCondition?: PharmacyFirstCondition; redFlags: boolean };
  transcript: Transcript;
};

const FIXTURE_DIR = join(__dirname, "fixtures");
const fixtures: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), "utf8")) as Fixture);
const fixture = (id: string) => fixtures.find((f) => f.id === id)!;

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

function script(reply: FakeReply) {
  fake.setResponder(() => reply);
}
function client() {
  return createClaudeClient({ apiKey: "sk-test", baseURL: fake.url, sleep: async () => {} });
}

describe("transcript fixtures", () => {
  it("cover both languages, every reason, and last minutes", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
    expect(new Set(fixtures.map((f) => f.language))).toEqual(new Set(["id", "en"]));
    expect(new Set(fixtures.map((f) => f.expected.reason))).toEqual(
      new Set(["prescription_status", "triage", "appointment", "question", "emergency", "other"]),
    );
    for (const f of fixtures) {
      expect(transcriptSchema.safeParse(f.transcript).success).toBe(true);
      expect(f.transcript.segments.length).toBeGreaterThanOrEqual(15);
      expect(Math.max(...f.transcript.segments.map((s) => s.startSec ?? 0))).toBeGreaterThanOrEqual(85);
    }
  });
});

describe("rules path", () => {
  it.each(fixtures.map((f) => [f.id, f] as const))("%s: reason, condition and red flags", (_id, f) => {
    const result = classifyTranscriptByRules(f.transcript);
    expect(result.source).toBe("rules");
    expect(result.reason).toBe(f.expected.reason);
    if (f.expected.likelyCondition) expect(result.likelyCondition).toBe(f.expected.likelyCondition);
    expect(result.redFlags.length > 0).toBe(f.expected.redFlags);
    expect(result.summary.length).toBeGreaterThan(0);
    expect(result.summary.length).toBeLessThanOrEqual(400);
    expect(result.actionItems.length).toBeGreaterThan(0);
  });

  it("without a client, classifyTranscript uses the rules", async () => {
    const result = await classifyTranscript(fixture("en-uti-triage").transcript);
    expect(result).toMatchObject({ reason: "triage", likelyCondition: "uti", source: "rules" });
  });

  it("a yes to a staff question about a danger sign is a red flag; a no is not", () => {
    const asked = (answer: string): Transcript => ({
      segments: [
        { speaker: "pharmacist", text: "Apakah dia kelihatan susah bernapas?" },
        { speaker: "caller", text: answer },
      ],
    });
    expect(findRedFlags(asked("Iya Bu, dari tadi.").segments)).toContain("cannot_breathe");
    expect(findRedFlags(asked("Tidak, napasnya biasa.").segments)).toEqual([]);
  });

  it("danger signs only staff mention (warning advice) are not red flags", () => {
    expect(findRedFlags(fixture("id-sore-throat-triage").transcript.segments)).toEqual([]);
  });

  it("the emergency fixtures name the signs they show", () => {
    expect(findRedFlags(fixture("en-emergency-chest-pain").transcript.segments)).toEqual(
      expect.arrayContaining(["chest_pain", "cannot_breathe"]),
    );
    expect(findRedFlags(fixture("id-emergency-allergy").transcript.segments)).toEqual(expect.arrayContaining(["cannot_breathe"]));
  });
});

describe("claude path", () => {
  const triage = {
    reason: "triage",
    likelyCondition: "uti",
    redFlags: [],
    summary: "Woman, 34, two days of burning and frequent urination, no fever or back pain; coming in after work.",
    actionItems: ["Complete UTI assessment in person after 5 pm", "Check urine sample"],
  };

  it("a valid tool call is used, with usage", async () => {
    script({ kind: "tool_use", input: triage });
    const result = await classifyTranscript(fixture("en-uti-triage").transcript, { client: client() });
    expect(result).toMatchObject({ ...triage, source: "claude" });
    expect(result.usage?.model).toBe("claude-haiku-4-5");
    const sent = fake.requests[0]!.body;
    expect(sent.tool_choice).toEqual({ type: "tool", name: TRANSCRIPT_TOOL.name });
    expect(Array.isArray(sent.system) && sent.system[0]?.cache_control).toEqual({ type: "ephemeral" });
  });

  it("sends roles instead of speaker names and masks phone numbers and known names", async () => {
    script({ kind: "tool_use", input: { ...triage, reason: "prescription_status", likelyCondition: undefined } });
    const f = fixture("id-prescription-refill");
    await classifyTranscript(f.transcript, { client: client(), redactTerms: ["Sumarni"] });
    const raw = fake.requests[0]!.raw;
    for (const name of ["Ratna", "Dewi", "Sumarni"]) expect(raw).not.toContain(name);
    expect(raw.replace(/\D/g, "")).not.toContain("081234567890");
    const sent = JSON.parse(readUserText(fake.requests[0]!.body)) as { segments: Array<{ speaker: string }> };
    expect(new Set(sent.segments.map((s) => s.speaker))).toEqual(new Set(["staff", "caller"]));
    expect(buildTranscriptContent(f.transcript)).toContain("[phone]");
  });

  it("an invalid tool input falls back to the rules", async () => {
    script({ kind: "tool_use", input: { reason: "dunno", likelyCondition: "flu", summary: "" } });
    const result = await classifyTranscript(fixture("id-shingles-triage").transcript, { client: client() });
    expect(result).toMatchObject({ reason: "triage", likelyCondition: "shingles", source: "rules" });
  });

  it("the phone number a caller spells out is masked, in every form it was written", () => {
    const content = buildTranscriptContent(fixture("id-other-update-contact").transcript);
    expect(content.replace(/\D/g, "")).not.toContain("081332109987");
    expect(content).not.toContain("0813-321-9987");
  });

  it("a Claude outage falls back to the rules", async () => {
    script({ kind: "error", status: 529 });
    const result = await classifyTranscript(fixture("id-appointment-reschedule").transcript, { client: client() });
    expect(result).toMatchObject({ reason: "appointment", source: "rules" });
  });

  it.each(["en-emergency-chest-pain", "id-emergency-allergy"])(
    "%s: an emergency sign overrides a non-emergency Claude answer",
    async (id) => {
      script({ kind: "tool_use", input: { reason: "question", redFlags: [], summary: "Asked about side effects.", actionItems: ["Call back tomorrow"] } });
      const result = await classifyTranscript(fixture(id).transcript, { client: client() });
      expect(result.source).toBe("claude");
      expect(result.reason).toBe("emergency");
      expect(result.redFlags.length).toBeGreaterThan(0);
      expect(result.actionItems[0]).toMatch(/112|119/);
      expect(result.actionItems).toContain("Call back tomorrow");
    },
  );

  it("an emergency Claude finds is kept even when the rules see none", async () => {
    script({ kind: "tool_use", input: { reason: "emergency", redFlags: ["confusion"], summary: "Caller sounds confused.", actionItems: ["Call 119"] } });
    const result = await classifyTranscript(fixture("en-question-missed-dose").transcript, { client: client() });
    expect(result).toMatchObject({ reason: "emergency", redFlags: ["confusion"] });
  });
});
