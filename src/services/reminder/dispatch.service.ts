import { DateTime } from "luxon";
import type { Delivery, Organisation, Patient, Reminder } from "@/db/schema";
import { logger } from "@/lib/logger";
import { findMessageByDedupeKey, reserveOutboundMessages } from "../messaging/messages.repository";
import { type OutboundCtx, type OutboundText, type SendOutcome, outboundRow, sendReserved, sendText } from "../messaging/outbound.service";
import { findOrganisationById } from "../organisation/organisation.repository";
import { findPatientById } from "../patient/patient.repository";
import * as repo from "./reminder.repository";
import { type Schedule, isAppointmentSchedule } from "./reminder.schemas";
import { DEFAULT_GRACE_MS, classifyLateness, nextOccurrence, occurrencesBetween } from "./schedule";
import { nextAllowedTime } from "./quiet-hours";
import { type TemplateBook, templateBook } from "./template.service";
import { listOrgTemplates } from "./template.repository";
import { renderTemplate } from "./templates";

export type DispatchCtx = OutboundCtx;

export type DispatchOptions = {
  /** Stop claiming new work after this long (Vercel gives a cron function 60 s). */
  budgetMs?: number;
  /** An occurrence later than this is skipped as too late: no burst of stale reminders after an outage. */
  graceMs?: number;
  /** How long a reply still counts for a delivery. */
  windowMs?: number;
  /** The one nudge after no reply. */
  nudgeAfterMs?: number;
  /** Parallel senders; pacing still spaces sends per device. */
  concurrency?: number;
  batchSize?: number;
  /** Limit the run to one organisation / patient / reminder ("send now"). */
  scope?: { orgId?: string; patientId?: string; reminderId?: string };
};

export type DispatchSummary = { due: number; sent: number; failed: number; skipped: number; deferred: number; unknown: number; nudged: number; missed: number };

export const DEFAULT_WINDOW_MS = 6 * 3600_000;
export const DEFAULT_NUDGE_AFTER_MS = 60 * 60_000;

/**
 * The reminder cron: turn occurrences that came due into deliveries, send them exactly once, nudge
 * once, close windows. Safe to run many times concurrently: materialising relies on the unique
 * (reminder, scheduled_at) index, sending on FOR UPDATE SKIP LOCKED plus a dedupe key per delivery.
 */
export async function runReminderCron(ctx: DispatchCtx, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const started = Date.now();
  const deadline = started + (options.budgetMs ?? 50_000);
  const due = await materialiseDueOccurrences(ctx, options);
  const sending = await dispatchDueDeliveries(ctx, { ...options, deadline });
  const nudged = Date.now() < deadline ? await sendDueNudges(ctx, deadline) : 0;
  const missed = await repo.closeExpiredWindows(ctx.db, { now: ctx.clock.now() });
  return { due, ...sending, nudged, missed };
}

/** Inserts a delivery for every occurrence between a reminder's cursor and now, then moves the cursor. */
export async function materialiseDueOccurrences(ctx: DispatchCtx, options: DispatchOptions = {}): Promise<number> {
  const now = ctx.clock.now();
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  let created = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const due = await repo.lockDueReminders(tx, { now, limit: 200, ...options.scope });
      const rows: Parameters<typeof repo.insertDeliveries>[1] = [];
      for (const reminder of due) {
        const from = reminder.nextDueAt ?? now;
        for (const scheduledAt of occurrencesBetween(reminder.schedule, reminder.timezone, from, new Date(now.getTime() + 1))) {
          const tooLate = now.getTime() - scheduledAt.getTime() >= graceMs;
          rows.push({
            orgId: reminder.orgId,
            reminderId: reminder.id,
            patientId: reminder.patientId,
            scheduledAt,
            ...(tooLate ? { state: "skipped" as const, skipReason: "too_late" } : {}),
          });
        }
        await repo.updateReminder(tx, { orgId: reminder.orgId, id: reminder.id, values: { nextDueAt: nextOccurrence(reminder.schedule, reminder.timezone, now) } });
      }
      // one statement, last: the dashboard's count rows it touches (drizzle/0010) are locked in key
      // order and held only until this commits, so concurrent crons do not deadlock on them (only a
      // catch-up of more than 5,000 occurrences takes several statements; a deadlock there rolls the
      // batch back for the next run)
      for (let i = 0; i < rows.length; i += 5000) created += await repo.insertDeliveries(tx, rows.slice(i, i + 5000));
      return due.length;
    });
    if (batch < 200) return created;
  }
}

type SendingSummary = Omit<DispatchSummary, "due" | "nudged" | "missed">;

export async function dispatchDueDeliveries(ctx: DispatchCtx, options: DispatchOptions & { deadline: number }): Promise<SendingSummary> {
  const summary: SendingSummary = { sent: 0, failed: 0, skipped: 0, deferred: 0, unknown: 0 };
  const cache: Cache = { orgs: new Map(), reminders: new Map(), patients: new Map(), books: new Map() };
  const concurrency = options.concurrency ?? 8;
  for (;;) {
    if (Date.now() >= options.deadline) break;
    const claimed = await repo.claimDueDeliveries(ctx.db, { now: ctx.clock.now(), limit: options.batchSize ?? 100, ...options.scope });
    if (claimed.length === 0) break;
    await preload(ctx, claimed, cache);
    const sends = await prepareBatch(ctx, claimed, options, cache, summary);
    // one INSERT reserves the whole batch; a key already taken means an earlier run got that far
    const reserved = new Map((await reserveOutboundMessages(ctx.db, sends.map((p) => outboundRow(p.text)))).map((m) => [m.dedupeKey, m]));
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < sends.length; i = next++) {
        const send = sends[i] as PreparedSend;
        const message = reserved.get(send.text.dedupeKey);
        if (message && Date.now() >= options.deadline) {
          // give it back for the next run; the reserved row goes with it
          await repo.releaseDelivery(ctx.db, { orgId: send.delivery.orgId, deliveryId: send.delivery.id, messageId: message.id });
          summary.deferred++;
          continue;
        }
        const outcome = message
          ? { messageId: message.id, ...(await sendReserved(ctx, send.text)) }
          : await earlierOutcome(ctx, send);
        summary[await recordOutcome(ctx, send, outcome, options)]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, sends.length) }, worker));
  }
  return summary;
}

type Cache = {
  orgs: Map<string, Organisation | undefined>;
  reminders: Map<string, Reminder | undefined>;
  patients: Map<string, Patient | undefined>;
  books: Map<string, TemplateBook>;
};
type PreparedSend = { delivery: Delivery; patient: Patient; org: Organisation; text: OutboundText };

/** Loads the reminders, patients and organisations of a claimed batch in three queries, not three per delivery. */
async function preload(ctx: DispatchCtx, batch: Delivery[], cache: Cache): Promise<void> {
  const orgIds = [...new Set(batch.map((d) => d.orgId))];
  const missing = <T>(map: Map<string, T>, ids: string[]) => [...new Set(ids)].filter((id) => !map.has(id));
  const newOrgs = missing(cache.orgs, orgIds);
  const [orgRows, reminderRows, patientRows, templates] = await Promise.all([
    repo.findOrganisationsByIds(ctx.db, { ids: newOrgs }),
    repo.findRemindersByIds(ctx.db, { orgIds, ids: missing(cache.reminders, batch.map((d) => d.reminderId)) }),
    repo.findPatientsByIds(ctx.db, { orgIds, ids: missing(cache.patients, batch.map((d) => d.patientId)) }),
    listOrgTemplates(ctx.db, { orgIds: newOrgs }),
  ]);
  for (const orgId of newOrgs) cache.books.set(orgId, templateBook(templates.filter((t) => t.orgId === orgId)));
  for (const row of orgRows) cache.orgs.set(row.id, row);
  for (const row of reminderRows) cache.reminders.set(row.id, row);
  for (const row of patientRows) cache.patients.set(row.id, row);
}

/** Skips what must not go out (with the reason) and renders the rest. */
async function prepareBatch(ctx: DispatchCtx, claimed: Delivery[], options: DispatchOptions, cache: Cache, summary: SendingSummary) {
  const now = ctx.clock.now();
  const sends: PreparedSend[] = [];
  for (const delivery of claimed) {
    const org = cache.orgs.get(delivery.orgId);
    const reminder = cache.reminders.get(delivery.reminderId);
    const patient = cache.patients.get(delivery.patientId);
    const late = classifyLateness(delivery.scheduledAt, now, options.graceMs) === "too_late";
    const reason = !org ? "deleted" : (skipReason(patient, reminder) ?? (late ? "too_late" : null));
    if (reason || !org || !patient || !reminder) {
      await repo.updateDelivery(ctx.db, { orgId: delivery.orgId, id: delivery.id, values: { state: "skipped", skipReason: reason ?? "deleted", lockedUntil: null } });
      summary.skipped++;
      continue;
    }
    sends.push({
      delivery,
      patient,
      org,
      text: { org, patientId: patient.id, phone: patient.phone, purpose: "reminder", text: reminderText(reminder, patient, delivery.scheduledAt, cache.books.get(org.id)), dedupeKey: `reminder:${delivery.id}` },
    });
  }
  return sends;
}

type Outcome = SendOutcome & { messageId: string | null };

/** An earlier run reserved this send and died: its message row tells what happened. */
async function earlierOutcome(ctx: DispatchCtx, send: PreparedSend): Promise<Outcome> {
  const earlier = await findMessageByDedupeKey(ctx.db, { orgId: send.org.id, dedupeKey: send.text.dedupeKey });
  const delivered = earlier && ["sent", "delivered", "read"].includes(earlier.status);
  return delivered && earlier
    ? { messageId: earlier.id, status: "sent", externalId: earlier.externalId, sentAt: earlier.sentAt, errorCode: null }
    : { messageId: earlier?.id ?? null, status: earlier?.status === "failed" ? "failed" : "unknown", externalId: null, sentAt: null, errorCode: earlier?.errorCode ?? "OUTCOME_UNKNOWN" };
}

/** Records a send on its message and its delivery in one statement. */
async function recordOutcome(ctx: DispatchCtx, send: PreparedSend, outcome: Outcome, options: DispatchOptions): Promise<keyof SendingSummary> {
  const sentAt = outcome.sentAt ?? ctx.clock.now();
  const state = outcome.status === "sent" ? "sent" : outcome.status === "failed" ? "failed" : "unknown";
  await repo.recordSendOutcome(ctx.db, {
    orgId: send.org.id,
    deliveryId: send.delivery.id,
    message: outcome.messageId ? { id: outcome.messageId, status: outcome.status, externalId: outcome.externalId, sentAt: outcome.sentAt, errorCode: outcome.errorCode } : null,
    delivery:
      state === "sent"
        ? {
            state,
            messageId: outcome.messageId,
            externalId: outcome.externalId,
            sentAt,
            lastError: null,
            windowEndsAt: new Date(sentAt.getTime() + (options.windowMs ?? DEFAULT_WINDOW_MS)),
            nudgeDueAt: nextAllowedTime(new Date(sentAt.getTime() + (options.nudgeAfterMs ?? DEFAULT_NUDGE_AFTER_MS)), send.patient.timezone, quietHours(send.org)),
          }
        : { state, messageId: outcome.messageId, externalId: null, sentAt: null, lastError: outcome.errorCode, windowEndsAt: null, nudgeDueAt: null },
  });
  if (state === "unknown") logger.warn({ deliveryId: send.delivery.id }, "reminder send outcome unknown; not resent");
  return state;
}

/** Why a patient must not get this reminder now, if there is a reason. */
export function skipReason(patient: Patient | undefined, reminder: Reminder | undefined): string | null {
  if (!patient || patient.deletedAt) return "deleted";
  if (!reminder || reminder.deletedAt) return "deleted";
  if (reminder.status === "paused") return "paused";
  if (patient.unsubscribedAt) return "unsubscribed";
  if (patient.verificationStatus !== "VERIFIED") return "unverified";
  if (!patient.consentWhatsapp) return "no_consent";
  return null;
}

export const quietHours = (org: Pick<Organisation, "quietHoursStart" | "quietHoursEnd">) => ({ start: org.quietHoursStart, end: org.quietHoursEnd });

/** The reminder's message in the patient's language (the organisation's wording if it has one), filled in. */
export function reminderText(reminder: Reminder, patient: Patient, scheduledAt: Date, book: TemplateBook = templateBook([])): string {
  const local = DateTime.fromJSDate(isAppointmentSchedule(reminder.schedule) ? appointmentInstant(reminder.schedule, reminder.timezone) : scheduledAt, { zone: reminder.timezone });
  const template = reminder.message ?? book(reminder.type, patient.language);
  return renderTemplate(template, {
    name: patient.name.split(" ")[0] ?? patient.name,
    medicine: reminder.medicineName,
    dose: reminder.dose,
    place: reminder.appointmentPlace,
    time: local.toFormat("HH:mm"),
    date: local.setLocale(patient.language).toFormat("d LLLL yyyy"),
  });
}

function appointmentInstant(schedule: Schedule & { appointmentAt: string }, timezone: string): Date {
  return DateTime.fromISO(schedule.appointmentAt, { zone: timezone }).toJSDate();
}

/** The one gentle nudge per delivery, for patients who have not answered (or said not yet). */
export async function sendDueNudges(ctx: DispatchCtx, deadline: number): Promise<number> {
  let nudged = 0;
  while (Date.now() < deadline) {
    const due = await repo.claimDueNudges(ctx.db, { now: ctx.clock.now(), limit: 50 });
    if (due.length === 0) break;
    for (const delivery of due) {
      const [org, patient, reminder] = await Promise.all([
        findOrganisationById(ctx.db, { id: delivery.orgId }),
        findPatientById(ctx.db, { orgId: delivery.orgId, id: delivery.patientId }),
        repo.findReminder(ctx.db, { orgId: delivery.orgId, id: delivery.reminderId }),
      ]);
      if (!org || !patient || !reminder || skipReason(patient, reminder)) continue;
      const key = delivery.confirmation === "not_taken" ? "not_taken_follow_up" : "nudge";
      const time = DateTime.fromJSDate(delivery.scheduledAt, { zone: reminder.timezone }).toFormat("HH:mm");
      const book = templateBook(await listOrgTemplates(ctx.db, { orgIds: [org.id] }));
      const text = renderTemplate(book(key, patient.language), {
        name: patient.name.split(" ")[0] ?? patient.name,
        medicine: reminder.medicineName,
        dose: reminder.dose,
        time,
      });
      const sent = await sendText(ctx, { org, patientId: patient.id, phone: patient.phone, purpose: "nudge", text, dedupeKey: `nudge:${delivery.id}` });
      if (sent) nudged++;
    }
  }
  return nudged;
}
