import { DateTime } from "luxon";
import { localTimeCandidates } from "./schedule";

/** Local "HH:mm" bounds; start after end means the window crosses midnight. Start is quiet, end is not. */
export type QuietHours = { start: string; end: string };

/** The organisation default: no nudges between 21:00 and 06:00 patient-local. */
export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "06:00" };

const minuteOfDay = (time: string) => {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  return hour * 60 + minute;
};

/**
 * Judged on the patient's wall clock at that instant, so a fall-back night's repeated hour is
 * quiet (or not) both times. Equal start and end mean no quiet hours.
 */
export function isQuietTime(instantUtc: Date, timezone: string, window: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const local = DateTime.fromJSDate(instantUtc, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  const start = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The instant itself when sending is allowed, else the moment the quiet window ends in the
 * patient's local time. An end time inside a DST gap resolves to the gap's end; one that occurs
 * twice resolves to the first occurrence still ahead of the instant.
 */
export function nextAllowedTime(instantUtc: Date, timezone: string, window: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuietTime(instantUtc, timezone, window)) return new Date(instantUtc.getTime());
  const local = DateTime.fromJSDate(instantUtc, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  // Before midnight in a window that crosses it, the window ends tomorrow.
  const crossesMidnight = minuteOfDay(window.start) > minuteOfDay(window.end);
  const endDay = crossesMidnight && now >= minuteOfDay(window.start) ? local.plus({ days: 1 }) : local;
  const endDate = endDay.toISODate() ?? "";
  const candidates = localTimeCandidates(endDate, window.end, timezone);
  const ahead = candidates.find((c) => c.getTime() > instantUtc.getTime());
  return ahead ?? candidates[candidates.length - 1] ?? new Date(instantUtc.getTime());
}
