import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type Redis from "ioredis";
import type { Db, DbHandle } from "@/db/client";
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
  secureCookies: boolean;
  redis?: Redis;
  databaseKind: DbHandle["kind"];
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
  const handle = await connect({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  // The embedded database is this process's own: bring it up to date on start.
  if (handle.kind === "pglite") await migrate(handle);
  let redis: Redis | undefined;
  if (config.REDIS_URL) {
    const { default: IORedis } = await import("ioredis");
    redis = new IORedis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself; readiness reports the outage, so log it without crashing
    redis.on("error", (error: Error) => logger.warn({ code: (error as { code?: string }).code }, "redis connection error"));
  }
  const production = config.NODE_ENV === "production";
  return {
    db: handle.db,
    databaseKind: handle.kind,
    clock: systemClock,
    sessionSecret: config.SESSION_SECRET ?? localSessionSecret(path.dirname(config.PGLITE_DIR)),
    devSignIn: !production && !clerkEnabled(config),
    secureCookies: config.APP_URL.startsWith("https://"),
    redis,
  };
}

/** Outside production a secret is generated once and kept beside the embedded data, so sessions survive restarts. */
function localSessionSecret(dir: string): string {
  const file = path.join(dir, "session-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
