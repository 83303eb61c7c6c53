import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Start-up refuses bad configuration with a message naming the variable, before touching anything. */
function startDev(env: Record<string, string>) {
  return spawnSync("bun", ["scripts/dev.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up configuration", () => {
  it("refuses production without Clerk keys", () => {
    const run = startDev({ NODE_ENV: "production" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CLERK_SECRET_KEY: production needs Clerk");
  });

  it("names a malformed variable", () => {
    const run = startDev({ DATABASE_URL: "not a url", PGLITE_DIR: "/nonexistent/never-created" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL: /);
  });
});
