import { describe, expect, it } from "vitest";
import type { AppointmentSchedule, ReminderSchedule } from "./reminder.schemas";
import {
  appointmentOccurrences,
  classifyLateness,
  dropPastOccurrences,
  nextOccurrence,
  occurrencesBetween,
  resolveLocalTime,
} from "./schedule";

const utc = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((d) => d.toISOString());
const daily = (timesOfDay: string[], startDate = "2026-01-01", endDate?: string): ReminderSchedule => ({
  startDate,
  endDate,
  timesOfDay,
  recurrence: { kind: "daily" },
});

describe("time zones without daylight saving", () => {
  it("an 08:00 daily reminder in Asia/Jakarta (UTC+7) falls at 01:00 UTC", () => {
    const found = occurrencesBetween(daily(["08:00"]), "Asia/Jakarta", utc("2026-05-01T00:00:00Z"), utc("2026-05-03T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-05-01T01:00:00.000Z", "2026-05-02T01:00:00.000Z"]);
  });

  it("an 08:00 daily reminder in Asia/Makassar (UTC+8) falls at midnight UTC", () => {
    const found = occurrencesBetween(daily(["08:00"]), "Asia/Makassar", utc("2026-05-01T00:00:00Z"), utc("2026-05-02T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-05-01T00:00:00.000Z"]);
  });

  it("an early-morning local time lands on the previous UTC date, and the window still finds it", () => {
    const found = occurrencesBetween(daily(["06:00"]), "Asia/Jakarta", utc("2026-05-01T00:00:00Z"), utc("2026-05-02T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-05-01T23:00:00.000Z"]);
  });

  it("several times of day come back sorted in UTC", () => {
    const found = occurrencesBetween(daily(["08:00", "13:00", "20:00"]), "Asia/Jakarta", utc("2026-05-01T00:00:00Z"), utc("2026-05-02T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-05-01T01:00:00.000Z", "2026-05-01T06:00:00.000Z", "2026-05-01T13:00:00.000Z"]);
  });
});

describe("Europe/London daylight saving", () => {
  const london = "Europe/London";

  it("on the spring-forward day a 01:30 reminder, which does not exist, is sent when the gap ends (02:00 BST)", () => {
    const found = occurrencesBetween(daily(["01:30"]), london, utc("2026-03-28T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
    expect(isoList(found)).toEqual([
      "2026-03-28T01:30:00.000Z", // 01:30 GMT
      "2026-03-29T01:00:00.000Z", // the gap 01:00-02:00 ends at 02:00 BST
      "2026-03-30T00:30:00.000Z", // 01:30 BST
    ]);
  });

  it("an 08:00 reminder stays at 08:00 local across spring forward", () => {
    const found = occurrencesBetween(daily(["08:00"]), london, utc("2026-03-28T00:00:00Z"), utc("2026-03-31T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"]);
  });

  it("on the fall-back day a 01:30 reminder, which occurs twice, is sent once at the earlier instant", () => {
    const found = occurrencesBetween(daily(["01:30"]), london, utc("2026-10-24T00:00:00Z"), utc("2026-10-27T00:00:00Z"));
    expect(isoList(found)).toEqual([
      "2026-10-24T00:30:00.000Z", // 01:30 BST
      "2026-10-25T00:30:00.000Z", // the first 01:30 (BST); the second (01:30 GMT) is not sent
      "2026-10-26T01:30:00.000Z", // 01:30 GMT
    ]);
  });

  it("a window covering only the repeated hour's second pass finds no second send", () => {
    expect(occurrencesBetween(daily(["01:30"]), london, utc("2026-10-25T01:00:00Z"), utc("2026-10-25T02:00:00Z"))).toEqual([]);
  });

  it("an 08:00 reminder stays at 08:00 local across fall back", () => {
    const found = occurrencesBetween(daily(["08:00"]), london, utc("2026-10-24T00:00:00Z"), utc("2026-10-27T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z", "2026-10-26T08:00:00.000Z"]);
  });

  it("two times inside the same gap become one send, not two", () => {
    const found = occurrencesBetween(daily(["01:15", "01:45"]), london, utc("2026-03-29T00:00:00Z"), utc("2026-03-30T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-03-29T01:00:00.000Z"]);
  });

  it("resolveLocalTime applies the same gap and overlap rules to a single time", () => {
    expect(resolveLocalTime("2026-03-29", "01:30", london).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(resolveLocalTime("2026-10-25", "01:30", london).toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });
});

describe("recurrence kinds", () => {
  const jakarta = "Asia/Jakarta";
  const may = [utc("2026-04-20T00:00:00Z"), utc("2026-06-01T00:00:00Z")] as const;
  const localDates = (dates: Date[]) => dates.map((d) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10));

  it("once fires on its start date only, at each of its times", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-05", timesOfDay: ["08:00", "20:00"], recurrence: { kind: "once" } };
    expect(isoList(occurrencesBetween(schedule, jakarta, ...may))).toEqual(["2026-05-05T01:00:00.000Z", "2026-05-05T13:00:00.000Z"]);
  });

  it("once ignores an end date", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-05", endDate: "2026-05-20", timesOfDay: ["08:00"], recurrence: { kind: "once" } };
    expect(occurrencesBetween(schedule, jakarta, ...may)).toHaveLength(1);
  });

  it("daily fires every day from the start date through the end date, both inclusive", () => {
    const found = occurrencesBetween(daily(["08:00"], "2026-05-01", "2026-05-03"), jakarta, ...may);
    expect(localDates(found)).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
  });

  it("an end-date occurrence late in the local evening is still included", () => {
    const found = occurrencesBetween(daily(["23:30"], "2026-05-01", "2026-05-02"), jakarta, ...may);
    expect(isoList(found)).toEqual(["2026-05-01T16:30:00.000Z", "2026-05-02T16:30:00.000Z"]);
  });

  it("weekdays fires only on the chosen ISO weekdays (Mon, Wed, Fri)", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-01", endDate: "2026-05-10", timesOfDay: ["08:00"], recurrence: { kind: "weekdays", days: [1, 3, 5] } };
    // 2026-05-01 is a Friday.
    expect(localDates(occurrencesBetween(schedule, jakarta, ...may))).toEqual(["2026-05-01", "2026-05-04", "2026-05-06", "2026-05-08"]);
  });

  it("weekdays uses the patient's local weekday, not the UTC one", () => {
    // 06:00 Monday in Jakarta is 23:00 Sunday UTC.
    const schedule: ReminderSchedule = { startDate: "2026-05-01", endDate: "2026-05-10", timesOfDay: ["06:00"], recurrence: { kind: "weekdays", days: [1] } };
    expect(isoList(occurrencesBetween(schedule, jakarta, ...may))).toEqual(["2026-05-03T23:00:00.000Z"]);
  });

  it("every_n_days counts from the start date, whatever day the window starts", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-01", timesOfDay: ["08:00"], recurrence: { kind: "every_n_days", n: 3 } };
    const found = occurrencesBetween(schedule, jakarta, utc("2026-05-05T00:00:00Z"), utc("2026-05-14T00:00:00Z"));
    expect(localDates(found)).toEqual(["2026-05-07", "2026-05-10", "2026-05-13"]);
  });

  it("every_n_days keeps its cadence across a DST change", () => {
    const schedule: ReminderSchedule = { startDate: "2026-03-27", timesOfDay: ["08:00"], recurrence: { kind: "every_n_days", n: 2 } };
    const found = occurrencesBetween(schedule, "Europe/London", utc("2026-03-27T00:00:00Z"), utc("2026-04-02T00:00:00Z"));
    expect(isoList(found)).toEqual(["2026-03-27T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-31T07:00:00.000Z"]);
  });

  it("nothing fires before the start date", () => {
    expect(occurrencesBetween(daily(["08:00"], "2026-05-10"), jakarta, utc("2026-05-01T00:00:00Z"), utc("2026-05-10T00:00:00Z"))).toEqual([]);
  });

  it("a one-day window years after the start yields just that day, computed from the rule", () => {
    const found = occurrencesBetween(daily(["08:00"], "2026-01-01"), jakarta, utc("2036-02-29T00:00:00Z"), utc("2036-03-01T00:00:00Z"));
    expect(isoList(found)).toEqual(["2036-02-29T01:00:00.000Z"]);
  });
});

describe("window boundaries", () => {
  const schedule = daily(["08:00"]);

  it("an occurrence exactly at the window start is included", () => {
    expect(isoList(occurrencesBetween(schedule, "Asia/Jakarta", utc("2026-05-01T01:00:00Z"), utc("2026-05-01T02:00:00Z")))).toEqual(["2026-05-01T01:00:00.000Z"]);
  });

  it("an occurrence exactly at the window end is excluded", () => {
    expect(occurrencesBetween(schedule, "Asia/Jakarta", utc("2026-05-01T00:00:00Z"), utc("2026-05-01T01:00:00Z"))).toEqual([]);
  });

  it("consecutive windows together return each occurrence exactly once", () => {
    const edges = ["2026-05-01T00:00:00Z", "2026-05-01T01:00:00Z", "2026-05-02T01:00:00Z", "2026-05-03T00:00:00Z"].map(utc);
    const pieces = edges.slice(1).flatMap((to, i) => occurrencesBetween(schedule, "Asia/Jakarta", edges[i] ?? to, to));
    expect(isoList(pieces)).toEqual(["2026-05-01T01:00:00.000Z", "2026-05-02T01:00:00.000Z"]);
  });

  it("an empty or reversed window has no occurrences", () => {
    const t = utc("2026-05-01T01:00:00Z");
    expect(occurrencesBetween(schedule, "Asia/Jakarta", t, t)).toEqual([]);
    expect(occurrencesBetween(schedule, "Asia/Jakarta", t, utc("2026-04-01T00:00:00Z"))).toEqual([]);
  });
});

describe("nextOccurrence", () => {
  it("returns the first occurrence strictly after the given instant", () => {
    const schedule = daily(["08:00", "20:00"]);
    expect(nextOccurrence(schedule, "Asia/Jakarta", utc("2026-05-01T01:00:00Z"))?.toISOString()).toBe("2026-05-01T13:00:00.000Z");
    expect(nextOccurrence(schedule, "Asia/Jakarta", utc("2026-05-01T13:00:00Z"))?.toISOString()).toBe("2026-05-02T01:00:00.000Z");
  });

  it("jumps to the start date when asked before it", () => {
    expect(nextOccurrence(daily(["08:00"], "2026-06-01"), "Asia/Makassar", utc("2026-01-01T00:00:00Z"))?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("is null once the end date has passed", () => {
    expect(nextOccurrence(daily(["08:00"], "2026-05-01", "2026-05-03"), "Asia/Jakarta", utc("2026-05-03T01:00:00Z"))).toBeNull();
  });

  it("is null after a one-time reminder has fired", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-05", timesOfDay: ["08:00"], recurrence: { kind: "once" } };
    expect(nextOccurrence(schedule, "Asia/Jakarta", utc("2026-05-05T01:00:00Z"))).toBeNull();
  });

  it("finds a yearly cadence (every 365 days) a year ahead", () => {
    const schedule: ReminderSchedule = { startDate: "2026-05-01", timesOfDay: ["08:00"], recurrence: { kind: "every_n_days", n: 365 } };
    expect(nextOccurrence(schedule, "Asia/Jakarta", utc("2026-05-02T00:00:00Z"))?.toISOString()).toBe("2027-05-01T01:00:00.000Z");
  });

  it("after the first pass of a repeated hour, the skipped second pass is not offered", () => {
    expect(nextOccurrence(daily(["01:30"]), "Europe/London", utc("2026-10-25T00:30:00Z"))?.toISOString()).toBe("2026-10-26T01:30:00.000Z");
  });
});

describe("appointment schedules", () => {
  const appointment: AppointmentSchedule = { appointmentAt: "2026-05-10T09:00", offsetsMinutes: [1440, 120] };

  it("send at the appointment minus each offset, earliest first", () => {
    expect(isoList(appointmentOccurrences(appointment, "Asia/Jakarta"))).toEqual(["2026-05-09T02:00:00.000Z", "2026-05-10T00:00:00.000Z"]);
  });

  it("are found by occurrencesBetween and nextOccurrence like any schedule", () => {
    expect(isoList(occurrencesBetween(appointment, "Asia/Jakarta", utc("2026-05-09T12:00:00Z"), utc("2026-05-11T00:00:00Z")))).toEqual(["2026-05-10T00:00:00.000Z"]);
    expect(nextOccurrence(appointment, "Asia/Jakarta", utc("2026-05-10T00:00:00Z"))).toBeNull();
  });

  it("treat offsets as real durations across a DST change (24 h before 10:00 BST is 09:00 GMT)", () => {
    const found = appointmentOccurrences({ appointmentAt: "2026-03-29T10:00", offsetsMinutes: [1440] }, "Europe/London");
    expect(isoList(found)).toEqual(["2026-03-28T09:00:00.000Z"]);
  });

  it("dropPastOccurrences drops sends already past when the reminder is created", () => {
    const all = appointmentOccurrences(appointment, "Asia/Jakarta");
    expect(isoList(dropPastOccurrences(all, utc("2026-05-09T12:00:00Z")))).toEqual(["2026-05-10T00:00:00.000Z"]);
    expect(dropPastOccurrences(all, utc("2026-05-09T02:00:00Z"))).toHaveLength(2);
  });
});

describe("classifyLateness", () => {
  const at = utc("2026-05-01T01:00:00Z");
  const plus = (ms: number) => new Date(at.getTime() + ms);
  const minute = 60_000;

  it("a send at the scheduled time or within five minutes is on time", () => {
    expect(classifyLateness(at, at)).toBe("on_time");
    expect(classifyLateness(at, plus(5 * minute))).toBe("on_time");
    expect(classifyLateness(at, plus(-minute))).toBe("on_time");
  });

  it("a send later than that but under the two-hour grace period is late but still sent", () => {
    expect(classifyLateness(at, plus(5 * minute + 1))).toBe("late_ok");
    expect(classifyLateness(at, plus(120 * minute - 1))).toBe("late_ok");
  });

  it("a send two hours late or more is too late", () => {
    expect(classifyLateness(at, plus(120 * minute))).toBe("too_late");
    expect(classifyLateness(at, plus(24 * 60 * minute))).toBe("too_late");
  });

  it("honours a custom grace period", () => {
    expect(classifyLateness(at, plus(30 * minute), 30 * minute)).toBe("too_late");
    expect(classifyLateness(at, plus(29 * minute), 30 * minute)).toBe("late_ok");
  });
});
