import { describe, expect, it } from "vitest";
import { clerkEnabled, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs on embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(clerkEnabled(env)).toBe(false);
  });

  it("processes webhooks after the response unless a worker is asked for, which needs PostgreSQL", () => {
    expect(parseEnv({}).INBOX_PROCESSING).toBe("after-response");
    expect(() => parseEnv({ INBOX_PROCESSING: "worker" })).toThrow(/INBOX_PROCESSING: worker needs DATABASE_URL/);
    expect(() => parseEnv({ INBOX_PROCESSING: "later" })).toThrow(/INBOX_PROCESSING/);
    expect(parseEnv({ INBOX_PROCESSING: "worker", DATABASE_URL: "postgres://db/careloop" }).INBOX_WORKER_CONCURRENCY).toBe(4);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", REDIS_URL: " " }).DATABASE_URL).toBeUndefined();
  });

  it("refuses production without Clerk keys, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/CLERK_SECRET_KEY: production needs Clerk/);
  });

  it("accepts production with Clerk keys, a gateway and its secrets", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      CLERK_SECRET_KEY: "sk_test_x",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_x",
      GOWA_API_URL: "http://gowa:3000",
      GOWA_WEBHOOK_SECRET: "a-webhook-secret",
      CRON_SECRET: "a-cron-secret",
    });
    expect(clerkEnabled(env)).toBe(true);
  });

  it("names a malformed variable and says why", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: /);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

describe("parseEnv in production", () => {
  it("requires the WhatsApp gateway, its webhook secret and the cron secret", () => {
    const run = () => parseEnv({ NODE_ENV: "production", CLERK_SECRET_KEY: "sk", NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk" });
    expect(run).toThrow(/GOWA_API_URL: required in production/);
    expect(run).toThrow(/GOWA_WEBHOOK_SECRET: required in production/);
    expect(run).toThrow(/CRON_SECRET: required in production/);
  });
});
