/**
 * `bun run worker` — processes stored GOWA webhooks when the web app runs with
 * INBOX_PROCESSING=worker (see README, "Inbound processing"). Needs DATABASE_URL; run one or more
 * beside `bun run start`. SIGTERM/SIGINT finish the chats in hand and exit.
 */
import { setPriority } from "node:os";
import { lowerBackendPriority } from "@/db/backend-priority";
import { listenPostgres } from "@/db/listen";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getRuntime } from "@/lib/runtime";
import { startInboxWorker } from "@/services/messaging/inbox-worker.service";
import { INBOX_CHANNEL } from "@/services/messaging/inbox.repository";

// named in pg_stat_activity, so its database backends can be found (below)
process.env.DATABASE_APPLICATION_NAME ??= "careloop-inbox-worker";
// Every write of this process can be redone: the events it works from were stored durably by the web
// app, and an event is marked done in the same order as its effects. So its commits need not wait
// for the disk: a database crash loses at most the last moment of processing (never a middle part),
// and those events, still open, are processed again. The cost: a reply sent in that moment may be
// sent twice. Acknowledging webhooks keeps waiting for the disk. DATABASE_SYNCHRONOUS_COMMIT=on
// turns this off.
process.env.DATABASE_SYNCHRONOUS_COMMIT ??= "off";
const config = env();
if (!config.DATABASE_URL) {
  process.stderr.write("The inbox worker needs DATABASE_URL (PostgreSQL shared with the web app).\n");
  process.exit(2);
}
const databaseUrl = config.DATABASE_URL;
// Acknowledging webhooks at once matters more than processing them a few milliseconds sooner:
// on a shared machine the scheduler favours the web process.
const NICE = 10;
try {
  setPriority(NICE);
} catch {
  // not permitted here: run at normal priority
}
const rt = await getRuntime();
// The same for the database's side of this worker when PostgreSQL runs on this machine: its backends
// are found by name, again as the pool opens new connections.
const lowerDatabasePriority = () =>
  lowerBackendPriority(rt.db, databaseUrl, config.DATABASE_APPLICATION_NAME, NICE).catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.name : "unknown" }, "could not lower the database backends' priority");
    return 0;
  });
setInterval(() => void lowerDatabasePriority(), 5_000).unref();
// there is no response to wait for here: follow-up work runs now
const ctx = { ...rt, afterResponse: (task: () => Promise<void>) => void task().catch((error: unknown) => logger.error({ err: error }, "worker task failed")) };
const worker = await startInboxWorker(ctx, (handlers) => listenPostgres(databaseUrl, INBOX_CHANNEL, handlers), {
  concurrency: config.INBOX_WORKER_CONCURRENCY,
});
logger.info({ concurrency: config.INBOX_WORKER_CONCURRENCY, backendsLowered: await lowerDatabasePriority() }, "inbox worker listening");

// A chat still running after this long is left to the inbox: its lease runs out and another worker
// (or the sweeper) claims it again.
const STOP_DEADLINE_MS = 15_000;
const shutdown = async () => {
  const deadline = setTimeout(() => {
    logger.warn("inbox worker stopped with chats still running");
    process.exit(1);
  }, STOP_DEADLINE_MS);
  deadline.unref();
  await worker.stop();
  process.exit(0);
};
process.once("SIGTERM", () => void shutdown());
process.once("SIGINT", () => void shutdown());
