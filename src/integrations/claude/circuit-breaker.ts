import { systemClock, type Clock } from "@/lib/clock";

/**
 * A small circuit breaker for calls to Claude. After `failureThreshold` consecutive failures it
 * opens and every call is refused (the caller uses the rules instead) until `coolDownMs` has
 * passed; then one trial call is let through. Its success closes the breaker, its failure opens
 * it for another cool-down. Pure state over an injectable clock, so tests move time by hand.
 */

export type BreakerState = "closed" | "open" | "half_open";

export interface CircuitBreaker {
  /** True when a call may go out now. In half-open state only the first caller gets true. */
  allowRequest(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  state(): BreakerState;
}

export type CircuitBreakerOptions = {
  failureThreshold?: number;
  coolDownMs?: number;
  clock?: Clock;
};

export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_COOL_DOWN_MS = 60_000;

export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const failureThreshold = Math.max(1, options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD);
  const coolDownMs = Math.max(0, options.coolDownMs ?? DEFAULT_COOL_DOWN_MS);
  const clock = options.clock ?? systemClock;

  let consecutiveFailures = 0;
  let openedAt: number | null = null;
  // When the half-open trial started; null while no trial is out.
  let trialStartedAt: number | null = null;

  function currentState(): BreakerState {
    if (openedAt === null) return "closed";
    return clock.now().getTime() - openedAt >= coolDownMs ? "half_open" : "open";
  }

  function open(): void {
    openedAt = clock.now().getTime();
    trialStartedAt = null;
  }

  return {
    allowRequest() {
      const state = currentState();
      if (state === "closed") return true;
      if (state === "open") return false;
      const now = clock.now().getTime();
      // A trial whose outcome was never recorded (a caller that crashed) must not wedge the
      // breaker half-open forever: after another cool-down a new trial may go.
      if (trialStartedAt !== null && now - trialStartedAt < coolDownMs) return false;
      trialStartedAt = now;
      return true;
    },
    recordSuccess() {
      consecutiveFailures = 0;
      openedAt = null;
      trialStartedAt = null;
    },
    recordFailure() {
      const state = currentState();
      if (state === "half_open") {
        open();
        return;
      }
      if (state === "open") return;
      consecutiveFailures += 1;
      if (consecutiveFailures >= failureThreshold) open();
    },
    state: currentState,
  };
}
