import { afterAll } from "vitest";
import { connectPostgres } from "../../src/db/client";
import { systemClock } from "../../src/lib/clock";
import { setRuntime } from "../../src/lib/runtime";
import { TEST_DATABASE_URL } from "./database";

/**
 * Every test file gets a runtime on the test database, installed before any route runs, so
 * nothing reads the process environment. Connections open on first use.
 */
export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef";

const handle = await connectPostgres(TEST_DATABASE_URL, { max: 4 });
setRuntime({
  db: handle.db,
  databaseKind: "postgres",
  clock: systemClock,
  sessionSecret: TEST_SESSION_SECRET,
  devSignIn: true,
  secureCookies: false,
});

afterAll(async () => {
  await handle.close();
});
