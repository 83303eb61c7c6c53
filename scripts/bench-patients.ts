/**
 * `bun run bench:patients [--patients 100000] [--iterations 300]` on DATABASE_URL (real PostgreSQL).
 * Fills the Demo Clinic up to the given number of patients, then times the patient service as the
 * API calls it: list pages (first and deep, by keyset cursor), a volunteer's list, and search by
 * full and partial phone number and by name. Prints p50/p95/p99 in milliseconds.
 */
import { parseArgs } from "node:util";
import { connectBenchDatabase, timeCalls } from "./bench-support";
import { and, count, eq } from "drizzle-orm";
import { patients, staffUsers } from "@/db/schema";
import { seedBulkPatients, seedDemo } from "@/db/seed";
import { listPatients } from "@/services/patient/patient.service";

const { values } = parseArgs({ options: { patients: { type: "string" }, iterations: { type: "string" } } });
const target = Number(values.patients ?? 100_000);
const iterations = Number(values.iterations ?? 300);
const { handle } = await connectBenchDatabase({ max: 4 });
const db = handle.db;
const { orgId } = await seedDemo(db);
const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(patients).where(eq(patients.orgId, orgId));
if (n < target) {
  const started = performance.now();
  await seedBulkPatients(db, { orgId, count: target - n });
  process.stdout.write(`seeded ${target - n} patients in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
await db.execute("analyze patients");

const staff = await db.select().from(staffUsers).where(eq(staffUsers.orgId, orgId));
const pharmacist = staff.find((s) => s.role === "PHARMACIST");
const volunteer = staff.find((s) => s.role === "VOLUNTEER");
if (!pharmacist || !volunteer) throw new Error("the Demo Clinic has no pharmacist or volunteer");
const phones = (await db.select({ phone: patients.phone }).from(patients).where(and(eq(patients.orgId, orgId))).limit(5000)).map((r) => r.phone);
const ctx = { db };
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)] as T;

// cursors deep into the list, to time pages far from the start as well
const deepCursors: string[] = [];
let cursor: string | null = null;
for (let page = 0; page < 40; page++) {
  const res = await listPatients(ctx, pharmacist, { limit: 100, cursor: cursor ?? undefined });
  cursor = res.nextCursor;
  if (!cursor) break;
  if (page % 4 === 3) deepCursors.push(cursor);
}

const time = (label: string, run: () => Promise<unknown>) => timeCalls(label, iterations, run);

process.stdout.write(`\n${target} patients in one organisation, ${iterations} timed calls each (limit 25)\n`);
await time("list, first page (pharmacist)", () => listPatients(ctx, pharmacist, { limit: 25 }));
await time("list, deep page by cursor", () => listPatients(ctx, pharmacist, { limit: 25, cursor: pick(deepCursors) }));
await time("list, volunteer's own patients", () => listPatients(ctx, volunteer, { limit: 25 }));
await time("search by full phone (E.164)", () => listPatients(ctx, pharmacist, { limit: 25, q: pick(phones) }));
await time("search by local phone (0859...)", () => listPatients(ctx, pharmacist, { limit: 25, q: `0${pick(phones).slice(3)}` }));
await time("search by partial phone (7 digits)", () => listPatients(ctx, pharmacist, { limit: 25, q: pick(phones).slice(-7) }));
await time("search by name part", () => listPatients(ctx, pharmacist, { limit: 25, q: pick(["Siti", "rahayu", "Wijaya", "putri h"]) }));
await handle.close();
