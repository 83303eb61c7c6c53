import { logger } from "@/lib/logger";
import type { InboundCtx } from "./inbound.service";
import * as inbox from "./inbox.repository";
import { dropWaitingChats, scheduleChat, setChatConcurrency, whenChatsIdle } from "./webhook.service";

/** Where the worker hears of new events: a LISTEN on the inbox channel (src/db/listen.ts). */
export type InboxSignal = (handlers: { onNotify: (senderKey: string) => void; onListen: () => void }) => Promise<{ close(): Promise<void> }>;

export type InboxWorker = {
  /** Schedules every chat that has open events (start-up, reconnects and the periodic pass). */
  catchUp(): Promise<number>;
  /** Stops listening, leaves queued chats to the inbox and waits for the chats in hand to finish. */
  stop(): Promise<void>;
};

/**
 * The inbox worker (`bun run worker`, with INBOX_PROCESSING=worker): the web process stores each
 * webhook and notifies; this process runs the pipeline. Notifications only wake it up — the
 * inbox stays the truth: on start, after a reconnect and every `catchUpEveryMs` it schedules any
 * chat with open events, so events stored while no worker listened (or whose worker died) are
 * processed too. Several workers may run: claims are row locks, a chat's order is kept.
 */
export async function startInboxWorker(
  ctx: InboundCtx,
  signal: InboxSignal,
  options: { concurrency: number; catchUpEveryMs?: number },
): Promise<InboxWorker> {
  setChatConcurrency(options.concurrency);
  let stopped = false;
  const catchUp = async () => {
    if (stopped) return 0;
    // events of any age: a notification may have been lost while nobody listened
    const chats = await inbox.findStaleChats(ctx.db, { olderThanSeconds: 0, limit: 1000 });
    for (const chat of chats) void scheduleChat(ctx, chat);
    return chats.length;
  };
  const logCatchUpFailure = (error: unknown) => logger.error({ err: error }, "inbox catch-up failed");
  const listener = await signal({
    onNotify: (senderKey) => {
      if (!stopped) void scheduleChat(ctx, senderKey);
    },
    onListen: () => void catchUp().catch(logCatchUpFailure),
  });
  const timer = setInterval(() => void catchUp().catch(logCatchUpFailure), options.catchUpEveryMs ?? 5_000);
  timer.unref?.();
  return {
    catchUp,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      dropWaitingChats();
      await listener.close();
      await whenChatsIdle();
    },
  };
}
