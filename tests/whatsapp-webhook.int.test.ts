import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as inboxCron from "../src/app/api/cron/inbox/route";
import { escalations, patients, webhookInbox } from "../src/db/schema";
import { getRuntime, setRuntime } from "../src/lib/runtime";
import { call } from "./support/fixtures";
import {
  createClinic,
  createVerifiedPatient,
  deliver,
  gowaEnvelope,
  gowaId,
  newPhone,
  postWebhook,
  sentTexts,
  textMessage,
  threadOf,
} from "./support/gowa";
import { TEST_CRON_SECRET, settleAfterResponse, testGowa } from "./support/setup-runtime";

async function patientRow(id: string) {
  const { db } = await getRuntime();
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  return row;
}
async function escalationsOf(patientId: string) {
  const { db } = await getRuntime();
  return db.select().from(escalations).where(eq(escalations.patientId, patientId));
}
const runSweeper = () => call(inboxCron.GET as never, { headers: { authorization: `Bearer ${TEST_CRON_SECRET}` }, path: "/api/cron/inbox" });

describe("POST /api/webhooks/gowa: signature and validation", () => {
  it("answers 401 to a missing, wrong or tampered signature and stores nothing", async () => {
    const { org } = await createClinic();
    const body = textMessage(org, newPhone(), "halo");
    expect((await postWebhook(body, { signature: null })).status).toBe(401);
    expect((await postWebhook(body, { signature: "sha256=00" })).status).toBe(401);
    const good = (await import("../src/integrations/gowa/webhook")).signGowaBody(body, "test-webhook-secret");
    expect((await postWebhook(body.replace("halo", "hal0"), { signature: good })).status).toBe(401);
    const { db } = await getRuntime();
    const stored = await db.select().from(webhookInbox).where(eq(webhookInbox.payload, JSON.parse(body)));
    expect(stored).toHaveLength(0);
  });

  it("answers 400 to a signed body that is not JSON, or not a GOWA envelope, naming the field", async () => {
    const notJson = await postWebhook("{oops");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.issues[0].field).toBe("body");
    const badEnvelope = await postWebhook(JSON.stringify({ event: 42, payload: "x" }));
    expect(badEnvelope.status).toBe(400);
    expect(badEnvelope.body.error.issues.length).toBeGreaterThan(0);
  });

  it("refuses a 1 MB body of garbage cleanly", async () => {
    const garbage = "x".repeat(1024 * 1024 + 10);
    const res = await postWebhook(garbage);
    expect([401, 413]).toContain(res.status);
    expect(res.body.error.code).toBeDefined();
  });

  it("takes a redelivered event once: the second delivery is a 200 no-op", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const body = textMessage(org, patient.phone, "sudah minum obat");
    const first = await deliver(body);
    const second = await deliver(body);
    expect(first).toMatchObject({ status: 200, body: { status: "accepted" } });
    expect(second).toMatchObject({ status: 200, body: { status: "duplicate" } });
    expect((await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound")).toHaveLength(1);
  });
});

describe("inbound messages", () => {
  it("stores a patient's text with the intent the rules gave it", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "sudah minum obat"));
    const [inbound] = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(inbound).toMatchObject({ patientId: patient.id, body: "sudah minum obat", intent: "confirm_taken", intentSource: "rules", status: "received" });
  });

  it("keeps the quoted message id of a reply", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "sudah", { repliedToId: "3EB0AA11" }));
    const [inbound] = await threadOf(org.id, patient.phone);
    expect(inbound?.replyToExternalId).toBe("3EB0AA11");
  });

  it("records a voice note with its media path and hands it to staff", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    await deliver(
      gowaEnvelope(org, "message", {
        id: gowaId(),
        chat_id: `${digits}@s.whatsapp.net`,
        from: `${digits}@s.whatsapp.net`,
        timestamp: new Date().toISOString(),
        is_from_me: false,
        audio: "statics/media/1763604343-6f1c2a9e.ogg",
      }),
    );
    const [voice] = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(voice).toMatchObject({ type: "audio", media: { path: "statics/media/1763604343-6f1c2a9e.ogg" } });
    expect((await escalationsOf(patient.id)).map((e) => e.kind)).toEqual(["handoff"]);
  });

  it("stores an image's caption as its text", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    await deliver(
      gowaEnvelope(org, "message", {
        id: gowaId(),
        chat_id: `${digits}@s.whatsapp.net`,
        from: `${digits}@s.whatsapp.net`,
        timestamp: new Date().toISOString(),
        image: { path: "statics/media/rash.jpg", caption: "ini obat yang saya minum" },
      }),
    );
    const [image] = await threadOf(org.id, patient.phone);
    expect(image).toMatchObject({ type: "image", body: "ini obat yang saya minum" });
  });

  it("ignores group messages", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    await deliver(
      gowaEnvelope(org, "message", { id: gowaId(), chat_id: "120363025246125888@g.us", from: `${digits}@s.whatsapp.net`, body: "nyeri dada" }),
    );
    expect(await threadOf(org.id, patient.phone)).toHaveLength(0);
    expect(await escalationsOf(patient.id)).toHaveLength(0);
  });

  it("logs a message typed on the clinic's phone as outbound and answers nothing", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    await deliver(
      gowaEnvelope(org, "message", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: "628987654321@s.whatsapp.net", is_from_me: true, body: "Bu, jangan lupa kontrol besok" }),
    );
    const thread = await threadOf(org.id, patient.phone);
    expect(thread).toMatchObject([{ direction: "outbound", purpose: "phone", status: "sent", patientId: patient.id }]);
    expect(sentTexts(patient.phone)).toEqual([]);
  });

  it("finds the patient of a message whose sender also has a linked id (@lid)", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    await deliver(
      gowaEnvelope(org, "message", {
        id: gowaId(),
        chat_id: `${digits}@s.whatsapp.net`,
        chat_lid: "987654321098765@lid",
        from: `${digits}@s.whatsapp.net`,
        from_lid: "987654321098765@lid",
        body: "makasih",
      }),
    );
    expect((await threadOf(org.id, patient.phone))[0]?.patientId).toBe(patient.id);
  });

  it("answers an unknown number once a day that the number serves registered patients", async () => {
    const { org } = await createClinic();
    const stranger = newPhone();
    await deliver(textMessage(org, stranger, "halo, ini apotek?"));
    await deliver(textMessage(org, stranger, "halo?"));
    expect(sentTexts(stranger)).toHaveLength(1);
    expect(sentTexts(stranger)[0]).toMatch(/pasien terdaftar/);
    expect((await threadOf(org.id, stranger)).filter((m) => m.direction === "inbound")).toHaveLength(2);
  });

  it("stores messages over the per-sender limit without answering them", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    for (let i = 0; i < 13; i++) await deliver(textMessage(org, patient.phone, `apa ${i} ???`.replace(/\d/, "")));
    const inbound = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(inbound).toHaveLength(13);
    expect(sentTexts(patient.phone).length).toBeLessThanOrEqual(10);
  });
});

describe("opt-out comes first", () => {
  it("STOP unsubscribes, confirms once, and later messages get no automatic answer", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "STOP"));
    expect((await patientRow(patient.id))?.unsubscribedAt).toBeInstanceOf(Date);
    expect(sentTexts(patient.phone)).toEqual([expect.stringMatching(/tidak akan menerima pesan lagi/)]);
    await deliver(textMessage(org, patient.phone, "berhenti"));
    await deliver(textMessage(org, patient.phone, "???"));
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });

  it("MULAI resubscribes with one confirmation", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { unsubscribedAt: new Date() });
    await deliver(textMessage(org, patient.phone, "MULAI"));
    expect((await patientRow(patient.id))?.unsubscribedAt).toBeNull();
    expect(sentTexts(patient.phone)).toEqual([expect.stringMatching(/aktif lagi/)]);
  });
});

describe("emergencies", () => {
  it("an emergency gets the organisation's emergency number at once and opens an escalation", async () => {
    const { org } = await createClinic({ emergencyNumber: "112" });
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "dada saya nyeri sekali dan sesak napas"));
    expect(sentTexts(patient.phone)).toEqual([expect.stringContaining("112")]);
    const [escalation] = await escalationsOf(patient.id);
    expect(escalation).toMatchObject({ kind: "emergency", status: "open" });
    expect(escalation?.signs.length).toBeGreaterThan(0);
    const [inbound] = (await threadOf(org.id, patient.phone)).filter((m) => m.direction === "inbound");
    expect(inbound?.intent).toBe("emergency");
  });

  it("is answered even for an unsubscribed patient, and even while staff hold the conversation", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org, { unsubscribedAt: new Date(), automationPausedAt: new Date() });
    await deliver(textMessage(org, patient.phone, "suami saya pingsan tidak sadar"));
    expect(sentTexts(patient.phone)).toEqual([expect.stringContaining("119")]);
    expect((await escalationsOf(patient.id)).map((e) => e.kind)).toEqual(["emergency"]);
  });

  it("an edit that turns a message into an emergency escalates it", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const id = gowaId();
    const digits = patient.phone.slice(1);
    await deliver(textMessage(org, patient.phone, "makasih", { id }));
    await deliver(
      gowaEnvelope(org, "message.edited", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: `${digits}@s.whatsapp.net`, original_message_id: id, body: "tolong saya kejang kejang" }),
    );
    expect((await escalationsOf(patient.id)).map((e) => e.kind)).toEqual(["emergency"]);
    expect((await threadOf(org.id, patient.phone)).find((m) => m.externalId === id)).toMatchObject({ body: "tolong saya kejang kejang" });
  });
});

describe("questions and hand-off", () => {
  it("a question without an AI answer goes to staff and pauses automatic replies", async () => {
    const { org, volunteer } = await createClinic();
    const patient = await createVerifiedPatient(org, { assignedVolunteerId: null });
    const { db } = await getRuntime();
    await db.update(patients).set({ assignedVolunteerId: volunteer.id }).where(eq(patients.id, patient.id));
    await deliver(textMessage(org, patient.phone, "boleh minum obatnya bareng kopi?"));
    expect((await patientRow(patient.id))?.automationPausedAt).toBeInstanceOf(Date);
    expect(await escalationsOf(patient.id)).toMatchObject([{ kind: "question", assignedToId: volunteer.id }]);
    expect(sentTexts(patient.phone)).toEqual([expect.stringMatching(/teruskan ke petugas/)]);
    await deliver(textMessage(org, patient.phone, "???"));
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });
});

describe("receipts, revokes and reactions", () => {
  it("a read receipt marks our message read, and a late delivered receipt does not undo it", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "???"));
    const ours = (await threadOf(org.id, patient.phone)).find((m) => m.direction === "outbound");
    expect(ours?.externalId).toBeTruthy();
    const ack = (receipt: string) =>
      gowaEnvelope(org, "message.ack", { ids: [ours?.externalId], chat_id: "123456789012345@lid", receipt_type: receipt }, { timestamp: new Date().toISOString() });
    await deliver(ack("read"));
    await deliver(ack("delivered"));
    const after = (await threadOf(org.id, patient.phone)).find((m) => m.id === ours?.id);
    expect(after?.status).toBe("read");
    expect(after?.readAt).toBeInstanceOf(Date);
  });

  it("a receipt without a session id (as GOWA sends them) still finds its message", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    await deliver(textMessage(org, patient.phone, "???"));
    const ours = (await threadOf(org.id, patient.phone)).find((m) => m.direction === "outbound");
    const body = JSON.stringify({
      event: "message.ack",
      device_id: "628987654321@s.whatsapp.net",
      timestamp: new Date().toISOString(),
      payload: { ids: [ours?.externalId], chat_id: "123456789012345@lid", receipt_type: "delivered" },
    });
    await deliver(body);
    expect((await threadOf(org.id, patient.phone)).find((m) => m.id === ours?.id)?.status).toBe("delivered");
  });

  it("a revoked message is marked, and a reaction is kept on the message it reacts to", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const digits = patient.phone.slice(1);
    const id = gowaId();
    await deliver(textMessage(org, patient.phone, "makasih", { id }));
    await deliver(gowaEnvelope(org, "message.reaction", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: `${digits}@s.whatsapp.net`, reaction: "👍", reacted_message_id: id }));
    await deliver(gowaEnvelope(org, "message.revoked", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: `${digits}@s.whatsapp.net`, revoked_message_id: id }));
    const message = (await threadOf(org.id, patient.phone)).find((m) => m.externalId === id);
    expect(message?.reaction).toBe("👍");
    expect(message?.revokedAt).toBeInstanceOf(Date);
  });
});

describe("crash recovery", () => {
  it("an event acknowledged but never processed is processed by the sweeper exactly once", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const rt = await getRuntime();
    // the process "dies" right after answering 200: nothing runs after the response
    setRuntime({ ...rt, afterResponse: () => {} });
    try {
      const res = await postWebhook(textMessage(org, patient.phone, "???"));
      expect(res.body.status).toBe("accepted");
    } finally {
      setRuntime(rt);
    }
    expect(await threadOf(org.id, patient.phone)).toHaveLength(0);
    const { db } = await getRuntime();
    const senderKey = `${org.gowaDeviceId}|${patient.phone.slice(1)}@s.whatsapp.net`;
    const [row] = await db.select().from(webhookInbox).where(eq(webhookInbox.senderKey, senderKey));
    expect(row).toMatchObject({ status: "pending", attempts: 0 });
    // older than the sweeper's grace period, as after a crash
    await db.update(webhookInbox).set({ receivedAt: new Date(Date.now() - 60_000) }).where(eq(webhookInbox.id, row?.id ?? -1));
    const [a, b] = await Promise.all([runSweeper(), runSweeper()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const [after] = await db.select().from(webhookInbox).where(eq(webhookInbox.id, row?.id ?? -1));
    expect(after).toMatchObject({ status: "done", attempts: 1 });
    const thread = await threadOf(org.id, patient.phone);
    expect(thread.filter((m) => m.direction === "inbound")).toHaveLength(1);
    expect(sentTexts(patient.phone)).toHaveLength(1);
    await runSweeper();
    expect(sentTexts(patient.phone)).toHaveLength(1);
  });

  it("the sweeper refuses calls without the cron secret", async () => {
    expect((await call(inboxCron.GET as never, { path: "/api/cron/inbox" })).status).toBe(401);
    expect((await call(inboxCron.GET as never, { headers: { authorization: "Bearer nope" } })).status).toBe(401);
  });
});

// keep the shared fake's history from growing without bound across files
testGowa.reset();
void settleAfterResponse;

describe("media", () => {
  it("a voice note is copied from GOWA into our storage and linked from the message", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const rt = await getRuntime();
    const bytes = new Uint8Array([1, 2, 3, 4]);
    setRuntime({ ...rt, gowaMedia: async (p) => (p === "statics/media/1700-voice.ogg" ? { data: bytes, contentType: "audio/ogg" } : null) });
    try {
      const digits = patient.phone.slice(1);
      await deliver(
        gowaEnvelope(org, "message", { id: gowaId(), chat_id: `${digits}@s.whatsapp.net`, from: `${digits}@s.whatsapp.net`, audio: "statics/media/1700-voice.ogg" }),
      );
    } finally {
      setRuntime(rt);
    }
    const [voice] = await threadOf(org.id, patient.phone);
    expect(voice?.media).toMatchObject({ path: "statics/media/1700-voice.ogg", mime: "audio/ogg" });
    const stored = await rt.storage.get(voice?.media?.storedKey ?? "");
    expect(stored).toEqual({ data: bytes, contentType: "audio/ogg" });
  });
});

describe("pacing", () => {
  it("an emergency reply does not wait behind the device's pacing queue", async () => {
    const { org } = await createClinic();
    const patient = await createVerifiedPatient(org);
    const rt = await getRuntime();
    const { createPacer, createMemoryPacerStore } = await import("../src/integrations/gowa/pacing");
    // a device whose next free slot is a minute away
    const store = createMemoryPacerStore();
    const slow = createPacer({ minIntervalMs: 60_000, jitterMs: 0, store });
    await slow.wait(org.gowaDeviceId ?? "default");
    setRuntime({ ...rt, pacer: slow });
    try {
      const started = Date.now();
      await deliver(textMessage(org, patient.phone, "anak saya kejang kejang"));
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(sentTexts(patient.phone)[0]).toContain("119");
    } finally {
      setRuntime(rt);
    }
  });
});
