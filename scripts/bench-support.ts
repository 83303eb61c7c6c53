/** What every benchmark script shares: the real database, and how timings are printed. */
import { type DbHandle, connectPostgres, migrate } from "@/db/client";

/** DATABASE_URL, migrated; benchmarks measure the real server, never the embedded one. */
export async function connectBenchDatabase(options: { max?: number } = {}): Promise<{ url: string; handle: DbHandle }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write("Set DATABASE_URL to a PostgreSQL database: benchmarks measure the real server.\n");
    process.exit(2);
  }
  const handle = await connectPostgres(url, { max: options.max ?? 8 });
  await migrate(handle);
  return { url, handle };
}

/** Runs `run` a few times to warm up, then `iterations` times, and prints p50/p95/p99 in ms. */
export async function timeCalls(label: string, iterations: number, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(20, iterations); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]?.toFixed(2);
  process.stdout.write(`${label.padEnd(46)} p50 ${q(0.5)} ms   p95 ${q(0.95)} ms   p99 ${q(0.99)} ms\n`);
}
