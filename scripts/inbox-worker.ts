/**
 * `bun run worker` — processes stored GOWA webhooks when the web app runs with
 * INBOX_PROCESSING=worker (see README, "Inbound processing"). Needs DATABASE_URL; run one or more
 * beside `bun run start`. SIGTERM/SIGINT finish the chats in hand and exit.
 */
import { setPriority } from "node:os";
import { listenPostgres } from "@/db/listen";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getRuntime } from "@/lib/runtime";
import { startInboxWorker } from "@/services/messaging/inbox-worker.service";
import { INBOX_CHANNEL } from "@/services/messaging/inbox.repository";

const config = env();
if (!config.DATABASE_URL) {
  process.stderr.write("The inbox worker needs DATABASE_URL (PostgreSQL shared with the web app).\n");
  process.exit(2);
}
const databaseUrl = config.DATABASE_URL;
// Acknowledging webhooks at once matters more than processing them a few milliseconds sooner:
// on a shared machine the scheduler favours the web process.
try {
  setPriority(10);
} catch {
  // not permitted here: run at normal priority
}
const rt = await getRuntime();
// there is no response to wait for here: follow-up work runs now
const ctx = { ...rt, afterResponse: (task: () => Promise<void>) => void task().catch((error: unknown) => logger.error({ err: error }, "worker task failed")) };
const worker = await startInboxWorker(ctx, (handlers) => listenPostgres(databaseUrl, INBOX_CHANNEL, handlers), {
  concurrency: config.INBOX_WORKER_CONCURRENCY,
});
logger.info({ concurrency: config.INBOX_WORKER_CONCURRENCY }, "inbox worker listening");

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
