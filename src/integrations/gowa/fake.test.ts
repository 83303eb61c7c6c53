import { describe, expect, it } from "vitest";
import { createFakeGowaSender } from "./fake";

describe("createFakeGowaSender", () => {
  it("records sends and answers with GOWA-style ids", async () => {
    const fake = createFakeGowaSender({ deviceId: "clinic-1" });
    const result = await fake.sendText({ phone: "+6281234567890", message: "Halo" });
    expect(result).toMatchObject({ status: "sent", messageId: expect.stringMatching(/^3EB0/) });
    await fake.sendChatPresence({ phone: "+6281234567890", action: "start" }, { deviceId: "clinic-2" });
    expect(fake.sends.map((s) => [s.kind, s.deviceId])).toEqual([["text", "clinic-1"], ["chat-presence", "clinic-2"]]);
    expect(fake.sentTo("+6281234567890")).toHaveLength(2);
  });

  it("can be told to fail or time out for the next calls", async () => {
    const fake = createFakeGowaSender();
    fake.failNext("not_on_whatsapp");
    fake.timeoutNext();
    expect(await fake.sendText({ phone: "+62811", message: "a" })).toMatchObject({ status: "failed", code: "not_on_whatsapp", retryable: false });
    expect(await fake.sendText({ phone: "+62811", message: "b" })).toMatchObject({ status: "unknown" });
    expect(await fake.sendText({ phone: "+62811", message: "c" })).toMatchObject({ status: "sent" });
    expect(fake.sentTo("+62811")).toHaveLength(1);
    fake.reset();
    expect(fake.sends).toEqual([]);
  });
});
