import { readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "./client";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/** True when the URL's server runs on this machine (loopback or a Unix socket), so its pids are ours to see. */
export function isLocalDatabase(databaseUrl: string): boolean {
  if (/[?&]host=(?:\/|%2F)/i.test(databaseUrl)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(databaseUrl).hostname);
  } catch {
    return false; // not a URL we can read: assume elsewhere
  }
}

function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return false;
  }
}

/**
 * Gives the PostgreSQL backends serving connections named `applicationName` the CPU priority
 * `nice`, when the database runs on this machine and the OS allows it (same user or root); does
 * nothing otherwise. The inbox worker uses it so that, on a machine shared with the web app, the
 * database work of background processing yields to the acknowledgement of webhooks, as the worker's
 * own process does. Returns how many backends were changed.
 */
export async function lowerBackendPriority(db: Db, databaseUrl: string, applicationName: string, nice: number): Promise<number> {
  if (!isLocalDatabase(databaseUrl)) return 0;
  const rows = rowsOf<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where application_name = ${applicationName}`));
  let changed = 0;
  for (const { pid } of rows) {
    // a pid from the server's view is only touched when it is a PostgreSQL process here
    if (!isPostgresProcess(pid)) continue;
    try {
      setPriority(pid, nice);
      changed++;
    } catch {
      // not permitted (another user's process): leave it
    }
  }
  return changed;
}
