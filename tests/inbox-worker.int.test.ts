import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Organisation, messages, webhookInbox } from "../src/db/schema";
import { listenPostgres } from "../src/db/listen";
import { signGowaBody } from "../src/integrations/gowa/webhook";
import { getRuntime } from "../src/lib/runtime";
import type { ClassifyInput } from "../src/services/messaging/classifier/types";
import { INBOX_CHANNEL } from "../src/services/messaging/inbox.repository";
import { type InboxWorker, startInboxWorker } from "../src/services/messaging/inbox-worker.service";
import { type WebhookCtx, acceptGowaWebhook } from "../src/services/messaging/webhook.service";
import { insertOrganisation } from "../src/services/organisation/organisation.repository";
import { createScratchDatabase } from "./support/database";
import { createVerifiedPatient, sentTexts, textMessage } from "./support/gowa";
import { TEST_WEBHOOK_SECRET } from "./support/setup-runtime";

// The worker looks at every organisation's inbox, so it gets a database no other test file writes to.
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let ctx: WebhookCtx;
// what the web side leaves for after its response: here run only when the test says so
const afterResponse: Array<() => Promise<void>> = [];
let org: Organisation;

beforeAll(async () => {
  scratch = await createScratchDatabase("worker");
  const rt = await getRuntime();
  ctx = { ...rt, db: scratch.handle.db, inboxProcessing: "worker", afterResponse: (task) => void afterResponse.push(task) };
  org = await insertOrganisation(scratch.handle.db, {
    name: "Worker Clinic",
    country: "ID",
    timezone: "Asia/Jakarta",
    language: "id",
    emergencyNumber: "119",
    gowaDeviceId: `device-${randomUUID().slice(0, 8)}`,
  });
});
afterAll(async () => {
  await scratch.drop();
});

const patientWithPhone = () => createVerifiedPatient(org, {}, scratch.handle.db);

/** The webhook as the route handles it: stored and acknowledged, leaving its after-response tasks queued. */
const acknowledge = (body: string) => acceptGowaWebhook(ctx, body, signGowaBody(body, TEST_WEBHOOK_SECRET));
const runAfterResponse = () => Promise.all(afterResponse.splice(0).map((task) => task()));
/** ... and then those tasks run, as Next's `after()` runs them once the response is out. */
async function accept(body: string) {
  const outcome = await acknowledge(body);
  await runAfterResponse();
  return outcome;
}

function startWorker(catchUpEveryMs = 60_000, concurrency = 4, workerCtx: WebhookCtx = ctx): Promise<InboxWorker> {
  return startInboxWorker(workerCtx, (handlers) => listenPostgres(scratch.url, INBOX_CHANNEL, handlers), { concurrency, catchUpEveryMs });
}

async function inboxOf(phone: string) {
  const senderKey = `${org.gowaDeviceId}|${phone.slice(1)}@s.whatsapp.net`;
  return scratch.handle.db.select().from(webhookInbox).where(eq(webhookInbox.senderKey, senderKey)).orderBy(webhookInbox.id);
}

async function inboundTexts(phone: string) {
  const rows = await scratch.handle.db
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.orgId, org.id), eq(messages.phone, phone), eq(messages.direction, "inbound")))
    .orderBy(messages.createdAt, messages.id);
  return rows.map((r) => r.body);
}

async function eventually(check: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("inbox worker (INBOX_PROCESSING=worker)", () => {
  it("the web side only stores and acknowledges; the worker, woken by the notification, answers the patient", async () => {
    const worker = await startWorker();
    try {
      const patient = await patientWithPhone();
      const body = textMessage(org, patient.phone, "???");
      const outcome = await acknowledge(body);
      expect(outcome.status).toBe("accepted");
      expect((await acknowledge(body)).status).toBe("duplicate");
      // the web side stored the event and left one task for after its response: the wake-up
      expect(afterResponse).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await inboxOf(patient.phone))[0]?.status).toBe("pending");
      await runAfterResponse();
      // the periodic catch-up is a minute away: only the notification can have woken the worker
      await eventually(async () => (await inboxOf(patient.phone))[0]?.status === "done");
      expect(await inboundTexts(patient.phone)).toEqual(["???"]);
      expect(sentTexts(patient.phone)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it("a burst of webhooks from many chats wakes the worker for every one of them", async () => {
    const worker = await startWorker();
    try {
      const patients = await Promise.all(Array.from({ length: 12 }, () => patientWithPhone()));
      await Promise.all(patients.map((p) => acknowledge(textMessage(org, p.phone, "makasih"))));
      // all twelve wake-ups at once: they share statements, and none is lost
      await runAfterResponse();
      await eventually(async () => (await Promise.all(patients.map((p) => inboxOf(p.phone)))).every((rows) => rows[0]?.status === "done"));
    } finally {
      await worker.stop();
    }
  });

  it("events stored while no worker ran are processed when one starts, once each and in order per chat", async () => {
    const first = await patientWithPhone();
    const second = await patientWithPhone();
    for (const text of ["satu", "dua", "tiga"]) await accept(textMessage(org, first.phone, text));
    await accept(textMessage(org, second.phone, "makasih"));
    expect((await inboxOf(first.phone)).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);

    const worker = await startWorker();
    try {
      await eventually(async () => [...(await inboxOf(first.phone)), ...(await inboxOf(second.phone))].every((r) => r.status === "done"));
      expect(await inboundTexts(first.phone)).toEqual(["satu", "dua", "tiga"]);
      expect(await inboundTexts(second.phone)).toEqual(["makasih"]);
      expect((await inboxOf(first.phone)).map((r) => r.attempts)).toEqual([1, 1, 1]);
    } finally {
      await worker.stop();
    }
  });

  it("stop waits for the chats in hand, and nothing is processed after it", async () => {
    const worker = await startWorker();
    const patient = await patientWithPhone();
    await accept(textMessage(org, patient.phone, "halo"));
    await eventually(async () => (await inboxOf(patient.phone))[0]?.status !== "pending", 5_000);
    await worker.stop();
    expect((await inboxOf(patient.phone)).map((r) => r.status)).toEqual(["done"]);
    const later = await patientWithPhone();
    await accept(textMessage(org, later.phone, "halo"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await inboxOf(later.phone)).map((r) => r.status)).toEqual(["pending"]);
  });

  it("stop leaves the chats still waiting for a turn in the inbox instead of working through them", async () => {
    const patients = await Promise.all(Array.from({ length: 8 }, () => patientWithPhone()));
    for (const p of patients) await accept(textMessage(org, p.phone, "halo"));
    // one chat at a time, each slowed down (a classifier taking 150 ms), so that stopping as soon as the first chat
    // is claimed finds the rest still queued however busy the machine is: the start-up catch-up queues all eight
    const slow = { ...ctx, classifier: { classify: async (input: ClassifyInput) => (await sleep(150), ctx.classifier.classify(input)) } };
    const worker = await startWorker(60_000, 1, slow);
    await eventually(async () => (await Promise.all(patients.map((p) => inboxOf(p.phone)))).some((rows) => rows[0]?.status !== "pending"), 5_000);
    await worker.stop();
    const statuses = (await Promise.all(patients.map((p) => inboxOf(p.phone)))).map((rows) => rows[0]?.status);
    expect(statuses).not.toContain("processing");
    expect(statuses.filter((st) => st === "pending").length).toBeGreaterThanOrEqual(4);
    // the next worker takes them
    const next = await startWorker();
    try {
      await eventually(async () => (await Promise.all(patients.map((p) => inboxOf(p.phone)))).every((rows) => rows[0]?.status === "done"), 10_000);
    } finally {
      await next.stop();
    }
  });
});
