import { randomUUID } from "node:crypto";
import { getPriority } from "node:os";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLocalDatabase, lowerBackendPriority } from "../src/db/backend-priority";
import { connectPostgres, type DbHandle, rowsOf } from "../src/db/client";
import { TEST_DATABASE_URL } from "./support/database";

const name = `careloop-nice-${randomUUID().slice(0, 8)}`;
let handle: DbHandle;

beforeAll(async () => {
  handle = await connectPostgres(TEST_DATABASE_URL, { max: 2, applicationName: name });
});
afterAll(async () => {
  await handle.close();
});

describe("lowering the priority of a process's database backends", () => {
  it("knows a database on this machine from one elsewhere", () => {
    expect(isLocalDatabase("postgres://postgres@127.0.0.1:5432/x")).toBe(true);
    expect(isLocalDatabase("postgres://postgres@localhost/x")).toBe(true);
    expect(isLocalDatabase("postgres://postgres@/x?host=/var/run/postgresql")).toBe(true);
    expect(isLocalDatabase("postgres://postgres@db.internal:5432/x")).toBe(false);
  });

  it("leaves a remote database's pids alone, without asking it", async () => {
    expect(await lowerBackendPriority(handle.db, "postgres://postgres@db.internal:5432/x", name, 9)).toBe(0);
  });

  // renicing another user's process (PostgreSQL's) needs root, as in CI and on a single-box deploy
  it.skipIf(process.getuid?.() !== 0)("renices the backends serving the named connections, and only those", async () => {
    // two queries at once: the pool opens both connections
    const pids = await Promise.all(
      [0, 1].map(async () => rowsOf<{ pid: number }>(await handle.db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`))[0]?.pid as number),
    );
    expect(new Set(pids).size).toBe(2);
    expect(await lowerBackendPriority(handle.db, TEST_DATABASE_URL, name, 7)).toBe(2);
    for (const pid of pids) expect(getPriority(pid)).toBe(7);
    // a backend of another application keeps its priority
    const [other] = rowsOf<{ pid: number }>(
      await handle.db.execute(sql`select pid from pg_stat_activity where backend_type = 'client backend' and application_name <> ${name} limit 1`),
    );
    if (other) expect(getPriority(other.pid)).not.toBe(7);
  });
});

describe("connection settings for work that can be redone", () => {
  it("commits without waiting for the disk only when asked, and names the connections", async () => {
    const setting = async (h: DbHandle) =>
      rowsOf<{ sc: string; app: string }>(await h.db.execute(sql`select current_setting('synchronous_commit') as sc, current_setting('application_name') as app`))[0];
    const worker = await connectPostgres(TEST_DATABASE_URL, { max: 1, synchronousCommit: false, applicationName: "careloop-test-worker" });
    try {
      expect(await setting(worker)).toEqual({ sc: "off", app: "careloop-test-worker" });
      expect((await setting(handle))?.sc).toBe("on");
    } finally {
      await worker.close();
    }
  });
});
