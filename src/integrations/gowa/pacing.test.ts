import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type PacerStore, createMemoryPacerStore, createPacer, createRedisPacerStore } from "./pacing";

const MIN_INTERVAL = 100;
// Timers and Redis round trips add a little noise to wall-clock gaps; slots themselves are exact.
const TIMER_SLACK = 5;

async function waitConcurrently(store: PacerStore, deviceIds: string[]) {
  const pacer = createPacer({ minIntervalMs: MIN_INTERVAL, jitterMs: 20, store });
  const started = Date.now();
  return Promise.all(
    deviceIds.map(async (deviceId) => {
      const { slotAt } = await pacer.wait(deviceId);
      return { deviceId, slotAt, wokeAt: Date.now() - started };
    }),
  );
}

const gaps = (values: number[]) => values.sort((a, b) => a - b).slice(1).map((v, i) => v - (values[i] as number));

function behavesAsAPacer(makeStore: () => PacerStore) {
  it("N concurrent waiters on one device are spaced at least minInterval apart", async () => {
    const results = await waitConcurrently(makeStore(), Array(5).fill("device-a"));
    for (const gap of gaps(results.map((r) => r.slotAt))) expect(gap).toBeGreaterThanOrEqual(MIN_INTERVAL);
    for (const gap of gaps(results.map((r) => r.wokeAt))) expect(gap).toBeGreaterThanOrEqual(MIN_INTERVAL - TIMER_SLACK);
    expect(Math.max(...results.map((r) => r.wokeAt))).toBeGreaterThanOrEqual(4 * MIN_INTERVAL - TIMER_SLACK);
  });

  it("different devices do not wait for each other", async () => {
    const results = await waitConcurrently(makeStore(), ["device-a", "device-b", "device-c", "device-d"]);
    for (const r of results) expect(r.wokeAt).toBeLessThan(MIN_INTERVAL / 2);
  });

  it("a device idle for longer than the interval sends at once", async () => {
    const store = makeStore();
    const pacer = createPacer({ minIntervalMs: 30, jitterMs: 0, store });
    await pacer.wait("device-a");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await pacer.wait("device-a")).waitedMs).toBe(0);
  });
}

describe("memory pacer store", () => {
  behavesAsAPacer(() => createMemoryPacerStore());

  it("minIntervalMs 0 disables pacing", async () => {
    let reserved = 0;
    const store: PacerStore = { reserve: async () => { reserved++; return { delayMs: 1000, slotAt: 0 }; } };
    const pacer = createPacer({ minIntervalMs: 0, store });
    const results = await Promise.all([pacer.wait("d"), pacer.wait("d"), pacer.wait("d")]);
    expect(results.every((r) => r.waitedMs === 0)).toBe(true);
    expect(reserved).toBe(0);
  });

  it("jitter only ever adds to the interval", async () => {
    let now = 1_000;
    const store = createMemoryPacerStore({ now: () => now });
    const waits: number[] = [];
    const pacer = createPacer({ minIntervalMs: 1000, jitterMs: 250, store, random: () => 0.999, now: () => now,
      sleep: async (ms) => { waits.push(ms); now += ms; } });
    await pacer.wait("d");
    await pacer.wait("d");
    expect(waits).toEqual([1250]);
  });
});

describe("redis pacer store (real Redis)", () => {
  let redis: Redis;
  let prefix: string;
  beforeAll(() => {
    redis = new Redis({ host: "127.0.0.1", port: 6379, lazyConnect: false, maxRetriesPerRequest: 1 });
  });
  afterEach(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(async () => {
    await redis.quit();
  });
  const makeStore = () => {
    prefix = `test:gowa-pace:${randomUUID()}:`;
    return createRedisPacerStore(redis, { keyPrefix: prefix });
  };

  behavesAsAPacer(makeStore);

  it("two app instances (two connections) share one rate per device", async () => {
    const store = makeStore();
    const other = new Redis({ host: "127.0.0.1", port: 6379 });
    try {
      const second = createRedisPacerStore(other, { keyPrefix: prefix });
      const a = createPacer({ minIntervalMs: MIN_INTERVAL, jitterMs: 0, store });
      const b = createPacer({ minIntervalMs: MIN_INTERVAL, jitterMs: 0, store: second });
      const slots = await Promise.all([a.wait("shared"), b.wait("shared"), a.wait("shared"), b.wait("shared")]);
      for (const gap of gaps(slots.map((s) => s.slotAt))) expect(gap).toBeGreaterThanOrEqual(MIN_INTERVAL);
    } finally {
      await other.quit();
    }
  });

  it("keys expire once the device is idle", async () => {
    const store = makeStore();
    await store.reserve("ttl-device", 50);
    const ttl = await redis.pttl(`${prefix}ttl-device`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_050);
  });
});
