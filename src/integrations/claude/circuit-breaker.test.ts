import { describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { createCircuitBreaker } from "./circuit-breaker";

function failTimes(breaker: ReturnType<typeof createCircuitBreaker>, times: number) {
  for (let i = 0; i < times; i += 1) breaker.recordFailure();
}

describe("circuit breaker", () => {
  it("stays closed below the failure threshold", () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    failTimes(breaker, 2);
    expect(breaker.state()).toBe("closed");
    expect(breaker.allowRequest()).toBe(true);
  });

  it("opens after five consecutive failures by default and refuses calls", () => {
    const breaker = createCircuitBreaker({ clock: fixedClock("2026-01-01T00:00:00Z") });
    failTimes(breaker, 4);
    expect(breaker.state()).toBe("closed");
    breaker.recordFailure();
    expect(breaker.state()).toBe("open");
    expect(breaker.allowRequest()).toBe(false);
  });

  it("a success in between resets the count of consecutive failures", () => {
    const breaker = createCircuitBreaker({ failureThreshold: 3 });
    failTimes(breaker, 2);
    breaker.recordSuccess();
    failTimes(breaker, 2);
    expect(breaker.state()).toBe("closed");
  });

  it("goes half-open after the 60 s cool-down and lets exactly one trial through", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 2, clock });
    failTimes(breaker, 2);
    clock.advance(59_999);
    expect(breaker.allowRequest()).toBe(false);
    clock.advance(1);
    expect(breaker.state()).toBe("half_open");
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(false);
  });

  it("a successful trial closes the breaker", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 1, coolDownMs: 1_000, clock });
    breaker.recordFailure();
    clock.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state()).toBe("closed");
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(true);
  });

  it("a failed trial re-opens the breaker for another full cool-down", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 1, coolDownMs: 1_000, clock });
    breaker.recordFailure();
    clock.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state()).toBe("open");
    clock.advance(999);
    expect(breaker.allowRequest()).toBe(false);
    clock.advance(1);
    expect(breaker.allowRequest()).toBe(true);
  });

  it("a trial whose outcome is never recorded does not wedge the breaker", () => {
    const clock = fixedClock("2026-01-01T00:00:00Z");
    const breaker = createCircuitBreaker({ failureThreshold: 1, coolDownMs: 1_000, clock });
    breaker.recordFailure();
    clock.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    clock.advance(500);
    expect(breaker.allowRequest()).toBe(false);
    clock.advance(500);
    expect(breaker.allowRequest()).toBe(true);
  });
});
