import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { appointmentSchedule, createReminderBody, quietHoursWindow, reminderSchedule, updateReminderBody } from "./reminder.schemas";

/** Each issue as "path: message", the form the API returns. */
function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const daily = { startDate: "2026-05-01", timesOfDay: ["08:00"], recurrence: { kind: "daily" } };
const medication = { type: "medication", medicineName: "Amlodipin", dose: "5 mg", schedule: daily };

describe("reminderSchedule", () => {
  it("accepts each recurrence kind", () => {
    for (const recurrence of [{ kind: "once" }, { kind: "daily" }, { kind: "weekdays", days: [1, 5] }, { kind: "every_n_days", n: 2 }]) {
      expect(reminderSchedule.safeParse({ ...daily, recurrence }).success).toBe(true);
    }
  });

  it("sorts times of day and weekdays on output", () => {
    const parsed = reminderSchedule.parse({ ...daily, timesOfDay: ["20:00", "07:30", "13:00"], recurrence: { kind: "weekdays", days: [5, 1, 3, 1] } });
    expect(parsed.timesOfDay).toEqual(["07:30", "13:00", "20:00"]);
    expect(parsed.recurrence).toEqual({ kind: "weekdays", days: [1, 3, 5] });
  });

  it("rejects a repeated time, naming timesOfDay", () => {
    expect(issuesOf(reminderSchedule, { ...daily, timesOfDay: ["08:00", "08:00"] })).toEqual(["timesOfDay: must not repeat a time"]);
  });

  it("rejects no times and more than eight", () => {
    expect(issuesOf(reminderSchedule, { ...daily, timesOfDay: [] })).toEqual(["timesOfDay: must have at least one time"]);
    const nine = Array.from({ length: 9 }, (_, i) => `0${i}:00`);
    expect(issuesOf(reminderSchedule, { ...daily, timesOfDay: nine })).toEqual(["timesOfDay: must have at most 8 times"]);
  });

  it("rejects a malformed time, naming its position", () => {
    expect(issuesOf(reminderSchedule, { ...daily, timesOfDay: ["8:00", "24:00"] })).toEqual([
      "timesOfDay.0: must be a time as HH:mm (00:00 to 23:59)",
      "timesOfDay.1: must be a time as HH:mm (00:00 to 23:59)",
    ]);
  });

  it("rejects an impossible date, naming startDate", () => {
    expect(issuesOf(reminderSchedule, { ...daily, startDate: "2026-02-30" })).toEqual(["startDate: must be a real calendar date"]);
    expect(issuesOf(reminderSchedule, { ...daily, startDate: "01/05/2026" })).toEqual(["startDate: must be a date as YYYY-MM-DD"]);
  });

  it("rejects an end date before the start date, naming endDate", () => {
    expect(issuesOf(reminderSchedule, { ...daily, endDate: "2026-04-30" })).toEqual(["endDate: must be on or after startDate"]);
  });

  it("accepts an end date equal to the start date", () => {
    expect(reminderSchedule.safeParse({ ...daily, endDate: "2026-05-01" }).success).toBe(true);
  });

  it("rejects an empty weekday list and days outside 1-7", () => {
    expect(issuesOf(reminderSchedule, { ...daily, recurrence: { kind: "weekdays", days: [] } })).toEqual(["recurrence.days: must name at least one weekday"]);
    expect(issuesOf(reminderSchedule, { ...daily, recurrence: { kind: "weekdays", days: [0] } })).toEqual([
      "recurrence.days.0: must be ISO weekdays 1 (Monday) to 7 (Sunday)",
    ]);
  });

  it("rejects every_n_days outside 2-365 and an unknown kind", () => {
    expect(issuesOf(reminderSchedule, { ...daily, recurrence: { kind: "every_n_days", n: 1 } })).toEqual([
      "recurrence.n: must be at least 2 (use daily for every day)",
    ]);
    expect(issuesOf(reminderSchedule, { ...daily, recurrence: { kind: "every_n_days", n: 366 } })).toEqual(["recurrence.n: must be at most 365"]);
    expect(issuesOf(reminderSchedule, { ...daily, recurrence: { kind: "weekly" } })).toEqual([
      "recurrence.kind: must be one of once, daily, weekdays or every_n_days",
    ]);
  });
});

describe("appointmentSchedule", () => {
  it("defaults the offsets to 24 h and 2 h before", () => {
    expect(appointmentSchedule.parse({ appointmentAt: "2026-05-10T09:00" }).offsetsMinutes).toEqual([1440, 120]);
  });

  it("rejects a time that is not local YYYY-MM-DDTHH:mm, naming appointmentAt", () => {
    expect(issuesOf(appointmentSchedule, { appointmentAt: "2026-05-10T09:00:00Z" })).toEqual([
      "appointmentAt: must be a local date and time as YYYY-MM-DDTHH:mm",
    ]);
  });

  it("rejects a non-positive or repeated offset, naming offsetsMinutes", () => {
    expect(issuesOf(appointmentSchedule, { appointmentAt: "2026-05-10T09:00", offsetsMinutes: [0] })).toEqual([
      "offsetsMinutes.0: must be at least 1 minute",
    ]);
    expect(issuesOf(appointmentSchedule, { appointmentAt: "2026-05-10T09:00", offsetsMinutes: [60, 60] })).toEqual([
      "offsetsMinutes: must not repeat an offset",
    ]);
  });
});

describe("createReminderBody", () => {
  it("accepts a medication reminder and leaves the timezone to the patient's default", () => {
    const parsed = createReminderBody.parse(medication);
    expect(parsed.timezone).toBeUndefined();
    expect(parsed.schedule).toEqual(daily);
  });

  it("accepts an appointment reminder with default offsets", () => {
    const parsed = createReminderBody.parse({ type: "appointment", appointmentPlace: "Puskesmas Melati", schedule: { appointmentAt: "2026-05-10T09:00" } });
    expect(parsed.schedule).toEqual({ appointmentAt: "2026-05-10T09:00", offsetsMinutes: [1440, 120] });
  });

  it("a medication reminder needs medicineName", () => {
    expect(issuesOf(createReminderBody, { type: "medication", schedule: daily })).toEqual(["medicineName: is required for a medication reminder"]);
  });

  it("an appointment reminder needs an appointment schedule", () => {
    expect(issuesOf(createReminderBody, { type: "appointment", schedule: daily })).toEqual([
      "schedule: must be an appointment schedule (appointmentAt, offsetsMinutes) for an appointment reminder",
    ]);
  });

  it("a medication reminder cannot use an appointment schedule", () => {
    expect(issuesOf(createReminderBody, { ...medication, schedule: { appointmentAt: "2026-05-10T09:00" } })).toEqual([
      "schedule: must be a recurring schedule (startDate, timesOfDay, recurrence) for a medication reminder",
    ]);
  });

  it("schedule errors name the nested field", () => {
    expect(issuesOf(createReminderBody, { ...medication, schedule: { ...daily, endDate: "2026-04-01" } })).toEqual([
      "schedule.endDate: must be on or after startDate",
    ]);
    expect(issuesOf(createReminderBody, { type: "appointment", schedule: { appointmentAt: "tomorrow" } })).toEqual([
      "schedule.appointmentAt: must be a local date and time as YYYY-MM-DDTHH:mm",
    ]);
  });

  it("a missing schedule is reported as required", () => {
    expect(issuesOf(createReminderBody, { type: "general" })).toEqual(["schedule: is required"]);
  });

  it("rejects an unknown type and an unknown time zone, naming each", () => {
    expect(issuesOf(createReminderBody, { ...medication, type: "vaccine" })).toEqual(["type: must be one of medication, appointment or general"]);
    expect(issuesOf(createReminderBody, { ...medication, timezone: "Mars/Olympus" })).toEqual([
      "timezone: must be an IANA time zone such as Asia/Jakarta",
    ]);
  });

  it("a custom message with unknown variables is rejected, naming them", () => {
    expect(issuesOf(createReminderBody, { ...medication, message: "Halo {nama}, minum {obat}" })).toEqual([
      "message: uses unknown variables {nama}, {obat}; allowed are {name}, {medicine}, {dose}, {time}, {place}, {date}",
    ]);
  });

  it("a custom message and a templateKey are not both allowed", () => {
    expect(issuesOf(createReminderBody, { ...medication, templateKey: "medication", message: "Halo {name}" })).toEqual([
      "message: must not be set together with templateKey",
    ]);
  });
});

describe("updateReminderBody", () => {
  it("accepts any single field", () => {
    expect(updateReminderBody.parse({ dose: "10 mg" })).toEqual({ dose: "10 mg" });
    expect(updateReminderBody.parse({ schedule: daily })).toEqual({ schedule: daily });
  });

  it("rejects an empty change", () => {
    expect(issuesOf(updateReminderBody, {})).toEqual([": must change at least one field"]);
  });

  it("checks a supplied type against a supplied schedule", () => {
    expect(issuesOf(updateReminderBody, { type: "appointment", schedule: daily })).toEqual([
      "schedule: must be an appointment schedule (appointmentAt, offsetsMinutes) for an appointment reminder",
    ]);
  });

  it("validates a supplied schedule as on create", () => {
    expect(issuesOf(updateReminderBody, { schedule: { ...daily, timesOfDay: ["25:00"] } })).toEqual([
      "schedule.timesOfDay.0: must be a time as HH:mm (00:00 to 23:59)",
    ]);
  });
});

describe("quietHoursWindow", () => {
  it("requires HH:mm bounds", () => {
    expect(quietHoursWindow.safeParse({ start: "21:00", end: "06:00" }).success).toBe(true);
    expect(issuesOf(quietHoursWindow, { start: "9pm", end: "06:00" })).toEqual(["start: must be a time as HH:mm (00:00 to 23:59)"]);
  });
});
