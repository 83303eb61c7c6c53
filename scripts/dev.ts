/**
 * `bun run dev` — the whole product on one machine with no configuration: applies migrations,
 * seeds an empty database with the Demo Clinic, starts the GOWA simulator (unless GOWA_API_URL
 * points at a real gateway), runs Next.js in development mode, and calls the cron routes every
 * minute the way Vercel Cron would. Every real service switches on from its environment variable.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { count } from "drizzle-orm";
import { connect, migrate } from "@/db/client";
import { organisations } from "@/db/schema";
import { DEMO_DEVICE_ID, seedDemo } from "@/db/seed";
import { type Env, env } from "@/lib/env";
import { localSecret } from "@/lib/runtime";

let config: Env;
try {
  config = env();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const handle = await connect({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await migrate(handle);
  const [{ n } = { n: 0 }] = await handle.db.select({ n: count() }).from(organisations);
  if (n === 0) {
    await seedDemo(handle.db);
    process.stdout.write("Empty database: seeded the Demo Clinic (sign in as admin@demo.test).\n");
  }
} finally {
  // PGlite allows one process at a time: hand the data directory over to the Next.js server
  await handle.close();
}
process.stdout.write(`Database: ${handle.kind === "pglite" ? `PGlite in ${config.PGLITE_DIR}` : "PostgreSQL (DATABASE_URL)"}\n`);

const port = process.env.PORT ?? "3000";
const appUrl = `http://localhost:${port}`;
const cronSecret = config.CRON_SECRET ?? localSecret(path.dirname(config.PGLITE_DIR), "cron-secret");
const children: ChildProcess[] = [];
const childEnv = { ...process.env, APP_URL: process.env.APP_URL ?? appUrl };

if (!config.GOWA_API_URL) {
  children.push(
    spawn("bun", ["scripts/gowa-sim.ts"], {
      stdio: "inherit",
      env: { ...childEnv, GOWA_SIM_WEBHOOK_URL: `${appUrl}/api/webhooks/gowa`, GOWA_SIM_DEVICE_ID: process.env.GOWA_SIM_DEVICE_ID ?? DEMO_DEVICE_ID },
    }),
  );
  process.stdout.write(`WhatsApp: GOWA simulator — chat as a patient at http://localhost:${config.GOWA_SIM_PORT}/\n`);
}
// webpack rather than Turbopack in development: Turbopack's hashed external modules do not resolve under `bun --bun`
children.push(spawn("bun", ["--bun", "next", "dev", "--webpack", "--port", port], { stdio: "inherit", env: childEnv }));

// Vercel Cron, locally: every minute, each route in vercel.json
const { crons } = (await import("../vercel.json", { with: { type: "json" } })).default as { crons: Array<{ path: string }> };
const cronTimer = setInterval(() => {
  for (const cron of crons) {
    fetch(`${appUrl}${cron.path}`, { headers: { authorization: `Bearer ${cronSecret}` } }).catch(() => {
      // the server may still be starting; the next minute tries again
    });
  }
}, 60_000);

const stop = () => {
  clearInterval(cronTimer);
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) {
  child.on("exit", (code) => {
    stop();
    process.exit(code ?? 0);
  });
}
