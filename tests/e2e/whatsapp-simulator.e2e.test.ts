import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The WhatsApp loop as a developer sees it in `bun run dev`: the app talks to the GOWA simulator
 * through the real client, and the simulator delivers signed webhooks back. Here the test plays
 * the patient through the simulator's test API and staff through the app's API.
 */
let app: AppServer & { simUrl: string };
let cookie = "";

beforeAll(async () => {
  app = await startDevApp();
  const res = await fetch(`${app.url}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "pharmacist@demo.test" }),
  });
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(`${app.url}${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: { cookie, "content-type": "application/json" },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: await res.json() };
};
const patientSays = (from: string, body: string) =>
  fetch(`${app.simUrl}/sim/inbound`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ from, body }) }).then((r) => r.json());
const outbox = async (phone: string): Promise<string[]> => {
  const res = await fetch(`${app.simUrl}/sim/outbox?phone=${encodeURIComponent(phone)}`);
  const data = (await res.json()) as { messages: Array<{ text: string | null }> };
  return data.messages.map((m) => m.text ?? "");
};
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}\n${app.output().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("WhatsApp through the GOWA simulator", () => {
  it("a new patient is asked, says YA, opts out with STOP, and an emergency still gets the emergency number", async () => {
    const phone = "+6281377712345";
    const created = await api("/api/patients", { body: { name: "Wulan Sari", phone: "0813-7771-2345" } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    await eventually(() => outbox(phone), (m) => m.length === 1, "the verification message");
    expect((await outbox(phone))[0]).toMatch(/Balas YA/);

    await patientSays(phone, "ya");
    await eventually(() => api(`/api/patients/${id}`), (r) => r.body.verificationStatus === "VERIFIED", "verification");
    expect((await api(`/api/patients/${id}`)).body.consentWhatsapp).toBe(true);

    await patientSays(phone, "STOP");
    await eventually(() => api(`/api/patients/${id}`), (r) => r.body.unsubscribedAt !== null, "the opt-out");
    await eventually(() => outbox(phone), (m) => m.some((t) => /tidak akan menerima pesan lagi/.test(t)), "the opt-out confirmation");

    await patientSays(phone, "tolong dada saya nyeri sekali, sesak napas");
    await eventually(() => outbox(phone), (m) => m.some((t) => t.includes("119")), "the emergency reply");

    const thread = await api(`/api/patients/${id}/messages`);
    const inbound = thread.body.items.filter((m: { direction: string }) => m.direction === "inbound");
    expect(inbound.map((m: { intent: string }) => m.intent)).toEqual(["emergency", "unsubscribe", "verification_accept"]);
    const escalations = await api("/api/escalations");
    expect(escalations.body.items[0]).toMatchObject({ kind: "emergency", patient: { id } });
  }, 120_000);
});
