import { DateTime } from "luxon";
import { type AppointmentSchedule, isAppointmentSchedule, type ReminderSchedule, type Schedule } from "./reminder.schemas";

/*
 * Occurrences are computed from the rule when asked, over the local dates a window touches;
 * nothing is expanded ahead. All zone work goes through luxon.
 *
 * Daylight saving, for a local date and time of day:
 * - A time that does not exist (inside a spring-forward gap, e.g. 01:30 in Europe/London on
 *   2026-03-29) is sent at the first valid instant after the gap (02:00 BST = 01:00 UTC): the
 *   earliest moment the patient's clock reads at or past the wanted time. Two times in one gap
 *   therefore share an instant, and are sent once.
 * - A time that occurs twice (inside a fall-back overlap, e.g. 01:30 on 2026-10-25 in London) is
 *   sent once, at the earlier instant (01:30 BST = 00:30 UTC).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Missed by more than this, an occurrence is skipped rather than sent late (issue 4, point 4). */
export const DEFAULT_GRACE_MS = 2 * 60 * 60 * 1000;
/** Up to this late counts as on time: one cron tick plus pacing. */
export const ON_TIME_MS = 5 * 60 * 1000;

export type Lateness = "on_time" | "late_ok" | "too_late";

function parseLocal(date: string, time: string) {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN, hour: hour ?? NaN, minute: minute ?? NaN };
}

/**
 * Every instant at which the zone's clock shows `date` `time`, earliest first: one normally,
 * two in a fall-back overlap, and for a time inside a gap the single instant the gap ends.
 */
export function localTimeCandidates(date: string, time: string, timezone: string): Date[] {
  const wanted = parseLocal(date, time);
  const guess = DateTime.fromObject(wanted, { zone: timezone });
  if (!guess.isValid) throw new RangeError(`Invalid local time ${date} ${time} in ${timezone}: ${guess.invalidExplanation ?? ""}`);
  const exact = guess
    .getPossibleOffsets()
    .filter((dt) => dt.year === wanted.year && dt.month === wanted.month && dt.day === wanted.day && dt.hour === wanted.hour && dt.minute === wanted.minute)
    .map((dt) => dt.toJSDate())
    .sort((a, b) => a.getTime() - b.getTime());
  if (exact.length > 0) return exact;
  return [findGapEnd(guess, `${date}T${time}:00.000`, timezone)];
}

/** The one instant to send a local date and time at, by the rules above. */
export function resolveLocalTime(date: string, time: string, timezone: string): Date {
  const [first] = localTimeCandidates(date, time, timezone);
  if (!first) throw new RangeError(`No instant for ${date} ${time} in ${timezone}`);
  return first;
}

/**
 * Inside a gap luxon moves the wall time forward by the gap's size, past the gap's end. The end
 * is the first instant whose local wall time reaches the wanted one; wall time only grows
 * within a day or two, so a binary search over milliseconds finds it (about 28 steps).
 */
function findGapEnd(shifted: DateTime, wantedKey: string, timezone: string): Date {
  const wallKey = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS");
  let lo = shifted.toMillis() - 2 * DAY_MS; // wall time here is before the wanted one
  let hi = shifted.toMillis(); // and here at or after it
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallKey(mid) >= wantedKey) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

const calendarDay = (date: string) => DateTime.fromISO(date, { zone: "utc" });
const addDays = (date: string, days: number) => calendarDay(date).plus({ days }).toISODate() ?? date;
const localDateOf = (instant: Date, timezone: string) =>
  DateTime.fromJSDate(instant, { zone: timezone }).toISODate() ?? instant.toISOString().slice(0, 10);

/** Whether the rule fires on a local calendar date; start and end dates are inclusive. */
export function occursOnDate(schedule: ReminderSchedule, date: string): boolean {
  if (date < schedule.startDate) return false;
  const { recurrence } = schedule;
  if (recurrence.kind === "once") return date === schedule.startDate;
  if (schedule.endDate && date > schedule.endDate) return false;
  switch (recurrence.kind) {
    case "daily":
      return true;
    case "weekdays":
      return recurrence.days.includes(calendarDay(date).weekday);
    case "every_n_days": {
      // Counted in calendar days from startDate, so the cadence survives DST and the window.
      const days = Math.round(calendarDay(date).diff(calendarDay(schedule.startDate), "days").days);
      return days % recurrence.n === 0;
    }
  }
}

function lastDateOf(schedule: ReminderSchedule): string | null {
  if (schedule.recurrence.kind === "once") return schedule.startDate;
  return schedule.endDate ?? null;
}

/** Instants of one local date, sorted and without repeats (two times in one gap coincide). */
function instantsOnDate(schedule: ReminderSchedule, date: string, timezone: string): Date[] {
  if (!occursOnDate(schedule, date)) return [];
  return uniqueSorted(schedule.timesOfDay.map((time) => resolveLocalTime(date, time, timezone)));
}

function uniqueSorted(instants: Date[]): Date[] {
  const byTime = new Map(instants.map((d) => [d.getTime(), d]));
  return [...byTime.keys()].sort((a, b) => a - b).map((t) => new Date(t));
}

/**
 * The instants an appointment schedule sends at: the appointment (local, by the DST rules above)
 * minus each offset. Offsets are durations, so "24 h before" is 24 real hours even across a
 * DST change. Sorted, earliest first.
 */
export function appointmentOccurrences(schedule: AppointmentSchedule, timezone: string): Date[] {
  const [date = "", time = ""] = schedule.appointmentAt.split("T");
  const at = DateTime.fromJSDate(resolveLocalTime(date, time, timezone));
  return uniqueSorted(schedule.offsetsMinutes.map((minutes) => at.minus({ minutes }).toJSDate()));
}

/**
 * Drops instants before `createdAt`: an appointment booked for tomorrow morning should not get
 * its "24 h before" reminder, already past, sent as a late one.
 */
export function dropPastOccurrences(instants: Date[], createdAt: Date): Date[] {
  return instants.filter((instant) => instant.getTime() >= createdAt.getTime());
}

/** Occurrences in [fromUtc, toUtc), as UTC instants, sorted. */
export function occurrencesBetween(schedule: Schedule, timezone: string, fromUtc: Date, toUtc: Date): Date[] {
  const from = fromUtc.getTime();
  const to = toUtc.getTime();
  if (!(from < to)) return [];
  const inWindow = (d: Date) => d.getTime() >= from && d.getTime() < to;
  if (isAppointmentSchedule(schedule)) return appointmentOccurrences(schedule, timezone).filter(inWindow);

  // One local date either side: a gap can move a time past midnight, and the window's edges
  // fall on local dates that depend on the zone.
  let date = maxDate(addDays(localDateOf(fromUtc, timezone), -1), schedule.startDate);
  let last = addDays(localDateOf(toUtc, timezone), 1);
  const lastOfRule = lastDateOf(schedule);
  if (lastOfRule && lastOfRule < last) last = lastOfRule;

  const found: Date[] = [];
  for (; date <= last; date = addDays(date, 1)) {
    found.push(...instantsOnDate(schedule, date, timezone).filter(inWindow));
  }
  return uniqueSorted(found);
}

/** The first occurrence strictly after `afterUtc`, or null when the schedule has ended. */
export function nextOccurrence(schedule: Schedule, timezone: string, afterUtc: Date): Date | null {
  const after = afterUtc.getTime();
  if (isAppointmentSchedule(schedule)) {
    return appointmentOccurrences(schedule, timezone).find((d) => d.getTime() > after) ?? null;
  }
  const first = maxDate(addDays(localDateOf(afterUtc, timezone), -1), schedule.startDate);
  // Every rule fires within n <= 365 days of any date, so a little over a year always suffices.
  let last = addDays(first, 368);
  const lastOfRule = lastDateOf(schedule);
  if (lastOfRule && lastOfRule < last) last = lastOfRule;

  for (let date = first; date <= last; date = addDays(date, 1)) {
    const next = instantsOnDate(schedule, date, timezone).find((d) => d.getTime() > after);
    if (next) return next;
  }
  return null;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);

/**
 * How late a send is. Up to ON_TIME_MS counts as on time (as does a check made early); later
 * than that but less than the grace period is still worth sending; at or past the grace
 * period the occurrence is skipped as too late, so downtime does not end in a burst of stale
 * reminders.
 */
export function classifyLateness(scheduledAt: Date, now: Date, graceMs: number = DEFAULT_GRACE_MS): Lateness {
  const lateMs = now.getTime() - scheduledAt.getTime();
  if (lateMs >= graceMs) return "too_late";
  if (lateMs <= ON_TIME_MS) return "on_time";
  return "late_ok";
}
