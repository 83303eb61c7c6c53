import type { Redis } from "ioredis";

/**
 * Per-device send pacing. WhatsApp logs out accounts that burst and GOWA has no limiter, so
 * every send first reserves the device's next slot. Slots are handed out in order, each at
 * least `minIntervalMs` (plus jitter) after the previous one, so N waiters on one device are
 * spread out and different devices never wait for each other.
 */
export interface PacerStore {
  /**
   * Reserves the next slot for `key`, moving the device's next free time `intervalMs` past it.
   * Returns how long the caller must wait (ms) and the slot time on the store's clock.
   */
  reserve(key: string, intervalMs: number): Promise<{ delayMs: number; slotAt: number }>;
}

export type Pacer = {
  /** Resolves when the caller may send on this device. */
  wait(deviceId: string): Promise<{ waitedMs: number; slotAt: number }>;
};

export type PacerConfig = {
  /** 0 disables pacing. */
  minIntervalMs?: number;
  /** Random extra spacing (0..jitterMs) so sends do not tick like a machine. */
  jitterMs?: number;
  store: PacerStore;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(config: PacerConfig): Pacer {
  const minIntervalMs = config.minIntervalMs ?? 1_000;
  const jitterMs = config.jitterMs ?? 250;
  const random = config.random ?? Math.random;
  const sleep = config.sleep ?? defaultSleep;
  const now = config.now ?? Date.now;
  return {
    async wait(deviceId) {
      if (minIntervalMs <= 0) return { waitedMs: 0, slotAt: now() };
      const interval = minIntervalMs + Math.floor(random() * (jitterMs + 1));
      const { delayMs, slotAt } = await config.store.reserve(deviceId, interval);
      if (delayMs <= 0) return { waitedMs: 0, slotAt };
      // Timers may fire a hair early; keep sleeping until the slot has really come.
      const started = now();
      const until = started + delayMs;
      for (let left = delayMs; left > 0; left = until - now()) await sleep(left);
      return { waitedMs: now() - started, slotAt };
    },
  };
}

/** In-process slots: right for one app instance (and tests). */
export function createMemoryPacerStore(options: { now?: () => number } = {}): PacerStore {
  const now = options.now ?? Date.now;
  const nextFree = new Map<string, number>();
  return {
    async reserve(key, intervalMs) {
      const current = now();
      const slotAt = Math.max(current, nextFree.get(key) ?? 0);
      nextFree.set(key, slotAt + intervalMs);
      // Forget idle devices so the map does not grow forever.
      if (nextFree.size > 10_000) {
        for (const [k, free] of nextFree) if (free < current) nextFree.delete(k);
      }
      return { delayMs: slotAt - current, slotAt };
    },
  };
}

/**
 * One atomic script: read the device's next free time, take max(now, it) as our slot, push the
 * next free time past it. Uses Redis's clock so app instances with skewed clocks still agree.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = now
if nextFree > now then slot = nextFree end
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
return {slot - now, slot}
`;

/** Slots shared by every app instance on the same Redis. */
export function createRedisPacerStore(redis: Redis, options: { keyPrefix?: string } = {}): PacerStore {
  const prefix = options.keyPrefix ?? "careloop:gowa:pace:";
  return {
    async reserve(key, intervalMs) {
      const [delayMs, slotAt] = (await redis.eval(RESERVE_SCRIPT, 1, prefix + key, String(intervalMs))) as [number, number];
      return { delayMs: Number(delayMs), slotAt: Number(slotAt) };
    },
  };
}
