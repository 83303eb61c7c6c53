/**
 * `bun run seed` — the Demo Clinic with its four staff users and twenty patients.
 * `bun run seed --patients 100000` — also adds that many generated patients to it (benchmarks).
 */
import { parseArgs } from "node:util";
import { connect, migrate } from "@/db/client";
import { seedBulkPatients, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";

const { values } = parseArgs({ options: { patients: { type: "string" } } });
const extra = values.patients === undefined ? 0 : Number(values.patients);
if (!Number.isInteger(extra) || extra < 0) {
  process.stderr.write("--patients must be a whole number\n");
  process.exit(2);
}

const config = env();
const handle = await connect({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await migrate(handle);
  const demo = await seedDemo(handle.db);
  process.stdout.write(demo.created ? "Seeded the Demo Clinic (4 staff users, 20 patients).\n" : "The Demo Clinic is already there.\n");
  if (extra > 0) {
    const started = performance.now();
    await seedBulkPatients(handle.db, {
      orgId: demo.orgId,
      count: extra,
      onProgress: (done) => process.stdout.write(`\r  ${done}/${extra} patients`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`\nAdded ${extra} patients in ${seconds.toFixed(1)} s (${Math.round(extra / seconds)}/s).\n`);
  }
} finally {
  await handle.close();
}
