/**
 * `bun run bench:pages [--patients 100000] [--deliveries 2000000] [--iterations 200]` on DATABASE_URL.
 *
 * Fills the Demo Clinic to 100,000 patients and 2,000,000 deliveries (SQL generate_series, once),
 * then times what the dashboard, the patient list and a patient page ask the server for, through
 * the same service functions the API routes call: the dashboard figures; a page of the patient
 * list with adherence; a patient page's profile, thread, deliveries, reminders and adherence.
 * Prints p50/p95/p99 in milliseconds, as a pharmacist (whole organisation) and a volunteer.
 */
import { parseArgs } from "node:util";
import { connectBenchDatabase, timeCalls } from "./bench-support";
import { and, eq, sql } from "drizzle-orm";
import { deliveries, patients, staffUsers } from "@/db/schema";
import { seedBulkPatients, seedDemo } from "@/db/seed";
import { systemClock } from "@/lib/clock";
import { getDashboard } from "@/services/dashboard/dashboard.service";
import { getThread } from "@/services/messaging/conversation.service";
import { getPatient, listPatients } from "@/services/patient/patient.service";
import { getAdherence, listPatientDeliveries, listReminders } from "@/services/reminder/reminder.service";
import { createFakeGowaSender } from "@/integrations/gowa/fake";
import { createMemoryPacerStore, createPacer } from "@/integrations/gowa/pacing";

const { values } = parseArgs({ options: { patients: { type: "string" }, deliveries: { type: "string" }, iterations: { type: "string" } } });
const targetPatients = Number(values.patients ?? 100_000);
const targetDeliveries = Number(values.deliveries ?? 2_000_000);
const iterations = Number(values.iterations ?? 200);
const { handle } = await connectBenchDatabase({ max: 8 });
const db = handle.db;
const { orgId } = await seedDemo(db);
const [{ n: havePatients } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.orgId, orgId));
if (havePatients < targetPatients) await seedBulkPatients(db, { orgId, count: targetPatients - havePatients });
const [{ n: haveDeliveries } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.orgId, orgId));
if (haveDeliveries < targetDeliveries) {
  const started = performance.now();
  // one daily reminder per patient, then occurrences over the last 40 days, most of them answered
  await db.execute(sql`insert into reminders (org_id, patient_id, type, medicine_name, dose, schedule, timezone, next_due_at)
    select org_id, id, 'medication', 'Metformin', '500 mg', '{"startDate":"2026-01-01","timesOfDay":["08:00"],"recurrence":{"kind":"daily"}}'::jsonb, 'Asia/Jakarta', null
    from patients p where org_id = ${orgId} and not exists (select 1 from reminders r where r.patient_id = p.id)`);
  const perPatient = Math.ceil((targetDeliveries - haveDeliveries) / targetPatients);
  await db.execute(sql`insert into deliveries (org_id, reminder_id, patient_id, scheduled_at, state, sent_at, confirmation, window_ends_at)
    select r.org_id, r.id, r.patient_id, ts, 'sent', ts, (case when random() < 0.8 then 'confirmed' when random() < 0.5 then 'missed' else 'not_taken' end)::confirmation_state, ts + interval '6 hours'
    from reminders r cross join lateral generate_series(now() - make_interval(days => ${perPatient}), now() - interval '1 hour', interval '1 day') as ts
    where r.org_id = ${orgId}
    on conflict do nothing`);
  await db.execute(sql`analyze deliveries`);
  await db.execute(sql`analyze patients`);
  process.stdout.write(`seeded deliveries in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
const [{ n: deliveryCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.orgId, orgId));

const staff = await db.select().from(staffUsers).where(eq(staffUsers.orgId, orgId));
const pharmacist = staff.find((s) => s.role === "PHARMACIST");
const volunteer = staff.find((s) => s.role === "VOLUNTEER");
if (!pharmacist || !volunteer) throw new Error("the Demo Clinic needs a pharmacist and a volunteer");
const sample = await db.select({ id: patients.id }).from(patients).where(and(eq(patients.orgId, orgId), eq(patients.assignedVolunteerId, volunteer.id))).limit(500);
const ctx = { db, clock: systemClock, gowa: createFakeGowaSender(), pacer: createPacer({ minIntervalMs: 0, store: createMemoryPacerStore() }) };
const pick = () => sample[Math.floor(Math.random() * sample.length)]?.id ?? "";

const time = (label: string, run: () => Promise<unknown>) => timeCalls(label, iterations, run);

/** Everything a patient page loads, in parallel as the page does. */
const patientPage = (who: typeof pharmacist, id: string) =>
  Promise.all([
    getPatient(ctx, who, id),
    getThread(ctx, who, id, { limit: 50 }),
    listPatientDeliveries(ctx, who, id, 50),
    listReminders(ctx, who, id),
    getAdherence(ctx, who, { patientId: id }),
  ]);

process.stdout.write(`\n${targetPatients} patients, ${deliveryCount} deliveries in one organisation; ${iterations} timed calls each\n`);
await time("dashboard (pharmacist, whole organisation)", () => getDashboard(ctx, pharmacist));
await time("dashboard (volunteer)", () => getDashboard(ctx, volunteer));
await time("patient list page with adherence (pharmacist)", () => listPatients(ctx, pharmacist, { limit: 25 }));
await time("patient list page with adherence (volunteer)", () => listPatients(ctx, volunteer, { limit: 25 }));
await time("patient page (pharmacist)", () => patientPage(pharmacist, pick()));
await time("patient page (volunteer)", () => patientPage(volunteer, pick()));
await handle.close();
