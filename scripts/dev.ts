/**
 * `bun run dev` — the whole product on one machine with no configuration: applies migrations,
 * seeds an empty database with the Demo Clinic, then runs Next.js in development mode.
 * Every real service switches on from its environment variable (see .env.example).
 */
import { spawn } from "node:child_process";
import { count } from "drizzle-orm";
import { connect, migrate } from "@/db/client";
import { organisations } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

let config: ReturnType<typeof env>;
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
const children = [spawn("bun", ["--bun", "next", "dev", "--webpack", "--port", port], { stdio: "inherit", env: process.env })];

const stop = () => {
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
