/**
 * `bun run bench:pages [--patients 100000] [--deliveries 2000000] [--iterations 100] [--port 0] [--build]`
 * on DATABASE_URL (PostgreSQL).
 *
 * Fills the Demo Clinic to 100,000 patients and 2,000,000 deliveries (SQL generate_series; skipped
 * when the database already has them), starts the production build (`next start`, built into
 * NEXT_DIST_DIR, default .next-bench, when missing or with --build) on a free port, and loads the
 * dashboard, the patient list and a patient page over HTTP the way the browser does: the page's
 * HTML, then /api/me, then the API calls the page makes (in parallel where the page makes them in
 * parallel). Prints p50/p95 of each request and of the whole load, as an admin (whole organisation)
 * and as a volunteer (50,000 patients of their own).
 *
 * Production has no dev sign-in: the server runs with Clerk configured offline (a JWT key of our
 * own, as tests/support/clerk.ts does) and each request carries `Authorization: Bearer <RS256
 * session token>` for the Clerk user id the bench gives the Demo Clinic's admin and volunteer.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deliveries, patients, staffUsers } from "@/db/schema";
import { seedBulkPatients, seedDemo } from "@/db/seed";
import { connectBenchDatabase } from "./bench-support";

const { values } = parseArgs({
  options: {
    patients: { type: "string" },
    deliveries: { type: "string" },
    iterations: { type: "string" },
    port: { type: "string" },
    build: { type: "boolean" },
  },
});
const targetPatients = Number(values.patients ?? 100_000);
const targetDeliveries = Number(values.deliveries ?? 2_000_000);
const iterations = Number(values.iterations ?? 100);
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const started = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);

// --- data -----------------------------------------------------------------------------------
const { url, handle } = await connectBenchDatabase({ max: 4 });
const db = handle.db;
const { orgId } = await seedDemo(db);
const [{ n: havePatients } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(patients).where(eq(patients.orgId, orgId));
if (havePatients < targetPatients) await seedBulkPatients(db, { orgId, count: targetPatients - havePatients });
await seedDeliveries(db, orgId);
const [{ n: deliveryCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.orgId, orgId));

// the Clerk user ids our Bearer tokens name
const CLERK_IDS = { admin: "user_bench_admin", volunteer: "user_bench_volunteer" } as const;
await db.update(staffUsers).set({ externalAuthId: CLERK_IDS.admin }).where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.email, "admin@demo.test")));
await db.update(staffUsers).set({ externalAuthId: CLERK_IDS.volunteer }).where(and(eq(staffUsers.orgId, orgId), eq(staffUsers.email, "volunteer1@demo.test")));
const [volunteer] = await db.select().from(staffUsers).where(eq(staffUsers.externalAuthId, CLERK_IDS.volunteer));
if (!volunteer) throw new Error("the Demo Clinic needs volunteer1@demo.test");
const [{ n: volunteerPatients } = { n: 0 }] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(patients)
  .where(and(eq(patients.orgId, orgId), eq(patients.assignedVolunteerId, volunteer.id)));
const sample = await db
  .select({ id: patients.id })
  .from(patients)
  .where(and(eq(patients.orgId, orgId), eq(patients.assignedVolunteerId, volunteer.id)))
  .orderBy(sql`random()`)
  .limit(500);
await handle.close();

/**
 * One daily reminder per patient at a time of its own (06:00-21:00 Jakarta) and its occurrences
 * over the last days, today's included: sent and mostly answered, the last hours still open,
 * later today still queued; a few failed or with an unknown outcome.
 */
async function seedDeliveries(db: Db, orgId: string) {
  const [{ n: have } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(eq(deliveries.orgId, orgId));
  if (have >= targetDeliveries) return;
  const t0 = performance.now();
  await db.execute(sql`insert into reminders (org_id, patient_id, type, medicine_name, dose, schedule, timezone, next_due_at)
    select org_id, id, 'medication', 'Metformin', '500 mg', '{"startDate":"2026-01-01","timesOfDay":["08:00"],"recurrence":{"kind":"daily"}}'::jsonb, 'Asia/Jakarta', null
    from patients p where org_id = ${orgId} and not exists (select 1 from reminders r where r.patient_id = p.id)`);
  const days = Math.ceil((targetDeliveries - have) / targetPatients);
  // a day a statement: the count triggers take each statement's rows as one array
  for (let d = 0; d < days; d++) {
    await db.execute(sql`
      insert into deliveries (org_id, reminder_id, patient_id, scheduled_at, state, sent_at, confirmation, confirmed_at, window_ends_at)
      select org_id, reminder_id, patient_id, ts,
        (case when ts > now() then 'queued' when roll < 0.003 then 'failed' when roll < 0.005 then 'unknown' else 'sent' end)::delivery_state,
        case when ts <= now() and roll >= 0.005 then ts + interval '1 minute' end,
        (case when ts > now() or roll < 0.005 then 'pending'
              when roll < 0.805 then 'confirmed'
              when ts > now() - interval '6 hours' then 'pending'
              when roll < 0.9 then 'missed' else 'not_taken' end)::confirmation_state,
        case when ts <= now() and roll >= 0.005 and roll < 0.805 then ts + interval '20 minutes' end,
        case when ts <= now() and roll >= 0.005 then ts + interval '6 hours 1 minute' end
      from (
        select r.org_id, r.id as reminder_id, r.patient_id, random() as roll,
          (date_trunc('day', now() at time zone 'Asia/Jakarta') - make_interval(days => ${d}) + make_interval(mins => 360 + abs(hashtext(r.patient_id::text)) % 900)) at time zone 'Asia/Jakarta' as ts
        from reminders r
        where r.org_id = ${orgId}
      ) o
      on conflict do nothing`);
  }
  await db.execute(sql`analyze deliveries`);
  await db.execute(sql`analyze patients`);
  await db.execute(sql`analyze delivery_daily_counts`);
  await db.execute(sql`analyze patient_window_counts`);
  say(`seeded deliveries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// --- the production server, with Clerk verifying our own tokens offline -----------------------
const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
const frontendApi = "careloop-bench.clerk.accounts.dev";
function sessionToken(sub: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", kid: "ins_careloop_bench", typ: "JWT" })}.${part({
    azp: "http://localhost",
    exp: now + 3600,
    iat: now,
    iss: `https://${frontendApi}`,
    nbf: now - 10,
    sid: `sess_${randomUUID().replace(/-/g, "")}`,
    sub,
    v: 2,
  })}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), keys.privateKey).toString("base64url")}`;
}

if (values.build || !existsSync(path.join(distDir, "BUILD_ID"))) {
  say(`building into ${distDir} ...`);
  const build = spawnSync("bun", ["run", "build"], { env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" }, stdio: "inherit" });
  if (build.status !== 0) throw new Error("bun run build failed");
}
const port = Number(values.port ?? 0) || (await freePort());
// no --hostname: Clerk passes a page on as a rewrite to http://localhost:<port>, which Next serves
// in-process only when that is its own origin (with 127.0.0.1 it proxies it, and the request hangs)
const server: ChildProcess = spawn("bun", ["--bun", "node_modules/next/dist/bin/next", "start", "--port", String(port)], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    CLERK_SECRET_KEY: "sk_test_careloop_bench",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_test_${Buffer.from(`${frontendApi}$`).toString("base64")}`,
    CLERK_JWT_KEY: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    // required in production, unused here: nothing is sent and no cron runs
    GOWA_API_URL: "http://127.0.0.1:9",
    GOWA_WEBHOOK_SECRET: "bench-pages",
    CRON_SECRET: "bench-pages",
    CLERK_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "error",
  },
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const stopServer = () => {
  if (server.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGINT");
    } catch {
      // already gone
    }
  }
};
process.on("exit", stopServer);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})`);
  try {
    if ((await fetch(`${base}/api/health/ready`)).ok) break;
  } catch {
    // starting
  }
  if (i > 240) throw new Error("the production server did not become ready in 60 s");
  await sleep(250);
}

// --- the pages, as the browser loads them ---------------------------------------------------
type Who = keyof typeof CLERK_IDS;
type Timings = Map<string, number[]>;

async function get(who: Who, pathname: string, label: string, timings: Timings, accept = "application/json"): Promise<void> {
  const t0 = performance.now();
  const res = await fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${tokens[who]}`, accept } });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${who} GET ${pathname}: ${res.status}`);
  const list = timings.get(label) ?? [];
  list.push(ms);
  timings.set(label, list);
}

const html = (who: Who, pathname: string, t: Timings) => get(who, pathname, `HTML ${pathname.replace(/[0-9a-f-]{36}/, ":id")}`, t, "text/html");

/** Each page: its HTML, /api/me, then what the page asks for once it knows who is signed in. */
const PAGES: Record<string, (who: Who, t: Timings) => Promise<void>> = {
  dashboard: async (who, t) => {
    await html(who, "/dashboard", t);
    await get(who, "/api/me", "GET /api/me", t);
    await get(who, "/api/dashboard", "GET /api/dashboard", t);
  },
  "patient list": async (who, t) => {
    await html(who, "/patients", t);
    await get(who, "/api/me", "GET /api/me", t);
    await Promise.all([
      get(who, "/api/patients?limit=20", "GET /api/patients?limit=20", t),
      who === "admin" ? get(who, "/api/staff?role=VOLUNTEER&status=APPROVED", "GET /api/staff (admin only)", t) : undefined,
    ]);
  },
  "patient page": async (who, t) => {
    const id = sample[Math.floor(Math.random() * sample.length)]?.id ?? "";
    await html(who, `/patients/${id}`, t);
    await get(who, "/api/me", "GET /api/me", t);
    await Promise.all([
      get(who, `/api/patients/${id}`, "GET /api/patients/:id", t),
      who === "admin" ? get(who, "/api/staff?role=VOLUNTEER&status=APPROVED", "GET /api/staff (admin only)", t) : undefined,
    ]);
    await Promise.all([
      get(who, `/api/patients/${id}/triage`, "GET .../triage", t),
      get(who, `/api/consultations?patientId=${id}&limit=25`, "GET /api/consultations?patientId", t),
      get(who, `/api/patients/${id}/reminders`, "GET .../reminders", t),
      get(who, `/api/patients/${id}/deliveries?limit=50`, "GET .../deliveries?limit=50", t),
      get(who, `/api/adherence?patientId=${id}`, "GET /api/adherence?patientId", t),
      get(who, `/api/patients/${id}/messages?limit=50`, "GET .../messages?limit=50", t),
    ]);
  },
};

const tokens: Record<Who, string> = { admin: sessionToken(CLERK_IDS.admin), volunteer: sessionToken(CLERK_IDS.volunteer) };
const q = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};
const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);

say(`\n${targetPatients} patients (${volunteerPatients} of them the volunteer's), ${deliveryCount} deliveries in one organisation`);
say(`next start on ${base} (${distDir}); ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
say(`${iterations} page loads each after 10 to warm up; one request at a time except where the page runs them in parallel\n`);
say(`${"".padEnd(44)}${"admin p50".padStart(10)}${"p95".padStart(10)}${"volunteer p50".padStart(15)}${"p95".padStart(10)}`);
for (const [page, load] of Object.entries(PAGES)) {
  const results: Record<Who, Timings> = { admin: new Map(), volunteer: new Map() };
  for (const who of ["admin", "volunteer"] as const) {
    for (let i = 0; i < 10; i++) await load(who, new Map());
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await load(who, results[who]);
      const whole = results[who].get("whole page") ?? [];
      whole.push(performance.now() - t0);
      results[who].set("whole page", whole);
    }
  }
  say(page);
  for (const label of new Set([...results.admin.keys(), ...results.volunteer.keys()])) {
    const a = results.admin.get(label);
    const v = results.volunteer.get(label);
    say(`  ${label.padEnd(42)}${a ? ms(q(a, 0.5)) + ms(q(a, 0.95)) : "".padEnd(20)}${v ? `${ms(q(v, 0.5)).padStart(15)}${ms(q(v, 0.95))}` : ""}`);
  }
}
say(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
stopServer();
process.exit(0);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
