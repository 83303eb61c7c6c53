import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGowaClient } from "./client";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: unknown };
type Reply = (req: Seen, res: ServerResponse) => void;

/** A local GOWA stand-in answering each request from a script of replies. */
async function startGowa(replies: Reply[]) {
  const seen: Seen[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : null };
    seen.push(entry);
    const reply = replies[seen.length - 1] ?? replies[replies.length - 1];
    reply?.(entry, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}`, seen };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((resolve) => { s.closeAllConnections(); s.close(() => resolve()); })),
  );
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (_req, res) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};
const sent = (id: string) => json(200, { code: "SUCCESS", message: "Success", results: { message_id: id, status: "Message sent" } });
const never: Reply = () => {}; // accepts the request and never answers

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("createGowaClient", () => {
  it("sends text with basic auth, X-Device-Id, base path and GOWA's body shape", async () => {
    const gowa = await startGowa([sent("3EB0ABCDEF0123456789")]);
    const client = createGowaClient({ baseUrl: `${gowa.url}/`, basePath: "gowa/", username: "admin", password: "s3cret", deviceId: "clinic-1", maxRetries: 0 });
    const result = await client.sendText({ phone: "+62 812-3456-7890", message: "Halo", replyToId: "3EB0AA11" });
    expect(result).toEqual({ status: "sent", messageId: "3EB0ABCDEF0123456789" });
    const [request] = gowa.seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/gowa/send/message");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("admin:s3cret").toString("base64")}`);
    expect(request?.headers["x-device-id"]).toBe("clinic-1");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.body).toEqual({ phone: "6281234567890@s.whatsapp.net", message: "Halo", reply_message_id: "3EB0AA11" });
  });

  it("a call may name another device, and media/link/presence bodies follow gowa.md", async () => {
    const gowa = await startGowa([sent("A1"), sent("A2"), sent("A3"), sent("A4"), sent("A5"), json(200, { code: "SUCCESS", message: "ok" })]);
    const client = createGowaClient({ baseUrl: gowa.url, deviceId: "clinic-1", maxRetries: 0 });
    await client.sendImage({ phone: "6281234567890", imageUrl: "https://x/y.jpg", caption: "hasil lab", viewOnce: false }, { deviceId: "clinic-2" });
    await client.sendVideo({ phone: "6281234567890", videoUrl: "https://x/v.mp4" });
    await client.sendFile({ phone: "6281234567890", fileUrl: "https://x/f.pdf", caption: "jadwal" });
    await client.sendAudio({ phone: "6281234567890", audioUrl: "https://x/a.ogg", voiceNote: true });
    await client.sendLink({ phone: "6281234567890", link: "https://careloop.example/j", caption: "Jadwal" });
    expect(await client.sendChatPresence({ phone: "120363025246125888@g.us", action: "start" })).toEqual({ status: "sent" });
    expect(gowa.seen.map((s) => [s.url, s.headers["x-device-id"], s.body])).toEqual([
      ["/send/image", "clinic-2", { phone: "6281234567890@s.whatsapp.net", image_url: "https://x/y.jpg", caption: "hasil lab", view_once: false }],
      ["/send/video", "clinic-1", { phone: "6281234567890@s.whatsapp.net", video_url: "https://x/v.mp4" }],
      ["/send/file", "clinic-1", { phone: "6281234567890@s.whatsapp.net", file_url: "https://x/f.pdf", caption: "jadwal" }],
      ["/send/audio", "clinic-1", { phone: "6281234567890@s.whatsapp.net", audio_url: "https://x/a.ogg", ptt: true }],
      ["/send/link", "clinic-1", { phone: "6281234567890@s.whatsapp.net", link: "https://careloop.example/j", caption: "Jadwal" }],
      ["/send/chat-presence", "clinic-1", { phone: "120363025246125888@g.us", action: "start" }],
    ]);
  });

  it("429 WA_REACHOUT_TIMELOCK is retried with exponential backoff, then succeeds", async () => {
    const timelock = json(429, { code: "WA_REACHOUT_TIMELOCK", message: "slow down" });
    const gowa = await startGowa([timelock, timelock, sent("3EB0OK")]);
    const { waits, sleep } = recordingSleep();
    const client = createGowaClient({ baseUrl: gowa.url, maxRetries: 3, backoffMs: 500, sleep });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toEqual({ status: "sent", messageId: "3EB0OK" });
    expect(gowa.seen).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  it("timelock that never lifts ends as a retryable rate_limited failure", async () => {
    const gowa = await startGowa([json(429, { code: "WA_REACHOUT_TIMELOCK", message: "slow down" })]);
    const { waits, sleep } = recordingSleep();
    const client = createGowaClient({ baseUrl: gowa.url, maxRetries: 2, backoffMs: 100, sleep });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({
      status: "failed",
      code: "rate_limited",
      retryable: true,
    });
    expect(gowa.seen).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  it("a timeout after the request went out is unknown and is not retried", async () => {
    const gowa = await startGowa([never]);
    const { waits, sleep } = recordingSleep();
    const client = createGowaClient({ baseUrl: gowa.url, timeoutMs: 150, maxRetries: 3, sleep });
    const result = await client.sendText({ phone: "+6281234567890", message: "Halo" });
    expect(result).toMatchObject({ status: "unknown", error: expect.stringContaining("timed out") });
    expect(gowa.seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("GOWA's own 504 and 408 are unknown, not retried", async () => {
    const gowa = await startGowa([json(504, { code: "GATEWAY_TIMEOUT", message: "t" }), json(408, { code: "CONTEXT_ERROR", message: "c" })]);
    const client = createGowaClient({ baseUrl: gowa.url, maxRetries: 3, sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "a" })).toMatchObject({ status: "unknown" });
    expect(await client.sendText({ phone: "+6281234567890", message: "b" })).toMatchObject({ status: "unknown" });
    expect(gowa.seen).toHaveLength(2);
  });

  it("connection refused is retried (nothing was sent) and reported as gateway_unavailable", async () => {
    const gowa = await startGowa([sent("x")]);
    const deadUrl = gowa.url;
    await new Promise<void>((resolve) => { const s = servers.pop()!; s.close(() => resolve()); });
    const { waits, sleep } = recordingSleep();
    const client = createGowaClient({ baseUrl: deadUrl, maxRetries: 2, backoffMs: 10, sleep });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({
      status: "failed",
      code: "gateway_unavailable",
      retryable: true,
    });
    expect(waits).toEqual([10, 20]);
  });

  it("connection refused, then GOWA comes up: the retry sends once", async () => {
    let calls = 0;
    const realFetch = fetch;
    const flakyFetch: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      return realFetch(input, init);
    };
    const gowa = await startGowa([sent("3EB0AFTER")]);
    const client = createGowaClient({ baseUrl: gowa.url, fetch: flakyFetch, sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toEqual({ status: "sent", messageId: "3EB0AFTER" });
    expect(gowa.seen).toHaveLength(1);
  });

  it("a connection reset mid-request is unknown, not retried", async () => {
    const gowa = await startGowa([(_req, res) => res.socket?.destroy()]);
    const client = createGowaClient({ baseUrl: gowa.url, maxRetries: 3, sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({ status: "unknown" });
    expect(gowa.seen).toHaveLength(1);
  });

  it("an answered 500 is retried", async () => {
    const gowa = await startGowa([json(500, { code: "INTERNAL_SERVER_ERROR", message: "boom" }), sent("3EB0B")]);
    const client = createGowaClient({ baseUrl: gowa.url, sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toEqual({ status: "sent", messageId: "3EB0B" });
    expect(gowa.seen).toHaveLength(2);
  });

  it.each([
    [400, { code: "VALIDATION_ERROR", message: "message: cannot be blank." }, "invalid_request", false],
    [400, { code: "INVALID_JID", message: "not on WhatsApp" }, "not_on_whatsapp", false],
    [400, { code: "DEVICE_ID_REQUIRED", message: "name a device" }, "device_id_required", false],
    [404, { code: "DEVICE_NOT_FOUND", message: "no such device" }, "device_not_found", false],
    [401, { code: "AUTHENTICATION_ERROR", message: "logged out" }, "device_disconnected", true],
    [403, { code: "FORBIDDEN", message: "no" }, "gateway_rejected", false],
  ] as const)("%i %o maps to %s and is not retried", async (status, body, code, retryable) => {
    const gowa = await startGowa([json(status, body)]);
    const client = createGowaClient({ baseUrl: gowa.url, maxRetries: 3, sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({ status: "failed", code, retryable });
    expect(gowa.seen).toHaveLength(1);
  });

  it("basic auth refused (401 without JSON) is gateway_unauthorized", async () => {
    const gowa = await startGowa([(_req, res) => { res.writeHead(401, { "www-authenticate": 'Basic realm="x"' }); res.end("Unauthorized"); }]);
    const client = createGowaClient({ baseUrl: gowa.url, username: "a", password: "b", sleep: async () => {} });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({ status: "failed", code: "gateway_unauthorized", retryable: false });
  });

  it("a national number never reaches GOWA", async () => {
    const gowa = await startGowa([sent("x")]);
    const client = createGowaClient({ baseUrl: gowa.url });
    expect(await client.sendText({ phone: "081234567890", message: "Halo" })).toMatchObject({ status: "failed", code: "invalid_phone" });
    expect(gowa.seen).toHaveLength(0);
  });

  it("success without a message id is unknown: accepted but untrackable", async () => {
    const gowa = await startGowa([json(200, { code: "SUCCESS", message: "ok", results: {} })]);
    const client = createGowaClient({ baseUrl: gowa.url });
    expect(await client.sendText({ phone: "+6281234567890", message: "Halo" })).toMatchObject({ status: "unknown" });
  });
});
