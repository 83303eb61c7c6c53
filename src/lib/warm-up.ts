import { sql } from "drizzle-orm";
import { env } from "./env";
import { logger } from "./logger";
import { getRuntime } from "./runtime";

/**
 * Opens DATABASE_POOL_WARM connections of the pool before traffic needs them. A new PostgreSQL
 * connection costs tens of milliseconds of CPU on both sides; opened on demand, a fresh server
 * opens them all during its first burst, when it is slowest anyway (webhooks at 200/s to a fresh
 * `next start`: the first second's acknowledgements took up to 1.6-1.9 s with 20 connections
 * opening under load, 0.35-1.1 s with them open). Failures are only logged: readiness reports
 * a database that is down.
 */
export async function warmDatabasePool(): Promise<void> {
  try {
    const config = env();
    const count = Math.min(config.DATABASE_POOL_WARM, config.DATABASE_POOL_MAX);
    if (!config.DATABASE_URL || count === 0) return;
    const rt = await getRuntime();
    // concurrent queries: the pool opens one connection for each
    await Promise.all(Array.from({ length: count }, () => rt.db.execute(sql`select 1`)));
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.name : "unknown" }, "database pool warm-up failed");
  }
}
