import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterAll } from "vitest";
import { connectPostgres } from "../../src/db/client";
import { createFakeGowaSender } from "../../src/integrations/gowa/fake";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createMemoryPacerStore, createPacer } from "../../src/integrations/gowa/pacing";
import { createDiskStorage } from "../../src/integrations/storage/disk";
import { systemClock } from "../../src/lib/clock";
import { setRuntime } from "../../src/lib/runtime";
import { rulesClassifier } from "../../src/services/messaging/classifier/rules";
import { TEST_DATABASE_URL } from "./database";

/**
 * Every test file gets a runtime on the test database, installed before any route runs, so
 * nothing reads the process environment. Connections open on first use. WhatsApp goes to an
 * in-memory fake unless a test swaps in the simulator.
 */
export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef";
export const TEST_CRON_SECRET = "test-cron-secret";
export const TEST_WEBHOOK_SECRET = "test-webhook-secret";

/** Work the routes schedule "after the response"; `settleAfterResponse()` waits for all of it. */
const pending = new Set<Promise<void>>();
export async function settleAfterResponse(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}

export const testGowa = createFakeGowaSender();

const handle = await connectPostgres(TEST_DATABASE_URL, { max: 6 });
setRuntime({
  db: handle.db,
  databaseKind: "postgres",
  clock: systemClock,
  sessionSecret: TEST_SESSION_SECRET,
  devSignIn: true,
  secureCookies: false,
  cronSecret: TEST_CRON_SECRET,
  gowa: testGowa,
  gowaWebhookSecret: TEST_WEBHOOK_SECRET,
  pacer: createPacer({ minIntervalMs: 0, store: createMemoryPacerStore() }),
  inboundLimiter: new RateLimiterMemory({ points: 10, duration: 60 }),
  classifier: rulesClassifier,
  cronBudgetMs: 20_000,
  storage: createDiskStorage(mkdtempSync(path.join(tmpdir(), "careloop-media-"))),
  // GOWA's media folder is not reachable in most tests; the media test serves one of its own
  gowaMedia: async () => null,
  inboxProcessing: "after-response",
  afterResponse: (task) => {
    const run: Promise<void> = task().finally(() => pending.delete(run));
    pending.add(run);
  },
});

afterAll(async () => {
  await settleAfterResponse();
  await handle.close();
});
