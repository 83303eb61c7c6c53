import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Redis from "ioredis";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Db, DbHandle } from "@/db/client";
import type { ClerkConfig } from "@/integrations/clerk/config";
import type { GowaMediaFetcher } from "@/integrations/gowa/media";
import type { Pacer } from "@/integrations/gowa/pacing";
import type { ObjectStorage } from "@/integrations/storage/types";
import type { GowaSender } from "@/integrations/gowa/types";
import type { Classifier } from "@/services/messaging/classifier/types";
import { type Clock, systemClock } from "./clock";
import { logger } from "./logger";

/**
 * What a request needs from the outside world, built once per process from the environment.
 * Route wrappers take it from here; tests install their own with `setRuntime` and never touch env.
 */
export type Runtime = {
  db: Db;
  clock: Clock;
  /** Signs dev sign-in session cookies. */
  sessionSecret: string;
  /** The dev sign-in is offered only without Clerk and outside production. */
  devSignIn: boolean;
  /** Set when Clerk is configured: staff sign in through Clerk and sessions verify with its JWT key. */
  clerk?: ClerkConfig;
  secureCookies: boolean;
  redis?: Redis;
  databaseKind: DbHandle["kind"];
  /** Bearer token cron routes require. */
  cronSecret: string;
  gowa: GowaSender;
  /** Verifies `X-Hub-Signature-256` on GOWA webhooks. */
  gowaWebhookSecret: string;
  /** Spaces sends per WhatsApp device. */
  pacer: Pacer;
  /** Inbound messages per sender per minute that get automatic answers. */
  inboundLimiter: RateLimiterAbstract;
  classifier: Classifier;
  /** Media of inbound messages: files on disk, or MinIO when MINIO_* is set. */
  storage: ObjectStorage;
  gowaMedia: GowaMediaFetcher;
  /** How long one reminder cron call may keep sending (CRON_BUDGET_MS, default 50 s). */
  cronBudgetMs: number;
  /** Live status of a WhatsApp device (GOWA `/app/status`). */
  gowaStatus?: (deviceId: string | undefined) => Promise<import("@/integrations/gowa/status").GowaDeviceStatus>;
  /** Who processes stored webhooks: this process after each response, or a separate `bun run worker`. */
  inboxProcessing: "after-response" | "worker";
  /** Runs work after the response is sent (Next's `after`); the inbox sweeper catches anything lost. */
  afterResponse: (task: () => Promise<void>) => void;
};

type Holder = { runtime?: Runtime; pending?: Promise<Runtime> };
// On globalThis so Next's dev reloads reuse one database connection (PGlite allows only one).
const holder: Holder = ((globalThis as { __careloop?: Holder }).__careloop ??= {});

export function setRuntime(runtime: Runtime): void {
  holder.runtime = runtime;
  holder.pending = undefined;
}

export async function getRuntime(): Promise<Runtime> {
  if (holder.runtime) return holder.runtime;
  holder.pending ??= buildRuntimeFromEnv().then((runtime) => (holder.runtime = runtime));
  return holder.pending;
}

async function buildRuntimeFromEnv(): Promise<Runtime> {
  const { env, clerkEnabled } = await import("./env");
  const { connect, migrate } = await import("@/db/client");
  const config = env();
  const handle = await connect({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    max: config.DATABASE_POOL_MAX,
    applicationName: config.DATABASE_APPLICATION_NAME,
    synchronousCommit: config.DATABASE_SYNCHRONOUS_COMMIT === "on",
  });
  // The embedded database is this process's own: bring it up to date on start.
  if (handle.kind === "pglite") await migrate(handle);
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    const { default: IORedis } = await import("ioredis");
    // not lazy: rate-limiter-flexible and the pacer expect a connecting client
    redis = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself; readiness reports the outage, so log it without crashing
    redis.on("error", (error: Error) => logger.warn({ code: (error as { code?: string }).code }, "redis connection error"));
  }
  const production = config.NODE_ENV === "production";
  const dataDir = path.dirname(config.PGLITE_DIR);
  const { createGowaClient } = await import("@/integrations/gowa/client");
  const { createPacer, createMemoryPacerStore, createRedisPacerStore } = await import("@/integrations/gowa/pacing");
  const { RateLimiterMemory, RateLimiterRedis } = await import("rate-limiter-flexible");
  const { selectClassifier } = await import("@/services/messaging/classifier/select-classifier");
  const { after } = await import("next/server");
  const { clerkConfigFromEnv } = await import("@/integrations/clerk/config");
  const { createGowaMediaFetcher } = await import("@/integrations/gowa/media");
  const { createDiskStorage } = await import("@/integrations/storage/disk");
  const { createMinioStorage } = await import("@/integrations/storage/minio");
  const gowaBaseUrl = config.GOWA_API_URL ?? `http://localhost:${config.GOWA_SIM_PORT}`;
  const [gowaUser, ...gowaPassword] = (config.GOWA_BASIC_AUTH ?? "").split(":");
  const limiterOptions = { points: config.INBOUND_RATE_LIMIT_PER_MINUTE, duration: 60, keyPrefix: "careloop:inbound" };
  return {
    db: handle.db,
    databaseKind: handle.kind,
    clock: systemClock,
    sessionSecret: config.SESSION_SECRET ?? localSecret(dataDir, "session-secret"),
    devSignIn: !production && !clerkEnabled(config),
    clerk: clerkEnabled(config) ? clerkConfigFromEnv(config) : undefined,
    secureCookies: config.APP_URL.startsWith("https://"),
    redis,
    cronSecret: config.CRON_SECRET ?? localSecret(dataDir, "cron-secret"),
    // without GOWA_API_URL the app talks to the simulator that `bun run dev` starts
    gowa: createGowaClient({
      baseUrl: gowaBaseUrl,
      basePath: config.GOWA_BASE_PATH,
      username: gowaUser || undefined,
      password: gowaPassword.join(":") || undefined,
      deviceId: config.GOWA_DEVICE_ID,
    }),
    // GOWA's own default secret is "secret"; production requires GOWA_WEBHOOK_SECRET (env.ts)
    gowaWebhookSecret: config.GOWA_WEBHOOK_SECRET ?? "secret",
    pacer: createPacer({
      minIntervalMs: config.GOWA_PACING_MS,
      jitterMs: config.GOWA_PACING_JITTER_MS,
      store: redis ? createRedisPacerStore(redis) : createMemoryPacerStore(),
    }),
    inboundLimiter: redis ? new RateLimiterRedis({ storeClient: redis, ...limiterOptions }) : new RateLimiterMemory(limiterOptions),
    classifier: selectClassifier({
      apiKey: config.ANTHROPIC_API_KEY,
      model: config.ANTHROPIC_MODEL,
      baseURL: config.ANTHROPIC_BASE_URL,
      timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
    }),
    cronBudgetMs: config.CRON_BUDGET_MS,
    storage:
      config.MINIO_ENDPOINT && config.MINIO_ACCESS_KEY && config.MINIO_SECRET_KEY
        ? createMinioStorage({ endpoint: config.MINIO_ENDPOINT, accessKey: config.MINIO_ACCESS_KEY, secretKey: config.MINIO_SECRET_KEY, bucket: config.MINIO_BUCKET })
        : createDiskStorage(config.STORAGE_DIR),
    gowaStatus: async (deviceId) => {
      const { fetchGowaDeviceStatus } = await import("@/integrations/gowa/status");
      return fetchGowaDeviceStatus({ baseUrl: gowaBaseUrl, basePath: config.GOWA_BASE_PATH, username: gowaUser || undefined, password: gowaPassword.join(":") || undefined, deviceId });
    },
    gowaMedia: createGowaMediaFetcher({ baseUrl: gowaBaseUrl, username: gowaUser || undefined, password: gowaPassword.join(":") || undefined }),
    inboxProcessing: config.INBOX_PROCESSING,
    afterResponse: (task) =>
      after(() => task().catch((error: unknown) => logger.error({ err: error }, "after-response task failed"))),
  };
}

/** Outside production a secret is generated once and kept beside the embedded data, so sessions survive restarts. */
export function localSecret(dir: string, name: string): string {
  const file = path.join(dir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
