import { sql } from "drizzle-orm";
import type Redis from "ioredis";
import type { Db } from "@/db/client";

type Check = { status: "ok" } | { status: "down"; error: string };
export type Readiness = { status: "ok" | "down"; checks: Record<string, Check> };

const TIMEOUT_MS = 2000;

export async function checkReadiness(deps: { db: Db; redis?: Redis; databaseKind?: string }): Promise<Readiness> {
  const checks: Record<string, Check> = {
    database: await probe(() => deps.db.execute(sql`select 1`)),
  };
  const redis = deps.redis;
  if (redis) checks.redis = await probe(() => redis.ping());
  const status = Object.values(checks).every((c) => c.status === "ok") ? "ok" : "down";
  return { status, checks };
}

async function probe(run: () => Promise<unknown>): Promise<Check> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS))),
    ]);
    return { status: "ok" };
  } catch (error) {
    return { status: "down", error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
