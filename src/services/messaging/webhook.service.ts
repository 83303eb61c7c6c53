import { type GowaEvent, parseGowaEvent, verifyGowaSignature } from "@/integrations/gowa/webhook";
import { AppError, badRequest } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { expireVerifications } from "../patient/verification.service";
import { type InboundCtx, handleGowaEvent } from "./inbound.service";
import * as inbox from "./inbox.repository";

export type WebhookCtx = InboundCtx & {
  gowaWebhookSecret: string;
  inboxProcessing: "after-response" | "worker";
  afterResponse: (task: () => Promise<void>) => void;
};

export type WebhookOutcome = { status: "accepted" | "duplicate" | "ignored"; inboxId?: number };

/**
 * Verifies, validates and stores one GOWA webhook, then schedules its processing after the
 * response. Once this returns the event is durable: a crash before processing leaves an inbox
 * row the sweeper picks up.
 */
export async function acceptGowaWebhook(ctx: WebhookCtx, rawBody: string, signature: string | null): Promise<WebhookOutcome> {
  if (!verifyGowaSignature(rawBody, signature, ctx.gowaWebhookSecret)) {
    throw new AppError("UNAUTHENTICATED", "X-Hub-Signature-256: missing or does not match the body");
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badRequest("body", "not valid JSON");
  }
  const event = parseGowaEvent(json);
  if (event.kind === "ignored") return { status: "ignored" };
  const keys = inboxKeys(event);
  const row = await inbox.insertInboxEvent(ctx.db, { provider: "gowa", event: event.kind, payload: json, ...keys });
  if (!row) return { status: "duplicate" };
  // with a worker, this process only stores and acknowledges, then wakes the worker: processing never competes with acks
  if (ctx.inboxProcessing === "worker") ctx.afterResponse(() => wakeWorker(ctx, keys.senderKey));
  else ctx.afterResponse(() => scheduleChat(ctx, keys.senderKey));
  return { status: "accepted", inboxId: row.id };
}

/**
 * Wake-ups for the inbox worker, one statement at a time: chats that arrive while one is on its way
 * go together in the next. A wake-up that fails is only logged: the event is stored, and the
 * worker's periodic catch-up finds it.
 */
const waking = { keys: new Set<string>(), sending: null as Promise<void> | null };

function wakeWorker(ctx: InboundCtx, senderKey: string): Promise<void> {
  waking.keys.add(senderKey);
  waking.sending ??= (async () => {
    while (waking.keys.size > 0) {
      const keys = [...waking.keys];
      waking.keys.clear();
      await inbox.notifyInboxChats(ctx.db, keys).catch((error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.name : "unknown", chats: keys.length }, "could not wake the inbox worker");
      });
    }
    waking.sending = null;
  })();
  return waking.sending;
}

/**
 * At most `limit` chats are processed at once per process. In the web process it stays at 2: under
 * a burst, acknowledgements must not wait behind processing for a database connection or the CPU.
 * The inbox worker raises it. Work beyond it waits its turn here (and, should the process die, in
 * the inbox for the worker's catch-up or the sweeper).
 */
const gate = {
  limit: 2,
  active: 0,
  waiting: [] as Array<{ key: string; ctx: InboundCtx; done: Array<() => void> }>,
  idle: [] as Array<() => void>,
};

export function setChatConcurrency(limit: number): void {
  gate.limit = Math.max(1, limit);
  pump();
}

/**
 * Drops the chats waiting for a turn in this process (a stopping worker): their events stay open in
 * the inbox for the next worker's catch-up. Chats already running are left to finish.
 */
export function dropWaitingChats(): void {
  for (const job of gate.waiting.splice(0)) for (const done of job.done) done();
  pump();
}

/** Resolves once no chat is being processed or waiting in this process. */
export function whenChatsIdle(): Promise<void> {
  if (gate.active === 0 && gate.waiting.length === 0) return Promise.resolve();
  return new Promise((resolve) => gate.idle.push(resolve));
}

export function scheduleChat(ctx: InboundCtx, senderKey: string): Promise<void> {
  return new Promise((resolve) => {
    const queued = gate.waiting.find((w) => w.key === senderKey);
    if (queued) queued.done.push(resolve); // that run will take this event too
    else gate.waiting.push({ key: senderKey, ctx, done: [resolve] });
    pump();
  });
}

function pump(): void {
  if (gate.active === 0 && gate.waiting.length === 0) for (const resolve of gate.idle.splice(0)) resolve();
  while (gate.active < gate.limit && gate.waiting.length > 0) {
    const job = gate.waiting.shift();
    if (!job) return;
    gate.active++;
    processChat(job.ctx, job.key)
      .catch((error: unknown) => logger.error({ err: error }, "chat processing failed"))
      .finally(() => {
        gate.active--;
        for (const done of job.done) done();
        pump();
      });
  }
}

/** GOWA's own ids make the dedupe key; the chat makes the ordering key. */
export function inboxKeys(event: Exclude<GowaEvent, { kind: "ignored" }>): { eventKey: string; senderKey: string } {
  const device = event.sessionId ?? event.deviceId ?? "-";
  const chat = event.chatId ?? event.from?.jid ?? "-";
  const senderKey = `${device}|${chat}`;
  if (event.kind === "message.ack") {
    return { eventKey: `${device}:ack:${event.receipt}:${[...event.messageIds].sort().join(",")}`, senderKey };
  }
  return { eventKey: `${device}:${event.kind}:${event.id}`, senderKey };
}

/** Processes a chat's open events in arrival order until none is left (or another worker holds one). */
export async function processChat(ctx: InboundCtx, senderKey: string): Promise<number> {
  let processed = 0;
  let row = await inbox.claimNextInChat(ctx.db, { senderKey });
  while (row) {
    const current = row;
    try {
      await handleGowaEvent(ctx, parseGowaEvent(current.payload), current.id);
      // done, and the chat's next event claimed, in one round trip
      row = await inbox.markInboxDoneAndClaimNext(ctx.db, { id: current.id, senderKey });
      processed++;
    } catch (error) {
      const code = error instanceof AppError ? error.code : error instanceof Error ? error.name : "UNKNOWN";
      logger.error({ inboxId: current.id, attempts: current.attempts, code, err: error }, "inbox event failed");
      await inbox.markInboxFailed(ctx.db, { id: current.id, attempts: current.attempts, error: code });
      return processed; // later events of this chat wait: order matters more than speed
    }
  }
  return processed;
}

export type SweepSummary = { chats: number; processed: number; expiredVerifications: number };

/**
 * The cron sweeper: events nobody finished (the process died after acknowledging them, or a
 * worker's lease ran out) are processed now, within a time budget.
 */
export async function sweepInbox(ctx: InboundCtx, options: { budgetMs?: number; olderThanSeconds?: number } = {}): Promise<SweepSummary> {
  const deadline = Date.now() + (options.budgetMs ?? 20_000);
  const chats = await inbox.findStaleChats(ctx.db, { olderThanSeconds: options.olderThanSeconds ?? 10, limit: 500 });
  let processed = 0;
  let visited = 0;
  for (const chat of chats) {
    if (Date.now() > deadline) break;
    processed += await processChat(ctx, chat);
    visited++;
  }
  const expiredVerifications = await expireVerifications(ctx);
  return { chats: visited, processed, expiredVerifications };
}
