import { describe, expect, it } from "vitest";
import { isQuietTime, nextAllowedTime } from "./quiet-hours";

const utc = (iso: string) => new Date(iso);
const jakarta = "Asia/Jakarta"; // UTC+7
const london = "Europe/London";

describe("isQuietTime with the default 21:00-06:00 window (crosses midnight)", () => {
  it("is quiet from 21:00 local, inclusive", () => {
    expect(isQuietTime(utc("2026-05-01T13:59:00Z"), jakarta)).toBe(false); // 20:59
    expect(isQuietTime(utc("2026-05-01T14:00:00Z"), jakarta)).toBe(true); // 21:00
  });

  it("stays quiet past midnight and ends at 06:00 local, exclusive", () => {
    expect(isQuietTime(utc("2026-05-01T17:00:00Z"), jakarta)).toBe(true); // 00:00
    expect(isQuietTime(utc("2026-05-01T22:59:00Z"), jakarta)).toBe(true); // 05:59
    expect(isQuietTime(utc("2026-05-01T23:00:00Z"), jakarta)).toBe(false); // 06:00
  });

  it("judges by the patient's zone, not UTC", () => {
    const instant = utc("2026-05-01T14:30:00Z");
    expect(isQuietTime(instant, jakarta)).toBe(true); // 21:30 WIB
    expect(isQuietTime(instant, london)).toBe(false); // 15:30 BST
  });
});

describe("isQuietTime with a window inside one day", () => {
  const lunch = { start: "12:00", end: "14:00" };

  it("is quiet only between start (inclusive) and end (exclusive)", () => {
    expect(isQuietTime(utc("2026-05-01T04:59:00Z"), jakarta, lunch)).toBe(false); // 11:59
    expect(isQuietTime(utc("2026-05-01T05:00:00Z"), jakarta, lunch)).toBe(true); // 12:00
    expect(isQuietTime(utc("2026-05-01T07:00:00Z"), jakarta, lunch)).toBe(false); // 14:00
    expect(isQuietTime(utc("2026-05-01T16:00:00Z"), jakarta, lunch)).toBe(false); // 23:00
  });

  it("a window whose start equals its end is never quiet", () => {
    expect(isQuietTime(utc("2026-05-01T14:00:00Z"), jakarta, { start: "21:00", end: "21:00" })).toBe(false);
  });
});

describe("nextAllowedTime", () => {
  it("returns the instant itself when sending is allowed", () => {
    const instant = utc("2026-05-01T03:00:00Z");
    expect(nextAllowedTime(instant, jakarta).toISOString()).toBe(instant.toISOString());
  });

  it("before midnight, defers to 06:00 local the next morning", () => {
    expect(nextAllowedTime(utc("2026-05-01T15:00:00Z"), jakarta).toISOString()).toBe("2026-05-01T23:00:00.000Z"); // 22:00 -> 06:00
  });

  it("after midnight, defers to 06:00 local the same morning", () => {
    expect(nextAllowedTime(utc("2026-05-01T19:00:00Z"), jakarta).toISOString()).toBe("2026-05-01T23:00:00.000Z"); // 02:00 -> 06:00
  });

  it("within a same-day window, defers to its end that day", () => {
    expect(nextAllowedTime(utc("2026-05-01T06:00:00Z"), jakarta, { start: "12:00", end: "14:00" }).toISOString()).toBe("2026-05-01T07:00:00.000Z");
  });

  it("across spring forward, 06:00 the next morning is 06:00 BST", () => {
    expect(nextAllowedTime(utc("2026-03-28T22:00:00Z"), london).toISOString()).toBe("2026-03-29T05:00:00.000Z");
  });

  it("across fall back, 06:00 the next morning is 06:00 GMT", () => {
    expect(nextAllowedTime(utc("2026-10-24T23:00:00Z"), london).toISOString()).toBe("2026-10-25T06:00:00.000Z");
  });

  it("a window ending at a time lost to spring forward ends when the gap ends", () => {
    const window = { start: "00:00", end: "01:30" };
    expect(nextAllowedTime(utc("2026-03-29T00:30:00Z"), london, window).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("a window ending at a repeated time ends at the next occurrence of that time still ahead", () => {
    const window = { start: "00:00", end: "01:30" };
    expect(nextAllowedTime(utc("2026-10-25T00:10:00Z"), london, window).toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 01:10 BST
    expect(nextAllowedTime(utc("2026-10-25T01:10:00Z"), london, window).toISOString()).toBe("2026-10-25T01:30:00.000Z"); // 01:10 GMT
  });

  it("never returns an instant inside quiet hours", () => {
    for (let hour = 0; hour < 48; hour++) {
      const instant = new Date(Date.UTC(2026, 2, 28, hour, 17));
      const allowed = nextAllowedTime(instant, london);
      expect(isQuietTime(allowed, london)).toBe(false);
      expect(allowed.getTime()).toBeGreaterThanOrEqual(instant.getTime());
    }
  });
});
