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
const patientSays = (from: string, body: string, repliedToId?: string) =>
  fetch(`${app.simUrl}/sim/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, body, ...(repliedToId ? { replied_to_id: repliedToId } : {}) }),
  }).then((r) => r.json());
const outboxMessages = async (phone: string): Promise<Array<{ id: string; text: string | null }>> =>
  ((await (await fetch(`${app.simUrl}/sim/outbox?phone=${encodeURIComponent(phone)}`)).json()) as { messages: Array<{ id: string; text: string | null }> }).messages;
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

describe("reminders and triage through the GOWA simulator", () => {
  it("a reminder sent now arrives, and the patient's reply quoting it confirms it", async () => {
    const list = await api(`/api/patients?q=${encodeURIComponent("+6281234567890")}`);
    const siti = list.body.items[0];
    expect(siti.name).toBe("Siti Rahayu");
    const reminder = await api(`/api/patients/${siti.id}/reminders`, {
      body: { type: "medication", medicineName: "Amlodipin", dose: "5 mg", schedule: { startDate: "2026-01-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" } } },
    });
    expect(reminder.status).toBe(201);
    const sent = await api(`/api/reminders/${reminder.body.id}/send-now`, { method: "POST" });
    expect(sent.body.sent).toBe(1);
    const [message] = await eventually(() => outboxMessages("+6281234567890"), (m) => m.some((x) => /Amlodipin/.test(x.text ?? "")), "the reminder");
    expect(message?.text).toMatch(/Amlodipin 5 mg/);
    await patientSays("+6281234567890", "sudah bu", message?.id);
    await eventually(
      () => api(`/api/patients/${siti.id}/deliveries`),
      (r) => r.body.items[0]?.confirmation === "confirmed",
      "the confirmation",
    );
  }, 60_000);

  it("a demo patient goes through a whole UTI triage; the pharmacist approves it and a follow-up is scheduled", async () => {
    const phone = "+6285711223344"; // Nur Aisyah, female, 1988
    const answers: Record<string, string> = { pregnant: "tidak", dysuria: "ya", new_nocturia: "ya", severity: "2" };
    await patientSays(phone, "perih kalau pipis, anyang-anyangan");
    for (let turn = 0; turn < 30; turn++) {
      const before = (await outbox(phone)).length;
      const last = (await outbox(phone)).at(-1) ?? "";
      if (/Apoteker kami akan meninjau|dokter|apotek kami/.test(last)) break;
      const key = Object.keys(answers).find((k) => QUESTION_HINTS[k]?.test(last));
      await patientSays(phone, key ? (answers[key] as string) : "tidak");
      await eventually(() => outbox(phone), (m) => m.length > before, "the next question");
    }
    expect((await outbox(phone)).at(-1)).toMatch(/Apoteker kami akan meninjau/);

    // the pharmacist (registration SIPA 446/0123/2024) reviews and approves it
    const patients = await api(`/api/patients?q=${encodeURIComponent(phone)}`);
    const consultations = await api(`/api/consultations?patientId=${patients.body.items[0].id}`);
    const [consultation] = consultations.body.items;
    expect(consultation).toMatchObject({ condition: "uti", outcome: "treat", treatmentProposed: "nitrofurantoin", status: "PENDING_APPROVAL" });
    const approved = await api(`/api/consultations/${consultation.id}/approve`, { method: "POST" });
    expect(approved.body.status).toBe("APPROVED");
    const claim = await api(`/api/consultations/${consultation.id}/export`);
    expect(claim.body.followUp.dueAt).toBeTruthy();
  }, 90_000);
});

/** How to tell which question the dialog asked, from its Indonesian text. */
const QUESTION_HINTS: Record<string, RegExp> = {
  pregnant: /sedang hamil/,
  dysuria: /perih atau sakit saat kencing/,
  new_nocturia: /bangun malam untuk kencing/,
  severity: /Seberapa berat/,
};
