import { z } from "zod";

/**
 * Configuration, read once and validated. Every real service switches on from its variable;
 * with none set the app runs on embedded defaults (PGlite, memory, disk, rules, dev sign-in).
 * Tests never import this module: they hand configuration to the code under test.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const intFrom = (def: number) => z.coerce.number().int().nonnegative().default(def);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_URL: z.string().url().default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    DATABASE_URL: optional.pipe(z.string().url().startsWith("postgres").optional()),
    PGLITE_DIR: z.string().default(".data/pglite"),
    DATABASE_POOL_MAX: intFrom(20),
    // connections a `next start` server opens before its first request (0: on demand, right for serverless)
    DATABASE_POOL_WARM: intFrom(0),
    // how this process's connections appear in pg_stat_activity (`bun run worker` names its own)
    DATABASE_APPLICATION_NAME: z.string().min(1).max(63).default("careloop"),
    // "off" only where every write can be redone: `bun run worker` (see scripts/inbox-worker.ts)
    DATABASE_SYNCHRONOUS_COMMIT: z.enum(["on", "off"]).default("on"),
    REDIS_URL: optional.pipe(z.string().url().startsWith("redis").optional()),

    SESSION_SECRET: optional.pipe(z.string().min(32, "must be at least 32 characters").optional()),

    CLERK_SECRET_KEY: optional,
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: optional,
    CLERK_JWT_KEY: optional,
    CLERK_WEBHOOK_SIGNING_SECRET: optional,
    ADMIN_EMAILS: optional,

    CRON_SECRET: optional,
    CRON_BUDGET_MS: intFrom(50_000),

    GOWA_API_URL: optional.pipe(z.string().url().optional()),
    GOWA_BASIC_AUTH: optional.pipe(z.string().regex(/^[^:]+:.*$/, "must be user:password").optional()),
    GOWA_BASE_PATH: optional,
    GOWA_DEVICE_ID: optional,
    GOWA_WEBHOOK_SECRET: optional,
    GOWA_PACING_MS: intFrom(1000),
    GOWA_PACING_JITTER_MS: intFrom(250),
    GOWA_SIM_PORT: intFrom(3100),
    INBOUND_RATE_LIMIT_PER_MINUTE: intFrom(10),
    // after-response: the web process handles each webhook after acknowledging it (Vercel, `bun run dev`);
    // worker: the web process only stores and acknowledges, `bun run worker` processes (needs DATABASE_URL)
    INBOX_PROCESSING: z.enum(["after-response", "worker"]).default("after-response"),
    INBOX_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),

    ANTHROPIC_API_KEY: optional,
    ANTHROPIC_MODEL: z.string().default("claude-haiku-4-5"),
    ANTHROPIC_BASE_URL: optional.pipe(z.string().url().optional()),
    ANTHROPIC_TIMEOUT_MS: intFrom(8000),

    STORAGE_DIR: z.string().default(".data/media"),
    MINIO_ENDPOINT: optional.pipe(z.string().url().optional()),
    MINIO_ACCESS_KEY: optional,
    MINIO_SECRET_KEY: optional,
    MINIO_BUCKET: z.string().default("careloop-media"),
  })
  .superRefine((env, ctx) => {
    const clerk = Boolean(env.CLERK_SECRET_KEY && env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
    if (env.NODE_ENV === "production" && !clerk) {
      ctx.addIssue({
        code: "custom",
        path: ["CLERK_SECRET_KEY"],
        message: "production needs Clerk (CLERK_SECRET_KEY and NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY); the dev sign-in never runs in production",
      });
    }
    if (env.MINIO_ENDPOINT && (!env.MINIO_ACCESS_KEY || !env.MINIO_SECRET_KEY)) {
      ctx.addIssue({ code: "custom", path: [env.MINIO_ACCESS_KEY ? "MINIO_SECRET_KEY" : "MINIO_ACCESS_KEY"], message: "required with MINIO_ENDPOINT" });
    }
    if (env.NODE_ENV === "production" && !env.GOWA_API_URL) {
      ctx.addIssue({ code: "custom", path: ["GOWA_API_URL"], message: "required in production (the simulator is for development)" });
    }
    if (env.NODE_ENV === "production" && !env.GOWA_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["GOWA_WEBHOOK_SECRET"], message: "required in production: webhooks must be signed with a secret of ours" });
    }
    if (env.NODE_ENV === "production" && !env.CRON_SECRET) {
      ctx.addIssue({ code: "custom", path: ["CRON_SECRET"], message: "required in production: cron routes refuse calls without it" });
    }
    if (env.INBOX_PROCESSING === "worker" && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["INBOX_PROCESSING"], message: "worker needs DATABASE_URL: the embedded database cannot be shared with a worker process" });
    }
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET && !clerk) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "required in production" });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one Error naming every bad variable and why. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const clerkEnabled = (e: Env = env()) => Boolean(e.CLERK_SECRET_KEY && e.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY);
