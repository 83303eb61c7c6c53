import { type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGowaClient } from "../client";
import { parseGowaEvent, verifyGowaSignature } from "../webhook";
import { serveFetchHandler } from "./node-server";
import { type GowaSimulatorOptions, createGowaSimulator } from "./simulator";

const SECRET = "sim-webhook-secret";
const PATIENT = "+6281234567890";

type Delivery = { headers: Record<string, string | string[] | undefined>; raw: string };

/** Our app's webhook, as far as GOWA can tell: answers each delivery with the next status. */
async function startReceiver(statuses: number[] = [200]) {
  const deliveries: Delivery[] = [];
  const server = createServer(async (req, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    deliveries.push({ headers: req.headers, raw: Buffer.concat(chunks).toString("utf8") });
    res.statusCode = statuses[deliveries.length - 1] ?? statuses[statuses.length - 1] ?? 200;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/gowa`, deliveries };
}

async function startSimulator(options: Partial<GowaSimulatorOptions> & { webhookUrl: string | null }) {
  const simulator = createGowaSimulator({
    webhookSecret: SECRET,
    username: "gowa",
    password: "pw",
    ackDelaysMs: { delivered: 20, read: 60 },
    webhookRetryDelaysMs: [10, 20, 40, 80],
    ...options,
  });
  const server = await serveFetchHandler(simulator.handle);
  cleanups.push(async () => { simulator.close(); await server.close(); });
  const client = createGowaClient({ baseUrl: server.url, username: "gowa", password: "pw", deviceId: "clinic-1", maxRetries: 0 });
  return { simulator, url: server.url, client };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until<T>(check: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("GOWA simulator", () => {
  it("the real client sends through it, the outbox shows it, and signed acks arrive delivered then read", async () => {
    const receiver = await startReceiver();
    const { client, url } = await startSimulator({ webhookUrl: receiver.url, deviceJid: "628987654321@s.whatsapp.net" });

    const result = await client.sendText({ phone: PATIENT, message: "Pengingat: minum obat" });
    expect(result).toMatchObject({ status: "sent", messageId: expect.stringMatching(/^3EB0[0-9A-F]{16}$/) });
    const messageId = result.status === "sent" ? result.messageId : "";

    const outbox = await fetch(`${url}/sim/outbox?phone=${encodeURIComponent(PATIENT)}`).then((r) => r.json());
    expect(outbox.messages).toMatchObject([
      { id: messageId, phone: PATIENT, deviceId: "clinic-1", type: "text", text: "Pengingat: minum obat" },
    ]);

    await until(() => receiver.deliveries.length >= 2);
    const events = receiver.deliveries.map((d) => {
      expect(d.headers["content-type"]).toBe("application/json");
      expect(verifyGowaSignature(d.raw, d.headers["x-hub-signature-256"] as string, SECRET)).toBe(true);
      return parseGowaEvent(JSON.parse(d.raw));
    });
    expect(events).toMatchObject([
      { kind: "message.ack", receipt: "delivered", messageIds: [messageId], sessionId: "clinic-1", deviceId: "628987654321@s.whatsapp.net" },
      { kind: "message.ack", receipt: "read", messageIds: [messageId] },
    ]);
    const after = await fetch(`${url}/sim/outbox?phone=${encodeURIComponent(PATIENT)}`).then((r) => r.json());
    expect(after.messages[0].status).toBe("read");
  });

  it("outbox keeps order per phone and separates phones", async () => {
    const { client, simulator } = await startSimulator({ webhookUrl: null });
    await client.sendText({ phone: PATIENT, message: "satu" });
    await client.sendText({ phone: "+6289999999999", message: "lain" });
    await client.sendImage({ phone: PATIENT, imageUrl: "https://x/y.jpg", caption: "dua" });
    expect(simulator.outbox(PATIENT).map((m) => m.text ?? m.caption)).toEqual(["satu", "dua"]);
    expect(simulator.outbox("6289999999999").map((m) => m.text)).toEqual(["lain"]);
  });

  it("inbound is delivered signed, shaped like GOWA's message event, and retried after a 500", async () => {
    const receiver = await startReceiver([500, 200]);
    const { client, url, simulator } = await startSimulator({ webhookUrl: receiver.url, ackDelaysMs: null });
    const sent = await client.sendText({ phone: PATIENT, message: "Pengingat: minum obat" });
    const reminderId = sent.status === "sent" ? sent.messageId : "";

    const res = await fetch(`${url}/sim/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: PATIENT, body: "sudah", replied_to_id: reminderId }),
    });
    expect(res.status).toBe(201);
    const { message_id } = await res.json();
    expect(message_id).toMatch(/^3EB0/);

    await simulator.idle();
    expect(receiver.deliveries).toHaveLength(2);
    const [first, second] = receiver.deliveries;
    expect(second?.raw).toBe(first?.raw); // a retry is the same event, byte for byte
    expect(verifyGowaSignature(second!.raw, second!.headers["x-hub-signature-256"] as string, SECRET)).toBe(true);
    const envelope = JSON.parse(second!.raw);
    expect(envelope).toMatchObject({
      event: "message",
      session_id: "clinic-1", // answers on the device that last wrote to this patient
      payload: { id: message_id, chat_id: "6281234567890@s.whatsapp.net", from: "6281234567890@s.whatsapp.net", is_from_me: false, body: "sudah", replied_to_id: reminderId, quoted_body: "Pengingat: minum obat" },
    });
    expect(envelope.payload.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(parseGowaEvent(envelope)).toMatchObject({
      kind: "message",
      id: message_id,
      from: { phone: PATIENT },
      content: { type: "text", text: "sudah" },
      replyTo: { messageId: reminderId },
    });
    expect(simulator.inbox(PATIENT)).toMatchObject([{ id: message_id, delivery: "delivered", attempts: 2 }]);
  });

  it("gives up after GOWA's five attempts when the webhook keeps failing", async () => {
    const receiver = await startReceiver([503]);
    const { simulator } = await startSimulator({ webhookUrl: receiver.url });
    const { delivered } = simulator.sendInbound({ from: PATIENT, body: "halo" });
    expect(await delivered).toBe(false);
    expect(receiver.deliveries).toHaveLength(5);
    expect(simulator.inbox(PATIENT)[0]?.delivery).toBe("failed");
  });

  it("retries when the webhook is unreachable at first", async () => {
    const receiver = await startReceiver();
    let calls = 0;
    const downThenUp: typeof fetch = async (input, init) => {
      if (++calls === 1) throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      return fetch(input, init);
    };
    const { simulator } = await startSimulator({ webhookUrl: receiver.url, fetch: downThenUp });
    expect(await simulator.sendInbound({ from: PATIENT, body: "halo" }).delivered).toBe(true);
    expect(calls).toBe(2);
    expect(receiver.deliveries).toHaveLength(1);
  });

  it("speaks GOWA's auth and validation errors", async () => {
    const { url, client } = await startSimulator({ webhookUrl: null });
    const wrong = createGowaClient({ baseUrl: url, username: "gowa", password: "nope", maxRetries: 0 });
    expect(await wrong.sendText({ phone: PATIENT, message: "x" })).toMatchObject({ status: "failed", code: "gateway_unauthorized" });
    const raw = await fetch(`${url}/send/message`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(raw.status).toBe(401);
    expect(raw.headers.get("www-authenticate")).toContain("Basic");
    expect(await client.sendText({ phone: PATIENT, message: "   " })).toMatchObject({ status: "failed", code: "invalid_request" });
    expect(await client.sendChatPresence({ phone: PATIENT, action: "start" })).toEqual({ status: "sent" });
  });

  it("injected faults exercise the client: timelock retried, a slow accept becomes unknown yet was sent", async () => {
    const { url, simulator } = await startSimulator({ webhookUrl: null });
    const fault = (body: unknown) =>
      fetch(`${url}/sim/fault`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

    await fault({ status: 429, code: "WA_REACHOUT_TIMELOCK", times: 2 });
    const patient = createGowaClient({ baseUrl: url, username: "gowa", password: "pw", maxRetries: 3, backoffMs: 1 });
    expect(await patient.sendText({ phone: PATIENT, message: "setelah jeda" })).toMatchObject({ status: "sent" });
    expect(simulator.outbox(PATIENT)).toHaveLength(1);

    await fault({ status: 200, delay_ms: 300 });
    const hasty = createGowaClient({ baseUrl: url, username: "gowa", password: "pw", timeoutMs: 100, maxRetries: 3, backoffMs: 1 });
    expect(await hasty.sendText({ phone: PATIENT, message: "lambat" })).toMatchObject({ status: "unknown" });
    await until(() => simulator.outbox(PATIENT).length === 2);
    expect(simulator.outbox(PATIENT).map((m) => m.text)).toEqual(["setelah jeda", "lambat"]);
  });

  it("serves the chat page and resets", async () => {
    const { url, client, simulator } = await startSimulator({ webhookUrl: null });
    const page = await fetch(`${url}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/sim/inbound");
    await client.sendText({ phone: PATIENT, message: "x" });
    simulator.sendInbound({ from: PATIENT, body: "y" });
    const conversation = await fetch(`${url}/sim/conversation?phone=${encodeURIComponent(PATIENT)}`).then((r) => r.json());
    expect(conversation.messages.map((m: { direction: string }) => m.direction)).toEqual(["out", "in"]);
    expect((await fetch(`${url}/sim/phones`).then((r) => r.json())).phones).toEqual([PATIENT]);
    await fetch(`${url}/sim/reset`, { method: "POST" });
    expect(simulator.outbox()).toEqual([]);
    expect(simulator.inbox()).toEqual([]);
  });
});
