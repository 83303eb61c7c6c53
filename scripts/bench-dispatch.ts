/**
 * `bun run bench:dispatch -- --due 20000 [--patients 2000] [--crons 4] [--pacing-ms 0] [--devices 1]`
 *
 * On DATABASE_URL (real PostgreSQL): seeds `due` occurrences that have come due, spread over
 * `patients` patients, then runs `crons` concurrent reminder-cron invocations that send through
 * the real GOWA client to a GOWA simulator in a separate process. Prints messages per second,
 * duplicates (an occurrence that reached WhatsApp twice) and lost (one that never did). With
 * --pacing-ms above 0 it also prints the shortest gap between two sends on one device.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { and, eq, inArray, sql } from "drizzle-orm";
import { connectPostgres, migrate } from "@/db/client";
import { deliveries, organisations, patients, reminders } from "@/db/schema";
import { createGowaClient } from "@/integrations/gowa/client";
import { createMemoryPacerStore, createPacer } from "@/integrations/gowa/pacing";
import type { SimOutboundMessage } from "@/integrations/gowa/simulator/simulator";
import { systemClock } from "@/lib/clock";
import { runReminderCron } from "@/services/reminder/dispatch.service";

const { values } = parseArgs({
  options: { due: { type: "string" }, patients: { type: "string" }, crons: { type: "string" }, "pacing-ms": { type: "string" }, devices: { type: "string" }, port: { type: "string" } },
});
const dueCount = Number(values.due ?? 20_000);
const patientCount = Number(values.patients ?? 2_000);
const crons = Number(values.crons ?? 4);
const pacingMs = Number(values["pacing-ms"] ?? 0);
const deviceCount = Number(values.devices ?? 1);
const simPort = Number(values.port ?? 3199);
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("Set DATABASE_URL to a PostgreSQL database.\n");
  process.exit(2);
}

const handle = await connectPostgres(url, { max: 12 });
const db = handle.db;
await migrate(handle);

// the simulator runs in its own process, as GOWA would; webhooks off
const sim = spawn("bun", ["scripts/gowa-sim.ts"], {
  env: { ...process.env, GOWA_SIM_PORT: String(simPort), GOWA_SIM_WEBHOOK_URL: "none" },
  stdio: ["ignore", "ignore", "inherit"],
});
const simUrl = `http://127.0.0.1:${simPort}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${simUrl}/sim/phones`)).ok) break;
  } catch {
    // starting
  }
  if (i > 80) throw new Error("the GOWA simulator did not start");
  await sleep(250);
}
await fetch(`${simUrl}/sim/reset`, { method: "POST" });

// seed: organisations (one per device), patients, one reminder each, and due occurrences
const tag = randomBytes(3).toString("hex");
const started = performance.now();
const orgs = await db
  .insert(organisations)
  .values(Array.from({ length: deviceCount }, (_, d) => ({ name: `Dispatch bench ${tag} ${d}`, country: "ID", timezone: "Asia/Jakarta", language: "id" as const, emergencyNumber: "119", gowaDeviceId: `bench-${tag}-${d}` })))
  .returning();
const patientRows = [];
for (let start = 0; start < patientCount; start += 1000) {
  patientRows.push(
    ...(await db
      .insert(patients)
      .values(
        Array.from({ length: Math.min(1000, patientCount - start) }, (_, k) => {
          const i = start + k;
          const org = orgs[i % orgs.length];
          if (!org) throw new Error("no organisation");
          return { orgId: org.id, name: `Dispatch ${i}`, phone: `+62857${tag.slice(0, 2).replace(/\D/g, "1").padStart(2, "1")}${String(i).padStart(6, "0")}`, language: "id" as const, timezone: "Asia/Jakarta", verificationStatus: "VERIFIED" as const, consentWhatsapp: true };
        }),
      )
      .returning({ id: patients.id, orgId: patients.orgId })),
  );
}
const reminderRows = [];
for (let start = 0; start < patientRows.length; start += 1000) {
  reminderRows.push(
    ...(await db
      .insert(reminders)
      .values(
        patientRows.slice(start, start + 1000).map((p) => ({
          orgId: p.orgId,
          patientId: p.id,
          type: "medication" as const,
          medicineName: "Metformin",
          dose: "500 mg",
          schedule: { startDate: "2026-01-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" as const } },
          timezone: "Asia/Jakarta",
          nextDueAt: null,
        })),
      )
      .returning({ id: reminders.id, orgId: reminders.orgId, patientId: reminders.patientId })),
  );
}
const now = Date.now();
const perReminder = Math.ceil(dueCount / reminderRows.length);
const rows = [];
for (let i = 0; i < dueCount; i++) {
  const r = reminderRows[i % reminderRows.length];
  if (!r) throw new Error("no reminder");
  // within the grace period: due in the last hour, a few seconds apart per reminder
  rows.push({ orgId: r.orgId, reminderId: r.id, patientId: r.patientId, scheduledAt: new Date(now - 60_000 - Math.floor(i / reminderRows.length) * 1000) });
}
for (let start = 0; start < rows.length; start += 5000) await db.insert(deliveries).values(rows.slice(start, start + 5000));
process.stdout.write(`seeded ${dueCount} due occurrences over ${patientRows.length} patients (${perReminder} each) on ${deviceCount} device(s) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

// each cron invocation: its own connection pool, client and pacer, as separate serverless invocations would have
const pools = await Promise.all(Array.from({ length: crons }, () => connectPostgres(url, { max: 8 })));
const ctx = (i: number) => ({
  db: pools[i]?.db ?? db,
  clock: systemClock,
  gowa: createGowaClient({ baseUrl: simUrl }),
  pacer: createPacer({ minIntervalMs: pacingMs, jitterMs: 0, store: sharedPacerStore }),
});
const sharedPacerStore = createMemoryPacerStore();
process.stdout.write(`running ${crons} concurrent cron invocations, pacing ${pacingMs ? `${pacingMs} ms per device` : "off"} ...\n`);
const t0 = performance.now();
const summaries = await Promise.all(
  Array.from({ length: crons }, async (_, i) => {
    const total = { sent: 0, failed: 0, skipped: 0, unknown: 0, deferred: 0 };
    // a cron call stops after its budget; keep calling until nothing is due, as the minute cron would
    for (;;) {
      const s = await runReminderCron(ctx(i), { budgetMs: 50_000, concurrency: 16, batchSize: 200, scope: {} });
      for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += s[k];
      if (s.sent + s.failed + s.skipped + s.unknown === 0) return total;
    }
  }),
);
const seconds = (performance.now() - t0) / 1000;

const sent = summaries.reduce((a, s) => a + s.sent, 0);
const outbox = ((await (await fetch(`${simUrl}/sim/outbox`)).json()) as { messages: SimOutboundMessage[] }).messages;
const phones = new Set(patientRows.length ? (await db.select({ phone: patients.phone }).from(patients).where(inArray(patients.orgId, orgs.map((o) => o.id)))).map((p) => p.phone) : []);
const ours = outbox.filter((m) => phones.has(m.phone));
const [state] = await db
  .select({ sent: sql<number>`count(*) filter (where ${deliveries.state} = 'sent')::int`, open: sql<number>`count(*) filter (where ${deliveries.state} in ('queued','sending'))::int` })
  .from(deliveries)
  .where(inArray(deliveries.orgId, orgs.map((o) => o.id)));
const duplicates = ours.length - (state?.sent ?? 0);
const lost = dueCount - (state?.sent ?? 0);
process.stdout.write(
  [
    `sent ${sent} in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(0)} messages per second`,
    `per invocation: ${summaries.map((s) => s.sent).join(", ")}`,
    `WhatsApp (simulator) received ${ours.length}; duplicates ${duplicates}; lost ${lost}; still open ${state?.open ?? 0}`,
  ].join("\n") + "\n",
);
if (pacingMs > 0) {
  const byDevice = new Map<string, number[]>();
  for (const m of ours) byDevice.set(m.deviceId, [...(byDevice.get(m.deviceId) ?? []), Date.parse(m.sentAt)]);
  for (const [device, times] of byDevice) {
    times.sort((a, b) => a - b);
    let minGap = Number.POSITIVE_INFINITY;
    for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, (times[i] ?? 0) - (times[i - 1] ?? 0));
    const span = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
    process.stdout.write(`device ${device}: ${times.length} sends, shortest gap ${minGap} ms, ${(times.length / Math.max(span, 0.001)).toFixed(2)}/s\n`);
  }
}
sim.kill("SIGTERM");
await Promise.all([handle.close(), ...pools.map((p) => p.close())]);
void and;
void eq;
process.exit(duplicates === 0 && lost === 0 ? 0 : 1);
