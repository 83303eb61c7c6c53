/**
 * `bun run bench:webhook [--rate 200] [--seconds 30] [--port 3200] [--processing worker|after-response] [--warmup 200]`
 *
 * Sends signed GOWA webhooks at a steady rate to the production build (`bun run build` first) on
 * real PostgreSQL (DATABASE_URL), then checks that every message was stored and processed exactly
 * once. Prints p50/p99 acknowledgement latency and errors. Outbound replies go to an in-process
 * GOWA simulator with pacing off, so processing speed is ours, not WhatsApp's.
 *
 * `--processing worker` (the default, the self-hosted production setup) runs `next start` with
 * INBOX_PROCESSING=worker beside one `bun run worker`; `after-response` processes in the web
 * process itself, as on Vercel. `--warmup` webhooks (default: one second's worth) go first and are
 * reported apart from the measured ones; all of them count in the stored/processed checks.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { connectPostgres, migrate } from "@/db/client";
import { messages, organisations, patients, webhookInbox } from "@/db/schema";
import { createGowaSimulator } from "@/integrations/gowa/simulator/simulator";
import { serveFetchHandler } from "@/integrations/gowa/simulator/node-server";
import { signGowaBody } from "@/integrations/gowa/webhook";

const { values } = parseArgs({
  options: { rate: { type: "string" }, seconds: { type: "string" }, port: { type: "string" }, patients: { type: "string" }, processing: { type: "string" }, warmup: { type: "string" } },
});
const processing = values.processing ?? "worker";
if (processing !== "worker" && processing !== "after-response") {
  process.stderr.write("--processing: worker or after-response\n");
  process.exit(2);
}
const rate = Number(values.rate ?? 200);
const seconds = Number(values.seconds ?? 30);
const port = Number(values.port ?? 3200);
const patientCount = Number(values.patients ?? 1000);
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write("Set DATABASE_URL to a PostgreSQL database.\n");
  process.exit(2);
}
const SECRET = "bench-webhook-secret";
const DEVICE = `bench-${randomBytes(3).toString("hex")}`;

const handle = await connectPostgres(url, { max: 4 });
const db = handle.db;
await migrate(handle);
const [org] = await db
  .insert(organisations)
  .values({ name: `Bench ${DEVICE}`, country: "ID", timezone: "Asia/Jakarta", language: "id", emergencyNumber: "119", gowaDeviceId: DEVICE })
  .returning();
if (!org) throw new Error("no organisation");
const phones = Array.from({ length: patientCount }, (_, i) => `+62858${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}${i % 10}`);
const unique = [...new Set(phones)];
await db.insert(patients).values(
  unique.map((phone, i) => ({ orgId: org.id, name: `Bench Patient ${i}`, phone, language: "id" as const, timezone: "Asia/Jakarta", verificationStatus: "VERIFIED" as const, consentWhatsapp: true })),
);

// where our replies go: a GOWA simulator in this process, webhooks off
const simulator = createGowaSimulator({ webhookUrl: null, webhookSecret: SECRET, deviceId: DEVICE });
const sim = await serveFetchHandler((req) => simulator.handle(req), { port: 0 });

const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: url,
  GOWA_API_URL: sim.url,
  GOWA_WEBHOOK_SECRET: SECRET,
  GOWA_PACING_MS: "0",
  CRON_SECRET: "bench-cron",
  // the production start-up check wants Clerk configured; the benchmark signs no one in
  CLERK_SECRET_KEY: process.env.CLERK_SECRET_KEY ?? "sk_test_benchmark",
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ?? "pk_test_benchmark",
  LOG_LEVEL: "error",
  INBOUND_RATE_LIMIT_PER_MINUTE: "1000",
  INBOX_PROCESSING: processing,
  // a long-running server, as in production: connections open at start, not during the first burst
  DATABASE_POOL_WARM: process.env.DATABASE_POOL_WARM ?? "20",
};
const server = spawn("bun", ["--bun", "next", "start", "--port", String(port)], { env: serverEnv, stdio: ["ignore", "inherit", "inherit"] });
const worker: ChildProcess | null = processing === "worker" ? spawn("bun", ["scripts/inbox-worker.ts"], { env: serverEnv, stdio: ["ignore", "inherit", "inherit"] }) : null;
// a failed run must not leave a server or a worker behind to skew the next one
process.on("exit", () => {
  server.kill("SIGKILL");
  worker?.kill("SIGKILL");
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health/ready`)).ok) break;
  } catch {
    // starting
  }
  if (i > 120) throw new Error("the production server did not start (did you run `bun run build`?)");
  await sleep(250);
}

const TEXTS = ["sudah minum obat", "makasih", "ok", "udh bu", "belum", "sip 👍", "terima kasih", "boleh tanya?", "???", "sudah"];
const total = rate * seconds;
const warmup = Number(values.warmup ?? rate);
const latencies: number[] = [];
const ids: string[] = [];
let errors = 0;
const errorKinds = new Map<string, number>();
const countError = (kind: string) => {
  errors++;
  errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
};
function sendOne(i: number, into: number[]): Promise<void> {
  const id = `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
  ids.push(id);
  const phone = unique[i % unique.length] ?? "";
  const body = JSON.stringify({
    event: "message",
    device_id: "628987654321@s.whatsapp.net",
    session_id: DEVICE,
    payload: { id, chat_id: `${phone.slice(1)}@s.whatsapp.net`, from: `${phone.slice(1)}@s.whatsapp.net`, timestamp: new Date().toISOString(), is_from_me: false, body: TEXTS[i % TEXTS.length] },
  });
  const t0 = performance.now();
  return fetch(`${base}/api/webhooks/gowa`, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signGowaBody(body, SECRET) }, body })
    .then(async (res) => {
      await res.arrayBuffer();
      into.push(performance.now() - t0);
      if (res.status !== 200) countError(`HTTP ${res.status}`);
    })
    .catch((error: unknown) => countError(error instanceof Error ? `${error.name}: ${error.message}` : "unknown"));
}

// A fresh server loads the webhook route's modules, compiles its hot paths and opens its pool
// connections during its first second or so of traffic: that one-off cost is measured on its own
// (`--warmup` webhooks at the same rate), not mixed into the steady-state figures.
const warmupLatencies: number[] = [];
const warmupStarted = performance.now();
const warming: Promise<void>[] = [];
for (let i = 0; i < warmup; i++) {
  const wait = warmupStarted + (i * 1000) / rate - performance.now();
  if (wait > 0) await sleep(wait);
  warming.push(sendOne(total + i, warmupLatencies));
}
await Promise.all(warming);
if (warmup > 0) {
  const sorted = [...warmupLatencies].sort((a, b) => a - b);
  process.stdout.write(`warm-up: ${warmup} webhooks at ${rate}/s, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms\n`);
}

// The load generator shares the machine (and hosts the simulator): how late its own timers ran
// shows how much of a latency figure is this process waiting for the CPU, not the server answering.
const lags: number[] = [];
let lastTick = performance.now();
const lagTimer = setInterval(() => {
  const now = performance.now();
  lags.push(now - lastTick - 10);
  lastTick = now;
}, 10);
const inflight: Promise<void>[] = [];
const started = performance.now();
process.stdout.write(`sending ${total} webhooks at ${rate}/s for ${seconds} s to ${base} (processing: ${processing}) ...\n`);
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  inflight.push(sendOne(i, latencies));
}
await Promise.all(inflight);
clearInterval(lagTimer);
const sendSeconds = (performance.now() - started) / 1000;
lags.sort((a, b) => a - b);
const lagAt = (p: number) => (lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? Number.NaN).toFixed(1);
latencies.sort((a, b) => a - b);
const q = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN).toFixed(1);
// printed now too, so a run whose processing never drains still shows its acknowledgements
process.stdout.write(`ack latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (waiting for processing ...)\n`);

// wait for processing to finish (the sweeper is not needed unless something crashed)
const keys = ids.map((id) => `${DEVICE}:message:${id}`);
let open = Number.POSITIVE_INFINITY;
const drainStart = performance.now();
while (open > 0 && performance.now() - drainStart < 120_000) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookInbox)
    .where(and(like(webhookInbox.eventKey, `${DEVICE}:%`), inArray(webhookInbox.status, ["pending", "processing"])));
  open = row?.n ?? 0;
  if (open > 0) await sleep(500);
}
const drainSeconds = (performance.now() - drainStart) / 1000;
const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookInbox).where(like(webhookInbox.eventKey, `${DEVICE}:%`));
const [done] = await db
  .select({ n: sql<number>`count(*)::int`, claimedTwice: sql<number>`count(*) filter (where attempts > 1)::int` })
  .from(webhookInbox)
  .where(and(like(webhookInbox.eventKey, `${DEVICE}:%`), eq(webhookInbox.status, "done")));
const [inbound] = await db
  .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct external_id)::int` })
  .from(messages)
  .where(and(eq(messages.orgId, org.id), eq(messages.direction, "inbound")));
const [outbound] = await db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.orgId, org.id), eq(messages.direction, "outbound")));

const lost = ids.length - (inbound?.n ?? 0);
// an inbox row claimed more than once was processed more than once (a lease ran out, or a retry)
const twice = (inbound?.n ?? 0) - (inbound?.distinct ?? 0) + (done?.claimedTwice ?? 0);
process.stdout.write(
  [
    `sent ${total} in ${sendSeconds.toFixed(1)} s (${(total / sendSeconds).toFixed(0)}/s), errors ${errors}${errors ? ` (${[...errorKinds].map(([k, n]) => `${k} x${n}`).join("; ")})` : ""}`,
    `ack latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
    `load generator's own timer lateness p50 ${lagAt(0.5)} ms, p99 ${lagAt(0.99)} ms, max ${lagAt(1)} ms`,
    `stored ${stored?.n} inbox rows, processed ${done?.n} (all done ${drainSeconds.toFixed(1)} s after the last send)`,
    `messages stored ${inbound?.n} (distinct ${inbound?.distinct}), replies sent ${outbound?.n}`,
    `lost ${lost}, processed twice ${twice}`,
  ].join("\n") + "\n",
);
server.kill("SIGTERM");
worker?.kill("SIGTERM");
await sim.close();
await handle.close();
process.exit(lost === 0 && twice === 0 && errors === 0 ? 0 : 1);
